// Node keys of one ID(...) group: the external key -> the node id it was
// loaded as. Each group is separate (LDBC's Tag 0 and Forum 0 are different
// nodes). Integer keys live in their own map so the common numeric case hashes
// an int64 instead of a string.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "storage/ids.h"
#include "storage/import/field_parser.h"

namespace kith::storage::import {

struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class KeySpace {
 public:
  explicit KeySpace(std::string name) : name_(std::move(name)) {}

  // False when the key is already taken.
  bool insert(const Key& key, NodeId node) {
    if (key.is_int) return ints_.try_emplace(key.i, node).second;
    return strings_.try_emplace(std::string(key.s), node).second;
  }

  NodeId find(const Key& key) const {
    if (key.is_int) {
      auto it = ints_.find(key.i);
      return it == ints_.end() ? kNoNode : it->second;
    }
    auto it = strings_.find(key.s);
    return it == strings_.end() ? kNoNode : it->second;
  }

  // For messages: "'Person'", or "the global space" for ":ID" without a name.
  std::string describe() const { return name_.empty() ? "the global key space" : "key space '" + name_ + "'"; }
  uint64_t size() const { return ints_.size() + strings_.size(); }

 private:
  std::string name_;
  std::unordered_map<int64_t, NodeId> ints_;
  std::unordered_map<std::string, NodeId, StringViewHash, std::equal_to<>> strings_;
};

}  // namespace kith::storage::import
