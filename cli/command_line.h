// Shared option handling for the subcommands, on Boost.Program_options.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <string>

namespace kith::cli {

namespace po = boost::program_options;

// Parses argv against `options` (positional names in `positional`). Prints
// `usage` and the options on --help and returns 0; prints the error and the
// usage on bad input and returns 2; returns nullopt when the command should run.
std::optional<int> parse_command_line(int argc, char** argv, const std::string& usage,
                                      po::options_description& options,
                                      const po::positional_options_description& positional,
                                      po::variables_map& vm);

// A command that is part of the design but not built yet: --help prints its
// usage, anything else says so and exits with 2.
int not_built_yet(int argc, char** argv, const std::string& usage, const char* issue);

}  // namespace kith::cli
