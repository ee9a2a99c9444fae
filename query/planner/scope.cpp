#include "query/planner/scope.h"

#include <algorithm>
#include <cctype>

namespace kith::query::planner {

std::string_view var_kind_name(VarKind k) {
  switch (k) {
    case VarKind::Node: return "node";
    case VarKind::Rel: return "relationship";
    case VarKind::Path: return "path";
    case VarKind::Value: return "value";
  }
  return "value";
}

const Variable* Scope::find(std::string_view name) const {
  for (auto it = vars_.rbegin(); it != vars_.rend(); ++it)
    if (it->name == name) return &*it;
  return nullptr;
}

void Scope::add(Variable v) {
  for (auto& existing : vars_) {
    if (existing.name == v.name) {
      existing = std::move(v);
      return;
    }
  }
  vars_.push_back(std::move(v));
}

std::vector<std::string> Scope::names() const {
  std::vector<std::string> out;
  for (const auto& v : vars_) out.push_back(v.name);
  return out;
}

void fail(ErrorCode code, const std::string& message, ast::Pos pos) {
  throw Error(code, message, pos.line, pos.column);
}

namespace {

// Case-insensitive edit distance where swapping two neighbours counts as
// one edit (optimal string alignment): "lable" is one edit from "label".
size_t distance(std::string_view a, std::string_view b) {
  auto same = [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  };
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (same(a[i - 1], b[j - 1]) ? 0 : 1)});
      if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1]))
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
  // Up to a third of the name may be wrong (at least one edit), but never
  // all of it: 'y' is not a misspelling of 'a'. Names this long are
  // compared only against candidates of similar length anyway.
  if (name.size() > 256) return "";
  size_t limit = std::max<size_t>(1, name.size() / 3);
  const std::string* best = nullptr;
  size_t best_distance = limit + 1;
  for (const auto& c : candidates) {
    if (c.empty() || c == name) continue;
    if (c.size() > name.size() + limit || name.size() > c.size() + limit) continue;
    size_t d = distance(name, c);
    if (d >= name.size() || d >= c.size()) continue;
    if (d < best_distance) {
      best_distance = d;
      best = &c;
    }
  }
  return best ? " (did you mean '" + *best + "'?)" : "";
}

}  // namespace kith::query::planner
