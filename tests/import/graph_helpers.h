// Reading an imported database back in tests, by names rather than ids.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "storage/graph_store.h"

namespace kith::test {

std::unique_ptr<storage::GraphStore> open_read_only(const std::string& path);

// Nodes with `label` whose property `key` equals `value`.
std::vector<NodeId> find_nodes(const storage::Txn& txn, const std::string& label,
                               const std::string& key, const Value& value);
// The one such node (a test failure when there is not exactly one).
NodeId find_node(const storage::Txn& txn, const std::string& label, const std::string& key,
                 const Value& value);
std::set<std::string> labels_of(const storage::Txn& txn, NodeId node);
Value node_prop(const storage::Txn& txn, NodeId node, const std::string& key);
Value rel_prop(const storage::Txn& txn, RelId rel, const std::string& key);
// Relationships of `type` leaving `node`.
std::vector<Edge> out_edges(const storage::Txn& txn, NodeId node, const std::string& type);
uint64_t label_count(const storage::Txn& txn, const std::string& label);
uint64_t type_count(const storage::Txn& txn, const std::string& type);

}  // namespace kith::test
