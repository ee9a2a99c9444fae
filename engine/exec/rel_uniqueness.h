// openCypher's relationship isomorphism: within one MATCH a relationship is
// bound at most once. Slots hold a relationship or (variable length) a list.
#pragma once

#include <vector>

#include "engine/exec/exec_context.h"
#include "query/plan/logical_plan.h"

namespace kith::engine {

inline bool rel_used(const Row& row, const std::vector<query::plan::SlotId>& slots, RelId id) {
  for (auto s : slots) {
    const Value& v = row[s];
    if (v.type() == ValueType::Rel) {
      if (v.as_rel().id == id) return true;
    } else if (v.type() == ValueType::List) {
      for (const auto& r : v.as_list()) {
        if (r.type() == ValueType::Rel && r.as_rel().id == id) return true;
      }
    }
  }
  return false;
}

}  // namespace kith::engine
