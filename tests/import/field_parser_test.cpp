// Field values by type, arrays and node keys under each --id-type.
#include <doctest/doctest.h>

#include <string>

#include "storage/import/field_parser.h"

using namespace kith::storage::import;
using kith::Value;

namespace {

Value ok(std::string_view text, FieldType type, bool array = false) {
  Value v;
  std::string error;
  bool parsed = parse_value(text, type, array, ';', v, error);
  CHECK_MESSAGE(parsed, error);
  return v;
}

std::string fails(std::string_view text, FieldType type, bool array = false) {
  Value v;
  std::string error;
  CHECK_FALSE(parse_value(text, type, array, ';', v, error));
  return error;
}

}  // namespace

TEST_CASE("scalars") {
  CHECK(ok("héllo, world", FieldType::String) == Value("héllo, world"));
  CHECK(ok(" 42 ", FieldType::String) == Value(" 42 "));  // strings are kept as written
  CHECK(ok("20110817060540595", FieldType::Int) == Value(int64_t{20110817060540595}));
  CHECK(ok("-7", FieldType::Int) == Value(int64_t{-7}));
  CHECK(ok("+7", FieldType::Int) == Value(int64_t{7}));
  CHECK(ok("1.5", FieldType::Double) == Value(1.5));
  CHECK(ok("-2e3", FieldType::Double) == Value(-2000.0));
  CHECK(ok("3", FieldType::Double) == Value(3.0));
  CHECK(ok("TRUE", FieldType::Bool) == Value(true));
  CHECK(ok("false", FieldType::Bool) == Value(false));
  CHECK(ok("False", FieldType::Bool) == Value(false));
  kith::Date d;
  REQUIRE(kith::parse_date("2026-01-31", d));
  CHECK(ok("2026-01-31", FieldType::Date) == Value(d));
  kith::DateTime t;
  REQUIRE(kith::parse_datetime("2026-06-20T10:00:00Z", t));
  CHECK(ok("2026-06-20T10:00:00", FieldType::DateTime) == Value(t));
}

TEST_CASE("unparsable scalars say what and why") {
  CHECK(fails("12x", FieldType::Int).find("cannot parse '12x' as an integer") != std::string::npos);
  CHECK(fails("99999999999999999999", FieldType::Int).find("integer") != std::string::npos);
  CHECK(fails("1.2.3", FieldType::Double).find("floating-point") != std::string::npos);
  CHECK(fails("yes", FieldType::Bool).find("boolean") != std::string::npos);
  CHECK(fails("2026-13-01", FieldType::Date).find("date") != std::string::npos);
  CHECK(fails("yesterday", FieldType::DateTime).find("datetime") != std::string::npos);
}

TEST_CASE("arrays split on the array delimiter") {
  CHECK(ok("a;b;c", FieldType::String, true) == Value(Value::List{"a", "b", "c"}));
  CHECK(ok("a;;c", FieldType::String, true) == Value(Value::List{"a", "", "c"}));
  CHECK(ok("1;2;3", FieldType::Int, true) == Value(Value::List{int64_t{1}, int64_t{2}, int64_t{3}}));
  CHECK(ok("7", FieldType::Int, true) == Value(Value::List{int64_t{7}}));
  CHECK(ok("true;false", FieldType::Bool, true) == Value(Value::List{true, false}));
  CHECK(fails("1;x", FieldType::Int, true).find("array element") != std::string::npos);
  CHECK(fails("1;;2", FieldType::Int, true).find("empty element") != std::string::npos);
}

TEST_CASE("keys under each id type") {
  Key k;
  std::string error;
  REQUIRE(parse_key("933", IdType::Actual, k, error));
  CHECK(k.is_int);
  CHECK(k.i == 933);
  for (const char* s : {"007", "+7", "7.0", "abc", "-0", "99999999999999999999"}) {
    CAPTURE(s);
    REQUIRE(parse_key(s, IdType::Actual, k, error));
    CHECK_FALSE(k.is_int);
    CHECK(k.s == s);
  }
  REQUIRE(parse_key("-12", IdType::Actual, k, error));
  CHECK(k.is_int);
  CHECK(k.i == -12);
  REQUIRE(parse_key("933", IdType::String, k, error));
  CHECK_FALSE(k.is_int);
  CHECK(k.s == "933");
  REQUIRE(parse_key("007", IdType::Integer, k, error));
  CHECK(k.is_int);
  CHECK(k.i == 7);
  CHECK_FALSE(parse_key("abc", IdType::Integer, k, error));
  CHECK(error.find("not an integer") != std::string::npos);
}
