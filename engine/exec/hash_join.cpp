// HashJoin (planned in query/planner/hash_join_planner.cpp): a MATCH over
// rows that already bind one of its nodes, the probe node. Two plans give
// the same rows: the per-row side (children[1]) expands from each row's
// probe node, as an Apply would; the build side (children[2]) matches the
// pattern once from a seek, binding the probe node's copy (`to`), into a
// table that each row then looks its probe node up in.
//
// Which one runs is decided on the actual rows, because the planner cannot
// tell: the table is built when every row reads the same values from the
// build side's dependencies (else each row would need its own table), and
// only while building costs at most half of what the per-row side would
// (the relationships it expands from the rows' probe nodes, times the
// operators each then passes through). Past that budget the build
// stops and the per-row side runs. The rows are the same either way, in
// another order.
#include <algorithm>

#include "engine/exec/builder.h"
#include "engine/exec/neighbours.h"
#include "storage/error.h"

namespace kith::engine {

namespace {

using query::plan::Op;
using query::plan::SlotId;

class HashJoinOp final : public Operator {
 public:
  HashJoinOp(const Op& op, Builder& b)
      : ctx_(b.ctx()), left_(b.build(*op.children.at(0))), per_row_(b.build(*op.children.at(1))),
        build_(b.build(*op.children.at(2))), probe_(op.slot), key_(op.to), written_(op.slots),
        deps_(op.deps), live_(op.live), type_names_(op.types), dir_(op.dir),
        stages_(stages_after_first_expand(*op.children.at(1))) {}

  void do_open(Row& row) override {
    types_ = TypeFilter::resolve(type_names_, ctx_);
    left_->open(row);
    buffered_.clear();
    buffered_count_ = 0;
    replayed_ = 0;
    mode_ = Mode::Undecided;
    inner_open_ = false;
    match_pos_ = match_end_ = 0;
  }

  bool do_next(Row& row) override {
    if (mode_ == Mode::Undecided) decide(row);
    for (;;) {
      if (mode_ == Mode::Table) {
        if (match_pos_ < match_end_) {
          const size_t at = index_[match_pos_++].second * written_.size();
          for (size_t i = 0; i < written_.size(); ++i) row[written_[i]] = values_[at + i];
          return true;
        }
      } else if (inner_open_) {
        if (per_row_->next(row)) return true;
        inner_open_ = false;
      }
      if (!next_left(row)) return false;
      ctx_.check_interrupt();
      // A row past the buffered ones may need another table: it and the
      // rest go row by row.
      if (mode_ == Mode::Table && !same_deps(row)) mode_ = Mode::PerRow;
      if (mode_ == Mode::Table) {
        probe(row);
        continue;
      }
      per_row_->open(row);
      inner_open_ = true;
    }
  }

 private:
  enum class Mode : uint8_t { Undecided, PerRow, Table };
  // Rows read ahead to decide; more than this and the decision rests on the
  // first ones (later rows with other dependencies go row by row).
  static constexpr size_t kMaxBuffered = 1 << 14;
  // Below this many relationships to expand, the per-row side is cheap
  // enough not to try anything else.
  static constexpr uint64_t kMinWork = 4096;
  static constexpr size_t kMaxTable = size_t{1} << 22;  // table rows

  // Rows wait in `buffered_` as their live slots only (a row may carry a
  // large list that nothing after the join reads: IC6's collected friends).
  size_t buffered_rows() const { return buffered_count_; }

  void buffer(const Row& row) {
    for (SlotId s : live_) buffered_.push_back(row[s]);
    ++buffered_count_;
  }

  void restore(size_t i, Row& row) {
    for (size_t k = 0; k < live_.size(); ++k) row[live_[k]] = std::move(buffered_[i * live_.size() + k]);
  }

  bool next_left(Row& row) {
    if (replayed_ < buffered_rows()) {
      restore(replayed_++, row);
      if (replayed_ == buffered_rows()) {
        buffered_.clear();
        buffered_count_ = 0;
        replayed_ = 0;
      }
      return true;
    }
    return left_->next(row);
  }

  void decide(Row& row) {
    mode_ = Mode::PerRow;
    // The rows' probe nodes and the relationships the per-row side would
    // expand from them; the first row's dependencies, which all must share.
    bool all_rows = false, one_table = true;
    uint64_t work = 0;
    probes_.clear();
    deps_values_.clear();
    Row first;
    while (!all_rows && buffered_rows() < kMaxBuffered) {
      if (!left_->next(row)) {
        all_rows = true;
        break;
      }
      if (buffered_rows() == 0) {
        first = row;
        for (SlotId s : deps_) deps_values_.push_back(row[s]);
      }
      buffer(row);
      if (!same_deps(row)) one_table = false;
      if (row[probe_].type() != ValueType::Node) continue;
      work += degree(row[probe_].as_node().id);
      probes_.push_back(row[probe_].as_node().id);
    }
    if (buffered_rows() == 0 || !one_table || ctx_.txn.writable() || types_.any ||
        types_.matches_nothing())
      return;
    // With every row in hand, the table keeps only what some row looks up.
    if (all_rows) {
      std::sort(probes_.begin(), probes_.end());
      probes_.erase(std::unique(probes_.begin(), probes_.end()), probes_.end());
    } else {
      probes_.clear();
    }
    only_probes_ = all_rows;
    if (work >= kMinWork && build(first, work * stages_ / 2)) mode_ = Mode::Table;
  }

  // The per-row side's work is about its first expansion's relationships
  // times the operators each of them passes through next (each counts one
  // check_interrupt per row, as the build side's operators do).
  static uint64_t stages_after_first_expand(const Op& per_row) {
    uint64_t stages = 0;
    const Op* op = &per_row;
    while (!op->children.empty()) {
      if (op->kind == query::plan::OpKind::Filter || op->kind == query::plan::OpKind::Expand) ++stages;
      op = op->children[0].get();
    }
    return std::max<uint64_t>(1, stages - (stages > 0 ? 1 : 0));
  }

  bool same_deps(const Row& r) const {
    for (size_t i = 0; i < deps_.size(); ++i)
      if (!(r[deps_[i]] == deps_values_[i])) return false;
    return true;
  }

  uint64_t degree(NodeId node) const { return typed_degree(ctx_, node, types_, dir_); }

  // Runs the build side once for `seed`'s dependencies; false (and no
  // table) when it would cost more than `budget` or fails: an error the
  // per-row side meets too is raised there, for the rows it concerns.
  bool build(const Row& seed, uint64_t budget) {
    index_.clear();
    values_.clear();
    Row scratch = seed;
    struct RestoreBudget {
      ExecContext& ctx;
      uint64_t previous;
      ~RestoreBudget() { ctx.restore_work_budget(previous); }
    } restore{ctx_, ctx_.set_work_budget(budget)};
    try {
      build_->open(scratch);
      while (build_->next(scratch)) {
        ctx_.check_interrupt();
        const Value& k = scratch[key_];
        if (k.type() != ValueType::Node) continue;
        if (only_probes_ && !std::binary_search(probes_.begin(), probes_.end(), k.as_node().id))
          continue;
        if (index_.size() == kMaxTable) return false;
        index_.emplace_back(k.as_node().id, static_cast<uint32_t>(index_.size()));
        for (SlotId s : written_) values_.push_back(scratch[s]);
      }
    } catch (const ExecContext::WorkBudgetExceeded&) {
      return false;
    } catch (const Error& e) {
      if (e.code() == ErrorCode::Timeout || e.code() == ErrorCode::Cancelled) throw;
      return false;
    }
    std::stable_sort(index_.begin(), index_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    return true;
  }

  void probe(const Row& row) {
    match_pos_ = match_end_ = 0;
    if (row[probe_].type() != ValueType::Node) return;  // null after OPTIONAL MATCH
    const NodeId node = row[probe_].as_node().id;
    auto lo = std::lower_bound(index_.begin(), index_.end(), node,
                               [](const auto& e, NodeId n) { return e.first < n; });
    auto hi = lo;
    while (hi != index_.end() && hi->first == node) ++hi;
    match_pos_ = static_cast<size_t>(lo - index_.begin());
    match_end_ = static_cast<size_t>(hi - index_.begin());
  }

  ExecContext& ctx_;
  OperatorPtr left_, per_row_, build_;
  SlotId probe_, key_;
  std::vector<SlotId> written_, deps_, live_;
  std::vector<std::string> type_names_;
  query::plan::Dir dir_;
  uint64_t stages_;
  TypeFilter types_;

  Mode mode_ = Mode::Undecided;
  std::vector<Value> buffered_;  // the live slots of each buffered row in turn
  size_t buffered_count_ = 0;
  size_t replayed_ = 0;
  bool inner_open_ = false;
  std::vector<Value> deps_values_;
  std::vector<NodeId> probes_;  // the rows' probe nodes, sorted, when only_probes_
  bool only_probes_ = false;
  // The table: (probe node, entry) sorted by node; entry i's values of
  // `written_` at values_[i * written_.size()].
  std::vector<std::pair<NodeId, uint32_t>> index_;
  std::vector<Value> values_;
  size_t match_pos_ = 0, match_end_ = 0;
};

}  // namespace

OperatorPtr make_hash_join(const Op& op, Builder& b) { return std::make_unique<HashJoinOp>(op, b); }

}  // namespace kith::engine
