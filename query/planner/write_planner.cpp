// CREATE, MERGE, SET, REMOVE, DELETE: what can be checked before running
// (directions, types, null merge keys, kinds of targets) is rejected here.
#include <algorithm>

#include "query/planner/expr_text.h"
#include "query/planner/planner_internal.h"

namespace kith::query::planner {
namespace {

using PK = plan::ExprKind;

std::vector<std::string> plain_labels(const ast::NodePattern& n, const char* clause) {
  std::vector<std::string> out;
  for (const auto& group : n.labels) {
    if (group.size() != 1)
      fail(ErrorCode::SemanticError,
           std::string("label alternatives (:A|B) cannot be used in ") + clause, n.pos);
    out.push_back(group[0]);
  }
  return out;
}

void check_creatable_rel(const ast::RelPattern& r, const char* clause, bool allow_undirected) {
  if (r.var_length)
    fail(ErrorCode::SemanticError,
         std::string("variable-length relationships cannot be used in ") + clause, r.pos);
  if (!allow_undirected && r.direction == ast::Direction::Both)
    fail(ErrorCode::SemanticError,
         std::string("only directed relationships can be used in ") + clause, r.pos);
  if (r.types.size() != 1)
    fail(ErrorCode::SemanticError,
         std::string("a relationship in ") + clause + " needs exactly one type", r.pos);
}

void check_no_null_keys(const ast::ExprPtr& props) {
  if (!props) return;
  if (props->kind != ast::ExprKind::Map)
    fail(ErrorCode::SemanticError, "MERGE needs a literal property map, not a parameter",
         props->pos);
  for (size_t i = 0; i < props->keys.size(); ++i)
    if (props->args[i]->kind == ast::ExprKind::Null)
      fail(ErrorCode::SemanticError,
           "cannot MERGE on a null property value ('" + props->keys[i] + "')", props->args[i]->pos);
}

const Variable& target_variable(const std::string& name, const Scope& scope, ast::Pos pos,
                                const char* clause) {
  const Variable* v = scope.find(name);
  if (!v)
    fail(ErrorCode::UnknownVariable,
         "'" + name + "' is not defined" + did_you_mean(name, scope.names()), pos);
  if (v->kind == VarKind::Path)
    fail(ErrorCode::SemanticError,
         std::string(clause) + " needs a node or relationship, '" + name + "' is a path", pos);
  return *v;
}

double rows_or_one(const OpPtr& op) { return rows_of(op); }

}  // namespace

OpPtr Planner::plan_create(OpPtr input, const ast::CreateClause& c, Scope& scope, ast::Pos pos) {
  OpPtr op = make_op(OpKind::Create, pos, or_argument(std::move(input), pos));
  op->estimated_rows = rows_or_one(op->children[0]);
  ExprOptions o;
  o.context = "CREATE";
  std::vector<std::pair<SlotId, ExprPtr>> paths;
  for (const auto& part : c.patterns) {
    if (part.kind != ast::PathKind::Plain)
      fail(ErrorCode::SemanticError, "CREATE needs a plain pattern", part.pos);
    std::vector<SlotId> node_slots;
    std::vector<std::string> node_names;
    for (const auto& n : part.nodes) {
      const Variable* v = n.variable.empty() ? nullptr : scope.find(n.variable);
      if (v) {
        if (v->kind != VarKind::Node && v->kind != VarKind::Value)
          fail(ErrorCode::SemanticError,
               "'" + n.variable + "' is already declared as a " +
                   std::string(var_kind_name(v->kind)),
               n.pos);
        if (!n.labels.empty() || n.properties)
          fail(ErrorCode::SemanticError,
               "'" + n.variable +
                   "' is already declared: CREATE cannot add labels or properties to it",
               n.pos);
        node_slots.push_back(v->slot);
        node_names.push_back(n.variable);
        continue;
      }
      plan::NodeSpec spec;
      spec.labels = plain_labels(n, "CREATE");
      if (n.properties) spec.properties = bind(*n.properties, scope, o);
      std::string name = n.variable.empty() ? anon_name() : n.variable;
      spec.slot = new_slot(name);
      if (!n.variable.empty())
        scope.add(Variable{name, spec.slot, VarKind::Node, false, false, {}});
      node_slots.push_back(spec.slot);
      node_names.push_back(name);
      op->node_specs.push_back(std::move(spec));
    }
    std::vector<SlotId> rel_slots;
    std::vector<std::string> rel_names;
    for (size_t i = 0; i < part.rels.size(); ++i) {
      const auto& r = part.rels[i];
      check_creatable_rel(r, "CREATE", false);
      if (!r.variable.empty() && scope.find(r.variable))
        fail(ErrorCode::SemanticError, "'" + r.variable + "' is already declared", r.pos);
      plan::RelSpec spec;
      spec.type = r.types[0];
      bool out = r.direction == ast::Direction::Outgoing;
      spec.start = out ? node_slots[i] : node_slots[i + 1];
      spec.end = out ? node_slots[i + 1] : node_slots[i];
      if (r.properties) spec.properties = bind(*r.properties, scope, o);
      std::string name = r.variable.empty() ? anon_name() : r.variable;
      bool needed = !r.variable.empty() || !part.path_variable.empty();
      spec.slot = needed ? new_slot(name) : plan::kNoSlot;
      if (!r.variable.empty()) scope.add(Variable{name, spec.slot, VarKind::Rel, false, false, {}});
      rel_slots.push_back(spec.slot);
      rel_names.push_back(name);
      op->rel_specs.push_back(std::move(spec));
    }
    if (!part.path_variable.empty()) {
      if (scope.find(part.path_variable))
        fail(ErrorCode::SemanticError, "'" + part.path_variable + "' is already declared",
             part.pos);
      auto call = std::make_unique<plan::Expr>(PK::Call, part.pos);
      call->name = "__path";
      call->text = "path(";
      for (size_t i = 0; i < node_slots.size(); ++i) {
        if (i) {
          call->args.push_back(make_slot_expr(rel_slots[i - 1], rel_names[i - 1], part.pos));
          call->text += ", " + rel_names[i - 1] + ", ";
        }
        call->args.push_back(make_slot_expr(node_slots[i], node_names[i], part.pos));
        call->text += node_names[i];
      }
      call->text += ")";
      SlotId slot = new_slot(part.path_variable);
      scope.add(Variable{part.path_variable, slot, VarKind::Path, false, false, {}});
      paths.emplace_back(slot, std::move(call));
    }
  }
  if (!paths.empty()) {
    double rows = op->estimated_rows;
    op = make_op(OpKind::Projection, pos, std::move(op));
    for (auto& [slot, e] : paths) op->items.push_back(plan::ProjectItem{slot, std::move(e)});
    op->estimated_rows = rows;
  }
  return op;
}

OpPtr Planner::plan_merge(OpPtr input, const ast::MergeClause& c, Scope& scope, ast::Pos pos) {
  const ast::PatternPart& part = c.pattern;
  if (part.kind != ast::PathKind::Plain)
    fail(ErrorCode::SemanticError, "MERGE needs a plain pattern", part.pos);
  for (const auto& n : part.nodes) {
    check_no_null_keys(n.properties);
    plain_labels(n, "MERGE");
  }
  for (const auto& r : part.rels) {
    check_creatable_rel(r, "MERGE", true);
    check_no_null_keys(r.properties);
  }
  // Anonymous elements get names so that the creation side can find the
  // slots the match side allocated; only the user's names reach the scope.
  std::vector<ast::PatternPart> parts;
  parts.push_back(ast::clone(part));
  ast::PatternPart& named = parts[0];
  for (auto& n : named.nodes)
    if (n.variable.empty()) n.variable = anon_name();
  for (auto& r : named.rels)
    if (r.variable.empty()) r.variable = anon_name();

  Scope inner = scope;
  std::vector<SlotId> new_slots;
  OpPtr match = plan_pattern(nullptr, parts, nullptr, inner, false, &new_slots);
  auto is_new = [&](SlotId s) {
    return std::find(new_slots.begin(), new_slots.end(), s) != new_slots.end();
  };
  OpPtr op = make_op(OpKind::Merge, pos, or_argument(std::move(input), pos));
  op->estimated_rows = rows_of(op->children[0]);
  op->children.push_back(std::move(match));
  op->slots = new_slots;
  ExprOptions o;
  o.context = "MERGE";
  std::set<std::string> created;
  for (const auto& n : named.nodes) {
    const Variable* v = inner.find(n.variable);
    if (!is_new(v->slot) || created.count(n.variable)) continue;
    created.insert(n.variable);
    plan::NodeSpec spec;
    spec.slot = v->slot;
    spec.labels = plain_labels(n, "MERGE");
    if (n.properties) spec.properties = bind(*n.properties, inner, o);
    op->node_specs.push_back(std::move(spec));
  }
  for (size_t i = 0; i < named.rels.size(); ++i) {
    const auto& r = named.rels[i];
    plan::RelSpec spec;
    spec.slot = inner.find(r.variable)->slot;
    spec.type = r.types[0];
    SlotId left = inner.find(named.nodes[i].variable)->slot;
    SlotId right = inner.find(named.nodes[i + 1].variable)->slot;
    bool incoming = r.direction == ast::Direction::Incoming;
    spec.start = incoming ? right : left;
    spec.end = incoming ? left : right;
    if (r.properties) spec.properties = bind(*r.properties, inner, o);
    op->rel_specs.push_back(std::move(spec));
  }
  for (const auto& v : inner.vars()) {
    bool user = v.name == part.path_variable;
    for (const auto& n : part.nodes) user = user || n.variable == v.name;
    for (const auto& r : part.rels) user = user || r.variable == v.name;
    if (user || scope.find(v.name)) scope.add(v);
  }
  op->on_create = bind_set_items(c.on_create, scope);
  op->on_match = bind_set_items(c.on_match, scope);
  return op;
}

std::vector<plan::SetItem> Planner::bind_set_items(const std::vector<ast::SetItem>& items,
                                                   const Scope& scope) {
  std::vector<plan::SetItem> out;
  ExprOptions o;
  o.context = "SET";
  for (const auto& item : items) {
    const Variable& v = target_variable(item.variable, scope, item.pos, "SET");
    plan::SetItem s;
    s.pos = item.pos;
    s.target = make_slot_expr(v.slot, v.name, item.pos);
    switch (item.kind) {
      case ast::SetKind::Property:
        if (item.property_path.size() != 1)
          fail(ErrorCode::SemanticError, "SET of a nested property is not supported", item.pos);
        s.kind = plan::SetKind::Property;
        s.name = item.property_path[0];
        s.value = bind(*item.value, scope, o);
        break;
      case ast::SetKind::AllProperties:
        s.kind = plan::SetKind::ReplaceAll;
        s.value = bind(*item.value, scope, o);
        break;
      case ast::SetKind::MergeProperties:
        s.kind = plan::SetKind::MergeAll;
        s.value = bind(*item.value, scope, o);
        break;
      case ast::SetKind::Labels:
        if (v.kind == VarKind::Rel)
          fail(ErrorCode::SemanticError,
               "labels can only be set on nodes, '" + v.name + "' is a relationship", item.pos);
        s.kind = plan::SetKind::AddLabels;
        s.names = item.labels;
        break;
    }
    out.push_back(std::move(s));
  }
  return out;
}

OpPtr Planner::plan_set(OpPtr input, const ast::SetClause& c, const Scope& scope, ast::Pos pos) {
  OpPtr op = make_op(OpKind::SetItems, pos, or_argument(std::move(input), pos));
  op->estimated_rows = rows_of(op->children[0]);
  op->set_items = bind_set_items(c.items, scope);
  return op;
}

OpPtr Planner::plan_remove(OpPtr input, const ast::RemoveClause& c, const Scope& scope,
                           ast::Pos pos) {
  OpPtr op = make_op(OpKind::SetItems, pos, or_argument(std::move(input), pos));
  op->estimated_rows = rows_of(op->children[0]);
  for (const auto& item : c.items) {
    const Variable& v = target_variable(item.variable, scope, item.pos, "REMOVE");
    plan::SetItem s;
    s.pos = item.pos;
    s.target = make_slot_expr(v.slot, v.name, item.pos);
    if (!item.property_path.empty()) {
      if (item.property_path.size() != 1)
        fail(ErrorCode::SemanticError, "REMOVE of a nested property is not supported", item.pos);
      s.kind = plan::SetKind::RemoveProperty;
      s.name = item.property_path[0];
    } else {
      if (v.kind == VarKind::Rel)
        fail(ErrorCode::SemanticError,
             "labels can only be removed from nodes, '" + v.name + "' is a relationship", item.pos);
      s.kind = plan::SetKind::RemoveLabels;
      s.names = item.labels;
    }
    op->set_items.push_back(std::move(s));
  }
  return op;
}

OpPtr Planner::plan_delete(OpPtr input, const ast::DeleteClause& c, const Scope& scope,
                           ast::Pos pos) {
  OpPtr op = make_op(OpKind::Delete, pos, or_argument(std::move(input), pos));
  op->estimated_rows = rows_of(op->children[0]);
  op->detach = c.detach;
  ExprOptions o;
  o.context = "DELETE";
  for (const auto& t : c.targets) {
    ExprPtr e = bind(*t, scope, o);
    bool entity_like = false;
    switch (e->kind) {
      case PK::Constant: entity_like = e->value.is_null(); break;
      case PK::Slot:
      case PK::Property:
      case PK::Index:
      case PK::Call:
      case PK::Case:
      case PK::Parameter: entity_like = true; break;
      default: break;
    }
    if (!entity_like)
      fail(ErrorCode::SemanticError, "DELETE needs a node, relationship or path, got " + e->text,
           t->pos);
    op->exprs.push_back(std::move(e));
  }
  return op;
}

}  // namespace kith::query::planner
