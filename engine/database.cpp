#include "engine/database.h"

#include <algorithm>
#include <variant>

#include "engine/catalog_adapters.h"
#include "engine/exec/executor.h"
#include "engine/functions/function_registry.h"
#include "engine/malloc_tuning.h"
#include "engine/saved_questions.h"
#include "engine/statement_cache.h"
#include "query/parser/parser.h"
#include "query/plan/explain.h"
#include "query/planner/planner.h"
#include "storage/error.h"

namespace kith {

struct Database::Impl {
  std::unique_ptr<storage::GraphStore> store;
  engine::EngineFunctionCatalog functions;
  engine::StatementCache statements;
};

Database::Database() : impl_(std::make_unique<Impl>()) {}
Database::~Database() = default;

std::unique_ptr<Database> Database::open(const std::string& path, Options options) {
  engine::tune_malloc_once();
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

namespace {

// ASK's arguments: literal values (lists and maps of them too) or parameters.
Value argument_value(const query::ast::Expr& e, const Params& params) {
  using K = query::ast::ExprKind;
  switch (e.kind) {
    case K::Null: return {};
    case K::Bool: return std::get<bool>(e.literal);
    case K::Int: return std::get<int64_t>(e.literal);
    case K::Float: return std::get<double>(e.literal);
    case K::String: return std::get<std::string>(e.literal);
    case K::Parameter: {
      auto it = params.find(e.name);
      if (it == params.end()) {
        throw Error(ErrorCode::ParameterMissing, "parameter $" + e.name + " was not given a value",
                    e.pos.line, e.pos.column);
      }
      return it->second;
    }
    case K::List: {
      Value::List out;
      for (const auto& a : e.args) out.push_back(argument_value(*a, params));
      return out;
    }
    case K::Map: {
      Value::Map out;
      for (size_t i = 0; i < e.keys.size(); ++i) out.emplace_back(e.keys[i], argument_value(*e.args[i], params));
      std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      return out;
    }
    default:
      throw Error(ErrorCode::SemanticError, "ASK takes values or parameters as arguments", e.pos.line,
                  e.pos.column);
  }
}

std::string names_of(const std::vector<std::string>& params) {
  std::string out;
  for (const auto& p : params) out += (out.empty() ? "$" : ", $") + p;
  return out;
}

}  // namespace

QueryResult Database::ask(const std::string& name, const QueryOptions& options) {
  std::optional<engine::SavedQuestion> q;
  {
    storage::Txn txn = impl_->store->begin_read();
    q = engine::load_question(txn, name);
  }
  if (!q) throw Error(ErrorCode::NotFound, "there is no saved question '" + name + "' (DEFINE QUESTION saves one)");
  for (const auto& p : q->parameters) {
    if (!options.params.count(p)) {
      throw Error(ErrorCode::ParameterMissing, "question '" + name + "' needs $" + p + " (its parameters: " +
                                                   names_of(q->parameters) + ")");
    }
  }
  return query(q->query, options);
}

std::vector<Database::Question> Database::questions() const {
  storage::Txn txn = impl_->store->begin_read();
  std::vector<Question> out;
  for (auto& q : engine::list_questions(txn)) out.push_back({q.name, q.parameters, q.query});
  return out;
}

QueryResult Database::query(std::string_view text, const QueryOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  std::optional<std::chrono::steady_clock::time_point> deadline;
  if (options.timeout) deadline = start + *options.timeout;
  const DateTime now = statement_now(options.params);

  const std::shared_ptr<const query::ast::Statement> parsed = impl_->statements.get(text);
  const query::ast::Statement& ast = *parsed;
  QueryResult result;

  if (const auto* define = std::get_if<query::ast::DefineQuestion>(&ast.body)) {
    if (!ast.prefixes.empty()) {
      throw Error(ErrorCode::SemanticError, "DEFINE QUESTION takes no prefix", ast.pos.line, ast.pos.column);
    }
    if (!options.allow_writes) {
      throw Error(ErrorCode::ReadOnly, "DEFINE QUESTION writes, and this connection may only read");
    }
    // Plan the body now, so a question with an error is refused when it is
    // defined, not when someone asks it.
    const query::ast::Statement body = query::parse(define->body_text);
    const query::ast::Pos at = define->body->pos;
    auto shift = [&](query::ast::Pos p) {
      return query::ast::Pos{p.line + at.line - 1, p.line == 1 ? p.column + at.column - 1 : p.column};
    };
    query::plan::Plan plan;
    try {
      storage::Txn txn = impl_->store->begin_read();
      plan = make_plan(body, txn, impl_->functions);
    } catch (const Error& e) {
      if (!e.has_position()) throw;
      const auto p = shift({e.line(), e.column()});
      throw Error(e.code(), e.message(), p.line, p.column);
    }
    for (size_t i = 0; i < plan.parameters.size(); ++i) {
      const auto& used = plan.parameters[i];
      if (used == "now" || std::find(define->parameters.begin(), define->parameters.end(), used) !=
                               define->parameters.end()) {
        continue;
      }
      const auto p = shift(i < plan.parameter_positions.size() ? plan.parameter_positions[i] : at);
      throw Error(ErrorCode::SemanticError,
                  "question '" + define->name + "' uses $" + used + ", which is not one of its parameters (" +
                      names_of(define->parameters) + ")",
                  p.line, p.column);
    }
    impl_->store->write([&](storage::Txn& txn) {
      engine::store_question(txn, {define->name, define->parameters, define->body_text});
    });
    result.columns = {"question", "parameters"};
    Value::List params;
    for (const auto& p : define->parameters) params.emplace_back(p);
    result.rows.push_back({Value(define->name), Value(std::move(params))});
    result.wrote = true;
    result.stats.rows = 1;
    result.stats.elapsed_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
  }
  if (const auto* ask_it = std::get_if<query::ast::AskQuestion>(&ast.body)) {
    std::optional<engine::SavedQuestion> q;
    {
      storage::Txn txn = impl_->store->begin_read();
      q = engine::load_question(txn, ask_it->name);
    }
    if (!q) {
      throw Error(ErrorCode::NotFound, "there is no saved question '" + ask_it->name + "'", ast.pos.line,
                  ast.pos.column);
    }
    if (ask_it->args.size() != q->parameters.size()) {
      throw Error(ErrorCode::ArgumentError,
                  "question '" + q->name + "' takes " + std::to_string(q->parameters.size()) +
                      " argument(s) (" + names_of(q->parameters) + "), got " + std::to_string(ask_it->args.size()),
                  ast.pos.line, ast.pos.column);
    }
    QueryOptions inner = options;
    for (size_t i = 0; i < q->parameters.size(); ++i) {
      inner.params[q->parameters[i]] = argument_value(*ask_it->args[i], options.params);
    }
    return query(q->query, inner);
  }

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
