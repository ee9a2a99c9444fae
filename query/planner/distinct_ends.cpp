// Marks the variable-length expansions whose path multiplicity nothing can
// observe, so the engine may emit each end node once (a breadth-first search)
// instead of one row per relationship-unique path. docs/planner.md, "Distinct
// ends", states the rule; being wrong here changes answers, so every case
// not proven safe stays unmarked.
#include <set>

#include "query/planner/plan_reads.h"
#include "query/planner/planner_internal.h"

namespace kith::query::planner {
namespace {

// A consumer whose result does not change when a row arrives twice.
bool ignores_duplicates(const Op& op) {
  if (op.kind == OpKind::Distinct) return true;
  if (op.kind != OpKind::Aggregate) return false;
  for (const auto& a : op.aggregates) {
    if (a.distinct) continue;
    if (a.fn == plan::AggregateFn::Min || a.fn == plan::AggregateFn::Max) continue;
    return false;
  }
  return true;
}

// Operators that map each input row to output rows on their own (no
// counting, no cut-off), so a duplicated input row only duplicates output
// rows, which a duplicate-insensitive consumer above removes again.
bool passes_duplicates(OpKind k) {
  switch (k) {
    case OpKind::Filter:
    case OpKind::Projection:
    case OpKind::Expand:
    case OpKind::VarLengthExpand:
    case OpKind::Sort:
    case OpKind::Apply:
    case OpKind::HashJoin: return true;
    default: return false;
  }
}

bool can_dedupe(const Op& op, const std::set<SlotId>& read) {
  return op.kind == OpKind::VarLengthExpand && !op.into && op.min_hops <= 1 &&
         op.path_slot == plan::kNoSlot && op.rel_uniqueness.empty() &&
         (op.rel == plan::kNoSlot || !read.count(op.rel));
}

void mark(Op& op, bool insensitive, const std::set<SlotId>& read) {
  for_each_expr_subplan(op, [&](Op& sub) { mark(sub, false, read); });
  if (insensitive && can_dedupe(op, read)) op.distinct_ends = true;
  bool below = ignores_duplicates(op) || (insensitive && passes_duplicates(op.kind));
  for (auto& c : op.children) mark(*c, below, read);
}

}  // namespace

void mark_distinct_ends(plan::Plan& plan) {
  if (!plan.root) return;
  std::set<SlotId> read;
  collect_reads(*plan.root, read);
  mark(*plan.root, false, read);
}

}  // namespace kith::query::planner
