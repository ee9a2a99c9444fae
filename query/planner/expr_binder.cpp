// AST expressions -> plan expressions: variables to slots, functions checked
// against the catalog, aggregates collected for the projection planner,
// pattern predicates and comprehensions planned as subplans, and the type
// errors that are visible without running anything.
#include <algorithm>
#include <optional>

#include "query/planner/expr_text.h"
#include "query/planner/planner_internal.h"

namespace kith::query::planner {
namespace {

using AK = ast::ExprKind;
using PK = plan::ExprKind;

std::optional<PK> simple_kind(AK k) {
  switch (k) {
    case AK::Not: return PK::Not;
    case AK::Negate: return PK::Negate;
    case AK::IsNull: return PK::IsNull;
    case AK::IsNotNull: return PK::IsNotNull;
    case AK::Or: return PK::Or;
    case AK::Xor: return PK::Xor;
    case AK::And: return PK::And;
    case AK::Eq: return PK::Eq;
    case AK::Ne: return PK::Ne;
    case AK::Lt: return PK::Lt;
    case AK::Le: return PK::Le;
    case AK::Gt: return PK::Gt;
    case AK::Ge: return PK::Ge;
    case AK::Add: return PK::Add;
    case AK::Sub: return PK::Sub;
    case AK::Mul: return PK::Mul;
    case AK::Div: return PK::Div;
    case AK::Mod: return PK::Mod;
    case AK::Pow: return PK::Pow;
    case AK::In: return PK::In;
    case AK::StartsWith: return PK::StartsWith;
    case AK::EndsWith: return PK::EndsWith;
    case AK::Contains: return PK::Contains;
    case AK::RegexMatch: return PK::RegexMatch;
    case AK::Index: return PK::Index;
    case AK::List: return PK::ListLiteral;
    case AK::Map: return PK::MapLiteral;
    default: return std::nullopt;
  }
}

const char* operator_symbol(PK k) {
  switch (k) {
    case PK::Add: return "+";
    case PK::Sub: return "-";
    case PK::Mul: return "*";
    case PK::Div: return "/";
    case PK::Mod: return "%";
    case PK::Pow: return "^";
    case PK::Negate: return "-";
    case PK::Not: return "NOT";
    case PK::And: return "AND";
    case PK::Or: return "OR";
    case PK::Xor: return "XOR";
    default: return "?";
  }
}

// The type of a non-null constant operand, if the expression is one.
std::optional<ValueType> constant_type(const ExprPtr& e) {
  if (!e || e->kind != PK::Constant || e->value.is_null()) return std::nullopt;
  return e->value.type();
}

bool is_numeric(ValueType t) { return t == ValueType::Int || t == ValueType::Double; }

// Literal misuse the evaluator would reject on every row: report it now.
void check_static_types(const plan::Expr& e) {
  auto type_error = [&](const std::string& what) {
    fail(ErrorCode::TypeError, what + " (" + e.text + ")", e.pos);
  };
  switch (e.kind) {
    case PK::Add:
    case PK::Sub:
    case PK::Mul:
    case PK::Div:
    case PK::Mod:
    case PK::Pow: {
      auto a = constant_type(e.args[0]), b = constant_type(e.args[1]);
      for (auto t : {a, b}) {
        if (t && (*t == ValueType::Bool)) {
          std::string ta = a ? std::string(value_type_name(*a)) : "?";
          std::string tb = b ? std::string(value_type_name(*b)) : "?";
          type_error(std::string("cannot apply ") + operator_symbol(e.kind) + " to " +
                     (a ? ta : std::string("a value")) + " and " +
                     (b ? tb : std::string("a value")));
        }
      }
      if (e.kind != PK::Add && a && b && (!is_numeric(*a) || !is_numeric(*b)) &&
          !(*a == ValueType::Duration || *b == ValueType::Duration)) {
        type_error(std::string("cannot apply ") + operator_symbol(e.kind) + " to " +
                   std::string(value_type_name(*a)) + " and " + std::string(value_type_name(*b)));
      }
      return;
    }
    case PK::Negate: {
      auto a = constant_type(e.args[0]);
      if (a && !is_numeric(*a) && *a != ValueType::Duration)
        type_error("cannot negate " + std::string(value_type_name(*a)));
      return;
    }
    case PK::Not:
    case PK::And:
    case PK::Or:
    case PK::Xor:
      for (const auto& arg : e.args) {
        auto t = constant_type(arg);
        if (t && *t != ValueType::Bool)
          type_error(std::string(operator_symbol(e.kind)) + " expects BOOL, got " +
                     std::string(value_type_name(*t)));
      }
      return;
    default: return;
  }
}

std::optional<plan::AggregateFn> aggregate_fn(const std::string& canonical) {
  if (canonical == "count") return plan::AggregateFn::Count;
  if (canonical == "sum") return plan::AggregateFn::Sum;
  if (canonical == "avg") return plan::AggregateFn::Avg;
  if (canonical == "min") return plan::AggregateFn::Min;
  if (canonical == "max") return plan::AggregateFn::Max;
  if (canonical == "collect") return plan::AggregateFn::Collect;
  return std::nullopt;
}

// Every variable name an expression (and its patterns) mentions: the
// dependencies of a subplan, over-approximated (a shadowing local only
// delays where a filter is placed).
void collect_names(const ast::Expr* e, std::set<std::string>& out);

void collect_pattern_names(const ast::PatternPart& p, std::set<std::string>& out) {
  for (const auto& n : p.nodes) {
    if (!n.variable.empty()) out.insert(n.variable);
    collect_names(n.properties.get(), out);
  }
  for (const auto& r : p.rels) {
    if (!r.variable.empty()) out.insert(r.variable);
    collect_names(r.properties.get(), out);
  }
}

void collect_names(const ast::Expr* e, std::set<std::string>& out) {
  if (!e) return;
  if (e->kind == AK::Variable) out.insert(e->name);
  for (const auto& a : e->args) collect_names(a.get(), out);
  for (const auto* x : {e->subject.get(), e->else_expr.get(), e->where.get(), e->projection.get()})
    collect_names(x, out);
  for (const auto& p : e->patterns) collect_pattern_names(p, out);
}

}  // namespace

ExprPtr Planner::bind_aggregate(const ast::Expr& e, plan::AggregateFn fn, const Scope& scope,
                                const ExprOptions& o) {
  std::string text = expr_text(e);
  if (!o.aggregates)
    fail(ErrorCode::SemanticError,
         "aggregate function " + text + " is not allowed in " + std::string(o.context), e.pos);
  ExprOptions inner;
  inner.context = "another aggregate function (aggregates cannot be nested)";
  inner.deps = o.deps;
  const Scope& arg_scope = o.aggregate_scope ? *o.aggregate_scope : scope;
  plan::AggregateItem item;
  item.fn = fn;
  item.distinct = e.distinct;
  if (fn != plan::AggregateFn::CountStar) item.arg = bind(*e.args[0], arg_scope, inner);
  item.slot = new_slot(text);
  SlotId slot = item.slot;
  o.aggregates->push_back(std::move(item));
  return make_slot_expr(slot, text, e.pos);
}

ExprPtr Planner::bind_where(const ast::Expr& e, const Scope& scope, std::set<SlotId>* deps) {
  ExprOptions o;
  o.context = "WHERE";
  o.deps = deps;
  return bind(e, scope, o);
}

ExprPtr Planner::bind(const ast::Expr& e, const Scope& scope, const ExprOptions& o) {
  auto out = std::make_unique<plan::Expr>(PK::Constant, e.pos);
  out->text = expr_text(e);
  auto sub = [&](const ast::ExprPtr& x) -> ExprPtr { return x ? bind(*x, scope, o) : nullptr; };

  if (auto k = simple_kind(e.kind)) {
    out->kind = *k;
    for (const auto& a : e.args) out->args.push_back(sub(a));
    if (e.kind == AK::Map) out->names = e.keys;
    check_static_types(*out);
    return out;
  }

  // Binds an expression-local variable (comprehension, reduce) over `scope`.
  auto with_local = [&](const std::string& name, SlotId slot) {
    Scope inner = scope;
    inner.add(Variable{name, slot, VarKind::Value, true, true, {}});
    return inner;
  };
  // Outer variables a subplan reads.
  auto subplan_deps = [&](const ast::Expr& x) {
    if (!o.deps) return;
    std::set<std::string> names;
    collect_names(&x, names);
    for (const auto& n : names)
      if (const Variable* v = scope.find(n); v && !v->local) o.deps->insert(v->slot);
  };
  auto plan_subpattern = [&](const std::vector<ast::PatternPart>& parts, const ast::Expr* where,
                             Scope& inner) {
    for (const auto& part : parts)
      if (part.kind != ast::PathKind::Plain)
        fail(ErrorCode::SemanticError,
             "shortest and warmest paths are not allowed in a pattern expression", part.pos);
    OpPtr sp = plan_pattern(nullptr, parts, where, inner, false, nullptr);
    for (const auto& v : inner.vars())
      if (!scope.find(v.name)) {
        Variable local = v;
        local.local = true;
        inner.add(local);
      }
    return sp;
  };

  switch (e.kind) {
    case AK::Null: return make_constant(Value(), e.pos, out->text);
    case AK::Bool: return make_constant(Value(std::get<bool>(e.literal)), e.pos, out->text);
    case AK::Int: return make_constant(Value(std::get<int64_t>(e.literal)), e.pos, out->text);
    case AK::Float: return make_constant(Value(std::get<double>(e.literal)), e.pos, out->text);
    case AK::String:
      return make_constant(Value(std::get<std::string>(e.literal)), e.pos, out->text);
    case AK::Variable: {
      const Variable* v = scope.find(e.name);
      if (!v) {
        if (o.hidden_scope && o.hidden_scope->find(e.name))
          fail(ErrorCode::SemanticError, "'" + e.name + "' " + o.hidden_reason, e.pos);
        fail(ErrorCode::UnknownVariable,
             "'" + e.name + "' is not defined" + did_you_mean(e.name, scope.names()), e.pos);
      }
      if (o.deps && !v->local) o.deps->insert(v->slot);
      out->kind = PK::Slot;
      out->slot = v->slot;
      return out;
    }
    case AK::Parameter: {
      out->kind = PK::Parameter;
      out->name = e.name;
      auto& params = plan_.parameters;
      if (std::find(params.begin(), params.end(), e.name) == params.end()) {
        params.push_back(e.name);
        plan_.parameter_positions.push_back(e.pos);
      }
      return out;
    }
    case AK::Property:
      out->kind = PK::Property;
      out->name = e.name;
      out->args.push_back(sub(e.args[0]));
      return out;
    case AK::Slice:
      out->kind = PK::Slice;
      out->args.push_back(sub(e.args[0]));
      for (size_t i = 1; i <= 2; ++i) {
        if (i < e.args.size() && e.args[i])
          out->args.push_back(sub(e.args[i]));
        else
          out->args.push_back(make_constant(Value(), e.pos, "null"));
      }
      return out;
    case AK::HasLabels: {
      // ":A:B" -> HasLabels [A, B]; ":A|B" -> HasLabels [A] OR HasLabels [B].
      ExprPtr target = sub(e.args[0]);
      ExprPtr all;
      auto conj = [&](ExprPtr x) {
        if (!all) {
          all = std::move(x);
          return;
        }
        auto a = std::make_unique<plan::Expr>(PK::And, e.pos);
        a->text = all->text + " AND " + x->text;
        a->args.push_back(std::move(all));
        a->args.push_back(std::move(x));
        all = std::move(a);
      };
      std::vector<std::string> singles;
      for (const auto& group : e.labels)
        if (group.size() == 1) singles.push_back(group[0]);
      auto has = [&](std::vector<std::string> names) {
        auto h = std::make_unique<plan::Expr>(PK::HasLabels, e.pos);
        h->text = target->text;
        for (const auto& n : names) h->text += ":" + n;
        h->names = std::move(names);
        h->args.push_back(sub(e.args[0]));
        return h;
      };
      if (!singles.empty()) conj(has(singles));
      for (const auto& group : e.labels) {
        if (group.size() == 1) continue;
        ExprPtr any;
        for (const auto& label : group) {
          ExprPtr h = has({label});
          if (!any) {
            any = std::move(h);
            continue;
          }
          auto x = std::make_unique<plan::Expr>(PK::Or, e.pos);
          x->text = any->text + " OR " + h->text;
          x->args.push_back(std::move(any));
          x->args.push_back(std::move(h));
          any = std::move(x);
        }
        if (any) conj(std::move(any));
      }
      if (!all) return make_constant(Value(true), e.pos, "true");
      return all;
    }
    case AK::Call: {
      auto info = ctx_.functions.find(e.name);
      if (!info)
        fail(ErrorCode::UnknownFunction,
             "'" + e.name + "' is not a function" + did_you_mean(e.name, ctx_.functions.names()),
             e.pos);
      int n = static_cast<int>(e.args.size());
      if (n < info->min_args || (info->max_args >= 0 && n > info->max_args)) {
        std::string expected = info->min_args == info->max_args ? std::to_string(info->min_args)
                               : info->max_args < 0 ? "at least " + std::to_string(info->min_args)
                                                    : std::to_string(info->min_args) + " to " +
                                                          std::to_string(info->max_args);
        fail(ErrorCode::ArgumentError,
             info->name + "() takes " + expected + " argument" + (expected == "1" ? "" : "s") +
                 ", got " + std::to_string(n) + " (" + out->text + ")",
             e.pos);
      }
      if (info->kind == plan::FunctionKind::Aggregate) {
        auto fn = aggregate_fn(info->name);
        if (!fn)
          fail(ErrorCode::SemanticError,
               "aggregate function " + info->name + " is not supported yet", e.pos);
        return bind_aggregate(e, *fn, scope, o);
      }
      if (e.distinct)
        fail(ErrorCode::SemanticError,
             "DISTINCT is only allowed in aggregate functions (" + out->text + ")", e.pos);
      out->kind = PK::Call;
      out->name = info->name;
      for (const auto& a : e.args) out->args.push_back(sub(a));
      return out;
    }
    case AK::CountStar: return bind_aggregate(e, plan::AggregateFn::CountStar, scope, o);
    case AK::Case:
      out->kind = PK::Case;
      if (e.subject) {
        out->has_subject = true;
        out->args.push_back(sub(e.subject));
      }
      for (const auto& a : e.args) out->args.push_back(sub(a));
      if (e.else_expr) {
        out->has_else = true;
        out->args.push_back(sub(e.else_expr));
      }
      return out;
    case AK::ListComprehension: {
      out->kind = PK::ListComprehension;
      out->args.push_back(sub(e.args[0]));
      out->var_slot = new_slot(e.variable);
      Scope inner = with_local(e.variable, out->var_slot);
      out->args.push_back(e.where ? bind(*e.where, inner, o) : nullptr);
      out->args.push_back(e.projection ? bind(*e.projection, inner, o) : nullptr);
      return out;
    }
    case AK::Quantifier: {
      out->kind = PK::Quantifier;
      out->name = e.name;
      out->args.push_back(sub(e.args[0]));
      out->var_slot = new_slot(e.variable);
      Scope inner = with_local(e.variable, out->var_slot);
      out->args.push_back(e.where ? bind(*e.where, inner, o) : nullptr);
      return out;
    }
    case AK::Reduce: {
      out->kind = PK::Reduce;
      out->args.push_back(sub(e.args[0]));
      out->args.push_back(sub(e.args[1]));
      out->acc_slot = new_slot(e.name);
      out->var_slot = new_slot(e.variable);
      Scope inner = with_local(e.name, out->acc_slot);
      inner.add(Variable{e.variable, out->var_slot, VarKind::Value, true, true, {}});
      out->args.push_back(bind(*e.projection, inner, o));
      return out;
    }
    case AK::PatternPredicate: {
      out->kind = PK::Exists;
      Scope inner = scope;
      for (const auto& n : e.patterns[0].nodes)
        if (!n.variable.empty() && !scope.find(n.variable))
          fail(ErrorCode::SemanticError,
               "a pattern predicate cannot introduce new variables ('" + n.variable +
                   "'): use EXISTS { MATCH ... } instead",
               n.pos);
      out->subplan = plan_subpattern(e.patterns, nullptr, inner);
      subplan_deps(e);
      return out;
    }
    case AK::Exists: {
      out->kind = PK::Exists;
      Scope inner = scope;
      if (e.subquery) {
        if (e.subquery->parts.size() != 1)
          fail(ErrorCode::SemanticError, "UNION is not supported inside EXISTS { }", e.pos);
        OpPtr arg = make_op(OpKind::Argument, e.pos);
        out->subplan =
            plan_single_query(std::move(arg), e.subquery->parts[0], inner, nullptr, true);
        // The subquery may read any outer variable.
        if (o.deps)
          for (const auto& v : scope.vars())
            if (!v.local) o.deps->insert(v.slot);
      } else {
        out->subplan = plan_subpattern(e.patterns, e.where.get(), inner);
        subplan_deps(e);
      }
      return out;
    }
    case AK::PatternComprehension: {
      out->kind = PK::PatternComprehension;
      Scope inner = scope;
      out->subplan = plan_subpattern(e.patterns, e.where.get(), inner);
      ExprOptions po = o;
      po.deps = nullptr;
      if (e.projection)
        out->args.push_back(bind(*e.projection, inner, po));
      else
        out->args.push_back(make_constant(Value(), e.pos, "null"));
      subplan_deps(e);
      return out;
    }
    case AK::ShortestPath:
      fail(ErrorCode::SemanticError,
           "shortestPath() as an expression is not supported yet: use it in MATCH", e.pos);
    case AK::Within: {
      out->kind = PK::Within;
      out->unit = e.unit;
      out->args.push_back(sub(e.args[0]));
      out->args.push_back(sub(e.args[1]));
      return out;
    }
    case AK::Since:
      out->kind = PK::Since;
      out->args.push_back(sub(e.args[0]));
      out->args.push_back(sub(e.args[1]));
      return out;
    default: break;
  }
  fail(ErrorCode::Internal, "unexpected expression " + out->text, e.pos);
}

}  // namespace kith::query::planner
