// The shell's two ways in: an interactive loop on a terminal (libedit,
// history, completion, Ctrl-C) and a piped script (no prompts; stops with
// exit status 1 at the first error).
#include "shell/shell.h"

#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "shell/line_editor.h"
#include "shell/session.h"
#include "shell/statement_splitter.h"
#include "storage/error.h"

namespace kith::shell {

namespace {

void on_interrupt(int) { g_interrupted = true; }

// Ctrl-C must reach us and break a blocking read (no SA_RESTART) instead of
// killing the process; a pager that quits early must not kill us either.
void install_signal_handlers(bool interactive) {
  signal(SIGPIPE, SIG_IGN);
  if (!interactive) return;
  struct sigaction sa {};
  sa.sa_handler = on_interrupt;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  sigaction(SIGINT, &sa, nullptr);
}

std::string history_path() {
  const char* home = std::getenv("HOME");
  return home && *home ? std::string(home) + "/.kith_history" : std::string();
}

std::string trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

int run_interactive(Session& session) {
  StatementSplitter splitter;
  LineEditor editor("kith", history_path(), [&](const std::string& before_cursor) {
    return session.complete(before_cursor, !splitter.pending());
  });
  std::cout << "kith shell (" << session.backend().describe()
            << "). End statements with ';'. :help lists the commands.\n";
  std::string entry;  // the statement's lines so far, as one history entry
  for (;;) {
    std::string line;
    const auto status = editor.read(splitter.pending() ? "  ..> " : "kith> ", line);
    if (status == LineEditor::Status::Interrupted) {
      // Ctrl-C at the prompt drops the unfinished statement, like psql.
      std::cout << "^C\n";
      splitter.clear();
      entry.clear();
      g_interrupted = false;
      continue;
    }
    if (status == LineEditor::Status::EndOfInput) {
      std::cout << "\n";
      return 0;
    }
    const std::string trimmed = trim(line);
    if (!splitter.pending()) {
      if (trimmed.empty()) continue;
      if (trimmed.front() == ':') {
        editor.add_history(trimmed);
        if (session.run_command(trimmed) == Session::CommandResult::Quit) return 0;
        continue;
      }
    }
    if (!trimmed.empty()) entry += (entry.empty() ? "" : " ") + trimmed;
    const auto statements = splitter.add_line(line);
    if (!splitter.pending() && !entry.empty()) {
      editor.add_history(entry);
      entry.clear();
    }
    for (const auto& statement : statements) session.run_statement(statement);
  }
}

}  // namespace

int run_shell(const ShellOptions& options) {
  const bool interactive = isatty(STDIN_FILENO);
  install_signal_handlers(interactive);
  std::unique_ptr<Backend> backend =
      options.url.empty() ? open_embedded(options.db_path) : open_remote(options.url, options.token);
  Session session(std::move(backend), interactive);
  if (interactive) return run_interactive(session);
  bool quit = false;
  return session.run_script(std::cin, quit) ? 0 : 1;
}

}  // namespace kith::shell
