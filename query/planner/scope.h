// The variables visible at one point of a statement, and the error helpers
// every part of the binder uses.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "query/ast/ast.h"
#include "query/plan/logical_plan.h"
#include "storage/error.h"

namespace kith::query::planner {

using plan::SlotId;

enum class VarKind : uint8_t { Node, Rel, Path, Value };
std::string_view var_kind_name(VarKind k);  // "node", "relationship", ...

struct Variable {
  std::string name;
  SlotId slot = plan::kNoSlot;
  VarKind kind = VarKind::Value;
  bool nullable = false;  // bound by OPTIONAL MATCH (may be null)
  // Bound inside an expression (comprehension variable, a pattern
  // comprehension's own nodes): not a dependency of the enclosing predicate.
  bool local = false;
  // Labels a node variable is known to have (from the patterns that bound
  // or matched it): only for estimates, never for correctness.
  std::vector<std::string> labels;
};

class Scope {
 public:
  const Variable* find(std::string_view name) const;
  void add(Variable v);  // replaces a variable of the same name
  const std::vector<Variable>& vars() const { return vars_; }
  std::vector<std::string> names() const;
  bool empty() const { return vars_.empty(); }

 private:
  std::vector<Variable> vars_;
};

[[noreturn]] void fail(ErrorCode code, const std::string& message, ast::Pos pos);

// " (did you mean 'friend'?)" when a candidate is close enough, else "".
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace kith::query::planner
