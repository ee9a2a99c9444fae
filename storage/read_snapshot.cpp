// Building a ReadSnapshot: sequential cursor scans (nodes, rels, adj, and
// nodes and rels again to fill the property columns), which LMDB serves at
// tens of millions of entries per second, against one random descent per
// read without it.
#include "storage/read_snapshot.h"

#include <algorithm>

#include "storage/cursor_impl.h"
#include "storage/lmdb_check.h"
#include "storage/record_codec.h"
#include "storage/varint.h"

namespace kith::storage {

namespace {

// How many entries between two looks at the cancel flag: often enough for a
// prompt stop, rare enough to cost nothing.
constexpr uint64_t kCancelCheckEvery = 4096;

class ScanCursor {
 public:
  ScanCursor(MDB_txn* txn, MDB_dbi dbi) { check_lmdb(mdb_cursor_open(txn, dbi, &cur_), "open cursor"); }
  ~ScanCursor() { mdb_cursor_close(cur_); }
  ScanCursor(const ScanCursor&) = delete;
  ScanCursor& operator=(const ScanCursor&) = delete;
  MDB_cursor* get() const { return cur_; }

 private:
  MDB_cursor* cur_ = nullptr;
};

// One past the largest key of an integer-keyed database (0 when empty): the
// size of a table indexed by id. Ids are dense apart from deletions.
uint64_t id_bound(MDB_txn* txn, MDB_dbi dbi) {
  ScanCursor c(txn, dbi);
  MDB_val k, v;
  if (!check_found(mdb_cursor_get(c.get(), &k, &v, MDB_LAST), "find the last id")) return 0;
  return read_u64(k) + 1;
}

uint64_t entries(MDB_txn* txn, MDB_dbi dbi) {
  MDB_stat st;
  check_lmdb(mdb_stat(txn, dbi, &st), "read database statistics");
  return st.ms_entries;
}

}  // namespace

struct SnapshotBuilder {
  ReadSnapshot& s;
  MDB_txn* txn;
  const Dbis& dbis;
  const std::function<bool()>& cancelled;
  std::string& why;
  uint64_t since_check = 0;
  // What all columns together may take: as much as the rest of the
  // snapshot (ReadSnapshot::estimate_bytes counts it so).
  uint64_t column_allowance = 0;

  bool stop() {
    if (++since_check < kCancelCheckEvery) return false;
    since_check = 0;
    if (!cancelled()) return false;
    why = "cancelled";
    return true;
  }

  bool pack(const MDB_val& v, ReadSnapshot::Packed& out) {
    const auto addr = reinterpret_cast<uintptr_t>(v.mv_data);
    if ((static_cast<uint64_t>(addr) >> 48) != 0) {
      why = "map addresses wider than 48 bits";
      return false;
    }
    const uint64_t length = std::min<uint64_t>(v.mv_size, ReadSnapshot::kLongRecord);
    out = (static_cast<uint64_t>(addr) << 16) | length;
    return true;
  }

  // Fills `table` with every record of `dbi` (`slot(entry)` is where an
  // entry keeps it); `each(id, record)` sees them all.
  template <typename Entry, typename Slot, typename Each>
  bool records(MDB_dbi dbi, std::vector<Entry>& table, Slot&& slot, Each&& each) {
    table.assign(id_bound(txn, dbi), Entry{});
    ScanCursor c(txn, dbi);
    MDB_val k, v;
    for (int rc = mdb_cursor_get(c.get(), &k, &v, MDB_FIRST);; rc = mdb_cursor_get(c.get(), &k, &v, MDB_NEXT)) {
      if (!check_found(rc, "scan records")) return true;
      if (stop()) return false;
      const uint64_t id = read_u64(k);
      if (id >= table.size()) {
        why = "a record beyond the last id";
        return false;
      }
      if (!pack(v, slot(table[id]))) return false;
      each(id, as_view(v));
    }
  }

  // The second pass over `dbi`'s records, for the columns chosen in the
  // first.
  bool fill_columns(MDB_dbi dbi, PropertyColumns& columns, bool nodes) {
    const bool any = columns.choose(column_allowance);
    column_allowance -= std::min(column_allowance, columns.bytes());
    if (!any) return true;
    ScanCursor c(txn, dbi);
    MDB_val k, v;
    for (int rc = mdb_cursor_get(c.get(), &k, &v, MDB_FIRST);; rc = mdb_cursor_get(c.get(), &k, &v, MDB_NEXT)) {
      if (!check_found(rc, "scan records")) return true;
      if (stop()) return false;
      columns.fill(read_u64(k), properties_of(as_view(v), nodes));
    }
  }

  static std::string_view properties_of(std::string_view record, bool node) {
    if (node) return skip_node_labels(record);
    RelHeader h;
    return decode_rel_header(record, h);
  }

  void note_node(NodeId id, std::string_view record) {
    if (s.exists_.empty()) s.exists_.assign((s.nodes_.size() + 63) / 64, 0);
    s.exists_[id >> 6] |= uint64_t{1} << (id & 63);
    ByteReader in(record);
    const uint64_t n = in.varint();
    for (uint64_t i = 0; i < n; ++i) {
      const uint64_t label = in.varint();
      if (label >= ReadSnapshot::kLabelBits) break;  // sorted: the rest are larger
      if (label >= s.label_bits_.size()) s.label_bits_.resize(label + 1);
      auto& bits = s.label_bits_[label];
      if (bits.empty()) bits.assign((s.nodes_.size() + 63) / 64, 0);
      bits[id >> 6] |= uint64_t{1} << (id & 63);
    }
  }

  // The lists of one node, gathered until its block can be written (the
  // headers come first and need the count).
  struct PendingBlock {
    NodeId node = kNoNode;
    std::vector<uint64_t> headers;  // end << 24 | key
    std::vector<Edge> edges;
  };

  bool write_block(PendingBlock& p) {
    if (p.headers.empty()) return true;
    const uint64_t start = s.edges_.size();
    if ((start >> 40) != 0 || p.edges.size() >> 40 != 0 || p.headers.size() > ReadSnapshot::kKeyMask) {
      why = "adjacency too large for the snapshot's offsets";
      return false;
    }
    s.nodes_[p.node].block = (start << 24) | p.headers.size();
    for (size_t i = 0; i < p.headers.size(); i += 2) {
      s.edges_.push_back(Edge{p.headers[i], i + 1 < p.headers.size() ? p.headers[i + 1] : 0});
    }
    s.edges_.insert(s.edges_.end(), p.edges.begin(), p.edges.end());
    p.headers.clear();
    p.edges.clear();
    return true;
  }

  bool adjacency() {
    const uint64_t nodes = s.nodes_.size();
    // Edges plus about one header slot per node: exact for most graphs' data
    // (a few lists per node), and grown if not.
    s.edges_.reserve(entries(txn, dbis.adj) + nodes);
    ScanCursor c(txn, dbis.adj);
    DupBatchReader<Edge> reader;
    PendingBlock pending;
    MDB_val k, v;
    int rc = mdb_cursor_get(c.get(), &k, &v, MDB_FIRST);
    for (; rc == MDB_SUCCESS; rc = mdb_cursor_get(c.get(), &k, &v, MDB_NEXT_NODUP)) {
      if (stop()) return false;
      const uint64_t key = read_u64(k);
      const NodeId node = adj_key_node(key);
      if (node >= nodes) {
        why = "an adjacency list of a node without a record";
        return false;
      }
      if (node != pending.node) {
        if (!write_block(pending)) return false;
        pending.node = node;
      }
      for (auto batch = reader.first(c.get(), v); !batch.empty(); batch = reader.more(c.get())) {
        pending.edges.insert(pending.edges.end(), batch.begin(), batch.end());
        since_check += batch.size();
      }
      const uint64_t list_start = pending.headers.empty() ? 0 : pending.headers.back() >> 24;
      s.single_edges_.observe(key & ReadSnapshot::kKeyMask, node, pending.edges.size() - list_start);
      pending.headers.push_back((pending.edges.size() << 24) | (key & ReadSnapshot::kKeyMask));
    }
    check_found(rc, "scan adjacency");
    if (!write_block(pending)) return false;
    if (s.edges_.capacity() > s.edges_.size() + s.edges_.size() / 8) s.edges_.shrink_to_fit();
    return single_edge_columns();
  }

  bool single_edge_columns() {
    if (!s.single_edges_.choose(s.nodes_.size(), column_allowance)) return true;
    for (NodeId node = 0; node < s.nodes_.size(); ++node) {
      if (stop()) return false;
      s.for_each_list(node, [&](RelTypeId type, Direction dir, std::span<const Edge> edges) {
        s.single_edges_.fill((uint64_t{type} << 1) | static_cast<uint64_t>(dir), node, edges);
      });
    }
    return true;
  }

  bool run() {
    s.version_ = mdb_txn_id(txn);
    column_allowance = ReadSnapshot::base_bytes(txn, dbis);
    using Packed = ReadSnapshot::Packed;
    if (!records(dbis.nodes, s.nodes_, [](ReadSnapshot::NodeEntry& e) -> Packed& { return e.record; },
                 [&](NodeId id, std::string_view rec) {
                   note_node(id, rec);
                   s.node_columns_.observe(id, properties_of(rec, true));
                 })) {
      return false;
    }
    if (!records(dbis.rels, s.rels_, [](Packed& p) -> Packed& { return p; },
                 [&](RelId id, std::string_view rec) { s.rel_columns_.observe(id, properties_of(rec, false)); })) {
      return false;
    }
    return fill_columns(dbis.nodes, s.node_columns_, true) && fill_columns(dbis.rels, s.rel_columns_, false) &&
           adjacency();
  }
};

uint64_t ReadSnapshot::base_bytes(MDB_txn* txn, const Dbis& dbis) {
  const uint64_t nodes = id_bound(txn, dbis.nodes);
  const uint64_t rels = id_bound(txn, dbis.rels);
  const uint64_t edges = entries(txn, dbis.adj);
  // Per node: its record, its block entry, a padding header word and at
  // most 65 bits; per edge: the Edge and at most one header word (lists have
  // one edge or more).
  return nodes * (sizeof(Packed) + 2 * sizeof(uint64_t) + (kLabelBits + 1) / 8) + rels * sizeof(Packed) +
         edges * (sizeof(Edge) + sizeof(uint64_t));
}

uint64_t ReadSnapshot::estimate_bytes(MDB_txn* txn, const Dbis& dbis) {
  // The columns take at most as much again (SnapshotBuilder::column_allowance).
  return 2 * base_bytes(txn, dbis);
}

std::shared_ptr<const ReadSnapshot> ReadSnapshot::build(MDB_txn* txn, const Dbis& dbis,
                                                        const std::function<bool()>& cancelled,
                                                        std::string& why) {
  auto snapshot = std::make_shared<ReadSnapshot>();
  SnapshotBuilder builder{*snapshot, txn, dbis, cancelled, why};
  if (!builder.run()) return nullptr;
  return snapshot;
}

uint64_t ReadSnapshot::bytes() const {
  uint64_t total = nodes_.capacity() * sizeof(NodeEntry) + rels_.capacity() * sizeof(Packed) +
                   exists_.capacity() * sizeof(uint64_t) + edges_.capacity() * sizeof(Edge);
  for (const auto& bits : label_bits_) total += bits.capacity() * sizeof(uint64_t);
  return total + node_columns_.bytes() + rel_columns_.bytes() + single_edges_.bytes();
}

std::span<const Edge> ReadSnapshot::edges(NodeId node, RelTypeId type, Direction dir) const {
  if (type > kMaxRelTypeId) return {};
  const uint64_t key = (uint64_t{type} << 1) | static_cast<uint64_t>(dir);
  if (const auto single = single_edges_.find(node, key); !single.empty()) return single;
  // A node has a few lists (one per type and direction it has edges of),
  // ordered by key: a short linear search beats anything cleverer.
  const Block b = block(node);
  for (uint64_t i = 0; i < b.lists; ++i) {
    const uint64_t k = b.header(i) & kKeyMask;
    if (k == key) return b.list(i);
    if (k > key) break;
  }
  return {};
}

}  // namespace kith::storage
