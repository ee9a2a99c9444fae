// One shell session: its settings (:mode, :timing, :pager, :output), its
// parameters, and how statements and ':' commands run. The interactive loop
// and piped scripts both feed lines through here.
#pragma once

#include <atomic>
#include <fstream>
#include <istream>
#include <memory>
#include <optional>
#include <string>

#include "shell/backend.h"
#include "shell/completion.h"
#include "shell/result_output.h"

namespace kith::shell {

// Set by the SIGINT handler; a running statement polls it.
extern std::atomic<bool> g_interrupted;

class Session {
 public:
  Session(std::unique_ptr<Backend> backend, bool interactive);

  // Runs a statement; false when it failed (the error is printed).
  bool run_statement(const std::string& text);

  enum class CommandResult { Ok, Failed, Quit };
  // A line starting with ':' (the ':' included).
  CommandResult run_command(const std::string& line);

  // Runs every statement and command of a script; stops at the first error
  // (false). `quit` is set when the script ran :quit.
  bool run_script(std::istream& in, bool& quit);

  // Tab completion of the word before the cursor.
  Completion complete(const std::string& before_cursor, bool first_line);

  const Backend& backend() const { return *backend_; }

 private:
  CommandResult help();
  CommandResult show_schema();
  CommandResult set_param(const std::string& args);
  CommandResult show_params();
  CommandResult read_file(const std::string& path);
  CommandResult set_output(const std::string& path);
  CommandResult set_switch(const std::string& name, const std::string& args, bool& flag);
  CommandResult set_mode(const std::string& args);

  void print(const std::string& text);  // to :output's file or the screen
  void print_error(const std::string& text);
  const SchemaSummary* schema();  // cached; refetched after statements

  std::unique_ptr<Backend> backend_;
  bool interactive_;
  Mode mode_;
  bool timing_;
  bool pager_ = true;
  Params params_;
  std::ofstream output_file_;
  std::string output_path_;
  std::optional<SchemaSummary> schema_;
  bool schema_stale_ = true;
};

// Levenshtein distance, for "did you mean" on unknown commands.
size_t edit_distance(const std::string& a, const std::string& b);

// The ':' commands, without the ':' (for completion and suggestions).
const std::vector<std::string>& command_names();

}  // namespace kith::shell
