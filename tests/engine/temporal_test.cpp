#include <doctest/doctest.h>

#include "engine/value/temporal.h"

using namespace kith;
using namespace kith::engine;

namespace {

Duration dur(const char* text) {
  Duration d;
  REQUIRE_MESSAGE(parse_duration(text, d), text);
  return d;
}

}  // namespace

TEST_CASE("ISO 8601 durations parse into months, days and microseconds") {
  CHECK(dur("P1Y2M") == Duration{14, 0, 0});
  CHECK(dur("P3W4D") == Duration{0, 25, 0});
  CHECK(dur("PT1H30M") == Duration{0, 0, 5'400'000'000});
  CHECK(dur("PT0.5S") == Duration{0, 0, 500'000});
  CHECK(dur("P1DT2.000003S") == Duration{0, 1, 2'000'003});
  CHECK(dur("-P1D") == Duration{0, -1, 0});
  CHECK(dur("p2d") == Duration{0, 2, 0});
  Duration d;
  for (const char* bad : {"", "P", "PT", "P1", "1D", "P1X", "P1.5D", "PT1S1H2", "P-1D",
                          "P99999999999999999999D", "PT1.S"}) {
    CHECK_MESSAGE(!parse_duration(bad, d), bad);
  }
}

TEST_CASE("temporal fields") {
  DateTime t;
  REQUIRE(parse_datetime("2026-11-01T12:30:45.123456Z", t));
  CHECK(temporal_field(Value(t), "year") == Value(2026));
  CHECK(temporal_field(Value(t), "month") == Value(11));
  CHECK(temporal_field(Value(t), "day") == Value(1));
  CHECK(temporal_field(Value(t), "hour") == Value(12));
  CHECK(temporal_field(Value(t), "minute") == Value(30));
  CHECK(temporal_field(Value(t), "second") == Value(45));
  CHECK(temporal_field(Value(t), "millisecond") == Value(123));
  CHECK(temporal_field(Value(t), "microsecond") == Value(123456));
  CHECK(temporal_field(Value(t), "dayOfWeek") == Value(7));  // a Sunday
  CHECK(temporal_field(Value(t), "quarter") == Value(4));
  Date before;
  REQUIRE(parse_date("1969-12-31", before));
  CHECK(temporal_field(Value(before), "dayOfWeek") == Value(3));  // a Wednesday
  CHECK(temporal_field(Value(before), "dayOfYear") == Value(365));
  CHECK(temporal_field(Value(Duration{14, 3, 7'200'000'000}), "years") == Value(1));
  CHECK(temporal_field(Value(Duration{14, 3, 7'200'000'000}), "hours") == Value(2));
  CHECK(temporal_field(Value(before), "hour").is_null());
  CHECK(temporal_field(Value(1), "year").is_null());
}
