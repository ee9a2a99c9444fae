// The storage engine's public API: a labelled property graph on LMDB.
// Nothing outside storage/ includes <lmdb.h>; everything goes through here.
//
// On-disk layout (one LMDB file, MDB_NOSUBDIR; lock file at PATH-lock). Named
// sub-databases:
//   meta      string key -> value: format version, next node/rel id, counters
//   catalog   names <-> ids of labels, relationship types, property keys;
//             index and constraint definitions
//   nodes     u64 node id (MDB_INTEGERKEY) -> [labels][properties]
//   rels      u64 rel id (MDB_INTEGERKEY)  -> [type][start][end][properties]
//   adj       u64 (node << 24 | type << 1 | dir), MDB_INTEGERKEY | MDB_DUPSORT
//             | MDB_DUPFIXED -> 16-byte Edge {neighbour, rel}, ordered by
//             (neighbour, rel) as integers (a custom dupsort comparator); read
//             a page at a time with MDB_GET_MULTIPLE
//   labelidx  u32 label (INTEGERKEY) -> u64 node ids (DUPSORT|DUPFIXED|INTEGERDUP)
//   propidx   [u32 index id][order-preserving value bytes] -> u64 node ids
//             (DUPSORT|DUPFIXED|INTEGERDUP)
//   stats     node count per label, relationship count per type
// Details: docs/storage.md.
//
// Concurrency: any number of read transactions (in any number of processes
// and threads) run beside one write transaction; a reader sees the snapshot
// of its start. A GraphStore is shared by all threads of a process; a Txn is
// used by one thread at a time. Errors are thrown as kith::Error
// (storage/error.h).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/column_views.h"
#include "storage/ids.h"
#include "storage/value.h"

namespace kith::storage {

// Read snapshots (docs/storage.md, "Read snapshots"): once `after_reads`
// read transactions have begun at one committed version, a background thread
// pictures that version in memory (CSR adjacency, record tables) and the read
// transactions of that version begun afterwards answer from it; any commit
// makes a new version. Skipped when the estimated size exceeds `max_bytes`
// (0: a quarter of physical memory). The environment variable
// KITH_SNAPSHOT=off turns it off whatever the options say (A/B measurements);
// KITH_SNAPSHOT=N (a number) overrides `after_reads`.
struct SnapshotPolicy {
  bool enabled = true;
  uint32_t after_reads = 3;
  uint64_t max_bytes = 0;
};

struct OpenOptions {
  bool read_only = false;       // open without write access (other processes may write)
  bool create = true;           // create the file if it is missing
  // Virtual map size reserved up front. The file only grows as data is written;
  // when a write transaction still fills the map it is grown and retried (see
  // GraphStore::write), so users never see MDB_MAP_FULL.
  uint64_t initial_map_size = uint64_t{64} << 30;
  uint32_t max_readers = 1024;
  // Durability: LMDB syncs on every commit unless this is set. Only bulk
  // loading into a fresh file sets it (and syncs once at the end).
  bool no_sync = false;
  SnapshotPolicy snapshot{};
};

// A property list as stored: (key id, value) pairs, keys unique.
using Properties = std::vector<std::pair<PropKeyId, Value>>;

struct NodeRecord {
  NodeId id = kNoNode;
  std::vector<LabelId> labels;  // sorted, unique
  Properties properties;        // sorted by key id
};

struct RelRecord {
  RelId id = 0;
  RelTypeId type = 0;
  NodeId start = kNoNode;
  NodeId end = kNoNode;
  Properties properties;  // sorted by key id
};

struct IndexDef {
  IndexId id = 0;
  LabelId label = 0;
  PropKeyId key = 0;
  bool unique = false;  // a unique constraint: at most one node per value
};

// One bound of a range scan over a property index.
struct Bound {
  Value value;
  bool inclusive = true;
};

class Txn;

// Batches of neighbours of one node for one (type, direction), a page of
// LMDB at a time, ordered by (neighbour, rel). The spans point into the
// memory map and stay valid until the next call, the next write in the
// transaction, or its end.
class AdjacencyCursor {
 public:
  AdjacencyCursor(AdjacencyCursor&&) noexcept;
  AdjacencyCursor& operator=(AdjacencyCursor&&) noexcept;
  ~AdjacencyCursor();
  // An empty span means the end.
  std::span<const Edge> next_batch();
  // Moves this cursor to another list of the same transaction: cheaper than
  // a new cursor when expanding many nodes (no allocation, and LMDB skips the
  // tree descent when the next list is on the same page).
  void reset(NodeId node, RelTypeId type, Direction dir);

  struct Impl;  // defined inside storage/

 private:
  friend class Txn;
  explicit AdjacencyCursor(std::unique_ptr<Impl>);
  std::unique_ptr<Impl> impl_;
};

// Batches of node ids: a label scan, an all-nodes scan or an index lookup.
class NodeIdCursor {
 public:
  NodeIdCursor(NodeIdCursor&&) noexcept;
  NodeIdCursor& operator=(NodeIdCursor&&) noexcept;
  ~NodeIdCursor();
  // An empty span means the end. Ids come in increasing order within one
  // index value and for label/all-node scans.
  std::span<const NodeId> next_batch();

  struct Impl;  // defined inside storage/

 private:
  friend class Txn;
  explicit NodeIdCursor(std::unique_ptr<Impl>);
  std::unique_ptr<Impl> impl_;
};

class GraphStore;

// A read or write transaction. Not thread-safe: one thread uses it at a time
// (it may move between threads). A write transaction that is destroyed without
// commit() is aborted and leaves no trace.
class Txn {
 public:
  Txn(Txn&&) noexcept;
  Txn& operator=(Txn&&) noexcept;
  ~Txn();

  bool writable() const;
  void commit();  // write transactions: durable when this returns
  void abort();

  // --- catalog ---------------------------------------------------------
  std::optional<LabelId> find_label(std::string_view name) const;
  std::optional<RelTypeId> find_rel_type(std::string_view name) const;
  std::optional<PropKeyId> find_prop_key(std::string_view name) const;
  // Look up or create (write transactions only).
  LabelId intern_label(std::string_view name);
  RelTypeId intern_rel_type(std::string_view name);
  PropKeyId intern_prop_key(std::string_view name);
  std::string label_name(LabelId id) const;
  std::string rel_type_name(RelTypeId id) const;
  std::string prop_key_name(PropKeyId id) const;
  std::vector<std::pair<LabelId, std::string>> labels() const;
  std::vector<std::pair<RelTypeId, std::string>> rel_types() const;
  std::vector<std::pair<PropKeyId, std::string>> prop_keys() const;

  // --- nodes -------------------------------------------------------------
  NodeId create_node(std::span<const LabelId> labels, Properties props = {});
  bool node_exists(NodeId id) const;
  std::optional<NodeRecord> get_node(NodeId id) const;
  std::vector<LabelId> node_labels(NodeId id) const;  // throws NotFound
  bool node_has_label(NodeId id, LabelId label) const;
  // Null when absent. Decodes only the requested property.
  Value node_property(NodeId id, PropKeyId key) const;
  // A hint that node `id`'s snapshot columns (property values, single
  // edges) will be read soon: starts their cache misses early. Never changes
  // a result; nothing without a read snapshot.
  void prefetch_node(NodeId id) const;
  // The same for relationship `id`'s property columns.
  void prefetch_rel(RelId id) const;
  // Hints that `id`'s relationships will be read soon: stage 0 fetches
  // where its adjacency lives, stage 1 (some rows later) the adjacency
  // itself. For operators that emit nodes from a list they hold.
  void prefetch_adjacency(NodeId id, int stage) const;
  // True when this transaction's read snapshot keeps `key` of nodes in a
  // dense column: node_property of that key is then about as cheap as a
  // cached value (callers need not keep their own).
  bool has_node_property_column(PropKeyId key) const;
  // Node `id`'s value of `key` straight from the read snapshot's column,
  // without building a Value: its kind (Bool, Int, Double, Date, DateTime)
  // and 64 bits (Bool 0/1, Int the value, Double its bit pattern, Date the
  // days, DateTime the micros). False when no column holds it (no snapshot,
  // no column for `key`, or the node has no value there): then ask
  // node_property, which answers everything else.
  bool node_scalar_property(NodeId id, PropKeyId key, ValueType& type, int64_t& bits) const;
  // The read snapshot's column of `key` for nodes (relationships), and the
  // bitset of `label`, as arrays for batch loops (storage/column_views.h).
  // Empty / unknown in write transactions, without a snapshot, and for keys
  // without a column or labels without a bitset.
  ScalarColumnView node_column(PropKeyId key) const;
  ScalarColumnView rel_column(PropKeyId key) const;
  LabelBitsView label_bits(LabelId label) const;
  // Setting Null removes the property.
  void set_node_property(NodeId id, PropKeyId key, Value value);
  void add_node_label(NodeId id, LabelId label);
  void remove_node_label(NodeId id, LabelId label);
  // Throws ConstraintViolation when the node still has relationships and
  // detach is false; with detach, its relationships are deleted first.
  void delete_node(NodeId id, bool detach = false);

  // --- relationships -----------------------------------------------------
  RelId create_rel(RelTypeId type, NodeId start, NodeId end, Properties props = {});
  bool rel_exists(RelId id) const;
  std::optional<RelRecord> get_rel(RelId id) const;
  Value rel_property(RelId id, PropKeyId key) const;
  void set_rel_property(RelId id, PropKeyId key, Value value);
  void delete_rel(RelId id);

  // --- adjacency ---------------------------------------------------------
  AdjacencyCursor adjacency(NodeId node, RelTypeId type, Direction dir) const;
  // The same edges straight from the read snapshot, valid while this
  // transaction is open: no cursor to move (an Expand under an Apply
  // looks up one post's creator per row). False when the transaction has
  // no snapshot: use adjacency().
  bool snapshot_edges(NodeId node, RelTypeId type, Direction dir, std::span<const Edge>& out) const;
  uint64_t degree(NodeId node, RelTypeId type, Direction dir) const;
  // Every (type, direction, edge) of a node, in key order.
  void for_each_edge(NodeId node,
                     const std::function<void(RelTypeId, Direction, const Edge&)>& fn) const;

  // --- scans, indexes, constraints -----------------------------------------
  NodeIdCursor scan_all_nodes() const;
  NodeIdCursor scan_label(LabelId label) const;
  IndexId create_index(LabelId label, PropKeyId key);
  // Builds a unique index; throws ConstraintViolation if existing data
  // already has two nodes with one value.
  IndexId create_unique_constraint(LabelId label, PropKeyId key);
  void drop_index(IndexId id);
  std::vector<IndexDef> indexes() const;
  std::optional<IndexDef> find_index(LabelId label, PropKeyId key) const;
  NodeIdCursor index_lookup(IndexId index, const Value& value) const;
  // Values of the index's key between the bounds (either may be absent).
  // Only values of the bound's type family are returned (numbers with
  // numbers, strings with strings, ...), as a Cypher range predicate does.
  NodeIdCursor index_range(IndexId index, std::optional<Bound> lower,
                           std::optional<Bound> upper) const;

  // --- statistics (exact, maintained by every write) ----------------------
  uint64_t node_count() const;
  uint64_t node_count(LabelId label) const;
  uint64_t rel_count() const;
  uint64_t rel_count(RelTypeId type) const;
  // Distinct values in a property index (5 and 5.0 are one): what an
  // equality seek on a non-unique index is estimated by (rows per value =
  // node count / this). 0 in stores written before kith kept it.
  uint64_t index_distinct_values(IndexId index) const;

  struct Impl;  // defined inside storage/

 private:
  friend class GraphStore;
  friend struct MetaKvAccess;  // storage/meta_kv.cpp: the key-value area in `meta`
  explicit Txn(std::unique_ptr<Impl>);
  std::unique_ptr<Impl> impl_;
};

class GraphStore {
 public:
  // Opens (or creates) the database file at `path`. Throws IoError with the
  // path and the reason (missing directory, permission denied, not a kith
  // database, ...).
  static std::unique_ptr<GraphStore> open(const std::string& path, OpenOptions options = {});
  ~GraphStore();

  const std::string& path() const;
  bool read_only() const;

  Txn begin_read() const;
  // Blocks while another process or thread holds the write transaction.
  Txn begin_write();

  // Runs `fn` in a write transaction and commits it. If the map fills up the
  // transaction is aborted, the map is grown and `fn` runs again, so `fn` must
  // have no effects outside the transaction. Growing waits for this process's
  // other transactions to end: do not call it while the calling thread holds
  // another transaction of this store.
  void write(const std::function<void(Txn&)>& fn);

  uint64_t file_size() const;  // bytes on disk
  void sync();                 // flush to disk (after a no_sync bulk load)

  struct Impl;  // defined inside storage/

 private:
  explicit GraphStore(std::unique_ptr<Impl>);
  std::unique_ptr<Impl> impl_;
  friend class Txn;
};

}  // namespace kith::storage
