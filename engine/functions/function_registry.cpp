#include "engine/functions/function_registry.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "storage/error.h"

namespace kith::engine {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::vector<FunctionDef> build_table() {
  std::vector<FunctionDef> table;
  add_string_functions(table);
  add_numeric_functions(table);
  add_temporal_functions(table);
  add_list_functions(table);
  return table;
}

}  // namespace

const std::vector<FunctionDef>& all_functions() {
  static const std::vector<FunctionDef> table = build_table();
  return table;
}

const FunctionDef* find_function(std::string_view name) {
  for (const auto& def : all_functions()) {
    if (iequals(def.name, name)) return &def;
  }
  return nullptr;
}

Value call_function(const FunctionDef& def, std::span<const Value> args, const EvalContext& ctx) {
  const auto n = static_cast<int>(args.size());
  if (n < def.min_args || (def.max_args >= 0 && n > def.max_args)) {
    std::string expected = def.min_args == def.max_args ? std::to_string(def.min_args)
                           : def.max_args < 0 ? "at least " + std::to_string(def.min_args)
                           : std::to_string(def.min_args) + " to " + std::to_string(def.max_args);
    throw Error(ErrorCode::ArgumentError, std::string(def.name) + "() takes " + expected +
                                              " argument" + (expected == "1" ? "" : "s") +
                                              ", got " + std::to_string(n) + " (" +
                                              std::string(def.signature) + ")");
  }
  return def.fn(args, ctx);
}

}  // namespace kith::engine
