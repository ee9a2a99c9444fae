#include "tests/import/test_files.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kith::test {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "kith-import-test-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, std::string_view content) const {
  std::string full = file(name);
  std::ofstream out(full, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) throw std::runtime_error("cannot write " + full);
  return full;
}

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
