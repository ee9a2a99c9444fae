// Private to storage/: the machinery behind AdjacencyCursor and NodeIdCursor.
#pragma once

#include <lmdb.h>

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "storage/graph_store.h"
#include "storage/read_snapshot.h"
#include "storage/schema.h"

namespace kith::storage {

// The LMDB cursors of one transaction, kept for reuse: opening one costs an
// allocation, and a reused cursor lets LMDB skip the tree descent when the
// next key is on the page it is already on (traversals in id order).
// Shared with the cursor objects, which may outlive the transaction: LMDB
// frees a write transaction's cursors when it ends, while a read
// transaction's cursors must be closed by us, before or after its end.
struct CursorPool {
  MDB_txn* txn = nullptr;
  bool write = false;
  bool ended = false;
  std::vector<MDB_cursor*> idle[16];  // by MDB_dbi (kith opens fewer than 16)

  MDB_cursor* acquire(MDB_dbi dbi);
  void release(MDB_dbi dbi, MDB_cursor* cur);
  void end();  // the transaction is over
  ~CursorPool();
};

// One cursor borrowed from the pool for the lifetime of this object.
class OwnedCursor {
 public:
  OwnedCursor(std::shared_ptr<CursorPool> pool, MDB_dbi dbi);
  ~OwnedCursor();
  OwnedCursor(const OwnedCursor&) = delete;
  OwnedCursor& operator=(const OwnedCursor&) = delete;
  MDB_cursor* get() const;  // throws once the transaction has ended

 private:
  std::shared_ptr<CursorPool> pool_;
  MDB_dbi dbi_;
  MDB_cursor* cur_ = nullptr;
};

// Reads the sorted duplicates of one key a page at a time (MDB_GET_MULTIPLE /
// MDB_NEXT_MULTIPLE). Items are returned in place when the page data is
// suitably aligned (large lists live in pages of their own), else copied.
template <typename T>
class DupBatchReader {
 public:
  // The batches of one key, looked up on the first call.
  std::span<const T> next(MDB_cursor* cur, const MDB_val& key);
  void restart() { state_ = State::Start; }
  // For a cursor already positioned on a key, `data` being what the
  // positioning returned: its first batch, then `more` for the rest.
  std::span<const T> first(MDB_cursor* cur, MDB_val& data);
  std::span<const T> more(MDB_cursor* cur);

 private:
  enum class State { Start, Reading, Done };
  std::span<const T> emit(const MDB_val& v);
  State state_ = State::Start;
  // Misaligned (small) lists are copied here; no allocation for most of them.
  static constexpr size_t kInline = 512 / sizeof(T);
  T inline_[kInline];
  std::vector<T> copy_;
};

// Node id sources behind NodeIdCursor.
struct NodeIdSource {
  virtual ~NodeIdSource() = default;
  virtual std::span<const NodeId> next() = 0;
};

struct TxnRef {
  MDB_txn* txn;
  const Dbis* dbis;
  std::shared_ptr<CursorPool> pool;
};

std::unique_ptr<NodeIdSource> all_nodes_source(const TxnRef& t);
std::unique_ptr<NodeIdSource> dup_source(const TxnRef& t, MDB_dbi dbi, std::string key);
// Index entries between two encoded keys; entries whose key may be cut are
// checked against the nodes' real values of `prop` with `lower`/`upper`.
struct IndexRange {
  IndexId index;
  PropKeyId prop;
  std::string lower_key, upper_key;  // search keys (possibly cut)
  bool lower_inclusive = true, upper_inclusive = false;
  std::optional<Value> lower, upper;  // the real bounds (absent: open)
  std::optional<uint8_t> family;      // restrict re-checked values to a family
};
std::unique_ptr<NodeIdSource> index_range_source(const TxnRef& t, IndexRange range);

// Reads one list from LMDB, or from the transaction's read snapshot: then
// the whole list is one batch and no LMDB cursor is involved.
struct AdjacencyCursor::Impl {
  Impl(const TxnRef& t, uint64_t key) : cursor(std::in_place, t.pool, t.dbis->adj), key(key) {}
  Impl(std::shared_ptr<CursorPool> pool, std::shared_ptr<const ReadSnapshot> snapshot)
      : pool(std::move(pool)), snapshot(std::move(snapshot)) {}

  // LMDB
  std::optional<OwnedCursor> cursor;
  uint64_t key = 0;
  DupBatchReader<Edge> reader;

  // Snapshot: `pool` tells whether the transaction has ended.
  std::shared_ptr<CursorPool> pool;
  std::shared_ptr<const ReadSnapshot> snapshot;
  std::span<const Edge> list;
  bool list_given = false;
  void from_snapshot(NodeId node, RelTypeId type, Direction dir) {
    list = snapshot->edges(node, type, dir);
    list_given = false;
  }
};

struct NodeIdCursor::Impl {
  std::unique_ptr<NodeIdSource> source;  // null: empty result
};

}  // namespace kith::storage
