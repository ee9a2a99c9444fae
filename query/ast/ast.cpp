#include "query/ast/ast.h"

namespace kith::query::ast {

// Out of line because Expr holds a unique_ptr<Query>, complete only here.
Expr::Expr(ExprKind k, Pos p) : kind(k), pos(p) {}
Expr::~Expr() = default;
Expr::Expr(Expr&&) noexcept = default;
Expr& Expr::operator=(Expr&&) noexcept = default;

namespace {

ExprPtr clone_ptr(const ExprPtr& e) { return e ? clone(*e) : nullptr; }

std::vector<ExprPtr> clone_all(const std::vector<ExprPtr>& v) {
  std::vector<ExprPtr> out;
  out.reserve(v.size());
  for (const auto& e : v) out.push_back(clone_ptr(e));
  return out;
}

std::vector<PatternPart> clone_all(const std::vector<PatternPart>& v) {
  std::vector<PatternPart> out;
  out.reserve(v.size());
  for (const auto& p : v) out.push_back(clone(p));
  return out;
}

SetItem clone(const SetItem& s) {
  return SetItem{s.pos, s.kind, s.variable, s.property_path, clone_ptr(s.value), s.labels};
}

std::vector<SetItem> clone_all(const std::vector<SetItem>& v) {
  std::vector<SetItem> out;
  for (const auto& s : v) out.push_back(clone(s));
  return out;
}

Projection clone(const Projection& p) {
  Projection out;
  out.distinct = p.distinct;
  out.star = p.star;
  for (const auto& i : p.items) out.items.push_back({i.pos, clone_ptr(i.expr), i.alias, i.text});
  for (const auto& s : p.order_by) out.order_by.push_back({s.pos, clone_ptr(s.expr), s.descending});
  out.skip = clone_ptr(p.skip);
  out.limit = clone_ptr(p.limit);
  return out;
}

struct ClauseCloner {
  ClauseBody operator()(const MatchClause& c) const {
    return MatchClause{c.optional, clone_all(c.patterns), clone_ptr(c.where)};
  }
  ClauseBody operator()(const UnwindClause& c) const { return UnwindClause{clone_ptr(c.list), c.variable}; }
  ClauseBody operator()(const WithClause& c) const { return WithClause{clone(c.projection), clone_ptr(c.where)}; }
  ClauseBody operator()(const ReturnClause& c) const { return ReturnClause{clone(c.projection)}; }
  ClauseBody operator()(const CreateClause& c) const { return CreateClause{clone_all(c.patterns)}; }
  ClauseBody operator()(const MergeClause& c) const {
    return MergeClause{clone(c.pattern), clone_all(c.on_create), clone_all(c.on_match)};
  }
  ClauseBody operator()(const SetClause& c) const { return SetClause{clone_all(c.items)}; }
  ClauseBody operator()(const RemoveClause& c) const { return RemoveClause{c.items}; }
  ClauseBody operator()(const DeleteClause& c) const { return DeleteClause{c.detach, clone_all(c.targets)}; }
  ClauseBody operator()(const CallClause& c) const {
    return CallClause{c.procedure, clone_all(c.args), c.has_arguments, c.yield_star, c.yields,
                      clone_ptr(c.where)};
  }
};

}  // namespace

ExprPtr clone(const Expr& e) {
  auto out = std::make_unique<Expr>(e.kind, e.pos);
  out->literal = e.literal;
  out->name = e.name;
  out->variable = e.variable;
  out->args = clone_all(e.args);
  out->keys = e.keys;
  out->labels = e.labels;
  out->distinct = e.distinct;
  out->unit = e.unit;
  out->subject = clone_ptr(e.subject);
  out->else_expr = clone_ptr(e.else_expr);
  out->where = clone_ptr(e.where);
  out->projection = clone_ptr(e.projection);
  out->patterns = clone_all(e.patterns);
  if (e.subquery) out->subquery = std::make_unique<Query>(clone(*e.subquery));
  out->height = e.height;
  return out;
}

NodePattern clone(const NodePattern& n) {
  return NodePattern{n.pos, n.variable, n.labels, clone_ptr(n.properties)};
}

RelPattern clone(const RelPattern& r) {
  return RelPattern{r.pos,      r.variable, r.types, r.direction, r.var_length,
                    r.min_hops, r.max_hops, clone_ptr(r.properties)};
}

PatternPart clone(const PatternPart& p) {
  PatternPart out;
  out.pos = p.pos;
  out.path_variable = p.path_variable;
  out.kind = p.kind;
  out.warmest_k = clone_ptr(p.warmest_k);
  for (const auto& n : p.nodes) out.nodes.push_back(clone(n));
  for (const auto& r : p.rels) out.rels.push_back(clone(r));
  return out;
}

Query clone(const Query& q) {
  Query out;
  out.pos = q.pos;
  out.union_all = q.union_all;
  for (const auto& part : q.parts) {
    SingleQuery sq;
    sq.pos = part.pos;
    for (const auto& c : part.clauses) sq.clauses.push_back({c.pos, std::visit(ClauseCloner{}, c.body)});
    out.parts.push_back(std::move(sq));
  }
  return out;
}

std::string_view time_unit_name(TimeUnit u) {
  switch (u) {
    case TimeUnit::Minute: return "MINUTE";
    case TimeUnit::Hour: return "HOUR";
    case TimeUnit::Day: return "DAY";
    case TimeUnit::Week: return "WEEK";
    case TimeUnit::Month: return "MONTH";
  }
  return "DAY";
}

}  // namespace kith::query::ast
