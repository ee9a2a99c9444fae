// Operators that pass rows through one at a time: Filter, Projection, Skip,
// Limit, Unwind, Distinct, and Eager (which buffers everything first).

#include <algorithm>

#include "engine/exec/builder.h"
#include "engine/exec/group_table.h"
#include "engine/value/compare.h"
#include "storage/error.h"

namespace kith::engine {

namespace {

using query::plan::Op;
using query::plan::OpKind;
using query::plan::SlotId;

class FilterOp final : public Operator {
 public:
  FilterOp(const Op& op, Builder& b)
      : ctx_(b.ctx()), child_(b.build(*op.children.at(0))), pred_(b.row_expr(*op.exprs.at(0))),
        source_(op.exprs.at(0).get()) {}
  void do_open(Row& row) override { child_->open(row); }
  bool do_next(Row& row) override {
    while (child_->next(row)) {
      ctx_.check_interrupt();
      if (pred_->test(row, ctx_, *source_) == Tri::True) return true;
    }
    return false;
  }

 private:
  ExecContext& ctx_;
  OperatorPtr child_;
  CompiledExprPtr pred_;
  const query::plan::Expr* source_;
};

// Whether evaluating `e` may read `slot` (a subplan: assume it does).
bool may_read(const query::plan::Expr& e, SlotId slot) {
  if (e.subplan || e.slot == slot || e.var_slot == slot || e.acc_slot == slot) return true;
  for (const auto& a : e.args) {
    if (a && may_read(*a, slot)) return true;
  }
  return false;
}

class ProjectionOp final : public Operator {
 public:
  ProjectionOp(const Op& op, Builder& b) : ctx_(b.ctx()), child_(b.build(*op.children.at(0))) {
    for (const auto& item : op.items) {
      // `WITH n` keeps n where it is: nothing to do per row.
      if (item.expr->kind == query::plan::ExprKind::Slot && item.expr->slot == item.slot) continue;
      // An item whose slot no item reads is written as soon as it is
      // evaluated; the others wait until every item is evaluated (an item
      // may read a slot another item overwrites: WITH a AS b, b AS a).
      const bool read = std::any_of(op.items.begin(), op.items.end(),
                                    [&](const auto& other) { return may_read(*other.expr, item.slot); });
      (read ? buffered_ : direct_).push_back({item.slot, b.row_expr(*item.expr)});
    }
    values_.resize(buffered_.size());
  }
  void do_open(Row& row) override { child_->open(row); }
  bool do_next(Row& row) override {
    if (!child_->next(row)) return false;
    for (auto& item : direct_) row[item.slot] = item.expr->eval(row, ctx_);
    for (size_t i = 0; i < buffered_.size(); ++i) values_[i] = buffered_[i].expr->eval(row, ctx_);
    for (size_t i = 0; i < buffered_.size(); ++i) row[buffered_[i].slot] = std::move(values_[i]);
    return true;
  }

 private:
  struct Item {
    SlotId slot;
    CompiledExprPtr expr;
  };
  ExecContext& ctx_;
  OperatorPtr child_;
  std::vector<Item> direct_, buffered_;
  std::vector<Value> values_;
};

// SKIP and LIMIT take a non-negative integer (a literal or a parameter).
int64_t count_argument(CompiledExpr& e, Row& row, ExecContext& ctx, const char* what) {
  Value v = e.eval(row, ctx);
  if (v.type() != ValueType::Int || v.as_int() < 0) {
    throw Error(ErrorCode::ArgumentError,
                std::string(what) + " needs a non-negative INT64, got " + v.to_string());
  }
  return v.as_int();
}

class SkipLimitOp final : public Operator {
 public:
  SkipLimitOp(const Op& op, Builder& b)
      : ctx_(b.ctx()), child_(b.build(*op.children.at(0))), count_(b.expr(*op.exprs.at(0))),
        skip_(op.kind == OpKind::Skip) {}
  void do_open(Row& row) override {
    n_ = count_argument(*count_, row, ctx_, skip_ ? "SKIP" : "LIMIT");
    seen_ = 0;
    child_->open(row);
  }
  bool do_next(Row& row) override {
    if (skip_) {
      while (seen_ < n_) {
        if (!child_->next(row)) return false;
        ++seen_;
      }
      return child_->next(row);
    }
    // LIMIT: stop pulling from the child once satisfied.
    if (seen_ >= n_) return false;
    if (!child_->next(row)) return false;
    ++seen_;
    return true;
  }

 private:
  ExecContext& ctx_;
  OperatorPtr child_;
  CompiledExprPtr count_;
  bool skip_;
  int64_t n_ = 0, seen_ = 0;
};

class UnwindOp final : public Operator {
 public:
  UnwindOp(const Op& op, Builder& b)
      : ctx_(b.ctx()), child_(b.build(*op.children.at(0))), list_(b.row_expr(*op.exprs.at(0))),
        slot_(op.slot) {}
  void do_open(Row& row) override {
    child_->open(row);
    items_.clear();
    pos_ = 0;
  }
  bool do_next(Row& row) override {
    for (;;) {
      if (pos_ < items_.size()) {
        row[slot_] = std::move(items_[pos_++]);
        return true;
      }
      if (!child_->next(row)) return false;
      ctx_.check_interrupt();
      Value v = list_->eval(row, ctx_);
      items_.clear();
      pos_ = 0;
      if (v.is_null()) continue;  // UNWIND null yields no rows
      if (v.type() == ValueType::List) {
        items_ = std::move(v.as_list());
      } else {
        items_.push_back(std::move(v));  // a single value unwinds to itself
      }
    }
  }

 private:
  ExecContext& ctx_;
  OperatorPtr child_;
  CompiledExprPtr list_;
  SlotId slot_;
  Value::List items_;
  size_t pos_ = 0;
};

class DistinctOp final : public Operator {
 public:
  DistinctOp(const Op& op, Builder& b)
      : ctx_(b.ctx()), child_(b.build(*op.children.at(0))), slots_(op.slots), seen_(op.slots.size()) {}
  void do_open(Row& row) override {
    seen_.clear();
    seen_nodes_.clear();
    child_->open(row);
  }
  bool do_next(Row& row) override {
    while (child_->next(row)) {
      ctx_.check_interrupt();
      if (bool fresh; node_key(row, fresh)) {
        if (fresh) return true;
        continue;
      }
      // Probe with a reused key; only a new row's key is kept (copied).
      key_.resize(slots_.size());
      for (size_t i = 0; i < slots_.size(); ++i) key_[i] = row[slots_[i]];
      if (seen_.intern(key_).second) return true;
    }
    return false;
  }

 private:
  // DISTINCT over one or two nodes (`WITH DISTINCT tag, post`): two ids
  // hashed and compared instead of a Value tuple. Rows that are not all
  // nodes (or whose first id is too large for the pair table) take the
  // general table; a row can only equal rows of its own table, so the two
  // together are exact.
  bool node_key(const Row& row, bool& fresh) {
    if (slots_.size() > 2) return false;
    const Value& last = row[slots_.back()];
    if (last.type() != ValueType::Node) return false;
    uint64_t first = 0;
    if (slots_.size() == 2) {
      const Value& v = row[slots_[0]];
      if (v.type() != ValueType::Node || v.as_node().id >= kMaxPairFirst) return false;
      first = v.as_node().id;
    }
    fresh = seen_nodes_.intern(first, last.as_node().id).second;
    return true;
  }
  static constexpr uint64_t kMaxPairFirst = UINT32_MAX - 1;  // IdPairTable's `a`

  ExecContext& ctx_;
  OperatorPtr child_;
  std::vector<SlotId> slots_;
  std::vector<Value> key_;
  GroupTable seen_;
  IdPairTable seen_nodes_;
};

class EagerOp final : public Operator {
 public:
  EagerOp(const Op& op, Builder& b) : ctx_(b.ctx()), child_(b.build(*op.children.at(0))) {}
  void do_open(Row& row) override {
    rows_.clear();
    pos_ = 0;
    child_->open(row);
    while (child_->next(row)) {
      ctx_.check_interrupt();
      rows_.push_back(row);
    }
  }
  bool do_next(Row& row) override {
    if (pos_ >= rows_.size()) return false;
    row = std::move(rows_[pos_++]);
    return true;
  }

 private:
  ExecContext& ctx_;
  OperatorPtr child_;
  std::vector<Row> rows_;
  size_t pos_ = 0;
};

}  // namespace

OperatorPtr make_row_operator(const Op& op, Builder& b) {
  switch (op.kind) {
    case OpKind::Filter:
      if (auto fused = make_filtered_expand(op, b)) return fused;
      return std::make_unique<FilterOp>(op, b);
    case OpKind::Projection: return std::make_unique<ProjectionOp>(op, b);
    case OpKind::Skip:
    case OpKind::Limit: return std::make_unique<SkipLimitOp>(op, b);
    case OpKind::Unwind: return std::make_unique<UnwindOp>(op, b);
    case OpKind::Distinct: return std::make_unique<DistinctOp>(op, b);
    case OpKind::Eager: return std::make_unique<EagerOp>(op, b);
    default: throw Error(ErrorCode::Internal, "not a row operator");
  }
}

}  // namespace kith::engine
