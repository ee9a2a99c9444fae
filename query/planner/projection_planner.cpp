// WITH and RETURN: projection, implicit grouping (the non-aggregate items
// are the keys), DISTINCT, ORDER BY (Sort, or Top when a LIMIT follows),
// SKIP, LIMIT, and WITH's WHERE, in openCypher's order.
#include <algorithm>
#include <cctype>
#include <set>

#include "query/planner/expr_text.h"
#include "query/planner/planner_internal.h"

namespace kith::query::planner {
namespace {

bool has_aggregate(const ast::Expr* e, const plan::FunctionCatalog& functions) {
  if (!e) return false;
  if (e->kind == ast::ExprKind::CountStar) return true;
  if (e->kind == ast::ExprKind::Call) {
    auto info = functions.find(e->name);
    if (info && info->kind == plan::FunctionKind::Aggregate) return true;
  }
  // Subqueries and pattern comprehensions are their own scopes.
  if (e->kind == ast::ExprKind::Exists || e->kind == ast::ExprKind::PatternComprehension ||
      e->kind == ast::ExprKind::PatternPredicate)
    return false;
  for (const auto& a : e->args)
    if (has_aggregate(a.get(), functions)) return true;
  for (const auto* x : {e->subject.get(), e->else_expr.get(), e->where.get(), e->projection.get()})
    if (has_aggregate(x, functions)) return true;
  return false;
}

// SKIP and LIMIT take a non-negative integer literal or a parameter.
ExprPtr bind_count(const ast::Expr& e, const char* what, plan::Plan& plan) {
  if (e.kind == ast::ExprKind::Int && std::get<int64_t>(e.literal) >= 0)
    return make_constant(Value(std::get<int64_t>(e.literal)), e.pos, expr_text(e));
  if (e.kind == ast::ExprKind::Parameter) {
    auto p = std::make_unique<plan::Expr>(plan::ExprKind::Parameter, e.pos);
    p->name = e.name;
    p->text = "$" + e.name;
    if (std::find(plan.parameters.begin(), plan.parameters.end(), e.name) == plan.parameters.end()) {
      plan.parameters.push_back(e.name);
      plan.parameter_positions.push_back(e.pos);
    }
    return p;
  }
  fail(ErrorCode::SemanticError,
       std::string(what) + " must be a non-negative integer constant or a parameter, got " +
           expr_text(e),
       e.pos);
}

double limit_rows(const ExprPtr& e, double rows) {
  if (e && e->kind == plan::ExprKind::Constant && e->value.type() == ValueType::Int)
    return std::min(rows, static_cast<double>(e->value.as_int()));
  return rows;
}

// Every variable name an expression mentions (comprehension variables
// included: over-approximating only keeps an item from being deferred).
void variable_names(const ast::Expr* e, std::set<std::string>& out) {
  if (!e) return;
  if (e->kind == ast::ExprKind::Variable) out.insert(e->name);
  for (const auto& a : e->args) variable_names(a.get(), out);
  for (const auto* x : {e->subject.get(), e->else_expr.get(), e->where.get(), e->projection.get()})
    variable_names(x, out);
  for (const auto& part : e->patterns)
    for (const auto& n : part.nodes) out.insert(n.variable);
}

struct Item {
  std::string name;       // output variable / column name
  std::string text;       // expression text, for ORDER BY matching
  const ast::Expr* expr;  // null for RETURN * entries
  ast::Pos pos;
  const Variable* source = nullptr;  // a plain variable item: its variable
  bool aggregate = false;
  SlotId slot = plan::kNoSlot;
};

// ---- the Top-N bound (docs/planner.md, "Top-N bound")

// Deterministic functions cheap enough to run on every row below a Top.
bool cheap_function(const std::string& name) {
  static const std::set<std::string> names = {
      "abs",     "ceil",      "coalesce", "floor", "id",      "length", "round",
      "sign",    "size",      "tofloat",  "tointeger", "tolower", "tostring", "toupper"};
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  return names.count(lower) > 0;
}

// A key the check can evaluate on every row for the price of the Top's own
// evaluation: slots, properties, arithmetic, cheap functions. No subplans
// (a subquery per row), nothing random, no comprehension variables.
bool cheap_key(const plan::Expr& e) {
  using K = plan::ExprKind;
  switch (e.kind) {
    case K::Constant:
    case K::Parameter:
    case K::Slot: return true;
    case K::Property:
    case K::Negate:
    case K::Add:
    case K::Sub:
    case K::Mul:
    case K::Div:
    case K::Mod:
    case K::Pow: break;
    case K::Call:
      if (!cheap_function(e.name)) return false;
      break;
    default: return false;
  }
  if (e.subplan) return false;
  return std::all_of(e.args.begin(), e.args.end(),
                     [](const ExprPtr& a) { return a && cheap_key(*a); });
}

void slots_read(const plan::Expr& e, std::set<SlotId>& out) {
  if (e.kind == plan::ExprKind::Slot) out.insert(e.slot);
  for (const auto& a : e.args)
    if (a) slots_read(*a, out);
}

// Every slot an operator subtree may write (over-approximated).
void slots_written(const Op& op, std::set<SlotId>& out) {
  for (SlotId s : {op.slot, op.rel, op.to, op.path_slot})
    if (s != plan::kNoSlot) out.insert(s);
  out.insert(op.slots.begin(), op.slots.end());
  for (const auto& i : op.items) out.insert(i.slot);
  for (const auto& a : op.aggregates) out.insert(a.slot);
  for (const auto& n : op.node_specs) out.insert(n.slot);
  for (const auto& r : op.rel_specs) out.insert(r.slot);
  for (const auto& c : op.children) slots_written(*c, out);
}

bool has_writes(const Op& op) {
  switch (op.kind) {
    case OpKind::Create:
    case OpKind::Merge:
    case OpKind::SetItems:
    case OpKind::Delete:
    case OpKind::Eager:
    case OpKind::ProcedureCall: return true;
    default: break;
  }
  return std::any_of(op.children.begin(), op.children.end(),
                     [](const OpPtr& c) { return has_writes(*c); });
}

// `text` with the whole-word occurrences of `from` replaced by `to` (the
// EXPLAIN text of a key whose alias was replaced by its expression).
std::string replace_word(const std::string& text, const std::string& from, const std::string& to) {
  if (from.empty()) return text;
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t at = text.find(from, i);
    if (at == std::string::npos) break;
    size_t end = at + from.size();
    bool whole = (at == 0 || !word(text[at - 1])) && (end == text.size() || !word(text[end]));
    out += text.substr(i, at - i) + (whole ? to : from);
    i = end;
  }
  return out + text.substr(std::min(i, text.size()));
}

// Replaces reads of a projection's output slots by the expressions that
// compute them (which read the projection's input row). False if one of
// them is not cheap.
bool substitute(ExprPtr& e, const std::vector<plan::ProjectItem>& items) {
  if (e->kind == plan::ExprKind::Slot) {
    for (const auto& item : items) {
      if (item.slot != e->slot) continue;
      if (!cheap_key(*item.expr)) return false;
      e = clone_expr(*item.expr);
      return true;
    }
    return true;
  }
  for (auto& a : e->args) {
    std::string before = a->text;
    if (!substitute(a, items)) return false;
    if (a->text == before) continue;
    bool atomic = a->kind == plan::ExprKind::Property || a->kind == plan::ExprKind::Slot ||
                  a->kind == plan::ExprKind::Call || a->kind == plan::ExprKind::Parameter ||
                  a->kind == plan::ExprKind::Constant;
    e->text = replace_word(e->text, before, atomic ? a->text : "(" + a->text + ")");
  }
  return true;
}

}  // namespace

// Walks down from the Top while each operator only filters, expands or
// projects rows one by one: each row a check drops there would reach the Top
// (if at all) with the same first key, so it could not enter either. Stops
// at the operator that binds a slot the key reads or at anything that
// counts, cuts, groups or writes rows. The check goes right above it and
// the Filters on it (a pattern's predicates on what it binds: the rows they
// drop need no key, and the bound drops the same rows wherever it sits).
bool place_top_bound(Op& top, uint32_t link) {
  if (top.sort_keys.empty() || top.children.empty()) return false;
  ExprPtr key = clone_expr(*top.sort_keys[0].expr);
  if (!cheap_key(*key)) return false;
  OpPtr* at = &top.children[0];
  OpPtr* filters = nullptr;  // the top of the run of Filters just passed
  int passed = 0;            // operators passed other than those Filters
  for (;;) {
    Op& cur = **at;
    std::set<SlotId> reads;
    slots_read(*key, reads);
    if (reads.empty()) return false;  // a constant key: every row ties
    std::set<SlotId> writes;
    bool through = true;
    switch (cur.kind) {
      case OpKind::Filter: break;
      case OpKind::Projection:
        if (!substitute(key, cur.items)) return false;
        break;
      case OpKind::Expand:
      case OpKind::VarLengthExpand:
      case OpKind::ShortestPath:
        for (SlotId s : {cur.rel, cur.to, cur.path_slot})
          if (s != plan::kNoSlot && !(s == cur.to && cur.into)) writes.insert(s);
        break;
      case OpKind::Unwind: writes.insert(cur.slot); break;
      case OpKind::Apply:
      case OpKind::OptionalApply:
        // Each left row's rows carry its key; the right side must not
        // write (a dropped row would skip its writes).
        if (has_writes(*cur.children.at(1))) {
          through = false;
          break;
        }
        writes.insert(cur.slots.begin(), cur.slots.end());
        slots_written(*cur.children.at(1), writes);
        break;
      default: through = false; break;
    }
    bool binds = std::any_of(reads.begin(), reads.end(),
                             [&](SlotId s) { return writes.count(s) > 0; });
    if (!through || binds || cur.children.empty()) {
      // The check needs something to skip between it and the Top, and a
      // key the operator below it binds (else it reads the argument row only).
      if (passed == 0) return false;
      std::set<SlotId> below;
      slots_written(cur, below);
      if (std::none_of(reads.begin(), reads.end(), [&](SlotId s) { return below.count(s) > 0; }))
        return false;
      if (filters) at = filters;
      double rows = rows_of(*at);
      auto check = make_op(OpKind::TopBound, top.pos, std::move(*at));
      check->sort_keys.push_back(plan::SortKey{std::move(key), top.sort_keys[0].descending});
      check->estimated_rows = rows;
      check->top_link = link;
      top.top_link = link;
      *at = std::move(check);
      return true;
    }
    if (cur.kind == OpKind::Filter) {
      if (!filters) filters = at;
    } else {
      filters = nullptr;
      ++passed;
    }
    at = &cur.children[0];
  }
}

OpPtr Planner::plan_projection(OpPtr input, const ast::Projection& p, const ast::Expr* where,
                               Scope& scope, bool is_return, ast::Pos pos,
                               std::vector<plan::Column>* columns) {
  const char* clause = is_return ? "RETURN" : "WITH";
  OpPtr op = or_argument(std::move(input), pos);
  const Scope before = scope;

  // ---- the items
  std::vector<Item> items;
  if (p.star) {
    std::vector<const Variable*> visible;
    for (const auto& v : before.vars())
      if (!v.local) visible.push_back(&v);
    if (visible.empty() && p.items.empty())
      fail(ErrorCode::SemanticError,
           std::string(clause) + " * is not allowed when there are no variables in scope", pos);
    std::sort(visible.begin(), visible.end(),
              [](const Variable* a, const Variable* b) { return a->name < b->name; });
    for (const Variable* v : visible) items.push_back(Item{v->name, v->name, nullptr, pos, v});
  }
  for (const auto& it : p.items) {
    Item item{it.alias, expr_text(*it.expr), it.expr.get(), it.pos};
    if (it.expr->kind == ast::ExprKind::Variable) {
      item.source = before.find(it.expr->name);
      if (item.name.empty()) item.name = it.expr->name;
    }
    if (item.name.empty()) {
      if (!is_return)
        fail(ErrorCode::SemanticError, "expression in WITH must be aliased (use AS): " + item.text,
             it.pos);
      item.name = it.text.empty() ? item.text : it.text;
    }
    item.aggregate = has_aggregate(it.expr.get(), ctx_.functions);
    items.push_back(std::move(item));
  }
  for (size_t i = 0; i < items.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (items[i].name == items[j].name)
        fail(ErrorCode::SemanticError,
             "multiple " + std::string(is_return ? "result columns" : "WITH items") + " named '" +
                 items[i].name + "'",
             items[i].pos);
  bool aggregating =
      std::any_of(items.begin(), items.end(), [](const Item& i) { return i.aggregate; });

  ExprOptions plain;
  plain.context = clause;
  Scope out;
  auto add_out = [&](const Item& item) {
    VarKind kind =
        item.source && item.slot == item.source->slot ? item.source->kind : VarKind::Value;
    bool nullable = item.source ? item.source->nullable : true;
    Variable v{item.name, item.slot, kind, nullable, false, {}};
    if (item.source && item.slot == item.source->slot) v.labels = item.source->labels;
    out.add(std::move(v));
  };

  // With ORDER BY + LIMIT, items the ordering does not read are computed
  // after the Top, for the few rows it keeps.
  std::vector<plan::ProjectItem> deferred;
  std::set<std::string> sort_names, sort_texts;
  bool can_defer = !aggregating && !p.distinct && p.limit && !p.order_by.empty();
  for (const auto& o : p.order_by) {
    variable_names(o.expr.get(), sort_names);
    sort_texts.insert(expr_text(*o.expr));
  }
  if (!aggregating) {
    std::vector<plan::ProjectItem> computed;
    for (auto& item : items) {
      if (item.expr) {
        // Bound even for plain variables: reports an unknown name.
        ExprPtr e = bind(*item.expr, before, plain);
        if (e->kind == plan::ExprKind::Slot && item.source) {
          item.slot = e->slot;
        } else {
          item.slot = new_slot(item.name);
          bool needed = !can_defer || sort_names.count(item.name) || sort_texts.count(item.text);
          (needed ? computed : deferred).push_back(plan::ProjectItem{item.slot, std::move(e)});
        }
      } else {
        item.slot = item.source->slot;
      }
      add_out(item);
    }
    if (!computed.empty()) {
      double rows = rows_of(op);
      op = make_op(OpKind::Projection, pos, std::move(op));
      op->items = std::move(computed);
      op->estimated_rows = rows;
    }
  } else {
    // Keys first: they define the scope the aggregate items are bound in.
    std::vector<plan::ProjectItem> keys;
    Scope key_scope;
    for (auto& item : items) {
      if (item.aggregate) continue;
      ExprPtr e = item.expr ? bind(*item.expr, before, plain)
                            : make_slot_expr(item.source->slot, item.name, pos);
      if (e->kind == plan::ExprKind::Slot && item.source) {
        item.slot = e->slot;
        key_scope.add(*item.source);
      } else {
        item.slot = new_slot(item.name);
      }
      keys.push_back(plan::ProjectItem{item.slot, std::move(e)});
    }
    std::vector<plan::AggregateItem> aggregates;
    std::vector<plan::ProjectItem> after;
    ExprOptions agg;
    agg.context = clause;
    agg.aggregates = &aggregates;
    agg.aggregate_scope = &before;
    agg.hidden_scope = &before;
    agg.hidden_reason = "is neither a grouping key nor inside an aggregate function";
    for (auto& item : items) {
      if (!item.aggregate) continue;
      size_t first = aggregates.size();
      ExprPtr e = bind(*item.expr, key_scope, agg);
      if (e->kind == plan::ExprKind::Slot && aggregates.size() == first + 1 &&
          aggregates[first].slot == e->slot) {
        item.slot = e->slot;
        plan_.slot_names[item.slot] = item.name;
      } else {
        item.slot = new_slot(item.name);
        after.push_back(plan::ProjectItem{item.slot, std::move(e)});
      }
    }
    double rows = keys.empty() ? 1 : std::max(1.0, rows_of(op) * 0.5);
    op = make_op(OpKind::Aggregate, pos, std::move(op));
    op->items = std::move(keys);
    op->aggregates = std::move(aggregates);
    op->estimated_rows = rows;
    if (!after.empty()) {
      op = make_op(OpKind::Projection, pos, std::move(op));
      op->items = std::move(after);
      op->estimated_rows = rows;
    }
    for (const auto& item : items) add_out(item);
  }

  if (p.distinct) {
    double rows = std::max(1.0, rows_of(op) * 0.7);
    op = make_op(OpKind::Distinct, pos, std::move(op));
    for (const auto& item : items) op->slots.push_back(item.slot);
    op->estimated_rows = rows;
  }

  // ---- ORDER BY, SKIP, LIMIT
  std::vector<plan::SortKey> keys;
  if (!p.order_by.empty()) {
    bool narrowed = aggregating || p.distinct;
    Scope sort_scope = narrowed ? out : before;
    if (!narrowed)
      for (const auto& v : out.vars()) sort_scope.add(v);
    ExprOptions so;
    so.context = "ORDER BY";
    if (narrowed) {
      so.hidden_scope = &before;
      so.hidden_reason =
          aggregating
              ? "is not in scope after aggregation: ORDER BY can only use the projected items"
              : "is not in scope after DISTINCT: ORDER BY can only use the projected items";
    }
    for (const auto& s : p.order_by) {
      plan::SortKey key;
      key.descending = s.descending;
      std::string text = expr_text(*s.expr);
      for (const auto& item : items)
        if (item.expr && item.text == text && s.expr->kind != ast::ExprKind::Variable)
          key.expr = make_slot_expr(item.slot, text, s.pos);
      if (!key.expr) key.expr = bind(*s.expr, sort_scope, so);
      keys.push_back(std::move(key));
    }
  }
  ExprPtr skip = p.skip ? bind_count(*p.skip, "SKIP", plan_) : nullptr;
  ExprPtr limit = p.limit ? bind_count(*p.limit, "LIMIT", plan_) : nullptr;
  if (!keys.empty() && limit) {
    double rows = limit_rows(limit, rows_of(op));
    op = make_op(OpKind::Top, pos, std::move(op));
    op->sort_keys = std::move(keys);
    op->exprs.push_back(std::move(limit));
    if (skip) op->exprs.push_back(std::move(skip));
    op->estimated_rows = rows;
    if (place_top_bound(*op, top_links_ + 1)) ++top_links_;
  } else {
    if (!keys.empty()) {
      double rows = rows_of(op);
      op = make_op(OpKind::Sort, pos, std::move(op));
      op->sort_keys = std::move(keys);
      op->estimated_rows = rows;
    }
    if (skip) {
      double rows = rows_of(op);
      op = make_op(OpKind::Skip, pos, std::move(op));
      op->exprs.push_back(std::move(skip));
      op->estimated_rows = rows;
    }
    if (limit) {
      double rows = limit_rows(limit, rows_of(op));
      op = make_op(OpKind::Limit, pos, std::move(op));
      op->exprs.push_back(std::move(limit));
      op->estimated_rows = rows;
    }
  }

  if (!deferred.empty()) {
    double rows = rows_of(op);
    op = make_op(OpKind::Projection, pos, std::move(op));
    op->items = std::move(deferred);
    op->estimated_rows = rows;
  }

  scope = out;
  if (where) {
    ExprPtr cond = bind_where(*where, scope, nullptr);
    double rows = rows_of(op) * 0.5;
    op = make_op(OpKind::Filter, where->pos, std::move(op));
    op->exprs.push_back(std::move(cond));
    op->estimated_rows = rows;
  }
  if (columns)
    for (const auto& item : items) columns->push_back(plan::Column{item.name, item.slot});
  return op;
}

}  // namespace kith::query::planner
