// Numeric functions and the conversions toInteger / toFloat / toBoolean.
// Conversions of unparsable text give null (as in Cypher), not an error.
#include <charconv>
#include <cmath>
#include <limits>

#include "engine/functions/function_args.h"
#include "engine/functions/function_registry.h"

namespace kith::engine {

namespace {

using fn::any_null;
using fn::number_arg;

Value abs_fn(std::span<const Value> a, const EvalContext&) {
  if (any_null(a)) return {};
  if (a[0].type() == ValueType::Int) {
    if (a[0].as_int() == std::numeric_limits<int64_t>::min()) {
      throw Error(ErrorCode::ArithmeticError, "integer overflow in abs()");
    }
    return a[0].as_int() < 0 ? -a[0].as_int() : a[0].as_int();
  }
  return std::fabs(number_arg("abs", a, 0));
}

Value sign_fn(std::span<const Value> a, const EvalContext&) {
  if (any_null(a)) return {};
  const double d = number_arg("sign", a, 0);
  return int64_t{d > 0 ? 1 : (d < 0 ? -1 : 0)};
}

template <double (*F)(double)>
Value unary_double(std::string_view name, std::span<const Value> a) {
  if (any_null(a)) return {};
  return F(number_arg(name, a, 0));
}

double round_half_up(double x) { return std::floor(x + 0.5); }

Value ceil_fn(std::span<const Value> a, const EvalContext&) { return unary_double<std::ceil>("ceil", a); }
Value floor_fn(std::span<const Value> a, const EvalContext&) { return unary_double<std::floor>("floor", a); }
Value sqrt_fn(std::span<const Value> a, const EvalContext&) { return unary_double<std::sqrt>("sqrt", a); }
Value exp_fn(std::span<const Value> a, const EvalContext&) { return unary_double<std::exp>("exp", a); }
Value log_fn(std::span<const Value> a, const EvalContext&) { return unary_double<std::log>("log", a); }
Value log10_fn(std::span<const Value> a, const EvalContext&) { return unary_double<std::log10>("log10", a); }

// round(x) rounds half up, as Neo4j does; round(x, precision) keeps that
// many decimals.
Value round_fn(std::span<const Value> a, const EvalContext&) {
  if (any_null(a)) return {};
  const double x = number_arg("round", a, 0);
  if (a.size() == 1) return round_half_up(x);
  const int64_t digits = fn::int_arg("round", a, 1);
  if (digits < 0 || digits > 15) {
    throw Error(ErrorCode::ArgumentError, "round(): precision must be between 0 and 15, got " +
                                              std::to_string(digits));
  }
  const double scale = std::pow(10.0, static_cast<double>(digits));
  return round_half_up(x * scale) / scale;
}

Value pi_fn(std::span<const Value>, const EvalContext&) { return M_PI; }
Value e_fn(std::span<const Value>, const EvalContext&) { return M_E; }

bool parse_int(std::string_view s, int64_t& out) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && !s.empty();
}

bool parse_double(std::string_view s, double& out) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && !s.empty();
}

Value double_to_int(double d) {
  if (std::isnan(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0) return {};
  return static_cast<int64_t>(d);  // truncates toward zero
}

Value to_integer(std::span<const Value> a, const EvalContext&) {
  const Value& v = a[0];
  switch (v.type()) {
    case ValueType::Null: return {};
    case ValueType::Int: return v;
    case ValueType::Double: return double_to_int(v.as_double());
    case ValueType::Bool: return int64_t{v.as_bool() ? 1 : 0};
    case ValueType::String: {
      int64_t i;
      if (parse_int(v.as_string(), i)) return i;
      double d;
      if (parse_double(v.as_string(), d)) return double_to_int(d);
      return {};
    }
    default: fn::wrong_type("toInteger", 0, "a string, number or boolean", v);
  }
}

Value to_float(std::span<const Value> a, const EvalContext&) {
  const Value& v = a[0];
  switch (v.type()) {
    case ValueType::Null: return {};
    case ValueType::Int: return static_cast<double>(v.as_int());
    case ValueType::Double: return v;
    case ValueType::String: {
      double d;
      if (parse_double(v.as_string(), d)) return d;
      return {};
    }
    default: fn::wrong_type("toFloat", 0, "a string or number", v);
  }
}

Value to_boolean(std::span<const Value> a, const EvalContext&) {
  const Value& v = a[0];
  switch (v.type()) {
    case ValueType::Null: return {};
    case ValueType::Bool: return v;
    case ValueType::Int: return v.as_int() != 0;
    case ValueType::String: {
      std::string s;
      for (char c : v.as_string()) {
        if (c != ' ') s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      if (s == "true") return true;
      if (s == "false") return false;
      return {};
    }
    default: fn::wrong_type("toBoolean", 0, "a string, integer or boolean", v);
  }
}

}  // namespace

void add_numeric_functions(std::vector<FunctionDef>& out) {
  out.insert(out.end(), {
      {"abs", 1, 1, abs_fn, "abs(NUMBER) -> NUMBER"},
      {"sign", 1, 1, sign_fn, "sign(NUMBER) -> INT64"},
      {"ceil", 1, 1, ceil_fn, "ceil(NUMBER) -> DOUBLE"},
      {"floor", 1, 1, floor_fn, "floor(NUMBER) -> DOUBLE"},
      {"round", 1, 2, round_fn, "round(NUMBER[, precision INT64]) -> DOUBLE"},
      {"sqrt", 1, 1, sqrt_fn, "sqrt(NUMBER) -> DOUBLE"},
      {"exp", 1, 1, exp_fn, "exp(NUMBER) -> DOUBLE"},
      {"log", 1, 1, log_fn, "log(NUMBER) -> DOUBLE"},
      {"log10", 1, 1, log10_fn, "log10(NUMBER) -> DOUBLE"},
      {"pi", 0, 0, pi_fn, "pi() -> DOUBLE"},
      {"e", 0, 0, e_fn, "e() -> DOUBLE"},
      {"toInteger", 1, 1, to_integer, "toInteger(STRING|NUMBER|BOOL) -> INT64"},
      {"toFloat", 1, 1, to_float, "toFloat(STRING|NUMBER) -> DOUBLE"},
      {"toBoolean", 1, 1, to_boolean, "toBoolean(STRING|INT64|BOOL) -> BOOL"},
  });
}

}  // namespace kith::engine
