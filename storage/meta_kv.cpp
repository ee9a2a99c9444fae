// The meta key-value area on the `meta` LMDB sub-database.
#include "storage/meta_kv.h"

#include "storage/error.h"
#include "storage/store_impl.h"

namespace kith::storage {

// Txn's friend (storage/graph_store.h): the one way in to its state.
struct MetaKvAccess {
  static Txn::Impl& impl(const Txn& txn) { return *txn.impl_; }
};

namespace {

constexpr std::string_view kPrefix = "kv/";

Txn::Impl& impl_of(const Txn& txn) {
  Txn::Impl& impl = MetaKvAccess::impl(txn);
  impl.live();
  return impl;
}

std::string full_key(std::string_view key) {
  if (key.empty()) throw Error(ErrorCode::InvalidInput, "empty meta key");
  std::string k(kPrefix);
  k += key;
  if (k.size() > 500) throw Error(ErrorCode::InvalidInput, "meta key too long");
  return k;
}

MDB_val val_of(std::string_view s) { return MDB_val{s.size(), const_cast<char*>(s.data())}; }

std::string_view view_of(const MDB_val& v) {
  return {static_cast<const char*>(v.mv_data), v.mv_size};
}

}  // namespace

std::optional<std::string> meta_get(const Txn& txn, std::string_view key) {
  Txn::Impl& t = impl_of(txn);
  std::string k = full_key(key);
  MDB_val kv = val_of(k), v;
  if (!check_found(mdb_get(t.txn, t.dbis().meta, &kv, &v), "read meta key")) return std::nullopt;
  return std::string(view_of(v));
}

void meta_put(Txn& txn, std::string_view key, std::string_view value) {
  Txn::Impl& t = impl_of(txn);
  t.require_write();
  std::string k = full_key(key);
  MDB_val kv = val_of(k), v = val_of(value);
  t.check_write(mdb_put(t.txn, t.dbis().meta, &kv, &v, 0), "write meta key");
}

bool meta_erase(Txn& txn, std::string_view key) {
  Txn::Impl& t = impl_of(txn);
  t.require_write();
  std::string k = full_key(key);
  MDB_val kv = val_of(k);
  return check_found(mdb_del(t.txn, t.dbis().meta, &kv, nullptr), "delete meta key");
}

std::vector<std::pair<std::string, std::string>> meta_scan(const Txn& txn,
                                                           std::string_view prefix) {
  Txn::Impl& t = impl_of(txn);
  std::string start(kPrefix);
  start += prefix;
  MDB_cursor* cursor = nullptr;
  check_lmdb(mdb_cursor_open(t.txn, t.dbis().meta, &cursor), "open meta cursor");
  std::vector<std::pair<std::string, std::string>> out;
  MDB_val k = val_of(start), v;
  int rc = mdb_cursor_get(cursor, &k, &v, MDB_SET_RANGE);
  while (rc == MDB_SUCCESS && view_of(k).starts_with(start)) {
    out.emplace_back(std::string(view_of(k).substr(kPrefix.size())), std::string(view_of(v)));
    rc = mdb_cursor_get(cursor, &k, &v, MDB_NEXT);
  }
  mdb_cursor_close(cursor);
  if (rc != MDB_NOTFOUND && rc != MDB_SUCCESS) check_lmdb(rc, "scan meta keys");
  return out;
}

}  // namespace kith::storage
