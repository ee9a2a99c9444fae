// The walk over a statement: prefixes, schema commands, UNION, and the
// clauses of each single query in order, threading the operator pipeline
// and the scope through them.
#include <algorithm>

#include "query/planner/expr_text.h"
#include "query/planner/planner_internal.h"
#include "query/planner/procedures.h"
#include "query/planner/write_visibility.h"

namespace kith::query::planner {
namespace {

std::string schema_label(const ast::NodePattern& n) {
  if (n.labels.size() != 1 || n.labels[0].size() != 1)
    fail(ErrorCode::SemanticError, "an index or constraint needs exactly one label", n.pos);
  return n.labels[0][0];
}

std::string schema_key(const ast::NodePattern& n, const std::vector<std::string>& path) {
  if (path.size() != 2)
    fail(ErrorCode::SemanticError, "an index or constraint needs a property written as var.key",
         n.pos);
  if (path[0] != n.variable)
    fail(ErrorCode::UnknownVariable,
         "'" + path[0] + "' is not defined" + did_you_mean(path[0], {n.variable}), n.pos);
  return path[1];
}

}  // namespace

OpPtr Planner::plan_query(const ast::Query& q, Scope& scope, std::vector<plan::Column>* columns) {
  if (q.parts.size() == 1) return plan_single_query(nullptr, q.parts[0], scope, columns, false);
  auto u = make_op(OpKind::Union, q.pos);
  u->distinct = !q.union_all;
  std::vector<plan::Column> first;
  double rows = 0;
  for (const auto& part : q.parts) {
    Scope s;
    std::vector<plan::Column> cols;
    OpPtr op = plan_single_query(nullptr, part, s, &cols, false);
    if (cols.empty())
      fail(ErrorCode::SemanticError, "every part of a UNION must end with RETURN", part.pos);
    if (first.empty()) {
      for (const auto& c : cols) {
        first.push_back(plan::Column{c.name, new_slot(c.name)});
        u->slots.push_back(first.back().slot);
      }
    } else {
      bool same = cols.size() == first.size();
      for (size_t i = 0; same && i < cols.size(); ++i) same = cols[i].name == first[i].name;
      if (!same)
        fail(ErrorCode::SemanticError, "all parts of a UNION must return the same column names",
             part.pos);
    }
    double part_rows = rows_of(op);
    auto proj = make_op(OpKind::Projection, part.pos, std::move(op));
    for (size_t i = 0; i < cols.size(); ++i)
      proj->items.push_back(
          plan::ProjectItem{first[i].slot, make_slot_expr(cols[i].slot, cols[i].name, part.pos)});
    proj->estimated_rows = part_rows;
    rows += part_rows;
    u->children.push_back(std::move(proj));
  }
  u->estimated_rows = rows;
  for (const auto& c : first) scope.add(Variable{c.name, c.slot, VarKind::Value, true, false, {}});
  if (columns) *columns = first;
  return u;
}

OpPtr Planner::plan_single_query(OpPtr input, const ast::SingleQuery& q, Scope& scope,
                                 std::vector<plan::Column>* columns, bool in_subquery) {
  OpPtr op = std::move(input);
  WriteVisibility visibility;
  bool returned = false;
  bool standalone_call = false;
  for (size_t ci = 0; ci < q.clauses.size(); ++ci) {
    const ast::Clause& clause = q.clauses[ci];
    auto write_clause = [&](const char* name) {
      if (in_subquery)
        fail(ErrorCode::SemanticError,
             std::string(name) + " is not allowed inside EXISTS { }: a subquery only reads",
             clause.pos);
      plan_.writes = true;
    };
    op = visibility.before(clause, scope, std::move(op));
    std::visit(
        [&](const auto& c) {
          using T = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<T, ast::MatchClause>) {
            if (!c.optional) {
              op = plan_match(std::move(op), c, scope, clause.pos);
              return;
            }
            OpPtr lhs = or_argument(std::move(op), clause.pos);
            Scope inner = scope;
            std::vector<SlotId> new_slots;
            OpPtr rhs = plan_pattern(nullptr, c.patterns, c.where.get(), inner, true, &new_slots);
            double rows = rows_of(lhs) * std::max(1.0, rows_of(rhs));
            op = make_op(OpKind::OptionalApply, clause.pos, std::move(lhs));
            op->children.push_back(std::move(rhs));
            op->slots = std::move(new_slots);
            op->estimated_rows = rows;
            scope = std::move(inner);
          } else if constexpr (std::is_same_v<T, ast::UnwindClause>) {
            OpPtr in = or_argument(std::move(op), clause.pos);
            if (scope.find(c.variable))
              fail(ErrorCode::SemanticError, "'" + c.variable + "' is already declared",
                   clause.pos);
            ExprOptions o;
            o.context = "UNWIND";
            ExprPtr list = bind(*c.list, scope, o);
            double rows = rows_of(in) * 10;
            if (list->kind == plan::ExprKind::ListLiteral) rows = rows_of(in) * list->args.size();
            op = make_op(OpKind::Unwind, clause.pos, std::move(in));
            op->slot = new_slot(c.variable);
            op->exprs.push_back(std::move(list));
            op->estimated_rows = rows;
            scope.add(Variable{c.variable, op->slot, VarKind::Value, true, false, {}});
          } else if constexpr (std::is_same_v<T, ast::WithClause>) {
            op = plan_projection(std::move(op), c.projection, c.where.get(), scope, false,
                                 clause.pos, nullptr);
          } else if constexpr (std::is_same_v<T, ast::ReturnClause>) {
            std::vector<plan::Column> cols;
            op = plan_projection(std::move(op), c.projection, nullptr, scope, true, clause.pos,
                                 &cols);
            if (columns) *columns = std::move(cols);
            returned = true;
          } else if constexpr (std::is_same_v<T, ast::CreateClause>) {
            write_clause("CREATE");
            op = plan_create(std::move(op), c, scope, clause.pos);
          } else if constexpr (std::is_same_v<T, ast::MergeClause>) {
            write_clause("MERGE");
            op = plan_merge(std::move(op), c, scope, clause.pos);
          } else if constexpr (std::is_same_v<T, ast::SetClause>) {
            write_clause("SET");
            op = plan_set(std::move(op), c, scope, clause.pos);
          } else if constexpr (std::is_same_v<T, ast::RemoveClause>) {
            write_clause("REMOVE");
            op = plan_remove(std::move(op), c, scope, clause.pos);
          } else if constexpr (std::is_same_v<T, ast::DeleteClause>) {
            write_clause("DELETE");
            op = plan_delete(std::move(op), c, scope, clause.pos);
          } else if constexpr (std::is_same_v<T, ast::CallClause>) {
            const ProcedureInfo* proc = find_procedure(c.procedure);
            if (!proc)
              fail(ErrorCode::UnknownProcedure,
                   "'" + c.procedure + "' is not a procedure" +
                       did_you_mean(c.procedure, procedure_names()),
                   clause.pos);
            if (static_cast<int>(c.args.size()) != proc->args)
              fail(ErrorCode::ArgumentError,
                   std::string(proc->name) + "() takes " + std::to_string(proc->args) +
                       " arguments, got " + std::to_string(c.args.size()),
                   clause.pos);
            OpPtr in = or_argument(std::move(op), clause.pos);
            double rows = rows_of(in) * 10;
            op = make_op(OpKind::ProcedureCall, clause.pos, std::move(in));
            op->names.emplace_back(proc->name);
            ExprOptions o;
            o.context = "CALL";
            for (const auto& a : c.args) op->exprs.push_back(bind(*a, scope, o));
            std::vector<std::pair<std::string, std::string>> yields;  // field, variable
            if (c.yield_star || c.yields.empty()) {
              for (const auto& f : proc->fields) yields.emplace_back(f, f);
            } else {
              for (const auto& y : c.yields) {
                if (std::find(proc->fields.begin(), proc->fields.end(), y.field) ==
                    proc->fields.end())
                  fail(ErrorCode::SemanticError,
                       std::string(proc->name) + "() has no output '" + y.field + "'" +
                           did_you_mean(y.field, proc->fields),
                       y.pos);
                yields.emplace_back(y.field, y.alias.empty() ? y.field : y.alias);
              }
            }
            std::vector<plan::Column> cols;
            for (const auto& [field, var] : yields) {
              if (scope.find(var))
                fail(ErrorCode::SemanticError, "'" + var + "' is already declared", clause.pos);
              SlotId s = new_slot(var);
              op->names.push_back(field);
              op->slots.push_back(s);
              scope.add(Variable{var, s, VarKind::Value, false, false, {}});
              cols.push_back(plan::Column{var, s});
            }
            op->estimated_rows = rows;
            if (c.where) {
              ExprPtr cond = bind_where(*c.where, scope, nullptr);
              op = make_op(OpKind::Filter, c.where->pos, std::move(op));
              op->exprs.push_back(std::move(cond));
              op->estimated_rows = rows * 0.5;
            }
            // CALL on its own returns the procedure's fields.
            standalone_call = ci + 1 == q.clauses.size();
            if (standalone_call && columns) *columns = std::move(cols);
          }
        },
        clause.body);
  }
  if (!returned && !standalone_call && !plan_.writes && !in_subquery && !q.clauses.empty())
    fail(ErrorCode::SemanticError, "a query must end with RETURN (or a write clause)",
         q.clauses.back().pos);
  return or_argument(std::move(op), q.pos);
}

plan::Plan Planner::run(const ast::Statement& st) {
  for (const auto& prefix : st.prefixes) {
    switch (prefix.kind) {
      case ast::PrefixKind::Explain: plan_.explain = true; break;
      case ast::PrefixKind::Profile: plan_.profile = true; break;
      case ast::PrefixKind::Why:
        fail(ErrorCode::SemanticError, "WHY is not supported yet", prefix.pos);
      case ast::PrefixKind::ForPurpose:
        fail(ErrorCode::SemanticError, "FOR PURPOSE is not supported yet", prefix.pos);
    }
  }
  std::visit(
      [&](const auto& body) {
        using T = std::decay_t<decltype(body)>;
        if constexpr (std::is_same_v<T, ast::Query>) {
          plan_.kind = plan::StatementKind::Query;
          Scope scope;
          std::vector<plan::Column> columns;
          OpPtr op = plan_query(body, scope, &columns);
          double rows = rows_of(op);
          plan_.root = make_op(OpKind::ProduceResults, body.pos, std::move(op));
          plan_.root->columns = std::move(columns);
          plan_.root->estimated_rows = rows;
        } else if constexpr (std::is_same_v<T, ast::CreateIndex>) {
          plan_.kind = plan::StatementKind::SchemaCommand;
          plan_.root = make_op(OpKind::SchemaCommand, st.pos);
          auto& s = plan_.root->schema;
          s.action = plan::SchemaAction::CreateIndex;
          s.name = body.name;
          s.if_not_exists = body.if_not_exists;
          s.label = schema_label(body.node);
          for (const auto& p : body.properties) s.keys.push_back(schema_key(body.node, p));
          plan_.writes = true;
        } else if constexpr (std::is_same_v<T, ast::CreateConstraint>) {
          plan_.kind = plan::StatementKind::SchemaCommand;
          plan_.root = make_op(OpKind::SchemaCommand, st.pos);
          auto& s = plan_.root->schema;
          s.action = body.kind == ast::CreateConstraint::Kind::Unique
                         ? plan::SchemaAction::CreateUniqueConstraint
                         : plan::SchemaAction::CreateNotNullConstraint;
          s.name = body.name;
          s.if_not_exists = body.if_not_exists;
          s.label = schema_label(body.node);
          s.keys.push_back(schema_key(body.node, body.property));
          plan_.writes = true;
        } else if constexpr (std::is_same_v<T, ast::DropSchema>) {
          plan_.kind = plan::StatementKind::SchemaCommand;
          plan_.root = make_op(OpKind::SchemaCommand, st.pos);
          auto& s = plan_.root->schema;
          s.action =
              body.constraint ? plan::SchemaAction::DropConstraint : plan::SchemaAction::DropIndex;
          s.name = body.name;
          s.if_exists = body.if_exists;
          plan_.writes = true;
        } else if constexpr (std::is_same_v<T, ast::DefineQuestion>) {
          fail(ErrorCode::SemanticError, "DEFINE QUESTION is not supported yet", st.pos);
        } else if constexpr (std::is_same_v<T, ast::AskQuestion>) {
          fail(ErrorCode::SemanticError, "ASK is not supported yet", st.pos);
        } else if constexpr (std::is_same_v<T, ast::DefinePhrase>) {
          fail(ErrorCode::SemanticError, "DEFINE PHRASE is not supported yet", st.pos);
        } else {
          fail(ErrorCode::SemanticError, "FIND is not supported yet", st.pos);
        }
      },
      st.body);
  mark_distinct_ends(plan_);
  mark_unread_rels(plan_);
  finish_hash_joins(plan_);
  mark_sort_live(plan_);
  plan::number_operators(plan_);
  return std::move(plan_);
}

}  // namespace kith::query::planner

namespace kith::query {

plan::Plan plan_statement(const ast::Statement& statement, const PlanContext& context) {
  planner::Planner p(context);
  return p.run(statement);
}

}  // namespace kith::query
