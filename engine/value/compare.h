// Cypher's comparison semantics over values: three-valued equality and
// ordering for predicates, a total order for ORDER BY, and the equality and
// hash used by DISTINCT and grouping (where null equals null).
#pragma once

#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
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

// The comparison operators of a predicate.
enum class CmpOp : uint8_t { Eq, Ne, Lt, Le, Gt, Ge };

// A null or fixed-width value as its kind and 64 bits, the form storage's
// columns keep (Bool 0/1, Int the value, Double its bit pattern, Date the
// days, DateTime the micros): compared without building a Value.
struct Scalar {
  ValueType type = ValueType::Null;
  int64_t bits = 0;
};

// False when `v` is of another kind (a string, a list, ...).
inline bool as_scalar(const Value& v, Scalar& out);

// `a op b` as a predicate's comparison answers it (null on either side:
// null; `=`/`<>` as `equals`; ordering as `compare`, where NaN makes it
// false). True when decided here; false when the kinds cannot be ordered
// (Int < Bool, Date < DateTime): the generic path then raises its error.
[[gnu::always_inline]] inline bool compare_scalars(CmpOp op, Scalar a, Scalar b, Tri& out);

// The sign of i - d, exactly (an int converted to double could round:
// 2^53 + 1). NaN counts as above every number (ORDER BY's rule).
inline int compare_int_double(int64_t i, double d) {
  if (std::isnan(d)) return -1;
  constexpr double kTwo63 = 9223372036854775808.0;
  if (d >= kTwo63) return -1;
  if (d < -kTwo63) return 1;
  const double whole = std::floor(d);
  const auto di = static_cast<int64_t>(whole);
  if (i != di) return i < di ? -1 : 1;
  return whole == d ? 0 : -1;  // i == floor(d) < d
}

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

// Implementation of the inline comparisons (inlined into predicates).

inline bool as_scalar(const Value& v, Scalar& out) {
  out.type = v.type();
  switch (out.type) {
    case ValueType::Null: out.bits = 0; return true;
    case ValueType::Bool: out.bits = v.as_bool(); return true;
    case ValueType::Int: out.bits = v.as_int(); return true;
    case ValueType::Double: out.bits = std::bit_cast<int64_t>(v.as_double()); return true;
    case ValueType::Date: out.bits = v.as_date().days; return true;
    case ValueType::DateTime: out.bits = v.as_datetime().micros; return true;
    default: return false;
  }
}

namespace compare_detail {

template <typename T>
[[gnu::always_inline]] inline int sign(T x, T y) {
  return x < y ? -1 : (y < x ? 1 : 0);
}

[[gnu::always_inline]] inline Tri by_sign(CmpOp op, int c) {
  switch (op) {
    case CmpOp::Eq: return tri(c == 0);
    case CmpOp::Ne: return tri(c != 0);
    case CmpOp::Lt: return tri(c < 0);
    case CmpOp::Le: return tri(c <= 0);
    case CmpOp::Gt: return tri(c > 0);
    case CmpOp::Ge: return tri(c >= 0);
  }
  return Tri::Null;
}

// NaN on either side: not equal, and every ordering is false.
inline Tri with_nan(CmpOp op) { return tri(op == CmpOp::Ne); }

}  // namespace compare_detail

[[gnu::always_inline]] inline bool compare_scalars(CmpOp op, Scalar a, Scalar b, Tri& out) {
  using compare_detail::by_sign;
  using compare_detail::sign;
  using compare_detail::with_nan;
  if (a.type == ValueType::Null || b.type == ValueType::Null) {
    out = Tri::Null;
    return true;
  }
  if (a.type == b.type) {
    switch (a.type) {
      case ValueType::Int:
      case ValueType::DateTime: out = by_sign(op, sign(a.bits, b.bits)); return true;
      case ValueType::Date:
        out = by_sign(op, sign(static_cast<int32_t>(a.bits), static_cast<int32_t>(b.bits)));
        return true;
      case ValueType::Bool: out = by_sign(op, sign(a.bits != 0, b.bits != 0)); return true;
      case ValueType::Double: {
        const double x = std::bit_cast<double>(a.bits), y = std::bit_cast<double>(b.bits);
        out = std::isnan(x) || std::isnan(y) ? with_nan(op) : by_sign(op, sign(x, y));
        return true;
      }
      default: return false;
    }
  }
  if (a.type == ValueType::Int && b.type == ValueType::Double) {
    const double y = std::bit_cast<double>(b.bits);
    out = std::isnan(y) ? with_nan(op) : by_sign(op, compare_int_double(a.bits, y));
    return true;
  }
  if (a.type == ValueType::Double && b.type == ValueType::Int) {
    const double x = std::bit_cast<double>(a.bits);
    out = std::isnan(x) ? with_nan(op) : by_sign(op, -compare_int_double(b.bits, x));
    return true;
  }
  // Different kinds that are not both numbers are never equal, and have no
  // order: false with a NaN, else the generic path raises the TypeError.
  const bool nan = (a.type == ValueType::Double && std::isnan(std::bit_cast<double>(a.bits))) ||
                   (b.type == ValueType::Double && std::isnan(std::bit_cast<double>(b.bits)));
  if (nan || op == CmpOp::Eq || op == CmpOp::Ne) {
    out = tri(op == CmpOp::Ne);
    return true;
  }
  return false;
}

}  // namespace kith::engine
