// Private to storage/: the state behind GraphStore and Txn, shared by the
// source files that implement their parts (txn_*.cpp, cursors.cpp).
#pragma once

#include <lmdb.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <span>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <thread>
#include <unordered_map>

#include "storage/catalog.h"
#include "storage/cursor_impl.h"
#include "storage/graph_store.h"
#include "storage/lmdb_check.h"
#include "storage/open_files.h"
#include "storage/read_snapshot.h"
#include "storage/schema.h"

namespace kith::storage {

struct GraphStore::Impl {
  std::string path;
  OpenOptions options;
  MDB_env* env = nullptr;
  Dbis dbis;

  // mdb_env_set_mapsize needs every transaction of this process to be
  // finished: transactions hold this shared, map growth takes it exclusive.
  mutable std::shared_mutex resize_mutex;

  // The newest catalog seen; transactions at that catalog version share it.
  mutable std::mutex catalog_mutex;
  mutable std::shared_ptr<const Catalog> catalog;

  std::optional<FileIdentity> registered;  // in the open-files registry

  // The read snapshot of the newest version and its background builder
  // (read_snapshot.h; policy in snapshot_keeper.cpp).
  struct Snapshots {
    bool enabled = false;
    uint32_t after_reads = 3;
    uint64_t max_bytes = 0;
    std::mutex mutex;
    std::condition_variable idle;  // a build ended
    std::shared_ptr<const ReadSnapshot> current;
    uint64_t counted_version = 0;  // read transactions begun at this version ...
    uint32_t reads = 0;            // ... so far
    uint64_t refused_version = 0;  // not retried: too large or not picturable
    // Builds in a row overtaken by a newer commit: each doubles the reads a
    // version needs first, so steady writes do not keep a core rebuilding.
    uint32_t overtaken = 0;
    bool building = false;
    std::thread builder;
    std::atomic<bool> stopping{false};
    std::atomic<uint64_t> generation{0};  // map growth bumps it: cancels a build
    SnapshotInfo info;                    // counters; `mutex` guards them
  };
  mutable Snapshots snapshots;

  ~Impl() {
    stop_snapshot_builder();  // its transaction must end before the environment
    if (env) mdb_env_close(env);
    if (registered) unregister_open_file(*registered);
  }

  // A read transaction of `version` begins: the snapshot to attach (null if
  // none), counting the reads that decide when to build one.
  std::shared_ptr<const ReadSnapshot> snapshot_for_read(uint64_t version) const;
  // Map growth: cancel a build and forget the snapshot before the map moves.
  void cancel_snapshot_build();
  void drop_snapshot();
  // After a commit of this process: free the snapshot of the version it
  // replaced now rather than at the next reader (a commit that changed
  // nothing keeps the version, and the snapshot).
  void drop_stale_snapshot();
  void stop_snapshot_builder();
  void build_snapshot(uint64_t generation);  // the builder thread's body

  // Doubles the map. With `wait`, waits for this process's transactions to
  // end; without, gives up if any is open.
  void grow_map(bool wait);
  // Adopts a larger map size set by another process (after MDB_MAP_RESIZED).
  void adopt_map_size();
  MDB_txn* begin_lmdb_txn(bool write, std::shared_lock<std::shared_mutex>& lock) const;
  bool commit_landed_during_begin(MDB_txn* txn) const;  // see graph_store.cpp
  std::shared_ptr<const Catalog> catalog_for(MDB_txn* txn, uint64_t version) const;
  void install_catalog(std::shared_ptr<const Catalog> cat) const;
};

// snapshot_keeper.cpp: GraphStore -> Impl for snapshot_info() and the test
// hooks; the default snapshot memory limit.
void register_store(const GraphStore* store, GraphStore::Impl* impl);
void unregister_store(const GraphStore* store);
uint64_t default_snapshot_limit();

uint64_t read_meta_u64(MDB_txn* txn, const Dbis& dbis, std::string_view key, uint64_t dflt);

struct Txn::Impl {
  GraphStore::Impl* store = nullptr;
  std::shared_lock<std::shared_mutex> lock;
  MDB_txn* txn = nullptr;
  bool write = false;
  // Reusable cursors; cursor objects hold it and learn from it that the
  // transaction has ended.
  std::shared_ptr<CursorPool> pool = std::make_shared<CursorPool>();
  bool map_full = false;  // a put hit MDB_MAP_FULL: GraphStore::write grows and retries

  // Read transactions of a version that has a snapshot answer record and
  // adjacency reads from it; write transactions never have one.
  std::shared_ptr<const ReadSnapshot> snap;

  std::shared_ptr<const Catalog> catalog;  // what lookups use
  bool catalog_dirty = false;              // `catalog` is this transaction's own copy

  // Counters kept in memory and written at commit (write transactions).
  uint64_t next_node = 0, next_rel = 0, next_index = 0;
  bool ids_dirty = false;
  std::unordered_map<uint64_t, int64_t> stat_deltas;

  std::string scratch;  // reused encoding buffer
  std::string scratch2;

  const Dbis& dbis() const { return store->dbis; }
  TxnRef ref() const {
    live();
    return TxnRef{txn, &store->dbis, pool};
  }
  void live() const;  // throws when the transaction has ended

  void require_write() const;
  void check_write(int rc, std::string_view op);  // records MDB_MAP_FULL
  Catalog& mutable_catalog();                      // copy-on-write
  void end(bool ended_by_commit);
  void flush_counters();

  // Raw record access; `found` false when the id does not exist.
  bool get_raw(MDB_dbi dbi, uint64_t id, MDB_val& out) const;
  void put_raw(MDB_dbi dbi, uint64_t id, std::string_view bytes, unsigned flags);
  void add_stat(StatKind kind, uint32_t id, int64_t delta) {
    stat_deltas[stat_key(kind, id)] += delta;
  }
  uint64_t stat(StatKind kind, uint32_t id) const;

  // Index maintenance (txn_indexes.cpp). check_unique throws
  // ConstraintViolation when another node holds `v` in a unique index.
  void check_unique(const IndexDef& def, NodeId node, const Value& v);
  std::string prop_key_name_or_id(PropKeyId key) const;
  void index_insert(const IndexDef& def, NodeId node, const Value& v);
  void index_erase(const IndexDef& def, NodeId node, const Value& v);
  // Applies `fn` to every index on `label` (or on any label of `labels`).
  template <typename Fn>
  void for_indexes(std::span<const LabelId> labels, PropKeyId key, Fn&& fn) const {
    for (const IndexDef& def : catalog->indexes) {
      if (def.key != key) continue;
      if (std::find(labels.begin(), labels.end(), def.label) != labels.end()) fn(def);
    }
  }
};

}  // namespace kith::storage
