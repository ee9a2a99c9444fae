// Marks the expansions whose relationship slot nothing reads: an anonymous
// relationship (`(c)-[:REPLY_OF]->(p)`) gets a slot so that later
// expansions of its MATCH can check they differ from it, but when none has
// to (the planner drops the checks between relationships of disjoint types)
// and nothing else reads it, binding it on every row is wasted work (a
// fifth of a two-hop expansion's time). Being wrong here changes answers,
// so anything plan_reads.cpp does not know to be a pure write counts as a
// read.
#include <set>

#include "query/planner/plan_reads.h"
#include "query/planner/planner_internal.h"

namespace kith::query::planner {
namespace {

void mark(Op& op, const std::set<SlotId>& read) {
  for_each_expr_subplan(op, [&](Op& sub) { mark(sub, read); });
  if ((op.kind == OpKind::Expand || op.kind == OpKind::VarLengthExpand) &&
      op.rel != plan::kNoSlot && !read.count(op.rel)) {
    op.rel_unread = true;
  }
  for (auto& c : op.children) mark(*c, read);
}

}  // namespace

void mark_unread_rels(plan::Plan& plan) {
  if (!plan.root) return;
  std::set<SlotId> read;
  collect_reads(*plan.root, read);
  mark(*plan.root, read);
}

}  // namespace kith::query::planner
