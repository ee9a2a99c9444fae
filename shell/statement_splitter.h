// Cuts typed or piped text into statements at each ';' that is outside a
// string, a `quoted name` or a comment, so a statement may span lines and a
// ';' inside 'a;b' does not end it.
#pragma once

#include <string>
#include <vector>

namespace kith::shell {

class StatementSplitter {
 public:
  // Adds one line (without its '\n') and returns the statements it completed
  // (text before the ';', which is dropped; blank statements are skipped).
  std::vector<std::string> add_line(const std::string& line);
  // True while an unfinished statement is buffered (the continuation prompt).
  bool pending() const;
  // The unfinished text (the last statement of a script may lack its ';').
  std::string take_rest();
  void clear();

 private:
  enum class State { Code, SingleQuote, DoubleQuote, Backtick, BlockComment };
  std::string buffer_;
  State state_ = State::Code;
};

// True when the text has something besides whitespace and comments.
bool has_code(const std::string& text);

}  // namespace kith::shell
