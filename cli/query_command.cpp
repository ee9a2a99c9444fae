// kith query: run one statement and print its result.
#include <cstdio>
#include <iostream>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "engine/database.h"
#include "engine/result_format.h"
#include "shell/error_display.h"
#include "storage/error.h"

namespace kith::cli {

namespace {

// "name=value" -> (name, value read as JSON or as text).
std::pair<std::string, Value> parse_param(const std::string& arg) {
  const auto eq = arg.find('=');
  if (eq == std::string::npos || eq == 0) {
    throw Error(ErrorCode::InvalidInput,
                "--param needs name=value (e.g. --param me=42 --param name='\"Dana Lee\"'), got '" + arg + "'");
  }
  std::string name = arg.substr(0, eq);
  if (name.front() == '$') name.erase(0, 1);
  return {name, parse_param_text(arg.substr(eq + 1))};
}

}  // namespace

int run_query(int argc, char** argv) {
  po::options_description options("options");
  std::string db_path, format, text;
  std::vector<std::string> params;
  int64_t timeout_ms = 0;
  options.add_options()
      ("db", po::value(&db_path)->required(), "the database file")
      ("format", po::value(&format)->default_value("table"), "table, csv or json (the HTTP API's object)")
      ("param", po::value(&params)->composing(),
       "name=value, binds $name; repeatable. The value is read as JSON when it parses "
       "(42, 1.5, true, \"text\", [1,2]), else as text. --param now=2026-06-20T10:00:00Z fixes now.")
      ("timeout", po::value(&timeout_ms)->default_value(0), "stop the query after this many milliseconds (0: none)")
      ("query", po::value(&text)->required(), "the statement (or - to read it from standard input)");
  po::positional_options_description positional;
  positional.add("query", 1);
  po::variables_map vm;
  const std::string usage =
      "usage: kith query --db PATH [--format table|csv|json] [--param name=value]... \"QUERY\"\n\n"
      "Runs one statement in one transaction and prints its result.\n"
      "Exit status: 0 on success, 1 when the statement fails (the error is on stderr), 2 on bad usage.";
  if (auto rc = parse_command_line(argc, argv, usage, options, positional, vm)) return *rc;
  if (format != "table" && format != "csv" && format != "json") {
    std::cerr << "kith query: --format must be table, csv or json, got '" << format << "'\n";
    return 2;
  }
  if (text == "-") text.assign(std::istreambuf_iterator<char>(std::cin), {});

  QueryOptions qo;
  for (const auto& p : params) qo.params.insert(parse_param(p));
  if (timeout_ms > 0) qo.timeout = std::chrono::milliseconds(timeout_ms);

  Database::Options dbo;
  dbo.create = false;
  std::unique_ptr<Database> db;
  try {
    db = Database::open(db_path, dbo);
    QueryResult result = db->query(text, qo);
    if (format == "json") {
      std::cout << result_to_json(result).dump() << "\n";
    } else if (format == "csv") {
      std::cout << result_to_csv(result);
    } else {
      if (!result.plan.empty()) std::cout << result.plan;
      if (!result.columns.empty()) {
        std::cout << result_to_table(result);
        std::cout << result.stats.rows << (result.stats.rows == 1 ? " row" : " rows") << " ("
                  << result.stats.elapsed_ms << " ms)\n";
      }
    }
  } catch (const Error& e) {
    if (format == "json") {
      nlohmann::json err = {{"code", e.code_name()}, {"message", e.message()}};
      if (e.has_position()) {
        err["line"] = e.line();
        err["column"] = e.column();
      }
      std::cout << nlohmann::json{{"error", err}}.dump() << "\n";
    }
    // The message, and for a query error the line with a caret under the column.
    std::cerr << shell::describe_error(e, text);
    return 1;
  }
  return 0;
}

}  // namespace kith::cli
