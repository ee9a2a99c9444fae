// Reads the tests/queries/*.test format (README.md): setup statements and
// cases (query, parameters, expected rows, error or plan shape), in order.
#pragma once

#include <string>
#include <vector>

namespace kith::query_test {

struct QueryCase {
  bool setup = false;  // a setup statement: must succeed, its rows are ignored
  std::string name;
  int line = 0;  // where the case starts
  std::string query;
  std::string params_json;  // empty: no parameters
  // Expected rows: `expect:` ordered | unordered; rows are canonical texts.
  std::string order;
  bool has_columns = false;
  std::string columns;  // "a | b"
  std::vector<std::string> rows;
  // Expected error: code, optional "L:C", message prefix.
  std::string error_code;
  std::string error_position;
  std::string error_prefix;
  // Expected plan text: each line must appear in the plan, in this order.
  std::vector<std::string> plan;
  int timeout_ms = 0;  // 0: none
  std::string known_failure;  // non-empty: the reason this case fails today
};

// Throws std::runtime_error naming file and line on a malformed file.
std::vector<QueryCase> read_case_file(const std::string& path);

}  // namespace kith::query_test
