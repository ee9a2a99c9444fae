// Expressions compiled for evaluation: the plan's Expr tree turned into a
// tree of evaluator nodes with catalog names already resolved to ids and
// functions to their implementations, so the per-row cost is one virtual
// call per node.
#pragma once

#include <functional>
#include <memory>

#include "engine/exec/exec_context.h"
#include "engine/exec/operator.h"
#include "engine/value/compare.h"
#include "query/plan/logical_plan.h"

namespace kith::engine {

// A predicate's value as three-valued logic: true, false or null; anything
// else is a TypeError naming the expression.
Tri to_tri(const Value& v, const query::plan::Expr& where);

class CompiledExpr {
 public:
  virtual ~CompiledExpr() = default;
  virtual Value eval(Row& row, ExecContext& ctx) = 0;
  // The value without a copy where the node holds it (a slot, a constant, a
  // parameter: lists and strings are not copied per row); other nodes
  // compute it into `scratch`. The reference lives until `row` or `scratch`
  // changes.
  virtual const Value& eval_ref(Row& row, ExecContext& ctx, Value& scratch) {
    scratch = eval(row, ctx);
    return scratch;
  }
  // The value as a predicate (WHERE, AND, NOT...): exactly to_tri(eval),
  // with `where` naming the expression in the TypeError of a value that is
  // neither a boolean nor null. Logic, comparisons, label tests and IN
  // answer without building a Value (docs/engine.md, "Predicates").
  virtual Tri test(Row& row, ExecContext& ctx, const query::plan::Expr& where) {
    Value scratch;
    return to_tri(eval_ref(row, ctx, scratch), where);
  }
};

using CompiledExprPtr = std::unique_ptr<CompiledExpr>;

// Builds the operator tree of a subplan (EXISTS, pattern comprehensions).
using SubplanBuilder = std::function<OperatorPtr(const query::plan::Op&)>;

// For an expression evaluated on every row an operator's child produces: a
// counter that moves whenever `slot` may hold another value than at the
// last row (null: unknown). Lets `x IN list` keep its hash set of `list`.
using SlotVersions = std::function<const uint64_t*(query::plan::SlotId)>;

// Errors raised while evaluating the result carry the expression's position
// and text when they have none of their own: those of `blame` when given
// (a conjunct compiled on its own reports as its whole WHERE would).
CompiledExprPtr compile_expr(const query::plan::Expr& expr, const SubplanBuilder& subplans,
                             const SlotVersions& versions = {},
                             const query::plan::Expr* blame = nullptr);

// The value of a graph function or a scalar function by name: used by the
// compiler and by tests.
bool is_graph_function(std::string_view name);

}  // namespace kith::engine
