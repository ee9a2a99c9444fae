#include "storage/catalog.h"

#include <cstring>

#include "storage/error.h"
#include "storage/lmdb_check.h"

namespace kith::storage {

namespace {

std::string id_key(char tag, uint32_t id) {
  std::string k(1, tag);
  for (int shift = 24; shift >= 0; shift -= 8) k.push_back(static_cast<char>(id >> shift));
  return k;
}

uint32_t parse_be32(std::string_view s) {
  uint32_t v = 0;
  for (char c : s) v = (v << 8) | static_cast<uint8_t>(c);
  return v;
}

uint32_t get_u32le(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

}  // namespace

void NameTable::set(uint32_t id, std::string_view name) {
  if (names_.size() <= id) names_.resize(id + 1);
  names_[id] = name;
  ids_[std::string(name)] = id;
}

std::vector<std::pair<uint32_t, std::string>> NameTable::all() const {
  std::vector<std::pair<uint32_t, std::string>> out;
  out.reserve(names_.size());
  for (uint32_t i = 0; i < names_.size(); ++i) out.emplace_back(i, names_[i]);
  return out;
}

Catalog load_catalog(MDB_txn* txn, const Dbis& dbis) {
  Catalog cat;
  MDB_cursor* cur;
  check_lmdb(mdb_cursor_open(txn, dbis.catalog, &cur), "open catalog cursor");
  MDB_val k, v;
  int rc = mdb_cursor_get(cur, &k, &v, MDB_FIRST);
  try {
    for (; rc == MDB_SUCCESS; rc = mdb_cursor_get(cur, &k, &v, MDB_NEXT)) {
      std::string_view key = as_view(k), val = as_view(v);
      if (key.empty()) continue;
      char tag = key[0];
      if ((tag == 'L' || tag == 'R' || tag == 'P') && key.size() == 5) {
        NameKind kind = tag == 'L' ? NameKind::Label : tag == 'R' ? NameKind::RelType : NameKind::PropKey;
        cat.table(kind).set(parse_be32(key.substr(1)), val);
      } else if (tag == 'I' && key.size() == 5 && val.size() == 9) {
        IndexDef def;
        def.id = parse_be32(key.substr(1));
        def.label = get_u32le(val.data());
        def.key = get_u32le(val.data() + 4);
        def.unique = val[8] != 0;
        cat.indexes.push_back(def);
      }
    }
    check_found(rc, "read catalog");
  } catch (...) {
    mdb_cursor_close(cur);
    throw;
  }
  mdb_cursor_close(cur);
  return cat;
}

void store_name(MDB_txn* txn, const Dbis& dbis, NameKind kind, uint32_t id,
                std::string_view name) {
  std::string by_name(1, static_cast<char>(kind));
  by_name += name;
  if (by_name.size() > 511) {
    throw Error(ErrorCode::InvalidInput, "name too long (at most 510 bytes): " +
                                             std::string(name.substr(0, 40)) + "...");
  }
  MDB_val k = as_val(std::string_view(by_name)), v = as_val(id);
  check_lmdb(mdb_put(txn, dbis.catalog, &k, &v, 0), "write catalog name");
  std::string by_id = id_key(static_cast<char>(static_cast<char>(kind) - 'a' + 'A'), id);
  k = as_val(std::string_view(by_id));
  v = as_val(name);
  check_lmdb(mdb_put(txn, dbis.catalog, &k, &v, 0), "write catalog name");
}

void store_index_def(MDB_txn* txn, const Dbis& dbis, const IndexDef& def) {
  std::string key = id_key('I', def.id);
  char val[9];
  std::memcpy(val, &def.label, 4);
  std::memcpy(val + 4, &def.key, 4);
  val[8] = def.unique ? 1 : 0;
  MDB_val k = as_val(std::string_view(key)), v{9, val};
  check_lmdb(mdb_put(txn, dbis.catalog, &k, &v, 0), "write index definition");
}

void delete_index_def(MDB_txn* txn, const Dbis& dbis, IndexId id) {
  std::string key = id_key('I', id);
  MDB_val k = as_val(std::string_view(key));
  check_found(mdb_del(txn, dbis.catalog, &k, nullptr), "delete index definition");
}

}  // namespace kith::storage
