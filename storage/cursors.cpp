// Batch readers over LMDB: adjacency lists, label scans, all-node scans and
// property index lookups/ranges.
#include <algorithm>
#include <cstring>

#include "storage/cursor_impl.h"
#include "storage/error.h"
#include "storage/index_key.h"
#include "storage/lmdb_check.h"
#include "storage/record_codec.h"

namespace kith::storage {

// --- CursorPool, OwnedCursor ---------------------------------------------------

MDB_cursor* CursorPool::acquire(MDB_dbi dbi) {
  if (ended) throw Error(ErrorCode::StorageError, "transaction has already ended");
  if (dbi < 16 && !idle[dbi].empty()) {
    MDB_cursor* c = idle[dbi].back();
    idle[dbi].pop_back();
    return c;
  }
  MDB_cursor* c;
  check_lmdb(mdb_cursor_open(txn, dbi, &c), "open cursor");
  return c;
}

void CursorPool::release(MDB_dbi dbi, MDB_cursor* cur) {
  if (ended) {
    if (!write) mdb_cursor_close(cur);
  } else if (dbi < 16 && idle[dbi].size() < 8) {
    idle[dbi].push_back(cur);
  } else {
    mdb_cursor_close(cur);
  }
}

void CursorPool::end() {
  if (ended) return;
  for (auto& list : idle) {
    // A write transaction's cursors are freed by LMDB with it: only forget them.
    if (!write) {
      for (MDB_cursor* c : list) mdb_cursor_close(c);
    }
    list.clear();
  }
  ended = true;
}

CursorPool::~CursorPool() { end(); }

OwnedCursor::OwnedCursor(std::shared_ptr<CursorPool> pool, MDB_dbi dbi)
    : pool_(std::move(pool)), dbi_(dbi), cur_(pool_->acquire(dbi)) {}

OwnedCursor::~OwnedCursor() { pool_->release(dbi_, cur_); }

MDB_cursor* OwnedCursor::get() const {
  if (pool_->ended) throw Error(ErrorCode::StorageError, "cursor used after its transaction ended");
  return cur_;
}

// --- DupBatchReader --------------------------------------------------------------

template <typename T>
std::span<const T> DupBatchReader<T>::emit(const MDB_val& v) {
  size_t n = v.mv_size / sizeof(T);
  if (reinterpret_cast<uintptr_t>(v.mv_data) % alignof(T) == 0) {
    return {static_cast<const T*>(v.mv_data), n};
  }
  // Small lists live inside a leaf node, only 2-byte aligned: copy those.
  T* dst = inline_;
  if (n > kInline) {
    copy_.resize(n);
    dst = copy_.data();
  }
  std::memcpy(dst, v.mv_data, n * sizeof(T));
  return {dst, n};
}

template <typename T>
std::span<const T> DupBatchReader<T>::first(MDB_cursor* cur, MDB_val& data) {
  // After positioning, `data` holds the first item; MDB_GET_MULTIPLE leaves it
  // as it is when the key has a single item (stored without a sub-page).
  MDB_val k;
  check_lmdb(mdb_cursor_get(cur, &k, &data, MDB_GET_MULTIPLE), "read duplicates");
  state_ = State::Reading;
  return emit(data);
}

template <typename T>
std::span<const T> DupBatchReader<T>::more(MDB_cursor* cur) {
  if (state_ != State::Reading) return {};
  MDB_val k, v;
  if (!check_found(mdb_cursor_get(cur, &k, &v, MDB_NEXT_MULTIPLE), "read duplicates")) {
    state_ = State::Done;
    return {};
  }
  return emit(v);
}

template <typename T>
std::span<const T> DupBatchReader<T>::next(MDB_cursor* cur, const MDB_val& key) {
  if (state_ == State::Done) return {};
  if (state_ == State::Reading) return more(cur);
  MDB_val k = key, v;
  if (!check_found(mdb_cursor_get(cur, &k, &v, MDB_SET), "seek")) {
    state_ = State::Done;
    return {};
  }
  return first(cur, v);
}

template class DupBatchReader<Edge>;
template class DupBatchReader<NodeId>;

// --- AdjacencyCursor ---------------------------------------------------------------

AdjacencyCursor::AdjacencyCursor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AdjacencyCursor::AdjacencyCursor(AdjacencyCursor&&) noexcept = default;
AdjacencyCursor& AdjacencyCursor::operator=(AdjacencyCursor&&) noexcept = default;
AdjacencyCursor::~AdjacencyCursor() = default;

std::span<const Edge> AdjacencyCursor::next_batch() {
  if (!impl_) return {};
  Impl& c = *impl_;
  if (c.snapshot) {
    if (c.pool->ended) throw Error(ErrorCode::StorageError, "cursor used after its transaction ended");
    if (c.list_given) return {};
    c.list_given = true;
    return c.list;
  }
  return c.reader.next(c.cursor->get(), as_val(c.key));
}

void AdjacencyCursor::reset(NodeId node, RelTypeId type, Direction dir) {
  if (!impl_) throw Error(ErrorCode::StorageError, "adjacency cursor was moved from");
  if (impl_->snapshot) {
    impl_->from_snapshot(node, type, dir);
    return;
  }
  impl_->key = adj_key(node, type, dir);
  impl_->reader.restart();
}

// --- NodeIdCursor ------------------------------------------------------------------

NodeIdCursor::NodeIdCursor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
NodeIdCursor::NodeIdCursor(NodeIdCursor&&) noexcept = default;
NodeIdCursor& NodeIdCursor::operator=(NodeIdCursor&&) noexcept = default;
NodeIdCursor::~NodeIdCursor() = default;

std::span<const NodeId> NodeIdCursor::next_batch() {
  if (!impl_ || !impl_->source) return {};
  return impl_->source->next();
}

namespace {

class AllNodesSource : public NodeIdSource {
 public:
  explicit AllNodesSource(const TxnRef& t) : cursor_(t.pool, t.dbis->nodes) {
    buf_.reserve(kBatch);
  }
  std::span<const NodeId> next() override {
    buf_.clear();
    if (done_) return {};
    MDB_cursor* c = cursor_.get();
    MDB_val k, v;
    while (buf_.size() < kBatch) {
      MDB_cursor_op op = started_ ? MDB_NEXT : MDB_FIRST;
      started_ = true;
      if (!check_found(mdb_cursor_get(c, &k, &v, op), "scan nodes")) {
        done_ = true;
        break;
      }
      buf_.push_back(read_u64(k));
    }
    return buf_;
  }

 private:
  static constexpr size_t kBatch = 1024;
  OwnedCursor cursor_;
  std::vector<NodeId> buf_;
  bool started_ = false, done_ = false;
};

class DupSource : public NodeIdSource {
 public:
  DupSource(const TxnRef& t, MDB_dbi dbi, std::string key)
      : cursor_(t.pool, dbi), key_(std::move(key)) {}
  std::span<const NodeId> next() override {
    return reader_.next(cursor_.get(), as_val(std::string_view(key_)));
  }

 private:
  OwnedCursor cursor_;
  std::string key_;
  DupBatchReader<NodeId> reader_;
};

int compare_bytes(std::string_view a, std::string_view b) { return a.compare(b); }

class IndexRangeSource : public NodeIdSource {
 public:
  IndexRangeSource(const TxnRef& t, IndexRange r)
      : t_(t), cursor_(t.pool, t.dbis->propidx), r_(std::move(r)) {
    prefix_ = index_prefix(r_.index);
    if (r_.lower) encode_index_value(lower_full_, *r_.lower);
    if (r_.upper) encode_index_value(upper_full_, *r_.upper);
  }

  std::span<const NodeId> next() override {
    MDB_cursor* c = cursor_.get();
    for (;;) {
      if (done_) return {};
      MDB_val k, v;
      bool found;
      if (reading_) {
        auto batch = reader_.more(c);
        if (!batch.empty()) {
          if (!recheck_) return batch;
          auto kept = filter(batch);
          if (!kept.empty()) return kept;
          continue;
        }
        reading_ = false;
        found = check_found(mdb_cursor_get(c, &k, &v, MDB_NEXT_NODUP), "scan index");
      } else if (!started_) {
        started_ = true;
        k = as_val(std::string_view(r_.lower_key));
        found = check_found(mdb_cursor_get(c, &k, &v, MDB_SET_RANGE), "scan index");
      } else {
        found = check_found(mdb_cursor_get(c, &k, &v, MDB_NEXT_NODUP), "scan index");
      }
      if (!found) {
        done_ = true;
        return {};
      }
      std::string_view key = as_view(k);
      if (key.size() < 4 || key.substr(0, 4) != prefix_) {
        done_ = true;
        return {};
      }
      // Keys at the cut length may stand for longer values: their nodes are
      // checked against the real bounds instead of trusting the key bytes.
      recheck_ = index_key_maybe_cut(key.size());
      int cu = compare_bytes(key, r_.upper_key);
      if (cu > 0 || (cu == 0 && !r_.upper_inclusive && !recheck_)) {
        done_ = true;
        return {};
      }
      if (!recheck_ && !r_.lower_inclusive && key == r_.lower_key) continue;
      reading_ = true;
      auto batch = reader_.first(c, v);
      if (!recheck_) return batch;
      auto kept = filter(batch);
      if (!kept.empty()) return kept;
    }
  }

 private:
  std::span<const NodeId> filter(std::span<const NodeId> ids) {
    filtered_.clear();
    std::string enc;
    for (NodeId id : ids) {
      MDB_val k = as_val(id), v;
      if (!check_found(mdb_get(t_.txn, t_.dbis->nodes, &k, &v), "read node")) continue;
      Value val = find_property(skip_node_labels(as_view(v)), r_.prop);
      if (val.is_null()) continue;
      enc.clear();
      encode_index_value(enc, val);
      if (r_.family && static_cast<uint8_t>(enc[0]) != *r_.family) continue;
      if (r_.lower) {
        int c = compare_bytes(enc, lower_full_);
        if (c < 0 || (c == 0 && !r_.lower_inclusive)) continue;
      }
      if (r_.upper) {
        int c = compare_bytes(enc, upper_full_);
        if (c > 0 || (c == 0 && !r_.upper_inclusive)) continue;
      }
      filtered_.push_back(id);
    }
    return filtered_;
  }

  TxnRef t_;
  OwnedCursor cursor_;
  IndexRange r_;
  std::string prefix_, lower_full_, upper_full_;
  DupBatchReader<NodeId> reader_;
  std::vector<NodeId> filtered_;
  bool started_ = false, reading_ = false, recheck_ = false, done_ = false;
};

}  // namespace

std::unique_ptr<NodeIdSource> all_nodes_source(const TxnRef& t) {
  return std::make_unique<AllNodesSource>(t);
}

std::unique_ptr<NodeIdSource> dup_source(const TxnRef& t, MDB_dbi dbi, std::string key) {
  return std::make_unique<DupSource>(t, dbi, std::move(key));
}

std::unique_ptr<NodeIdSource> index_range_source(const TxnRef& t, IndexRange range) {
  return std::make_unique<IndexRangeSource>(t, std::move(range));
}

}  // namespace kith::storage
