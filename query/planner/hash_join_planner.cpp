// A MATCH over rows that already bind one of its nodes is planned as usual:
// expand from that node on every row. When the pattern can also be matched
// from elsewhere, starting at a seek (IC3: the messages located in the two
// countries, rather than every message of each of a thousand friends), this
// adds that second plan as the build side of a HashJoin, and the engine picks
// one of the two at run time from what each would cost on the actual rows.
// Estimates could not make that choice: the planner knows relationship
// counts per type, not how many a friend or a country has.
// docs/planner.md, "Hash join".
#include <algorithm>
#include <set>

#include "query/planner/plan_reads.h"
#include "query/planner/planner_internal.h"

namespace kith::query::planner {
namespace {

// The one node variable of the pattern that earlier clauses bound, or ""
// when there is none or more than one, or the pattern has what a build side
// does not handle (variable length, shortest paths, path variables).
std::string probe_variable(const std::vector<ast::PatternPart>& parts, const Scope& scope) {
  std::string found;
  for (const auto& part : parts) {
    if (part.kind != ast::PathKind::Plain || !part.path_variable.empty() || part.rels.empty())
      return "";
    for (const auto& r : part.rels)
      if (r.var_length || (!r.variable.empty() && scope.find(r.variable))) return "";
    for (const auto& n : part.nodes) {
      if (n.variable.empty()) continue;
      const Variable* v = scope.find(n.variable);
      if (!v) continue;
      if (v->kind != VarKind::Node && v->kind != VarKind::Value) return "";
      if (!found.empty() && found != n.variable) return "";
      found = n.variable;
    }
  }
  return found;
}

void read_slots(const plan::Expr* e, std::set<SlotId>& out);

// Every slot an operator tree's expressions read (subplans included).
void read_slots(const Op& op, std::set<SlotId>& out) {
  for (const auto& e : op.exprs) read_slots(e.get(), out);
  for (const auto& i : op.items) read_slots(i.expr.get(), out);
  for (const auto& a : op.aggregates) read_slots(a.arg.get(), out);
  for (const auto& k : op.sort_keys) read_slots(k.expr.get(), out);
  for (const auto& c : op.children) read_slots(*c, out);
}

void read_slots(const plan::Expr* e, std::set<SlotId>& out) {
  if (!e) return;
  if (e->kind == plan::ExprKind::Slot) out.insert(e->slot);
  for (const auto& a : e->args) read_slots(a.get(), out);
  if (e->subplan) read_slots(*e->subplan, out);
}

// A build side worth trying starts at seeks and scans nothing: a label or
// all-nodes scan would read the whole graph once per build.
bool anchored(const Op& op) {
  if (op.kind == OpKind::LabelScan || op.kind == OpKind::AllNodesScan) return false;
  return std::all_of(op.children.begin(), op.children.end(),
                     [](const OpPtr& c) { return anchored(*c); });
}

// The HashJoins of a plan (expression subplans included), each with
// whether a LIMIT (or an EXISTS, which wants one row) takes its rows as
// they come: then reading rows ahead to decide could cost more than the
// LIMIT lets the query do, and the join runs as a plain Apply.
void find_hash_joins(Op& op, bool limited, std::vector<std::pair<Op*, bool>>& out);

void find_hash_joins(plan::Expr* e, std::vector<std::pair<Op*, bool>>& out) {
  if (!e) return;
  for (auto& a : e->args) find_hash_joins(a.get(), out);
  if (e->subplan) find_hash_joins(*e->subplan, e->kind == plan::ExprKind::Exists, out);
}

// Operators that pass rows on as they come (a LIMIT above still stops them
// early); anything else (Aggregate, Sort, Top, Eager, writes, ...) reads all
// of its input first.
bool streams(OpKind k) {
  switch (k) {
    case OpKind::ProduceResults:
    case OpKind::Filter:
    case OpKind::Projection:
    case OpKind::Expand:
    case OpKind::VarLengthExpand:
    case OpKind::ShortestPath:
    case OpKind::Unwind:
    case OpKind::Distinct:
    case OpKind::Skip:
    case OpKind::Limit:
    case OpKind::TopBound:
    case OpKind::Apply:
    case OpKind::OptionalApply:
    case OpKind::HashJoin:
    case OpKind::Union: return true;
    default: return false;
  }
}

void find_hash_joins(Op& op, bool limited, std::vector<std::pair<Op*, bool>>& out) {
  if (op.kind == OpKind::HashJoin) out.emplace_back(&op, limited);
  for (auto& e : op.exprs) find_hash_joins(e.get(), out);
  for (auto& i : op.items) find_hash_joins(i.expr.get(), out);
  for (auto& a : op.aggregates) find_hash_joins(a.arg.get(), out);
  for (auto& k : op.sort_keys) find_hash_joins(k.expr.get(), out);
  const bool below = op.kind == OpKind::Limit || (limited && streams(op.kind));
  for (auto& c : op.children) find_hash_joins(*c, below, out);
}

}  // namespace

void finish_hash_joins(plan::Plan& plan) {
  if (!plan.root) return;
  std::vector<std::pair<Op*, bool>> joins;
  find_hash_joins(*plan.root, false, joins);
  for (auto& [join, limited] : joins) {
    if (limited) {
      join->kind = OpKind::Apply;
      join->children.pop_back();  // the build side
      join->slot = join->to = plan::kNoSlot;
      join->slots.clear();
      join->deps.clear();
      join->types.clear();
      continue;
    }
    std::set<SlotId> read;
    collect_reads(*plan.root, read, join->children.at(0).get());
    join->live.assign(read.begin(), read.end());
  }
}

OpPtr Planner::plan_match(OpPtr input, const ast::MatchClause& c, Scope& scope, ast::Pos pos) {
  const std::string probe = input ? probe_variable(c.patterns, scope) : "";
  const Op* in = input.get();
  const Scope before = scope;
  OpPtr normal = plan_pattern(std::move(input), c.patterns, c.where.get(), scope, false, nullptr);
  if (probe.empty() || !in) return normal;
  const SlotId probe_slot = before.find(probe)->slot;

  // The pattern's operators sit on `in` along the first children; the
  // usual plan must expand from the probe node (its relationships are what
  // the engine weighs the build against) to a node it has not bound yet (an
  // expand-into between two bound nodes is cheap already).
  OpPtr* link = &normal;
  const Op* first_expand = nullptr;  // the lowest expansion from the probe node
  while (*link && link->get() != in) {
    if ((*link)->kind == OpKind::Expand && (*link)->from == probe_slot) first_expand = link->get();
    if ((*link)->children.empty()) return normal;
    link = &(*link)->children[0];
  }
  if (!*link || !first_expand || first_expand->into) return normal;

  // The build side: the same pattern with the probe variable unbound (so it
  // gets a slot of its own), every other variable in the slot the usual
  // plan gave it.
  std::map<std::string, SlotId> reuse;
  for (const auto& v : scope.vars()) {
    const Variable* b = before.find(v.name);
    if (!b || b->slot != v.slot) reuse[v.name] = v.slot;
  }
  Scope build_scope;
  for (const auto& v : before.vars())
    if (v.name != probe) build_scope.add(v);
  std::vector<SlotId> build_slots;
  OpPtr build = plan_pattern_again(c.patterns, c.where.get(), build_scope, reuse, &build_slots);
  const Variable* key = build_scope.find(probe);
  if (!key || !anchored(*build)) return normal;
  plan_.slot_names[key->slot] = probe + "'";

  std::set<SlotId> reads;
  read_slots(*build, reads);
  std::vector<SlotId> deps;
  for (SlotId s : reads)
    if (std::find(build_slots.begin(), build_slots.end(), s) == build_slots.end())
      deps.push_back(s);

  // The rows before the MATCH become the join's input; the usual plan then
  // starts from each of them (an Argument), as the inner side of an Apply.
  auto hash_join = make_op(OpKind::HashJoin, pos);
  hash_join->slot = probe_slot;
  hash_join->to = key->slot;
  // What the rows above can read: the pattern's named variables (its
  // anonymous relationships matter only inside it).
  for (const auto& [name, slot] : reuse) hash_join->slots.push_back(slot);
  hash_join->deps = std::move(deps);
  hash_join->types = first_expand->types;
  hash_join->dir = first_expand->dir;
  hash_join->estimated_rows = rows_of(normal);
  OpPtr left = std::move(*link);
  *link = make_op(OpKind::Argument, left->pos);
  hash_join->children.push_back(std::move(left));
  hash_join->children.push_back(std::move(normal));
  hash_join->children.push_back(std::move(build));
  return hash_join;
}

}  // namespace kith::query::planner
