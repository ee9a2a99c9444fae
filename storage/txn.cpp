// Txn: lifecycle, commit of in-memory counters, catalog and statistics.
#include "storage/error.h"
#include "storage/store_impl.h"

namespace kith::storage {

// --- Impl helpers ------------------------------------------------------------

void Txn::Impl::live() const {
  if (!txn) throw Error(ErrorCode::StorageError, "transaction has already ended");
}

void Txn::Impl::require_write() const {
  live();
  if (!write) throw Error(ErrorCode::ReadOnly, "write operation in a read transaction");
}

void Txn::Impl::check_write(int rc, std::string_view op) {
  if (rc == MDB_MAP_FULL) map_full = true;
  check_lmdb(rc, op);
}

Catalog& Txn::Impl::mutable_catalog() {
  if (!catalog_dirty) {
    catalog = std::make_shared<Catalog>(*catalog);
    catalog_dirty = true;
  }
  return const_cast<Catalog&>(*catalog);
}

void Txn::Impl::end(bool by_commit) {
  pool->end();  // read transactions: cursors closed before the transaction
  if (txn && !by_commit) mdb_txn_abort(txn);
  txn = nullptr;
  snap.reset();  // its memory goes with the last transaction of its version
  if (lock.owns_lock()) lock.unlock();
}

bool Txn::Impl::get_raw(MDB_dbi dbi, uint64_t id, MDB_val& out) const {
  if (!txn) throw Error(ErrorCode::StorageError, "transaction has already ended");
  if (snap && (dbi == dbis().nodes || dbi == dbis().rels)) {
    const auto found = dbi == dbis().nodes ? snap->node_record(id, out) : snap->rel_record(id, out);
    if (found != ReadSnapshot::Lookup::AskLmdb) return found == ReadSnapshot::Lookup::Found;
  }
  MDB_val k = as_val(id);
  return check_found(mdb_get(txn, dbi, &k, &out), "read record");
}

void Txn::Impl::put_raw(MDB_dbi dbi, uint64_t id, std::string_view bytes, unsigned flags) {
  MDB_val k = as_val(id), v = as_val(bytes);
  check_write(mdb_put(txn, dbi, &k, &v, flags), "write record");
}

uint64_t Txn::Impl::stat(StatKind kind, uint32_t id) const {
  if (!txn) throw Error(ErrorCode::StorageError, "transaction has already ended");
  uint64_t key = stat_key(kind, id);
  int64_t stored = 0;
  MDB_val k = as_val(key), v;
  if (check_found(mdb_get(txn, dbis().stats, &k, &v), "read statistics")) {
    stored = static_cast<int64_t>(read_u64(v));
  }
  auto it = stat_deltas.find(key);
  if (it != stat_deltas.end()) stored += it->second;
  return static_cast<uint64_t>(stored);
}

void Txn::Impl::flush_counters() {
  const Dbis& d = dbis();
  for (const auto& [key, delta] : stat_deltas) {
    if (delta == 0) continue;
    MDB_val k = as_val(key), v;
    int64_t count = 0;
    if (check_found(mdb_get(txn, d.stats, &k, &v), "read statistics")) {
      count = static_cast<int64_t>(read_u64(v));
    }
    uint64_t updated = static_cast<uint64_t>(count + delta);
    v = as_val(updated);
    check_write(mdb_put(txn, d.stats, &k, &v, 0), "write statistics");
  }
  stat_deltas.clear();
  if (ids_dirty) {
    for (auto [key, value] : {std::pair{kMetaNextNode, next_node}, std::pair{kMetaNextRel, next_rel},
                              std::pair{kMetaNextIndex, next_index}}) {
      MDB_val k = as_val(key), v = as_val(value);
      check_write(mdb_put(txn, d.meta, &k, &v, 0), "write id counters");
    }
    ids_dirty = false;
  }
  if (catalog_dirty) {
    uint64_t version = catalog->version + 1;
    MDB_val k = as_val(kMetaCatalogVersion), v = as_val(version);
    check_write(mdb_put(txn, d.meta, &k, &v, 0), "write catalog version");
    const_cast<Catalog&>(*catalog).version = version;
  }
}

// --- lifecycle ---------------------------------------------------------------

Txn::Txn(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Txn::Txn(Txn&&) noexcept = default;
Txn& Txn::operator=(Txn&& other) noexcept {
  if (this != &other) {
    if (impl_) impl_->end(false);
    impl_ = std::move(other.impl_);
  }
  return *this;
}
Txn::~Txn() {
  if (impl_) impl_->end(false);
}

bool Txn::writable() const { return impl_ && impl_->write && impl_->txn; }

void Txn::commit() {
  Impl& t = *impl_;
  if (!t.txn) throw Error(ErrorCode::StorageError, "transaction has already ended");
  if (t.write) {
    try {
      t.flush_counters();
    } catch (...) {
      t.end(false);
      throw;
    }
  }
  MDB_txn* txn = t.txn;
  t.end(true);  // LMDB frees the transaction whether commit succeeds or not
  int rc = mdb_txn_commit(txn);
  if (rc == MDB_MAP_FULL) t.map_full = true;
  check_lmdb(rc, t.store->path + ": commit");
  if (t.write && t.catalog_dirty) t.store->install_catalog(t.catalog);
  if (t.write) t.store->drop_stale_snapshot();
}

void Txn::abort() {
  if (impl_) impl_->end(false);
}

// --- catalog -------------------------------------------------------------------

namespace {

std::string name_or_throw(const NameTable& table, uint32_t id, const char* what) {
  const std::string* n = table.name(id);
  if (!n) throw Error(ErrorCode::NotFound, std::string("no ") + what + " with id " + std::to_string(id));
  return *n;
}

uint32_t intern(Txn::Impl& t, NameKind kind, std::string_view name, uint32_t max_id) {
  if (auto id = t.catalog->table(kind).find(name)) return *id;
  t.require_write();
  Catalog& cat = t.mutable_catalog();
  NameTable& table = cat.table(kind);
  if (table.size() > max_id) throw Error(ErrorCode::StorageError, "too many names in the catalog");
  auto id = static_cast<uint32_t>(table.size());
  store_name(t.txn, t.dbis(), kind, id, name);
  table.add(name);
  return id;
}

}  // namespace

std::optional<LabelId> Txn::find_label(std::string_view name) const {
  return impl_->catalog->labels.find(name);
}
std::optional<RelTypeId> Txn::find_rel_type(std::string_view name) const {
  return impl_->catalog->rel_types.find(name);
}
std::optional<PropKeyId> Txn::find_prop_key(std::string_view name) const {
  return impl_->catalog->prop_keys.find(name);
}
LabelId Txn::intern_label(std::string_view name) {
  return intern(*impl_, NameKind::Label, name, kNoId - 1);
}
RelTypeId Txn::intern_rel_type(std::string_view name) {
  return intern(*impl_, NameKind::RelType, name, kMaxRelTypeId);
}
PropKeyId Txn::intern_prop_key(std::string_view name) {
  return intern(*impl_, NameKind::PropKey, name, kNoId - 1);
}
std::string Txn::label_name(LabelId id) const {
  return name_or_throw(impl_->catalog->labels, id, "label");
}
std::string Txn::rel_type_name(RelTypeId id) const {
  return name_or_throw(impl_->catalog->rel_types, id, "relationship type");
}
std::string Txn::prop_key_name(PropKeyId id) const {
  return name_or_throw(impl_->catalog->prop_keys, id, "property key");
}
std::vector<std::pair<LabelId, std::string>> Txn::labels() const {
  return impl_->catalog->labels.all();
}
std::vector<std::pair<RelTypeId, std::string>> Txn::rel_types() const {
  return impl_->catalog->rel_types.all();
}
std::vector<std::pair<PropKeyId, std::string>> Txn::prop_keys() const {
  return impl_->catalog->prop_keys.all();
}

// --- statistics ------------------------------------------------------------------

uint64_t Txn::node_count() const { return impl_->stat(StatKind::Nodes, 0); }
uint64_t Txn::node_count(LabelId label) const { return impl_->stat(StatKind::Label, label); }
uint64_t Txn::rel_count() const { return impl_->stat(StatKind::Rels, 0); }
uint64_t Txn::rel_count(RelTypeId type) const { return impl_->stat(StatKind::RelType, type); }
uint64_t Txn::index_distinct_values(IndexId index) const { return impl_->stat(StatKind::IndexValues, index); }

}  // namespace kith::storage
