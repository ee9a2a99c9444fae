// compare_scalars (engine/value/compare.h), the in-place comparison of null
// and fixed-width values, against the generic path it stands in for:
// equals() for = and <>, compare() for orderings (NaN makes them false),
// a TypeError where the kinds have no order.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "engine/value/compare.h"
#include "tests/predicates/predicate_reference.h"

using namespace kith;
using namespace kith::engine;

namespace {

std::vector<Value> fixed_width_values() {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const int64_t two53 = int64_t{1} << 53;
  return {
      Value(),
      Value(int64_t{0}), Value(int64_t{1}), Value(int64_t{-1}), Value(int64_t{3}),
      Value(two53), Value(two53 + 1), Value(std::numeric_limits<int64_t>::min()),
      Value(std::numeric_limits<int64_t>::max()),
      Value(0.0), Value(-0.0), Value(1.0), Value(0.5), Value(-1.5), Value(3.0),
      Value(static_cast<double>(two53)), Value(9223372036854775808.0), Value(-9223372036854775808.0),
      Value(inf), Value(-inf), Value(nan),
      Value(true), Value(false),
      Value(Date{0}), Value(Date{-1}), Value(Date{19000}),
      Value(DateTime{0}), Value(DateTime{-5}), Value(DateTime{1700000000000000}),
  };
}

}  // namespace

TEST_CASE("compare_scalars answers every pair of fixed-width values as the generic path does") {
  const auto values = fixed_width_values();
  int decided_count = 0;
  for (const Value& a : values) {
    for (const Value& b : values) {
      for (CmpOp op : kAllOps) {
        CAPTURE(a.to_string());
        CAPTURE(b.to_string());
        CAPTURE(op_text(op));
        Scalar x, y;
        REQUIRE(as_scalar(a, x));
        REQUIRE(as_scalar(b, y));
        Tri t = Tri::Null;
        const bool decided = compare_scalars(op, x, y, t);
        const std::optional<Tri> want = reference_compare(op, a, b);
        if (want) {
          // Every answer of these kinds is decided in place (no fallback).
          REQUIRE(decided);
          CHECK(t == *want);
          ++decided_count;
        } else {
          CHECK_FALSE(decided);  // the generic path raises the TypeError
        }
      }
    }
  }
  CHECK(decided_count > 3000);
}

TEST_CASE("as_scalar takes null and the fixed-width kinds only") {
  Scalar s;
  CHECK(as_scalar(Value(), s));
  CHECK(s.type == ValueType::Null);
  CHECK(as_scalar(Value(2.5), s));
  CHECK(s.type == ValueType::Double);
  CHECK(as_scalar(Value(Date{-3}), s));
  CHECK(s.bits == -3);
  CHECK_FALSE(as_scalar(Value("1"), s));
  CHECK_FALSE(as_scalar(Value(Value::List{Value(int64_t{1})}), s));
  CHECK_FALSE(as_scalar(Value(Duration{0, 1, 0}), s));
  CHECK_FALSE(as_scalar(Value(NodeRef{1}), s));
}
