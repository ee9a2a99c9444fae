#include "bench/storage/synthetic_graph.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <random>
#include <sstream>

namespace kith::bench {

namespace {

std::vector<double> pareto_weights(uint32_t nodes, double shape, std::mt19937_64& random) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<double> weights(nodes);
  for (double& w : weights) w = std::pow(1.0 - unit(random), -1.0 / shape);  // >= 1
  return weights;
}

std::string describe(std::vector<uint64_t> degree, uint64_t edges, const char* name) {
  const size_t n = degree.size();
  std::sort(degree.begin(), degree.end(), std::greater<>());
  const uint64_t isolated = static_cast<uint64_t>(std::count(degree.begin(), degree.end(), 0));
  const size_t top = std::max<size_t>(1, n / 100);
  const uint64_t top_edges = std::accumulate(degree.begin(), degree.begin() + static_cast<long>(top), uint64_t{0});
  std::ostringstream out;
  out << name << ": mean " << static_cast<double>(edges) / static_cast<double>(n)
      << ", median " << degree[n / 2] << ", p99 " << degree[n / 100] << ", max " << degree[0]
      << ", " << isolated << " nodes with none, top 1% of nodes hold "
      << 100.0 * static_cast<double>(top_edges) / static_cast<double>(edges) << "% of edges";
  return out.str();
}

}  // namespace

std::vector<SyntheticEdge> generate_edges(uint32_t nodes, uint64_t rels, uint64_t seed,
                                          double shape) {
  std::mt19937_64 random(seed);
  const std::vector<double> activity = pareto_weights(nodes, shape, random);
  const std::vector<double> popularity = pareto_weights(nodes, shape, random);
  std::discrete_distribution<uint32_t> pick_source(activity.begin(), activity.end());
  std::discrete_distribution<uint32_t> pick_target(popularity.begin(), popularity.end());
  std::vector<SyntheticEdge> edges(rels);
  for (SyntheticEdge& e : edges) {
    e.source = pick_source(random);
    e.target = pick_target(random);
  }
  return edges;
}

std::string describe_degrees(const std::vector<SyntheticEdge>& edges, uint32_t nodes) {
  std::vector<uint64_t> out(nodes);
  std::vector<uint64_t> in(nodes);
  for (const SyntheticEdge& e : edges) {
    ++out[e.source];
    ++in[e.target];
  }
  return describe(std::move(out), edges.size(), "out-degree") + "\n" +
         describe(std::move(in), edges.size(), "in-degree");
}

}  // namespace kith::bench
