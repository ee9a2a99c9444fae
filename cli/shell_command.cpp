#include "cli/command_line.h"
#include "cli/commands.h"

namespace kith::cli {

int run_shell(int argc, char** argv) {
  return not_built_yet(argc, argv, "usage: kith shell [--db PATH | --url http://host:port --token T]",
                       "the interactive shell");
}

}  // namespace kith::cli
