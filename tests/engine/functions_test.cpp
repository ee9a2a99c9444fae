#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>
#include <vector>

#include "engine/functions/function_registry.h"
#include "storage/error.h"

using namespace kith;
using namespace kith::engine;

namespace {

EvalContext ctx() {
  EvalContext c;
  REQUIRE(parse_datetime("2026-11-01T12:30:00Z", c.now));
  return c;
}

Value call(const char* name, std::initializer_list<Value> args) {
  const FunctionDef* def = find_function(name);
  REQUIRE_MESSAGE(def != nullptr, name);
  std::vector<Value> v(args);
  return call_function(*def, v, ctx());
}

Error error_of(const char* name, std::initializer_list<Value> args) {
  try {
    call(name, args);
  } catch (const Error& e) {
    return e;
  }
  FAIL("no error thrown by " << name);
  return Error(ErrorCode::Internal, "");
}

Value list(std::initializer_list<Value> items) { return Value(Value::List(items)); }

}  // namespace

TEST_CASE("functions are found case-insensitively; unknown names are not") {
  CHECK(find_function("TOLOWER") == find_function("toLower"));
  CHECK(find_function("tolower") != nullptr);
  CHECK(find_function("toLowr") == nullptr);
}

TEST_CASE("a wrong argument count is an ArgumentError with the signature") {
  Error e = error_of("substring", {Value("abc")});
  CHECK(e.code() == ErrorCode::ArgumentError);
  CHECK(e.message().find("substring() takes 2 to 3 arguments, got 1") == 0);
  CHECK(error_of("pi", {Value(1)}).code() == ErrorCode::ArgumentError);
}

TEST_CASE("a wrong argument type is a TypeError naming the function and the kind") {
  Error e = error_of("toLower", {Value(42)});
  CHECK(e.code() == ErrorCode::TypeError);
  CHECK(e.message() == "toLower() expects STRING as argument 1, got INT64 (42)");
}

TEST_CASE("string functions") {
  CHECK(call("toLower", {Value("Dana LEE")}) == Value("dana lee"));
  CHECK(call("toUpper", {Value("crm")}) == Value("CRM"));
  CHECK(call("trim", {Value("  a b \t")}) == Value("a b"));
  CHECK(call("ltrim", {Value("  a ")}) == Value("a "));
  CHECK(call("rtrim", {Value("  a ")}) == Value("  a"));
  CHECK(call("substring", {Value("héllo"), Value(1), Value(3)}) == Value("éll"));
  CHECK(call("substring", {Value("hello"), Value(3)}) == Value("lo"));
  CHECK(call("substring", {Value("hi"), Value(5)}) == Value(""));
  CHECK(error_of("substring", {Value("hi"), Value(-1)}).code() == ErrorCode::ArgumentError);
  CHECK(call("left", {Value("hello"), Value(2)}) == Value("he"));
  CHECK(call("right", {Value("hello"), Value(2)}) == Value("lo"));
  CHECK(call("split", {Value("a,b,,c"), Value(",")}) ==
        list({Value("a"), Value("b"), Value(""), Value("c")}));
  CHECK(call("split", {Value("añ"), Value("")}) == list({Value("a"), Value("ñ")}));
  CHECK(call("replace", {Value("aXbX"), Value("X"), Value("--")}) == Value("a--b--"));
  CHECK(call("toString", {Value(1.5)}) == Value("1.5"));
  CHECK(call("toString", {Value(true)}) == Value("true"));
  CHECK(call("toString", {Value(Date{0})}) == Value("1970-01-01"));
  CHECK(call("toLower", {Value()}).is_null());
  CHECK(call("substring", {Value(), Value(1)}).is_null());
}

TEST_CASE("numeric functions and conversions") {
  CHECK(call("abs", {Value(-3)}) == Value(3));
  CHECK(call("abs", {Value(-2.5)}) == Value(2.5));
  CHECK(call("round", {Value(2.5)}) == Value(3.0));
  CHECK(call("round", {Value(-2.5)}) == Value(-2.0));
  CHECK(call("round", {Value(3.14159), Value(2)}) == Value(3.14));
  CHECK(call("ceil", {Value(1.2)}) == Value(2.0));
  CHECK(call("floor", {Value(-1.2)}) == Value(-2.0));
  CHECK(call("sign", {Value(-7)}) == Value(-1));
  CHECK(call("sqrt", {Value(16)}) == Value(4.0));
  CHECK(call("toInteger", {Value("42")}) == Value(42));
  CHECK(call("toInteger", {Value(" 4.7 ")}) == Value(4));
  CHECK(call("toInteger", {Value(-4.7)}) == Value(-4));
  CHECK(call("toInteger", {Value("x")}).is_null());
  CHECK(call("toInteger", {Value(1e30)}).is_null());
  CHECK(call("toFloat", {Value("2.5")}) == Value(2.5));
  CHECK(call("toFloat", {Value(2)}) == Value(2.0));
  CHECK(call("toFloat", {Value("two")}).is_null());
  CHECK(call("toBoolean", {Value("TRUE")}) == Value(true));
  CHECK(call("toBoolean", {Value("yes")}).is_null());
  CHECK(error_of("toFloat", {Value(true)}).code() == ErrorCode::TypeError);
}

TEST_CASE("list functions") {
  Value l = list({Value(1), Value(2), Value(3)});
  CHECK(call("size", {l}) == Value(3));
  CHECK(call("size", {Value("héllo")}) == Value(5));
  CHECK(call("head", {l}) == Value(1));
  CHECK(call("last", {l}) == Value(3));
  CHECK(call("tail", {l}) == list({Value(2), Value(3)}));
  CHECK(call("head", {list({})}).is_null());
  CHECK(call("reverse", {l}) == list({Value(3), Value(2), Value(1)}));
  CHECK(call("reverse", {Value("añb")}) == Value("bña"));
  CHECK(call("range", {Value(1), Value(4)}) == list({Value(1), Value(2), Value(3), Value(4)}));
  CHECK(call("range", {Value(10), Value(0), Value(-5)}) == list({Value(10), Value(5), Value(0)}));
  CHECK(call("range", {Value(3), Value(1)}) == list({}));
  CHECK(error_of("range", {Value(0), Value(1), Value(0)}).code() == ErrorCode::ArgumentError);
  CHECK(error_of("range", {Value(0), Value(int64_t{1} << 62)}).code() == ErrorCode::ArgumentError);
  CHECK(call("coalesce", {Value(), Value(), Value("x"), Value(1)}) == Value("x"));
  CHECK(call("coalesce", {Value()}).is_null());
}

TEST_CASE("temporal functions read the query's now, never the clock") {
  DateTime now;
  REQUIRE(parse_datetime("2026-11-01T12:30:00Z", now));
  CHECK(call("datetime", {}) == Value(now));
  CHECK(call("date", {}) == Value(call("date", {Value("2026-11-01")})));
  CHECK(call("timestamp", {}) == Value(now.micros / 1000));
  CHECK(call("date", {Value(now)}) == call("date", {Value("2026-11-01")}));
  CHECK(call("datetime", {Value("2026-06-20T10:00:00")}) ==
        call("datetime", {Value("2026-06-20T10:00:00Z")}));
  CHECK(call("duration", {Value("P30D")}) == Value(Duration{0, 30, 0}));
  Error e = error_of("date", {Value("2026-02-30")});
  CHECK(e.code() == ErrorCode::ArgumentError);
  CHECK(e.message().find("2026-02-30") != std::string::npos);
  CHECK(error_of("duration", {Value("30 days")}).code() == ErrorCode::ArgumentError);
}
