#include "cli/command_line.h"
#include "cli/commands.h"

namespace kith::cli {

int run_demo(int argc, char** argv) {
  return not_built_yet(argc, argv, "usage: kith demo [--people N] [--seed S] [--out DIR | --db PATH]",
                       "the demo data set");
}

}  // namespace kith::cli
