// Iterates the relationships of one node that match a pattern's types and
// direction, a batch of adjacency at a time. Shared by Expand,
// VarLengthExpand and ShortestPath.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/exec/exec_context.h"
#include "query/plan/logical_plan.h"

namespace kith::engine {

// The relationship types a pattern accepts, resolved to ids.
struct TypeFilter {
  bool any = true;              // no type was written
  std::vector<RelTypeId> ids;   // the written types that exist

  static TypeFilter resolve(const std::vector<std::string>& names, ExecContext& ctx);
  bool matches_nothing() const { return !any && ids.empty(); }
};

// How many relationships of `types` (typed only; `types.any` counts none)
// `node` has in `dir`: what expanding it would walk.
uint64_t typed_degree(ExecContext& ctx, NodeId node, const TypeFilter& types, query::plan::Dir dir);

class NeighbourIterator {
 public:
  void reset(ExecContext& ctx, NodeId node, const TypeFilter& types, query::plan::Dir dir);
  // The next relationship and the node at its other end.
  bool next(RelRef& rel, NodeId& neighbour);
  // Also prefetch the relationships' property columns (the caller binds
  // them to a variable, so something may read their properties).
  void prefetch_rels(bool on) { prefetch_rels_ = on; }

  // The same relationships a run at a time, for callers that loop over
  // many (a batch filter): the edges of one (type, direction), as storage
  // holds them. Do not mix with next() between two resets. In an undirected
  // pattern the incoming run may hold a self-loop the outgoing run already
  // gave: skip an incoming edge whose neighbour is the node itself.
  struct Run {
    std::span<const Edge> edges;
    RelTypeId type = 0;
    Direction dir = Direction::Out;
  };
  bool next_run(Run& run);
  // The relationship of an edge of `run`, seen from the reset node.
  RelRef rel_of(const Run& run, const Edge& e) const { return rel_of(run.type, run.dir, e); }

 private:
  bool advance_cursor();
  RelRef rel_of(RelTypeId type, Direction dir, const Edge& e) const {
    return dir == Direction::Out ? RelRef{e.rel, type, node_, e.neighbour}
                                 : RelRef{e.rel, type, e.neighbour, node_};
  }

  ExecContext* ctx_ = nullptr;
  NodeId node_ = 0;
  const TypeFilter* types_ = nullptr;
  query::plan::Dir dir_ = query::plan::Dir::Out;
  // Typed iteration: which (type, direction) pair is current.
  size_t type_pos_ = 0;
  int dir_pos_ = 0;
  // The current list's next batch (empty: its end).
  std::span<const Edge> next_cursor_batch();
  std::optional<storage::AdjacencyCursor> cursor_;
  // With a read snapshot the list comes whole, without the cursor.
  std::span<const Edge> direct_;
  bool use_direct_ = false;
  bool cursor_live_ = false;  // cursor_ is on the current (type, direction)
  RelTypeId cursor_type_ = 0;
  Direction cursor_dir_ = Direction::Out;
  std::span<const Edge> batch_;
  size_t pos_ = 0;
  static constexpr size_t kPrefetchDistance = 8;  // edges; measured on LDBC IC3/IC9
  bool prefetch_rels_ = false;
  // Any-type iteration: gathered up front, in runs of one (type, direction).
  struct GatheredRun {
    size_t end;  // in gathered_
    RelTypeId type;
    Direction dir;
  };
  std::vector<Edge> gathered_;
  std::vector<GatheredRun> gathered_runs_;
  size_t run_pos_ = 0;
  bool use_gathered_ = false;
};

}  // namespace kith::engine
