// date(), datetime(), duration(), timestamp(). Without an argument they read
// the query's `now` (EvalContext), never the wall clock, so a query that fixes
// `now` gives the same answer every time.
#include <algorithm>
#include <charconv>
#include <climits>

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

// Reads the integer `key` of a component map; `dflt` when absent.
int64_t component(const Value& map, std::string_view fn_name, const char* key, int64_t dflt) {
  const Value* v = map.map_get(key);
  if (!v || v->is_null()) return dflt;
  if (v->type() != ValueType::Int) {
    throw Error(ErrorCode::TypeError, std::string(fn_name) + "(): '" + key + "' must be an INT64, got " +
                                          std::string(value_type_name(v->type())));
  }
  return v->as_int();
}

void only_keys(const Value& map, std::string_view fn_name, std::initializer_list<std::string_view> allowed) {
  for (const auto& [k, v] : map.as_map()) {
    if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      throw Error(ErrorCode::ArgumentError,
                  std::string(fn_name) + "(): unknown component '" + k + "' (expected " + list + ")");
    }
  }
}

int64_t days_of(const Value& map, std::string_view fn_name) {
  const int64_t y = component(map, fn_name, "year", INT64_MIN);
  if (y == INT64_MIN) {
    throw Error(ErrorCode::ArgumentError, std::string(fn_name) + "(): a component map needs a 'year'");
  }
  const int64_t m = component(map, fn_name, "month", 1);
  const int64_t d = component(map, fn_name, "day", 1);
  if (y < -290000 || y > 290000 || m < 1 || m > 12 || d < 1 ||
      d > days_in_month(y, static_cast<unsigned>(m))) {
    throw Error(ErrorCode::ArgumentError, std::string(fn_name) + "(): no such date " + std::to_string(y) +
                                              "-" + std::to_string(m) + "-" + std::to_string(d));
  }
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

Value date_fn(std::span<const Value> a, const EvalContext& ctx) {
  if (a.empty()) return Date{static_cast<int32_t>(floor_div(ctx.now.micros, kMicrosPerDay))};
  const Value& v = a[0];
  switch (v.type()) {
    case ValueType::Null: return {};
    case ValueType::Date: return v;
    case ValueType::DateTime:
      return Date{static_cast<int32_t>(floor_div(v.as_datetime().micros, kMicrosPerDay))};
    case ValueType::Map:
      only_keys(v, "date", {"year", "month", "day"});
      return Date{static_cast<int32_t>(days_of(v, "date"))};
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
    default: fn::wrong_type("date", 0, "a STRING, TIMESTAMP or MAP", v);
  }
}

Value datetime_fn(std::span<const Value> a, const EvalContext& ctx) {
  if (a.empty()) return ctx.now;
  const Value& v = a[0];
  switch (v.type()) {
    case ValueType::Null: return {};
    case ValueType::DateTime: return v;
    case ValueType::Date: return DateTime{int64_t{v.as_date().days} * kMicrosPerDay};
    case ValueType::Map: {
      only_keys(v, "datetime", {"year", "month", "day", "hour", "minute", "second", "millisecond",
                                "microsecond", "epochMillis", "epochSeconds"});
      if (v.map_get("epochMillis")) return DateTime{component(v, "datetime", "epochMillis", 0) * 1000};
      if (v.map_get("epochSeconds")) {
        return DateTime{component(v, "datetime", "epochSeconds", 0) * 1'000'000};
      }
      const int64_t h = component(v, "datetime", "hour", 0), mi = component(v, "datetime", "minute", 0),
                    se = component(v, "datetime", "second", 0), ms = component(v, "datetime", "millisecond", 0),
                    us = component(v, "datetime", "microsecond", 0);
      if (h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59 || ms < 0 || ms > 999 || us < 0 || us > 999) {
        throw Error(ErrorCode::ArgumentError, "datetime(): a time component is out of range");
      }
      return DateTime{days_of(v, "datetime") * kMicrosPerDay + ((h * 60 + mi) * 60 + se) * 1'000'000 +
                      ms * 1000 + us};
    }
    case ValueType::String: {
      DateTime t;
      if (parse_datetime(v.as_string(), t)) return t;
      throw Error(ErrorCode::ArgumentError,
                  "datetime(): cannot parse \"" + v.as_string() +
                      "\" as a datetime (expected YYYY-MM-DDThh:mm:ss[.ffffff][Z|+hh:mm])");
    }
    default: fn::wrong_type("datetime", 0, "a STRING, DATE or MAP", v);
  }
}

Value duration_fn(std::span<const Value> a, const EvalContext&) {
  const Value& v = a[0];
  switch (v.type()) {
    case ValueType::Null: return {};
    case ValueType::Duration: return v;
    case ValueType::Map: {
      only_keys(v, "duration", {"years", "months", "weeks", "days", "hours", "minutes", "seconds",
                                "milliseconds", "microseconds"});
      auto c = [&](const char* k) { return component(v, "duration", k, 0); };
      return Duration{c("years") * 12 + c("months"), c("weeks") * 7 + c("days"),
                      ((c("hours") * 60 + c("minutes")) * 60 + c("seconds")) * 1'000'000 +
                          c("milliseconds") * 1000 + c("microseconds")};
    }
    case ValueType::String: {
      Duration d;
      if (parse_duration(v.as_string(), d)) return d;
      throw Error(ErrorCode::ArgumentError, "duration(): cannot parse \"" + v.as_string() +
                                                "\" as an ISO 8601 duration (e.g. P30D, PT12H, P1Y2M)");
    }
    default: fn::wrong_type("duration", 0, "a STRING or MAP", v);
  }
}

// Milliseconds since the epoch of the query's now.
Value timestamp_fn(std::span<const Value>, const EvalContext& ctx) {
  return floor_div(ctx.now.micros, 1000);
}

}  // namespace

void add_temporal_functions(std::vector<FunctionDef>& out) {
  out.insert(out.end(), {
      {"date", 0, 1, date_fn, "date([STRING|TIMESTAMP|MAP]) -> DATE"},
      {"datetime", 0, 1, datetime_fn, "datetime([STRING|DATE|MAP]) -> TIMESTAMP"},
      {"duration", 1, 1, duration_fn, "duration(STRING|MAP) -> DURATION"},
      {"timestamp", 0, 0, timestamp_fn, "timestamp() -> INT64 (milliseconds since the epoch)"},
  });
}

}  // namespace kith::engine
