// Functions over nodes, relationships and paths: they read the store, so
// they live beside the evaluator rather than in the scalar registry.
//   id, labels, type, properties, keys, startNode, endNode, nodes,
//   relationships, length, and __path (the planner's path constructor:
//   alternating node and relationship-or-list-of-relationships arguments).
#pragma once

#include <span>
#include <string_view>

#include "engine/exec/exec_context.h"

namespace kith::engine {

using GraphFunction = Value (*)(std::span<const Value> args, ExecContext& ctx);

GraphFunction find_graph_function(std::string_view name);

// Builds a node's property map, keys sorted (properties(n), JSON output).
Value::Map node_properties(NodeId id, ExecContext& ctx);
Value::Map rel_properties(RelId id, ExecContext& ctx);

}  // namespace kith::engine
