// PageRank over the subgraph of one label and one relationship type, with
// Boost.Graph on a compressed-sparse-row snapshot of that subgraph.
#pragma once

#include <utility>
#include <vector>

#include "engine/exec/exec_context.h"

namespace kith::engine {

struct PageRankOptions {
  // Iterate until no rank moves by more than `tolerance`, at most
  // `max_iterations` times.
  int max_iterations = 200;
  double tolerance = 1e-9;
  double damping = 0.85;
};

// Every node of `label` with its rank. Relationships of `type` between two
// such nodes count in both directions (KNOWS is stored once per pair and
// means a mutual tie). Ranks follow the original formulation,
// (1 - d) + d * sum(rank(u) / degree(u)): they average 1 over the nodes
// that have a relationship; a node without any has 1 - d.
std::vector<std::pair<NodeId, double>> page_rank(ExecContext& ctx, const std::string& label,
                                                 const std::string& type,
                                                 const PageRankOptions& options = {});

}  // namespace kith::engine
