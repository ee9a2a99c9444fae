// The procedures CALL knows and their output fields (logical_plan.h lists
// them for the executor).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kith::query::planner {

struct ProcedureInfo {
  std::string_view name;  // canonical, dotted
  int args;               // exact argument count
  std::vector<std::string> fields;
};

const ProcedureInfo* find_procedure(std::string_view name);  // case-insensitive
std::vector<std::string> procedure_names();

}  // namespace kith::query::planner
