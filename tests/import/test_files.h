// Temporary files for the import tests: a fresh directory per test, removed
// with everything in it when the test ends.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storage/import/csv_reader.h"

namespace kith::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // Writes `content` to path()/name and returns the full path.
  std::string write(const std::string& name, std::string_view content) const;
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

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
