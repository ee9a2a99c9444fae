// What the shell tests share: a temp dir with a small database, running the
// real kith binary with piped input, and a tmux session driving it in a
// pseudo-terminal (polling the pane for text, never fixed sleeps).
#pragma once

#include <chrono>
#include <string>

namespace kith::shell_test {

// A fresh temp dir (removed at the end) holding db: 3 Person nodes (Ada,
// Bob, Cy), Ada-[:KNOWS]->Bob, and a HOME for the shell's history.
class ShellFixture {
 public:
  ShellFixture();
  ~ShellFixture();
  std::string dir;
  std::string db;
  std::string home;
};

struct RunResult {
  int exit_code;
  std::string out;
  std::string err;
};
// Runs `kith <args>` with `input` on its stdin, stdout and stderr captured.
RunResult run_kith(const ShellFixture& f, const std::string& args, const std::string& input);

std::string read_text(const std::string& path);
// Single-quoted for sh.
std::string quoted(const std::string& s);

// `kith serve` on the fixture's database at a free port, with a writer
// token; stopped with SIGTERM (which cancels running statements).
class KithServer {
 public:
  explicit KithServer(const ShellFixture& f);
  ~KithServer();
  std::string url;
  std::string token;

 private:
  int pid_ = -1;
};

// One tmux server on a private socket, with one session running `command`.
class Tmux {
 public:
  // `pager` is the shell's $PAGER (cat: paging changes nothing on screen).
  Tmux(const ShellFixture& f, const std::string& command, const std::string& pager = "cat");
  ~Tmux();
  // Types text as it is, or presses keys by tmux name ("Enter", "C-c", "Up").
  void type(const std::string& text);
  void keys(const std::string& names);
  std::string pane() const;
  // Polls the pane (with its scrollback) until it contains `text`.
  bool poll(const std::string& text, std::chrono::milliseconds timeout) const;
  // poll(), and on failure show the pane in the test's output.
  bool wait_for(const std::string& text, std::chrono::milliseconds timeout = std::chrono::seconds(15)) const;
  // Presses Ctrl-C until the pane shows "Cancelled": only a query already
  // running on its worker thread can answer it, so keep pressing until then.
  bool cancel_running_query();
  // Polls until the shell has exited (the session is gone).
  bool wait_exit(std::chrono::milliseconds timeout = std::chrono::seconds(15)) const;

 private:
  std::string tmux_;  // "tmux -S <socket> -f /dev/null"
};

}  // namespace kith::shell_test
