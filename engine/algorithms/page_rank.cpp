#include "engine/algorithms/page_rank.h"

#include <algorithm>
#include <cmath>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/page_rank.hpp>
#include <boost/range/iterator_range.hpp>
#include <unordered_map>

namespace kith::engine {

namespace {

// Boost's stopping rule: called with the latest ranks after each step; stops
// once they settle. The state lives outside because Boost copies the functor.
struct Settled {
  std::vector<double>* previous;
  int* steps;
  const PageRankOptions* options;
  ExecContext* ctx;

  template <typename RankMap, typename Graph>
  bool operator()(const RankMap& ranks, const Graph& g) {
    ctx->check_interrupt_now();
    double change = 0;
    for (auto v : boost::make_iterator_range(vertices(g))) {
      change = std::max(change, std::abs(get(ranks, v) - (*previous)[v]));
      (*previous)[v] = get(ranks, v);
    }
    return ++*steps > options->max_iterations || (*steps > 1 && change <= options->tolerance);
  }
};

}  // namespace

std::vector<std::pair<NodeId, double>> page_rank(ExecContext& ctx, const std::string& label,
                                                 const std::string& type,
                                                 const PageRankOptions& options) {
  std::vector<std::pair<NodeId, double>> out;
  auto label_id = ctx.label(label);
  if (!label_id) return out;
  std::vector<NodeId> nodes;  // dense index -> node id, ascending
  for (storage::NodeIdCursor c = ctx.txn.scan_label(*label_id);;) {
    auto batch = c.next_batch();
    if (batch.empty()) break;
    nodes.insert(nodes.end(), batch.begin(), batch.end());
    ctx.check_interrupt();
  }
  if (nodes.empty()) return out;
  std::unordered_map<NodeId, uint32_t> index;
  index.reserve(nodes.size());
  for (uint32_t i = 0; i < nodes.size(); ++i) index.emplace(nodes[i], i);

  std::vector<std::pair<uint32_t, uint32_t>> edges;
  if (auto type_id = ctx.rel_type(type)) {
    for (uint32_t i = 0; i < nodes.size(); ++i) {
      ctx.check_interrupt();
      for (Direction d : {Direction::Out, Direction::In}) {
        storage::AdjacencyCursor c = ctx.txn.adjacency(nodes[i], *type_id, d);
        for (auto batch = c.next_batch(); !batch.empty(); batch = c.next_batch()) {
          for (const Edge& e : batch) {
            auto it = index.find(e.neighbour);
            if (it != index.end()) edges.emplace_back(i, it->second);
          }
        }
      }
    }
  }
  using Graph = boost::compressed_sparse_row_graph<boost::bidirectionalS>;
  Graph g(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), nodes.size());
  std::vector<double> rank(nodes.size()), previous(nodes.size(), -1.0);
  int steps = 0;
  boost::graph::page_rank(g, boost::make_iterator_property_map(rank.begin(), get(boost::vertex_index, g)),
                          Settled{&previous, &steps, &options, &ctx}, options.damping);
  out.reserve(nodes.size());
  for (uint32_t i = 0; i < nodes.size(); ++i) out.emplace_back(nodes[i], rank[i]);
  return out;
}

}  // namespace kith::engine
