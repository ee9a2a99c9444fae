// Small constructors shared by the planner's parts, and slot allocation.
#include "query/planner/planner_internal.h"

namespace kith::query::planner {

OpPtr make_op(OpKind kind, ast::Pos pos, OpPtr child) {
  auto op = std::make_unique<Op>(kind, pos);
  if (kind == OpKind::Argument) op->estimated_rows = 1;
  if (child) op->children.push_back(std::move(child));
  return op;
}

ExprPtr make_slot_expr(SlotId slot, const std::string& name, ast::Pos pos) {
  auto e = std::make_unique<plan::Expr>(plan::ExprKind::Slot, pos);
  e->slot = slot;
  e->text = name;
  return e;
}

ExprPtr make_constant(Value v, ast::Pos pos, std::string text) {
  auto e = std::make_unique<plan::Expr>(plan::ExprKind::Constant, pos);
  e->value = std::move(v);
  e->text = std::move(text);
  return e;
}

ExprPtr clone_expr(const plan::Expr& e) {
  auto out = std::make_unique<plan::Expr>(e.kind, e.pos);
  out->value = e.value;
  out->name = e.name;
  out->names = e.names;
  out->slot = e.slot;
  out->var_slot = e.var_slot;
  out->acc_slot = e.acc_slot;
  out->has_subject = e.has_subject;
  out->has_else = e.has_else;
  out->unit = e.unit;
  out->text = e.text;
  for (const auto& a : e.args) out->args.push_back(a ? clone_expr(*a) : nullptr);
  return out;
}

OpPtr or_argument(OpPtr input, ast::Pos pos) {
  if (input) return input;
  auto arg = make_op(OpKind::Argument, pos);
  arg->estimated_rows = 1;
  return arg;
}

double rows_of(const OpPtr& op) {
  if (!op) return 1;
  if (op->kind == OpKind::Argument) return 1;
  return op->estimated_rows;
}

SlotId Planner::new_slot(const std::string& name) {
  plan_.slot_names.push_back(name);
  return plan_.slot_count++;
}

std::string Planner::anon_name() { return "anon_" + std::to_string(anon_counter_++); }

}  // namespace kith::query::planner
