// Marks the variable-length expansions whose path multiplicity nothing can
// observe, so the engine may emit each end node once (a breadth-first search)
// instead of one row per relationship-unique path. docs/planner.md, "Distinct
// ends", states the rule; being wrong here changes answers, so every case
// not proven safe stays unmarked.
#include <set>

#include "query/planner/planner_internal.h"

namespace kith::query::planner {
namespace {

void note_expr(const plan::Expr* e, std::set<SlotId>& read);
void note_op(const Op& op, std::set<SlotId>& read);

void note_expr(const plan::Expr* e, std::set<SlotId>& read) {
  if (!e) return;
  if (e->kind == plan::ExprKind::Slot) read.insert(e->slot);
  for (const auto& a : e->args) note_expr(a.get(), read);
  if (e->subplan) note_op(*e->subplan, read);
}

// Every slot some operator or expression of the plan reads. A slot an
// OptionalApply or Merge only writes (nulls / binds) is not a read.
void note_op(const Op& op, std::set<SlotId>& read) {
  for (const auto& e : op.exprs) note_expr(e.get(), read);
  for (const auto& i : op.items) note_expr(i.expr.get(), read);
  for (const auto& a : op.aggregates) note_expr(a.arg.get(), read);
  for (const auto& k : op.sort_keys) note_expr(k.expr.get(), read);
  for (const auto& s : op.set_items) {
    note_expr(s.target.get(), read);
    note_expr(s.value.get(), read);
  }
  for (const auto& c : op.columns) read.insert(c.slot);
  read.insert(op.rel_uniqueness.begin(), op.rel_uniqueness.end());
  if (op.kind == OpKind::Distinct || op.kind == OpKind::Union) {
    read.insert(op.slots.begin(), op.slots.end());
  }
  if (op.kind == OpKind::ShortestPath || op.kind == OpKind::Expand ||
      op.kind == OpKind::VarLengthExpand) {
    if (op.into) read.insert(op.to);
    read.insert(op.from);
  }
  // Writes and other operators this pass does not know are treated as reading
  // everything they mention.
  if (op.kind == OpKind::Create || op.kind == OpKind::Merge || op.kind == OpKind::Delete ||
      op.kind == OpKind::SetItems || op.kind == OpKind::ProcedureCall) {
    for (const auto& n : op.node_specs) note_expr(n.properties.get(), read);
    for (const auto& r : op.rel_specs) {
      read.insert(r.start);
      read.insert(r.end);
      note_expr(r.properties.get(), read);
    }
    for (const auto& s : op.on_create) note_expr(s.value.get(), read), note_expr(s.target.get(), read);
    for (const auto& s : op.on_match) note_expr(s.value.get(), read), note_expr(s.target.get(), read);
  }
  for (const auto& c : op.children) note_op(*c, read);
}

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
    case OpKind::Apply: return true;
    default: return false;
  }
}

bool can_dedupe(const Op& op, const std::set<SlotId>& read) {
  return op.kind == OpKind::VarLengthExpand && !op.into && op.min_hops <= 1 &&
         op.path_slot == plan::kNoSlot && op.rel_uniqueness.empty() &&
         (op.rel == plan::kNoSlot || !read.count(op.rel));
}

void mark(Op& op, bool insensitive, const std::set<SlotId>& read);

void mark_exprs(Op& op, const std::set<SlotId>& read) {
  auto visit = [&](plan::Expr* e, auto&& self) -> void {
    if (!e) return;
    if (e->subplan) mark(*e->subplan, false, read);
    for (auto& a : e->args) self(a.get(), self);
  };
  for (auto& e : op.exprs) visit(e.get(), visit);
  for (auto& i : op.items) visit(i.expr.get(), visit);
  for (auto& a : op.aggregates) visit(a.arg.get(), visit);
  for (auto& k : op.sort_keys) visit(k.expr.get(), visit);
}

void mark(Op& op, bool insensitive, const std::set<SlotId>& read) {
  mark_exprs(op, read);
  if (insensitive && can_dedupe(op, read)) op.distinct_ends = true;
  bool below = ignores_duplicates(op) || (insensitive && passes_duplicates(op.kind));
  for (auto& c : op.children) mark(*c, below, read);
}

}  // namespace

void mark_distinct_ends(plan::Plan& plan) {
  if (!plan.root) return;
  std::set<SlotId> read;
  note_op(*plan.root, read);
  mark(*plan.root, false, read);
}

}  // namespace kith::query::planner
