// Cypher-like source text of an AST expression, for error messages
// ("TypeError: ... (1 + true)") and EXPLAIN lines. The AST keeps no source
// text for expressions, so it is rebuilt: spacing is normalised and
// parentheses appear only where precedence needs them.
#pragma once

#include <string>

#include "query/ast/ast.h"

namespace kith::query::planner {

std::string expr_text(const ast::Expr& e);
std::string pattern_text(const ast::PatternPart& p);
std::string node_text(const ast::NodePattern& n);

}  // namespace kith::query::planner
