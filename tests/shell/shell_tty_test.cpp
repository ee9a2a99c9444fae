// The real `kith shell` in a pseudo-terminal (tmux): what a person at the
// keyboard sees. Every wait polls the pane, so a loaded machine only slows
// the test down.
#include <doctest/doctest.h>

#include "shell_fixture.h"

using namespace kith::shell_test;

namespace {
std::string shell_command(const ShellFixture& f) {
  return quoted(KITH_BINARY) + " shell --db " + quoted(f.db);
}
}  // namespace

TEST_CASE("multi-line entry, then Up recalls it as one history entry") {
  ShellFixture f;
  {
    Tmux t(f, shell_command(f));
    REQUIRE(t.wait_for("kith> "));
    t.type("MATCH (p:Person)");
    t.keys("Enter");
    REQUIRE(t.wait_for("  ..> "));  // the continuation prompt
    t.type("RETURN count(p) AS people;");
    t.keys("Enter");
    CHECK(t.wait_for("people"));
    CHECK(t.wait_for("1 row ("));  // row count and time
    const std::string typed = "MATCH (p:Person) RETURN count(p) AS people;";
    CHECK(t.pane().find(typed) == std::string::npos);
    t.keys("Up");
    CHECK(t.wait_for("kith> " + typed));
    t.keys("C-u");
    t.keys("C-d");
    CHECK(t.wait_exit());
  }
  // The history file survives the session, and a new shell recalls from it.
  CHECK(read_text(f.home + "/.kith_history").find("people;") != std::string::npos);
  Tmux again(f, shell_command(f));
  REQUIRE(again.wait_for("kith> "));
  again.keys("Up");
  CHECK(again.wait_for("kith> MATCH (p:Person) RETURN count(p) AS people;"));
  again.keys("Enter");
  CHECK(again.wait_for("1 row ("));
}

TEST_CASE("Tab completes a label, a property key and a command from the live schema") {
  ShellFixture f;
  Tmux t(f, shell_command(f));
  REQUIRE(t.wait_for("kith> "));
  t.type("MATCH (p:Pers");
  t.keys("Tab");
  CHECK(t.wait_for("kith> MATCH (p:Person"));
  t.type(") RETURN p.na");
  t.keys("Tab");
  CHECK(t.wait_for("kith> MATCH (p:Person) RETURN p.name"));
  t.type(" AS n ORDER BY n LIMIT 1;");
  t.keys("Enter");
  CHECK(t.wait_for("Ada"));
  t.type(":sch");
  t.keys("Tab");
  CHECK(t.wait_for("kith> :schema"));
  t.keys("Enter");
  CHECK(t.wait_for(":KNOWS  1"));
  // The schema is live: a label created in this session completes at once;
  // so do parameter names after '$'.
  t.type("CREATE (:Vendor {name: 'Initech'});");
  t.keys("Enter");
  CHECK(t.wait_for("OK ("));
  t.type(":param vendor_name = Initech");
  t.keys("Enter");
  // Type on only after the next prompt: keys sent while the shell is still
  // handling the line land before the prompt and break up the echo.
  CHECK(t.wait_for(":param vendor_name = Initech\nkith>"));
  t.type("MATCH (v:Ven");
  t.keys("Tab");
  CHECK(t.wait_for("kith> MATCH (v:Vendor"));
  t.type(" {name: $ven");
  t.keys("Tab");
  CHECK(t.wait_for("kith> MATCH (v:Vendor {name: $vendor_name"));
  t.type("}) RETURN count(v) AS vendors;");
  t.keys("Enter");
  CHECK(t.wait_for("| 1       |"));
}

TEST_CASE(":param binds a value a query uses; errors show a caret; typos get a suggestion") {
  ShellFixture f;
  Tmux t(f, shell_command(f));
  REQUIRE(t.wait_for("kith> "));
  t.type(":param who = Bob");
  t.keys("Enter");
  CHECK(t.wait_for(":param who = Bob\nkith>"));
  t.type("MATCH (p:Person {name: $who}) RETURN p.age AS age_of_bob;");
  t.keys("Enter");
  CHECK(t.wait_for("age_of_bob"));
  CHECK(t.wait_for("41"));
  t.type(":params");
  t.keys("Enter");
  CHECK(t.wait_for("$who = \"Bob\""));
  t.type("RETURN $who + nope;");
  t.keys("Enter");
  CHECK(t.wait_for("UnknownVariable at 1:15"));
  CHECK(t.wait_for("  RETURN $who + nope\n                ^"));
  t.type(":parms");
  t.keys("Enter");
  CHECK(t.wait_for("did you mean ':params'?"));
}

TEST_CASE("Ctrl-C cancels a long query and the shell stays up") {
  ShellFixture f;
  Tmux t(f, shell_command(f));
  REQUIRE(t.wait_for("kith> "));
  // 10^10 rows: far longer than any test timeout unless cancelled.
  t.type("UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS n;");
  t.keys("Enter");
  CHECK(t.cancel_running_query());
  t.type("RETURN 6 * 7 AS answer;");
  t.keys("Enter");
  CHECK(t.wait_for("42"));
  // At the prompt Ctrl-C drops the unfinished statement (else the next one
  // would be a syntax error).
  t.type("MATCH (n");
  t.keys("Enter");
  REQUIRE(t.wait_for("  ..> "));
  t.keys("C-c");
  CHECK(t.wait_for("^C\nkith> "));
  t.type("RETURN 'fresh' AS start;");
  t.keys("Enter");
  CHECK(t.wait_for("| fresh  |"));
  t.keys("C-d");
  CHECK(t.wait_exit());
}

TEST_CASE("results taller than the terminal go through $PAGER unless :pager off; :mode line") {
  ShellFixture f;
  Tmux t(f, shell_command(f), "sed s/^/paged:/");
  REQUIRE(t.wait_for("kith> "));
  t.type("UNWIND range(1, 60) AS i RETURN i;");  // 60 rows on a 40-row terminal
  t.keys("Enter");
  CHECK(t.wait_for("paged:| 60 "));
  CHECK(t.wait_for("paged:60 rows ("));
  t.type("RETURN 'short' AS s;");
  t.keys("Enter");
  CHECK(t.wait_for("| short  |"));
  CHECK(t.pane().find("paged:| short") == std::string::npos);
  t.type(":pager off");
  t.keys("Enter");
  t.type(":mode line");
  t.keys("Enter");
  t.type("UNWIND range(1, 60) AS i RETURN i, 'row' + i AS label;");
  t.keys("Enter");
  CHECK(t.wait_for("label = row60"));
  CHECK(t.pane().find("paged:label") == std::string::npos);
}
