#include "engine/database.h"

#include <algorithm>

#include "engine/catalog_adapters.h"
#include "engine/exec/executor.h"
#include "engine/functions/function_registry.h"
#include "query/parser/parser.h"
#include "query/plan/explain.h"
#include "query/planner/planner.h"
#include "storage/error.h"

namespace kith {

struct Database::Impl {
  std::unique_ptr<storage::GraphStore> store;
  engine::EngineFunctionCatalog functions;
};

Database::Database() : impl_(std::make_unique<Impl>()) {}
Database::~Database() = default;

std::unique_ptr<Database> Database::open(const std::string& path, Options options) {
  storage::OpenOptions o;
  o.read_only = options.read_only;
  o.create = options.create;
  std::unique_ptr<Database> db(new Database());
  db->impl_->store = storage::GraphStore::open(path, o);
  return db;
}

storage::GraphStore& Database::store() { return *impl_->store; }
const std::string& Database::path() const { return impl_->store->path(); }

namespace {

// The statement's `now`: the "now" parameter when given (a TIMESTAMP, a
// DATE, or text in ISO 8601), else the wall clock when it starts.
DateTime statement_now(const Params& params) {
  auto it = params.find("now");
  if (it == params.end() || it->second.is_null()) {
    const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
    return DateTime{std::chrono::duration_cast<std::chrono::microseconds>(since_epoch).count()};
  }
  const Value& v = it->second;
  if (v.type() == ValueType::DateTime) return v.as_datetime();
  if (v.type() == ValueType::Date) return DateTime{int64_t{v.as_date().days} * 86'400'000'000};
  if (v.type() == ValueType::String) {
    DateTime t;
    if (parse_datetime(v.as_string(), t)) return t;
  }
  throw Error(ErrorCode::ArgumentError,
              "parameter $now must be a timestamp such as 2026-06-20T10:00:00Z, got " + v.to_string());
}

query::plan::Plan make_plan(const query::ast::Statement& ast, const storage::Txn& txn,
                            const engine::EngineFunctionCatalog& functions) {
  engine::TxnCatalogStats stats(txn);
  return query::plan_statement(ast, query::PlanContext{functions, stats});
}

}  // namespace

QueryResult Database::query(std::string_view text, const QueryOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  std::optional<std::chrono::steady_clock::time_point> deadline;
  if (options.timeout) deadline = start + *options.timeout;
  const DateTime now = statement_now(options.params);

  const query::ast::Statement ast = query::parse(text);
  QueryResult result;

  // Plan against a read snapshot first: most statements only read.
  bool writes = false;
  {
    storage::Txn txn = impl_->store->begin_read();
    query::plan::Plan plan = make_plan(ast, txn, impl_->functions);
    if (plan.explain) {  // shows the plan without running it: no values needed
      result.plan = query::plan::explain(plan);
      result.stats.elapsed_ms = std::chrono::duration<double, std::milli>(
                                    std::chrono::steady_clock::now() - start).count();
      return result;
    }
    for (size_t i = 0; i < plan.parameters.size(); ++i) {
      const std::string& name = plan.parameters[i];
      if (name == "now" || options.params.count(name)) continue;
      const query::ast::Pos pos =
          i < plan.parameter_positions.size() ? plan.parameter_positions[i] : query::ast::Pos{};
      throw Error(ErrorCode::ParameterMissing, "parameter $" + name + " was not given a value",
                  pos.line, pos.column);
    }
    writes = plan.writes || plan.kind == query::plan::StatementKind::SchemaCommand;
    if (!writes) {
      engine::ExecContext ctx(txn, options.params, now, options.cancel, deadline);
      engine::execute_plan(plan, ctx, plan.profile, result);
    }
  }
  if (writes) {
    if (!options.allow_writes) {
      throw Error(ErrorCode::ReadOnly, "this statement writes, and this connection may only read");
    }
    // Planned again inside the write transaction: the catalog may have
    // changed since the read snapshot. A retry (map growth) starts afresh.
    impl_->store->write([&](storage::Txn& txn) {
      result = QueryResult{};
      query::plan::Plan plan = make_plan(ast, txn, impl_->functions);
      if (plan.kind == query::plan::StatementKind::SchemaCommand) {
        engine::execute_schema_command(plan.root->schema, txn);
        return;
      }
      engine::ExecContext ctx(txn, options.params, now, options.cancel, deadline);
      engine::execute_plan(plan, ctx, plan.profile, result);
    });
    result.wrote = true;
  }
  result.stats.rows = result.rows.size();
  result.stats.elapsed_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return result;
}

SchemaSummary Database::schema() const {
  storage::Txn txn = impl_->store->begin_read();
  SchemaSummary s;
  for (auto& [id, name] : txn.labels()) s.labels.push_back({name, txn.node_count(id)});
  for (auto& [id, name] : txn.rel_types()) s.rel_types.push_back({name, txn.rel_count(id)});
  for (auto& [id, name] : txn.prop_keys()) s.prop_keys.push_back(name);
  for (const auto& def : txn.indexes()) {
    s.indexes.push_back({txn.label_name(def.label), txn.prop_key_name(def.key), def.unique});
  }
  s.nodes = txn.node_count();
  s.rels = txn.rel_count();
  return s;
}

std::vector<std::string> Database::function_names() {
  return engine::EngineFunctionCatalog().names();
}

}  // namespace kith
