// `kith query` as a user runs it: formats, parameters, exit codes, and
// errors on stderr with a caret under the failing column.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct Run {
  int exit_code;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct Fixture {
  fs::path dir = fs::temp_directory_path() / ("kith-cli-" + std::to_string(::getpid()));
  std::string db;
  Fixture() {
    fs::create_directories(dir);
    db = (dir / "t.db").string();
    // A new database through the shell's piped mode, which creates the file.
    Run r = kith("shell --db " + db,
                 "CREATE (:Person {id: 1, name: 'Ann, \"A\"'})-[:KNOWS {since: 2020}]->(:Person {id: 2, name: 'Bob'});");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  }
  ~Fixture() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  Run kith(const std::string& args, const std::string& stdin_text = "") {
    const fs::path in = dir / "in.txt", out = dir / "out.txt", err = dir / "err.txt";
    std::ofstream(in) << stdin_text;
    const std::string cmd = std::string(KITH_BINARY_PATH) + " " + args + " < " + in.string() + " > " +
                            out.string() + " 2> " + err.string();
    const int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  }
  Run query(const std::string& args, const std::string& text) {
    return kith("query --db " + db + " " + args + " " + quote(text));
  }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "json is the HTTP API's object, with typed values") {
  Run r = query("--format json", "MATCH (a:Person)-[k:KNOWS]->(b) RETURN a, k.since AS since, b.name AS name");
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["columns"] == nlohmann::json::array({"a", "since", "name"}));
  CHECK(j["rows"][0][0]["labels"] == nlohmann::json::array({"Person"}));
  CHECK(j["rows"][0][0]["properties"]["id"] == 1);
  CHECK(j["rows"][0][1] == 2020);
  CHECK(j["rows"][0][2] == "Bob");
  CHECK(j["stats"]["rows"] == 1);
}

TEST_CASE_FIXTURE(Fixture, "csv quotes what needs quoting; table shows a row count") {
  Run csv = query("--format csv", "MATCH (p:Person) RETURN p.name AS name ORDER BY p.id");
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out == "name\r\n\"Ann, \"\"A\"\"\"\r\nBob\r\n");
  Run table = query("", "MATCH (p:Person) RETURN p.name AS name ORDER BY p.id");
  CHECK(table.out.find("| Bob ") != std::string::npos);
  CHECK(table.out.find("2 rows") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "--param values are JSON when they parse, text otherwise") {
  Run r = query("--format csv --param id=2 --param 'who=Bob' --param 'ids=[1,2]'",
                "MATCH (p:Person) WHERE p.id = $id AND p.name = $who AND p.id IN $ids RETURN p.name");
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.out == "p.name\r\nBob\r\n");
  Run now = query("--format csv --param now=2026-06-20T10:00:00Z", "RETURN date() AS today");
  CHECK(now.out == "today\r\n2026-06-20\r\n");
  Run bad = query("--param nothing", "RETURN 1");
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("--param needs name=value") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "a query error exits 1 with the message and a caret on stderr") {
  Run r = query("", "MATCH (friend:Person)\nRETURN frend.name");
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("UnknownVariable at 2:8: 'frend' is not defined (did you mean 'friend'?)") == 0);
  CHECK(r.err.find("\n  RETURN frend.name\n         ^") != std::string::npos);
  Run json = query("--format json", "RETURN 1 +");
  CHECK(json.exit_code == 1);
  auto j = nlohmann::json::parse(json.out);
  CHECK(j["error"]["code"] == "SyntaxError");
  CHECK(j["error"]["line"] == 1);
}

TEST_CASE_FIXTURE(Fixture, "bad usage exits 2; a missing database is an IoError; --help works") {
  CHECK(kith("query --db " + db + " --format xml 'RETURN 1'").exit_code == 2);
  CHECK(kith("query 'RETURN 1'").exit_code == 2);
  Run missing = kith("query --db " + (dir / "nope.db").string() + " 'RETURN 1'");
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("IoError") == 0);
  CHECK_FALSE(fs::exists(dir / "nope.db"));  // query never creates a database
  Run help = kith("query --help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("usage: kith query") == 0);
  for (const char* cmd : {"import", "demo", "shell", "serve", "token"}) {
    CAPTURE(cmd);
    CHECK(kith(std::string(cmd) + " --help").exit_code == 0);
  }
}

TEST_CASE_FIXTURE(Fixture, "a query read from stdin, and a timeout") {
  Run r = kith("query --db " + db + " --format csv -", "MATCH (p:Person {id: 1}) RETURN p.id");
  CHECK(r.out == "p.id\r\n1\r\n");
  Run slow = query("--timeout 50", "UNWIND range(1, 1000000) AS i UNWIND range(1, 1000000) AS j RETURN count(*)");
  CHECK(slow.exit_code == 1);
  CHECK(slow.err.find("Timeout") == 0);
}
