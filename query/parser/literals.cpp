#include "query/parser/literals.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "storage/error.h"

namespace kith::query {
namespace {

[[noreturn]] void fail(const std::string& message, TokenStart at) {
  throw Error(ErrorCode::SyntaxError, message, at.line, at.column);
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

int64_t decode_integer(std::string_view text, bool negative, TokenStart at) {
  int base = 10;
  std::string_view digits = text;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    digits.remove_prefix(2);
  } else if (text.size() > 2 && text[0] == '0' && (text[1] == 'o' || text[1] == 'O')) {
    base = 8;
    digits.remove_prefix(2);
  }
  uint64_t magnitude = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, base);
  const uint64_t limit = negative ? uint64_t{1} << 63 : uint64_t{std::numeric_limits<int64_t>::max()};
  if (ec == std::errc::result_out_of_range || magnitude > limit)
    fail("integer literal " + std::string(negative ? "-" : "") + std::string(text) +
             " is out of the 64-bit range",
         at);
  if (ec != std::errc() || ptr != digits.data() + digits.size())
    fail("invalid number literal '" + std::string(text) + "'", at);
  if (negative) return magnitude == limit ? std::numeric_limits<int64_t>::min() : -static_cast<int64_t>(magnitude);
  return static_cast<int64_t>(magnitude);
}

double decode_float(std::string_view text, TokenStart at) {
  std::string s(text);
  errno = 0;
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) fail("invalid number literal '" + s + "'", at);
  if (std::isinf(d)) fail("float literal " + s + " is out of range", at);
  return d;
}

std::string decode_string(std::string_view quoted, TokenStart at) {
  std::string out;
  std::string_view body = quoted.substr(1, quoted.size() - 2);
  TokenStart here{at.line, at.column + 1};
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\') {
      out += c;
      if (c == '\n') {
        ++here.line;
        here.column = 1;
      } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        ++here.column;  // count code points, as ANTLR does
      }
      continue;
    }
    TokenStart escape_at = here;
    char e = i + 1 < body.size() ? body[i + 1] : '\0';
    ++i;
    here.column += 2;
    switch (e) {
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'u':
      case 'U': {
        size_t n = e == 'u' ? 4 : 8;
        uint32_t cp = 0;
        std::string_view hex = body.substr(i + 1, n);
        auto [ptr, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), cp, 16);
        if (hex.size() != n || ec != std::errc() || ptr != hex.data() + n)
          fail(std::string("invalid escape sequence: \\") + e + " needs " + std::to_string(n) +
                   " hexadecimal digits",
               escape_at);
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
          fail("invalid escape sequence: U+" + std::string(hex) + " is not a Unicode character", escape_at);
        append_utf8(out, cp);
        i += n;
        here.column += static_cast<uint32_t>(n);
        break;
      }
      default: {
        std::string shown = e == '\0' ? std::string() : std::string(1, e);
        fail("unknown escape sequence '\\" + shown + "'", escape_at);
      }
    }
  }
  return out;
}

std::string decode_escaped_name(std::string_view quoted) {
  std::string out;
  for (size_t i = 1; i + 1 < quoted.size(); ++i) {
    out += quoted[i];
    if (quoted[i] == '`') ++i;  // a doubled backtick stands for one
  }
  return out;
}

}  // namespace kith::query
