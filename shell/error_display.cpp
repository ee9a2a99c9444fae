#include "shell/error_display.h"

namespace kith::shell {

std::string describe_error(const Error& error, const std::string& statement) {
  std::string out = error.to_string() + "\n";
  if (!error.has_position()) return out;
  size_t begin = 0;
  for (uint32_t line = 1; line < error.line(); ++line) {
    begin = statement.find('\n', begin);
    if (begin == std::string::npos) return out;
    ++begin;
  }
  size_t end = statement.find('\n', begin);
  if (end == std::string::npos) end = statement.size();
  const std::string text = statement.substr(begin, end - begin);
  // Columns count characters: skip UTF-8 continuation bytes, and keep tabs
  // so the caret lines up however the terminal expands them.
  std::string pad;
  uint32_t column = 1;
  for (size_t i = 0; i < text.size() && column < error.column(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;
    pad += c == '\t' ? '\t' : ' ';
    ++column;
  }
  if (column < error.column() && error.column() > column + 1) return out;
  return out + "  " + text + "\n  " + pad + "^\n";
}

}  // namespace kith::shell
