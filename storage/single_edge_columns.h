// Private to storage/: for each (relationship type, direction) whose nodes
// mostly have exactly one such edge (a message's creator, its place, the post
// a comment replies to), a dense column of that edge by node id, built as
// part of a ReadSnapshot.
//
// Why: expanding 100k messages to their country reads each message's CSR
// block, a cache miss into the whole adjacency (tens of MB) after another
// into the block index. One 16-byte slot per node in a column the size of the
// node range mostly stays in cache.
//
// A column answers only for the nodes that have exactly one edge of its
// (type, direction); the others (none, or several) read the CSR as before.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "storage/column_choice.h"
#include "storage/graph_store.h"

namespace kith::storage {

class SingleEdgeColumns {
 public:
  // Building: observe() every list, choose() the keys worth a column, then
  // fill() every list again. `key` is type << 1 | direction.
  void observe(uint64_t key, NodeId node, size_t edges);
  // `node_bound`: one past the largest node id; columns take at most
  // `max_bytes` (16 per slot). False when no key qualifies.
  bool choose(uint64_t node_bound, uint64_t max_bytes);
  void fill(uint64_t key, NodeId node, std::span<const Edge> edges);

  // The one edge of `node` under `key` when a column holds it, else empty.
  std::span<const Edge> find(NodeId node, uint64_t key) const {
    if (key >= columns_.size()) return {};
    const Column& c = columns_[key];
    const uint64_t i = node - c.first;  // wraps for node < first: then too large
    if (i >= c.edges.size() || c.edges[i].rel == kNotSingle) return {};
    return {&c.edges[i], 1};
  }

  void prefetch(NodeId node) const {
    for (const Column* c : active_) {
      const uint64_t i = node - c->first;
      if (i < c->edges.size()) __builtin_prefetch(&c->edges[i]);
    }
  }
  uint64_t bytes() const;
  size_t column_count() const { return active_.size(); }

  // A key qualifies when at least kMinNodes nodes have exactly one edge of
  // it and they fill at least 1/kMaxSparseness of the node range they span;
  // columns take at most kBudgetColumns full node ranges in total.
  static constexpr uint64_t kMinNodes = 1024;
  static constexpr uint64_t kMaxSparseness = 2;
  static constexpr uint64_t kBudgetColumns = 8;

 private:
  static constexpr RelId kNotSingle = ~RelId{0};
  struct Column {
    NodeId first = 0;
    std::vector<Edge> edges;  // [node - first]; rel kNotSingle: ask the CSR
  };
  std::vector<ColumnCandidate> singles_;  // by key, while building: nodes with one edge
  std::vector<Column> columns_;  // by key; empty edges = no column
  std::vector<const Column*> active_;  // the columns that exist
};

}  // namespace kith::storage
