#include "shell/statement_splitter.h"

namespace kith::shell {

std::vector<std::string> StatementSplitter::add_line(const std::string& line) {
  std::vector<std::string> done;
  if (!buffer_.empty()) buffer_ += '\n';
  // A '//' comment ends with its line, so the scan restarts in Code (or in a
  // block comment / string that continues) for each line.
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const char next = i + 1 < line.size() ? line[i + 1] : '\0';
    switch (state_) {
      case State::Code:
        if (c == ';') {
          if (has_code(buffer_)) done.push_back(buffer_);
          buffer_.clear();
          continue;
        }
        if (c == '/' && next == '/') {
          buffer_.append(line, i, std::string::npos);
          i = line.size();
          continue;
        }
        if (c == '/' && next == '*') {
          state_ = State::BlockComment;
          buffer_ += "/*";
          ++i;
          continue;
        }
        if (c == '\'') state_ = State::SingleQuote;
        if (c == '"') state_ = State::DoubleQuote;
        if (c == '`') state_ = State::Backtick;
        break;
      case State::SingleQuote:
      case State::DoubleQuote:
        if (c == '\\' && next != '\0') {
          buffer_ += c;
          buffer_ += next;
          ++i;
          continue;
        }
        if ((c == '\'' && state_ == State::SingleQuote) || (c == '"' && state_ == State::DoubleQuote)) {
          state_ = State::Code;
        }
        break;
      case State::Backtick:
        if (c == '`') state_ = State::Code;
        break;
      case State::BlockComment:
        if (c == '*' && next == '/') {
          state_ = State::Code;
          buffer_ += "*/";
          ++i;
          continue;
        }
        break;
    }
    buffer_ += c;
  }
  if (!has_code(buffer_) && state_ == State::Code) buffer_.clear();
  return done;
}

bool StatementSplitter::pending() const { return !buffer_.empty(); }

std::string StatementSplitter::take_rest() {
  std::string rest = has_code(buffer_) ? buffer_ : std::string();
  clear();
  return rest;
}

void StatementSplitter::clear() {
  buffer_.clear();
  state_ = State::Code;
}

bool has_code(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      i = text.find('\n', i);
      if (i == std::string::npos) return false;
      continue;
    }
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      i = text.find("*/", i + 2);
      if (i == std::string::npos) return false;
      ++i;
      continue;
    }
    return true;
  }
  return false;
}

}  // namespace kith::shell
