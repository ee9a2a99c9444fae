#include "engine/value/temporal.h"

#include <cctype>
#include <charconv>
#include <limits>

namespace kith::engine {

namespace {

constexpr int64_t kMicrosPerSecond = 1'000'000;
constexpr int64_t kMicrosPerDay = 86'400 * kMicrosPerSecond;

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

bool mul_add(int64_t acc, int64_t n, int64_t unit, int64_t& out) {
  int64_t prod;
  if (__builtin_mul_overflow(n, unit, &prod)) return false;
  return !__builtin_add_overflow(acc, prod, &out);
}

Value date_field(int64_t days, std::string_view f) {
  const Civil c = civil_from_days(days);
  if (f == "year") return c.year;
  if (f == "month") return int64_t{c.month};
  if (f == "day") return int64_t{c.day};
  if (f == "quarter") return int64_t{(c.month - 1) / 3 + 1};
  if (f == "dayOfWeek") return ((days % 7) + 7 + 3) % 7 + 1;  // 1970-01-01 was a Thursday
  if (f == "dayOfYear") return days - days_from_civil(c.year, 1, 1) + 1;
  if (f == "epochDays") return days;
  return {};
}

}  // namespace

bool parse_duration(std::string_view s, Duration& out) {
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || (s.front() != 'P' && s.front() != 'p')) return false;
  s.remove_prefix(1);
  Duration d;
  bool in_time = false, any = false;
  while (!s.empty()) {
    if (s.front() == 'T' || s.front() == 't') {
      if (in_time) return false;
      in_time = true;
      s.remove_prefix(1);
      if (s.empty()) return false;
      continue;
    }
    int64_t whole = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), whole);
    if (ec != std::errc() || whole < 0) return false;
    s.remove_prefix(static_cast<size_t>(p - s.data()));
    int64_t frac_micros = 0;  // fractions only for seconds
    if (!s.empty() && (s.front() == '.' || s.front() == ',')) {
      s.remove_prefix(1);
      int64_t scale = 100'000;
      size_t digits = 0;
      while (!s.empty() && std::isdigit(static_cast<unsigned char>(s.front()))) {
        if (scale > 0) frac_micros += (s.front() - '0') * scale;
        scale /= 10;
        s.remove_prefix(1);
        ++digits;
      }
      if (digits == 0) return false;
    }
    if (s.empty()) return false;
    const char unit = static_cast<char>(std::toupper(static_cast<unsigned char>(s.front())));
    s.remove_prefix(1);
    if (frac_micros != 0 && !(in_time && unit == 'S')) return false;
    bool ok = true;
    if (!in_time) {
      switch (unit) {
        case 'Y': ok = mul_add(d.months, whole, 12, d.months); break;
        case 'M': ok = mul_add(d.months, whole, 1, d.months); break;
        case 'W': ok = mul_add(d.days, whole, 7, d.days); break;
        case 'D': ok = mul_add(d.days, whole, 1, d.days); break;
        default: return false;
      }
    } else {
      switch (unit) {
        case 'H': ok = mul_add(d.micros, whole, 3600 * kMicrosPerSecond, d.micros); break;
        case 'M': ok = mul_add(d.micros, whole, 60 * kMicrosPerSecond, d.micros); break;
        case 'S':
          ok = mul_add(d.micros, whole, kMicrosPerSecond, d.micros) &&
               !__builtin_add_overflow(d.micros, frac_micros, &d.micros);
          break;
        default: return false;
      }
    }
    if (!ok) return false;
    any = true;
  }
  if (!any) return false;
  if (negative) d = {-d.months, -d.days, -d.micros};
  out = d;
  return true;
}

Value temporal_field(const Value& v, std::string_view f) {
  switch (v.type()) {
    case ValueType::Date: return date_field(v.as_date().days, f);
    case ValueType::DateTime: {
      const int64_t t = v.as_datetime().micros;
      const int64_t days = floor_div(t, kMicrosPerDay);
      const int64_t in_day = t - days * kMicrosPerDay;
      if (f == "hour") return in_day / (3600 * kMicrosPerSecond);
      if (f == "minute") return in_day / (60 * kMicrosPerSecond) % 60;
      if (f == "second") return in_day / kMicrosPerSecond % 60;
      if (f == "millisecond") return in_day / 1000 % 1000;
      if (f == "microsecond") return in_day % 1'000'000;
      if (f == "epochSeconds") return floor_div(t, kMicrosPerSecond);
      if (f == "epochMillis") return floor_div(t, 1000);
      return date_field(days, f);
    }
    case ValueType::Duration: {
      const Duration& d = v.as_duration();
      if (f == "months") return d.months;
      if (f == "years") return d.months / 12;
      if (f == "days") return d.days;
      if (f == "weeks") return d.days / 7;
      if (f == "hours") return d.micros / (3600 * kMicrosPerSecond);
      if (f == "minutes") return d.micros / (60 * kMicrosPerSecond);
      if (f == "seconds") return d.micros / kMicrosPerSecond;
      if (f == "milliseconds") return d.micros / 1000;
      if (f == "microseconds") return d.micros;
      return {};
    }
    default: return {};
  }
}

}  // namespace kith::engine
