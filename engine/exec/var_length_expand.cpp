// Variable-length expansion: a depth-first walk from the bound node, no
// relationship twice in one path, emitting every path whose length is in
// [min_hops, max_hops]. With `distinct_ends` (the planner proved that only
// the set of end nodes matters), a breadth-first search emits each end node
// once instead.
#include <algorithm>

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
      : ctx_(b.ctx()), child_(b.build(*op.children.at(0))), from_(op.from),
        rel_(op.rel_unread ? query::plan::kNoSlot : op.rel),
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

// The end nodes of the relationship-unique walks of length
// [min_hops <= 1, max_hops] from the bound node, each once. Every node other
// than the start is such an end exactly when its BFS distance is at most
// max_hops (a shortest walk repeats no relationship). The start is one when
// min_hops is 0, or when its shortest closed trail is at most max_hops long:
// a directed walk back into it, or, undirected, a self-loop, a second
// relationship back from a neighbour, or a non-tree relationship between two
// nodes of different BFS branches (the first relationship of their tree
// paths), which closes a trail of length dist(x) + dist(y) + 1; the shortest
// closed trail through the start shows up as one of these.
class DistinctEndsOp final : public Operator {
 public:
  DistinctEndsOp(const Op& op, Builder& b)
      : ctx_(b.ctx()), child_(b.build(*op.children.at(0))), from_(op.from), to_(op.to),
        dir_(op.dir), min_(op.min_hops), max_(op.max_hops), type_names_(op.types) {}

  void do_open(Row& row) override {
    types_ = TypeFilter::resolve(type_names_, ctx_);
    child_->open(row);
    found_.clear();
    pos_ = 0;
  }

  bool do_next(Row& row) override {
    while (pos_ == found_.size()) {
      if (!child_->next(row)) return false;
      const Value& source = row[from_];
      if (source.type() != ValueType::Node) continue;
      search(source.as_node().id);
    }
    // Whoever reads these rows expands from the nodes next (the friends'
    // messages, memberships, employers): start those cache misses early.
    if (pos_ + 2 * kPrefetch < found_.size()) ctx_.txn.prefetch_adjacency(found_[pos_ + 2 * kPrefetch], 0);
    if (pos_ + kPrefetch < found_.size()) ctx_.txn.prefetch_adjacency(found_[pos_ + kPrefetch], 1);
    row[to_] = NodeRef{found_[pos_++]};
    return true;
  }

 private:
  static constexpr size_t kPrefetch = 8;  // rows ahead (the adjacency itself; its index twice as far)

  struct Mark {
    uint32_t dist = 0;
    RelId branch = 0;  // the first relationship of the node's BFS tree path
  };

  // The marks of node ids, indexed by id. Shared by every search on this
  // thread and never cleared (a new search takes a new epoch), so a query
  // does not pay for zeroing a vector as long as the store's largest id: a
  // search runs to completion before any other starts on the thread. The
  // stamps, read for every relationship, are apart from the rest (4 bytes a
  // node, so more of them stay in cache).
  struct Marks {
    std::vector<uint32_t> stamp;
    std::vector<Mark> by_node;
    uint32_t epoch = 0;
  };
  static Marks& marks() {
    thread_local Marks m;
    return m;
  }

  // Grows the marks to cover node `n`.
  void cover(NodeId n) {
    auto& v = marks_->stamp;
    if (n < v.size()) return;
    v.resize(std::max<size_t>(n + 1, v.size() * 2));
    marks_->by_node.resize(v.size());
  }

  void search(NodeId start) {
    found_.clear();
    pos_ = 0;
    marks_ = &marks();
    if (++marks_->epoch == 0) {  // wrapped: old stamps could look current
      std::fill(marks_->stamp.begin(), marks_->stamp.end(), 0);
      marks_->epoch = 1;
    }
    const uint32_t epoch = marks_->epoch;
    bool start_found = min_ == 0;
    if (start_found) found_.push_back(start);
    if (max_ == 0 || types_.matches_nothing()) return;
    cover(start);
    marks_->stamp[start] = epoch;
    marks_->by_node[start] = Mark{0, 0};
    const bool undirected = dir_ == query::plan::Dir::Both;
    frontier_.assign(1, start);
    for (uint32_t level = 0; !frontier_.empty() && (max_ < 0 || level < max_); ++level) {
      next_.clear();
      for (NodeId x : frontier_) {
        ctx_.check_interrupt();
        const Mark xm = marks_->by_node[x];
        it_.reset(ctx_, x, types_, dir_);
        RelRef r;
        NodeId y;
        while (it_.next(r, y)) {
          cover(y);
          if (marks_->stamp[y] != epoch) {
            marks_->stamp[y] = epoch;
            marks_->by_node[y] = Mark{level + 1, level == 0 ? r.id : xm.branch};
            next_.push_back(y);
            found_.push_back(y);
            continue;
          }
          if (start_found) continue;
          const Mark& ym = marks_->by_node[y];
          // A closed trail through the start: is it short enough?
          int64_t length = -1;
          if (y == start) {
            if (!undirected || x == start || r.id != xm.branch) length = level + 1;
          } else if (undirected && x != start && ym.branch != xm.branch) {
            length = int64_t{level} + ym.dist + 1;
          }
          if (length > 0 && (max_ < 0 || length <= max_)) {
            start_found = true;
            found_.push_back(start);
          }
        }
      }
      frontier_.swap(next_);
    }
  }

  ExecContext& ctx_;
  OperatorPtr child_;
  SlotId from_, to_;
  query::plan::Dir dir_;
  int64_t min_, max_;
  std::vector<std::string> type_names_;
  TypeFilter types_;

  NeighbourIterator it_;
  Marks* marks_ = nullptr;
  std::vector<NodeId> frontier_, next_;
  std::vector<NodeId> found_;  // the current input row's end nodes
  size_t pos_ = 0;
};

}  // namespace

OperatorPtr make_var_length_expand(const Op& op, Builder& b) {
  if (op.distinct_ends) return std::make_unique<DistinctEndsOp>(op, b);
  return std::make_unique<VarLengthExpandOp>(op, b);
}

}  // namespace kith::engine
