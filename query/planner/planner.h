// The binder and logical planner: AST -> logical plan (DESIGN.md section 4).
// Resolves variables, functions and procedures, raises every semantic error
// with its line and column as kith::Error, and chooses the plan (start
// points, expansion directions, filter placement) from catalog statistics.
// docs/planner.md describes the rules.
#pragma once

#include "query/ast/ast.h"
#include "query/plan/catalog_stats.h"
#include "query/plan/function_catalog.h"
#include "query/plan/logical_plan.h"

namespace kith::query {

struct PlanContext {
  const plan::FunctionCatalog& functions;
  const plan::CatalogStats& stats;
};

plan::Plan plan_statement(const ast::Statement& statement, const PlanContext& context);

}  // namespace kith::query
