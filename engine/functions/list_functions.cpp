// List functions, and the functions that take a string or a list alike
// (size, reverse), plus coalesce.
#include <algorithm>

#include "engine/functions/function_args.h"
#include "engine/functions/function_registry.h"

namespace kith::engine {

namespace {

constexpr int64_t kMaxRangeLength = 10'000'000;  // range(0, 1e18) must not eat the memory

const Value::List& list_arg(std::string_view name, std::span<const Value> a, size_t i) {
  if (a[i].type() != ValueType::List) fn::wrong_type(name, i, "a LIST", a[i]);
  return a[i].as_list();
}

Value size_fn(std::span<const Value> a, const EvalContext&) {
  const Value& v = a[0];
  if (v.is_null()) return {};
  if (v.type() == ValueType::List) return static_cast<int64_t>(v.as_list().size());
  if (v.type() == ValueType::String) {
    int64_t n = 0;
    for (unsigned char c : v.as_string()) n += (c & 0xC0) == 0x80 ? 0 : 1;
    return n;
  }
  fn::wrong_type("size", 0, "a STRING or LIST", v);
}

Value head_fn(std::span<const Value> a, const EvalContext&) {
  if (a[0].is_null()) return {};
  const auto& l = list_arg("head", a, 0);
  return l.empty() ? Value() : l.front();
}

Value last_fn(std::span<const Value> a, const EvalContext&) {
  if (a[0].is_null()) return {};
  const auto& l = list_arg("last", a, 0);
  return l.empty() ? Value() : l.back();
}

Value tail_fn(std::span<const Value> a, const EvalContext&) {
  if (a[0].is_null()) return {};
  const auto& l = list_arg("tail", a, 0);
  if (l.empty()) return Value::List{};
  return Value::List(l.begin() + 1, l.end());
}

Value reverse_fn(std::span<const Value> a, const EvalContext&) {
  const Value& v = a[0];
  if (v.is_null()) return {};
  if (v.type() == ValueType::List) {
    Value::List out(v.as_list().rbegin(), v.as_list().rend());
    return out;
  }
  if (v.type() == ValueType::String) {
    // Reverse code points, not bytes, so UTF-8 stays valid.
    const std::string& s = v.as_string();
    std::string out;
    out.reserve(s.size());
    size_t end = s.size();
    while (end > 0) {
      size_t begin = end - 1;
      while (begin > 0 && (static_cast<unsigned char>(s[begin]) & 0xC0) == 0x80) --begin;
      out.append(s, begin, end - begin);
      end = begin;
    }
    return out;
  }
  fn::wrong_type("reverse", 0, "a STRING or LIST", v);
}

Value range_fn(std::span<const Value> a, const EvalContext&) {
  const int64_t from = fn::int_arg("range", a, 0);
  const int64_t to = fn::int_arg("range", a, 1);
  const int64_t step = a.size() > 2 ? fn::int_arg("range", a, 2) : 1;
  if (step == 0) throw Error(ErrorCode::ArgumentError, "range(): step must not be zero");
  Value::List out;
  const __int128 span = step > 0 ? (__int128)to - from : (__int128)from - to;
  if (span < 0) return out;
  const __int128 count = span / (step > 0 ? step : -(__int128)step) + 1;
  if (count > kMaxRangeLength) {
    throw Error(ErrorCode::ArgumentError, "range(): more than " + std::to_string(kMaxRangeLength) +
                                              " elements");
  }
  out.reserve(static_cast<size_t>(count));
  for (__int128 i = 0; i < count; ++i) out.emplace_back(static_cast<int64_t>(from + i * step));
  return out;
}

Value coalesce_fn(std::span<const Value> a, const EvalContext&) {
  for (const auto& v : a) {
    if (!v.is_null()) return v;
  }
  return {};
}

}  // namespace

void add_list_functions(std::vector<FunctionDef>& out) {
  out.insert(out.end(), {
      {"size", 1, 1, size_fn, "size(STRING|LIST) -> INT64"},
      {"head", 1, 1, head_fn, "head(LIST) -> ANY"},
      {"last", 1, 1, last_fn, "last(LIST) -> ANY"},
      {"tail", 1, 1, tail_fn, "tail(LIST) -> LIST"},
      {"reverse", 1, 1, reverse_fn, "reverse(STRING|LIST) -> STRING|LIST"},
      {"range", 2, 3, range_fn, "range(start INT64, end INT64[, step INT64]) -> LIST"},
      {"coalesce", 1, -1, coalesce_fn, "coalesce(ANY, ...) -> ANY"},
  });
}

}  // namespace kith::engine
