// Tells each Sort and Top which slots of its input rows anything above it
// reads (Op::live): only those are kept with the rows it holds. A row
// carries every slot of the statement, and copying all of them cost more
// than the sort: IC12's rows still hold the 5,085 tag ids collected before
// its MATCH, copied into the Top's heap for each of 323 groups. Being wrong
// here changes answers, so anything plan_reads.cpp does not know to be a
// pure write counts as a read.
#include <set>

#include "query/planner/plan_reads.h"
#include "query/planner/planner_internal.h"

namespace kith::query::planner {
namespace {

void mark(const Op& root, Op& op) {
  for_each_expr_subplan(op, [&](Op& sub) { mark(root, sub); });
  if ((op.kind == OpKind::Sort || op.kind == OpKind::Top) && !op.children.empty()) {
    // Everything the statement reads outside this operator's input: the
    // operator's own keys, what lies above it, and (for one inside a
    // subplan or under an Apply) what the enclosing plan reads.
    std::set<SlotId> read;
    collect_reads(root, read, op.children[0].get());
    op.live.assign(read.begin(), read.end());
    op.live_known = true;
  }
  for (auto& c : op.children) mark(root, *c);
}

}  // namespace

void mark_sort_live(plan::Plan& plan) {
  if (!plan.root) return;
  mark(*plan.root, *plan.root);
}

}  // namespace kith::query::planner
