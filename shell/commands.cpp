// The shell's ':' commands.
#include <algorithm>
#include <iostream>
#include <sstream>

#include "engine/result_format.h"
#include "shell/session.h"
#include "storage/error.h"

namespace kith::shell {

namespace {

struct CommandHelp {
  const char* name;
  const char* args;
  const char* summary;
};

constexpr CommandHelp kCommands[] = {
    {"help", "", "this list"},
    {"schema", "", "labels, relationship types, property keys and indexes"},
    {"explain", "<query>", "the plan of a query, without running it"},
    {"profile", "<query>", "run a query and show rows and time per operator"},
    {"param", "name = value", "bind $name (value as JSON: 42, \"text\", [1,2]; else text)"},
    {"params", "", "the bound parameters"},
    {"read", "<file.kql>", "run the statements of a file"},
    {"output", "[file]", "write results to a file; alone: back to the screen"},
    {"mode", "table|csv|json|line", "how results are shown"},
    {"timing", "on|off", "elapsed time after each result"},
    {"pager", "on|off", "page results taller than the terminal ($PAGER or less -FRX)"},
    {"quit", "", "leave the shell (also Ctrl-D)"},
};

std::string trim(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::string with_thousands(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

const std::vector<std::string>& command_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& c : kCommands) v.push_back(c.name);
    return v;
  }();
  return names;
}

size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

Session::CommandResult Session::run_command(const std::string& line) {
  std::string text = trim(line.substr(1));
  const size_t space = text.find_first_of(" \t");
  const std::string name = text.substr(0, space);
  std::string args = space == std::string::npos ? "" : trim(text.substr(space));

  if (name == "help" || name == "?") return help();
  if (name == "schema") return show_schema();
  if (name == "explain" || name == "profile") {
    while (!args.empty() && (args.back() == ';' || args.back() == ' ')) args.pop_back();
    if (args.empty()) {
      print_error(":" + name + " needs a query, e.g. :" + name + " MATCH (p:Person) RETURN p\n");
      return CommandResult::Failed;
    }
    return run_statement((name == "explain" ? "EXPLAIN " : "PROFILE ") + args) ? CommandResult::Ok
                                                                               : CommandResult::Failed;
  }
  if (name == "param") return set_param(args);
  if (name == "params") return show_params();
  if (name == "read") return read_file(args);
  if (name == "output") return set_output(args);
  if (name == "mode") return set_mode(args);
  if (name == "timing") return set_switch("timing", args, timing_);
  if (name == "pager") return set_switch("pager", args, pager_);
  if (name == "quit" || name == "exit" || name == "q") return CommandResult::Quit;

  std::string nearest;
  size_t best = SIZE_MAX;
  for (const auto& c : command_names()) {
    const size_t d = edit_distance(name, c);
    if (d < best) best = d, nearest = c;
  }
  std::string message = "unknown command ':" + name + "'";
  if (best <= std::max<size_t>(2, name.size() / 2)) message += " (did you mean ':" + nearest + "'?)";
  print_error(message + "; :help lists the commands\n");
  return CommandResult::Failed;
}

Session::CommandResult Session::help() {
  std::ostringstream out;
  out << "Statements end with ';' and may span lines. Tab completes names; Ctrl-C cancels\n"
         "a running query; Ctrl-D or :quit leaves.\n\n";
  for (const auto& c : kCommands) {
    std::string usage = std::string(":") + c.name + (*c.args ? std::string(" ") + c.args : "");
    out << "  " << usage << std::string(usage.size() < 28 ? 28 - usage.size() : 1, ' ') << c.summary << "\n";
  }
  print(out.str());
  return CommandResult::Ok;
}

Session::CommandResult Session::show_schema() {
  schema_stale_ = true;
  SchemaSummary s;
  try {
    s = backend_->schema();
  } catch (const Error& e) {
    print_error(e.to_string() + "\n");
    return CommandResult::Failed;
  }
  schema_ = s;
  schema_stale_ = false;
  std::ostringstream out;
  out << with_thousands(s.nodes) << " nodes, " << with_thousands(s.rels) << " relationships\n";
  out << "labels:\n";
  for (const auto& l : s.labels) out << "  :" << l.name << "  " << with_thousands(l.count) << "\n";
  out << "relationship types:\n";
  for (const auto& t : s.rel_types) out << "  :" << t.name << "  " << with_thousands(t.count) << "\n";
  out << "property keys:\n ";
  for (const auto& k : s.prop_keys) out << " " << k;
  out << "\nindexes:\n";
  for (const auto& i : s.indexes) {
    out << "  :" << i.label << "(" << i.key << ")" << (i.unique ? " unique" : "") << "\n";
  }
  print(out.str());
  return CommandResult::Ok;
}

Session::CommandResult Session::set_param(const std::string& args) {
  const size_t eq = args.find('=');
  std::string name = trim(args.substr(0, eq));
  if (!name.empty() && name.front() == '$') name.erase(0, 1);
  if (eq == std::string::npos || name.empty() || name.find_first_of(" \t") != std::string::npos) {
    print_error(":param needs name = value, e.g. :param me = 42 or :param name = \"Dana Lee\"\n");
    return CommandResult::Failed;
  }
  params_[name] = parse_param_text(trim(args.substr(eq + 1)));
  return CommandResult::Ok;
}

Session::CommandResult Session::show_params() {
  std::vector<std::string> names;
  for (const auto& [name, value] : params_) names.push_back(name);
  std::sort(names.begin(), names.end());
  std::string out;
  const QueryResult none;
  for (const auto& n : names) out += "$" + n + " = " + value_to_json(params_.at(n), none).dump() + "\n";
  print(out.empty() ? "no parameters (set one with :param name = value)\n" : out);
  return CommandResult::Ok;
}

Session::CommandResult Session::read_file(const std::string& path) {
  if (path.empty()) {
    print_error(":read needs a file, e.g. :read queries.kql\n");
    return CommandResult::Failed;
  }
  std::ifstream in(path);
  if (!in) {
    print_error("IoError: cannot read '" + path + "'\n");
    return CommandResult::Failed;
  }
  bool quit = false;
  if (!run_script(in, quit)) return CommandResult::Failed;
  return quit ? CommandResult::Quit : CommandResult::Ok;
}

Session::CommandResult Session::set_output(const std::string& path) {
  if (output_file_.is_open()) output_file_.close();
  output_path_.clear();
  if (path.empty()) return CommandResult::Ok;
  output_file_.open(path, std::ios::out | std::ios::app);
  if (!output_file_) {
    print_error("IoError: cannot write '" + path + "'\n");
    return CommandResult::Failed;
  }
  output_path_ = path;
  return CommandResult::Ok;
}

Session::CommandResult Session::set_switch(const std::string& name, const std::string& args, bool& flag) {
  if (args == "on" || args == "off") {
    flag = args == "on";
    return CommandResult::Ok;
  }
  if (args.empty()) {
    print(name + " is " + (flag ? "on" : "off") + "\n");
    return CommandResult::Ok;
  }
  print_error(":" + name + " takes on or off, got '" + args + "'\n");
  return CommandResult::Failed;
}

Session::CommandResult Session::set_mode(const std::string& args) {
  if (args.empty()) {
    print(std::string("mode is ") + mode_name(mode_) + "\n");
    return CommandResult::Ok;
  }
  if (auto m = mode_from_name(args)) {
    mode_ = *m;
    return CommandResult::Ok;
  }
  print_error(":mode takes table, csv, json or line, got '" + args + "'\n");
  return CommandResult::Failed;
}

}  // namespace kith::shell
