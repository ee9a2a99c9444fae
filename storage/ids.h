// Dense integer ids used throughout the engine. Node and relationship ids are
// assigned in increasing order and never reused; catalog ids (labels,
// relationship types, property keys) are small and dense.
#pragma once

#include <cstdint>
#include <limits>

namespace kith {

using NodeId = uint64_t;
using RelId = uint64_t;
using LabelId = uint32_t;
using RelTypeId = uint32_t;
using PropKeyId = uint32_t;
using IndexId = uint32_t;

inline constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();
inline constexpr uint32_t kNoId = std::numeric_limits<uint32_t>::max();

// Node ids must fit in 40 bits and relationship type ids in 23 bits: the
// adjacency key packs (node, type, direction) into one 64-bit integer.
inline constexpr NodeId kMaxNodeId = (NodeId{1} << 40) - 1;
inline constexpr RelTypeId kMaxRelTypeId = (RelTypeId{1} << 23) - 1;

enum class Direction : uint8_t { Out = 0, In = 1 };

// One adjacency entry: the node at the other end and the relationship id.
// Stored native-endian so a batch read from LMDB is used without copying.
struct Edge {
  NodeId neighbour;
  RelId rel;
};
static_assert(sizeof(Edge) == 16);

}  // namespace kith
