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

// Case-insensitive edit distance: "tolower" is one letter from "toLower"
// in the user's mind, zero here.
size_t distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                  std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (same ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
  // Up to a third of the name may be wrong (at least one edit).
  size_t limit = std::max<size_t>(1, name.size() / 3);
  const std::string* best = nullptr;
  size_t best_distance = limit + 1;
  for (const auto& c : candidates) {
    if (c.empty() || c == name) continue;
    size_t d = distance(name, c);
    if (d < best_distance) {
      best_distance = d;
      best = &c;
    }
  }
  return best ? " (did you mean '" + *best + "'?)" : "";
}

}  // namespace kith::query::planner
