#include "tests/planner/plan_case_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace kith::test {
namespace {

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

bool starts_with(const std::string& s, const char* p) { return s.rfind(p, 0) == 0; }

// [first, last) line ranges of each case's parts.
struct Span {
  size_t header, query_begin, arrow, expected_end;
};

std::vector<Span> spans(const std::vector<std::string>& lines) {
  std::vector<Span> out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!starts_with(lines[i], "## case:")) continue;
    Span s{i, i + 1, i + 1, i + 1};
    size_t j = i + 1;
    while (j < lines.size() && !starts_with(lines[j], "->") && !starts_with(lines[j], "## case:"))
      ++j;
    s.arrow = j;
    size_t k = j + 1;
    while (k < lines.size() && !starts_with(lines[k], "## case:")) ++k;
    s.expected_end = std::min(k, lines.size());
    out.push_back(s);
    i = k - 1;
  }
  return out;
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  size_t e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

}  // namespace

std::vector<PlanCase> read_plan_cases(const std::string& path) {
  auto lines = read_lines(path);
  std::vector<PlanCase> out;
  for (const Span& s : spans(lines)) {
    PlanCase c;
    c.file = std::filesystem::path(path).filename().string();
    c.line = static_cast<int>(s.header + 1);
    c.title = trim(lines[s.header].substr(8));
    for (size_t i = s.query_begin; i < s.arrow; ++i) c.query += lines[i] + "\n";
    if (s.arrow < lines.size()) {
      std::string rest = trim(lines[s.arrow].substr(2));
      if (!rest.empty()) {
        c.expected = rest;
      } else {
        size_t end = s.expected_end;
        while (end > s.arrow + 1 && trim(lines[end - 1]).empty()) --end;
        for (size_t i = s.arrow + 1; i < end; ++i) c.expected += lines[i] + "\n";
      }
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<std::string> plan_case_files(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".test") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

void rewrite_plan_cases(const std::string& path, std::string (*actual)(const PlanCase&)) {
  auto lines = read_lines(path);
  auto cases = read_plan_cases(path);
  auto sp = spans(lines);
  std::ostringstream out;
  size_t next = 0;
  for (size_t n = 0; n < sp.size(); ++n) {
    const Span& s = sp[n];
    for (size_t i = next; i < s.arrow && i < lines.size(); ++i) out << lines[i] << "\n";
    next = s.expected_end;
    if (cases[n].expected == "ok") {
      out << "-> ok\n\n";
      continue;
    }
    std::string a = actual(cases[n]);
    if (starts_with(a, "error ") || a == "ok")
      out << "-> " << a << "\n\n";
    else
      out << "->\n" << a << "\n";
  }
  for (size_t i = next; i < lines.size(); ++i) out << lines[i] << "\n";
  std::ofstream(path) << out.str();
}

}  // namespace kith::test
