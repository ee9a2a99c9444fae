// Txn: relationships and adjacency.
#include "storage/error.h"
#include "storage/record_codec.h"
#include "storage/store_impl.h"

namespace kith::storage {

namespace {

[[noreturn]] void no_rel(RelId id) {
  throw Error(ErrorCode::NotFound, "relationship " + std::to_string(id) + " does not exist");
}

void adj_put(Txn::Impl& t, NodeId node, RelTypeId type, Direction dir, const Edge& e) {
  uint64_t key = adj_key(node, type, dir);
  MDB_val k = as_val(key), v = as_val(e);
  t.check_write(mdb_put(t.txn, t.dbis().adj, &k, &v, 0), "write adjacency");
}

void adj_del(Txn::Impl& t, NodeId node, RelTypeId type, Direction dir, const Edge& e) {
  uint64_t key = adj_key(node, type, dir);
  MDB_val k = as_val(key), v = as_val(e);
  check_found(mdb_del(t.txn, t.dbis().adj, &k, &v), "delete adjacency");
}

}  // namespace

RelId Txn::create_rel(RelTypeId type, NodeId start, NodeId end, Properties props) {
  Impl& t = *impl_;
  t.require_write();
  if (type >= t.catalog->rel_types.size()) {
    throw Error(ErrorCode::NotFound, "no relationship type with id " + std::to_string(type));
  }
  if (!node_exists(start)) throw Error(ErrorCode::NotFound, "node " + std::to_string(start) + " does not exist");
  if (!node_exists(end)) throw Error(ErrorCode::NotFound, "node " + std::to_string(end) + " does not exist");
  normalize_properties(props);
  for (const auto& [key, value] : props) {
    if (key >= t.catalog->prop_keys.size()) {
      throw Error(ErrorCode::NotFound, "no property key with id " + std::to_string(key));
    }
  }
  RelId id = t.next_rel;
  t.scratch.clear();
  encode_rel(t.scratch, RelHeader{type, start, end}, props);
  t.put_raw(t.dbis().rels, id, t.scratch, MDB_APPEND);  // ids only ever grow
  t.next_rel = id + 1;
  t.ids_dirty = true;
  adj_put(t, start, type, Direction::Out, Edge{end, id});
  adj_put(t, end, type, Direction::In, Edge{start, id});
  t.add_stat(StatKind::Rels, 0, 1);
  t.add_stat(StatKind::RelType, type, 1);
  return id;
}

bool Txn::rel_exists(RelId id) const {
  MDB_val v;
  return impl_->get_raw(impl_->dbis().rels, id, v);
}

std::optional<RelRecord> Txn::get_rel(RelId id) const {
  MDB_val v;
  if (!impl_->get_raw(impl_->dbis().rels, id, v)) return std::nullopt;
  RelHeader h;
  std::string_view props = decode_rel_header(as_view(v), h);
  RelRecord rec;
  rec.id = id;
  rec.type = h.type;
  rec.start = h.start;
  rec.end = h.end;
  decode_properties(props, rec.properties);
  return rec;
}

Value Txn::rel_property(RelId id, PropKeyId key) const {
  if (const ReadSnapshot* snap = impl_->snap.get(); snap && impl_->txn) {
    Value out;
    if (snap->rel_property(id, key, out)) return out;
  }
  MDB_val v;
  if (!impl_->get_raw(impl_->dbis().rels, id, v)) no_rel(id);
  RelHeader h;
  return find_property(decode_rel_header(as_view(v), h), key);
}

void Txn::set_rel_property(RelId id, PropKeyId key, Value value) {
  Impl& t = *impl_;
  t.require_write();
  if (key >= t.catalog->prop_keys.size()) {
    throw Error(ErrorCode::NotFound, "no property key with id " + std::to_string(key));
  }
  check_storable(value);
  MDB_val v;
  if (!t.get_raw(t.dbis().rels, id, v)) no_rel(id);
  RelHeader h;
  Properties props;
  decode_properties(decode_rel_header(as_view(v), h), props);
  props.emplace_back(key, std::move(value));
  normalize_properties(props);  // the new value comes last, so it wins
  t.scratch.clear();
  encode_rel(t.scratch, h, props);
  t.put_raw(t.dbis().rels, id, t.scratch, 0);
}

void Txn::delete_rel(RelId id) {
  Impl& t = *impl_;
  t.require_write();
  MDB_val v;
  if (!t.get_raw(t.dbis().rels, id, v)) no_rel(id);
  RelHeader h;
  decode_rel_header(as_view(v), h);
  adj_del(t, h.start, h.type, Direction::Out, Edge{h.end, id});
  adj_del(t, h.end, h.type, Direction::In, Edge{h.start, id});
  MDB_val k = as_val(id);
  t.check_write(mdb_del(t.txn, t.dbis().rels, &k, nullptr), "delete relationship");
  t.add_stat(StatKind::Rels, 0, -1);
  t.add_stat(StatKind::RelType, h.type, -1);
}

AdjacencyCursor Txn::adjacency(NodeId node, RelTypeId type, Direction dir) const {
  if (impl_->snap) {
    impl_->live();
    auto impl = std::make_unique<AdjacencyCursor::Impl>(impl_->pool, impl_->snap);
    impl->from_snapshot(node, type, dir);
    return AdjacencyCursor(std::move(impl));
  }
  return AdjacencyCursor(std::make_unique<AdjacencyCursor::Impl>(impl_->ref(), adj_key(node, type, dir)));
}

bool Txn::snapshot_edges(NodeId node, RelTypeId type, Direction dir,
                         std::span<const Edge>& out) const {
  impl_->live();
  if (!impl_->snap) return false;
  out = impl_->snap->edges(node, type, dir);
  return true;
}

uint64_t Txn::degree(NodeId node, RelTypeId type, Direction dir) const {
  if (impl_->snap) {
    impl_->live();
    return impl_->snap->edges(node, type, dir).size();
  }
  OwnedCursor cur(impl_->ref().pool, impl_->dbis().adj);
  uint64_t key = adj_key(node, type, dir);
  MDB_val k = as_val(key), v;
  if (!check_found(mdb_cursor_get(cur.get(), &k, &v, MDB_SET), "seek adjacency")) return 0;
  size_t count = 0;
  check_lmdb(mdb_cursor_count(cur.get(), &count), "count adjacency");
  return count;
}

void Txn::for_each_edge(NodeId node,
                        const std::function<void(RelTypeId, Direction, const Edge&)>& fn) const {
  if (impl_->snap) {
    impl_->live();
    // Held here: `fn` may end the transaction, which lets go of its snapshot.
    const std::shared_ptr<const ReadSnapshot> snap = impl_->snap;
    snap->for_each_list(node, [&](RelTypeId type, Direction dir, std::span<const Edge> edges) {
      for (const Edge& e : edges) fn(type, dir, e);
    });
    return;
  }
  OwnedCursor cur(impl_->ref().pool, impl_->dbis().adj);
  uint64_t first = adj_key(node, 0, Direction::Out);
  MDB_val k = as_val(first), v;
  int rc = mdb_cursor_get(cur.get(), &k, &v, MDB_SET_RANGE);
  std::vector<Edge> edges;  // copied: `fn` may change the graph
  std::vector<uint64_t> keys;
  for (; rc == MDB_SUCCESS; rc = mdb_cursor_get(cur.get(), &k, &v, MDB_NEXT)) {
    uint64_t key = read_u64(k);
    if (adj_key_node(key) != node) break;
    Edge e;
    std::memcpy(&e, v.mv_data, sizeof e);
    edges.push_back(e);
    keys.push_back(key);
  }
  check_found(rc, "scan adjacency");
  for (size_t i = 0; i < edges.size(); ++i) fn(adj_key_type(keys[i]), adj_key_dir(keys[i]), edges[i]);
}

void Txn::prefetch_rel(RelId id) const {
  if (const ReadSnapshot* snap = impl_->snap.get()) snap->prefetch_rel(id);
}

}  // namespace kith::storage
