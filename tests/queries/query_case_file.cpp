#include "tests/queries/query_case_file.h"

#include <fstream>
#include <stdexcept>

namespace kith::query_test {
namespace {

bool take(const std::string& line, const std::string& prefix, std::string& rest) {
  if (line.rfind(prefix, 0) != 0) return false;
  rest = line.substr(prefix.size());
  const size_t start = rest.find_first_not_of(' ');
  rest = start == std::string::npos ? "" : rest.substr(start);
  return true;
}

std::string rtrim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.pop_back();
  return s;
}

bool is_directive(const std::string& line) {
  static const char* kDirectives[] = {"setup:", "case:", "params:", "expect:", "columns:",
                                      "error:", "plan:", "known-failure:", "timeout-ms:"};
  for (const char* d : kDirectives) {
    if (line.rfind(d, 0) == 0) return true;
  }
  return false;
}

}  // namespace

std::vector<QueryCase> read_case_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(rtrim(l));

  std::vector<QueryCase> cases;
  size_t i = 0;
  auto fail = [&](const std::string& why) {
    throw std::runtime_error(path + ":" + std::to_string(i + 1) + ": " + why);
  };
  // Lines up to the next directive or blank line (comments skipped).
  auto block = [&](bool stop_at_blank) {
    std::vector<std::string> out;
    while (i < lines.size() && !is_directive(lines[i]) && !(stop_at_blank && lines[i].empty())) {
      if (lines[i].rfind("#", 0) != 0) out.push_back(lines[i]);
      ++i;
    }
    return out;
  };
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (const auto& l : v) s += (s.empty() ? "" : "\n") + l;
    while (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
  };

  std::string rest;
  while (i < lines.size()) {
    const std::string line = lines[i];
    if (line.empty() || line[0] == '#') {
      ++i;
    } else if (take(line, "setup:", rest) || take(line, "case:", rest)) {
      QueryCase c;
      c.setup = line.rfind("setup:", 0) == 0;
      c.name = c.setup ? "setup" : rest;
      c.line = static_cast<int>(i + 1);
      ++i;
      c.query = join(block(false));
      if (c.setup && !rest.empty()) c.query = rest + (c.query.empty() ? "" : "\n" + c.query);
      if (c.query.empty()) fail("no statement");
      cases.push_back(std::move(c));
    } else if (cases.empty()) {
      fail("expected 'setup:' or 'case:'");
    } else if (take(line, "params:", rest)) {
      cases.back().params_json = rest;
      ++i;
    } else if (take(line, "expect:", rest)) {
      if (rest != "ordered" && rest != "unordered") fail("expect: ordered or unordered");
      cases.back().order = rest;
      ++i;
    } else if (take(line, "columns:", rest)) {
      cases.back().has_columns = true;
      cases.back().columns = rest;
      ++i;
      cases.back().rows = block(true);
    } else if (take(line, "error:", rest)) {
      QueryCase& c = cases.back();
      const size_t sp = rest.find(' ');
      c.error_code = rest.substr(0, sp);
      std::string more = sp == std::string::npos ? "" : rest.substr(sp + 1);
      const size_t colon = more.find(':');
      const size_t sp2 = more.find(' ');
      if (!more.empty() && std::isdigit(static_cast<unsigned char>(more[0])) &&
          colon != std::string::npos && (sp2 == std::string::npos || colon < sp2)) {
        c.error_position = more.substr(0, sp2);
        more = sp2 == std::string::npos ? "" : more.substr(sp2 + 1);
      }
      c.error_prefix = more;
      ++i;
    } else if (take(line, "plan:", rest)) {
      ++i;
      cases.back().plan = block(true);
    } else if (take(line, "timeout-ms:", rest)) {
      cases.back().timeout_ms = std::stoi(rest);
      ++i;
    } else if (take(line, "known-failure:", rest)) {
      cases.back().known_failure = rest;
      ++i;
    } else {
      fail("unexpected line: " + line);
    }
  }
  for (const auto& c : cases) {
    if (c.setup) continue;
    const int kinds = !c.order.empty() + !c.error_code.empty() + !c.plan.empty();
    if (kinds == 0) {
      throw std::runtime_error(path + ":" + std::to_string(c.line) +
                               ": a case needs expect:, error: or plan:");
    }
    if (!c.order.empty() && !c.has_columns) {
      throw std::runtime_error(path + ":" + std::to_string(c.line) + ": expect: without columns:");
    }
  }
  return cases;
}

}  // namespace kith::query_test
