// Text -> AST. The only entry point of the front end: every syntax problem is
// thrown as kith::Error(ErrorCode::SyntaxError, message, line, column).
#pragma once

#include <cstddef>
#include <string_view>

#include "query/ast/ast.h"

namespace kith::query {

struct ParseOptions {
  // Longer texts are rejected before lexing.
  size_t max_text_bytes = 1 << 20;
  // More tokens than this are rejected before parsing: lexing and parsing
  // cost about 1 KB per token (measured), so this caps what one query can take
  // (~50 MB) whatever its text length. Typical queries have a few hundred.
  size_t max_tokens = 50'000;
  // Brackets, braces, parentheses and CASE..END nested deeper than this are
  // rejected before parsing: the recursive-descent parser would otherwise
  // spend stack proportional to the nesting.
  size_t max_nesting = 500;
  // Expression trees taller than this (e.g. "1+1+...+1" with thousands of
  // terms) are rejected: every later stage walks them recursively.
  size_t max_expression_height = 2000;
};

ast::Statement parse(std::string_view text, const ParseOptions& options = {});

}  // namespace kith::query
