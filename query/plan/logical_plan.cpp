#include "query/plan/logical_plan.h"

namespace kith::query::plan {

Expr::Expr(ExprKind k, ast::Pos p) : kind(k), pos(p) {}
Expr::~Expr() = default;
Expr::Expr(Expr&&) noexcept = default;
Expr& Expr::operator=(Expr&&) noexcept = default;

Op::Op(OpKind k, ast::Pos p) : kind(k), pos(p) {}
Op::~Op() = default;
Op::Op(Op&&) noexcept = default;
Op& Op::operator=(Op&&) noexcept = default;

std::string_view op_kind_name(OpKind k) {
  switch (k) {
    case OpKind::Argument: return "Argument";
    case OpKind::AllNodesScan: return "AllNodesScan";
    case OpKind::LabelScan: return "LabelScan";
    case OpKind::IndexSeek: return "IndexSeek";
    case OpKind::IndexRangeSeek: return "IndexRangeSeek";
    case OpKind::NodeByIdSeek: return "NodeByIdSeek";
    case OpKind::Expand: return "Expand";
    case OpKind::VarLengthExpand: return "VarLengthExpand";
    case OpKind::ShortestPath: return "ShortestPath";
    case OpKind::Filter: return "Filter";
    case OpKind::Projection: return "Projection";
    case OpKind::Aggregate: return "Aggregate";
    case OpKind::Distinct: return "Distinct";
    case OpKind::Sort: return "Sort";
    case OpKind::Top: return "Top";
    case OpKind::TopBound: return "TopBound";
    case OpKind::Skip: return "Skip";
    case OpKind::Limit: return "Limit";
    case OpKind::Unwind: return "Unwind";
    case OpKind::Apply: return "Apply";
    case OpKind::OptionalApply: return "OptionalApply";
    case OpKind::HashJoin: return "HashJoin";
    case OpKind::Union: return "Union";
    case OpKind::Create: return "Create";
    case OpKind::Merge: return "Merge";
    case OpKind::SetItems: return "SetItems";
    case OpKind::Delete: return "Delete";
    case OpKind::ProcedureCall: return "ProcedureCall";
    case OpKind::Eager: return "Eager";
    case OpKind::ProduceResults: return "ProduceResults";
    case OpKind::SchemaCommand: return "SchemaCommand";
  }
  return "?";
}

std::string_view expr_kind_name(ExprKind k) {
  switch (k) {
    case ExprKind::Constant: return "Constant";
    case ExprKind::Parameter: return "Parameter";
    case ExprKind::Slot: return "Slot";
    case ExprKind::Property: return "Property";
    case ExprKind::HasLabels: return "HasLabels";
    case ExprKind::Not: return "Not";
    case ExprKind::Negate: return "Negate";
    case ExprKind::IsNull: return "IsNull";
    case ExprKind::IsNotNull: return "IsNotNull";
    case ExprKind::And: return "And";
    case ExprKind::Or: return "Or";
    case ExprKind::Xor: return "Xor";
    case ExprKind::Eq: return "Eq";
    case ExprKind::Ne: return "Ne";
    case ExprKind::Lt: return "Lt";
    case ExprKind::Le: return "Le";
    case ExprKind::Gt: return "Gt";
    case ExprKind::Ge: return "Ge";
    case ExprKind::Add: return "Add";
    case ExprKind::Sub: return "Sub";
    case ExprKind::Mul: return "Mul";
    case ExprKind::Div: return "Div";
    case ExprKind::Mod: return "Mod";
    case ExprKind::Pow: return "Pow";
    case ExprKind::In: return "In";
    case ExprKind::StartsWith: return "StartsWith";
    case ExprKind::EndsWith: return "EndsWith";
    case ExprKind::Contains: return "Contains";
    case ExprKind::RegexMatch: return "RegexMatch";
    case ExprKind::Index: return "Index";
    case ExprKind::Slice: return "Slice";
    case ExprKind::ListLiteral: return "ListLiteral";
    case ExprKind::MapLiteral: return "MapLiteral";
    case ExprKind::Call: return "Call";
    case ExprKind::Case: return "Case";
    case ExprKind::ListComprehension: return "ListComprehension";
    case ExprKind::Quantifier: return "Quantifier";
    case ExprKind::Reduce: return "Reduce";
    case ExprKind::Exists: return "Exists";
    case ExprKind::PatternComprehension: return "PatternComprehension";
    case ExprKind::Within: return "Within";
    case ExprKind::Since: return "Since";
  }
  return "?";
}

namespace {

void number(Op& op, uint32_t& next);

void number_expr(Expr* e, uint32_t& next) {
  if (!e) return;
  if (e->subplan) number(*e->subplan, next);
  for (auto& a : e->args) number_expr(a.get(), next);
}

// The same order explain() prints: the operator, the subplans of its
// expressions, then its children.
void number(Op& op, uint32_t& next) {
  op.index = next++;
  for (auto& e : op.exprs) number_expr(e.get(), next);
  for (auto& i : op.items) number_expr(i.expr.get(), next);
  for (auto& a : op.aggregates) number_expr(a.arg.get(), next);
  for (auto& k : op.sort_keys) number_expr(k.expr.get(), next);
  for (auto& c : op.children) number(*c, next);
}

}  // namespace

void number_operators(Plan& plan) {
  uint32_t next = 0;
  if (plan.root) number(*plan.root, next);
  plan.op_count = next;
}

}  // namespace kith::query::plan
