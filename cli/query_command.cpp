#include "cli/command_line.h"
#include "cli/commands.h"

namespace kith::cli {

int run_query(int argc, char** argv) {
  return not_built_yet(argc, argv,
                       "usage: kith query --db PATH [--format table|csv|json] "
                       "[--param name=value]... \"QUERY\"",
                       "the query engine");
}

}  // namespace kith::cli
