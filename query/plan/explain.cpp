#include "query/plan/explain.h"

#include <cmath>

namespace kith::query::plan {
namespace {

std::string slot_name(const Plan& plan, SlotId s) {
  if (s == kNoSlot) return "";
  if (s < plan.slot_names.size()) return plan.slot_names[s];
  return "#" + std::to_string(s);
}

std::string text_of(const ExprPtr& e) { return e ? e->text : std::string("null"); }

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::string rel_types(const std::vector<std::string>& types) {
  if (types.empty()) return "";
  return ":" + join(types, "|");
}

std::string hops(const Op& op) {
  std::string out = "*";
  if (op.min_hops == op.max_hops) return out + std::to_string(op.min_hops);
  out += std::to_string(op.min_hops) + "..";
  if (op.max_hops >= 0) out += std::to_string(op.max_hops);
  return out;
}

// (from)-[rel:T]->(to) as seen from `from`, with `dir` relative to it.
std::string step(const Plan& plan, const Op& op, const std::string& rel_inner) {
  std::string left = op.dir == Dir::In ? "<-" : "-";
  std::string right = op.dir == Dir::Out ? "->" : "-";
  return "(" + slot_name(plan, op.from) + ")" + left + "[" + rel_inner + "]" + right + "(" +
         slot_name(plan, op.to) + ")";
}

std::string sort_keys(const std::vector<SortKey>& keys) {
  std::vector<std::string> parts;
  for (const auto& k : keys) parts.push_back(text_of(k.expr) + (k.descending ? " DESC" : " ASC"));
  return join(parts, ", ");
}

std::string labels_text(const std::vector<std::string>& labels) {
  std::string out;
  for (const auto& l : labels) out += ":" + l;
  return out;
}

std::string node_spec(const Plan& plan, const NodeSpec& n) {
  std::string out = "(" + slot_name(plan, n.slot) + labels_text(n.labels);
  if (n.properties) out += " " + n.properties->text;
  return out + ")";
}

std::string rel_spec(const Plan& plan, const RelSpec& r) {
  std::string out = "(" + slot_name(plan, r.start) + ")-[" + slot_name(plan, r.slot) + ":" + r.type;
  if (r.properties) out += " " + r.properties->text;
  return out + "]->(" + slot_name(plan, r.end) + ")";
}

std::string set_item(const SetItem& s) {
  std::string target = text_of(s.target);
  switch (s.kind) {
    case SetKind::Property: return target + "." + s.name + " = " + text_of(s.value);
    case SetKind::ReplaceAll: return target + " = " + text_of(s.value);
    case SetKind::MergeAll: return target + " += " + text_of(s.value);
    case SetKind::AddLabels: return target + labels_text(s.names);
    case SetKind::RemoveProperty: return "REMOVE " + target + "." + s.name;
    case SetKind::RemoveLabels: return "REMOVE " + target + labels_text(s.names);
  }
  return "?";
}

std::string set_items(const std::vector<SetItem>& items) {
  std::vector<std::string> parts;
  for (const auto& s : items) parts.push_back(set_item(s));
  return join(parts, ", ");
}

std::string slot_list(const Plan& plan, const std::vector<SlotId>& slots) {
  std::vector<std::string> parts;
  for (SlotId s : slots) parts.push_back(slot_name(plan, s));
  return "[" + join(parts, ", ") + "]";
}

std::string aggregate_fn(AggregateFn fn) {
  switch (fn) {
    case AggregateFn::CountStar: return "count";
    case AggregateFn::Count: return "count";
    case AggregateFn::Sum: return "sum";
    case AggregateFn::Avg: return "avg";
    case AggregateFn::Min: return "min";
    case AggregateFn::Max: return "max";
    case AggregateFn::Collect: return "collect";
  }
  return "?";
}

std::string schema_text(const SchemaSpec& s) {
  std::string out;
  switch (s.action) {
    case SchemaAction::CreateIndex: out = "CreateIndex"; break;
    case SchemaAction::CreateUniqueConstraint: out = "CreateUniqueConstraint"; break;
    case SchemaAction::CreateNotNullConstraint: out = "CreateNotNullConstraint"; break;
    case SchemaAction::DropIndex: out = "DropIndex"; break;
    case SchemaAction::DropConstraint: out = "DropConstraint"; break;
  }
  if (!s.name.empty()) out += " " + s.name;
  if (!s.label.empty()) out += " :" + s.label + "(" + join(s.keys, ", ") + ")";
  if (s.if_not_exists) out += " IF NOT EXISTS";
  if (s.if_exists) out += " IF EXISTS";
  return out;
}

std::string estimate(double rows) {
  double r = std::round(rows);
  if (r < 1 && rows > 0) r = 1;
  std::string digits = std::to_string(static_cast<uint64_t>(r));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return "~" + out + (r == 1 ? " row" : " rows");
}

void collect_subplans(const Expr* e, std::vector<const Op*>& out) {
  if (!e) return;
  if (e->subplan) out.push_back(e->subplan.get());
  for (const auto& a : e->args) collect_subplans(a.get(), out);
}

// Same order as number_operators().
std::vector<const Op*> subplans(const Op& op) {
  std::vector<const Op*> out;
  for (const auto& e : op.exprs) collect_subplans(e.get(), out);
  for (const auto& i : op.items) collect_subplans(i.expr.get(), out);
  for (const auto& a : op.aggregates) collect_subplans(a.arg.get(), out);
  for (const auto& k : op.sort_keys) collect_subplans(k.expr.get(), out);
  return out;
}

void print(const Plan& plan, const Op& op, const std::string& prefix, const std::string& marker,
           std::string& out) {
  out += marker + describe(plan, op);
  if (op.kind != OpKind::ProduceResults && op.kind != OpKind::SchemaCommand)
    out += "   " + estimate(op.estimated_rows);
  out += "\n";
  std::vector<std::pair<const Op*, bool>> kids;  // (op, is a subplan)
  for (const Op* s : subplans(op)) kids.emplace_back(s, true);
  for (const auto& c : op.children) kids.emplace_back(c.get(), false);
  for (size_t i = 0; i < kids.size(); ++i) {
    bool last = i + 1 == kids.size();
    std::string m = prefix + (last ? "└─ " : "├─ ") + (kids[i].second ? "subplan: " : "");
    print(plan, *kids[i].first, prefix + (last ? "   " : "│  "), m, out);
  }
}

}  // namespace

std::string describe(const Plan& plan, const Op& op) {
  std::string name(op_kind_name(op.kind));
  auto slot = [&](SlotId s) { return slot_name(plan, s); };
  switch (op.kind) {
    case OpKind::Argument:
    case OpKind::Eager: return name;
    case OpKind::AllNodesScan: return name + " (" + slot(op.slot) + ")";
    case OpKind::LabelScan: return name + " " + slot(op.slot) + ":" + op.names[0];
    case OpKind::IndexSeek:
      return name + " " + slot(op.slot) + ":" + op.names[0] + "(" + op.names[1] + " = " +
             text_of(op.exprs[0]) + ")";
    case OpKind::IndexRangeSeek: {
      std::vector<std::string> bounds;
      if (op.exprs.size() > 0 && op.exprs[0])
        bounds.push_back(op.names[1] + (op.lower_inclusive ? " >= " : " > ") + op.exprs[0]->text);
      if (op.exprs.size() > 1 && op.exprs[1])
        bounds.push_back(op.names[1] + (op.upper_inclusive ? " <= " : " < ") + op.exprs[1]->text);
      return name + " " + slot(op.slot) + ":" + op.names[0] + "(" + join(bounds, ", ") + ")";
    }
    case OpKind::NodeByIdSeek:
      return name + " " + slot(op.slot) + "(id = " + text_of(op.exprs[0]) + ")";
    case OpKind::Expand: {
      std::string out = name + " " + step(plan, op, slot(op.rel) + rel_types(op.types));
      if (op.into) out += " into";
      if (!op.rel_uniqueness.empty()) out += " unique from " + slot_list(plan, op.rel_uniqueness);
      return out;
    }
    case OpKind::VarLengthExpand: {
      std::string out = name + " " + step(plan, op, slot(op.rel) + rel_types(op.types) + hops(op));
      if (op.into) out += " into";
      if (op.reversed) out += " reversed";
      if (!op.rel_uniqueness.empty()) out += " unique from " + slot_list(plan, op.rel_uniqueness);
      if (op.distinct_ends) out += " distinct ends";
      return out;
    }
    case OpKind::ShortestPath: {
      std::string out = op.all_shortest ? "AllShortestPaths " : "ShortestPath ";
      if (op.path_slot != kNoSlot) out += slot(op.path_slot) + " = ";
      return out + step(plan, op, slot(op.rel) + rel_types(op.types) + hops(op));
    }
    case OpKind::Filter: return name + " " + text_of(op.exprs[0]);
    case OpKind::Projection: {
      std::vector<std::string> parts;
      for (const auto& i : op.items) parts.push_back(text_of(i.expr) + " AS " + slot(i.slot));
      return name + " [" + join(parts, ", ") + "]";
    }
    case OpKind::Aggregate: {
      std::vector<std::string> keys, aggs;
      for (const auto& i : op.items) {
        std::string k = text_of(i.expr);
        if (k != slot(i.slot)) k += " AS " + slot(i.slot);
        keys.push_back(k);
      }
      for (const auto& a : op.aggregates) {
        std::string arg = a.fn == AggregateFn::CountStar ? "*" : text_of(a.arg);
        aggs.push_back(aggregate_fn(a.fn) + "(" + (a.distinct ? "DISTINCT " : "") + arg + ") AS " +
                       slot(a.slot));
      }
      return name + " keys=[" + join(keys, ", ") + "] aggs=[" + join(aggs, ", ") + "]";
    }
    case OpKind::Distinct: return name + " " + slot_list(plan, op.slots);
    case OpKind::Sort: return name + " by " + sort_keys(op.sort_keys);
    case OpKind::Top: {
      std::string out = name + " " + text_of(op.exprs[0]);
      if (op.exprs.size() > 1 && op.exprs[1]) out += " skip " + op.exprs[1]->text;
      out += " by " + sort_keys(op.sort_keys);
      if (op.top_link) out += " (bound #" + std::to_string(op.top_link) + ")";
      return out;
    }
    case OpKind::TopBound:
      return name + " #" + std::to_string(op.top_link) + " " + sort_keys(op.sort_keys);
    case OpKind::Skip:
    case OpKind::Limit: return name + " " + text_of(op.exprs[0]);
    case OpKind::Unwind: return name + " " + text_of(op.exprs[0]) + " AS " + slot(op.slot);
    case OpKind::Apply: return name;
    case OpKind::OptionalApply: return name + " nullable " + slot_list(plan, op.slots);
    case OpKind::HashJoin: {
      std::string out = name + " on " + slot(op.slot) + " = " + slot(op.to);
      if (!op.deps.empty()) out += " once per " + slot_list(plan, op.deps);
      return out + " (else per row)";
    }
    case OpKind::Union: return op.distinct ? "Union distinct" : "Union all";
    case OpKind::Create: {
      std::vector<std::string> parts;
      for (const auto& n : op.node_specs) parts.push_back(node_spec(plan, n));
      for (const auto& r : op.rel_specs) parts.push_back(rel_spec(plan, r));
      return name + " " + join(parts, ", ");
    }
    case OpKind::Merge: {
      std::vector<std::string> parts;
      for (const auto& n : op.node_specs) parts.push_back(node_spec(plan, n));
      for (const auto& r : op.rel_specs) parts.push_back(rel_spec(plan, r));
      std::string out = name + " create " + join(parts, ", ");
      if (!op.on_create.empty()) out += " ON CREATE " + set_items(op.on_create);
      if (!op.on_match.empty()) out += " ON MATCH " + set_items(op.on_match);
      return out;
    }
    case OpKind::SetItems: return name + " " + set_items(op.set_items);
    case OpKind::Delete: {
      std::vector<std::string> parts;
      for (const auto& e : op.exprs) parts.push_back(text_of(e));
      return (op.detach ? "DetachDelete " : "Delete ") + join(parts, ", ");
    }
    case OpKind::ProcedureCall: {
      std::vector<std::string> args, fields;
      for (const auto& e : op.exprs) args.push_back(text_of(e));
      for (size_t i = 0; i < op.slots.size(); ++i) {
        std::string f = op.names[i + 1];
        if (slot(op.slots[i]) != f) f += " AS " + slot(op.slots[i]);
        fields.push_back(f);
      }
      return name + " " + op.names[0] + "(" + join(args, ", ") + ") YIELD " + join(fields, ", ");
    }
    case OpKind::ProduceResults: {
      std::vector<std::string> cols;
      for (const auto& c : op.columns) cols.push_back(c.name);
      return name + " [" + join(cols, ", ") + "]";
    }
    case OpKind::SchemaCommand: return name + " " + schema_text(op.schema);
  }
  return name;
}

std::string explain(const Plan& plan) {
  std::string out;
  if (plan.root) print(plan, *plan.root, "", "", out);
  return out;
}

}  // namespace kith::query::plan
