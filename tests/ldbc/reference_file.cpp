#include "tests/ldbc/reference_file.h"

#include <fstream>
#include <stdexcept>

namespace kith::ldbc_test {
namespace {

bool take(const std::string& line, const std::string& prefix, std::string& rest) {
  if (line.rfind(prefix, 0) != 0) return false;
  rest = line.substr(prefix.size());
  return true;
}

}  // namespace

std::vector<std::string> split_row(const std::string& row) {
  std::vector<std::string> out(1);
  for (size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '\\' && i + 1 < row.size()) {
      out.back() += row[i];
      out.back() += row[++i];
    } else if (row[i] == '|') {
      out.emplace_back();
    } else {
      out.back() += row[i];
    }
  }
  return out;
}

std::vector<ReferenceBlock> read_reference_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<ReferenceBlock> blocks;
  std::string line, rest;
  int n = 0;
  auto fail = [&](const std::string& why) {
    throw std::runtime_error(path + ":" + std::to_string(n) + ": " + why);
  };
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    if (take(line, "params: ", rest)) {
      blocks.push_back({});
      blocks.back().params_json = rest;
      blocks.back().line = n;
    } else if (blocks.empty()) {
      fail("expected 'params:'");
    } else if (take(line, "columns: ", rest)) {
      blocks.back().columns = split_row(rest);
    } else if (take(line, "order: ", rest)) {
      blocks.back().order = rest;
    } else if (take(line, "unordered_lists: ", rest)) {
      blocks.back().unordered_lists = split_row(rest);
    } else if (take(line, "rows: ", rest)) {
      const int count = std::stoi(rest);
      for (int i = 0; i < count; ++i) {
        if (!std::getline(in, line)) fail("fewer rows than announced");
        ++n;
        blocks.back().rows.push_back(line);
      }
    } else {
      fail("unexpected line: " + line);
    }
  }
  return blocks;
}

}  // namespace kith::ldbc_test
