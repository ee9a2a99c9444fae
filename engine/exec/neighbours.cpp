#include "engine/exec/neighbours.h"

namespace kith::engine {

using query::plan::Dir;

TypeFilter TypeFilter::resolve(const std::vector<std::string>& names, ExecContext& ctx) {
  TypeFilter f;
  f.any = names.empty();
  for (const auto& n : names) {
    if (auto id = ctx.rel_type(n)) f.ids.push_back(*id);
  }
  return f;
}

uint64_t typed_degree(ExecContext& ctx, NodeId node, const TypeFilter& types, Dir dir) {
  uint64_t n = 0;
  for (RelTypeId t : types.ids) {
    if (dir != Dir::In) n += ctx.txn.degree(node, t, Direction::Out);
    if (dir != Dir::Out) n += ctx.txn.degree(node, t, Direction::In);
  }
  return n;
}

void NeighbourIterator::reset(ExecContext& ctx, NodeId node, const TypeFilter& types, Dir dir) {
  ctx_ = &ctx;
  node_ = node;
  types_ = &types;
  dir_ = dir;
  type_pos_ = 0;
  dir_pos_ = 0;
  cursor_live_ = false;
  batch_ = {};
  pos_ = 0;
  gathered_.clear();
  gathered_runs_.clear();
  run_pos_ = 0;
  use_gathered_ = types.any;
  // One type, one direction (a post's creator, a forum's posts): its one
  // list is looked up now; the first next_run() or next() returns it.
  if (!types.any && types.ids.size() == 1 && dir != Dir::Both) {
    advance_cursor();
    return;
  }
  if (use_gathered_) {
    ctx.txn.for_each_edge(node, [&](RelTypeId type, Direction d, const Edge& e) {
      if (dir == Dir::Out && d != Direction::Out) return;
      if (dir == Dir::In && d != Direction::In) return;
      // An undirected pattern meets a self-loop once, not once per end.
      if (dir == Dir::Both && d == Direction::In && e.neighbour == node) return;
      if (gathered_runs_.empty() || gathered_runs_.back().type != type ||
          gathered_runs_.back().dir != d) {
        gathered_runs_.push_back({gathered_.size(), type, d});
      }
      gathered_.push_back(e);
      gathered_runs_.back().end = gathered_.size();
    });
  }
}

bool NeighbourIterator::next_run(Run& run) {
  if (use_gathered_) {
    if (run_pos_ >= gathered_runs_.size()) return false;
    const GatheredRun& g = gathered_runs_[run_pos_];
    const size_t begin = run_pos_ == 0 ? 0 : gathered_runs_[run_pos_ - 1].end;
    ++run_pos_;
    run = {std::span<const Edge>(gathered_.data() + begin, g.end - begin), g.type, g.dir};
    return true;
  }
  for (;;) {
    if (cursor_live_) {
      const std::span<const Edge> batch = next_cursor_batch();
      if (!batch.empty()) {
        run = {batch, cursor_type_, cursor_dir_};
        return true;
      }
      cursor_live_ = false;
    }
    if (!advance_cursor()) return false;
  }
}

std::span<const Edge> NeighbourIterator::next_cursor_batch() {
  if (!use_direct_) return cursor_->next_batch();
  const std::span<const Edge> all = direct_;
  direct_ = {};
  return all;
}

bool NeighbourIterator::advance_cursor() {
  // Directions to visit for this pattern: Out, In, or both in turn.
  const int dir_count = dir_ == Dir::Both ? 2 : 1;
  while (type_pos_ < types_->ids.size()) {
    if (dir_pos_ < dir_count) {
      cursor_type_ = types_->ids[type_pos_];
      cursor_dir_ = dir_ == Dir::In || (dir_ == Dir::Both && dir_pos_ == 1) ? Direction::In
                                                                             : Direction::Out;
      ++dir_pos_;
      if (ctx_->txn.snapshot_edges(node_, cursor_type_, cursor_dir_, direct_)) {
        use_direct_ = true;
        cursor_live_ = true;
        return true;
      }
      use_direct_ = false;
      // One cursor per iterator, moved from list to list: no allocation
      // per expanded node.
      if (cursor_) {
        cursor_->reset(node_, cursor_type_, cursor_dir_);
      } else {
        cursor_.emplace(ctx_->txn.adjacency(node_, cursor_type_, cursor_dir_));
      }
      cursor_live_ = true;
      return true;
    }
    dir_pos_ = 0;
    ++type_pos_;
  }
  return false;
}

bool NeighbourIterator::next(RelRef& rel, NodeId& neighbour) {
  if (use_gathered_) {
    if (pos_ >= gathered_.size()) return false;
    while (gathered_runs_[run_pos_].end <= pos_) ++run_pos_;
    const GatheredRun& g = gathered_runs_[run_pos_];
    const Edge& e = gathered_[pos_++];
    neighbour = e.neighbour;
    rel = rel_of(g.type, g.dir, e);
    return true;
  }
  for (;;) {
    while (pos_ < batch_.size()) {
      // Whoever reads these rows reads the neighbours' columns next:
      // start those cache misses a few rows early, so they overlap.
      if (pos_ + kPrefetchDistance < batch_.size()) {
        const Edge& ahead = batch_[pos_ + kPrefetchDistance];
        ctx_->txn.prefetch_node(ahead.neighbour);
        if (prefetch_rels_) ctx_->txn.prefetch_rel(ahead.rel);
      }
      const Edge& e = batch_[pos_++];
      if (dir_ == Dir::Both && cursor_dir_ == Direction::In && e.neighbour == node_) continue;
      neighbour = e.neighbour;
      rel = rel_of(cursor_type_, cursor_dir_, e);
      return true;
    }
    if (cursor_live_) {
      batch_ = next_cursor_batch();
      pos_ = 0;
      if (!batch_.empty()) continue;
      cursor_live_ = false;
    }
    if (!advance_cursor()) return false;
  }
}

}  // namespace kith::engine
