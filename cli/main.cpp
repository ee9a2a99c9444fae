// Entry point of the `kith` binary: dispatches to one subcommand.
#include <cstdio>
#include <cstring>
#include <exception>
#include <string_view>

#include "cli/commands.h"
#include "storage/error.h"

namespace {

struct Subcommand {
  const char* name;
  const char* summary;
  int (*run)(int, char**);
};

constexpr Subcommand kSubcommands[] = {
    {"import", "bulk-load CSV files (neo4j-admin format) into a new database", kith::cli::run_import},
    {"query", "run one query and print its result", kith::cli::run_query},
    {"shell", "the interactive shell", kith::cli::run_shell},
    {"serve", "serve the HTTP API", kith::cli::run_serve},
    {"token", "create, list or revoke HTTP API tokens", kith::cli::run_token},
    {"demo", "generate the demo relationship data set", kith::cli::run_demo},
};

void print_usage(std::FILE* out) {
  std::fprintf(out,
               "kith - an embedded relationship-graph query engine\n\n"
               "usage: kith <command> [options]\n\ncommands:\n");
  for (const auto& s : kSubcommands) std::fprintf(out, "  %-8s %s\n", s.name, s.summary);
  std::fprintf(out, "\nRun 'kith <command> --help' for the options of a command.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    print_usage(stderr);
    return 2;
  }
  std::string_view cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    print_usage(stdout);
    return 0;
  }
  if (cmd == "--version") {
    std::printf("kith 0.1.0\n");
    return 0;
  }
  for (const auto& s : kSubcommands) {
    if (cmd == s.name) {
      try {
        return s.run(argc - 1, argv + 1);
      } catch (const kith::Error& e) {
        std::fprintf(stderr, "%s\n", e.to_string().c_str());
        return 1;
      } catch (const std::exception& e) {
        std::fprintf(stderr, "Internal: %s\n", e.what());
        return 1;
      }
    }
  }
  std::fprintf(stderr, "kith: unknown command '%s'\n\n", argv[1]);
  print_usage(stderr);
  return 2;
}
