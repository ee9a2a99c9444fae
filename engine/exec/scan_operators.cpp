// Leaves: the Argument row, scans, index seeks and seeks by id.
#include <algorithm>

#include "engine/exec/builder.h"
#include "storage/error.h"

namespace kith::engine {

namespace {

using query::plan::Op;
using query::plan::OpKind;

// Yields the row it was opened with, once.
class ArgumentOp final : public Operator {
 public:
  void do_open(Row&) override { done_ = false; }
  bool do_next(Row&) override {
    if (done_) return false;
    done_ = true;
    return true;
  }

 private:
  bool done_ = true;
};

// Emits node ids from a cursor (all nodes, a label, an index) into a slot.
class CursorScanOp : public Operator {
 public:
  CursorScanOp(ExecContext& ctx, query::plan::SlotId slot) : ctx_(ctx), slot_(slot) {}

  void do_open(Row& row) override {
    batch_ = {};
    pos_ = 0;
    cursor_.reset();
    exhausted_ = false;
    start(row);
  }

  bool do_next(Row& row) override {
    while (pos_ >= batch_.size()) {
      if (exhausted_ || !cursor_) return false;
      ctx_.check_interrupt();
      batch_ = cursor_->next_batch();
      pos_ = 0;
      if (batch_.empty()) {
        exhausted_ = true;
        return false;
      }
    }
    row[slot_] = NodeRef{batch_[pos_++]};
    return true;
  }

 protected:
  // Sets cursor_ (or leaves it empty for no rows).
  virtual void start(Row& row) = 0;

  ExecContext& ctx_;
  query::plan::SlotId slot_;
  std::optional<storage::NodeIdCursor> cursor_;

 private:
  std::span<const NodeId> batch_;
  size_t pos_ = 0;
  bool exhausted_ = false;
};

class AllNodesScanOp final : public CursorScanOp {
 public:
  using CursorScanOp::CursorScanOp;
  void start(Row&) override { cursor_.emplace(ctx_.txn.scan_all_nodes()); }
};

class LabelScanOp final : public CursorScanOp {
 public:
  LabelScanOp(ExecContext& ctx, query::plan::SlotId slot, std::string label)
      : CursorScanOp(ctx, slot), label_(std::move(label)) {}
  void start(Row&) override {
    if (auto id = ctx_.label(label_)) cursor_.emplace(ctx_.txn.scan_label(*id));
  }

 private:
  std::string label_;
};

class IndexSeekOp final : public CursorScanOp {
 public:
  IndexSeekOp(ExecContext& ctx, const Op& op, Builder& b)
      : CursorScanOp(ctx, op.slot), label_(op.names.at(0)), key_(op.names.at(1)),
        range_(op.kind == OpKind::IndexRangeSeek) {
    if (!op.exprs.empty() && op.exprs[0]) lower_ = b.expr(*op.exprs[0]);
    if (op.exprs.size() > 1 && op.exprs[1]) upper_ = b.expr(*op.exprs[1]);
    lower_inclusive_ = op.lower_inclusive;
    upper_inclusive_ = op.upper_inclusive;
  }

  void start(Row& row) override {
    auto label = ctx_.label(label_);
    auto key = ctx_.prop_key(key_);
    if (!label || !key) return;
    auto index = ctx_.txn.find_index(*label, *key);
    if (!index) {
      throw Error(ErrorCode::Internal, "the plan uses an index on :" + label_ + "(" + key_ +
                                           ") that does not exist");
    }
    if (!range_) {
      Value v = lower_->eval(row, ctx_);
      if (v.is_null()) return;  // x = null matches nothing
      cursor_.emplace(ctx_.txn.index_lookup(index->id, v));
      return;
    }
    std::optional<storage::Bound> lo, hi;
    if (lower_) {
      Value v = lower_->eval(row, ctx_);
      if (v.is_null()) return;
      lo = storage::Bound{std::move(v), lower_inclusive_};
    }
    if (upper_) {
      Value v = upper_->eval(row, ctx_);
      if (v.is_null()) return;
      hi = storage::Bound{std::move(v), upper_inclusive_};
    }
    cursor_.emplace(ctx_.txn.index_range(index->id, std::move(lo), std::move(hi)));
  }

 private:
  std::string label_, key_;
  bool range_;
  CompiledExprPtr lower_, upper_;
  bool lower_inclusive_ = true, upper_inclusive_ = true;
};

// id(n) = x, or id(n) IN [..].
class NodeByIdSeekOp final : public Operator {
 public:
  NodeByIdSeekOp(ExecContext& ctx, query::plan::SlotId slot, CompiledExprPtr ids)
      : ctx_(ctx), slot_(slot), ids_(std::move(ids)) {}

  void do_open(Row& row) override {
    pending_.clear();
    pos_ = 0;
    Value v = ids_->eval(row, ctx_);
    auto add = [this](const Value& x) {
      if (x.type() == ValueType::Int && x.as_int() >= 0 &&
          ctx_.txn.node_exists(static_cast<NodeId>(x.as_int()))) {
        pending_.push_back(static_cast<NodeId>(x.as_int()));
      }
    };
    if (v.type() == ValueType::List) {
      for (const auto& x : v.as_list()) add(x);
    } else {
      add(v);
    }
  }

  bool do_next(Row& row) override {
    if (pos_ >= pending_.size()) return false;
    row[slot_] = NodeRef{pending_[pos_++]};
    return true;
  }

 private:
  ExecContext& ctx_;
  query::plan::SlotId slot_;
  CompiledExprPtr ids_;
  std::vector<NodeId> pending_;
  size_t pos_ = 0;
};

}  // namespace

OperatorPtr make_scan(const Op& op, Builder& b) {
  switch (op.kind) {
    case OpKind::Argument: return std::make_unique<ArgumentOp>();
    case OpKind::AllNodesScan: return std::make_unique<AllNodesScanOp>(b.ctx(), op.slot);
    case OpKind::LabelScan: return std::make_unique<LabelScanOp>(b.ctx(), op.slot, op.names.at(0));
    case OpKind::IndexSeek:
    case OpKind::IndexRangeSeek: return std::make_unique<IndexSeekOp>(b.ctx(), op, b);
    case OpKind::NodeByIdSeek:
      return std::make_unique<NodeByIdSeekOp>(b.ctx(), op.slot, b.expr(*op.exprs.at(0)));
    default: throw Error(ErrorCode::Internal, "not a scan");
  }
}

}  // namespace kith::engine
