// Variable-length expansion: a depth-first walk from the bound node, no
// relationship twice in one path, emitting every path whose length is in
// [min_hops, max_hops].
#include "engine/exec/builder.h"
#include "engine/exec/neighbours.h"
#include "engine/exec/rel_uniqueness.h"

namespace kith::engine {

namespace {

using query::plan::Op;
using query::plan::SlotId;

class VarLengthExpandOp final : public Operator {
 public:
  VarLengthExpandOp(const Op& op, Builder& b)
      : ctx_(b.ctx()), child_(b.build(*op.children.at(0))), from_(op.from), rel_(op.rel),
        to_(op.to), path_(op.path_slot), dir_(op.dir), into_(op.into), reversed_(op.reversed),
        min_(op.min_hops), max_(op.max_hops), uniqueness_(op.rel_uniqueness),
        type_names_(op.types) {}

  void do_open(Row& row) override {
    types_ = TypeFilter::resolve(type_names_, ctx_);
    child_->open(row);
    active_ = false;
  }

  bool do_next(Row& row) override {
    for (;;) {
      if (!active_ && !start_next_input(row)) return false;
      if (pending_zero_) {
        pending_zero_ = false;
        if (!into_ || nodes_[0] == target_) {
          emit(row);
          return true;
        }
      }
      if (step(row)) return true;
      active_ = false;
    }
  }

 private:
  bool start_next_input(Row& row) {
    for (;;) {
      if (!child_->next(row)) return false;
      const Value& source = row[from_];
      if (source.type() != ValueType::Node) continue;
      if (into_) {
        if (row[to_].type() != ValueType::Node) continue;
        target_ = row[to_].as_node().id;
      }
      nodes_.assign(1, source.as_node().id);
      rels_.clear();
      pending_zero_ = min_ == 0;
      if (max_ != 0) {
        if (its_.empty()) its_.emplace_back();
        if (!types_.matches_nothing()) its_[0].reset(ctx_, nodes_[0], types_, dir_);
      }
      active_ = true;
      return true;
    }
  }

  // Advances the walk to the next path to emit; false when it is over.
  bool step(Row& row) {
    if (max_ == 0 || types_.matches_nothing()) return false;
    for (;;) {
      ctx_.check_interrupt();
      const size_t depth = rels_.size();
      RelRef r;
      NodeId n;
      if ((max_ < 0 || static_cast<int64_t>(depth) < max_) && its_[depth].next(r, n)) {
        if (in_path(r.id) || (!uniqueness_.empty() && rel_used(row, uniqueness_, r.id))) continue;
        rels_.push_back(r);
        nodes_.push_back(n);
        const size_t d = rels_.size();
        if (max_ < 0 || static_cast<int64_t>(d) < max_) {
          if (its_.size() <= d) its_.emplace_back();
          its_[d].reset(ctx_, n, types_, dir_);
        }
        if (static_cast<int64_t>(d) >= min_ && (!into_ || n == target_)) {
          emit(row);
          return true;
        }
        continue;
      }
      if (rels_.empty()) return false;
      rels_.pop_back();
      nodes_.pop_back();
    }
  }

  bool in_path(RelId id) const {
    for (const auto& r : rels_) {
      if (r.id == id) return true;
    }
    return false;
  }

  void emit(Row& row) {
    if (rel_ != query::plan::kNoSlot) {
      Value::List list;
      list.reserve(rels_.size());
      // `reversed`: the walk went right to left; the list reads as written.
      if (reversed_) {
        for (size_t i = rels_.size(); i-- > 0;) list.emplace_back(rels_[i]);
      } else {
        for (const auto& r : rels_) list.emplace_back(r);
      }
      row[rel_] = std::move(list);
    }
    if (!into_) row[to_] = NodeRef{nodes_.back()};
    if (path_ != query::plan::kNoSlot) row[path_] = PathData{nodes_, rels_};
  }

  ExecContext& ctx_;
  OperatorPtr child_;
  SlotId from_, rel_, to_, path_;
  query::plan::Dir dir_;
  bool into_;
  bool reversed_;
  int64_t min_, max_;
  std::vector<SlotId> uniqueness_;
  std::vector<std::string> type_names_;
  TypeFilter types_;

  bool active_ = false;
  bool pending_zero_ = false;
  NodeId target_ = 0;
  std::vector<NeighbourIterator> its_;  // one per depth, reused
  std::vector<NodeId> nodes_;
  std::vector<RelRef> rels_;
};

}  // namespace

OperatorPtr make_var_length_expand(const Op& op, Builder& b) {
  return std::make_unique<VarLengthExpandOp>(op, b);
}

}  // namespace kith::engine
