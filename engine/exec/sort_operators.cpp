// ORDER BY: Sort materialises and sorts every row; Top keeps only the best
// skip+limit rows in a heap (ORDER BY ... LIMIT k never sorts everything),
// and once full tells its TopBound check (top_bound.h) which rows below it
// can no longer enter.
#include <algorithm>
#include <memory>

#include "engine/exec/builder.h"
#include "engine/value/compare.h"
#include "storage/error.h"

namespace kith::engine {

namespace {

using query::plan::Op;
using query::plan::OpKind;

struct Keyed {
  std::vector<Value> keys;
  Row row;  // the live slots' values (all slots when the plan gives none)
  uint64_t seq;  // input order: makes the sort stable
};

class SortBase : public Operator {
 public:
  SortBase(const Op& op, Builder& b)
      : ctx_(b.ctx()), child_(b.build(*op.children.at(0))), all_slots_(!op.live_known),
        live_(op.live) {
    for (const auto& k : op.sort_keys) {
      keys_.push_back(b.expr(*k.expr));
      descending_.push_back(k.descending);
    }
  }

 protected:
  bool less(const Keyed& a, const Keyed& b) const {
    for (size_t i = 0; i < a.keys.size(); ++i) {
      int c = order(a.keys[i], b.keys[i]);
      if (c != 0) return descending_[i] ? c > 0 : c < 0;
    }
    return a.seq < b.seq;
  }
  Keyed keyed(Row& row, uint64_t seq) {
    Keyed k;
    k.keys.reserve(keys_.size());
    for (auto& e : keys_) k.keys.push_back(e->eval(row, ctx_));
    keep_live(row, k.row);
    k.seq = seq;
    return k;
  }
  // Only the slots something above reads (Op::live): the rest of a row
  // (a list of 5k ids collected before the MATCH) is not copied per row.
  void keep_live(const Row& row, Row& kept) const {
    if (all_slots_) {
      kept = row;
      return;
    }
    kept.resize(live_.size());
    for (size_t i = 0; i < live_.size(); ++i) kept[i] = row[live_[i]];
  }
  // Writes a kept row back; the other slots keep what they hold, which
  // nothing above reads (and slots from an outer row are not written below).
  void restore(Row& kept, Row& row) const {
    if (all_slots_) {
      row = std::move(kept);
      return;
    }
    for (size_t i = 0; i < live_.size(); ++i) row[live_[i]] = std::move(kept[i]);
  }

  ExecContext& ctx_;
  OperatorPtr child_;
  bool all_slots_;
  std::vector<query::plan::SlotId> live_;
  std::vector<CompiledExprPtr> keys_;
  std::vector<bool> descending_;
  std::vector<Keyed> rows_;
  size_t pos_ = 0;
};

class SortOp final : public SortBase {
 public:
  using SortBase::SortBase;
  void do_open(Row& row) override {
    rows_.clear();
    pos_ = 0;
    child_->open(row);
    uint64_t seq = 0;
    while (child_->next(row)) {
      ctx_.check_interrupt();
      rows_.push_back(keyed(row, seq++));
    }
    std::sort(rows_.begin(), rows_.end(), [this](const Keyed& a, const Keyed& b) { return less(a, b); });
  }
  bool do_next(Row& row) override {
    if (pos_ >= rows_.size()) return false;
    restore(rows_[pos_++].row, row);
    return true;
  }
};

class TopOp final : public SortBase {
 public:
  // The child (holding the TopBound check, if any) is built first, by
  // SortBase: the bound it published is there to take.
  TopOp(const Op& op, Builder& b)
      : SortBase(op, b), bound_(op.top_link ? b.take_top_bound(op.top_link) : nullptr) {
    limit_ = b.expr(*op.exprs.at(0));
    if (op.exprs.size() > 1 && op.exprs[1]) skip_ = b.expr(*op.exprs[1]);
  }
  void do_open(Row& row) override {
    rows_.clear();
    pos_ = 0;
    // Opened again (under an Apply): the last run's rows say nothing here.
    if (bound_) bound_->active = false;
    const int64_t limit = count(*limit_, row, "LIMIT");
    const int64_t skip = skip_ ? count(*skip_, row, "SKIP") : 0;
    child_->open(row);
    const auto keep = static_cast<size_t>(limit + skip);
    auto cmp = [this](const Keyed& a, const Keyed& b) { return less(a, b); };
    uint64_t seq = 0;
    if (keep > 0) {
      // A max-heap of the best `keep` rows: its top is the worst kept row.
      while (child_->next(row)) {
        ctx_.check_interrupt();
        if (rows_.size() < keep) {
          rows_.push_back(keyed(row, seq++));
          std::push_heap(rows_.begin(), rows_.end(), cmp);
          if (rows_.size() == keep) publish_bound();
          continue;
        }
        // Compare on the keys alone; copy the row only when it is kept.
        probe_.keys.clear();
        for (auto& e : keys_) probe_.keys.push_back(e->eval(row, ctx_));
        probe_.seq = seq++;
        if (less(probe_, rows_.front())) {
          std::pop_heap(rows_.begin(), rows_.end(), cmp);
          Keyed& slot = rows_.back();
          std::swap(slot.keys, probe_.keys);
          slot.seq = probe_.seq;
          keep_live(row, slot.row);
          std::push_heap(rows_.begin(), rows_.end(), cmp);
          publish_bound();
        }
      }
    }
    std::sort_heap(rows_.begin(), rows_.end(), cmp);
    pos_ = std::min(rows_.size(), static_cast<size_t>(skip));
  }
  bool do_next(Row& row) override {
    if (pos_ >= rows_.size()) return false;
    restore(rows_[pos_++].row, row);
    return true;
  }

 private:
  int64_t count(CompiledExpr& e, Row& row, const char* what) {
    Value v = e.eval(row, ctx_);
    if (v.type() != ValueType::Int || v.as_int() < 0) {
      throw Error(ErrorCode::ArgumentError,
                  std::string(what) + " needs a non-negative INT64, got " + v.to_string());
    }
    return v.as_int();
  }

  // The heap is full and its top is the worst kept row: a row whose first
  // key is worse than this one's cannot take its place.
  void publish_bound() {
    if (!bound_) return;
    bound_->bound = rows_.front().keys.at(0);
    bound_->active = true;
  }

  CompiledExprPtr limit_, skip_;
  Keyed probe_;
  std::shared_ptr<TopBoundState> bound_;
};

// The dynamic Top-N filter (OpKind::TopBound): passes the rows whose key
// (the Top's first sort key, as it reads at this point of the plan) is at
// least as good as the bound its Top published; all rows while it has none.
class TopBoundOp final : public Operator {
 public:
  TopBoundOp(const Op& op, Builder& b)
      : ctx_(b.ctx()),
        descending_(op.sort_keys.at(0).descending),
        state_(b.publish_top_bound(op.top_link)) {
    const Op& below = *op.children.at(0);
    b.offer_bound(below, {state_, op.sort_keys.at(0).expr.get(), descending_});
    child_ = b.build(below);
    b.take_bound(below);  // withdrawn if nothing took it
    key_ = b.row_expr(*op.sort_keys.at(0).expr);
  }
  void do_open(Row& row) override { child_->open(row); }
  bool do_next(Row& row) override {
    while (child_->next(row)) {
      if (!state_->active || can_enter(row)) return true;
      ctx_.check_interrupt();
    }
    return false;
  }

 private:
  bool can_enter(Row& row) {
    int c;
    try {
      c = order(key_->eval(row, ctx_), state_->bound);
    } catch (const Error& e) {
      // The key is evaluated earlier than the query says (below filters
      // that may drop this row): an error here is not the query's to raise.
      // Pass the row; the operators above decide about it as before.
      if (e.code() == ErrorCode::Cancelled || e.code() == ErrorCode::Timeout) throw;
      return true;
    }
    return descending_ ? c >= 0 : c <= 0;  // ties may still enter (later keys)
  }

  ExecContext& ctx_;
  OperatorPtr child_;
  CompiledExprPtr key_;
  bool descending_;
  std::shared_ptr<TopBoundState> state_;
};

}  // namespace

OperatorPtr make_sort(const Op& op, Builder& b) {
  if (op.kind == OpKind::Top) return std::make_unique<TopOp>(op, b);
  if (op.kind == OpKind::TopBound) return std::make_unique<TopBoundOp>(op, b);
  return std::make_unique<SortOp>(op, b);
}

}  // namespace kith::engine
