// The slots a plan (or a part of it) reads; see plan_reads.cpp.
#pragma once

#include <functional>
#include <set>

#include "query/plan/logical_plan.h"

namespace kith::query::planner {

// Adds to `read` every slot `op`'s tree reads, leaving out the subtree
// `skip` (null: none).
void collect_reads(const plan::Op& op, std::set<plan::SlotId>& read, const plan::Op* skip = nullptr);

// Calls `f` on each subplan held by `op`'s own expressions (pattern
// comprehensions, EXISTS), for the passes that mark operators there too.
void for_each_expr_subplan(plan::Op& op, const std::function<void(plan::Op&)>& f);

}  // namespace kith::query::planner
