// Decoding of literal tokens (numbers, strings, quoted names). Errors are
// SyntaxErrors at the exact offending character.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kith::query {

// Where a token starts, so a decoder can point inside it.
struct TokenStart {
  uint32_t line;    // 1-based
  uint32_t column;  // 1-based
};

// Integer literal text (decimal, 0x hex, 0o octal); `negative` when a unary
// minus was folded into it, which admits -9223372036854775808.
int64_t decode_integer(std::string_view text, bool negative, TokenStart at);

double decode_float(std::string_view text, TokenStart at);

// A quoted string literal, quotes included; decodes escapes to UTF-8.
std::string decode_string(std::string_view quoted, TokenStart at);

// A backtick-quoted name, backticks included (`` `a``b` `` is a`b).
std::string decode_escaped_name(std::string_view quoted);

}  // namespace kith::query
