#include "shell/session.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <sstream>

#include "shell/error_display.h"
#include "shell/statement_splitter.h"
#include "storage/error.h"

namespace kith::shell {

std::atomic<bool> g_interrupted{false};

namespace {

std::string trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::string format_ms(double ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, ms < 10 ? "%.2f ms" : "%.0f ms", ms);
  return buf;
}

}  // namespace

Session::Session(std::unique_ptr<Backend> backend, bool interactive)
    : backend_(std::move(backend)),
      interactive_(interactive),
      // Piped output is for programs: CSV and no footers unless asked.
      mode_(isatty(STDOUT_FILENO) ? Mode::Table : Mode::Csv),
      timing_(interactive) {}

bool Session::run_statement(const std::string& text) {
  g_interrupted = false;
  schema_stale_ = true;  // the statement may have created labels or keys
  try {
    const QueryResult result = backend_->query(text, params_, g_interrupted);
    size_t width = 0;
    if (!output_file_.is_open() && mode_ == Mode::Table) {
      if (auto size = terminal_size(STDOUT_FILENO)) width = size->columns;
    }
    std::string out = render_result(result, mode_, width);
    // Statements without columns (writes, EXPLAIN) have no row count to show.
    std::string footer;
    if (!result.columns.empty()) {
      const size_t rows = result.rows.size();
      footer = std::to_string(rows) + (rows == 1 ? " row" : " rows");
      if (timing_) footer += " (" + format_ms(result.stats.elapsed_ms) + ")";
    } else if (timing_) {
      footer = "OK (" + format_ms(result.stats.elapsed_ms) + ")";
    }
    if (!footer.empty()) footer += "\n";
    if (mode_ == Mode::Table || mode_ == Mode::Line) {
      print(out + footer);
    } else {
      print(out);
      // CSV and JSON stay machine-readable: the footer goes beside them.
      if (timing_) std::cerr << footer;
    }
    return true;
  } catch (const Error& e) {
    print_error(describe_error(e, text));
  } catch (const std::exception& e) {
    print_error(std::string("Internal: ") + e.what() + "\n");
  }
  return false;
}

bool Session::run_script(std::istream& in, bool& quit) {
  StatementSplitter splitter;
  std::string line;
  while (std::getline(in, line)) {
    if (!splitter.pending()) {
      const std::string command = trim(line);
      if (!command.empty() && command.front() == ':') {
        const CommandResult r = run_command(command);
        if (r == CommandResult::Quit) {
          quit = true;
          return true;
        }
        if (r == CommandResult::Failed) return false;
        continue;
      }
    }
    for (const auto& statement : splitter.add_line(line)) {
      if (!run_statement(statement)) return false;
    }
  }
  // The last statement of a file may lack its ';'.
  const std::string rest = splitter.take_rest();
  return rest.empty() || run_statement(rest);
}

Completion Session::complete(const std::string& before_cursor, bool first_line) {
  static const std::vector<std::string> functions = Database::function_names();
  CompletionSources sources;
  sources.keywords = keywords();
  sources.functions = functions;
  sources.commands = command_names();
  for (const auto& [name, value] : params_) sources.params.push_back(name);
  if (const SchemaSummary* s = schema()) {
    for (const auto& l : s->labels) sources.labels.push_back(l.name);
    for (const auto& t : s->rel_types) sources.rel_types.push_back(t.name);
    sources.prop_keys = s->prop_keys;
  }
  return shell::complete(before_cursor, first_line, sources);
}

const SchemaSummary* Session::schema() {
  if (schema_stale_) {
    try {
      schema_ = backend_->schema();
      schema_stale_ = false;
    } catch (const std::exception&) {
      // Completion works without the schema's names; :schema reports errors.
    }
  }
  return schema_ ? &*schema_ : nullptr;
}

void Session::print(const std::string& text) {
  if (output_file_.is_open()) {
    output_file_ << text << std::flush;
  } else if (interactive_) {
    print_paged(text, pager_);
  } else {
    std::cout << text << std::flush;
  }
}

void Session::print_error(const std::string& text) {
  std::cout.flush();
  std::cerr << text << std::flush;
}

}  // namespace kith::shell
