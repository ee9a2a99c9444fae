// String functions. Positions and lengths count Unicode code points (the
// text is UTF-8), so substring never cuts a character in half; case mapping
// covers ASCII only (no locale tables in the engine).
#include <algorithm>
#include <cctype>

#include "engine/functions/function_args.h"
#include "engine/functions/function_registry.h"

namespace kith::engine {

namespace {

using fn::any_null;
using fn::int_arg;
using fn::string_arg;

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Byte offset of the code point at index `cp` (or the end).
size_t offset_of(const std::string& s, int64_t cp) {
  size_t i = 0;
  for (int64_t n = 0; i < s.size() && n < cp; ++n) {
    ++i;
    while (i < s.size() && is_continuation(static_cast<unsigned char>(s[i]))) ++i;
  }
  return i;
}

int64_t code_points(const std::string& s) {
  int64_t n = 0;
  for (unsigned char c : s) n += is_continuation(c) ? 0 : 1;
  return n;
}

Value to_lower(std::span<const Value> a, const EvalContext&) {
  if (any_null(a)) return {};
  std::string s = string_arg("toLower", a, 0);
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

Value to_upper(std::span<const Value> a, const EvalContext&) {
  if (any_null(a)) return {};
  std::string s = string_arg("toUpper", a, 0);
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

Value trim_impl(std::string_view name, std::span<const Value> a, bool left, bool right) {
  if (any_null(a)) return {};
  const std::string& s = string_arg(name, a, 0);
  size_t b = 0, e = s.size();
  if (left) while (b < e && is_space(s[b])) ++b;
  if (right) while (e > b && is_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

Value trim(std::span<const Value> a, const EvalContext&) { return trim_impl("trim", a, true, true); }
Value ltrim(std::span<const Value> a, const EvalContext&) { return trim_impl("ltrim", a, true, false); }
Value rtrim(std::span<const Value> a, const EvalContext&) { return trim_impl("rtrim", a, false, true); }

void non_negative(std::string_view name, int64_t v, const char* what) {
  if (v < 0) {
    throw Error(ErrorCode::ArgumentError,
                std::string(name) + "(): " + what + " must not be negative, got " + std::to_string(v));
  }
}

Value substring(std::span<const Value> a, const EvalContext&) {
  if (a[0].is_null()) return {};
  const std::string& s = string_arg("substring", a, 0);
  const int64_t start = int_arg("substring", a, 1);
  non_negative("substring", start, "start");
  const size_t b = offset_of(s, start);
  if (a.size() < 3) return s.substr(b);
  const int64_t len = int_arg("substring", a, 2);
  non_negative("substring", len, "length");
  size_t e = b;
  for (int64_t n = 0; e < s.size() && n < len; ++n) {
    ++e;
    while (e < s.size() && is_continuation(static_cast<unsigned char>(s[e]))) ++e;
  }
  return s.substr(b, e - b);
}

Value left(std::span<const Value> a, const EvalContext&) {
  if (a[0].is_null()) return {};
  const std::string& s = string_arg("left", a, 0);
  const int64_t n = int_arg("left", a, 1);
  non_negative("left", n, "length");
  return s.substr(0, offset_of(s, n));
}

Value right(std::span<const Value> a, const EvalContext&) {
  if (a[0].is_null()) return {};
  const std::string& s = string_arg("right", a, 0);
  const int64_t n = int_arg("right", a, 1);
  non_negative("right", n, "length");
  const int64_t total = code_points(s);
  return s.substr(offset_of(s, std::max<int64_t>(0, total - n)));
}

Value split(std::span<const Value> a, const EvalContext&) {
  if (any_null(a)) return {};
  const std::string& s = string_arg("split", a, 0);
  const std::string& d = string_arg("split", a, 1);
  Value::List out;
  if (d.empty()) {  // one element per code point
    for (size_t i = 0; i < s.size();) {
      size_t j = i + 1;
      while (j < s.size() && is_continuation(static_cast<unsigned char>(s[j]))) ++j;
      out.emplace_back(s.substr(i, j - i));
      i = j;
    }
    return out;
  }
  size_t pos = 0;
  for (size_t hit; (hit = s.find(d, pos)) != std::string::npos; pos = hit + d.size()) {
    out.emplace_back(s.substr(pos, hit - pos));
  }
  out.emplace_back(s.substr(pos));
  return out;
}

Value replace(std::span<const Value> a, const EvalContext&) {
  if (any_null(a)) return {};
  const std::string& s = string_arg("replace", a, 0);
  const std::string& from = string_arg("replace", a, 1);
  const std::string& to = string_arg("replace", a, 2);
  if (from.empty()) return s;
  std::string out;
  size_t pos = 0;
  for (size_t hit; (hit = s.find(from, pos)) != std::string::npos; pos = hit + from.size()) {
    out.append(s, pos, hit - pos).append(to);
  }
  out.append(s, pos);
  return out;
}

Value to_string(std::span<const Value> a, const EvalContext&) {
  const Value& v = a[0];
  switch (v.type()) {
    case ValueType::Null: return {};
    case ValueType::String: return v;
    case ValueType::Bool: return v.as_bool() ? "true" : "false";
    case ValueType::Int:
    case ValueType::Double: return v.to_string();
    case ValueType::Date: return format_date(v.as_date());
    case ValueType::DateTime: return format_datetime(v.as_datetime());
    case ValueType::Duration: return format_duration(v.as_duration());
    case ValueType::List:
    case ValueType::Map:
    case ValueType::Node:
    case ValueType::Rel:
    case ValueType::Path: fn::wrong_type("toString", 0, "a string, number, boolean or temporal value", v);
  }
  return {};
}

}  // namespace

void add_string_functions(std::vector<FunctionDef>& out) {
  out.insert(out.end(), {
      {"toLower", 1, 1, to_lower, "toLower(STRING) -> STRING"},
      {"toUpper", 1, 1, to_upper, "toUpper(STRING) -> STRING"},
      {"trim", 1, 1, trim, "trim(STRING) -> STRING"},
      {"ltrim", 1, 1, ltrim, "ltrim(STRING) -> STRING"},
      {"rtrim", 1, 1, rtrim, "rtrim(STRING) -> STRING"},
      {"substring", 2, 3, substring, "substring(STRING, start INT64[, length INT64]) -> STRING"},
      {"left", 2, 2, left, "left(STRING, length INT64) -> STRING"},
      {"right", 2, 2, right, "right(STRING, length INT64) -> STRING"},
      {"split", 2, 2, split, "split(STRING, delimiter STRING) -> LIST"},
      {"replace", 3, 3, replace, "replace(STRING, search STRING, replacement STRING) -> STRING"},
      {"toString", 1, 1, to_string, "toString(ANY) -> STRING"},
  });
}

}  // namespace kith::engine
