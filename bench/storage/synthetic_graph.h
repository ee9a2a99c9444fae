// A reproducible synthetic graph with a skewed, social-network-like degree
// distribution, for the storage benchmark.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kith::bench {

struct SyntheticEdge {
  uint32_t source;  // node index 0 .. nodes-1
  uint32_t target;
};

// Each relationship picks its source with probability proportional to a
// per-node "activity" weight and its target proportional to an independent
// "popularity" weight; both weights are Pareto distributed (shape `shape`), so
// a few hubs hold many edges and most nodes have a handful. Edges come out in
// random order, as an application would create them.
std::vector<SyntheticEdge> generate_edges(uint32_t nodes, uint64_t rels, uint64_t seed,
                                          double shape = 1.8);

// One line per direction: mean, median, p99, max degree, isolated nodes, and
// the share of edges held by the top 1% of nodes.
std::string describe_degrees(const std::vector<SyntheticEdge>& edges, uint32_t nodes);

}  // namespace kith::bench
