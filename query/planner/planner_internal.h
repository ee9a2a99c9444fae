// The planner's shared state and the entry points of its parts, each in its
// own file: expressions (expr_binder.cpp), patterns (pattern_planner.cpp),
// WITH/RETURN (projection_planner.cpp), writes (write_planner.cpp), and the
// statement/clause walk (statement_planner.cpp). Internal to query/planner/.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "query/planner/planner.h"
#include "query/planner/scope.h"

namespace kith::query::planner {

using plan::ExprPtr;
using plan::Op;
using plan::OpKind;
using plan::OpPtr;

// How an expression may be bound where it appears.
struct ExprOptions {
  // Where aggregates are allowed (RETURN/WITH items), they are collected
  // here (each becomes an AggregateItem with a fresh slot and the
  // expression refers to that slot); null: an aggregate is an error, named
  // with `context` ("WHERE", "ORDER BY", ...).
  std::vector<plan::AggregateItem>* aggregates = nullptr;
  // The scope aggregate arguments are bound in (the rows before grouping);
  // outside aggregates, only the grouping keys are visible.
  const Scope* aggregate_scope = nullptr;
  // Variables that exist but may not be used here (before grouping, before
  // DISTINCT): naming one is a SemanticError "'x' <hidden_reason>" rather
  // than UnknownVariable.
  const Scope* hidden_scope = nullptr;
  const char* hidden_reason = "";
  const char* context = "this expression";
  // Slots of non-local variables the expression reads.
  std::set<SlotId>* deps = nullptr;
};

class Planner {
 public:
  explicit Planner(const PlanContext& ctx) : ctx_(ctx) {}

  plan::Plan run(const ast::Statement& statement);

  // ---- slots
  SlotId new_slot(const std::string& name);
  std::string anon_name();

  // ---- expressions (expr_binder.cpp)
  ExprPtr bind(const ast::Expr& e, const Scope& scope, const ExprOptions& options);
  ExprPtr bind_aggregate(const ast::Expr& e, plan::AggregateFn fn, const Scope& scope,
                         const ExprOptions& options);
  ExprPtr bind_where(const ast::Expr& e, const Scope& scope, std::set<SlotId>* deps);

  // ---- patterns (pattern_planner.cpp)
  // Plans the patterns on top of `input` (null: nothing before; leaves then
  // start the plan). New variables are added to `scope` (nullable when
  // `optional`). `where` is pushed into the plan. `new_slots` receives the
  // slots this pattern binds (for OptionalApply / Merge).
  OpPtr plan_pattern(OpPtr input, const std::vector<ast::PatternPart>& parts,
                     const ast::Expr* where, Scope& scope, bool optional,
                     std::vector<SlotId>* new_slots);

  // Plans the patterns again from nothing (an Argument), in `scope`, giving
  // the named variables it declares the slots in `reuse`.
  OpPtr plan_pattern_again(const std::vector<ast::PatternPart>& parts, const ast::Expr* where,
                           Scope& scope, const std::map<std::string, SlotId>& reuse,
                           std::vector<SlotId>* new_slots);

  // ---- MATCH over earlier rows (hash_join_planner.cpp)
  // A non-optional MATCH on top of `input`: the pattern plan, or a HashJoin
  // of it with a plan of the pattern from elsewhere (docs/planner.md).
  OpPtr plan_match(OpPtr input, const ast::MatchClause& c, Scope& scope, ast::Pos pos);

  // ---- WITH / RETURN (projection_planner.cpp)
  // Plans the projection; `scope` becomes the projection's output scope.
  // `columns` (RETURN) receives the result columns.
  OpPtr plan_projection(OpPtr input, const ast::Projection& p, const ast::Expr* where, Scope& scope,
                        bool is_return, ast::Pos pos, std::vector<plan::Column>* columns);

  // ---- writes (write_planner.cpp)
  OpPtr plan_create(OpPtr input, const ast::CreateClause& c, Scope& scope, ast::Pos pos);
  OpPtr plan_merge(OpPtr input, const ast::MergeClause& c, Scope& scope, ast::Pos pos);
  OpPtr plan_set(OpPtr input, const ast::SetClause& c, const Scope& scope, ast::Pos pos);
  OpPtr plan_remove(OpPtr input, const ast::RemoveClause& c, const Scope& scope, ast::Pos pos);
  OpPtr plan_delete(OpPtr input, const ast::DeleteClause& c, const Scope& scope, ast::Pos pos);
  std::vector<plan::SetItem> bind_set_items(const std::vector<ast::SetItem>& items,
                                            const Scope& scope);

  // ---- clauses (statement_planner.cpp)
  // Plans one single query's clauses on top of `input` (an Argument inside
  // EXISTS { }); `columns` receives RETURN's columns (empty without RETURN).
  OpPtr plan_single_query(OpPtr input, const ast::SingleQuery& q, Scope& scope,
                          std::vector<plan::Column>* columns, bool in_subquery);
  OpPtr plan_query(const ast::Query& q, Scope& scope, std::vector<plan::Column>* columns);

  const PlanContext& ctx() const { return ctx_; }
  plan::Plan& result() { return plan_; }

 private:
  const PlanContext& ctx_;
  plan::Plan plan_;
  int anon_counter_ = 0;
  uint32_t top_links_ = 0;  // Op::top_link of the last Top given a TopBound
};

// Small builders shared by the parts.
OpPtr make_op(OpKind kind, ast::Pos pos, OpPtr child = nullptr);
ExprPtr make_slot_expr(SlotId slot, const std::string& name, ast::Pos pos);
ExprPtr make_constant(Value v, ast::Pos pos, std::string text);
// A copy of an expression without subplans (the planner only copies
// computable values, which have none).
ExprPtr clone_expr(const plan::Expr& e);
// Input for a clause that needs one row to start from.
OpPtr or_argument(OpPtr input, ast::Pos pos);
double rows_of(const OpPtr& op);  // estimated rows (1 for no operator)

// Puts a TopBound check below `top` (a Top with its child) as low as its
// first sort key can be evaluated with the same value and every row it drops
// could not have entered the Top; gives both `link`. False (nothing changed)
// when there is no such place below the Top's own child.
bool place_top_bound(Op& top, uint32_t link);

// Sets Op::distinct_ends on the variable-length expansions whose number of
// paths per end node nothing above can observe (distinct_ends.cpp).
void mark_distinct_ends(plan::Plan& plan);
// unread_rels.cpp: sets Op::rel_unread.
void mark_unread_rels(plan::Plan& plan);
// sort_live.cpp: sets Op::live of Sort and Top.
void mark_sort_live(plan::Plan& plan);

// Sets Op::live on every HashJoin, and turns those a LIMIT or EXISTS reads
// row by row into Applies (hash_join_planner.cpp).
void finish_hash_joins(plan::Plan& plan);

}  // namespace kith::query::planner
