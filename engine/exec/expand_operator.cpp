// Expand: one hop from a bound node along matching relationships.
#include <algorithm>

#include "engine/exec/batch_filter.h"
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
      : ctx_(b.ctx()), child_(b.build(*op.children.at(0))), from_(op.from),
        rel_(op.rel_unread ? query::plan::kNoSlot : op.rel),
        to_(op.to), dir_(op.dir), into_(op.into), uniqueness_(op.rel_uniqueness),
        type_names_(op.types) {}

  // The Filter above fused in (batch_filter.h); `shadow` stands for this
  // Expand in PROFILE and counts the relationships walked.
  void fuse(std::unique_ptr<BatchFilter> filter, Operator* shadow) {
    filter_ = std::move(filter);
    shadow_ = shadow;
  }

  void do_open(Row& row) override {
    // Opened once per outer row under an Apply (IC5: 10k forums): a
    // read-only statement cannot create a type, so resolve them once.
    if (!types_resolved_ || ctx_.txn.writable()) {
      types_ = TypeFilter::resolve(type_names_, ctx_);
      types_resolved_ = true;
    }
    it_.prefetch_rels(rel_ != query::plan::kNoSlot);
    child_->open(row);
    have_input_ = false;
    from_table_ = false;
    batch_pos_ = batch_size_ = 0;
    batch_cap_ = kFirstBatch;
    run_ = {};
    slice_ = 0;
  }

  bool do_next(Row& row) override {
    if (types_.matches_nothing()) return false;
    if (filter_) return next_filtered(row);
    for (;;) {
      if (from_table_) {
        while (table_pos_ < table_end_) {
          const RelRef& r = table_.rels[table_pos_++].second;
          if (!uniqueness_.empty() && rel_used(row, uniqueness_, r.id)) continue;
          if (rel_ != query::plan::kNoSlot) row[rel_] = r;
          return true;
        }
        from_table_ = false;
      }
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
      NodeId start = source.as_node().id;
      query::plan::Dir dir = dir_;
      if (into_) {
        const Value& t = row[to_];
        if (t.type() != ValueType::Node) continue;
        target_ = t.as_node().id;
        // Both ends are bound: walk the relationships of the end that has
        // fewer (a post's two tags, not a tag's thousands of posts), or
        // look the start up in the target's table.
        if (!types_.any && target_ != start) {
          if (use_table(start)) continue;
          const uint64_t to_target = target_degree(target_, reverse(dir_));
          const uint64_t from_start = degree(start, dir_);
          table_.walked += std::min(to_target, from_start);
          if (to_target < from_start) {
            std::swap(start, target_);
            dir = reverse(dir_);
          }
        }
      }
      it_.reset(ctx_, start, types_, dir);
      have_input_ = true;
    }
  }

  // With a fused Filter: the relationships come a run of storage's edges
  // at a time, each slice of a run is classified by the Filter's leading
  // tests, and only the candidates it keeps become rows (the rest of the
  // Filter runs on those, in order). No copy of the edges is made.
  bool next_filtered(Row& row) {
    for (;;) {
      while (batch_pos_ < batch_size_) {
        const size_t i = batch_pos_++;
        if (verdicts_[i] == Verdict::Drop) continue;
        const Edge& e = run_.edges[slice_ + i];
        // An undirected pattern meets a self-loop once (its outgoing run).
        if (dir_ == query::plan::Dir::Both && run_.dir == Direction::In && e.neighbour == start_) {
          continue;
        }
        const RelRef r = it_.rel_of(run_, e);
        if (!uniqueness_.empty() && rel_used(row, uniqueness_, r.id)) continue;
        if (rel_ != query::plan::kNoSlot) row[rel_] = r;
        row[to_] = NodeRef{e.neighbour};
        if (filter_->accept(row, ctx_, verdicts_[i])) return true;
      }
      slice_ += batch_size_;
      batch_pos_ = batch_size_ = 0;
      if (slice_ >= run_.edges.size()) {
        if (have_input_ && it_.next_run(run_)) {
          slice_ = 0;
        } else {
          have_input_ = false;
          run_ = {};
          slice_ = 0;
          if (!child_->next(row)) return false;
          ctx_.check_interrupt();
          const Value& source = row[from_];
          if (source.type() != ValueType::Node) continue;  // null after OPTIONAL MATCH
          start_ = source.as_node().id;
          it_.reset(ctx_, start_, types_, dir_);
          have_input_ = true;
          continue;
        }
      }
      classify_slice(row);
    }
  }

  // Slices start small (a LIMIT above may want one row), then grow.
  static constexpr size_t kFirstBatch = 32, kMaxBatch = 1024;
  void classify_slice(Row& row) {
    if (verdicts_.size() < kMaxBatch) verdicts_.resize(kMaxBatch);
    const size_t n = std::min(batch_cap_, run_.edges.size() - slice_);
    if (n == batch_cap_) batch_cap_ = std::min(batch_cap_ * 2, kMaxBatch);
    ctx_.check_interrupt(n);
    if (shadow_) shadow_->rows_out += n;
    filter_->classify(ctx_, row, run_.edges.data() + slice_, n, verdicts_.data());
    batch_pos_ = 0;
    batch_size_ = n;
  }

  ExecContext& ctx_;
  OperatorPtr child_;
  SlotId from_, rel_, to_;
  query::plan::Dir dir_;
  bool into_;
  std::vector<SlotId> uniqueness_;
  std::vector<std::string> type_names_;
  TypeFilter types_;
  bool types_resolved_ = false;
  static query::plan::Dir reverse(query::plan::Dir d) {
    using query::plan::Dir;
    return d == Dir::Out ? Dir::In : d == Dir::In ? Dir::Out : Dir::Both;
  }

  uint64_t degree(NodeId node, query::plan::Dir dir) { return typed_degree(ctx_, node, types_, dir); }

  // The target's degree, remembered for the next row: the bound end is
  // often the same node for a long run of rows (a tag seeked once per
  // friend, checked against each of the friend's posts).
  uint64_t target_degree(NodeId node, query::plan::Dir dir) {
    if (!degree_known_ || node != degree_node_) {
      degree_node_ = node;
      degree_ = degree(node, dir);
      degree_known_ = !ctx_.txn.writable();  // a write could change it
    }
    return degree_;
  }
  // Expand-into against a target that stays the same over many rows (a
  // tag seeked once, checked against every post of every friend): once the
  // rows have walked as many relationships as the target has (so building
  // costs at most what was already spent), the target's relationships go
  // into a table sorted by the node at their other end, and each further
  // row is a binary search. Read-only transactions only; a target with more
  // than kMaxTable relationships keeps the walk.
  static constexpr uint64_t kMaxTable = 1 << 18;
  struct IntoTable {
    NodeId target = 0;
    bool built = false;
    uint64_t walked = 0;  // relationships walked row by row for this target
    std::vector<std::pair<NodeId, RelRef>> rels;  // sorted by the other end
  };

  // True when the rows of `start` come from the table (from_table_ set).
  bool use_table(NodeId start) {
    if (table_.target != target_ || ctx_.txn.writable()) {
      table_ = IntoTable{};
      table_.target = target_;
      return false;
    }
    if (!table_.built) {
      const uint64_t size = target_degree(target_, reverse(dir_));
      if (table_.walked < size || size > kMaxTable) return false;
      NeighbourIterator all;
      all.reset(ctx_, target_, types_, reverse(dir_));
      RelRef r;
      NodeId n;
      while (all.next(r, n)) table_.rels.emplace_back(n, r);
      std::stable_sort(table_.rels.begin(), table_.rels.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      table_.built = true;
    }
    auto lo = std::lower_bound(table_.rels.begin(), table_.rels.end(), start,
                               [](const auto& e, NodeId n) { return e.first < n; });
    auto hi = std::find_if(lo, table_.rels.end(), [&](const auto& e) { return e.first != start; });
    table_pos_ = static_cast<size_t>(lo - table_.rels.begin());
    table_end_ = static_cast<size_t>(hi - table_.rels.begin());
    from_table_ = true;
    return true;
  }
  IntoTable table_;
  bool from_table_ = false;
  size_t table_pos_ = 0, table_end_ = 0;

  bool degree_known_ = false;
  NodeId degree_node_ = 0;
  uint64_t degree_ = 0;

  NeighbourIterator it_;
  bool have_input_ = false;
  NodeId target_ = 0;

  std::unique_ptr<BatchFilter> filter_;
  Operator* shadow_ = nullptr;
  NodeId start_ = 0;
  NeighbourIterator::Run run_;  // the current run; [slice_, slice_ + batch_size_) classified
  size_t slice_ = 0;
  std::vector<Verdict> verdicts_;
  size_t batch_pos_ = 0, batch_size_ = 0, batch_cap_ = kFirstBatch;
};

}  // namespace

OperatorPtr make_expand(const Op& op, Builder& b) {
  const auto bound = b.take_bound(op);
  auto expand = std::make_unique<ExpandOp>(op, b);
  // A TopBound right above: its check, batched, is worth a filter alone.
  if (bound && !op.into && !b.ctx().txn.writable()) {
    auto filter = BatchFilter::make_empty();
    if (filter->add_bound(*bound, op)) expand->fuse(std::move(filter), nullptr);
  }
  return expand;
}

OperatorPtr make_filtered_expand(const Op& filter, Builder& b) {
  const Op& expand = *filter.children.at(0);
  if (!BatchFilter::applies(filter, expand, b.ctx())) return nullptr;
  const auto bound = b.take_bound(filter);
  auto op = std::make_unique<ExpandOp>(expand, b);
  auto batch = BatchFilter::make(filter, expand, b);
  if (bound) batch->add_bound(*bound, expand);
  op->fuse(std::move(batch), b.fused_stand_in(expand));
  return op;
}

}  // namespace kith::engine
