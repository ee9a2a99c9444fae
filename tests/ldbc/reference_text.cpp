#include "tests/ldbc/reference_text.h"

#include <algorithm>
#include <charconv>
#include <vector>

namespace kith::ldbc_test {
namespace {

std::string escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '|') out += "\\|";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string double_text(double d) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  std::string out(buf, ec == std::errc() ? end : buf);
  if (out.find_first_of(".eEn") == std::string::npos) out += ".0";
  return out;
}

}  // namespace

std::string reference_text(const Value& v, bool sort_list_elements) {
  switch (v.type()) {
    case ValueType::Null: return "null";
    case ValueType::Bool: return v.as_bool() ? "true" : "false";
    case ValueType::Int: return std::to_string(v.as_int());
    case ValueType::Double: return double_text(v.as_double());
    case ValueType::String: return escaped(v.as_string());
    case ValueType::List: {
      std::vector<std::string> parts;
      for (const Value& e : v.as_list()) parts.push_back(reference_text(e));
      if (sort_list_elements) std::sort(parts.begin(), parts.end());
      std::string out = "[";
      for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
      return out + "]";
    }
    // Dates, nodes, maps...: no reference answer holds one; a readable
    // literal makes the mismatch obvious.
    default: return v.to_string();
  }
}

}  // namespace kith::ldbc_test
