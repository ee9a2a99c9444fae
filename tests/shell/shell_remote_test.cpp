// `kith shell --url ... --token ...` against a running `kith serve`:
// the same statements, parameters, completion, errors and Ctrl-C as the
// embedded shell.
#include <doctest/doctest.h>

#include "shell_fixture.h"

using namespace kith::shell_test;

TEST_CASE("remote: piped statements, :param, errors with caret, exit codes") {
  ShellFixture f;
  KithServer server(f);
  const std::string args = "shell --url " + server.url + " --token " + server.token;
  auto r = run_kith(f, args, ":param min = 40\nMATCH (p:Person) WHERE p.age >= $min RETURN p.name AS n;\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "n\r\nBob\r\n");
  r = run_kith(f, args, "RETURN 1 AS one;\nMATCH (friend:Person)\nRETURN frend;\nRETURN 2;\n");
  CHECK(r.exit_code == 1);
  CHECK(r.out == "one\r\n1\r\n");
  CHECK(r.err.find("UnknownVariable at 2:8") != std::string::npos);
  CHECK(r.err.find("  RETURN frend\n         ^\n") != std::string::npos);
  r = run_kith(f, "shell --url " + server.url + " --token kith_wrong", "RETURN 1;\n");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("Unauthorized") != std::string::npos);
}

TEST_CASE("remote: nodes, relationships, paths and lists print as in the embedded shell") {
  ShellFixture f;
  const std::string script =
      "MATCH p = (a:Person {name: 'Ada'})-[k:KNOWS]->(b) RETURN a, k, p, [b.name, {n: b.age}] AS l;\n"
      ":mode table\nMATCH (a:Person {name: 'Ada'}) RETURN a;\n";
  const auto embedded = run_kith(f, "shell --db " + quoted(f.db), script);
  REQUIRE(embedded.exit_code == 0);
  CHECK(embedded.out.find("(:Person {age: 36, name: \"\"Ada\"\"})") != std::string::npos);
  CHECK(embedded.out.find("[:KNOWS {since: 2020}]") != std::string::npos);
  CHECK(embedded.out.find("| NODE ") != std::string::npos);
  KithServer server(f);
  const auto remote = run_kith(f, "shell --url " + server.url + " --token " + server.token, script);
  CHECK(remote.exit_code == 0);
  CHECK(remote.out == embedded.out);
}

TEST_CASE("remote: a server that is not there is an IoError, exit 1") {
  ShellFixture f;
  const auto r = run_kith(f, "shell --url http://127.0.0.1:9 --token t", "RETURN 1;\n");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("IoError: cannot reach http://127.0.0.1:9") != std::string::npos);
}

TEST_CASE("remote: completion from GET /v1/schema, results, Ctrl-C closes the request") {
  ShellFixture f;
  KithServer server(f);
  Tmux t(f, quoted(KITH_BINARY) + " shell --url " + server.url + " --token " + server.token);
  REQUIRE(t.wait_for("kith> "));
  CHECK(t.pane().find("remote " + server.url) != std::string::npos);
  t.type("MATCH (p:Pers");
  t.keys("Tab");
  CHECK(t.wait_for("kith> MATCH (p:Person"));
  t.type(") RETURN p.name AS name ORDER BY name;");
  t.keys("Enter");
  CHECK(t.wait_for("Cy"));
  CHECK(t.wait_for("3 rows"));
  t.type("UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS n;");
  t.keys("Enter");
  CHECK(t.cancel_running_query());
  t.type("RETURN 6 * 7 AS answer;");
  t.keys("Enter");
  CHECK(t.wait_for("42"));
}
