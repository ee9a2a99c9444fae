#include "engine/exec/executor.h"

#include <cstdio>
#include <functional>

#include "engine/eval/graph_functions.h"
#include "engine/exec/builder.h"
#include "query/plan/explain.h"
#include "storage/error.h"
#include "storage/meta_kv.h"

namespace kith::engine {

namespace {

using query::plan::Op;
using query::plan::Plan;

void capture(const Value& v, ExecContext& ctx, QueryResult& out) {
  switch (v.type()) {
    case ValueType::Node: {
      const NodeId id = v.as_node().id;
      if (out.nodes.count(id)) return;
      NodeData d;
      if (ctx.txn.node_exists(id)) {
        for (LabelId l : ctx.txn.node_labels(id)) d.labels.push_back(ctx.label_name(l));
        d.properties = node_properties(id, ctx);
      }
      out.nodes.emplace(id, std::move(d));
      return;
    }
    case ValueType::Rel: {
      const RelRef& r = v.as_rel();
      if (out.rels.count(r.id)) return;
      RelData d{ctx.rel_type_name(r.type), r.start, r.end, {}};
      if (ctx.txn.rel_exists(r.id)) d.properties = rel_properties(r.id, ctx);
      out.rels.emplace(r.id, std::move(d));
      return;
    }
    case ValueType::Path:
      for (NodeId n : v.as_path().nodes) capture(Value(NodeRef{n}), ctx, out);
      for (const RelRef& r : v.as_path().rels) capture(Value(r), ctx, out);
      return;
    case ValueType::List:
      for (const auto& e : v.as_list()) capture(e, ctx, out);
      return;
    case ValueType::Map:
      for (const auto& [k, e] : v.as_map()) capture(e, ctx, out);
      return;
    default: return;
  }
}

std::string format_ms(std::chrono::nanoseconds t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f ms", static_cast<double>(t.count()) / 1e6);
  return buf;
}

// The plan tree with each operator's rows and inclusive time.
std::string profile_text(const Plan& plan, const std::vector<Operator*>& ops) {
  std::vector<const Operator*> by_index(plan.op_count + 1, nullptr);
  for (const Operator* o : ops) {
    if (o->plan_index >= 0 && static_cast<size_t>(o->plan_index) < by_index.size()) {
      by_index[static_cast<size_t>(o->plan_index)] = o;
    }
  }
  std::string out;
  std::function<void(const Op&, const std::string&, bool, bool)> walk =
      [&](const Op& op, const std::string& prefix, bool last, bool root) {
        out += prefix;
        if (!root) out += last ? "└─ " : "├─ ";
        out += query::plan::describe(plan, op);
        if (const Operator* o = op.index < by_index.size() ? by_index[op.index] : nullptr) {
          out += "   rows=" + std::to_string(o->rows_out);
          out += o->fused ? " (batched inside the operator above)" : " time=" + format_ms(o->time);
        }
        out += '\n';
        const std::string child_prefix = root ? "" : prefix + (last ? "   " : "│  ");
        for (size_t i = 0; i < op.children.size(); ++i) {
          walk(*op.children[i], child_prefix, i + 1 == op.children.size(), false);
        }
      };
  walk(*plan.root, "", true, true);
  return out;
}

}  // namespace

void execute_plan(const Plan& plan, ExecContext& ctx, bool profile, QueryResult& out) {
  Builder builder(ctx, profile);
  OperatorPtr root = builder.build(*plan.root);
  const auto& columns = plan.root->columns;
  out.columns.clear();
  for (const auto& c : columns) out.columns.push_back(c.name);
  Row row(plan.slot_count);
  root->open(row);
  while (root->next(row)) {
    ctx.check_interrupt();
    std::vector<Value> values;
    values.reserve(columns.size());
    for (const auto& c : columns) {
      capture(row[c.slot], ctx, out);
      values.push_back(row[c.slot]);
    }
    // A statement without RETURN has no columns and, as in openCypher, no
    // records; its operators still run to the end for their writes.
    if (!columns.empty()) out.rows.push_back(std::move(values));
  }
  if (profile) out.plan = profile_text(plan, builder.all());
}

namespace {

// Names given to indexes and constraints (CREATE INDEX person_email ...) are
// kept in the meta area as "index-name/<name>" -> "<label id> <key id>"; an
// index without one is called index_<Label>_<key> / constraint_<Label>_<key>.
constexpr std::string_view kIndexNames = "index-name/";

std::string generated_name(const storage::IndexDef& def, storage::Txn& txn) {
  return std::string(def.unique ? "constraint_" : "index_") + txn.label_name(def.label) + "_" +
         txn.prop_key_name(def.key);
}

std::string index_ref(const storage::IndexDef& def) {
  return std::to_string(def.label) + " " + std::to_string(def.key);
}

}  // namespace

std::string index_name(const storage::IndexDef& def, storage::Txn& txn) {
  const std::string ref = index_ref(def);
  for (const auto& [key, value] : storage::meta_scan(txn, kIndexNames)) {
    if (value == ref) return key.substr(kIndexNames.size());
  }
  return generated_name(def, txn);
}

void execute_schema_command(const query::plan::SchemaSpec& spec, storage::Txn& txn) {
  using query::plan::SchemaAction;
  switch (spec.action) {
    case SchemaAction::CreateIndex:
    case SchemaAction::CreateUniqueConstraint: {
      if (spec.keys.size() != 1) {
        throw Error(ErrorCode::SemanticError, "indexes on several properties are not supported yet");
      }
      const LabelId label = txn.intern_label(spec.label);
      const PropKeyId key = txn.intern_prop_key(spec.keys[0]);
      if (auto existing = txn.find_index(label, key)) {
        if (spec.if_not_exists) return;
        throw Error(ErrorCode::SemanticError, "an index on :" + spec.label + "(" + spec.keys[0] +
                                                  ") already exists (" + index_name(*existing, txn) + ")");
      }
      if (!spec.name.empty()) {
        if (storage::meta_get(txn, std::string(kIndexNames) + spec.name)) {
          if (spec.if_not_exists) return;
          throw Error(ErrorCode::SemanticError, "an index or constraint named '" + spec.name + "' already exists");
        }
      }
      const IndexId id = spec.action == SchemaAction::CreateIndex ? txn.create_index(label, key)
                                                                  : txn.create_unique_constraint(label, key);
      if (!spec.name.empty()) {
        for (const auto& def : txn.indexes()) {
          if (def.id == id) storage::meta_put(txn, std::string(kIndexNames) + spec.name, index_ref(def));
        }
      }
      return;
    }
    case SchemaAction::CreateNotNullConstraint:
      throw Error(ErrorCode::SemanticError, "IS NOT NULL constraints are not supported yet");
    case SchemaAction::DropIndex:
    case SchemaAction::DropConstraint: {
      for (const auto& def : txn.indexes()) {
        if (index_name(def, txn) == spec.name || generated_name(def, txn) == spec.name) {
          txn.drop_index(def.id);
          for (const auto& [key, value] : storage::meta_scan(txn, kIndexNames)) {
            if (value == index_ref(def)) storage::meta_erase(txn, key);
          }
          return;
        }
      }
      if (spec.if_exists) return;
      throw Error(ErrorCode::NotFound, "there is no index or constraint named '" + spec.name +
                                           "' (CALL db.indexes() lists them)");
    }
  }
}

}  // namespace kith::engine
