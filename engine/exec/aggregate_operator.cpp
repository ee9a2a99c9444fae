// Aggregation with implicit grouping: rows are grouped by the values of the
// grouping items (null equal to null), each group folds its aggregates.
// Without grouping items there is exactly one group, even over no rows
// (count(*) of nothing is 0).
#include <algorithm>
#include <span>
#include <tuple>

#include "engine/exec/builder.h"
#include "engine/exec/group_table.h"
#include "engine/value/arithmetic.h"
#include "engine/value/compare.h"
#include "storage/error.h"

namespace kith::engine {

namespace {

using query::plan::AggregateFn;
using query::plan::Op;
using query::plan::SlotId;

struct State {
  int64_t count = 0;
  Value acc;  // sum, min, max
  double avg_sum = 0;
  Value::List list;  // collect
};

class AggregateOp final : public Operator {
 public:
  AggregateOp(const Op& op, Builder& b)
      : ctx_(b.ctx()), child_(b.build(*op.children.at(0))), groups_(op.items.size()) {
    for (const auto& item : op.items) {
      key_slots_.push_back(item.slot);
      key_exprs_.push_back(b.row_expr(*item.expr));
    }
    for (const auto& a : op.aggregates) {
      Agg agg;
      agg.slot = a.slot;
      agg.fn = a.fn;
      agg.distinct = a.distinct;
      if (a.distinct) agg.seen = std::make_unique<GroupTable>(2);
      if (a.arg) agg.arg = b.row_expr(*a.arg);
      aggs_.push_back(std::move(agg));
    }
  }

  void do_open(Row& row) override {
    groups_.clear();
    states_.clear();
    for (Agg& a : aggs_) {
      if (a.seen) a.seen->clear();
      // Only the words the last run set: were an aggregate reopened per
      // outer row (under an Apply), clearing the whole bitmap each time
      // would cost the graph's size instead of the rows'.
      for (size_t w : a.node_words) a.node_bits[w] = 0;
      a.node_words.clear();
    }
    pos_ = 0;
    child_->open(row);
    key_.resize(key_exprs_.size());
    size_t group = 0;
    while (child_->next(row)) {
      ctx_.check_interrupt();
      for (size_t i = 0; i < key_exprs_.size(); ++i) key_[i] = key_exprs_[i]->eval(row, ctx_);
      // Rows of one group often come together (expanded from the grouping
      // node): then the previous row's group is this one, without a probe.
      if (groups_.size() == 0 || !same_key(groups_.key(group))) {
        bool fresh;
        std::tie(group, fresh) = groups_.intern(key_);
        if (fresh) states_.resize(states_.size() + aggs_.size());
      }
      State* states = states_.data() + group * aggs_.size();
      for (size_t i = 0; i < aggs_.size(); ++i) fold(aggs_[i], group, states[i], row);
    }
    if (key_exprs_.empty() && groups_.size() == 0) {
      groups_.intern({});
      states_.resize(aggs_.size());
    }
  }

  bool do_next(Row& row) override {
    if (pos_ >= groups_.size()) return false;
    const size_t group = pos_++;
    const auto key = groups_.key(group);
    for (size_t i = 0; i < key_slots_.size(); ++i) row[key_slots_[i]] = key[i];
    State* states = states_.data() + group * aggs_.size();
    for (size_t i = 0; i < aggs_.size(); ++i) row[aggs_[i].slot] = result(aggs_[i], states[i]);
    return true;
  }

 private:
  struct Agg {
    SlotId slot;
    AggregateFn fn;
    bool distinct;
    CompiledExprPtr arg;
    // DISTINCT: the (group, value) pairs seen, one table for all groups
    // (no set per group, no allocation per value).
    std::unique_ptr<GroupTable> seen;
    std::vector<Value> pair = std::vector<Value>(2);
    // Without grouping keys (one group), nodes are marked in a bitmap by id
    // instead: `count(DISTINCT f)` over the 0.9M people a hub reaches in
    // three hops sets bits rather than growing a hash table. Other values
    // still go to `seen` (a node never equals a non-node).
    std::vector<uint64_t> node_bits;
    std::vector<size_t> node_words;  // the words of node_bits that are not 0
  };

  static bool first_sight(Agg& a, NodeId id) {
    const size_t word = static_cast<size_t>(id >> 6);
    if (word >= a.node_bits.size()) a.node_bits.resize(std::max(word + 1, a.node_bits.size() * 2), 0);
    const uint64_t mask = uint64_t{1} << (id & 63);
    uint64_t& bits = a.node_bits[word];
    if (bits & mask) return false;
    if (bits == 0) a.node_words.push_back(word);
    bits |= mask;
    return true;
  }

  bool same_key(std::span<const Value> key) const {
    for (size_t i = 0; i < key.size(); ++i) {
      if (!same_group(key[i], key_[i])) return false;
    }
    return true;
  }

  void fold(Agg& a, size_t group, State& s, Row& row) {
    if (a.fn == AggregateFn::CountStar) {
      ++s.count;
      return;
    }
    Value v = a.arg->eval(row, ctx_);
    if (v.is_null()) return;  // every aggregate but count(*) skips nulls
    if (a.distinct && key_exprs_.empty() && v.type() == ValueType::Node) {
      if (!first_sight(a, v.as_node().id)) return;
    } else if (a.distinct) {
      a.pair[0] = static_cast<int64_t>(group);
      a.pair[1] = std::move(v);
      if (!a.seen->intern(a.pair).second) return;
      v = std::move(a.pair[1]);
    }
    switch (a.fn) {
      case AggregateFn::Count: ++s.count; break;
      case AggregateFn::Sum:
        if (v.type() != ValueType::Int && v.type() != ValueType::Double &&
            v.type() != ValueType::Duration) {
          throw Error(ErrorCode::TypeError, "sum() needs numbers, got " +
                                                std::string(value_type_name(v.type())));
        }
        s.acc = s.count++ == 0 ? v : add(s.acc, v);
        break;
      case AggregateFn::Avg:
        if (v.type() == ValueType::Int) {
          s.avg_sum += static_cast<double>(v.as_int());
        } else if (v.type() == ValueType::Double) {
          s.avg_sum += v.as_double();
        } else {
          throw Error(ErrorCode::TypeError, "avg() needs numbers, got " +
                                                std::string(value_type_name(v.type())));
        }
        ++s.count;
        break;
      case AggregateFn::Min:
        if (s.count++ == 0 || order(v, s.acc) < 0) s.acc = std::move(v);
        break;
      case AggregateFn::Max:
        if (s.count++ == 0 || order(v, s.acc) > 0) s.acc = std::move(v);
        break;
      case AggregateFn::Collect: s.list.push_back(std::move(v)); break;
      case AggregateFn::CountStar: break;
    }
  }

  static Value result(const Agg& a, State& s) {
    switch (a.fn) {
      case AggregateFn::CountStar:
      case AggregateFn::Count: return s.count;
      case AggregateFn::Sum: return s.count == 0 ? Value(int64_t{0}) : s.acc;
      case AggregateFn::Avg: return s.count == 0 ? Value() : Value(s.avg_sum / static_cast<double>(s.count));
      case AggregateFn::Min:
      case AggregateFn::Max: return s.acc;
      case AggregateFn::Collect: return std::move(s.list);  // each group is emitted once
    }
    return {};
  }

  ExecContext& ctx_;
  OperatorPtr child_;
  std::vector<SlotId> key_slots_;
  std::vector<CompiledExprPtr> key_exprs_;
  std::vector<Agg> aggs_;
  GroupTable groups_;
  std::vector<State> states_;  // group g's at [g * aggs_.size(), ...)
  std::vector<Value> key_;     // the current row's, reused
  size_t pos_ = 0;
};

}  // namespace

OperatorPtr make_aggregate(const Op& op, Builder& b) { return std::make_unique<AggregateOp>(op, b); }

}  // namespace kith::engine
