#include "tests/import/test_files.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kith::test {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool file_exists(const std::string& path) { return std::filesystem::exists(path); }

std::vector<ParsedRow> parse_csv(const TempDir& dir, std::string_view content, char delimiter) {
  std::string path = dir.write("parse.csv", content);
  storage::import::CsvReader reader(path, delimiter);
  std::vector<ParsedRow> rows;
  storage::import::CsvRow row;
  while (reader.next(row)) {
    ParsedRow r;
    for (std::string_view f : row.fields) r.fields.emplace_back(f);
    r.line = row.line;
    r.error = std::string(row.error);
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace kith::test
