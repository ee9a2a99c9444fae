#include "cli/command_line.h"

#include <cstdio>
#include <iostream>
#include <string_view>

namespace kith::cli {

std::optional<int> parse_command_line(int argc, char** argv, const std::string& usage,
                                      po::options_description& options,
                                      const po::positional_options_description& positional,
                                      po::variables_map& vm) {
  options.add_options()("help,h", "show this help");
  try {
    po::store(po::command_line_parser(argc, argv).options(options).positional(positional).run(),
              vm);
    if (vm.count("help")) {
      std::cout << usage << "\n\n" << options << "\n";
      return 0;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << argv[0] << ": " << e.what() << "\n\n" << usage << "\n\n" << options << "\n";
    return 2;
  }
  return std::nullopt;
}

int not_built_yet(int argc, char** argv, const std::string& usage, const char* issue) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--help" || a == "-h") {
      std::cout << usage << "\n\n(not built yet: arrives with " << issue << ")\n";
      return 0;
    }
  }
  std::cerr << "kith " << argv[0] << ": not built yet (arrives with " << issue
            << "). Run 'kith " << argv[0] << " --help' for the planned usage.\n";
  return 2;
}

}  // namespace kith::cli
