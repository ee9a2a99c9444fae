// Aggregation with implicit grouping: rows are grouped by the values of the
// grouping items (null equal to null), each group folds its aggregates.
// Without grouping items there is exactly one group, even over no rows
// (count(*) of nothing is 0).
//
// Rows usually come in runs about one node (expanded from it), and most of
// the work here avoids redoing per row what the run already did: grouping
// keys of one node, DISTINCT of a node's property, DISTINCT pairs kept per
// run of a group (tests/queries/aggregation_runs.test covers each shortcut
// and where it must give way).
#include <algorithm>
#include <memory>
#include <span>

#include "engine/exec/builder.h"
#include "engine/exec/collect_log.h"
#include "engine/exec/group_table.h"
#include "engine/value/arithmetic.h"
#include "engine/value/compare.h"
#include "storage/error.h"

namespace kith::engine {

namespace {

using query::plan::AggregateFn;
using query::plan::Op;
using query::plan::kNoSlot;
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
      : ctx_(b.ctx()),
        child_(b.build(*op.children.at(0))),
        read_only_(!ctx_.txn.writable()),
        groups_(op.items.size()) {
    for (const auto& item : op.items) {
      key_slots_.push_back(item.slot);
      key_exprs_.push_back(b.row_expr(*item.expr));
    }
    if (read_only_) key_base_slot_ = common_base(op.items);
    for (const auto& a : op.aggregates) {
      Agg agg;
      agg.slot = a.slot;
      agg.fn = a.fn;
      agg.distinct = a.distinct;
      if (a.arg) agg.arg = b.row_expr(*a.arg);
      if (a.distinct && read_only_ && a.arg) agg.base_slot = property_base(*a.arg);
      if (agg.base_slot != kNoSlot) {
        agg.values = std::make_unique<GroupTable>(1);
      } else if (a.distinct) {
        agg.seen = std::make_unique<GroupTable>(2);
      }
      aggs_.push_back(std::move(agg));
    }
  }

  void do_open(Row& row) override {
    groups_.clear();
    node_groups_.clear();
    states_.clear();
    for (Agg& a : aggs_) {
      if (a.seen) a.seen->clear();
      a.seen_nodes.clear();
      a.base_values.clear();
      a.base_value.clear();
      if (a.values) a.values->clear();
      a.seen_values.clear();
      a.collected.clear();  // an open that threw may have left values
      a.last_node = a.last_base = kNoNode;
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
    NodeId key_node = kNoNode;  // the node of key_base_slot_ whose keys made `group`
    while (child_->next(row)) {
      ctx_.check_interrupt();
      // Keys that are all `x` or `x.key` of one node x: a row about the
      // node of the previous row (rows expanded from x come together) has
      // its keys, so its group, in a read-only statement (key_base_slot_
      // is kNoSlot in a writing one: a SET between the rows could change
      // x.key).
      NodeId node = kNoNode;
      if (key_base_slot_ != kNoSlot) {
        const Value& base = row[key_base_slot_];
        if (base.type() == ValueType::Node) node = base.as_node().id;
      }
      if (node == kNoNode || node != key_node) {
        group = group_of(row, group);
        key_node = node;
      }
      State* states = states_.data() + group * aggs_.size();
      for (size_t i = 0; i < aggs_.size(); ++i) fold(aggs_[i], group, states[i], row);
    }
    if (key_exprs_.empty() && groups_.size() == 0) {
      groups_.intern({});
      states_.resize(aggs_.size());
    }
    for (size_t i = 0; i < aggs_.size(); ++i) {
      if (aggs_[i].fn == AggregateFn::Collect) build_lists(aggs_[i], i);
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
  static constexpr uint32_t kNullValue = UINT32_MAX;

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
    // With grouping keys, node values go to (group, id) pairs instead.
    DistinctPairs seen_nodes;
    // The last node value and its group: the same node again in the same
    // group (a comment repeated for each of its tags) skips the table.
    NodeId last_node = kNoNode;
    size_t last_group = 0;
    // A read-only statement's DISTINCT `x.key`: the distinct values get
    // indices (`values`), each node x its value's index the first time
    // x is seen (`base_values` -> `base_value`), and DISTINCT keeps
    // (group, value index) pairs. So x.key is read and hashed once per
    // node x, not per row: `collect(DISTINCT tag.name)` over 52k rows
    // reads each of a few thousand tags' names once. Rows whose x is not a
    // node evaluate x.key and look its index up. kNoSlot in a writing
    // statement (x.key may change) or for another argument.
    SlotId base_slot = kNoSlot;
    IdPairTable base_values;           // (0, node id) -> index into base_value
    std::vector<uint32_t> base_value;  // a value index, or kNullValue
    std::unique_ptr<GroupTable> values;  // width 1
    DistinctPairs seen_values;           // (group, value index)
    NodeId last_base = kNoNode;          // the last row's x and group: a
    size_t last_base_group = 0;          // repeat is not even looked up
    CollectLog collected;  // collect(): lists are built at the end of open
  };

  // `x.key` (a property of a variable): x's slot, else kNoSlot.
  static SlotId property_base(const query::plan::Expr& e) {
    using query::plan::ExprKind;
    if (e.kind != ExprKind::Property || e.args.empty() || !e.args[0]) return kNoSlot;
    return e.args[0]->kind == ExprKind::Slot ? e.args[0]->slot : kNoSlot;
  }

  // The slot x when every grouping key is `x` or `x.key` of the one
  // variable x (`friend.id, friend.firstName`), else kNoSlot.
  static SlotId common_base(const std::vector<query::plan::ProjectItem>& items) {
    using query::plan::ExprKind;
    SlotId base = kNoSlot;
    for (const auto& item : items) {
      const SlotId s = item.expr->kind == ExprKind::Slot ? item.expr->slot : property_base(*item.expr);
      if (s == kNoSlot || (base != kNoSlot && s != base)) {
        return kNoSlot;
      }
      base = s;
    }
    return base;
  }

  // Whether DISTINCT has not yet seen node `id` in `group`.
  bool first_node(Agg& a, size_t group, NodeId id) {
    if (id == a.last_node && group == a.last_group) return false;
    a.last_node = id;
    a.last_group = group;
    return key_exprs_.empty() ? first_sight(a, id) : a.seen_nodes.insert(group, id);
  }

  // Moves collect()'s values into their groups' lists.
  void build_lists(Agg& a, size_t index) {
    const size_t n = aggs_.size();
    counts_.assign(groups_.size(), 0);
    a.collected.for_each([&](uint32_t g, Value&) { ++counts_[g]; });
    for (size_t g = 0; g < counts_.size(); ++g) states_[g * n + index].list.reserve(counts_[g]);
    a.collected.for_each([&](uint32_t g, Value& v) { states_[g * n + index].list.push_back(std::move(v)); });
    a.collected.clear();
  }

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

  // The group of the row's keys; `group` is the previous row's.
  size_t group_of(Row& row, size_t group) {
    if (key_exprs_.size() == 1) {
      Value scratch;
      const Value& key = key_exprs_[0]->eval_ref(row, ctx_, scratch);
      if (key.type() == ValueType::Node) return node_group(key);
      key_[0] = &key == &scratch ? std::move(scratch) : key;
    } else {
      for (size_t i = 0; i < key_exprs_.size(); ++i) key_[i] = key_exprs_[i]->eval(row, ctx_);
    }
    // Rows of one group often come together (expanded from the grouping
    // node): then the previous row's group is this one, without a probe.
    if (groups_.size() != 0 && same_key(groups_.key(group))) return group;
    return add_group(key_);
  }

  // One key that is a node (`WITH forum, collect(friend)`: 64k rows in
  // 10k groups, in no order): found by id in node_groups_, without hashing
  // and comparing Values. Only nodes go there, and only through here into
  // groups_ (appended, not indexed: no other value equals them).
  size_t node_group(const Value& key) {
    // A node not in node_groups_ is not in groups_ either: its group will
    // be the next one.
    const auto [group, fresh] = node_groups_.intern(0, key.as_node().id, groups_.size());
    if (fresh) {
      groups_.append({&key, 1});
      states_.resize(states_.size() + aggs_.size());
    }
    return group;
  }

  size_t add_group(std::span<const Value> key) {
    const auto [group, fresh] = groups_.intern(key);
    if (fresh) states_.resize(states_.size() + aggs_.size());
    return group;
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
    if (a.base_slot != kNoSlot) {
      fold_distinct_property(a, group, s, row);
      return;
    }
    Value scratch;
    const Value& ref = a.arg->eval_ref(row, ctx_, scratch);
    if (ref.is_null()) return;  // every aggregate but count(*) skips nulls
    // A value this fold may take instead of copying: the evaluator's
    // scratch, or the copy DISTINCT made for its table.
    Value* owned = &ref == &scratch ? &scratch : nullptr;
    const Value* v = &ref;
    if (a.distinct) {
      if (ref.type() == ValueType::Node) {
        if (!first_node(a, group, ref.as_node().id)) return;
      } else {
        a.pair[0] = static_cast<int64_t>(group);
        a.pair[1] = owned ? std::move(*owned) : ref;
        if (!a.seen->intern(a.pair).second) return;
        owned = &a.pair[1];
        v = owned;
      }
    }
    accumulate(a, group, s, *v, owned);
  }

  // DISTINCT `x.key` in a read-only statement (see Agg::base_slot).
  void fold_distinct_property(Agg& a, size_t group, State& s, Row& row) {
    const Value& base = row[a.base_slot];
    uint32_t index;
    if (base.type() == ValueType::Node) {
      const NodeId id = base.as_node().id;
      if (id == a.last_base && group == a.last_base_group) return;
      a.last_base = id;
      a.last_base_group = group;
      const auto [b, fresh] = a.base_values.intern(0, id);
      if (fresh) a.base_value.push_back(value_index(a, row));
      index = a.base_value[b];
    } else {
      index = value_index(a, row);
    }
    if (index == kNullValue || !a.seen_values.insert(group, index)) return;
    accumulate(a, group, s, a.values->key(index)[0], nullptr);
  }

  // The index of the argument's value among `a.values`; kNullValue for null.
  uint32_t value_index(Agg& a, Row& row) {
    Value scratch;
    const Value& v = a.arg->eval_ref(row, ctx_, scratch);
    if (v.is_null()) return kNullValue;
    return static_cast<uint32_t>(a.values->intern({&v, 1}).first);
  }

  // Folds a (non-null, DISTINCT-checked) value into its group's state;
  // `owned` (v itself, or null) may be moved from.
  void accumulate(Agg& a, size_t group, State& s, const Value& v, Value* owned) {
    switch (a.fn) {
      case AggregateFn::Count: ++s.count; break;
      case AggregateFn::Sum: add_to_sum(s, v); break;
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
        if (s.count++ == 0 || order(v, s.acc) < 0) s.acc = owned ? std::move(*owned) : v;
        break;
      case AggregateFn::Max:
        if (s.count++ == 0 || order(v, s.acc) > 0) s.acc = owned ? std::move(*owned) : v;
        break;
      case AggregateFn::Collect:
        a.collected.push(group, v, owned);
        break;
      case AggregateFn::CountStar: break;
    }
  }

  static void add_to_sum(State& s, const Value& v) {
    const ValueType t = v.type();
    if (t == ValueType::Int && s.count > 0 && s.acc.type() == ValueType::Int) {
      int64_t total;
      // An overflow goes the generic way, which raises the ArithmeticError.
      if (!__builtin_add_overflow(s.acc.as_int(), v.as_int(), &total)) {
        s.acc = total;
        ++s.count;
        return;
      }
    }
    if (t != ValueType::Int && t != ValueType::Double && t != ValueType::Duration) {
      throw Error(ErrorCode::TypeError, "sum() needs numbers, got " + std::string(value_type_name(t)));
    }
    s.acc = s.count++ == 0 ? v : add(s.acc, v);
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
  const bool read_only_;  // no write in the statement: a node's properties stay put
  SlotId key_base_slot_ = kNoSlot;  // see common_base; kNoSlot when writing
  std::vector<SlotId> key_slots_;
  std::vector<CompiledExprPtr> key_exprs_;
  std::vector<Agg> aggs_;
  GroupTable groups_;
  IdPairTable node_groups_;  // (0, node id) -> the group of a node key
  std::vector<State> states_;  // group g's at [g * aggs_.size(), ...)
  std::vector<Value> key_;     // the current row's, reused
  std::vector<uint32_t> counts_;  // build_lists: values per group, reused
  size_t pos_ = 0;
};

}  // namespace

OperatorPtr make_aggregate(const Op& op, Builder& b) { return std::make_unique<AggregateOp>(op, b); }

}  // namespace kith::engine
