// Cypher's comparison semantics over values: three-valued equality and
// ordering for predicates, a total order for ORDER BY, and the equality and
// hash used by DISTINCT and grouping (where null equals null).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "storage/value.h"

namespace kith::engine {

// Three-valued logic: the result of a predicate.
enum class Tri : uint8_t { False = 0, True = 1, Null = 2 };

inline Tri tri(bool b) { return b ? Tri::True : Tri::False; }
Tri tri_and(Tri a, Tri b);
Tri tri_or(Tri a, Tri b);
Tri tri_xor(Tri a, Tri b);
Tri tri_not(Tri a);

// `a = b`: Null when either side is null (or a list holds a null that
// decides the answer); 1 = 1.0; values of different kinds are not equal.
Tri equals(const Value& a, const Value& b);

// `a < b` and friends: the sign of a - b when both are of one comparable kind
// (numbers, strings, booleans, dates, datetimes, lists of those); nullopt when
// either is null or the kinds cannot be compared (the predicate is then null).
std::optional<int> compare(const Value& a, const Value& b);

// ORDER BY: a total order over all values. Kinds in the order of openCypher's
// orderability (lists < datetimes < dates < durations < strings < booleans <
// numbers < null), so nulls come last in ascending order.
int order(const Value& a, const Value& b);

// DISTINCT and grouping: null equals null, 1 equals 1.0, NaN equals NaN.
bool same_group(const Value& a, const Value& b);
size_t group_hash(const Value& v);

struct GroupHash {
  size_t operator()(const Value& v) const { return group_hash(v); }
};
struct GroupEqual {
  bool operator()(const Value& a, const Value& b) const { return same_group(a, b); }
};

// The same over a tuple of values (grouping keys, DISTINCT rows, UNION).
struct GroupKeyHash {
  size_t operator()(const std::vector<Value>& k) const {
    size_t h = 0;
    for (const auto& v : k) h = h * 31 + group_hash(v);
    return h;
  }
};
struct GroupKeyEqual {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (!same_group(a[i], b[i])) return false;
    }
    return true;
  }
};

}  // namespace kith::engine
