// Node keys of one ID(...) group: the external key -> the node id it was
// loaded as. Each group is separate (LDBC's Tag 0 and Forum 0 are different
// nodes). Integer keys live in their own map so the common numeric case hashes
// an int64 instead of a string: an open-addressing table, and once the nodes
// are loaded (freeze()) a plain array by key when the keys are dense. Every
// relationship row looks up two keys (37.8M lookups for the 1M-person demo
// graph); a node-based map costs two or more cache misses each, the table
// one, the array (relationship files mostly come sorted by start key) about
// none.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "storage/ids.h"
#include "storage/import/field_parser.h"

namespace kith::storage::import {

struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class IntKeyMap {
 public:
  // False when the key is already taken. Not after freeze().
  bool insert(int64_t key, NodeId node) {
    if ((size_ + 1) * 4 > slots_.size() * 3) grow();
    for (size_t i = hash(key) & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.node == kNoNode) {
        s = Slot{key, node};
        ++size_;
        min_ = size_ == 1 ? key : std::min(min_, key);
        max_ = size_ == 1 ? key : std::max(max_, key);
        return true;
      }
      if (s.key == key) return false;
    }
  }

  NodeId find(int64_t key) const {
    if (frozen_dense_) {
      if (key < min_ || key > max_) return kNoNode;
      return dense_[static_cast<uint64_t>(key) - static_cast<uint64_t>(min_)];
    }
    if (size_ == 0) return kNoNode;
    for (size_t i = hash(key) & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.node == kNoNode) return kNoNode;
      if (s.key == key) return s.node;
    }
  }

  // All keys are in: switch to an array by key when the keys fill at least
  // half of their range.
  void freeze() {
    if (size_ == 0 || frozen_dense_) return;
    const uint64_t span = static_cast<uint64_t>(max_) - static_cast<uint64_t>(min_) + 1;
    if (span == 0 || span > 2 * size_) return;  // span 0: the whole int64 range wrapped
    dense_.assign(span, kNoNode);
    for (const Slot& s : slots_) {
      if (s.node != kNoNode) dense_[static_cast<uint64_t>(s.key) - static_cast<uint64_t>(min_)] = s.node;
    }
    frozen_dense_ = true;
    std::vector<Slot>().swap(slots_);
  }

  size_t size() const { return size_; }

 private:
  struct Slot {
    int64_t key = 0;
    NodeId node = kNoNode;  // kNoNode: empty
  };
  static size_t hash(int64_t key) {
    uint64_t x = static_cast<uint64_t>(key);
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return static_cast<size_t>(x);
  }
  void grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.node == kNoNode) continue;
      size_t i = hash(s.key) & mask_;
      while (slots_[i].node != kNoNode) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
  int64_t min_ = 0, max_ = 0;
  std::vector<NodeId> dense_;  // after freeze(), when dense: [key - min_]
  bool frozen_dense_ = false;
};

class KeySpace {
 public:
  explicit KeySpace(std::string name) : name_(std::move(name)) {}

  // False when the key is already taken.
  bool insert(const Key& key, NodeId node) {
    if (key.is_int) return ints_.insert(key.i, node);
    return strings_.try_emplace(std::string(key.s), node).second;
  }

  NodeId find(const Key& key) const {
    if (key.is_int) return ints_.find(key.i);
    auto it = strings_.find(key.s);
    return it == strings_.end() ? kNoNode : it->second;
  }

  // For messages: "'Person'", or "the global space" for ":ID" without a name.
  std::string describe() const { return name_.empty() ? "the global key space" : "key space '" + name_ + "'"; }
  uint64_t size() const { return ints_.size() + strings_.size(); }
  // Every node is loaded: lookups only from now on.
  void freeze() { ints_.freeze(); }

 private:
  std::string name_;
  IntKeyMap ints_;
  std::unordered_map<std::string, NodeId, StringViewHash, std::equal_to<>> strings_;
};

}  // namespace kith::storage::import
