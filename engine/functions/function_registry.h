// The scalar functions of the language (DESIGN.md 2.1), looked up by name
// case-insensitively. The binder checks arity with this table, so an unknown
// function or a wrong argument count is reported before anything runs.
// Aggregates (count, sum, ...) and graph functions (id, labels, nodes, ...)
// are not here: they need the operator pipeline or the store.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "engine/eval/eval_context.h"
#include "storage/value.h"

namespace kith::engine {

using ScalarFunction = Value (*)(std::span<const Value> args, const EvalContext& ctx);

struct FunctionDef {
  std::string_view name;  // canonical spelling, e.g. "toLower"
  int min_args;
  int max_args;           // -1: variadic
  ScalarFunction fn;
  std::string_view signature;  // for help and error messages: "toLower(STRING) -> STRING"
};

const FunctionDef* find_function(std::string_view name);
const std::vector<FunctionDef>& all_functions();

// Calls `def` after checking the argument count (ArgumentError otherwise).
Value call_function(const FunctionDef& def, std::span<const Value> args, const EvalContext& ctx);

// Registration tables of each family, in their own files.
void add_string_functions(std::vector<FunctionDef>& out);
void add_numeric_functions(std::vector<FunctionDef>& out);
void add_temporal_functions(std::vector<FunctionDef>& out);
void add_list_functions(std::vector<FunctionDef>& out);

}  // namespace kith::engine
