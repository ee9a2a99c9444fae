// Private to storage/: an immutable in-memory picture of one committed LMDB
// version, so that read transactions of that version answer record and
// adjacency reads without B-tree descents (each one ~0.5-2 us of
// cache-missing binary searches).
//
// Records are not copied: the tables hold pointers into the memory map. The
// pages of version V stay mapped and unchanged while any read transaction of
// V is open, and only transactions of V (which pin them) use V's snapshot.
// Map growth moves the mapping, so it drops the snapshot (grow_map,
// adopt_map_size in graph_store.cpp; the policy is in snapshot_keeper.cpp).
//
// Adjacency is a CSR with the list directory inline: per node one block in
// a single Edge array, a few header words (one per non-empty (type,
// direction), in adj key order) followed by the edges of those lists in the
// order the LMDB cursor gives ((neighbour, rel) ascending). A lookup touches
// the node's index entry and then one contiguous block: two cache misses
// where a separate segment table costs three.
//
// Fixed-width properties that most nodes (or rels) of an id range have are
// also copied into dense columns (property_columns.h), and so are the edges
// of (type, direction) pairs that most nodes have exactly one of
// (single_edge_columns.h).
#pragma once

#include <lmdb.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "storage/graph_store.h"
#include "storage/property_columns.h"
#include "storage/single_edge_columns.h"
#include "storage/schema.h"
#include "storage/snapshot_info.h"

namespace kith::storage {

class ReadSnapshot {
 public:
  // What a record lookup found. AskLmdb: the snapshot does not hold this
  // record (a record too large for the packed length): read it from LMDB.
  enum class Lookup { Found, Missing, AskLmdb };

  // The estimated size of a snapshot of `txn`'s version, from LMDB's entry
  // counts (no scan).
  static uint64_t estimate_bytes(MDB_txn* txn, const Dbis& dbis);
  // The same without the columns: what they may take at most.
  static uint64_t base_bytes(MDB_txn* txn, const Dbis& dbis);

  // Builds the snapshot of `txn`'s version by sequential scans. Returns null
  // when `cancelled()` became true (checked every few thousand entries) or
  // when the file cannot be pictured (then `why` says why).
  static std::shared_ptr<const ReadSnapshot> build(MDB_txn* txn, const Dbis& dbis,
                                                   const std::function<bool()>& cancelled,
                                                   std::string& why);

  uint64_t version() const { return version_; }  // mdb_txn_id of the pictured version
  uint64_t bytes() const;                        // heap memory held

  Lookup node_record(NodeId id, MDB_val& out) const {
    return id < nodes_.size() ? unpack(nodes_[id].record, out) : Lookup::Missing;
  }
  Lookup rel_record(RelId id, MDB_val& out) const {
    return id < rels_.size() ? unpack(rels_[id], out) : Lookup::Missing;
  }
  // A bitset (one bit per id) rather than the record table: small enough to
  // stay in cache.
  bool node_exists(NodeId id) const { return id < nodes_.size() && bit(exists_, id); }

  // 1 / 0 when the label bitsets know, -1 when the label has none (ids from
  // kLabelBits on): decode the record. The node must exist.
  int has_label(NodeId id, LabelId label) const {
    if (label >= kLabelBits) return -1;
    // Labels below kLabelBits that no node has get no bitset.
    if (label >= label_bits_.size() || label_bits_[label].empty()) return 0;
    return bit(label_bits_[label], id);
  }

  // True when a column holds node `id`'s (rel `id`'s) value of `key`: then
  // the entity exists and `out` is the value. False: read the record.
  bool node_property(NodeId id, PropKeyId key, Value& out) const { return node_columns_.find(id, key, out); }
  bool rel_property(RelId id, PropKeyId key, Value& out) const { return rel_columns_.find(id, key, out); }
  // The same as a kind and 64 bits (PropertyColumns::find_bits).
  bool node_scalar_property(NodeId id, PropKeyId key, ValueType& type, int64_t& bits) const {
    return node_columns_.find_bits(id, key, type, bits);
  }
  bool rel_scalar_property(RelId id, PropKeyId key, ValueType& type, int64_t& bits) const {
    return rel_columns_.find_bits(id, key, type, bits);
  }
  bool has_node_property_column(PropKeyId key) const { return node_columns_.has(key); }
  ScalarColumnView node_column(PropKeyId key) const { return node_columns_.view(key); }
  ScalarColumnView rel_column(PropKeyId key) const { return rel_columns_.view(key); }
  LabelBitsView label_bits(LabelId label) const {
    if (label >= kLabelBits) return {};
    if (label >= label_bits_.size() || label_bits_[label].empty()) return {true, 0, nullptr};
    const auto& b = label_bits_[label];
    return {true, b.size() * 64, b.data()};
  }
  void prefetch_node(NodeId id) const { node_columns_.prefetch(id); single_edges_.prefetch(id); }
  void prefetch_rel(RelId id) const { rel_columns_.prefetch(id); }
  void prefetch_adjacency(NodeId id, int stage) const {
    if (id >= nodes_.size()) return;
    if (stage == 0) {
      __builtin_prefetch(&nodes_[id]);
    } else {
      __builtin_prefetch(edges_.data() + (nodes_[id].block >> 24));
    }
  }
  size_t property_columns() const { return node_columns_.column_count() + rel_columns_.column_count(); }
  size_t single_edge_columns() const { return single_edges_.column_count(); }

  std::span<const Edge> edges(NodeId node, RelTypeId type, Direction dir) const;

  // Every list of `node` in key order: fn(type, direction, edges).
  template <typename Fn>
  void for_each_list(NodeId node, Fn&& fn) const {
    const Block b = block(node);
    for (uint64_t i = 0; i < b.lists; ++i) {
      const uint64_t key = b.header(i) & kKeyMask;
      fn(static_cast<RelTypeId>(key >> 1), static_cast<Direction>(key & 1), b.list(i));
    }
  }

  // Labels with an id below this get a bitset (one bit per node each).
  static constexpr size_t kLabelBits = 64;

 private:
  // A record's place in the map: pointer << 16 | length (user-space
  // addresses have 48 bits); 0 = no record; length kLongRecord = ask LMDB.
  using Packed = uint64_t;
  static constexpr uint64_t kLongRecord = 0xFFFF;

  // A node's adjacency block. Its index entry: block offset in edges_ << 24
  // | number of lists. Header word i, two to an Edge slot: the end of list i
  // (in edges after the headers) << 24 | its (type << 1 | dir); list i
  // begins where list i - 1 ends.
  static constexpr uint64_t kKeyMask = 0xFFFFFF;
  struct Block {
    const Edge* slots = nullptr;
    uint64_t lists = 0;
    uint64_t header(uint64_t i) const { return (i & 1) ? slots[i >> 1].rel : slots[i >> 1].neighbour; }
    const Edge* data() const { return slots + (lists + 1) / 2; }
    std::span<const Edge> list(uint64_t i) const {
      return {data() + (i == 0 ? 0 : header(i - 1) >> 24), data() + (header(i) >> 24)};
    }
  };
  Block block(NodeId node) const {
    if (node >= nodes_.size()) return {};
    const uint64_t entry = nodes_[node].block;
    return {edges_.data() + (entry >> 24), entry & kKeyMask};
  }
  static int bit(const std::vector<uint64_t>& bits, uint64_t i) {
    return static_cast<int>((bits[i >> 6] >> (i & 63)) & 1);
  }

  static Lookup unpack(Packed p, MDB_val& out) {
    if (p == 0) return Lookup::Missing;
    const uint64_t length = p & 0xFFFF;
    if (length == kLongRecord) return Lookup::AskLmdb;
    out.mv_size = length;
    out.mv_data = reinterpret_cast<void*>(p >> 16);
    return Lookup::Found;
  }

  friend struct SnapshotBuilder;  // read_snapshot.cpp
  uint64_t version_ = 0;
  // A node's record and its adjacency block side by side: a traversal reads
  // both of the nodes it reaches, and one cache line then serves the two.
  struct NodeEntry {
    Packed record = 0;
    uint64_t block = 0;  // offset in edges_ << 24 | number of lists
  };
  std::vector<NodeEntry> nodes_;
  std::vector<Packed> rels_;
  std::vector<uint64_t> exists_;                   // [node / 64]
  std::vector<std::vector<uint64_t>> label_bits_;  // [label][node / 64]
  std::vector<Edge> edges_;                        // the blocks, in node order
  PropertyColumns node_columns_, rel_columns_;
  SingleEdgeColumns single_edges_;
};

}  // namespace kith::storage
