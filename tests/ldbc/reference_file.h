// Reads tests/ldbc/reference/<q>.expected (format: reference/README.md).
#pragma once

#include <string>
#include <vector>

namespace kith::ldbc_test {

struct ReferenceBlock {
  std::string params_json;  // one JSON object, integers exact
  std::vector<std::string> columns;
  std::string order;  // "ordered", "unordered" or "desc(col)"
  std::vector<std::string> unordered_lists;  // columns whose list elements are sorted
  std::vector<std::string> rows;  // row texts, values joined by '|'
  int line = 0;  // where the block starts, for messages
};

// Throws std::runtime_error on a malformed file (a defect of the test data).
std::vector<ReferenceBlock> read_reference_file(const std::string& path);

// Splits a string on an unescaped '|' ('\|' does not split).
std::vector<std::string> split_row(const std::string& row);

}  // namespace kith::ldbc_test
