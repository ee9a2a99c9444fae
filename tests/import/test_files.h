// Temporary files for the import tests: a fresh directory per test, removed
// with everything in it when the test ends.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storage/import/csv_reader.h"
#include "tests/support/temp_dir.h"

namespace kith::test {

using TempDir = kith::testing::TempDir;

std::string read_file(const std::string& path);
bool file_exists(const std::string& path);

// All rows of a CSV text, as strings (for comparing with expected rows).
struct ParsedRow {
  std::vector<std::string> fields;
  uint64_t line;
  std::string error;
};
std::vector<ParsedRow> parse_csv(const TempDir& dir, std::string_view content, char delimiter = ',');

}  // namespace kith::test
