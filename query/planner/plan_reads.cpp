// Which slots a plan reads: every slot some operator or expression uses as
// input (a slot an operator only writes is not read). Shared by the passes
// that may change what a plan keeps or emits (distinct_ends.cpp,
// hash_join_planner.cpp): being wrong here changes answers, so anything
// not known to be a pure write counts as a read.
#include "query/planner/plan_reads.h"

namespace kith::query::planner {
namespace {

using plan::Op;
using plan::OpKind;
using plan::SlotId;

void note_expr(const plan::Expr* e, std::set<SlotId>& read);
void note_op(const Op& op, std::set<SlotId>& read, const Op* skip);

void note_expr(const plan::Expr* e, std::set<SlotId>& read) {
  if (!e) return;
  if (e->kind == plan::ExprKind::Slot) read.insert(e->slot);
  for (const auto& a : e->args) note_expr(a.get(), read);
  if (e->subplan) note_op(*e->subplan, read, nullptr);
}

// Every slot some operator or expression of the plan reads. A slot an
// OptionalApply or Merge only writes (nulls / binds) is not a read.
void note_op(const Op& op, std::set<SlotId>& read, const Op* skip) {
  if (&op == skip) return;
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
  if (op.kind == OpKind::HashJoin) {
    read.insert(op.slot);
    read.insert(op.deps.begin(), op.deps.end());
  }
  for (const auto& c : op.children) note_op(*c, read, skip);
}

}  // namespace

void collect_reads(const Op& op, std::set<SlotId>& read, const Op* skip) { note_op(op, read, skip); }

void for_each_expr_subplan(Op& op, const std::function<void(Op&)>& f) {
  auto visit = [&](plan::Expr* e, auto&& self) -> void {
    if (!e) return;
    if (e->subplan) f(*e->subplan);
    for (auto& a : e->args) self(a.get(), self);
  };
  for (auto& e : op.exprs) visit(e.get(), visit);
  for (auto& i : op.items) visit(i.expr.get(), visit);
  for (auto& a : op.aggregates) visit(a.arg.get(), visit);
  for (auto& k : op.sort_keys) visit(k.expr.get(), visit);
  for (auto& s : op.set_items) {
    visit(s.target.get(), visit);
    visit(s.value.get(), visit);
  }
}

}  // namespace kith::query::planner
