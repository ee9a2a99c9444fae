// Canonical one-line S-expression text of an AST, e.g.
//   MATCH (n:Person) RETURN n.name
//   (query (match (path (node n :Person))) (return (item (. n name))))
// Used by the parser tests (docs/language.md shows the form) and by EXPLAIN
// output. The format is stable: change it only together with the test cases.
#pragma once

#include <string>

#include "query/ast/ast.h"

namespace kith::query::ast {

std::string to_string(const Statement& s);
std::string to_string(const Query& q);
std::string to_string(const Expr& e);
std::string to_string(const PatternPart& p);

}  // namespace kith::query::ast
