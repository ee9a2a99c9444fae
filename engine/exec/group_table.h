// GroupTable interns tuples of grouping values (aggregation keys, DISTINCT
// rows): each distinct tuple, as same_group sees it (null equal to null, 1 equal to 1.0),
// gets a dense index in first-seen order.
//
// Why not std::unordered_map<std::vector<Value>, ...>: that allocates a node
// and a key vector per group and hashes through a vector per row. Here keys
// live in one flat array and the table holds group indices (open addressing,
// linear probing), so probing with the current row's values allocates
// nothing and a new group costs an append.
//
// IdPairTable does the same for pairs of integers, (group, node id) or
// (group, value index), in first-seen order: what a DISTINCT aggregate has
// seen when the things to tell apart have integer names, two integers to
// hash and compare instead of a Value tuple. DistinctPairs keeps those pairs
// for a DISTINCT aggregate, cheaply while groups come in runs.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "engine/value/compare.h"
#include "storage/value.h"

namespace kith::engine {

class GroupTable {
 public:
  explicit GroupTable(size_t width) : width_(width) {}

  // The group of `key` (exactly width() values) and whether it is new; a
  // new group's values are copied in.
  std::pair<size_t, bool> intern(std::span<const Value> key) {
    if (width_ == 0) {
      const bool fresh = groups_ == 0;
      groups_ = 1;
      return {0, fresh};
    }
    if ((indexed_ + 1) * 4 > slots_.size() * 3) grow();
    const size_t h = hash(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const uint32_t s = slots_[i];
      if (s == 0) {
        slots_[i] = static_cast<uint32_t>(groups_ + 1);
        keys_.insert(keys_.end(), key.begin(), key.end());
        hashes_.push_back(h);
        ++indexed_;
        return {groups_++, true};
      }
      if (hashes_[s - 1] == h && equal(s - 1, key)) return {s - 1, false};
    }
  }

  // A new group that no intern() probe can ever match, so it needs no
  // place in the hash index: keys the caller tells apart itself (AggregateOp
  // finds a node key by its id, and no other value equals a node).
  size_t append(std::span<const Value> key) {
    keys_.insert(keys_.end(), key.begin(), key.end());
    hashes_.push_back(kUnindexed);
    return groups_++;
  }

  size_t size() const { return groups_; }
  size_t width() const { return width_; }
  std::span<const Value> key(size_t group) const { return {keys_.data() + group * width_, width_}; }

  void clear() {
    keys_.clear();
    hashes_.clear();
    slots_.clear();
    mask_ = 0;
    groups_ = 0;
    indexed_ = 0;
  }

 private:
  static size_t hash(std::span<const Value> key) {
    size_t h = 0;
    for (const Value& v : key) h = h * 31 + group_hash(v);
    // Spread the bits: group_hash of small ints and node ids is near identity.
    h = (h ^ (h >> 29)) * 0xbf58476d1ce4e5b9ULL;
    return h == kUnindexed ? h - 1 : h;
  }
  bool equal(size_t group, std::span<const Value> key) const {
    const Value* stored = keys_.data() + group * width_;
    for (size_t i = 0; i < width_; ++i) {
      if (!same_group(stored[i], key[i])) return false;
    }
    return true;
  }
  void grow() {
    const size_t size = slots_.empty() ? 16 : slots_.size() * 2;
    slots_.assign(size, 0);
    mask_ = size - 1;
    for (size_t g = 0; g < groups_; ++g) {
      if (hashes_[g] == kUnindexed) continue;
      size_t i = hashes_[g] & mask_;
      while (slots_[i] != 0) i = (i + 1) & mask_;
      slots_[i] = static_cast<uint32_t>(g + 1);
    }
  }

  static constexpr size_t kUnindexed = SIZE_MAX;  // hashes_ of an appended group
  size_t width_;
  std::vector<Value> keys_;      // group g's values at [g * width_, (g + 1) * width_)
  std::vector<size_t> hashes_;   // by group
  std::vector<uint32_t> slots_;  // group + 1; 0 = empty
  size_t mask_ = 0;
  size_t groups_ = 0;
  size_t indexed_ = 0;  // groups in slots_ (not appended)
};

class IdPairTable {
 public:
  // The index of the pair (a, b) and whether it is new. `a` is a group
  // index or 0, below 2^32 - 1 (GroupTable's slots hold groups in 32 bits).
  std::pair<size_t, bool> intern(size_t a, uint64_t b) { return intern(a, b, size_); }

  // The same, but a new pair is given `index` (below 2^32) instead of the
  // next one: a map from pairs to the caller's numbers.
  std::pair<size_t, bool> intern(size_t a, uint64_t b, size_t index) {
    if ((size_ + 1) * 4 > slots_.size() * 3) grow();
    const auto tag = static_cast<uint32_t>(a + 1);
    for (size_t i = hash(tag, b) & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.a == 0) {
        s = {b, tag, static_cast<uint32_t>(index)};
        ++size_;
        return {index, true};
      }
      if (s.a == tag && s.b == b) return {s.index, false};
    }
  }

  size_t size() const { return size_; }

  void clear() {
    slots_.clear();
    mask_ = 0;
    size_ = 0;
  }

  // Empties the table at a cost near its size, not its capacity: the slots
  // are kept unless far more than the entries need (a run of one big group
  // followed by many small ones must not wipe the big table each time).
  void reset() {
    constexpr size_t kSmall = 64;
    if (slots_.size() <= kSmall || slots_.size() <= size_ * 8) {
      std::fill(slots_.begin(), slots_.end(), Slot{0, 0, 0});
    } else {
      slots_.assign(kSmall, Slot{0, 0, 0});
      mask_ = kSmall - 1;
    }
    size_ = 0;
  }

 private:
  struct Slot {
    uint64_t b;
    uint32_t a;  // a + 1; 0 = empty
    uint32_t index;
  };

  static size_t hash(uint32_t a, uint64_t b) {
    uint64_t h = b * 0x9e3779b97f4a7c15ULL + a;
    h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 31);
  }
  void grow() {
    std::vector<Slot> old(slots_.empty() ? 16 : slots_.size() * 2, Slot{0, 0, 0});
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.a == 0) continue;
      size_t i = hash(s.a, s.b) & mask_;
      while (slots_[i].a != 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;  // open addressing, linear probing
  size_t mask_ = 0;
  size_t size_ = 0;
};

// The (group, id) pairs a DISTINCT aggregate has seen. While its groups come
// in runs (all of a group's rows together, as rows expanded from the
// grouping node do), only the current group's ids are kept, in a table
// small enough to stay in cache, emptied when the next group starts; every
// pair is also logged. A group that comes back after a later one had pairs
// turns the log into one table of all pairs, which serves from then on.
// (IC12's 52k rows hold 24k (friend, comment) pairs: probing one table of
// them all missed the cache on most rows.)
class DistinctPairs {
 public:
  // False when (group, id) was inserted before.
  bool insert(size_t group, uint64_t id) {
    if (runs_) {
      // Groups are numbered in first-seen order, so a group above the
      // current run's has no pair yet: a new run. Below: it comes back.
      if (group != run_group_) {
        if (run_group_ != kNone && group < run_group_) {
          leave_runs();
          return all_.intern(group, id).second;
        }
        run_.reset();
        run_group_ = group;
      }
      if (!run_.intern(0, id).second) return false;
      if (!log_) log_ = std::make_unique<std::deque<std::pair<size_t, uint64_t>>>();
      log_->push_back({group, id});
      return true;
    }
    return all_.intern(group, id).second;
  }

  void clear() {
    runs_ = true;
    run_group_ = kNone;
    run_.clear();
    all_.clear();
    if (log_) log_->clear();
  }

 private:
  void leave_runs() {
    runs_ = false;
    if (!log_) return;
    for (const auto& [g, i] : *log_) all_.intern(g, i);
    log_->clear();
  }

  static constexpr size_t kNone = SIZE_MAX;
  bool runs_ = true;
  size_t run_group_ = kNone;
  IdPairTable run_;  // (0, id) of run_group_
  IdPairTable all_;  // (group, id), once out of runs
  // Every pair while in runs; a deque grows in small blocks from malloc's
  // pool, never moving or faulting in one big array. Made at the first
  // pair (an empty deque allocates).
  std::unique_ptr<std::deque<std::pair<size_t, uint64_t>>> log_;
};

}  // namespace kith::engine
