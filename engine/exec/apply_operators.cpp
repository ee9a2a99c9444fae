// Apply (run the inner side once per outer row), OptionalApply (OPTIONAL
// MATCH: nulls when the inner side finds nothing) and Union.
#include <unordered_set>

#include "engine/exec/builder.h"
#include "engine/value/compare.h"
#include "storage/error.h"

namespace kith::engine {

namespace {

using query::plan::Op;
using query::plan::OpKind;
using query::plan::SlotId;

class ApplyOp final : public Operator {
 public:
  ApplyOp(const Op& op, Builder& b)
      : ctx_(b.ctx()), outer_(b.build(*op.children.at(0))), inner_(b.build(*op.children.at(1))),
        optional_(op.kind == OpKind::OptionalApply), nullable_(op.slots) {}

  void do_open(Row& row) override {
    outer_->open(row);
    inner_open_ = false;
  }

  bool do_next(Row& row) override {
    for (;;) {
      if (inner_open_) {
        if (inner_->next(row)) {
          matched_ = true;
          return true;
        }
        inner_open_ = false;
        if (optional_ && !matched_) {
          for (auto s : nullable_) row[s] = Value();
          return true;
        }
      }
      if (!outer_->next(row)) return false;
      ctx_.check_interrupt();
      inner_->open(row);
      inner_open_ = true;
      matched_ = false;
    }
  }

 private:
  ExecContext& ctx_;
  OperatorPtr outer_, inner_;
  bool optional_;
  std::vector<SlotId> nullable_;
  bool inner_open_ = false;
  bool matched_ = false;
};

class UnionOp final : public Operator {
 public:
  UnionOp(const Op& op, Builder& b) : distinct_(op.distinct), slots_(op.slots) {
    for (const auto& c : op.children) children_.push_back(b.build(*c));
  }
  void do_open(Row& row) override {
    start_ = row;
    current_ = 0;
    seen_.clear();
    if (!children_.empty()) children_[0]->open(row);
  }
  bool do_next(Row& row) override {
    while (current_ < children_.size()) {
      if (children_[current_]->next(row)) {
        if (!distinct_) return true;
        std::vector<Value> key;
        for (auto s : slots_) key.push_back(row[s]);
        if (seen_.insert(std::move(key)).second) return true;
        continue;
      }
      if (++current_ < children_.size()) {
        row = start_;
        children_[current_]->open(row);
      }
    }
    return false;
  }

 private:
  bool distinct_;
  std::vector<SlotId> slots_;
  std::vector<OperatorPtr> children_;
  Row start_;
  size_t current_ = 0;
  std::unordered_set<std::vector<Value>, GroupKeyHash, GroupKeyEqual> seen_;
};

}  // namespace

OperatorPtr make_apply(const Op& op, Builder& b) {
  if (op.kind == OpKind::Union) return std::make_unique<UnionOp>(op, b);
  return std::make_unique<ApplyOp>(op, b);
}

}  // namespace kith::engine
