// The LMDB sub-databases of a kith file, their flags and the fixed keys in
// `meta` and `stats` (layout overview: storage/graph_store.h, docs/storage.md).
// Shared by GraphStore and BulkLoader so both write the same format.
#pragma once

#include <lmdb.h>

#include <cstdint>
#include <string_view>

#include "storage/ids.h"

namespace kith::storage {

// Bump when the on-disk format changes incompatibly.
inline constexpr uint32_t kFormatVersion = 1;

struct Dbis {
  MDB_dbi meta = 0, catalog = 0, nodes = 0, rels = 0, adj = 0, labelidx = 0, propidx = 0,
          stats = 0;
};

// Opens (with `create`: creates) every sub-database and installs the
// comparators. LMDB keeps the handles for the environment's lifetime once
// `txn` commits.
void open_dbis(MDB_txn* txn, Dbis& dbis, bool create);

// `meta` keys (string keys, u64 little-endian values unless noted).
inline constexpr std::string_view kMetaFormat = "format_version";  // u32
inline constexpr std::string_view kMetaNextNode = "next_node";
inline constexpr std::string_view kMetaNextRel = "next_rel";
inline constexpr std::string_view kMetaNextIndex = "next_index";
inline constexpr std::string_view kMetaCatalogVersion = "catalog_version";

// `stats` keys: a u64 (kind << 32 | id), MDB_INTEGERKEY, value u64 count.
// IndexValues: distinct values (keys) in one property index, by index id.
enum class StatKind : uint64_t { Nodes = 1, Label = 2, Rels = 3, RelType = 4, IndexValues = 5 };
inline uint64_t stat_key(StatKind kind, uint32_t id = 0) {
  return (static_cast<uint64_t>(kind) << 32) | id;
}

// Adjacency key: node << 24 | type << 1 | dir. All (type, dir) lists of one
// node are adjacent in key order, so a node's edges are one range.
inline uint64_t adj_key(NodeId node, RelTypeId type, Direction dir) {
  return (node << 24) | (static_cast<uint64_t>(type) << 1) | static_cast<uint64_t>(dir);
}
inline NodeId adj_key_node(uint64_t key) { return key >> 24; }
inline RelTypeId adj_key_type(uint64_t key) {
  return static_cast<RelTypeId>((key >> 1) & kMaxRelTypeId);
}
inline Direction adj_key_dir(uint64_t key) { return static_cast<Direction>(key & 1); }

// Edges of one adjacency list are ordered by (neighbour, rel) as integers,
// so neighbour lists come out sorted (merge joins, intersections).
inline bool edge_less(const Edge& a, const Edge& b) {
  return a.neighbour != b.neighbour ? a.neighbour < b.neighbour : a.rel < b.rel;
}

// Small helpers to view integers as MDB_val without copies.
template <typename T>
inline MDB_val as_val(const T& v) {
  return MDB_val{sizeof(T), const_cast<T*>(&v)};
}
inline MDB_val as_val(std::string_view s) {
  return MDB_val{s.size(), const_cast<char*>(s.data())};
}
inline std::string_view as_view(const MDB_val& v) {
  return {static_cast<const char*>(v.mv_data), v.mv_size};
}
uint64_t read_u64(const MDB_val& v);  // unaligned-safe

}  // namespace kith::storage
