// Argument checks shared by the function families (internal to functions/).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "storage/error.h"
#include "storage/value.h"

namespace kith::engine::fn {

[[noreturn]] inline void wrong_type(std::string_view function, size_t index,
                                    std::string_view expected, const Value& got) {
  throw Error(ErrorCode::TypeError, std::string(function) + "() expects " + std::string(expected) +
                                        " as argument " + std::to_string(index + 1) + ", got " +
                                        std::string(value_type_name(got.type())) + " (" +
                                        got.to_string() + ")");
}

inline bool any_null(std::span<const Value> args) {
  for (const auto& a : args) {
    if (a.is_null()) return true;
  }
  return false;
}

inline const std::string& string_arg(std::string_view function, std::span<const Value> args,
                                     size_t i) {
  if (args[i].type() != ValueType::String) wrong_type(function, i, "STRING", args[i]);
  return args[i].as_string();
}

inline int64_t int_arg(std::string_view function, std::span<const Value> args, size_t i) {
  if (args[i].type() != ValueType::Int) wrong_type(function, i, "INT64", args[i]);
  return args[i].as_int();
}

inline bool is_number(const Value& v) {
  return v.type() == ValueType::Int || v.type() == ValueType::Double;
}

inline double number_arg(std::string_view function, std::span<const Value> args, size_t i) {
  if (args[i].type() == ValueType::Int) return static_cast<double>(args[i].as_int());
  if (args[i].type() != ValueType::Double) wrong_type(function, i, "a number", args[i]);
  return args[i].as_double();
}

}  // namespace kith::engine::fn
