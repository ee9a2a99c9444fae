#include "engine/value/arithmetic.h"

#include <cmath>
#include <limits>
#include <string>

#include "storage/error.h"

namespace kith::engine {

namespace {

constexpr int64_t kMicrosPerDay = 86'400'000'000;

bool is_number(const Value& v) {
  return v.type() == ValueType::Int || v.type() == ValueType::Double;
}

double as_number(const Value& v) {
  return v.type() == ValueType::Int ? static_cast<double>(v.as_int()) : v.as_double();
}

[[noreturn]] void type_error(const char* op, const Value& a, const Value& b) {
  throw Error(ErrorCode::TypeError, std::string("cannot apply '") + op + "' to " +
                                        std::string(value_type_name(a.type())) + " and " +
                                        std::string(value_type_name(b.type())));
}

[[noreturn]] void overflow(const char* op, int64_t a, int64_t b) {
  throw Error(ErrorCode::ArithmeticError, "integer overflow in " + std::to_string(a) + " " + op +
                                              " " + std::to_string(b));
}

int64_t checked_add(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_add_overflow(a, b, &r)) overflow("+", a, b);
  return r;
}

int64_t checked_sub(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) overflow("-", a, b);
  return r;
}

int64_t checked_mul(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) overflow("*", a, b);
  return r;
}

Duration add_durations(const Duration& a, const Duration& b) {
  return {checked_add(a.months, b.months), checked_add(a.days, b.days),
          checked_add(a.micros, b.micros)};
}

// Adds whole months to a day count, clamping the day to the target month.
int64_t add_months(int64_t days, int64_t months) {
  if (months == 0) return days;
  const Civil c = civil_from_days(days);
  const int64_t total = c.year * 12 + (c.month - 1) + months;
  const int64_t year = total >= 0 ? total / 12 : -((-total + 11) / 12);
  const auto month = static_cast<unsigned>(total - year * 12 + 1);
  const unsigned day = std::min(c.day, days_in_month(year, month));
  return days_from_civil(year, month, day);
}

Value add_temporal(const Value& t, const Duration& d) {
  if (t.type() == ValueType::Date) return add_duration(t.as_date(), d);
  return add_duration(t.as_datetime(), d);
}

bool is_temporal_point(const Value& v) {
  return v.type() == ValueType::Date || v.type() == ValueType::DateTime;
}

}  // namespace

DateTime add_duration(DateTime t, const Duration& d) {
  const int64_t day = t.micros >= 0 ? t.micros / kMicrosPerDay
                                    : -((-t.micros + kMicrosPerDay - 1) / kMicrosPerDay);
  const int64_t within_day = t.micros - day * kMicrosPerDay;
  const int64_t new_day = checked_add(add_months(day, d.months), d.days);
  const int64_t micros = checked_add(checked_mul(new_day, kMicrosPerDay), within_day);
  return DateTime{checked_add(micros, d.micros)};
}

Date add_duration(Date t, const Duration& d) {
  const int64_t days = checked_add(checked_add(add_months(t.days, d.months), d.days),
                                   d.micros / kMicrosPerDay);
  if (days < std::numeric_limits<int32_t>::min() || days > std::numeric_limits<int32_t>::max()) {
    throw Error(ErrorCode::ArithmeticError, "date out of range");
  }
  return Date{static_cast<int32_t>(days)};
}

Duration negate_duration(const Duration& d) {
  return {checked_sub(0, d.months), checked_sub(0, d.days), checked_sub(0, d.micros)};
}

Value add(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (a.type() == ValueType::Int && b.type() == ValueType::Int) {
    return checked_add(a.as_int(), b.as_int());
  }
  if (is_number(a) && is_number(b)) return as_number(a) + as_number(b);
  if (a.type() == ValueType::String && b.type() == ValueType::String) {
    return a.as_string() + b.as_string();
  }
  if (a.type() == ValueType::List || b.type() == ValueType::List) {
    Value::List out;
    auto append = [&out](const Value& v) {
      if (v.type() == ValueType::List) {
        out.insert(out.end(), v.as_list().begin(), v.as_list().end());
      } else {
        out.push_back(v);
      }
    };
    append(a);
    append(b);
    return out;
  }
  // Neo4j concatenates a string with a number or boolean.
  if (a.type() == ValueType::String && (is_number(b) || b.type() == ValueType::Bool)) {
    return a.as_string() + b.to_string();
  }
  if (b.type() == ValueType::String && (is_number(a) || a.type() == ValueType::Bool)) {
    return a.to_string() + b.as_string();
  }
  if (is_temporal_point(a) && b.type() == ValueType::Duration) return add_temporal(a, b.as_duration());
  if (a.type() == ValueType::Duration && is_temporal_point(b)) return add_temporal(b, a.as_duration());
  if (a.type() == ValueType::Duration && b.type() == ValueType::Duration) {
    return add_durations(a.as_duration(), b.as_duration());
  }
  type_error("+", a, b);
}

Value subtract(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (a.type() == ValueType::Int && b.type() == ValueType::Int) {
    return checked_sub(a.as_int(), b.as_int());
  }
  if (is_number(a) && is_number(b)) return as_number(a) - as_number(b);
  if (is_temporal_point(a) && b.type() == ValueType::Duration) {
    return add_temporal(a, negate_duration(b.as_duration()));
  }
  if (a.type() == ValueType::Duration && b.type() == ValueType::Duration) {
    return add_durations(a.as_duration(), negate_duration(b.as_duration()));
  }
  type_error("-", a, b);
}

Value multiply(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (a.type() == ValueType::Int && b.type() == ValueType::Int) {
    return checked_mul(a.as_int(), b.as_int());
  }
  if (is_number(a) && is_number(b)) return as_number(a) * as_number(b);
  type_error("*", a, b);
}

Value divide(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (a.type() == ValueType::Int && b.type() == ValueType::Int) {
    if (b.as_int() == 0) throw Error(ErrorCode::ArithmeticError, "division by zero");
    if (a.as_int() == std::numeric_limits<int64_t>::min() && b.as_int() == -1) {
      overflow("/", a.as_int(), b.as_int());
    }
    return a.as_int() / b.as_int();
  }
  // Floating-point division follows IEEE 754: x / 0.0 is infinite or NaN.
  if (is_number(a) && is_number(b)) return as_number(a) / as_number(b);
  type_error("/", a, b);
}

Value modulo(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (a.type() == ValueType::Int && b.type() == ValueType::Int) {
    if (b.as_int() == 0) throw Error(ErrorCode::ArithmeticError, "division by zero in modulo");
    if (b.as_int() == -1) return int64_t{0};  // avoids INT64_MIN % -1, which traps
    return a.as_int() % b.as_int();
  }
  if (is_number(a) && is_number(b)) return std::fmod(as_number(a), as_number(b));
  type_error("%", a, b);
}

Value power(const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return Value();
  if (is_number(a) && is_number(b)) return std::pow(as_number(a), as_number(b));
  type_error("^", a, b);
}

Value negate(const Value& a) {
  switch (a.type()) {
    case ValueType::Null: return Value();
    case ValueType::Int: return checked_sub(0, a.as_int());
    case ValueType::Double: return -a.as_double();
    case ValueType::Duration: return negate_duration(a.as_duration());
    default:
      throw Error(ErrorCode::TypeError,
                  "cannot negate " + std::string(value_type_name(a.type())));
  }
}

}  // namespace kith::engine
