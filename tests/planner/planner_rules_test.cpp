// Focused checks of what the EXPLAIN text does not show: slots, flags,
// parameters, operator numbering and the fields the executor reads.
#include <doctest/doctest.h>

#include <functional>
#include <set>

#include "query/plan/explain.h"
#include "storage/error.h"
#include "tests/planner/test_catalog.h"

using kith::query::plan::ExprKind;
using kith::query::plan::kNoSlot;
using kith::query::plan::Op;
using kith::query::plan::OpKind;
using kith::query::plan::Plan;
using kith::test::plan_text;

namespace {

// The first operator of `kind` in pre-order, or null.
const Op* find_op(const Op& op, OpKind kind) {
  if (op.kind == kind) return &op;
  for (const auto& c : op.children)
    if (const Op* found = find_op(*c, kind)) return found;
  return nullptr;
}

const Op& require_op(const Plan& plan, OpKind kind) {
  const Op* op = find_op(*plan.root, kind);
  REQUIRE(op != nullptr);
  return *op;
}

std::string slot_name(const Plan& plan, uint32_t slot) {
  REQUIRE(slot < plan.slot_names.size());
  return plan.slot_names[slot];
}

}  // namespace

TEST_CASE("columns name the slots the projection wrote") {
  Plan plan = plan_text("MATCH (p:Person {id: 1})-[:KNOWS]-(f) RETURN f.name AS name, p");
  const Op& root = *plan.root;
  REQUIRE(root.kind == OpKind::ProduceResults);
  REQUIRE(root.columns.size() == 2);
  CHECK(root.columns[0].name == "name");
  CHECK(root.columns[1].name == "p");
  const Op& seek = require_op(plan, OpKind::IndexSeek);
  CHECK(root.columns[1].slot == seek.slot);  // a plain variable is not copied
  const Op& proj = require_op(plan, OpKind::Projection);
  REQUIRE(proj.items.size() == 1);
  CHECK(proj.items[0].slot == root.columns[0].slot);
  CHECK(proj.items[0].expr->kind == ExprKind::Property);
  CHECK(plan.slot_count == plan.slot_names.size());
}

TEST_CASE("an index seek carries label, key and the value expression") {
  Plan plan = plan_text("MATCH (p:Person) WHERE p.id = $personId RETURN p");
  const Op& seek = require_op(plan, OpKind::IndexSeek);
  CHECK(seek.names == std::vector<std::string>{"Person", "id"});
  REQUIRE(seek.exprs.size() == 1);
  CHECK(seek.exprs[0]->kind == ExprKind::Parameter);
  CHECK(seek.exprs[0]->name == "personId");
  CHECK(plan.parameters == std::vector<std::string>{"personId"});
  CHECK(find_op(*plan.root, OpKind::Filter) == nullptr);  // the equality was consumed
}

TEST_CASE("a range seek keeps its bounds and inclusiveness") {
  Plan plan = plan_text("MATCH (a:A) WHERE a.x >= 3 AND 10 > a.x RETURN a");
  const Op& seek = require_op(plan, OpKind::IndexRangeSeek);
  REQUIRE(seek.exprs.size() == 2);
  CHECK(seek.exprs[0]->value.as_int() == 3);
  CHECK(seek.lower_inclusive);
  CHECK(seek.exprs[1]->value.as_int() == 10);
  CHECK_FALSE(seek.upper_inclusive);
}

TEST_CASE("expand direction is relative to the node expanded from") {
  Plan plan = plan_text("MATCH (m)-[:HAS_CREATOR]->(p:Person {id: 1}) RETURN m");
  const Op& e = require_op(plan, OpKind::Expand);
  CHECK(slot_name(plan, e.from) == "p");
  CHECK(slot_name(plan, e.to) == "m");
  CHECK(e.dir == kith::query::plan::Dir::In);
  CHECK(e.types == std::vector<std::string>{"HAS_CREATOR"});
  CHECK_FALSE(e.into);
}

TEST_CASE("relationship uniqueness lists the earlier relationships of the MATCH") {
  Plan plan = plan_text("MATCH (a:Person {id: 1})-[r1:KNOWS]->(b)-[r2:KNOWS]->(c) RETURN c");
  const Op& last = *plan.root->children[0];
  REQUIRE(last.kind == OpKind::Expand);
  CHECK(slot_name(plan, last.rel) == "r2");
  REQUIRE(last.rel_uniqueness.size() == 1);
  CHECK(slot_name(plan, last.rel_uniqueness[0]) == "r1");
}

TEST_CASE("OPTIONAL MATCH nulls exactly what it binds") {
  Plan plan =
      plan_text("MATCH (p:Person {id: 1}) OPTIONAL MATCH (p)-[w:WORK_AT]->(c) RETURN p, w, c");
  const Op& opt = require_op(plan, OpKind::OptionalApply);
  REQUIRE(opt.children.size() == 2);
  std::vector<std::string> names;
  for (auto s : opt.slots) names.push_back(slot_name(plan, s));
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"c", "w"});
  // The inner side starts from the outer row.
  const Op* leaf = opt.children[1].get();
  while (!leaf->children.empty()) leaf = leaf->children[0].get();
  CHECK(leaf->kind == OpKind::Argument);
}

TEST_CASE("a path variable is built by __path from alternating slots") {
  Plan plan = plan_text("MATCH p = (a:Person {id: 1})-[r:KNOWS]->(b) RETURN p");
  const Op& proj = require_op(plan, OpKind::Projection);
  REQUIRE(proj.items.size() == 1);
  const auto& call = *proj.items[0].expr;
  CHECK(call.kind == ExprKind::Call);
  CHECK(call.name == "__path");
  REQUIRE(call.args.size() == 3);
  CHECK(slot_name(plan, call.args[0]->slot) == "a");
  CHECK(slot_name(plan, call.args[1]->slot) == "r");
  CHECK(slot_name(plan, call.args[2]->slot) == "b");
  CHECK(slot_name(plan, proj.items[0].slot) == "p");
}

TEST_CASE("aggregation keys keep variable slots, aggregates get their own") {
  Plan plan = plan_text("MATCH (p:Person {id: 1})-[:KNOWS]-(f) RETURN f, count(*) AS c");
  const Op& agg = require_op(plan, OpKind::Aggregate);
  REQUIRE(agg.items.size() == 1);
  CHECK(slot_name(plan, agg.items[0].slot) == "f");
  CHECK(agg.items[0].expr->kind == ExprKind::Slot);
  CHECK(agg.items[0].expr->slot == agg.items[0].slot);
  REQUIRE(agg.aggregates.size() == 1);
  CHECK(agg.aggregates[0].fn == kith::query::plan::AggregateFn::CountStar);
  CHECK(agg.aggregates[0].arg == nullptr);
  CHECK(plan.root->columns[1].slot == agg.aggregates[0].slot);
}

TEST_CASE("operators are numbered in pre-order, subplans right after their holder") {
  Plan plan = plan_text("MATCH (a:Person {id: 1})-[:KNOWS]->(b) WHERE (b)-[:KNOWS]->(a) RETURN b");
  CHECK(plan.op_count == 6);
  CHECK(plan.root->index == 0);
  const Op& filter = require_op(plan, OpKind::Filter);
  CHECK(filter.index == 1);
  REQUIRE(filter.exprs[0]->subplan != nullptr);
  CHECK(filter.exprs[0]->subplan->index == 2);               // Expand into
  CHECK(filter.exprs[0]->subplan->children[0]->index == 3);  // its Argument
  CHECK(filter.children[0]->index == 4);
}

TEST_CASE("statement flags") {
  CHECK(plan_text("EXPLAIN MATCH (n:Person {id: 1}) RETURN n").explain);
  CHECK(plan_text("PROFILE MATCH (n:Person {id: 1}) RETURN n").profile);
  CHECK_FALSE(plan_text("MATCH (n:Person {id: 1}) RETURN n").writes);
  CHECK(plan_text("CREATE (n:A)").writes);
  Plan schema = plan_text("CREATE INDEX FOR (n:Person) ON (n.email)");
  CHECK(schema.kind == kith::query::plan::StatementKind::SchemaCommand);
  CHECK(schema.writes);
  CHECK(schema.root->schema.label == "Person");
  CHECK(schema.root->schema.keys == std::vector<std::string>{"email"});
}

TEST_CASE("CREATE relationship specs point from start to end") {
  Plan plan = plan_text("CREATE (a:A)<-[r:R {w: 1}]-(b:B) RETURN r");
  const Op& create = require_op(plan, OpKind::Create);
  REQUIRE(create.node_specs.size() == 2);
  REQUIRE(create.rel_specs.size() == 1);
  const auto& rel = create.rel_specs[0];
  CHECK(slot_name(plan, rel.start) == "b");
  CHECK(slot_name(plan, rel.end) == "a");
  CHECK(rel.type == "R");
  REQUIRE(rel.properties != nullptr);
  CHECK(rel.properties->kind == ExprKind::MapLiteral);
}

TEST_CASE("MERGE creates only what the pattern did not bind before") {
  Plan plan = plan_text("MATCH (a:Person {id: 1}) MERGE (a)-[:KNOWS]->(b:Person {id: 2}) RETURN b");
  const Op& merge = require_op(plan, OpKind::Merge);
  REQUIRE(merge.node_specs.size() == 1);
  CHECK(slot_name(plan, merge.node_specs[0].slot) == "b");
  REQUIRE(merge.rel_specs.size() == 1);
  CHECK(slot_name(plan, merge.rel_specs[0].start) == "a");
  REQUIRE(merge.children.size() == 2);
}

TEST_CASE("procedure yields map fields to slots") {
  Plan plan = plan_text("CALL db.indexes() YIELD name AS n, unique RETURN n, unique");
  const Op& call = require_op(plan, OpKind::ProcedureCall);
  CHECK(call.names == std::vector<std::string>{"db.indexes", "name", "unique"});
  REQUIRE(call.slots.size() == 2);
  CHECK(slot_name(plan, call.slots[0]) == "n");
}

TEST_CASE("errors carry positions") {
  try {
    plan_text("MATCH (friend:Person)\nWITH friend\nRETURN frend.name AS n");
    FAIL("expected an error");
  } catch (const kith::Error& e) {
    CHECK(e.code() == kith::ErrorCode::UnknownVariable);
    CHECK(e.line() == 3);
    CHECK(e.column() == 8);
    CHECK(e.to_string() ==
          "UnknownVariable at 3:8: 'frend' is not defined (did you mean 'friend'?)");
  }
}

// rel_unread: set exactly when nothing reads the relationship's slot.
namespace {
std::vector<bool> unread_flags(const Op& op) {
  std::vector<bool> out;
  std::function<void(const Op&)> walk = [&](const Op& o) {
    if (o.kind == OpKind::Expand || o.kind == OpKind::VarLengthExpand) out.push_back(o.rel_unread);
    for (const auto& c : o.children) walk(*c);
  };
  walk(op);
  return out;
}
}  // namespace

TEST_CASE("anonymous relationships nothing reads are not bound") {
  // Disjoint types: no uniqueness check reads them.
  Plan plan = plan_text(
      "MATCH (p:Person {id: 1})<-[:HAS_CREATOR]-(m)-[:REPLY_OF]->(post) RETURN count(*)");
  CHECK(unread_flags(*plan.root) == std::vector<bool>{true, true});
  // The same type: the later Expand checks it differs from the earlier one.
  plan = plan_text("MATCH (a:Person {id: 1})-[:KNOWS]->(b)-[:KNOWS]->(c) RETURN c");
  CHECK(unread_flags(*plan.root) == std::vector<bool>{true, false});
  plan = plan_text("MATCH (a:Person {id: 1})-[:KNOWS]->(b)-[:KNOWS*1..2]->(c) RETURN c");
  CHECK(unread_flags(*plan.root) == std::vector<bool>{true, false});
}

TEST_CASE("relationships something reads stay bound") {
  for (const char* q : {
           "MATCH (a:Person {id: 1})-[r:KNOWS]->(b) RETURN r",
           "MATCH (a:Person {id: 1})-[r:KNOWS]->(b) WHERE r.since > 2000 RETURN b",
           "MATCH (a:Person {id: 1})-[r:KNOWS]->(b) RETURN type(r) AS t, count(*) AS c",
           "MATCH p = (a:Person {id: 1})-[:KNOWS]->(b) RETURN p",
           "MATCH (a:Person {id: 1})-[r:KNOWS*1..2]->(b) RETURN size(r) AS n",
           "MATCH (a:Person {id: 1})-[r:KNOWS]->(b) WITH DISTINCT r RETURN count(*) AS n",
           "MATCH (a:Person {id: 1})-[r:KNOWS]->(b) RETURN [x IN [1] | r.since] AS s",
       }) {
    CAPTURE(q);
    Plan plan = plan_text(q);
    const auto flags = unread_flags(*plan.root);
    REQUIRE(flags.size() == 1);
    CHECK_FALSE(flags[0]);
  }
}

TEST_CASE("a Top keeps the slots read above it, not a list collected before its MATCH") {
  struct Case {
    const char* query;
    std::vector<std::string> kept, dropped;
  };
  const std::string tags = "MATCH (t:Tag) WITH collect(t.id) AS tags MATCH (p:Person {id: 1})-[:KNOWS]-(f) ";
  const std::vector<Case> cases = {
      {"RETURN f.name AS name ORDER BY name LIMIT 3", {"name"}, {"tags", "p"}},
      {"RETURN f.name AS name, tags ORDER BY name LIMIT 3", {"name", "tags"}, {"p"}},
      // A variable read after the ordering, by a later clause.
      {"WITH f ORDER BY f.name LIMIT 3 MATCH (f)-[:KNOWS]-(g) RETURN g.name AS g", {"f"}, {"tags", "p"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.query);
    Plan plan = plan_text(tags + c.query);
    const Op& top = require_op(plan, OpKind::Top);
    CHECK(top.live_known);
    std::set<std::string> live;
    for (auto s : top.live) live.insert(slot_name(plan, s));
    for (const auto& k : c.kept) CHECK(live.count(k) == 1);
    for (const auto& d : c.dropped) CHECK(live.count(d) == 0);
  }
}
