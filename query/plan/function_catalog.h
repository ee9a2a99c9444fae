// What the planner needs to know about functions, without depending on the
// engine (layering: query/ cannot include engine/). The engine implements
// this over its function registry plus its aggregates and graph functions;
// tests use a small fake.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kith::query::plan {

enum class FunctionKind : uint8_t {
  Scalar,     // pure function of its arguments (toLower, date, ...)
  Aggregate,  // count, sum, avg, min, max, collect: planned as Aggregate
  Graph,      // needs the store or the row (id, labels, type, nodes, score, ...)
};

struct FunctionInfo {
  std::string name;  // canonical spelling ("toLower" for "TOLOWER")
  int min_args = 0;
  int max_args = 0;  // -1: variadic
  FunctionKind kind = FunctionKind::Scalar;
};

class FunctionCatalog {
 public:
  virtual ~FunctionCatalog() = default;
  // Case-insensitive lookup; nullopt when there is no such function.
  virtual std::optional<FunctionInfo> find(std::string_view name) const = 0;
  // Every canonical name, for "did you mean" suggestions.
  virtual std::vector<std::string> names() const = 0;
};

}  // namespace kith::query::plan
