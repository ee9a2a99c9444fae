#include "storage/single_edge_columns.h"

#include <algorithm>

namespace kith::storage {

void SingleEdgeColumns::observe(uint64_t key, NodeId node, size_t edges) {
  if (edges != 1) return;
  if (key >= stats_.size()) stats_.resize(static_cast<size_t>(key) + 1);
  KeyStats& s = stats_[key];
  ++s.singles;
  s.lo = std::min(s.lo, node);
  s.hi = std::max(s.hi, node);
}

bool SingleEdgeColumns::choose(uint64_t node_bound) {
  std::vector<size_t> keys;
  for (size_t k = 0; k < stats_.size(); ++k) {
    const KeyStats& s = stats_[k];
    if (s.singles >= kMinNodes && s.singles * kMaxSparseness >= s.hi - s.lo + 1) keys.push_back(k);
  }
  // Most nodes first, so the budget goes where most reads land.
  std::sort(keys.begin(), keys.end(), [&](size_t a, size_t b) { return stats_[a].singles > stats_[b].singles; });
  uint64_t budget = kBudgetColumns * node_bound;  // in slots
  columns_.clear();
  count_ = 0;
  for (size_t k : keys) {
    const KeyStats& s = stats_[k];
    const uint64_t span = s.hi - s.lo + 1;
    if (span > budget) continue;
    budget -= span;
    if (k >= columns_.size()) columns_.resize(k + 1);
    columns_[k].first = s.lo;
    columns_[k].edges.assign(span, Edge{0, kNotSingle});
    ++count_;
  }
  stats_.clear();
  stats_.shrink_to_fit();
  return count_ != 0;
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
