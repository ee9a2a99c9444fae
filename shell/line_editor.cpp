#include "shell/line_editor.h"

#include <histedit.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>

namespace kith::shell {

LineEditor::LineEditor(const char* program, std::string history_path, Completer completer)
    : history_path_(std::move(history_path)), completer_(std::move(completer)) {
  el_ = el_init(program, stdin, stdout, stderr);
  history_ = history_init();
  HistEvent ev;
  ::history(history_, &ev, H_SETSIZE, 2000);
  ::history(history_, &ev, H_SETUNIQUE, 1);
  if (!history_path_.empty()) ::history(history_, &ev, H_LOAD, history_path_.c_str());
  el_set(el_, EL_CLIENTDATA, this);
  el_set(el_, EL_EDITOR, "emacs");
  el_set(el_, EL_PROMPT, &LineEditor::prompt_callback);
  el_set(el_, EL_HIST, ::history, history_);
  el_set(el_, EL_ADDFN, "kith-complete", "complete the word before the cursor",
         &LineEditor::complete_callback);
  el_set(el_, EL_BIND, "^I", "kith-complete", nullptr);
  el_source(el_, nullptr);  // the user's ~/.editrc, as other libedit programs
}

LineEditor::~LineEditor() {
  el_end(el_);
  history_end(history_);
}

LineEditor::Status LineEditor::read(const std::string& prompt, std::string& line) {
  prompt_ = prompt;
  el_resize(el_);  // the terminal may have changed size while a result printed
  int count = 0;
  errno = 0;
  const char* text = el_gets(el_, &count);
  if (text == nullptr) {
    if (count < 0 && errno == EINTR) return Status::Interrupted;
    return Status::EndOfInput;
  }
  line.assign(text, static_cast<size_t>(count));
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  return Status::Line;
}

void LineEditor::add_history(const std::string& entry) {
  HistEvent ev;
  ::history(history_, &ev, H_ENTER, entry.c_str());
  if (!history_path_.empty()) ::history(history_, &ev, H_SAVE, history_path_.c_str());
}

char* LineEditor::prompt_callback(editline* el) {
  void* self = nullptr;
  el_get(el, EL_CLIENTDATA, &self);
  return const_cast<char*>(static_cast<LineEditor*>(self)->prompt_.c_str());
}

unsigned char LineEditor::complete_callback(editline* el, int) {
  void* self = nullptr;
  el_get(el, EL_CLIENTDATA, &self);
  return static_cast<LineEditor*>(self)->complete();
}

unsigned char LineEditor::complete() {
  const LineInfo* info = el_line(el_);
  const std::string before(info->buffer, info->cursor);
  const Completion c = completer_(before);
  if (c.candidates.empty()) return CC_ERROR;  // rings the bell
  const std::string word = before.substr(c.word_start);
  const std::string prefix = c.candidates.size() == 1 ? c.candidates.front() : common_prefix(c.candidates);
  if (prefix.size() > word.size() || (prefix.size() == word.size() && prefix != word)) {
    el_deletestr(el_, static_cast<int>(word.size()));
    el_insertstr(el_, prefix.c_str());
    return CC_REFRESH;
  }
  if (c.candidates.size() == 1) return CC_NORM;
  // Nothing more in common: list the choices under the line, then redraw it.
  std::fputc('\n', stdout);
  size_t width = 0;
  for (const auto& s : c.candidates) width = std::max(width, s.size());
  const size_t per_line = std::max<size_t>(1, 78 / (width + 2));
  for (size_t i = 0; i < c.candidates.size(); ++i) {
    std::fprintf(stdout, "%-*s", static_cast<int>(width + 2), c.candidates[i].c_str());
    if ((i + 1) % per_line == 0 || i + 1 == c.candidates.size()) std::fputc('\n', stdout);
  }
  std::fflush(stdout);
  return CC_REDISPLAY;
}

}  // namespace kith::shell
