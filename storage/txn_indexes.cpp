// Txn: property indexes and unique constraints, and their maintenance.
#include "storage/error.h"
#include "storage/index_key.h"
#include "storage/record_codec.h"
#include "storage/store_impl.h"

namespace kith::storage {

namespace {

const IndexDef& find_def(const Txn::Impl& t, IndexId id) {
  for (const IndexDef& def : t.catalog->indexes) {
    if (def.id == id) return def;
  }
  throw Error(ErrorCode::NotFound, "no index with id " + std::to_string(id));
}

std::string describe(const Txn::Impl& t, const IndexDef& def) {
  const std::string* label = t.catalog->labels.name(def.label);
  const std::string* key = t.catalog->prop_keys.name(def.key);
  return ":" + (label ? *label : std::to_string(def.label)) + "(" +
         (key ? *key : std::to_string(def.key)) + ")";
}

// The first node other than `node` whose `key` equals `v` in the index, or
// kNoNode. Keys that may be cut are confirmed against the real values.
NodeId find_other(Txn::Impl& t, const IndexDef& def, NodeId node, const Value& v) {
  bool cut = make_index_key(t.scratch2, def.id, v);
  std::string full;
  if (cut) encode_index_value(full, v);
  OwnedCursor cur(t.pool, t.dbis().propidx);
  MDB_val k = as_val(std::string_view(t.scratch2)), d;
  int rc = mdb_cursor_get(cur.get(), &k, &d, MDB_SET);
  std::string enc;
  for (; rc == MDB_SUCCESS; rc = mdb_cursor_get(cur.get(), &k, &d, MDB_NEXT_DUP)) {
    NodeId other = read_u64(d);
    if (other == node) continue;
    if (!cut) return other;
    MDB_val rec;
    if (!t.get_raw(t.dbis().nodes, other, rec)) continue;
    Value real = find_property(skip_node_labels(as_view(rec)), def.key);
    enc.clear();
    encode_index_value(enc, real);
    if (enc == full) return other;
  }
  check_found(rc, "read index");
  return kNoNode;
}

}  // namespace

void Txn::Impl::check_unique(const IndexDef& def, NodeId node, const Value& v) {
  NodeId other = find_other(*this, def, node, v);
  if (other == kNoNode) return;
  throw Error(ErrorCode::ConstraintViolation,
              "unique constraint on " + describe(*this, def) + " violated: node " +
                  std::to_string(other) + " already has " + prop_key_name_or_id(def.key) + " = " +
                  v.to_string());
}

std::string Txn::Impl::prop_key_name_or_id(PropKeyId key) const {
  const std::string* name = catalog->prop_keys.name(key);
  return name ? *name : std::to_string(key);
}

// Both keep StatKind::IndexValues: a value's first node adds one, its last
// node's removal takes one away (one more lookup per index write).
void Txn::Impl::index_insert(const IndexDef& def, NodeId node, const Value& v) {
  make_index_key(scratch2, def.id, v);
  MDB_val k = as_val(std::string_view(scratch2)), d = as_val(node), any;
  const bool new_value = !check_found(mdb_get(txn, dbis().propidx, &k, &any), "read property index");
  int rc = mdb_put(txn, dbis().propidx, &k, &d, MDB_NODUPDATA);
  if (rc != MDB_KEYEXIST) check_write(rc, "write property index");
  if (new_value) add_stat(StatKind::IndexValues, def.id, 1);
}

void Txn::Impl::index_erase(const IndexDef& def, NodeId node, const Value& v) {
  make_index_key(scratch2, def.id, v);
  MDB_val k = as_val(std::string_view(scratch2)), d = as_val(node), any;
  if (!check_found(mdb_del(txn, dbis().propidx, &k, &d), "delete from property index")) return;
  if (!check_found(mdb_get(txn, dbis().propidx, &k, &any), "read property index")) {
    add_stat(StatKind::IndexValues, def.id, -1);
  }
}

namespace {

IndexId build_index(Txn& txn, Txn::Impl& t, LabelId label, PropKeyId key, bool unique) {
  t.require_write();
  if (label >= t.catalog->labels.size()) {
    throw Error(ErrorCode::NotFound, "no label with id " + std::to_string(label));
  }
  if (key >= t.catalog->prop_keys.size()) {
    throw Error(ErrorCode::NotFound, "no property key with id " + std::to_string(key));
  }
  for (const IndexDef& def : t.catalog->indexes) {
    if (def.label != label || def.key != key) continue;
    if (def.unique || !unique) return def.id;
  }
  IndexDef def;
  def.id = static_cast<IndexId>(t.next_index);
  def.label = label;
  def.key = key;
  def.unique = unique;
  // An existing plain index on the same property is replaced by the unique one.
  std::optional<IndexId> replaced;
  for (const IndexDef& d : t.catalog->indexes) {
    if (d.label == label && d.key == key) replaced = d.id;
  }

  std::vector<NodeId> nodes;
  for (NodeIdCursor c = txn.scan_label(label);;) {
    auto batch = c.next_batch();
    if (batch.empty()) break;
    nodes.insert(nodes.end(), batch.begin(), batch.end());
  }
  // Check for duplicates before writing anything, so a refused constraint
  // leaves no entries behind: sort the full encodings, compare neighbours.
  std::vector<std::pair<std::string, size_t>> entries;
  std::vector<Value> values;
  std::vector<NodeId> value_node;
  for (NodeId n : nodes) {
    Value v = txn.node_property(n, key);
    if (v.is_null()) continue;
    std::string enc;
    encode_index_value(enc, v);
    entries.emplace_back(std::move(enc), values.size());
    values.push_back(std::move(v));
    value_node.push_back(n);
  }
  if (unique) {
    std::sort(entries.begin(), entries.end());
    for (size_t i = 1; i < entries.size(); ++i) {
      if (entries[i].first != entries[i - 1].first) continue;
      throw Error(ErrorCode::ConstraintViolation,
                  "cannot create unique constraint on " + describe(t, def) + ": nodes " +
                      std::to_string(value_node[entries[i - 1].second]) + " and " +
                      std::to_string(value_node[entries[i].second]) + " both have " +
                      t.prop_key_name_or_id(key) + " = " + values[entries[i].second].to_string());
    }
  }
  for (const auto& [enc, i] : entries) t.index_insert(def, value_node[i], values[i]);
  if (replaced) txn.drop_index(*replaced);
  t.next_index = def.id + 1;
  t.ids_dirty = true;
  store_index_def(t.txn, t.dbis(), def);
  t.mutable_catalog().indexes.push_back(def);
  return def.id;
}

}  // namespace

IndexId Txn::create_index(LabelId label, PropKeyId key) {
  return build_index(*this, *impl_, label, key, false);
}

IndexId Txn::create_unique_constraint(LabelId label, PropKeyId key) {
  return build_index(*this, *impl_, label, key, true);
}

void Txn::drop_index(IndexId id) {
  Impl& t = *impl_;
  t.require_write();
  find_def(t, id);
  std::string prefix = index_prefix(id);
  OwnedCursor cur(t.pool, t.dbis().propidx);
  for (;;) {
    MDB_val k = as_val(std::string_view(prefix)), d;
    if (!check_found(mdb_cursor_get(cur.get(), &k, &d, MDB_SET_RANGE), "drop index")) break;
    if (as_view(k).substr(0, 4) != prefix) break;
    t.check_write(mdb_cursor_del(cur.get(), MDB_NODUPDATA), "drop index");
  }
  t.add_stat(StatKind::IndexValues, id, -static_cast<int64_t>(t.stat(StatKind::IndexValues, id)));
  delete_index_def(t.txn, t.dbis(), id);
  auto& defs = t.mutable_catalog().indexes;
  std::erase_if(defs, [&](const IndexDef& d) { return d.id == id; });
}

std::vector<IndexDef> Txn::indexes() const { return impl_->catalog->indexes; }

std::optional<IndexDef> Txn::find_index(LabelId label, PropKeyId key) const {
  for (const IndexDef& def : impl_->catalog->indexes) {
    if (def.label == label && def.key == key) return def;
  }
  return std::nullopt;
}

NodeIdCursor Txn::index_lookup(IndexId index, const Value& value) const {
  const IndexDef& def = find_def(*impl_, index);
  auto impl = std::make_unique<NodeIdCursor::Impl>();
  if (value.is_null()) return NodeIdCursor(std::move(impl));
  std::string key;
  if (!make_index_key(key, index, value)) {
    impl->source = dup_source(impl_->ref(), impl_->dbis().propidx, std::move(key));
  } else {
    IndexRange r;
    r.index = index;
    r.prop = def.key;
    r.lower_key = r.upper_key = key;
    r.lower_inclusive = r.upper_inclusive = true;
    r.lower = r.upper = value;
    impl->source = index_range_source(impl_->ref(), std::move(r));
  }
  return NodeIdCursor(std::move(impl));
}

NodeIdCursor Txn::index_range(IndexId index, std::optional<Bound> lower,
                              std::optional<Bound> upper) const {
  const IndexDef& def = find_def(*impl_, index);
  auto impl = std::make_unique<NodeIdCursor::Impl>();
  if ((lower && lower->value.is_null()) || (upper && upper->value.is_null())) {
    return NodeIdCursor(std::move(impl));  // comparisons with null match nothing
  }
  IndexRange r;
  r.index = index;
  r.prop = def.key;
  if (lower) r.family = index_family_tag(lower->value.type());
  if (upper) {
    uint8_t f = index_family_tag(upper->value.type());
    if (r.family && *r.family != f) return NodeIdCursor(std::move(impl));
    r.family = f;
  }
  if (lower) {
    make_index_key(r.lower_key, index, lower->value);
    r.lower_inclusive = lower->inclusive;
    r.lower = lower->value;
  } else {
    r.lower_key = r.family ? index_family_key(index, *r.family) : index_prefix(index);
  }
  if (upper) {
    make_index_key(r.upper_key, index, upper->value);
    r.upper_inclusive = upper->inclusive;
    r.upper = upper->value;
  } else {
    r.upper_key = r.family ? index_family_key(index, static_cast<uint8_t>(*r.family + 1))
                           : index_prefix(index + 1);
    r.upper_inclusive = false;
  }
  impl->source = index_range_source(impl_->ref(), std::move(r));
  return NodeIdCursor(std::move(impl));
}

}  // namespace kith::storage
