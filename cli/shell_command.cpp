// kith shell: options, then the shell library does the rest.
#include <iostream>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "shell/shell.h"

namespace kith::cli {

int run_shell(int argc, char** argv) {
  po::options_description options("options");
  shell::ShellOptions so;
  options.add_options()("db", po::value(&so.db_path), "the database file (embedded mode)")(
      "url", po::value(&so.url), "a kith server, http://host:port (remote mode)")(
      "token", po::value(&so.token), "the server's access token (remote mode)");
  po::positional_options_description positional;
  po::variables_map vm;
  const std::string usage =
      "usage: kith shell --db PATH\n"
      "       kith shell --url http://host:port [--token T]\n\n"
      "The interactive shell. On a terminal: line editing, history in ~/.kith_history,\n"
      "Tab completion, :help for the commands. With standard input from a file or a pipe\n"
      "it runs each statement (CSV output when standard output is not a terminal) and\n"
      "exits with status 1 at the first error (the error is on stderr). See docs/shell.md.";
  if (auto rc = parse_command_line(argc, argv, usage, options, positional, vm)) return *rc;
  if (so.db_path.empty() == so.url.empty()) {
    std::cerr << "kith shell: give either --db PATH or --url http://host:port\n\n" << usage << "\n";
    return 2;
  }
  return shell::run_shell(so);
}

}  // namespace kith::cli
