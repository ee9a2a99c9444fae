#include "cli/command_line.h"
#include "cli/commands.h"

namespace kith::cli {

int run_import(int argc, char** argv) {
  return not_built_yet(argc, argv,
                       "usage: kith import --db PATH [--delimiter=C] --nodes=Label[:Label]=a.csv[,b.csv] "
                       "--relationships=TYPE=c.csv ...",
                       "bulk import");
}

}  // namespace kith::cli
