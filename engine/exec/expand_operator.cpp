// Expand: one hop from a bound node along matching relationships.
#include "engine/exec/builder.h"
#include "engine/exec/neighbours.h"
#include "engine/exec/rel_uniqueness.h"

namespace kith::engine {

namespace {

using query::plan::Op;
using query::plan::SlotId;

class ExpandOp final : public Operator {
 public:
  ExpandOp(const Op& op, Builder& b)
      : ctx_(b.ctx()), child_(b.build(*op.children.at(0))), from_(op.from), rel_(op.rel),
        to_(op.to), dir_(op.dir), into_(op.into), uniqueness_(op.rel_uniqueness),
        type_names_(op.types) {}

  void do_open(Row& row) override {
    types_ = TypeFilter::resolve(type_names_, ctx_);
    child_->open(row);
    have_input_ = false;
  }

  bool do_next(Row& row) override {
    if (types_.matches_nothing()) return false;
    for (;;) {
      if (have_input_) {
        RelRef r;
        NodeId n;
        while (it_.next(r, n)) {
          if (into_ && n != target_) continue;
          if (!uniqueness_.empty() && rel_used(row, uniqueness_, r.id)) continue;
          if (rel_ != query::plan::kNoSlot) row[rel_] = r;
          if (!into_) row[to_] = NodeRef{n};
          return true;
        }
        have_input_ = false;
      }
      if (!child_->next(row)) return false;
      ctx_.check_interrupt();
      const Value& source = row[from_];
      if (source.type() != ValueType::Node) continue;  // null after OPTIONAL MATCH
      if (into_) {
        const Value& t = row[to_];
        if (t.type() != ValueType::Node) continue;
        target_ = t.as_node().id;
      }
      it_.reset(ctx_, source.as_node().id, types_, dir_);
      have_input_ = true;
    }
  }

 private:
  ExecContext& ctx_;
  OperatorPtr child_;
  SlotId from_, rel_, to_;
  query::plan::Dir dir_;
  bool into_;
  std::vector<SlotId> uniqueness_;
  std::vector<std::string> type_names_;
  TypeFilter types_;
  NeighbourIterator it_;
  bool have_input_ = false;
  NodeId target_ = 0;
};

}  // namespace

OperatorPtr make_expand(const Op& op, Builder& b) { return std::make_unique<ExpandOp>(op, b); }

}  // namespace kith::engine
