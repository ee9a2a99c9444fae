// Property values: type names, literals, and the calendar helpers that import,
// the engine and the server rely on to agree about dates.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

#include "storage/value.h"

using namespace kith;

namespace {

Date date(std::string_view text) {
  Date d{123456};
  REQUIRE_MESSAGE(parse_date(text, d), text);
  return d;
}

DateTime datetime(std::string_view text) {
  DateTime t{123456};
  REQUIRE_MESSAGE(parse_datetime(text, t), text);
  return t;
}

bool date_ok(std::string_view text) {
  Date d;
  return parse_date(text, d);
}

bool datetime_ok(std::string_view text) {
  DateTime t;
  return parse_datetime(text, t);
}

constexpr int64_t kSecond = 1'000'000;
constexpr int64_t kDay = 86'400 * kSecond;

}  // namespace

TEST_CASE("value type names") {
  CHECK(value_type_name(ValueType::Null) == "NULL");
  CHECK(value_type_name(ValueType::Bool) == "BOOL");
  CHECK(value_type_name(ValueType::Int) == "INT64");
  CHECK(value_type_name(ValueType::Double) == "DOUBLE");
  CHECK(value_type_name(ValueType::String) == "STRING");
  CHECK(value_type_name(ValueType::Date) == "DATE");
  CHECK(value_type_name(ValueType::DateTime) == "TIMESTAMP");
  CHECK(value_type_name(ValueType::Duration) == "DURATION");
  CHECK(value_type_name(ValueType::List) == "LIST");
  // The constructors pick the type the name promises.
  CHECK(Value(3).type() == ValueType::Int);
  CHECK(Value("x").type() == ValueType::String);
  CHECK(Value(Date{1}).type() == ValueType::Date);
  CHECK(Value(DateTime{1}).type() == ValueType::DateTime);
}

TEST_CASE("parse_date: known days since the epoch") {
  CHECK(date("1970-01-01").days == 0);
  CHECK(date("1970-01-02").days == 1);
  CHECK(date("1969-12-31").days == -1);
  CHECK(date("2000-03-01").days == 11017);
  CHECK(date("2026-01-31").days == 20484);
  CHECK(date("1900-01-01").days == -25567);
  CHECK(date("0000-03-01").days == -719468);
  CHECK(date("1600-01-01").days == -135140);
}

TEST_CASE("leap years: divisible by 4, not by 100 unless by 400") {
  CHECK(date_ok("2024-02-29"));
  CHECK(date_ok("2000-02-29"));   // divisible by 400
  CHECK_FALSE(date_ok("1900-02-29"));  // divisible by 100, not by 400
  CHECK_FALSE(date_ok("2100-02-29"));
  CHECK_FALSE(date_ok("2023-02-29"));
  CHECK(date_ok("1600-02-29"));
  CHECK(date_ok("0000-02-29"));   // year 0 is a leap year (proleptic Gregorian)
  CHECK(date_ok("-0004-02-29"));
  CHECK_FALSE(date_ok("-0001-02-29"));
  // Day counts across February agree with the rule.
  CHECK(date("2000-03-01").days - date("2000-02-28").days == 2);
  CHECK(date("1900-03-01").days - date("1900-02-28").days == 1);
  CHECK(date("2001-01-01").days - date("2000-01-01").days == 366);
  CHECK(date("1901-01-01").days - date("1900-01-01").days == 365);
}

TEST_CASE("dates round-trip through format_date, including before 1970 and year 0") {
  for (const char* text : {"1970-01-01", "2026-01-31", "2024-02-29", "1900-03-01", "1899-12-31",
                           "0001-01-01", "0000-01-01", "-0001-12-31", "-0044-03-15",
                           "9999-12-31", "+10000-01-01", "+123456-07-08"}) {
    CHECK(format_date(date(text)) == text);
  }
  // Every day of a 400-year cycle either side of the epoch, both directions.
  int32_t previous = date("1799-12-31").days;
  for (int32_t d = previous + 1; d < date("2200-01-01").days; ++d) {
    const std::string text = format_date(Date{d});
    REQUIRE(date(text).days == d);
    previous = d;
  }
  CHECK(format_date(Date{-1}) == "1969-12-31");
}

TEST_CASE("parse_date rejects malformed and impossible dates") {
  for (const char* text : {"", "2026", "2026-01", "2026-1-31", "26-01-31", "2026-01-31x",
                           " 2026-01-31", "2026-01-31 ", "2026/01/31", "2026-13-01", "2026-00-10",
                           "2026-01-00", "2026-01-32", "2026-02-30", "2026-04-31", "2026-06-31",
                           "abcd-ef-gh", "2026-01-31T10:00", "+123-01-01", "+1234567-01-01",
                           "2026-0a-01", "--2026-01-01"}) {
    CHECK_MESSAGE(!date_ok(text), text);
  }
}

TEST_CASE("parse_date leaves the output alone on failure") {
  Date d{42};
  CHECK_FALSE(parse_date("2026-02-30", d));
  CHECK(d.days == 42);
}

TEST_CASE("parse_datetime: forms and precision") {
  const int64_t jan31 = int64_t{20484} * kDay;
  CHECK(datetime("2026-01-31").micros == jan31);
  CHECK(datetime("2026-01-31T10:00").micros == jan31 + 10 * 3600 * kSecond);
  CHECK(datetime("2026-01-31T10:00:07").micros == jan31 + (10 * 3600 + 7) * kSecond);
  CHECK(datetime("2026-01-31 10:00:07").micros == datetime("2026-01-31T10:00:07").micros);
  CHECK(datetime("2026-01-31T10:00:07Z").micros == datetime("2026-01-31T10:00:07").micros);
  CHECK(datetime("2026-01-31T10:00:07.5").micros == jan31 + (10 * 3600 + 7) * kSecond + 500000);
  CHECK(datetime("2026-01-31T10:00:07.123456").micros % kSecond == 123456);
  CHECK(datetime("2026-01-31T10:00:07.000001").micros % kSecond == 1);
  // More than microseconds: truncated, never rounded up into the next second.
  CHECK(datetime("2026-01-31T10:00:07.9999999").micros % kSecond == 999999);
  CHECK(datetime("2026-01-31T10:00:07.123456789Z").micros % kSecond == 123456);
  CHECK(datetime("1970-01-01T00:00:00Z").micros == 0);
  CHECK(datetime("1969-12-31T23:59:59.999999Z").micros == -1);
  CHECK(datetime("2026-01-31T23:59:59").micros == jan31 + kDay - kSecond);
}

TEST_CASE("parse_datetime: time zones are converted to UTC") {
  const int64_t utc = datetime("2026-01-31T10:00:00Z").micros;
  CHECK(datetime("2026-01-31T12:00:00+02:00").micros == utc);
  CHECK(datetime("2026-01-31T12:00:00+0200").micros == utc);
  CHECK(datetime("2026-01-31T05:00:00-05:00").micros == utc);
  CHECK(datetime("2026-01-31T15:30:00+05:30").micros == utc);
  CHECK(datetime("2026-01-31T10:00:00+00:00").micros == utc);
  CHECK(datetime("2026-01-31T10:00:00-00:00").micros == utc);
  // A zone can move the instant to another day, month and year.
  CHECK(format_datetime(datetime("2026-01-01T01:00:00+03:00")) == "2025-12-31T22:00:00Z");
  CHECK(format_datetime(datetime("2024-02-28T22:00:00-04:00")) == "2024-02-29T02:00:00Z");
}

TEST_CASE("parse_datetime rejects invalid input") {
  for (const char* text :
       {"", "garbage", "2026-02-30T10:00", "2026-01-31T25:00", "2026-01-31T24:00",
        "2026-01-31T10:60", "2026-01-31T10:00:60", "2026-01-31T10", "2026-01-31T1:00",
        "2026-01-31T10:00:", "2026-01-31T10:00:00.", "2026-01-31T10:00:00.5x",
        "2026-01-31T10:00:00Zjunk", "2026-01-31T10:00:00+2", "2026-01-31T10:00:00+02:",
        "2026-01-31T10:00:00+25:00", "2026-01-31T10:00:00+02:60", "2026-01-31T10:00:00 ",
        "2026-01-31T", "2026-01-31X10:00", "2026-01-31T10:00:00+02:00:00"}) {
    CHECK_MESSAGE(!datetime_ok(text), text);
  }
}

TEST_CASE("datetimes round-trip through format_datetime") {
  for (const char* text : {"2026-01-31T10:00:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
                           "1969-12-31T23:59:59.999999Z", "2026-01-31T10:00:07.500000Z",
                           "1900-02-28T12:34:56.000001Z", "0001-01-01T00:00:00Z",
                           "-0001-06-15T08:00:00Z", "9999-12-31T23:59:59.999999Z"}) {
    CHECK(format_datetime(datetime(text)) == text);
  }
  // Fraction only when non-zero.
  CHECK(format_datetime(DateTime{0}) == "1970-01-01T00:00:00Z");
  CHECK(format_datetime(DateTime{-1}) == "1969-12-31T23:59:59.999999Z");
  CHECK(format_datetime(DateTime{kSecond / 2}) == "1970-01-01T00:00:00.500000Z");
  // A sweep of instants a little over a day apart, across the epoch.
  for (int64_t t = -3000 * kDay; t < 3000 * kDay; t += kDay + 3 * 3600 * kSecond + 17) {
    REQUIRE(datetime(format_datetime(DateTime{t})).micros == t);
  }
}

TEST_CASE("format_duration") {
  CHECK(format_duration(Duration{}) == "PT0S");
  CHECK(format_duration(Duration{1, 2, 3 * kSecond + kSecond / 2}) == "P1M2DT3.5S");
  CHECK(format_duration(Duration{14, 0, 0}) == "P1Y2M");
  CHECK(format_duration(Duration{0, 7, 0}) == "P7D");
  CHECK(format_duration(Duration{0, 0, (2 * 3600 + 3 * 60) * kSecond}) == "PT2H3M");
  CHECK(format_duration(Duration{0, 0, 90061 * kSecond}) == "PT25H1M1S");
  CHECK(format_duration(Duration{0, 0, 1}) == "PT0.000001S");
  CHECK(format_duration(Duration{-1, -2, 0}) == "P-1M-2D");
  CHECK(format_duration(Duration{0, 0, -kSecond / 2}) == "PT-0.5S");
  CHECK(format_duration(Duration{0, 0, -(3600 * kSecond + kSecond / 2)}) == "PT-1H-0.5S");
}

TEST_CASE("to_string of every type") {
  CHECK(Value().to_string() == "null");
  CHECK(Value(nullptr).to_string() == "null");
  CHECK(Value(true).to_string() == "true");
  CHECK(Value(false).to_string() == "false");
  CHECK(Value(42).to_string() == "42");
  CHECK(Value(int64_t{-9223372036854775807} - 1).to_string() == "-9223372036854775808");
  CHECK(Value(1.5).to_string() == "1.5");
  CHECK(Value(2.0).to_string() == "2.0");
  CHECK(Value(-0.0).to_string() == "-0.0");
  CHECK(Value(0.1).to_string() == "0.1");
  CHECK(Value(1e300).to_string() == "1e+300");
  CHECK(Value(1e-7).to_string() == "1e-07");
  CHECK(Value(std::numeric_limits<double>::infinity()).to_string() == "Infinity");
  CHECK(Value(-std::numeric_limits<double>::infinity()).to_string() == "-Infinity");
  CHECK(Value(std::nan("")).to_string() == "NaN");
  CHECK(Value("text").to_string() == "\"text\"");
  CHECK(Value("say \"hi\"\\\n\t\r").to_string() == R"("say \"hi\"\\\n\t\r")");
  CHECK(Value(std::string("a\x01z")).to_string() == R"("a\u0001z")");
  CHECK(Value("é").to_string() == "\"é\"");
  CHECK(Value(date("2026-01-31")).to_string() == "date('2026-01-31')");
  CHECK(Value(datetime("2026-01-31T10:00:00Z")).to_string() ==
        "datetime('2026-01-31T10:00:00Z')");
  CHECK(Value(Duration{1, 2, 3 * kSecond + kSecond / 2}).to_string() == "duration('P1M2DT3.5S')");
  CHECK(Value(Value::List{}).to_string() == "[]");
  CHECK(Value(Value::List{1, 2}).to_string() == "[1, 2]");
  CHECK(Value(Value::List{Value(), "a", Value::List{1.0}}).to_string() == "[null, \"a\", [1.0]]");
}

TEST_CASE("doubles print the shortest text that reads back exactly") {
  for (double d : {0.1, 1.0 / 3, 123456789.125, 5e-324, 1.7976931348623157e308, -2.5e-10}) {
    const std::string text = Value(d).to_string();
    CHECK(std::strtod(text.c_str(), nullptr) == d);
    CHECK(text.find_first_of(".e") != std::string::npos);
  }
}

TEST_CASE("the exposed civil calendar helpers agree with parsing and with each other") {
  CHECK(days_from_civil(1970, 1, 1) == 0);
  CHECK(days_from_civil(2026, 1, 31) == 20484);
  CHECK(days_from_civil(-1, 12, 31) == date("-0001-12-31").days);
  CHECK(days_in_month(2024, 2) == 29);
  CHECK(days_in_month(1900, 2) == 28);
  CHECK(days_in_month(2000, 2) == 29);
  CHECK(days_in_month(2026, 4) == 30);
  CHECK(days_in_month(2026, 12) == 31);
  // Far outside the 4-digit years, in both directions.
  for (int64_t d : {int64_t{-100'000'000}, int64_t{-719'469}, int64_t{-1}, int64_t{0},
                    int64_t{2'932'896}, int64_t{100'000'000}}) {
    const Civil c = civil_from_days(d);
    CHECK(c.month >= 1);
    CHECK(c.month <= 12);
    CHECK(c.day >= 1);
    CHECK(c.day <= days_in_month(c.year, c.month));
    CHECK(days_from_civil(c.year, c.month, c.day) == d);
  }
}

TEST_CASE("query-only kinds: names, literals and equality") {
  CHECK(value_type_name(ValueType::Map) == "MAP");
  CHECK(value_type_name(ValueType::Node) == "NODE");
  CHECK(value_type_name(ValueType::Rel) == "RELATIONSHIP");
  CHECK(value_type_name(ValueType::Path) == "PATH");
  CHECK_FALSE(is_storable(ValueType::Map));
  CHECK(is_storable(ValueType::List));

  const Value map(Value::Map{{"a", Value(1)}, {"b", Value("x")}});
  CHECK(map.to_string() == "{a: 1, b: \"x\"}");
  CHECK(Value(Value::Map{}).to_string() == "{}");
  CHECK(map.map_get("b") != nullptr);
  CHECK(*map.map_get("b") == Value("x"));
  CHECK(map.map_get("c") == nullptr);

  CHECK(Value(NodeRef{7}).to_string() == "(#7)");
  CHECK(Value(RelRef{3, 0, 7, 8}).to_string() == "[#3]");
  // A path prints each relationship in the direction it was walked.
  const PathData path{{7, 8, 9}, {RelRef{3, 0, 7, 8}, RelRef{4, 0, 9, 8}}};
  CHECK(Value(path).to_string() == "<(#7)-[#3]->(#8)<-[#4]-(#9)>");
  CHECK(Value(path) == Value(PathData{{7, 8, 9}, {RelRef{3, 0, 7, 8}, RelRef{4, 0, 9, 8}}}));
  CHECK_FALSE(Value(path) == Value(PathData{{7, 8}, {RelRef{3, 0, 7, 8}}}));
  CHECK_FALSE(Value(NodeRef{7}) == Value(int64_t{7}));
}
