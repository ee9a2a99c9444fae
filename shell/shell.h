// kith shell: the interactive REPL over an embedded database or a server.
#pragma once

#include <string>

namespace kith::shell {

struct ShellOptions {
  std::string db_path;  // embedded mode
  std::string url;      // remote mode: http://host:port
  std::string token;    // remote mode: the bearer token
};

// Runs the shell on the process's stdin/stdout; returns the exit status
// (0, or 1 when a piped script stopped at an error).
int run_shell(const ShellOptions& options);

}  // namespace kith::shell
