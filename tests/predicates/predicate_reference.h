// The reference answer of a comparison predicate, written from the generic
// functions of engine/value/compare.h the way the comparison node used them
// before it had fast paths: the tests' oracle.
#pragma once

#include <cmath>
#include <optional>
#include <string>

#include "engine/value/compare.h"

namespace kith::engine {

inline constexpr CmpOp kAllOps[] = {CmpOp::Eq, CmpOp::Ne, CmpOp::Lt, CmpOp::Le, CmpOp::Gt, CmpOp::Ge};

inline std::string op_text(CmpOp op) {
  switch (op) {
    case CmpOp::Eq: return "=";
    case CmpOp::Ne: return "<>";
    case CmpOp::Lt: return "<";
    case CmpOp::Le: return "<=";
    case CmpOp::Gt: return ">";
    case CmpOp::Ge: return ">=";
  }
  return "?";
}

// nullopt: the comparison raises a TypeError.
inline std::optional<Tri> reference_compare(CmpOp op, const Value& a, const Value& b) {
  if (op == CmpOp::Eq || op == CmpOp::Ne) {
    const Tri t = equals(a, b);
    if (t == Tri::Null) return t;
    return tri((t == Tri::True) == (op == CmpOp::Eq));
  }
  if (a.is_null() || b.is_null()) return Tri::Null;
  const std::optional<int> c = compare(a, b);
  if (!c) {
    const bool nan = (a.type() == ValueType::Double && std::isnan(a.as_double())) ||
                     (b.type() == ValueType::Double && std::isnan(b.as_double()));
    if (nan) return Tri::False;
    return std::nullopt;
  }
  switch (op) {
    case CmpOp::Lt: return tri(*c < 0);
    case CmpOp::Le: return tri(*c <= 0);
    case CmpOp::Gt: return tri(*c > 0);
    default: return tri(*c >= 0);
  }
}

}  // namespace kith::engine
