// BulkLoader: builds a new database file with MDB_APPEND writes in key order
// (node and relationship records as they come; adjacency and label index at
// finish, grouped by counting sort), then renames it over the target.
#include "storage/bulk_loader.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "storage/catalog.h"
#include "storage/error.h"
#include "storage/index_key.h"
#include "storage/lmdb_check.h"
#include "storage/record_codec.h"
#include "storage/schema.h"

namespace kith::storage {

namespace {

namespace fs = std::filesystem;

// Commit every so many puts: keeps LMDB's dirty page list (and so memory)
// bounded; the file is private until finish(), so partial commits are fine.
constexpr size_t kPutsPerCommit = 200'000;

[[noreturn]] void io_error(const std::string& path, const std::string& reason) {
  throw Error(ErrorCode::IoError, path + ": " + reason);
}

struct RelEnds {
  NodeId start, end;
  RelTypeId type;
};

}  // namespace

struct BulkLoader::Impl {
  std::string target, tmp;
  MDB_env* env = nullptr;
  MDB_txn* txn = nullptr;
  Dbis dbis;
  size_t puts = 0;
  bool finished = false;

  NameTable labels, rel_types, prop_keys;
  uint64_t nodes = 0;
  std::vector<RelEnds> rels;
  std::vector<std::vector<NodeId>> label_nodes;  // per label, ascending
  std::vector<LabelId> label_buf;
  std::string buf;

  // Declared property indexes and their entries (encoded key, node), sorted
  // and appended at finish.
  std::vector<IndexDef> indexes;
  std::vector<std::pair<std::string, NodeId>> index_entries;
  std::string key_buf;

  ~Impl() {
    if (txn) mdb_txn_abort(txn);
    if (env) mdb_env_close(env);
    if (!finished && !tmp.empty()) {
      ::unlink(tmp.c_str());
      ::unlink((tmp + "-lock").c_str());
    }
  }

  void begin() { check_lmdb(mdb_txn_begin(env, nullptr, 0, &txn), tmp + ": begin bulk transaction"); }
  void commit() {
    MDB_txn* t = txn;
    txn = nullptr;
    check_lmdb(mdb_txn_commit(t), tmp + ": commit bulk transaction");
  }
  void counted_put() {
    if (++puts % kPutsPerCommit == 0) {
      commit();
      begin();
    }
  }
  void put(MDB_dbi dbi, MDB_val k, MDB_val v, unsigned flags, const char* what) {
    check_lmdb(mdb_put(txn, dbi, &k, &v, flags), what);
    counted_put();
  }
  void put_u64(MDB_dbi dbi, uint64_t key, uint64_t value) {
    put(dbi, as_val(key), as_val(value), 0, "write statistics");
  }

  void write_adjacency();
  void write_label_index();
  void write_property_indexes();
  void write_catalog_and_stats();
};

BulkLoader::BulkLoader(std::string target_path, bool overwrite) : impl_(std::make_unique<Impl>()) {
  Impl& b = *impl_;
  b.target = std::move(target_path);
  if (b.target.empty()) io_error(b.target, "empty database path");
  std::error_code ec;
  fs::path p(b.target);
  fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec)) io_error(b.target, "directory " + dir.string() + " does not exist");
  if (fs::is_directory(p, ec)) io_error(b.target, "is a directory, not a database file");
  if (fs::exists(p, ec) && !overwrite) io_error(b.target, "already exists (choose another path or overwrite it)");
  b.tmp = b.target + ".tmp-" + std::to_string(::getpid());
  ::unlink(b.tmp.c_str());  // a leftover of a crashed load by a process with our pid
  ::unlink((b.tmp + "-lock").c_str());

  check_lmdb(mdb_env_create(&b.env), "create LMDB environment");
  check_lmdb(mdb_env_set_maxdbs(b.env, 16), "set max databases");
  check_lmdb(mdb_env_set_mapsize(b.env, uint64_t{1} << 40), "set map size");
  int rc = mdb_env_open(b.env, b.tmp.c_str(), MDB_NOSUBDIR | MDB_NOTLS | MDB_NOSYNC | MDB_NOMETASYNC, 0644);
  if (rc != MDB_SUCCESS) {
    mdb_env_close(b.env);
    b.env = nullptr;
    io_error(b.tmp, rc == EACCES ? "permission denied" : mdb_strerror(rc));
  }
  b.begin();
  open_dbis(b.txn, b.dbis, true);
  b.buf.reserve(4096);
}

BulkLoader::~BulkLoader() = default;

LabelId BulkLoader::label(std::string_view name) {
  if (auto id = impl_->labels.find(name)) return *id;
  impl_->label_nodes.emplace_back();
  return impl_->labels.add(name);
}

RelTypeId BulkLoader::rel_type(std::string_view name) {
  if (auto id = impl_->rel_types.find(name)) return *id;
  if (impl_->rel_types.size() > kMaxRelTypeId) {
    throw Error(ErrorCode::InvalidInput, "too many relationship types");
  }
  return impl_->rel_types.add(name);
}

PropKeyId BulkLoader::prop_key(std::string_view name) {
  if (auto id = impl_->prop_keys.find(name)) return *id;
  return impl_->prop_keys.add(name);
}

namespace {

void check_props(const Properties& props, size_t key_count) {
  for (const auto& [key, value] : props) {
    if (key >= key_count) {
      throw Error(ErrorCode::InvalidInput, "unknown property key id " + std::to_string(key));
    }
  }
}

}  // namespace

NodeId BulkLoader::add_node(std::span<const LabelId> labels, Properties props) {
  Impl& b = *impl_;
  if (b.finished) throw Error(ErrorCode::InvalidInput, "bulk load already finished");
  b.label_buf.assign(labels.begin(), labels.end());
  std::sort(b.label_buf.begin(), b.label_buf.end());
  b.label_buf.erase(std::unique(b.label_buf.begin(), b.label_buf.end()), b.label_buf.end());
  for (LabelId l : b.label_buf) {
    if (l >= b.labels.size()) throw Error(ErrorCode::InvalidInput, "unknown label id " + std::to_string(l));
  }
  normalize_properties(props);
  check_props(props, b.prop_keys.size());
  NodeId id = b.nodes;
  if (id > kMaxNodeId) throw Error(ErrorCode::InvalidInput, "too many nodes");
  b.buf.clear();
  encode_node(b.buf, b.label_buf, props);
  b.put(b.dbis.nodes, as_val(id), as_val(std::string_view(b.buf)), MDB_APPEND, "write node");
  for (LabelId l : b.label_buf) b.label_nodes[l].push_back(id);
  for (const IndexDef& def : b.indexes) {
    if (!std::binary_search(b.label_buf.begin(), b.label_buf.end(), def.label)) continue;
    for (const auto& [key, value] : props) {
      if (key != def.key) continue;
      make_index_key(b.key_buf, def.id, value);
      b.index_entries.emplace_back(b.key_buf, id);
    }
  }
  ++b.nodes;
  return id;
}

RelId BulkLoader::add_rel(RelTypeId type, NodeId start, NodeId end, Properties props) {
  Impl& b = *impl_;
  if (b.finished) throw Error(ErrorCode::InvalidInput, "bulk load already finished");
  if (type >= b.rel_types.size()) {
    throw Error(ErrorCode::InvalidInput, "unknown relationship type id " + std::to_string(type));
  }
  if (start >= b.nodes || end >= b.nodes) {
    throw Error(ErrorCode::InvalidInput, "relationship end node " +
                                             std::to_string(start >= b.nodes ? start : end) +
                                             " was not added");
  }
  normalize_properties(props);
  check_props(props, b.prop_keys.size());
  RelId id = b.rels.size();
  b.buf.clear();
  encode_rel(b.buf, RelHeader{type, start, end}, props);
  b.put(b.dbis.rels, as_val(id), as_val(std::string_view(b.buf)), MDB_APPEND, "write relationship");
  b.rels.push_back(RelEnds{start, end, type});
  return id;
}

void BulkLoader::add_index(LabelId label, PropKeyId key) {
  Impl& b = *impl_;
  if (label >= b.labels.size()) throw Error(ErrorCode::InvalidInput, "unknown label id " + std::to_string(label));
  if (key >= b.prop_keys.size()) throw Error(ErrorCode::InvalidInput, "unknown property key id " + std::to_string(key));
  for (const IndexDef& d : b.indexes) {
    if (d.label == label && d.key == key) return;
  }
  IndexDef def;
  def.id = static_cast<IndexId>(b.indexes.size());
  def.label = label;
  def.key = key;
  b.indexes.push_back(def);
}

uint64_t BulkLoader::node_count() const { return impl_->nodes; }
uint64_t BulkLoader::rel_count() const { return impl_->rels.size(); }

void BulkLoader::Impl::write_adjacency() {
  // Counting sort of the edges by start node (out lists) and by end node (in
  // lists) into flat arrays, then a sort within each node by (type,
  // neighbour, rel), which is the key order and the edge comparator's order,
  // so every put is an append. The per-node sorts touch only their own
  // contiguous slice.
  struct Entry {
    RelTypeId type;
    NodeId neighbour;
    RelId rel;
    bool operator<(const Entry& o) const {
      if (type != o.type) return type < o.type;
      if (neighbour != o.neighbour) return neighbour < o.neighbour;
      return rel < o.rel;
    }
  };
  const size_t n = nodes;
  std::vector<uint64_t> out_off(n + 1, 0), in_off(n + 1, 0);
  for (const RelEnds& r : rels) {
    ++out_off[r.start + 1];
    ++in_off[r.end + 1];
  }
  for (size_t i = 0; i < n; ++i) {
    out_off[i + 1] += out_off[i];
    in_off[i + 1] += in_off[i];
  }
  std::vector<Entry> out(rels.size()), in(rels.size());
  {
    std::vector<uint64_t> out_pos(out_off.begin(), out_off.end() - 1);
    std::vector<uint64_t> in_pos(in_off.begin(), in_off.end() - 1);
    for (RelId id = 0; id < rels.size(); ++id) {
      const RelEnds& r = rels[id];
      out[out_pos[r.start]++] = Entry{r.type, r.end, id};
      in[in_pos[r.end]++] = Entry{r.type, r.start, id};
    }
  }
  std::vector<RelEnds>().swap(rels);  // no longer needed: give the memory back

  MDB_cursor* cur = nullptr;
  auto open_cursor = [&] { check_lmdb(mdb_cursor_open(txn, dbis.adj, &cur), "open adjacency cursor"); };
  open_cursor();
  std::vector<Edge> run;
  auto flush_run = [&](uint64_t key) {
    MDB_val k = as_val(key);
    MDB_val data[2];
    data[0].mv_size = sizeof(Edge);
    data[0].mv_data = run.data();
    data[1].mv_size = run.size();
    data[1].mv_data = nullptr;
    check_lmdb(mdb_cursor_put(cur, &k, data, MDB_MULTIPLE | MDB_APPEND | MDB_APPENDDUP),
               "write adjacency");
    puts += run.size();
    if (puts >= kPutsPerCommit) {
      puts = 0;
      commit();  // frees the cursor
      begin();
      open_cursor();
    }
  };

  for (NodeId node = 0; node < n; ++node) {
    Entry* ob = out.data() + out_off[node];
    Entry* oe = out.data() + out_off[node + 1];
    Entry* ib = in.data() + in_off[node];
    Entry* ie = in.data() + in_off[node + 1];
    if (ob == oe && ib == ie) continue;
    std::sort(ob, oe);
    std::sort(ib, ie);
    // Merge: for each type, the out list (dir 0) comes before the in list.
    while (ob != oe || ib != ie) {
      bool take_out = ib == ie || (ob != oe && ob->type <= ib->type);
      Entry*& p = take_out ? ob : ib;
      Entry* end = take_out ? oe : ie;
      RelTypeId type = p->type;
      run.clear();
      for (; p != end && p->type == type; ++p) run.push_back(Edge{p->neighbour, p->rel});
      flush_run(adj_key(node, type, take_out ? Direction::Out : Direction::In));
    }
  }
  mdb_cursor_close(cur);
}

void BulkLoader::Impl::write_label_index() {
  for (LabelId l = 0; l < label_nodes.size(); ++l) {
    std::vector<NodeId>& ids = label_nodes[l];
    if (ids.empty()) continue;
    MDB_cursor* cur;
    check_lmdb(mdb_cursor_open(txn, dbis.labelidx, &cur), "open label index cursor");
    MDB_val k = as_val(l);
    MDB_val data[2];
    data[0].mv_size = sizeof(NodeId);
    data[0].mv_data = ids.data();
    data[1].mv_size = ids.size();
    data[1].mv_data = nullptr;
    int rc = mdb_cursor_put(cur, &k, data, MDB_MULTIPLE | MDB_APPEND | MDB_APPENDDUP);
    mdb_cursor_close(cur);
    check_lmdb(rc, "write label index");
    commit();
    begin();
    std::vector<NodeId>().swap(ids);
  }
}

void BulkLoader::Impl::write_property_indexes() {
  // Key bytes order as LMDB orders propidx keys (memcmp); node ids ascend
  // within a key, as INTEGERDUP orders duplicates: every put is an append.
  std::sort(index_entries.begin(), index_entries.end());
  MDB_cursor* cur = nullptr;
  auto open_cursor = [&] { check_lmdb(mdb_cursor_open(txn, dbis.propidx, &cur), "open property index cursor"); };
  open_cursor();
  std::vector<uint64_t> distinct(indexes.size(), 0);  // StatKind::IndexValues
  for (size_t i = 0; i < index_entries.size(); ++i) {
    const auto& [key, node] = index_entries[i];
    const bool same_key = i > 0 && index_entries[i - 1].first == key;
    if (!same_key) ++distinct[index_of_key(key)];
    MDB_val k = as_val(std::string_view(key)), d = as_val(node);
    check_lmdb(mdb_cursor_put(cur, &k, &d, same_key ? MDB_APPENDDUP : MDB_APPEND), "write property index");
    if (++puts % kPutsPerCommit == 0 && (i + 1 == index_entries.size() || index_entries[i + 1].first != key)) {
      mdb_cursor_close(cur);
      commit();
      begin();
      open_cursor();
    }
  }
  mdb_cursor_close(cur);
  for (const IndexDef& def : indexes) {
    store_index_def(txn, dbis, def);
    if (distinct[def.id] != 0) put_u64(dbis.stats, stat_key(StatKind::IndexValues, def.id), distinct[def.id]);
  }
  std::vector<std::pair<std::string, NodeId>>().swap(index_entries);
}

void BulkLoader::Impl::write_catalog_and_stats() {
  for (auto kind : {NameKind::Label, NameKind::RelType, NameKind::PropKey}) {
    NameTable& t = kind == NameKind::Label ? labels : kind == NameKind::RelType ? rel_types : prop_keys;
    for (uint32_t id = 0; id < t.size(); ++id) store_name(txn, dbis, kind, id, *t.name(id));
  }
  std::vector<uint64_t> per_type(rel_types.size(), 0);
  for (const RelEnds& r : rels) ++per_type[r.type];
  put_u64(dbis.stats, stat_key(StatKind::Nodes), nodes);
  put_u64(dbis.stats, stat_key(StatKind::Rels), rels.size());
  for (RelTypeId t = 0; t < per_type.size(); ++t) {
    if (per_type[t]) put_u64(dbis.stats, stat_key(StatKind::RelType, t), per_type[t]);
  }
  uint32_t version = kFormatVersion;
  put(dbis.meta, as_val(kMetaFormat), as_val(version), 0, "write format version");
  uint64_t next_rel = rels.size(), next_index = indexes.size(), one = 1;
  put(dbis.meta, as_val(kMetaNextNode), as_val(nodes), 0, "write meta");
  put(dbis.meta, as_val(kMetaNextRel), as_val(next_rel), 0, "write meta");
  put(dbis.meta, as_val(kMetaNextIndex), as_val(next_index), 0, "write meta");
  put(dbis.meta, as_val(kMetaCatalogVersion), as_val(one), 0, "write meta");
}

uint64_t BulkLoader::finish() {
  Impl& b = *impl_;
  if (b.finished) throw Error(ErrorCode::InvalidInput, "bulk load already finished");
  // Label counts first: write_label_index releases the id lists.
  for (LabelId l = 0; l < b.label_nodes.size(); ++l) {
    if (!b.label_nodes[l].empty()) b.put_u64(b.dbis.stats, stat_key(StatKind::Label, l), b.label_nodes[l].size());
  }
  b.write_catalog_and_stats();
  b.write_adjacency();
  b.write_label_index();
  b.write_property_indexes();
  b.commit();
  check_lmdb(mdb_env_sync(b.env, 1), b.tmp + ": sync");
  mdb_env_close(b.env);
  b.env = nullptr;

  if (::rename(b.tmp.c_str(), b.target.c_str()) != 0) {
    io_error(b.target, std::string("cannot replace with the loaded database: ") + std::strerror(errno));
  }
  b.finished = true;
  std::string lock = b.tmp + "-lock";
  if (::rename(lock.c_str(), (b.target + "-lock").c_str()) != 0) ::unlink(lock.c_str());
  // Make the rename itself durable.
  fs::path dir = fs::path(b.target).has_parent_path() ? fs::path(b.target).parent_path() : fs::path(".");
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  std::error_code ec;
  return fs::file_size(b.target, ec);
}

}  // namespace kith::storage
