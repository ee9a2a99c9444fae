// The subcommands of the `kith` binary. Each takes the arguments after its
// name (argv[0] is the subcommand) and returns the process exit code:
// 0 success, 1 a failure the user can fix (bad query, bad file), 2 bad usage.
#pragma once

namespace kith::cli {

int run_import(int argc, char** argv);
int run_query(int argc, char** argv);
int run_shell(int argc, char** argv);
int run_serve(int argc, char** argv);
int run_token(int argc, char** argv);
int run_demo(int argc, char** argv);

}  // namespace kith::cli
