#include "tests/import/graph_helpers.h"

#include <doctest/doctest.h>

namespace kith::test {

std::unique_ptr<storage::GraphStore> open_read_only(const std::string& path) {
  storage::OpenOptions o;
  o.read_only = true;
  o.create = false;
  return storage::GraphStore::open(path, o);
}

std::vector<NodeId> find_nodes(const storage::Txn& txn, const std::string& label,
                               const std::string& key, const Value& value) {
  std::vector<NodeId> out;
  auto l = txn.find_label(label);
  auto k = txn.find_prop_key(key);
  if (!l || !k) return out;
  auto cursor = txn.scan_label(*l);
  for (auto batch = cursor.next_batch(); !batch.empty(); batch = cursor.next_batch()) {
    for (NodeId n : batch) {
      if (txn.node_property(n, *k) == value) out.push_back(n);
    }
  }
  return out;
}

NodeId find_node(const storage::Txn& txn, const std::string& label, const std::string& key,
                 const Value& value) {
  auto nodes = find_nodes(txn, label, key, value);
  REQUIRE_MESSAGE(nodes.size() == 1, label << " with " << key << " = " << value.to_string());
  return nodes[0];
}

std::set<std::string> labels_of(const storage::Txn& txn, NodeId node) {
  std::set<std::string> out;
  for (LabelId l : txn.node_labels(node)) out.insert(txn.label_name(l));
  return out;
}

Value node_prop(const storage::Txn& txn, NodeId node, const std::string& key) {
  auto k = txn.find_prop_key(key);
  return k ? txn.node_property(node, *k) : Value();
}

Value rel_prop(const storage::Txn& txn, RelId rel, const std::string& key) {
  auto k = txn.find_prop_key(key);
  return k ? txn.rel_property(rel, *k) : Value();
}

std::vector<Edge> out_edges(const storage::Txn& txn, NodeId node, const std::string& type) {
  std::vector<Edge> out;
  auto t = txn.find_rel_type(type);
  if (!t) return out;
  auto cursor = txn.adjacency(node, *t, Direction::Out);
  for (auto batch = cursor.next_batch(); !batch.empty(); batch = cursor.next_batch()) {
    out.insert(out.end(), batch.begin(), batch.end());
  }
  return out;
}

uint64_t label_count(const storage::Txn& txn, const std::string& label) {
  auto l = txn.find_label(label);
  return l ? txn.node_count(*l) : 0;
}

uint64_t type_count(const storage::Txn& txn, const std::string& type) {
  auto t = txn.find_rel_type(type);
  return t ? txn.rel_count(*t) : 0;
}

}  // namespace kith::test
