#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "engine/value/arithmetic.h"
#include "storage/error.h"

using namespace kith;
using namespace kith::engine;

namespace {

ErrorCode error_of(auto&& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.code();
  }
  FAIL("no error thrown");
  return ErrorCode::Internal;
}

Date d(const char* text) {
  Date out;
  REQUIRE(parse_date(text, out));
  return out;
}

DateTime t(const char* text) {
  DateTime out;
  REQUIRE(parse_datetime(text, out));
  return out;
}

}  // namespace

TEST_CASE("integer arithmetic stays integral and detects overflow") {
  CHECK(add(Value(2), Value(3)) == Value(5));
  CHECK(subtract(Value(2), Value(3)) == Value(-1));
  CHECK(multiply(Value(4), Value(-3)) == Value(-12));
  CHECK(divide(Value(7), Value(2)) == Value(3));
  CHECK(divide(Value(-7), Value(2)) == Value(-3));  // truncates toward zero
  CHECK(modulo(Value(-7), Value(3)) == Value(-1));
  const int64_t max = std::numeric_limits<int64_t>::max();
  const int64_t min = std::numeric_limits<int64_t>::min();
  CHECK(error_of([&] { add(Value(max), Value(1)); }) == ErrorCode::ArithmeticError);
  CHECK(error_of([&] { multiply(Value(max), Value(2)); }) == ErrorCode::ArithmeticError);
  CHECK(error_of([&] { divide(Value(min), Value(-1)); }) == ErrorCode::ArithmeticError);
  CHECK(error_of([&] { negate(Value(min)); }) == ErrorCode::ArithmeticError);
  CHECK(modulo(Value(min), Value(-1)) == Value(0));
}

TEST_CASE("division by zero: an error for integers, IEEE for floats") {
  CHECK(error_of([] { divide(Value(1), Value(0)); }) == ErrorCode::ArithmeticError);
  CHECK(error_of([] { modulo(Value(1), Value(0)); }) == ErrorCode::ArithmeticError);
  CHECK(std::isinf(divide(Value(1.0), Value(0)).as_double()));
  CHECK(std::isnan(divide(Value(0.0), Value(0.0)).as_double()));
}

TEST_CASE("mixed numbers become doubles; power is always a double") {
  CHECK(add(Value(1), Value(0.5)) == Value(1.5));
  CHECK(power(Value(2), Value(10)) == Value(1024.0));
  CHECK(negate(Value(2.5)) == Value(-2.5));
}

TEST_CASE("null propagates through every operator") {
  CHECK(add(Value(), Value(1)).is_null());
  CHECK(subtract(Value(1), Value()).is_null());
  CHECK(multiply(Value(), Value()).is_null());
  CHECK(divide(Value(), Value(0)).is_null());
  CHECK(modulo(Value(1), Value()).is_null());
  CHECK(power(Value(), Value(2)).is_null());
  CHECK(negate(Value()).is_null());
}

TEST_CASE("strings and lists concatenate with +") {
  CHECK(add(Value("ab"), Value("cd")) == Value("abcd"));
  CHECK(add(Value("n="), Value(3)) == Value("n=3"));
  CHECK(add(Value(Value::List{Value(1)}), Value(2)) == Value(Value::List{Value(1), Value(2)}));
  CHECK(add(Value(Value::List{Value(1)}), Value(Value::List{Value(2), Value(3)})) ==
        Value(Value::List{Value(1), Value(2), Value(3)}));
}

TEST_CASE("operators reject kinds they do not take, naming both") {
  try {
    add(Value(true), Value(1.5));
    FAIL("expected a TypeError");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::TypeError);
    CHECK(e.message() == "cannot apply '+' to BOOL and DOUBLE");
  }
  CHECK(error_of([] { multiply(Value("a"), Value(2)); }) == ErrorCode::TypeError);
  CHECK(error_of([] { negate(Value("a")); }) == ErrorCode::TypeError);
}

TEST_CASE("calendar arithmetic clamps the day and keeps the time of day") {
  CHECK(add(Value(d("2026-01-31")), Value(Duration{1, 0, 0})) == Value(d("2026-02-28")));
  CHECK(add(Value(d("2024-01-31")), Value(Duration{1, 0, 0})) == Value(d("2024-02-29")));
  CHECK(subtract(Value(d("2026-03-01")), Value(Duration{0, 1, 0})) == Value(d("2026-02-28")));
  CHECK(add(Value(d("2026-12-15")), Value(Duration{1, 0, 0})) == Value(d("2027-01-15")));
  CHECK(subtract(Value(d("2026-01-15")), Value(Duration{1, 0, 0})) == Value(d("2025-12-15")));
  CHECK(add(Value(t("2026-06-20T10:00:00Z")), Value(Duration{0, 30, 3'600'000'000})) ==
        Value(t("2026-07-20T11:00:00Z")));
  CHECK(subtract(Value(t("1969-12-31T23:00:00Z")), Value(Duration{2, 0, 0})) ==
        Value(t("1969-10-31T23:00:00Z")));
  CHECK(add(Value(Duration{1, 2, 3}), Value(Duration{1, 1, 1})) == Value(Duration{2, 3, 4}));
}
