// Private to storage/: the state behind GraphStore and Txn, shared by the
// source files that implement their parts (txn_*.cpp, cursors.cpp).
#pragma once

#include <lmdb.h>

#include <algorithm>
#include <memory>
#include <span>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "storage/catalog.h"
#include "storage/cursor_impl.h"
#include "storage/graph_store.h"
#include "storage/lmdb_check.h"
#include "storage/open_files.h"
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

  ~Impl() {
    if (env) mdb_env_close(env);
    if (registered) unregister_open_file(*registered);
  }

  // Doubles the map. With `wait`, waits for this process's transactions to
  // end; without, gives up if any is open.
  void grow_map(bool wait);
  // Adopts a larger map size set by another process (after MDB_MAP_RESIZED).
  void adopt_map_size();
  MDB_txn* begin_lmdb_txn(bool write, std::shared_lock<std::shared_mutex>& lock) const;
  std::shared_ptr<const Catalog> catalog_for(MDB_txn* txn, uint64_t version) const;
  void install_catalog(std::shared_ptr<const Catalog> cat) const;
};

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
