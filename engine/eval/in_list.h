// `x IN list` when one list is probed many times (a parameter, a constant,
// or a collected list read by every row of a pipeline): the list's elements
// go into a hash set once, so each probe costs O(1) instead of a scan.
//
// openCypher's null semantics are kept: x IN [] is false; null IN list is
// null otherwise; when x is not found, the answer is null if the list holds
// a null (or an element whose comparison with x is null), else false.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <unordered_set>
#include <vector>

#include "engine/value/compare.h"

namespace kith::engine {

// Below this many elements a scan is as cheap as hashing.
inline constexpr size_t kInListHashMin = 8;

// The three-valued `x IN list` by a scan: the reference semantics.
// `saw_null`: a null is already known to be in the list (elsewhere).
Tri in_list_scan(const Value& x, const Value::List& list, bool saw_null = false);

class InListSet {
 public:
  void build(const Value::List& list);
  // `list` must be the list the set was built from (probes that cannot be
  // hashed, e.g. a list holding a null, fall back to scanning it).
  Tri contains(const Value& x, const Value::List& list) const;
  // The same for a node or an integer, without building a Value (a batch
  // filter probes one per candidate).
  Tri contains_node(NodeId id, const Value::List& list) const;
  Tri contains_int(int64_t i, const Value::List& list) const;

 private:
  bool found(const Value& x) const;

  // Elements whose equality with any hashable value is true or false, and
  // true exactly when they group together: no null or NaN anywhere inside.
  // When they are all integers or all nodes (lists of ids, collected
  // nodes), a sorted vector of the numbers instead: no hashing of Values.
  enum class Kind : uint8_t { Empty, Ints, Nodes, Mixed };
  Kind kind_ = Kind::Empty;
  std::vector<uint64_t> sorted_;  // Ints (as int64_t bits) or Nodes
  // Longer lists of them (ids of thousands of tags): an open-addressing
  // table instead, a probe or two where a binary search misses ~12 times.
  // kFree marks an empty slot; the key kFree itself is `has_free_key_`.
  static constexpr size_t kTableFrom = 32;
  static constexpr uint64_t kFree = ~uint64_t{0};
  std::vector<uint64_t> table_;
  unsigned shift_ = 64;
  bool has_free_key_ = false;
  bool member(uint64_t key) const;
  void build_table();
  std::unordered_set<Value, GroupHash, GroupEqual> hashed_;  // Mixed
  // The others except null: NaN, lists or maps holding a null or NaN.
  std::vector<Value> unhashable_;
  bool has_null_ = false;
  bool empty_ = true;
};

// Implementation (header-only: small, and inlined into the evaluator).

namespace in_list_detail {

// True when `=` between v and another such value never yields null and
// agrees with grouping equality (which treats null = null and NaN = NaN).
inline bool hashable(const Value& v) {
  switch (v.type()) {
    case ValueType::Null: return false;
    case ValueType::Double: return !std::isnan(v.as_double());
    case ValueType::List:
      for (const auto& e : v.as_list()) {
        if (!hashable(e)) return false;
      }
      return true;
    case ValueType::Map:
      for (const auto& [k, e] : v.as_map()) {
        if (!hashable(e)) return false;
      }
      return true;
    default: return true;
  }
}

}  // namespace in_list_detail

inline Tri in_list_scan(const Value& x, const Value::List& list, bool saw_null) {
  for (const auto& e : list) {
    const Tri t = equals(x, e);
    if (t == Tri::True) return Tri::True;
    if (t == Tri::Null) saw_null = true;
  }
  return saw_null ? Tri::Null : Tri::False;
}

inline void InListSet::build(const Value::List& list) {
  hashed_.clear();
  sorted_.clear();
  unhashable_.clear();
  has_null_ = false;
  empty_ = list.empty();
  kind_ = Kind::Empty;
  for (const auto& e : list) {
    if (e.is_null()) {
      has_null_ = true;
    } else if (!in_list_detail::hashable(e)) {
      unhashable_.push_back(e);
    } else if (e.type() == ValueType::Int && (kind_ == Kind::Empty || kind_ == Kind::Ints)) {
      kind_ = Kind::Ints;
      sorted_.push_back(static_cast<uint64_t>(e.as_int()) ^ (uint64_t{1} << 63));
    } else if (e.type() == ValueType::Node && (kind_ == Kind::Empty || kind_ == Kind::Nodes)) {
      kind_ = Kind::Nodes;
      sorted_.push_back(e.as_node().id);
    } else {
      kind_ = Kind::Mixed;
      break;
    }
  }
  if (kind_ == Kind::Mixed) {
    sorted_.clear();
    unhashable_.clear();
    has_null_ = false;
    hashed_.reserve(list.size());
    for (const auto& e : list) {
      if (e.is_null()) {
        has_null_ = true;
      } else if (in_list_detail::hashable(e)) {
        hashed_.insert(e);
      } else {
        unhashable_.push_back(e);
      }
    }
  }
  if (sorted_.size() >= kTableFrom) {
    build_table();
  } else {
    table_.clear();
    std::sort(sorted_.begin(), sorted_.end());
  }
}

inline void InListSet::build_table() {
  size_t size = 2;
  shift_ = 63;
  while (size < 2 * sorted_.size()) {
    size *= 2;
    --shift_;
  }
  table_.assign(size, kFree);
  has_free_key_ = false;
  for (uint64_t k : sorted_) {
    if (k == kFree) {
      has_free_key_ = true;
      continue;
    }
    size_t i = (k * 0x9E3779B97F4A7C15ULL) >> shift_;
    while (table_[i] != kFree && table_[i] != k) i = (i + 1) & (size - 1);
    table_[i] = k;
  }
}

inline bool InListSet::member(uint64_t key) const {
  if (table_.empty()) return std::binary_search(sorted_.begin(), sorted_.end(), key);
  if (key == kFree) return has_free_key_;
  const size_t mask = table_.size() - 1;
  for (size_t i = (key * 0x9E3779B97F4A7C15ULL) >> shift_;; i = (i + 1) & mask) {
    if (table_[i] == key) return true;
    if (table_[i] == kFree) return false;
  }
}

// Whether hashable, non-null `x` equals an element of the hashable part.
inline bool InListSet::found(const Value& x) const {
  switch (kind_) {
    case Kind::Empty: return false;
    case Kind::Ints: {
      // Integers order as unsigned with the sign bit flipped; a whole
      // double equals the integer of its value.
      int64_t i;
      if (x.type() == ValueType::Int) {
        i = x.as_int();
      } else if (x.type() == ValueType::Double) {
        const double d = x.as_double();
        if (d != std::floor(d) || d < -9223372036854775808.0 || d >= 9223372036854775808.0) return false;
        i = static_cast<int64_t>(d);
      } else {
        return false;
      }
      return member(static_cast<uint64_t>(i) ^ (uint64_t{1} << 63));
    }
    case Kind::Nodes:
      return x.type() == ValueType::Node && member(x.as_node().id);
    case Kind::Mixed: return hashed_.count(x) > 0;
  }
  return false;
}

inline Tri InListSet::contains_node(NodeId id, const Value::List& list) const {
  if (kind_ != Kind::Nodes) return contains(Value(NodeRef{id}), list);
  if (member(id)) return Tri::True;
  if (unhashable_.empty()) return has_null_ ? Tri::Null : Tri::False;
  return in_list_scan(Value(NodeRef{id}), unhashable_, has_null_);
}

inline Tri InListSet::contains_int(int64_t i, const Value::List& list) const {
  if (kind_ != Kind::Ints) return contains(Value(i), list);
  if (member(static_cast<uint64_t>(i) ^ (uint64_t{1} << 63))) return Tri::True;
  if (unhashable_.empty()) return has_null_ ? Tri::Null : Tri::False;
  return in_list_scan(Value(i), unhashable_, has_null_);
}

inline Tri InListSet::contains(const Value& x, const Value::List& list) const {
  if (empty_) return Tri::False;
  if (x.is_null()) return Tri::Null;
  if (!in_list_detail::hashable(x)) return in_list_scan(x, list);
  if (found(x)) return Tri::True;
  return in_list_scan(x, unhashable_, has_null_);
}

}  // namespace kith::engine
