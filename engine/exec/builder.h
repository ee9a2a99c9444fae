// Turns a logical plan into physical operators. Each family of operators
// has a factory in its own file; the builder dispatches on the plan's kind.
#pragma once

#include <memory>
#include <optional>
#include <unordered_map>

#include "engine/eval/compiled_expr.h"
#include "engine/exec/exec_context.h"
#include "engine/exec/operator.h"
#include "engine/exec/top_bound.h"
#include "query/plan/logical_plan.h"

namespace kith::engine {

class Builder {
 public:
  Builder(ExecContext& ctx, bool profile) : ctx_(ctx), profile_(profile) {}

  OperatorPtr build(const query::plan::Op& op);
  // An expression of the operator being built, evaluated on constant input
  // (at open) or on rows of a subplan: it cannot tell when slots change.
  CompiledExprPtr expr(const query::plan::Expr& e);
  // An expression the operator being built evaluates on each row its child
  // produces (Filter, Projection, Aggregate, Unwind): it may keep work
  // derived from a slot's value while the operator writing that slot has
  // produced no new row (see Operator::produced). Build the child first.
  // `blame`: see compile_expr.
  CompiledExprPtr row_expr(const query::plan::Expr& e, const query::plan::Expr* blame = nullptr);
  // For an expression of the operator being built that reads `slot` on
  // each of its child's rows: a counter that moves whenever the slot may
  // hold another value (null: unknown, assume it always may).
  const uint64_t* row_slot_version(query::plan::SlotId slot) {
    return building_.empty() ? nullptr : slot_version(*building_.back(), slot);
  }
  // Null when `e` is null.
  CompiledExprPtr optional_expr(const query::plan::ExprPtr& e) { return e ? expr(*e) : nullptr; }
  ExecContext& ctx() { return ctx_; }
  // Every operator built, in plan pre-order (for PROFILE).
  std::vector<Operator*>& all() { return all_; }
  // The bound a Top shares with its TopBound check (same Op::top_link). The
  // check is built first (it is below the Top) and publishes it; the Top
  // built next takes it. A link published and taken in turn pairs each
  // build of a plan's subtree with itself, however often it is built.
  std::shared_ptr<TopBoundState> publish_top_bound(uint32_t link);
  std::shared_ptr<TopBoundState> take_top_bound(uint32_t link);
  // A TopBound offers its check to the operator right below it (a Filter
  // or an Expand that batches its neighbours can drop candidates the Top
  // would never take before they become rows); that operator takes it
  // while it is built, or nobody does.
  struct BoundOffer {
    std::shared_ptr<TopBoundState> state;
    const query::plan::Expr* key = nullptr;  // the Top's first key
    bool descending = false;
  };
  void offer_bound(const query::plan::Op& below, BoundOffer offer);
  std::optional<BoundOffer> take_bound(const query::plan::Op& op);
  // An operator built into the one above it (an Expand into its Filter):
  // a stand-in for PROFILE, whose rows the fused operator counts.
  Operator* fused_stand_in(const query::plan::Op& op);

 private:
  const uint64_t* slot_version(const query::plan::Op& reader, query::plan::SlotId slot);

  ExecContext& ctx_;
  bool profile_;
  int next_index_ = 0;
  std::vector<Operator*> all_;
  std::vector<const query::plan::Op*> building_;  // the operators under construction
  std::unordered_map<const query::plan::Op*, Operator*> built_;
  std::unordered_map<uint32_t, std::shared_ptr<TopBoundState>> top_bounds_;
  std::vector<OperatorPtr> stand_ins_;
  const query::plan::Op* bound_for_ = nullptr;
  BoundOffer bound_offer_;
};

// Factories, one per operator family (scan_operators.cpp, ...).
OperatorPtr make_scan(const query::plan::Op& op, Builder& b);
OperatorPtr make_expand(const query::plan::Op& op, Builder& b);
// A Filter whose child is an Expand, built as one operator that filters
// batches of neighbours (batch_filter.h); null when that does not apply.
OperatorPtr make_filtered_expand(const query::plan::Op& filter, Builder& b);
OperatorPtr make_var_length_expand(const query::plan::Op& op, Builder& b);
OperatorPtr make_shortest_path(const query::plan::Op& op, Builder& b);
OperatorPtr make_row_operator(const query::plan::Op& op, Builder& b);
OperatorPtr make_sort(const query::plan::Op& op, Builder& b);
OperatorPtr make_aggregate(const query::plan::Op& op, Builder& b);
OperatorPtr make_apply(const query::plan::Op& op, Builder& b);
OperatorPtr make_hash_join(const query::plan::Op& op, Builder& b);
OperatorPtr make_write(const query::plan::Op& op, Builder& b);
OperatorPtr make_procedure_call(const query::plan::Op& op, Builder& b);

}  // namespace kith::engine
