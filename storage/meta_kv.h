// A small generic key-value area inside the database file, for state that
// belongs to the database but is not graph data (the server's API tokens).
// It lives in the `meta` sub-database under the reserved prefix "kv/", so
// queries never see it and it cannot collide with the store's own counters.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storage/graph_store.h"

namespace kith::storage {

std::optional<std::string> meta_get(const Txn& txn, std::string_view key);
// Write transactions only (ReadOnly otherwise).
void meta_put(Txn& txn, std::string_view key, std::string_view value);
bool meta_erase(Txn& txn, std::string_view key);  // false when it was absent
// Every (key, value) whose key starts with `prefix`, in key order.
std::vector<std::pair<std::string, std::string>> meta_scan(const Txn& txn, std::string_view prefix);

}  // namespace kith::storage
