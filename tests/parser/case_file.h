// The data-driven parser test format (tests/parser/cases/*.test):
//
//   # a comment line (anywhere)
//   ## case: what this case shows
//   MATCH (n:Person)
//   RETURN n.name
//   -> (query (match (path (node n :Person))) (return (item (. n name))))
//
// The query is every line between the "## case:" line and the "->" line; the
// expectation runs from "->" to the next case and is one of
//   -> <printed AST>                          (see query/ast/ast_printer.h)
//   -> ok                                     (parses; AST not compared)
//   -> error SyntaxError 1:17 <message>       (message optional)
// Whitespace runs in the expectation and in the printed AST compare equal.
// To write a new case, put "-> ?" and run the tests with KITH_PRINT_ACTUAL=1:
// they print what every case gives; check it, then paste it in.
#pragma once

#include <string>
#include <vector>

namespace kith::test {

struct ParserCase {
  std::string file;
  int line = 0;  // of the "## case:" line
  std::string title;
  std::string query;
  std::string expected;  // normalised
};

std::vector<ParserCase> read_case_file(const std::string& path);
std::vector<ParserCase> read_all_cases(const std::string& dir);  // every *.test, sorted
std::string normalise_space(const std::string& s);

}  // namespace kith::test
