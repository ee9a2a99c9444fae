// The catalog: names <-> small dense ids of labels, relationship types and
// property keys, plus index definitions. Stored in the `catalog` database and
// cached in memory (GraphStore keeps the newest; a write transaction works on
// its own copy until commit).
//
// `catalog` keys:  'l'|'r'|'p' + name        -> u32 id (little-endian)
//                  'L'|'R'|'P' + u32 id (BE) -> name
//                  'I' + u32 index id (BE)   -> u32 label, u32 key, u8 unique
#pragma once

#include <lmdb.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storage/graph_store.h"
#include "storage/schema.h"

namespace kith::storage {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class NameTable {
 public:
  std::optional<uint32_t> find(std::string_view name) const {
    auto it = ids_.find(name);
    if (it == ids_.end()) return std::nullopt;
    return it->second;
  }
  // Caller checks `find` first; ids are dense, in creation order.
  uint32_t add(std::string_view name) {
    auto id = static_cast<uint32_t>(names_.size());
    names_.emplace_back(name);
    ids_.emplace(std::string(name), id);
    return id;
  }
  void set(uint32_t id, std::string_view name);
  const std::string* name(uint32_t id) const {
    return id < names_.size() ? &names_[id] : nullptr;
  }
  size_t size() const { return names_.size(); }
  std::vector<std::pair<uint32_t, std::string>> all() const;

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> ids_;
};

enum class NameKind : char { Label = 'l', RelType = 'r', PropKey = 'p' };

struct Catalog {
  uint64_t version = 0;  // the `meta` catalog_version it was loaded at
  NameTable labels, rel_types, prop_keys;
  std::vector<IndexDef> indexes;

  NameTable& table(NameKind k) {
    return k == NameKind::Label ? labels : k == NameKind::RelType ? rel_types : prop_keys;
  }
  const NameTable& table(NameKind k) const {
    return k == NameKind::Label ? labels : k == NameKind::RelType ? rel_types : prop_keys;
  }
};

Catalog load_catalog(MDB_txn* txn, const Dbis& dbis);
void store_name(MDB_txn* txn, const Dbis& dbis, NameKind kind, uint32_t id,
                std::string_view name);
void store_index_def(MDB_txn* txn, const Dbis& dbis, const IndexDef& def);
void delete_index_def(MDB_txn* txn, const Dbis& dbis, IndexId id);

}  // namespace kith::storage
