// Runs a plan inside a transaction and collects its result.
#pragma once

#include "engine/database.h"
#include "engine/exec/exec_context.h"
#include "query/plan/logical_plan.h"

namespace kith::engine {

// Pulls every row of `plan` into `out` (columns, rows, the entities they
// mention). With `profile`, fills out.plan with rows and time per operator.
void execute_plan(const query::plan::Plan& plan, ExecContext& ctx, bool profile, QueryResult& out);

// CREATE/DROP INDEX and CONSTRAINT.
void execute_schema_command(const query::plan::SchemaSpec& spec, storage::Txn& txn);
// The name of an index: the one it was created with, else
// index_<Label>_<key> (constraint_<Label>_<key> for a unique one).
std::string index_name(const storage::IndexDef& def, storage::Txn& txn);

}  // namespace kith::engine
