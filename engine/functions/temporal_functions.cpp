// date(), datetime(), duration(), timestamp(). Without an argument they read
// the query's `now` (EvalContext), never the wall clock, so a query that fixes
// `now` gives the same answer every time.
#include <charconv>

#include "engine/functions/function_args.h"
#include "engine/functions/function_registry.h"
#include "engine/value/temporal.h"

namespace kith::engine {

namespace {

constexpr int64_t kMicrosPerDay = 86'400'000'000;

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

Value date_fn(std::span<const Value> a, const EvalContext& ctx) {
  if (a.empty()) return Date{static_cast<int32_t>(floor_div(ctx.now.micros, kMicrosPerDay))};
  const Value& v = a[0];
  switch (v.type()) {
    case ValueType::Null: return {};
    case ValueType::Date: return v;
    case ValueType::DateTime:
      return Date{static_cast<int32_t>(floor_div(v.as_datetime().micros, kMicrosPerDay))};
    case ValueType::String: {
      Date d;
      if (parse_date(v.as_string(), d)) return d;
      DateTime t;
      if (parse_datetime(v.as_string(), t)) {
        return Date{static_cast<int32_t>(floor_div(t.micros, kMicrosPerDay))};
      }
      throw Error(ErrorCode::ArgumentError, "date(): cannot parse \"" + v.as_string() +
                                                "\" as a date (expected YYYY-MM-DD)");
    }
    default: fn::wrong_type("date", 0, "a STRING, DATE or TIMESTAMP", v);
  }
}

Value datetime_fn(std::span<const Value> a, const EvalContext& ctx) {
  if (a.empty()) return ctx.now;
  const Value& v = a[0];
  switch (v.type()) {
    case ValueType::Null: return {};
    case ValueType::DateTime: return v;
    case ValueType::Date: return DateTime{int64_t{v.as_date().days} * kMicrosPerDay};
    case ValueType::String: {
      DateTime t;
      if (parse_datetime(v.as_string(), t)) return t;
      throw Error(ErrorCode::ArgumentError,
                  "datetime(): cannot parse \"" + v.as_string() +
                      "\" as a datetime (expected YYYY-MM-DDThh:mm:ss[.ffffff][Z|+hh:mm])");
    }
    default: fn::wrong_type("datetime", 0, "a STRING, DATE or TIMESTAMP", v);
  }
}

Value duration_fn(std::span<const Value> a, const EvalContext&) {
  const Value& v = a[0];
  switch (v.type()) {
    case ValueType::Null: return {};
    case ValueType::Duration: return v;
    case ValueType::String: {
      Duration d;
      if (parse_duration(v.as_string(), d)) return d;
      throw Error(ErrorCode::ArgumentError, "duration(): cannot parse \"" + v.as_string() +
                                                "\" as an ISO 8601 duration (e.g. P30D, PT12H, P1Y2M)");
    }
    default: fn::wrong_type("duration", 0, "a STRING", v);
  }
}

// Milliseconds since the epoch of the query's now.
Value timestamp_fn(std::span<const Value>, const EvalContext& ctx) {
  return floor_div(ctx.now.micros, 1000);
}

}  // namespace

void add_temporal_functions(std::vector<FunctionDef>& out) {
  out.insert(out.end(), {
      {"date", 0, 1, date_fn, "date([STRING|TIMESTAMP]) -> DATE"},
      {"datetime", 0, 1, datetime_fn, "datetime([STRING|DATE]) -> TIMESTAMP"},
      {"duration", 1, 1, duration_fn, "duration(STRING) -> DURATION"},
      {"timestamp", 0, 0, timestamp_fn, "timestamp() -> INT64 (milliseconds since the epoch)"},
  });
}

}  // namespace kith::engine
