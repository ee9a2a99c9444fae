// Property values: type names, readable literals and the calendar helpers.
//
// Calendar arithmetic is done here on plain 64-bit integers (proleptic
// Gregorian, no libc time functions): timegm/mktime depend on the process's
// time zone and locale, and std::chrono's calendar types only cover years
// -32767..32767 while a DateTime spans about +-292,000 years. GCC 12's
// libstdc++ has no std::chrono::parse, so parsing is done by hand too.
#include "storage/value.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace kith {

namespace {

constexpr int64_t kMicrosPerSecond = 1'000'000;
constexpr int64_t kMicrosPerMinute = 60 * kMicrosPerSecond;
constexpr int64_t kMicrosPerHour = 60 * kMicrosPerMinute;
constexpr int64_t kMicrosPerDay = 24 * kMicrosPerHour;

// Largest |year| accepted by the parsers: ISO 8601 expanded years have up to
// six digits, and 290,000 years of microseconds still fit in an int64.
constexpr int64_t kMaxYear = 290'000;

// Floor division: the calendar needs it for dates before 1970 / year 0.
int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

bool is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }


// A tiny cursor over the text being parsed.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ == text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }
  bool accept(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  // Exactly `count` decimal digits.
  bool digits(size_t count, int64_t& out) {
    if (text_.size() - pos_ < count) return false;
    int64_t v = 0;
    for (size_t i = 0; i < count; ++i) {
      const char c = text_[pos_ + i];
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    pos_ += count;
    out = v;
    return true;
  }
  // Up to `max` decimal digits (greedy); returns how many were read.
  size_t digit_run(size_t max, std::string_view& out) {
    size_t n = 0;
    while (pos_ + n < text_.size() && n < max && text_[pos_ + n] >= '0' && text_[pos_ + n] <= '9') {
      ++n;
    }
    out = text_.substr(pos_, n);
    pos_ += n;
    return n;
  }
  bool digit_next() const { return peek() >= '0' && peek() <= '9'; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

// "YYYY-MM-DD", or an ISO 8601 expanded year "+YYYYY-MM-DD" / "-YYYY-MM-DD"
// (a sign followed by 4 to 6 digits). Leaves the scanner after the day.
bool scan_date(Scanner& s, int64_t& days) {
  int64_t year = 0;
  if (s.peek() == '+' || s.peek() == '-') {
    const bool negative = s.peek() == '-';
    s.accept(s.peek());
    std::string_view run;
    if (s.digit_run(6, run) < 4 || s.digit_next()) return false;
    std::from_chars(run.data(), run.data() + run.size(), year);
    if (negative) year = -year;
  } else if (!s.digits(4, year)) {
    return false;
  }
  int64_t month = 0;
  int64_t day = 0;
  if (!s.accept('-') || !s.digits(2, month) || !s.accept('-') || !s.digits(2, day)) return false;
  if (year > kMaxYear || year < -kMaxYear) return false;
  if (month < 1 || month > 12) return false;
  if (day < 1 || day > days_in_month(year, static_cast<unsigned>(month))) return false;
  days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return true;
}

// "hh:mm[:ss[.f...]]" -> microseconds into the day. Digits of the fraction
// past microseconds are dropped (truncated, never rounded into the next second).
bool scan_time(Scanner& s, int64_t& micros) {
  int64_t hour = 0;
  int64_t minute = 0;
  int64_t second = 0;
  int64_t fraction = 0;
  if (!s.digits(2, hour) || !s.accept(':') || !s.digits(2, minute)) return false;
  if (s.accept(':')) {
    if (!s.digits(2, second)) return false;
    if (s.accept('.')) {
      std::string_view run;
      if (s.digit_run(6, run) == 0) return false;
      for (char c : run) fraction = fraction * 10 + (c - '0');
      for (size_t i = run.size(); i < 6; ++i) fraction *= 10;
      while (s.digit_next()) s.digit_run(64, run);  // truncated digits
    }
  }
  if (hour > 23 || minute > 59 || second > 59) return false;
  micros = hour * kMicrosPerHour + minute * kMicrosPerMinute + second * kMicrosPerSecond + fraction;
  return true;
}

// "Z", "+hh:mm", "-hh:mm", "+hhmm", "+hh" -> offset east of UTC in micros.
bool scan_zone(Scanner& s, int64_t& offset) {
  offset = 0;
  if (s.accept('Z') || s.accept('z')) return true;
  if (s.peek() != '+' && s.peek() != '-') return false;
  const bool negative = s.peek() == '-';
  s.accept(s.peek());
  int64_t hours = 0;
  int64_t minutes = 0;
  if (!s.digits(2, hours)) return false;
  if (s.accept(':')) {
    if (!s.digits(2, minutes)) return false;
  } else if (s.digit_next()) {
    if (!s.digits(2, minutes)) return false;
  }
  if (hours > 23 || minutes > 59) return false;
  offset = hours * kMicrosPerHour + minutes * kMicrosPerMinute;
  if (negative) offset = -offset;
  return true;
}

void append_padded(std::string& out, int64_t v, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%0*lld", width, static_cast<long long>(v));
  out += buf;
}

void append_year(std::string& out, int64_t year) {
  // ISO 8601: four digits for 0000..9999, a sign for anything else.
  if (year < 0) {
    out += '-';
    append_padded(out, -year, 4);
  } else if (year > 9999) {
    out += '+';
    append_padded(out, year, 4);
  } else {
    append_padded(out, year, 4);
  }
}

void append_civil_date(std::string& out, int64_t days) {
  const Civil c = civil_from_days(days);
  append_year(out, c.year);
  out += '-';
  append_padded(out, c.month, 2);
  out += '-';
  append_padded(out, c.day, 2);
}

// Seconds with an optional fraction, trailing zeros dropped: 3, 3.5, 0.000001.
void append_seconds(std::string& out, int64_t micros) {
  append_padded(out, micros / kMicrosPerSecond, 1);
  int64_t fraction = micros % kMicrosPerSecond;
  if (fraction == 0) return;
  int width = 6;
  while (fraction % 10 == 0) {
    fraction /= 10;
    --width;
  }
  out += '.';
  append_padded(out, fraction, width);
}

std::string double_literal(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  // Shortest text that reads back as the same double.
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  std::string out(buf, ec == std::errc() ? end : buf);
  if (out.find_first_of(".e") == std::string::npos) out += ".0";
  return out;
}

std::string string_literal(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out += c;  // UTF-8 passes through unchanged
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace

unsigned days_in_month(int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 of a civil date. The year is counted from March so
// that the leap day is the last day of a "year"; a 400-year era has exactly
// 146097 days, which makes the computation exact for any year.
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = floor_div(y, 400);
  const int64_t year_of_era = y - era * 400;                         // [0, 399]
  const int64_t month_from_march = m > 2 ? m - 3 : m + 9;            // [0, 11]
  const int64_t day_of_year = (153 * month_from_march + 2) / 5 + d - 1;  // [0, 365]
  const int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;  // [0, 146096]
  // 719468 = days from 0000-03-01 to 1970-01-01.
  return era * 146097 + day_of_era - 719468;
}

// The inverse of days_from_civil.
Civil civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = floor_div(z, 146097);
  const int64_t day_of_era = z - era * 146097;  // [0, 146096]
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);  // [0, 365]
  const int64_t month_from_march = (5 * day_of_year + 2) / 153;              // [0, 11]
  const unsigned day = static_cast<unsigned>(day_of_year - (153 * month_from_march + 2) / 5 + 1);
  const unsigned month = static_cast<unsigned>(month_from_march < 10 ? month_from_march + 3
                                                                     : month_from_march - 9);
  return {year_of_era + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

std::string_view value_type_name(ValueType t) {
  switch (t) {
    case ValueType::Null: return "NULL";
    case ValueType::Bool: return "BOOL";
    case ValueType::Int: return "INT64";
    case ValueType::Double: return "DOUBLE";
    case ValueType::String: return "STRING";
    case ValueType::Date: return "DATE";
    case ValueType::DateTime: return "TIMESTAMP";
    case ValueType::Duration: return "DURATION";
    case ValueType::List: return "LIST";
    case ValueType::Map: return "MAP";
    case ValueType::Node: return "NODE";
    case ValueType::Rel: return "RELATIONSHIP";
    case ValueType::Path: return "PATH";
  }
  return "UNKNOWN";
}

std::string Value::to_string() const {
  switch (type()) {
    case ValueType::Null: return "null";
    case ValueType::Bool: return as_bool() ? "true" : "false";
    case ValueType::Int: return std::to_string(as_int());
    case ValueType::Double: return double_literal(as_double());
    case ValueType::String: return string_literal(as_string());
    case ValueType::Date: return "date('" + format_date(as_date()) + "')";
    case ValueType::DateTime: return "datetime('" + format_datetime(as_datetime()) + "')";
    case ValueType::Duration: return "duration('" + format_duration(as_duration()) + "')";
    case ValueType::List: {
      std::string out = "[";
      bool first = true;
      for (const Value& v : as_list()) {
        if (!first) out += ", ";
        first = false;
        out += v.to_string();
      }
      out += ']';
      return out;
    }
    case ValueType::Map: {
      std::string out = "{";
      bool first = true;
      for (const auto& [k, v] : as_map()) {
        if (!first) out += ", ";
        first = false;
        out += k + ": " + v.to_string();
      }
      out += '}';
      return out;
    }
    case ValueType::Node: return "(#" + std::to_string(as_node().id) + ")";
    case ValueType::Rel: return "[#" + std::to_string(as_rel().id) + "]";
    case ValueType::Path: {
      const PathData& p = as_path();
      std::string out = "<";
      for (size_t i = 0; i < p.nodes.size(); ++i) {
        out += "(#" + std::to_string(p.nodes[i]) + ")";
        if (i < p.rels.size()) {
          const bool forward = p.rels[i].start == p.nodes[i];
          out += forward ? "-" : "<-";
          out += "[#" + std::to_string(p.rels[i].id) + "]";
          out += forward ? "->" : "-";
        }
      }
      return out + ">";
    }
  }
  return "null";
}

bool operator==(const Value& a, const Value& b) {
  if (a.v_.index() != b.v_.index()) return false;
  if (a.type() == ValueType::Path) return a.as_path() == b.as_path();
  return a.v_ == b.v_;
}

const Value* Value::map_get(std::string_view key) const {
  const Map& m = as_map();
  for (const auto& [k, v] : m) {
    if (k == key) return &v;
  }
  return nullptr;
}

bool parse_date(std::string_view text, Date& out) {
  Scanner s(text);
  int64_t days = 0;
  if (!scan_date(s, days) || !s.at_end()) return false;
  out.days = static_cast<int32_t>(days);  // |days| <= ~106M for |year| <= kMaxYear
  return true;
}

bool parse_datetime(std::string_view text, DateTime& out) {
  Scanner s(text);
  int64_t days = 0;
  int64_t time = 0;
  int64_t offset = 0;
  if (!scan_date(s, days)) return false;
  if (s.accept('T') || s.accept('t') || s.accept(' ')) {
    if (!scan_time(s, time)) return false;
  }
  if (!s.at_end() && !scan_zone(s, offset)) return false;
  if (!s.at_end()) return false;
  // |days| * kMicrosPerDay stays below 2^63 for |year| <= kMaxYear.
  out.micros = days * kMicrosPerDay + time - offset;
  return true;
}

std::string format_date(Date d) {
  std::string out;
  append_civil_date(out, d.days);
  return out;
}

std::string format_datetime(DateTime t) {
  // Split with floor division so times before 1970 land on the right day.
  const int64_t days = floor_div(t.micros, kMicrosPerDay);
  const int64_t in_day = t.micros - days * kMicrosPerDay;  // [0, kMicrosPerDay)
  std::string out;
  append_civil_date(out, days);
  out += 'T';
  append_padded(out, in_day / kMicrosPerHour, 2);
  out += ':';
  append_padded(out, in_day / kMicrosPerMinute % 60, 2);
  out += ':';
  append_padded(out, in_day / kMicrosPerSecond % 60, 2);
  if (const int64_t fraction = in_day % kMicrosPerSecond; fraction != 0) {
    out += '.';
    append_padded(out, fraction, 6);
  }
  out += 'Z';
  return out;
}

std::string format_duration(const Duration& d) {
  // Like Cypher: months shown as years and months, days as days, the exact
  // part as hours, minutes and seconds; each component carries its own sign.
  std::string out = "P";
  const int64_t years = d.months / 12;
  const int64_t months = d.months % 12;
  if (years != 0) out += std::to_string(years) + "Y";
  if (months != 0) out += std::to_string(months) + "M";
  if (d.days != 0) out += std::to_string(d.days) + "D";
  if (d.micros != 0) {
    out += 'T';
    const int64_t hours = d.micros / kMicrosPerHour;
    const int64_t minutes = d.micros % kMicrosPerHour / kMicrosPerMinute;
    const int64_t rest = d.micros % kMicrosPerMinute;  // same sign as micros
    if (hours != 0) out += std::to_string(hours) + "H";
    if (minutes != 0) out += std::to_string(minutes) + "M";
    if (rest != 0) {
      if (rest < 0) out += '-';
      append_seconds(out, rest < 0 ? -rest : rest);
      out += 'S';
    }
  }
  if (out == "P") out += "T0S";
  return out;
}

}  // namespace kith
