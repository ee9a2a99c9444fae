#include "storage/import/field_parser.h"

#include <charconv>

namespace kith::storage::import {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (x != b[i]) return false;
  }
  return true;
}

std::string quoted(std::string_view text) {
  constexpr size_t kMax = 60;  // keep reports readable for long fields
  std::string out(1, '\'');
  out.append(text.substr(0, kMax));
  if (text.size() > kMax) out.append("...");
  out.push_back('\'');
  return out;
}

bool parse_scalar(std::string_view text, FieldType type, Value& out, std::string& error) {
  switch (type) {
    case FieldType::String:
      out = Value(text);
      return true;
    case FieldType::Int: {
      int64_t v;
      if (!parse_int(text, v)) {
        error = "cannot parse " + quoted(text) + " as an integer";
        return false;
      }
      out = Value(v);
      return true;
    }
    case FieldType::Double: {
      std::string_view t = trim(text);
      if (!t.empty() && t.front() == '+') t.remove_prefix(1);
      double v;
      auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
      if (t.empty() || ec != std::errc() || ptr != t.data() + t.size()) {
        error = "cannot parse " + quoted(text) + " as a floating-point number";
        return false;
      }
      out = Value(v);
      return true;
    }
    case FieldType::Bool: {
      std::string_view t = trim(text);
      if (iequals(t, "true")) {
        out = Value(true);
      } else if (iequals(t, "false")) {
        out = Value(false);
      } else {
        error = "cannot parse " + quoted(text) + " as a boolean (expected true or false)";
        return false;
      }
      return true;
    }
    case FieldType::Date: {
      Date d;
      if (!parse_date(trim(text), d)) {
        error = "cannot parse " + quoted(text) + " as a date (expected YYYY-MM-DD)";
        return false;
      }
      out = Value(d);
      return true;
    }
    case FieldType::DateTime: {
      DateTime t;
      if (!parse_datetime(trim(text), t)) {
        error = "cannot parse " + quoted(text) +
                " as a datetime (expected YYYY-MM-DDThh:mm[:ss[.fff]][Z|+hh:mm])";
        return false;
      }
      out = Value(t);
      return true;
    }
  }
  error = "unsupported type";
  return false;
}

}  // namespace

bool parse_int(std::string_view text, int64_t& out) {
  std::string_view t = trim(text);
  if (!t.empty() && t.front() == '+') t.remove_prefix(1);
  if (t.empty()) return false;
  auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
  return ec == std::errc() && ptr == t.data() + t.size();
}

bool parse_canonical_int(std::string_view text, int64_t& out) {
  if (text.empty()) return false;
  size_t digits = text.front() == '-' ? 1 : 0;
  if (digits == text.size()) return false;
  if (text[digits] == '0' && text.size() > digits + 1) return false;  // leading zero
  if (text == "-0") return false;
  for (size_t i = digits; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

bool parse_value(std::string_view text, FieldType type, bool array, char array_delimiter,
                 Value& out, std::string& error) {
  if (!array) return parse_scalar(text, type, out, error);
  Value::List items;
  size_t start = 0;
  for (;;) {
    size_t stop = text.find(array_delimiter, start);
    std::string_view item =
        text.substr(start, stop == std::string_view::npos ? std::string_view::npos : stop - start);
    Value v;
    if (item.empty() && type == FieldType::String) {
      v = Value(std::string());
    } else if (item.empty()) {
      error = "empty element in array " + quoted(text);
      return false;
    } else if (!parse_scalar(item, type, v, error)) {
      error = "array element: " + error;
      return false;
    }
    items.push_back(std::move(v));
    if (stop == std::string_view::npos) break;
    start = stop + 1;
  }
  out = Value(std::move(items));
  return true;
}

bool parse_key(std::string_view text, IdType id_type, Key& out, std::string& error) {
  switch (id_type) {
    case IdType::String:
      out.is_int = false;
      out.s = text;
      return true;
    case IdType::Integer:
      if (!parse_int(text, out.i)) {
        error = "key " + quoted(text) + " is not an integer (--id-type=integer)";
        return false;
      }
      out.is_int = true;
      return true;
    case IdType::Actual:
      out.is_int = parse_canonical_int(text, out.i);
      if (!out.is_int) out.s = text;
      return true;
  }
  return false;
}

}  // namespace kith::storage::import
