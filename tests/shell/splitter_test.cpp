#include <doctest/doctest.h>

#include "shell/error_display.h"
#include "shell/session.h"
#include "shell/statement_splitter.h"

using kith::shell::StatementSplitter;

TEST_CASE("statements end at ';' outside strings, names and comments") {
  StatementSplitter s;
  CHECK(s.add_line("MATCH (p:Person)").empty());
  CHECK(s.pending());
  auto done = s.add_line("RETURN p.name; RETURN 'a;b' AS `x;y` // c;");
  REQUIRE(done.size() == 1);
  CHECK(done[0] == "MATCH (p:Person)\nRETURN p.name");
  CHECK(s.pending());  // the ';' of the second statement was in a comment
  done = s.add_line("/* ; */ ;");
  REQUIRE(done.size() == 1);
  CHECK(done[0] == " RETURN 'a;b' AS `x;y` // c;\n/* ; */ ");
  CHECK_FALSE(s.pending());
}

TEST_CASE("a string may span lines and escape its quote") {
  StatementSplitter s;
  CHECK(s.add_line("RETURN 'it\\'s;").empty());
  auto done = s.add_line("still;' AS x;");
  REQUIRE(done.size() == 1);
  CHECK(done[0] == "RETURN 'it\\'s;\nstill;' AS x");
}

TEST_CASE("blank statements and comments alone are not run") {
  StatementSplitter s;
  CHECK(s.add_line(";;  ;").empty());
  CHECK(s.add_line("// only a comment").empty());
  CHECK_FALSE(s.pending());
  CHECK(s.add_line("RETURN 1").empty());
  CHECK(s.take_rest() == "RETURN 1");
  CHECK_FALSE(s.pending());
}

TEST_CASE("errors show the failing line with a caret under the column") {
  const kith::Error e(kith::ErrorCode::UnknownVariable, "'frend' is not defined", 2, 8);
  CHECK(kith::shell::describe_error(e, "MATCH (friend)\nRETURN frend") ==
        "UnknownVariable at 2:8: 'frend' is not defined\n  RETURN frend\n         ^\n");
  // Characters, not bytes, and tabs kept so the caret lines up.
  const kith::Error u(kith::ErrorCode::SyntaxError, "bad", 1, 5);
  CHECK(kith::shell::describe_error(u, "\t'é' x") == "SyntaxError at 1:5: bad\n  \t'é' x\n  \t   ^\n");
  const kith::Error none(kith::ErrorCode::IoError, "gone");
  CHECK(kith::shell::describe_error(none, "RETURN 1") == "IoError: gone\n");
}

TEST_CASE("edit distance for command suggestions") {
  CHECK(kith::shell::edit_distance("shema", "schema") == 1);
  CHECK(kith::shell::edit_distance("", "quit") == 4);
  CHECK(kith::shell::edit_distance("parms", "params") == 1);
  CHECK(kith::shell::edit_distance("output", "output") == 0);
}
