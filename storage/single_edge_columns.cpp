#include "storage/single_edge_columns.h"

#include <algorithm>

namespace kith::storage {

void SingleEdgeColumns::observe(uint64_t key, NodeId node, size_t edges) {
  if (edges != 1) return;
  if (key >= singles_.size()) singles_.resize(static_cast<size_t>(key) + 1);
  singles_[key].add(node);
}

bool SingleEdgeColumns::choose(uint64_t node_bound, uint64_t max_bytes) {
  columns_.clear();
  active_.clear();
  const uint64_t budget = std::min(kBudgetColumns * node_bound, max_bytes / sizeof(Edge));
  for (size_t k : choose_columns(singles_, kMinNodes, kMaxSparseness, budget)) {
    if (k >= columns_.size()) columns_.resize(k + 1);
    columns_[k].first = singles_[k].lo;
    columns_[k].edges.assign(singles_[k].span(), Edge{0, kNotSingle});
  }
  singles_.clear();
  singles_.shrink_to_fit();
  for (const Column& col : columns_) {
    if (!col.edges.empty()) active_.push_back(&col);
  }
  return !active_.empty();
}

void SingleEdgeColumns::fill(uint64_t key, NodeId node, std::span<const Edge> edges) {
  if (edges.size() != 1 || key >= columns_.size()) return;
  Column& c = columns_[key];
  const uint64_t i = node - c.first;
  if (i < c.edges.size()) c.edges[i] = edges[0];
}

uint64_t SingleEdgeColumns::bytes() const {
  uint64_t total = columns_.capacity() * sizeof(Column);
  for (const Column& c : columns_) total += c.edges.capacity() * sizeof(Edge);
  return total;
}

}  // namespace kith::storage
