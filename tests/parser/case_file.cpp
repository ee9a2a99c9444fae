#include "case_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace kith::test {

std::string normalise_space(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::vector<ParserCase> read_case_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<ParserCase> cases;
  std::string line;
  int number = 0;
  enum { Outside, Query, Expected } state = Outside;
  auto finish = [&] {
    if (state == Query) throw std::runtime_error(path + ": case without '->' line: " + cases.back().title);
    if (state == Expected) cases.back().expected = normalise_space(cases.back().expected);
  };
  while (std::getline(in, line)) {
    ++number;
    if (line.rfind("## case:", 0) == 0) {
      finish();
      ParserCase c;
      c.file = std::filesystem::path(path).filename().string();
      c.line = number;
      c.title = normalise_space(line.substr(8));
      cases.push_back(std::move(c));
      state = Query;
      continue;
    }
    if (line.rfind("#", 0) == 0 || state == Outside) continue;
    if (state == Query && line.rfind("->", 0) == 0) {
      state = Expected;
      line = line.substr(2);
    }
    std::string& target = state == Query ? cases.back().query : cases.back().expected;
    if (!target.empty()) target += '\n';
    target += line;
  }
  finish();
  return cases;
}

std::vector<ParserCase> read_all_cases(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".test") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  std::vector<ParserCase> all;
  for (const auto& f : files) {
    auto cases = read_case_file(f);
    all.insert(all.end(), std::make_move_iterator(cases.begin()), std::make_move_iterator(cases.end()));
  }
  return all;
}

}  // namespace kith::test
