// Interactive line input on libedit (BSD licence): emacs key bindings,
// history kept in a file, and Tab bound to the shell's completer.
#pragma once

#include <functional>
#include <string>

#include "shell/completion.h"

struct editline;
struct history;

namespace kith::shell {

class LineEditor {
 public:
  // Completes the word before the cursor; gets the text before the cursor.
  using Completer = std::function<Completion(const std::string& before_cursor)>;

  LineEditor(const char* program, std::string history_path, Completer completer);
  ~LineEditor();
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  enum class Status { Line, Interrupted, EndOfInput };
  // Reads one line (without '\n'). Interrupted: Ctrl-C (SIGINT, installed
  // without SA_RESTART, breaks the read). EndOfInput: Ctrl-D on an empty line.
  Status read(const std::string& prompt, std::string& line);

  // Adds one entry (a whole multi-line statement joined on one line) to the
  // history and saves the file at once, so a killed shell keeps it.
  void add_history(const std::string& entry);

 private:
  static char* prompt_callback(editline* el);
  static unsigned char complete_callback(editline* el, int ch);
  unsigned char complete();

  editline* el_ = nullptr;
  struct history* history_ = nullptr;
  std::string history_path_;
  std::string prompt_;
  Completer completer_;
};

}  // namespace kith::shell
