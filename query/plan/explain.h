// EXPLAIN's text form of a plan: an indented tree, one operator per line in
// Op::index order (pre-order; an expression's subplan, marked "subplan",
// comes right after the operator that holds it), each with its key
// arguments and the planner's row estimate.
#pragma once

#include <string>

#include "query/plan/logical_plan.h"

namespace kith::query::plan {

std::string explain(const Plan& plan);

// One operator's line without the tree drawing or the estimate, e.g.
// "IndexSeek p:Person(id = 933)"; PROFILE prints the same text.
std::string describe(const Plan& plan, const Op& op);

}  // namespace kith::query::plan
