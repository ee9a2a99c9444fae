// Rendering results for people and programs: an aligned text table, CSV
// (RFC 4180) and the JSON object of the HTTP API (DESIGN.md section 3),
// plus the reverse: JSON values to parameters. The CLI, the shell and the
// server all print through here so that they agree.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/database.h"

namespace kith {

// {"columns": [...], "rows": [[...]], "stats": {"rows": n, "elapsed_ms": t}}
// (+ "plan" for EXPLAIN/PROFILE). Nodes are {"id", "labels", "properties"},
// relationships {"id", "type", "start", "end", "properties"}, paths
// {"nodes": [...], "relationships": [...]}. Integers are JSON integers,
// exact over the whole int64 range (clients in languages whose numbers are
// doubles should parse them as big integers). Dates, timestamps and
// durations are ISO 8601 strings.
nlohmann::json result_to_json(const QueryResult& result);
nlohmann::json value_to_json(const Value& v, const QueryResult& result);

// A parameter value from JSON: numbers (integers stay INT64), strings,
// booleans, null, arrays and objects (MAP).
Value json_to_value(const nlohmann::json& j);
// A parameter from the command line (--param name=value): the text is read
// as JSON when it parses (42, 1.5, true, "quoted", [1,2]) and as a plain
// string otherwise (Dana Lee, 2026-06-20T10:00:00Z).
Value parse_param_text(const std::string& text);

struct TableOptions {
  size_t max_width = 0;     // 0: no limit; else wide cells are cut with '…'
  bool show_types = false;  // a row of column types under the header
};
std::string result_to_table(const QueryResult& result, const TableOptions& options = {});
std::string result_to_csv(const QueryResult& result);

// One value as a table cell: strings bare, nodes as (:Label {k: v}).
std::string value_to_text(const Value& v, const QueryResult& result);

}  // namespace kith
