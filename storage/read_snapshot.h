// Private to storage/: an immutable in-memory picture of one committed LMDB
// version, so that read transactions of that version answer record and
// adjacency reads without B-tree descents (each one ~0.5-2 us of
// cache-missing binary searches).
//
// Records are not copied: the tables hold pointers into the memory map. The
// pages of version V stay mapped and unchanged while any read transaction of
// V is open, and only transactions of V (which pin them) use V's snapshot.
// Map growth moves the mapping, so it drops the snapshot (store_impl.h).
//
// Adjacency is a CSR: per node a range of list segments (one per non-empty
// (type, direction), in adj key order), each a range of one contiguous Edge
// array, in the order the LMDB cursor gives ((neighbour, rel) ascending).
#pragma once

#include <lmdb.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "storage/graph_store.h"
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

  // Builds the snapshot of `txn`'s version by sequential scans. Returns null
  // when `cancelled()` became true (checked every few thousand entries) or
  // when the file cannot be pictured (then `why` says why).
  static std::shared_ptr<const ReadSnapshot> build(MDB_txn* txn, const Dbis& dbis,
                                                   const std::function<bool()>& cancelled,
                                                   std::string& why);

  uint64_t version() const { return version_; }  // mdb_txn_id of the pictured version
  uint64_t bytes() const;                        // heap memory held

  Lookup node_record(NodeId id, MDB_val& out) const { return lookup(nodes_, id, out); }
  Lookup rel_record(RelId id, MDB_val& out) const { return lookup(rels_, id, out); }
  bool node_exists(NodeId id) const { return id < nodes_.size() && nodes_[id] != 0; }

  // 1 / 0 when the label bitsets know, -1 when the label has none (ids from
  // kLabelBits on): decode the record. The node must exist.
  int has_label(NodeId id, LabelId label) const {
    if (label >= kLabelBits) return -1;
    // Labels below kLabelBits that no node has get no bitset.
    if (label >= label_bits_.size() || label_bits_[label].empty()) return 0;
    return static_cast<int>((label_bits_[label][id >> 6] >> (id & 63)) & 1);
  }

  std::span<const Edge> edges(NodeId node, RelTypeId type, Direction dir) const;
  // Every list of `node` in key order: fn(type, direction, edges).
  template <typename Fn>
  void for_each_list(NodeId node, Fn&& fn) const {
    if (node + 1 >= node_segments_.size()) return;
    for (uint64_t s = node_segments_[node]; s < node_segments_[node + 1]; ++s) {
      const uint32_t key = segments_[s].key;
      fn(static_cast<RelTypeId>(key >> 1), static_cast<Direction>(key & 1), segment_edges(s));
    }
  }

  // Labels with an id below this get a bitset (one bit per node each).
  static constexpr size_t kLabelBits = 64;

 private:
  // A record's place in the map: pointer << 16 | length (user-space
  // addresses have 48 bits); 0 = no record; length kLongRecord = ask LMDB.
  using Packed = uint64_t;
  static constexpr uint64_t kLongRecord = 0xFFFF;

  // One adjacency list: where its edges start and its (type << 1 | dir).
  // The list ends where the next segment starts (a sentinel closes the last).
  struct Segment {
    uint64_t begin : 40;
    uint64_t key : 24;
  };

  static Lookup lookup(const std::vector<Packed>& table, uint64_t id, MDB_val& out) {
    if (id >= table.size() || table[id] == 0) return Lookup::Missing;
    const uint64_t length = table[id] & 0xFFFF;
    if (length == kLongRecord) return Lookup::AskLmdb;
    out.mv_size = length;
    out.mv_data = reinterpret_cast<void*>(table[id] >> 16);
    return Lookup::Found;
  }
  std::span<const Edge> segment_edges(uint64_t s) const {
    return {edges_.data() + segments_[s].begin, edges_.data() + segments_[s + 1].begin};
  }

  friend struct SnapshotBuilder;  // read_snapshot.cpp
  uint64_t version_ = 0;
  std::vector<Packed> nodes_, rels_;
  std::vector<std::vector<uint64_t>> label_bits_;  // [label][node / 64]
  std::vector<uint64_t> node_segments_;           // [node] -> first segment; size nodes + 1
  std::vector<Segment> segments_;                  // + sentinel
  std::vector<Edge> edges_;
};

}  // namespace kith::storage
