// Txn: nodes, their labels and properties, and label/all-node scans.
#include "storage/error.h"
#include "storage/index_key.h"
#include "storage/record_codec.h"
#include "storage/store_impl.h"

namespace kith::storage {

namespace {

[[noreturn]] void no_node(NodeId id) {
  throw Error(ErrorCode::NotFound, "node " + std::to_string(id) + " does not exist");
}

void check_label(const Txn::Impl& t, LabelId label) {
  if (label >= t.catalog->labels.size()) {
    throw Error(ErrorCode::NotFound, "no label with id " + std::to_string(label));
  }
}

void check_prop_key(const Txn::Impl& t, PropKeyId key) {
  if (key >= t.catalog->prop_keys.size()) {
    throw Error(ErrorCode::NotFound, "no property key with id " + std::to_string(key));
  }
}

// A node record taken apart for an update.
struct NodeParts {
  std::vector<LabelId> labels;
  Properties props;
};

NodeParts load_node(const Txn::Impl& t, NodeId id) {
  MDB_val v;
  if (!t.get_raw(t.dbis().nodes, id, v)) no_node(id);
  NodeParts parts;
  decode_properties(decode_node_labels(as_view(v), parts.labels), parts.props);
  return parts;
}

void store_node(Txn::Impl& t, NodeId id, const NodeParts& parts) {
  t.scratch.clear();
  encode_node(t.scratch, parts.labels, parts.props);
  t.put_raw(t.dbis().nodes, id, t.scratch, 0);
}

void label_index_put(Txn::Impl& t, LabelId label, NodeId id) {
  MDB_val k = as_val(label), v = as_val(id);
  int rc = mdb_put(t.txn, t.dbis().labelidx, &k, &v, MDB_NODUPDATA);
  if (rc != MDB_KEYEXIST) t.check_write(rc, "write label index");
}

void label_index_del(Txn::Impl& t, LabelId label, NodeId id) {
  MDB_val k = as_val(label), v = as_val(id);
  check_found(mdb_del(t.txn, t.dbis().labelidx, &k, &v), "delete from label index");
}

}  // namespace

NodeId Txn::create_node(std::span<const LabelId> labels, Properties props) {
  Impl& t = *impl_;
  t.require_write();
  std::vector<LabelId> sorted(labels.begin(), labels.end());
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  for (LabelId l : sorted) check_label(t, l);
  normalize_properties(props);
  for (const auto& [key, value] : props) check_prop_key(t, key);
  NodeId id = t.next_node;
  if (id > kMaxNodeId) throw Error(ErrorCode::StorageError, "node id space exhausted");
  for (const auto& [key, value] : props) {
    t.for_indexes(sorted, key, [&](const IndexDef& def) {
      if (def.unique) t.check_unique(def, id, value);
    });
  }

  t.scratch.clear();
  encode_node(t.scratch, sorted, props);
  t.put_raw(t.dbis().nodes, id, t.scratch, MDB_APPEND);  // ids only ever grow
  t.next_node = id + 1;
  t.ids_dirty = true;
  for (LabelId l : sorted) {
    label_index_put(t, l, id);
    t.add_stat(StatKind::Label, l, 1);
  }
  t.add_stat(StatKind::Nodes, 0, 1);
  for (const auto& [key, value] : props) {
    t.for_indexes(sorted, key, [&](const IndexDef& def) { t.index_insert(def, id, value); });
  }
  return id;
}

bool Txn::node_exists(NodeId id) const {
  MDB_val v;
  return impl_->get_raw(impl_->dbis().nodes, id, v);
}

std::optional<NodeRecord> Txn::get_node(NodeId id) const {
  MDB_val v;
  if (!impl_->get_raw(impl_->dbis().nodes, id, v)) return std::nullopt;
  NodeRecord rec;
  rec.id = id;
  decode_properties(decode_node_labels(as_view(v), rec.labels), rec.properties);
  return rec;
}

std::vector<LabelId> Txn::node_labels(NodeId id) const {
  MDB_val v;
  if (!impl_->get_raw(impl_->dbis().nodes, id, v)) no_node(id);
  std::vector<LabelId> labels;
  decode_node_labels(as_view(v), labels);
  return labels;
}

bool Txn::node_has_label(NodeId id, LabelId label) const {
  if (const ReadSnapshot* snap = impl_->snap.get(); snap && impl_->txn) {
    if (!snap->node_exists(id)) no_node(id);
    const int known = snap->has_label(id, label);
    if (known >= 0) return known == 1;
  }
  MDB_val v;
  if (!impl_->get_raw(impl_->dbis().nodes, id, v)) no_node(id);
  ByteReader in(as_view(v));
  uint64_t n = in.varint();
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t l = in.varint();
    if (l == label) return true;
    if (l > label) return false;  // sorted
  }
  return false;
}

Value Txn::node_property(NodeId id, PropKeyId key) const {
  if (const ReadSnapshot* snap = impl_->snap.get(); snap && impl_->txn) {
    Value out;
    if (snap->node_property(id, key, out)) return out;
  }
  MDB_val v;
  if (!impl_->get_raw(impl_->dbis().nodes, id, v)) no_node(id);
  return find_property(skip_node_labels(as_view(v)), key);
}

bool Txn::has_node_property_column(PropKeyId key) const {
  const ReadSnapshot* snap = impl_->snap.get();
  return snap && impl_->txn && snap->has_node_property_column(key);
}

bool Txn::node_scalar_property(NodeId id, PropKeyId key, ValueType& type, int64_t& bits) const {
  const ReadSnapshot* snap = impl_->snap.get();
  return snap && impl_->txn && snap->node_scalar_property(id, key, type, bits);
}

ScalarColumnView Txn::node_column(PropKeyId key) const {
  const ReadSnapshot* snap = impl_->snap.get();
  return snap && impl_->txn ? snap->node_column(key) : ScalarColumnView{};
}

ScalarColumnView Txn::rel_column(PropKeyId key) const {
  const ReadSnapshot* snap = impl_->snap.get();
  return snap && impl_->txn ? snap->rel_column(key) : ScalarColumnView{};
}

LabelBitsView Txn::label_bits(LabelId label) const {
  const ReadSnapshot* snap = impl_->snap.get();
  return snap && impl_->txn ? snap->label_bits(label) : LabelBitsView{};
}

void Txn::prefetch_node(NodeId id) const {
  if (const ReadSnapshot* snap = impl_->snap.get()) snap->prefetch_node(id);
}

void Txn::prefetch_adjacency(NodeId id, int stage) const {
  if (const ReadSnapshot* snap = impl_->snap.get()) snap->prefetch_adjacency(id, stage);
}

void Txn::set_node_property(NodeId id, PropKeyId key, Value value) {
  Impl& t = *impl_;
  t.require_write();
  check_prop_key(t, key);
  check_storable(value);
  NodeParts parts = load_node(t, id);
  auto it = std::lower_bound(parts.props.begin(), parts.props.end(), key,
                             [](const auto& p, PropKeyId k) { return p.first < k; });
  bool present = it != parts.props.end() && it->first == key;
  if (!present && value.is_null()) return;
  if (present && it->second == value) return;
  if (!value.is_null()) {
    t.for_indexes(parts.labels, key, [&](const IndexDef& def) {
      if (def.unique) t.check_unique(def, id, value);
    });
  }
  t.for_indexes(parts.labels, key, [&](const IndexDef& def) {
    if (present) t.index_erase(def, id, it->second);
    if (!value.is_null()) t.index_insert(def, id, value);
  });
  if (value.is_null()) {
    parts.props.erase(it);
  } else if (present) {
    it->second = std::move(value);
  } else {
    parts.props.insert(it, {key, std::move(value)});
  }
  store_node(t, id, parts);
}

void Txn::add_node_label(NodeId id, LabelId label) {
  Impl& t = *impl_;
  t.require_write();
  check_label(t, label);
  NodeParts parts = load_node(t, id);
  auto it = std::lower_bound(parts.labels.begin(), parts.labels.end(), label);
  if (it != parts.labels.end() && *it == label) return;
  const LabelId one[] = {label};
  for (const auto& [key, value] : parts.props) {
    t.for_indexes(one, key, [&](const IndexDef& def) {
      if (def.unique) t.check_unique(def, id, value);
    });
  }
  parts.labels.insert(it, label);
  store_node(t, id, parts);
  label_index_put(t, label, id);
  t.add_stat(StatKind::Label, label, 1);
  for (const auto& [key, value] : parts.props) {
    t.for_indexes(one, key, [&](const IndexDef& def) { t.index_insert(def, id, value); });
  }
}

void Txn::remove_node_label(NodeId id, LabelId label) {
  Impl& t = *impl_;
  t.require_write();
  NodeParts parts = load_node(t, id);
  auto it = std::lower_bound(parts.labels.begin(), parts.labels.end(), label);
  if (it == parts.labels.end() || *it != label) return;
  parts.labels.erase(it);
  store_node(t, id, parts);
  label_index_del(t, label, id);
  t.add_stat(StatKind::Label, label, -1);
  const LabelId one[] = {label};
  for (const auto& [key, value] : parts.props) {
    t.for_indexes(one, key, [&](const IndexDef& def) { t.index_erase(def, id, value); });
  }
}

void Txn::delete_node(NodeId id, bool detach) {
  Impl& t = *impl_;
  t.require_write();
  NodeParts parts = load_node(t, id);

  std::vector<RelId> rels;
  for_each_edge(id, [&](RelTypeId, Direction, const Edge& e) { rels.push_back(e.rel); });
  if (!rels.empty()) {
    if (!detach) {
      throw Error(ErrorCode::ConstraintViolation,
                  "cannot delete node " + std::to_string(id) + " because it still has " +
                      std::to_string(rels.size()) +
                      " relationship(s); delete them first or use DETACH DELETE");
    }
    std::sort(rels.begin(), rels.end());  // a self-loop is listed twice
    rels.erase(std::unique(rels.begin(), rels.end()), rels.end());
    for (RelId r : rels) delete_rel(r);
  }

  for (LabelId l : parts.labels) {
    label_index_del(t, l, id);
    t.add_stat(StatKind::Label, l, -1);
  }
  for (const auto& [key, value] : parts.props) {
    t.for_indexes(parts.labels, key, [&](const IndexDef& def) { t.index_erase(def, id, value); });
  }
  MDB_val k = as_val(id);
  t.check_write(mdb_del(t.txn, t.dbis().nodes, &k, nullptr), "delete node");
  t.add_stat(StatKind::Nodes, 0, -1);
}

NodeIdCursor Txn::scan_all_nodes() const {
  auto impl = std::make_unique<NodeIdCursor::Impl>();
  impl->source = all_nodes_source(impl_->ref());
  return NodeIdCursor(std::move(impl));
}

NodeIdCursor Txn::scan_label(LabelId label) const {
  auto impl = std::make_unique<NodeIdCursor::Impl>();
  impl->source = dup_source(impl_->ref(), impl_->dbis().labelidx,
                            std::string(reinterpret_cast<const char*>(&label), sizeof label));
  return NodeIdCursor(std::move(impl));
}

}  // namespace kith::storage
