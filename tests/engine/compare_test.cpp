#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "engine/value/compare.h"

using namespace kith;
using namespace kith::engine;

TEST_CASE("three-valued logic follows openCypher's truth tables") {
  CHECK(tri_and(Tri::True, Tri::Null) == Tri::Null);
  CHECK(tri_and(Tri::False, Tri::Null) == Tri::False);
  CHECK(tri_or(Tri::True, Tri::Null) == Tri::True);
  CHECK(tri_or(Tri::False, Tri::Null) == Tri::Null);
  CHECK(tri_xor(Tri::True, Tri::False) == Tri::True);
  CHECK(tri_xor(Tri::True, Tri::Null) == Tri::Null);
  CHECK(tri_not(Tri::Null) == Tri::Null);
  CHECK(tri_not(Tri::False) == Tri::True);
}

TEST_CASE("equality: null propagates, numbers compare across kinds") {
  CHECK(equals(Value(), Value()) == Tri::Null);
  CHECK(equals(Value(1), Value()) == Tri::Null);
  CHECK(equals(Value(1), Value(1.0)) == Tri::True);
  CHECK(equals(Value(1), Value(1.5)) == Tri::False);
  CHECK(equals(Value("1"), Value(1)) == Tri::False);
  CHECK(equals(Value(std::nan("")), Value(std::nan(""))) == Tri::False);
  // 2^53 + 1 is not representable as a double: it must not equal 2^53.
  CHECK(equals(Value(int64_t{9007199254740993}), Value(9007199254740992.0)) == Tri::False);
  Value::List a{Value(1), Value()};
  Value::List b{Value(1), Value(2)};
  Value::List c{Value(2), Value()};
  CHECK(equals(Value(a), Value(b)) == Tri::Null);
  CHECK(equals(Value(c), Value(b)) == Tri::False);  // decided by the first element
}

TEST_CASE("ordering comparisons are null across incomparable kinds") {
  CHECK(compare(Value(1), Value(2.5)).value() < 0);
  CHECK(compare(Value("b"), Value("a")).value() > 0);
  CHECK_FALSE(compare(Value("a"), Value(1)).has_value());
  CHECK_FALSE(compare(Value(), Value(1)).has_value());
  CHECK(compare(Value(Date{1}), Value(Date{2})).value() < 0);
  CHECK_FALSE(compare(Value(Date{1}), Value(DateTime{2})).has_value());
  CHECK_FALSE(compare(Value(Duration{1, 0, 0}), Value(Duration{0, 30, 0})).has_value());
  CHECK(compare(Value(Value::List{Value(1), Value(2)}), Value(Value::List{Value(1), Value(3)})).value() < 0);
  CHECK(compare(Value(Value::List{Value(1)}), Value(Value::List{Value(1), Value(0)})).value() < 0);
}

TEST_CASE("ORDER BY's total order puts nulls last and numbers together") {
  CHECK(order(Value(1), Value()) < 0);
  CHECK(order(Value(), Value(1)) > 0);
  CHECK(order(Value(2), Value(1.5)) > 0);
  CHECK(order(Value("z"), Value(0)) < 0);       // strings before numbers
  CHECK(order(Value(true), Value(0)) < 0);      // booleans before numbers
  CHECK(order(Value(false), Value(true)) < 0);
  CHECK(order(Value(Value::List{}), Value("a")) < 0);
  CHECK(order(Value(std::nan("")), Value(1e300)) > 0);  // NaN above every number
  CHECK(order(Value(1), Value(1.0)) == 0);
}

TEST_CASE("grouping treats null as equal and hashes equal numbers alike") {
  CHECK(same_group(Value(), Value()));
  CHECK(same_group(Value(3), Value(3.0)));
  CHECK(group_hash(Value(3)) == group_hash(Value(3.0)));
  CHECK_FALSE(same_group(Value(3), Value("3")));
  CHECK(same_group(Value(Value::List{Value(), Value(1)}), Value(Value::List{Value(), Value(1.0)})));
  CHECK(group_hash(Value(Value::List{Value(1)})) == group_hash(Value(Value::List{Value(1.0)})));
  CHECK_FALSE(same_group(Value(Date{3}), Value(3)));
}
