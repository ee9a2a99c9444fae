#include "cli/command_line.h"
#include "cli/commands.h"

namespace kith::cli {

int run_serve(int argc, char** argv) {
  return not_built_yet(argc, argv, "usage: kith serve --db PATH [--listen 127.0.0.1:7474]",
                       "the HTTP server");
}

}  // namespace kith::cli
