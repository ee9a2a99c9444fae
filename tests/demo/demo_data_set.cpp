#include "demo_data_set.h"

#include <stdlib.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "cli/demo/civil_time.h"
#include "cli/demo/demo_generator.h"
#include "cli/demo/schema.h"

namespace kith::demo::test {

int Table::column(const std::string& name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i].substr(0, header[i].find(':')) == name) return static_cast<int>(i);
  return -1;
}

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Table read_csv(const std::filesystem::path& file) {
  const std::string text = read_file(file);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
    } else if (c == '\n') {
      row.push_back(field);
      rows.push_back(row);
      row.clear();
      field.clear();
    } else {
      field += c;
    }
  }
  if (quoted) throw std::runtime_error("unterminated quote in " + file.string());
  if (!row.empty() || !field.empty()) throw std::runtime_error("missing final newline in " + file.string());
  Table t;
  if (rows.empty()) return t;
  t.header = rows.front();
  t.rows.assign(rows.begin() + 1, rows.end());
  return t;
}

DemoConfig config_for(uint64_t people, uint64_t seed) {
  return DemoConfig{people, seed, *parse_utc(kDefaultNow)};
}

const DemoData& small_demo() {
  // Generated once per test run; destroyed (with its folder) at exit.
  static const std::unique_ptr<DemoData> data = [] {
    auto d = std::make_unique<DemoData>();
    d->config = config_for(2000, 7);
    generate_demo(d->config, d->dir.path().string());
    for (const FileSpec& f : demo_files()) d->tables[std::string(f.name)] = read_csv(d->dir.path() / f.name);
    return d;
  }();
  return *data;
}

}  // namespace kith::demo::test
