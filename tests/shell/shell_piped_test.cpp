// `kith shell` with standard input from a pipe: statements run in order,
// output is CSV (stdout is not a terminal), the first error stops the script
// with exit status 1 and the error, with its caret, on stderr.
#include <doctest/doctest.h>

#include <fstream>

#include "shell_fixture.h"

using namespace kith::shell_test;

TEST_CASE("piped statements print CSV and exit 0") {
  ShellFixture f;
  const auto r = run_kith(f, "shell --db " + quoted(f.db),
                          "MATCH (p:Person)\n  WHERE p.age > 30\nRETURN p.name AS name ORDER BY name;\n"
                          "RETURN 1 + 1 AS two");  // the last statement may lack its ';'
  CHECK(r.exit_code == 0);
  CHECK(r.out == "name\r\nAda\r\nBob\r\ntwo\r\n2\r\n");
  CHECK(r.err.empty());
}

TEST_CASE("the first error stops a piped script with exit 1 and a caret on stderr") {
  ShellFixture f;
  const auto r = run_kith(f, "shell --db " + quoted(f.db),
                          "RETURN 1 AS first;\nMATCH (friend:Person)\nRETURN frend;\nRETURN 3 AS third;\n");
  CHECK(r.exit_code == 1);
  CHECK(r.out == "first\r\n1\r\n");  // the third statement never ran
  CHECK(r.err.find("UnknownVariable at 2:8") != std::string::npos);
  CHECK(r.err.find("  RETURN frend\n         ^\n") != std::string::npos);
}

TEST_CASE("piped scripts can use commands: :param, :mode, :output, :quit") {
  ShellFixture f;
  const std::string out_file = f.dir + "/out.txt";
  const auto r = run_kith(f, "shell --db " + quoted(f.db),
                          ":param min = 40\nMATCH (p:Person) WHERE p.age >= $min RETURN p.name AS n;\n"
                          ":mode line\n:output " +
                              out_file +
                              "\nRETURN 'x' AS letter, 7 AS number;\n"
                              ":output\n:mode json\nRETURN 5 AS five;\n:quit\nRETURN nope;\n");
  CHECK(r.exit_code == 0);  // :quit stopped before the bad statement
  CHECK(r.out.rfind("n\r\nBob\r\n{\"columns\":[\"five\"],\"rows\":[[5]],", 0) == 0);
  CHECK(read_text(out_file) == "letter = x\nnumber = 7\n1 row\n");
}

TEST_CASE("a bad command fails a piped script and suggests the nearest one") {
  ShellFixture f;
  const auto r = run_kith(f, "shell --db " + quoted(f.db), ":shema\nRETURN 1;\n");
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("unknown command ':shema' (did you mean ':schema'?)") != std::string::npos);
}

TEST_CASE("bad usage exits 2; a database that cannot be opened exits 1; a new path is created") {
  ShellFixture f;
  CHECK(run_kith(f, "shell", "").exit_code == 2);
  CHECK(run_kith(f, "shell --db x --url http://127.0.0.1:1", "").exit_code == 2);
  const auto bad = run_kith(f, "shell --db " + quoted(f.dir + "/no/such/dir/db"), "RETURN 1;");
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("Error") != std::string::npos);
  const std::string fresh = f.dir + "/fresh.kith";
  auto made = run_kith(f, "shell --db " + quoted(fresh), "CREATE (:Team {name: 'core'});");
  CHECK(made.exit_code == 0);
  CHECK(made.err == "kith shell: created a new database at " + fresh + "\n");
  made = run_kith(f, "shell --db " + quoted(fresh), "MATCH (t:Team) RETURN t.name AS team;");
  CHECK(made.exit_code == 0);
  CHECK(made.out == "team\r\ncore\r\n");
  CHECK(made.err.empty());
}

TEST_CASE(":read runs a file's statements and stops at its first error") {
  ShellFixture f;
  const std::string good = f.dir + "/good.kql", bad = f.dir + "/bad.kql";
  std::ofstream(good) << "// names\nMATCH (p:Person) RETURN p.name AS n\nORDER BY n LIMIT 1;\n:param k = 2\n";
  std::ofstream(bad) << "RETURN 1 AS one;\nRETURN oops;\nRETURN 3 AS three;\n";
  auto r = run_kith(f, "shell --db " + quoted(f.db), ":read " + good + "\nRETURN $k AS k;\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "n\r\nAda\r\nk\r\n2\r\n");  // the file's :param holds after it
  r = run_kith(f, "shell --db " + quoted(f.db), ":read " + bad + "\nRETURN 4 AS four;\n");
  CHECK(r.exit_code == 1);
  CHECK(r.out == "one\r\n1\r\n");
  CHECK(r.err.find("UnknownVariable at 1:8") != std::string::npos);
  r = run_kith(f, "shell --db " + quoted(f.db), ":read " + f.dir + "/missing.kql\n");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("IoError: cannot read") != std::string::npos);
}
