// The key of a subplan's result cache (engine/eval/subplan_cache.h): which
// outer values a pattern comprehension or EXISTS depends on, and the cache's
// bounds. The answers with the cache on are checked end to end in
// tests/queries/subplan_cache.test.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <string>

#include "engine/catalog_adapters.h"
#include "engine/eval/subplan_cache.h"
#include "query/parser/parser.h"
#include "query/planner/planner.h"

using namespace kith;
using namespace kith::engine;
using query::plan::Expr;
using query::plan::ExprKind;
using query::plan::Op;
using query::plan::SlotId;

namespace {

// No labels, no indexes: the plans of the subplans do not matter here, only
// which values they read.
class NoStats final : public query::plan::CatalogStats {
 public:
  bool has_index(std::string_view, std::string_view) const override { return false; }
  bool is_unique(std::string_view, std::string_view) const override { return false; }
  uint64_t node_count(std::string_view) const override { return 100; }
  uint64_t rel_count(std::string_view) const override { return 1000; }
  uint64_t total_nodes() const override { return 100; }
  uint64_t total_rels() const override { return 1000; }
};

struct Planned {
  query::plan::Plan plan;
  const Expr* subplan_expr = nullptr;  // the first Exists / PatternComprehension

  SlotId slot(const std::string& name) const {
    auto it = std::find(plan.slot_names.begin(), plan.slot_names.end(), name);
    REQUIRE(it != plan.slot_names.end());
    return static_cast<SlotId>(it - plan.slot_names.begin());
  }
};

const Expr* find_subplan(const Expr& e) {
  if (e.kind == ExprKind::Exists || e.kind == ExprKind::PatternComprehension) return &e;
  for (const auto& a : e.args) {
    if (const Expr* f = a ? find_subplan(*a) : nullptr) return f;
  }
  return nullptr;
}

const Expr* find_subplan(const Op& op) {
  std::vector<const Expr*> exprs;
  for (const auto& x : op.exprs) exprs.push_back(x.get());
  for (const auto& i : op.items) exprs.push_back(i.expr.get());
  for (const Expr* x : exprs) {
    if (const Expr* f = x ? find_subplan(*x) : nullptr) return f;
  }
  for (const auto& c : op.children) {
    if (const Expr* f = find_subplan(*c)) return f;
  }
  return nullptr;
}

Planned plan(const std::string& text) {
  static const EngineFunctionCatalog functions;
  static const NoStats stats;
  Planned p;
  p.plan = query::plan_statement(query::parse(text), query::PlanContext{functions, stats});
  p.subplan_expr = find_subplan(*p.plan.root);
  REQUIRE(p.subplan_expr != nullptr);
  return p;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += "<" + s + ">";
  return out;
}

std::vector<std::string> texts(const SubplanKey& key) {
  std::vector<std::string> out;
  for (const Expr* e : key.exprs) out.push_back(e->text);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool has(const std::vector<SlotId>& v, SlotId s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("IC14's comprehension is keyed by the path's nodes at idx, not by the path and idx") {
  Planned p = plan(
      "WITH [1, 2] AS pathNodes UNWIND range(1, 1) AS idx "
      "RETURN size([(a)<-[:HAS_CREATOR]-(:Comment)-[:REPLY_OF]->(:Post)-[:HAS_CREATOR]->(b) "
      "WHERE (a = pathNodes[idx - 1] AND b = pathNodes[idx]) OR "
      "(a = pathNodes[idx] AND b = pathNodes[idx - 1]) | 1]) AS n");
  SubplanKey key = subplan_key(*p.subplan_expr);
  REQUIRE(key.cacheable);
  // The seek on a's ids and the filter read the path only through these.
  for (const std::string& t : texts(key)) {
    CAPTURE(t);
    CHECK((t == "pathNodes[idx]" || t == "pathNodes[idx - 1]" ||
           t == "[id(pathNodes[idx - 1]), id(pathNodes[idx])]"));
  }
  CHECK(texts(key).size() >= 2);
  CHECK_FALSE(has(key.slots, p.slot("pathNodes")));
  CHECK_FALSE(has(key.slots, p.slot("idx")));
}

TEST_CASE("an outer node an operator reads is a key slot") {
  Planned p = plan("MATCH (x) RETURN size([(x)-[:R]->(y) | y]) AS n");
  SubplanKey key = subplan_key(*p.subplan_expr);
  REQUIRE(key.cacheable);
  CHECK(has(key.slots, p.slot("x")));
  CHECK(key.exprs.empty());
}

TEST_CASE("a comprehension variable bound inside the subplan is not an input, the outer value it is compared with is") {
  Planned p = plan(
      "MATCH (x) WITH x, 3 AS k "
      "RETURN [(x)-[:R]->(y) WHERE any(v IN [y.a, y.b] WHERE v = k + 1) | y] AS ys");
  SubplanKey key = subplan_key(*p.subplan_expr);
  REQUIRE(key.cacheable);
  CHECK(joined(texts(key)) == "<k + 1>");
  CHECK(has(key.slots, p.slot("x")));
}

TEST_CASE("an outer list comprehension's variable is an input of a subplan inside it") {
  Planned p = plan("MATCH (x) RETURN [i IN range(1, 3) | size([(x)-[:R]->(y) WHERE y.v = i | y])] AS s");
  SubplanKey key = subplan_key(*p.subplan_expr);
  REQUIRE(key.cacheable);
  CHECK(joined(texts(key)) == "<i>");
}

TEST_CASE("a nested subplan's outer reads are inputs of the enclosing one") {
  Planned p = plan(
      "WITH 2 AS k MATCH (x) "
      "RETURN [(x)-[:R]->(y) | size([(y)-[:S]->(z) WHERE z.v > k | z])] AS nested");
  SubplanKey key = subplan_key(*p.subplan_expr);
  REQUIRE(key.cacheable);
  CHECK(joined(texts(key)) == "<k>");
  CHECK(has(key.slots, p.slot("x")));
}

TEST_CASE("keys: 1 and 1.0 differ, null equals null, lists compare element by element") {
  SubplanCache cache;
  cache.insert({Value(1)}, Value("int"));
  cache.insert({Value(1.0)}, Value("double"));
  cache.insert({Value()}, Value("null"));
  cache.insert({Value(Value::List{Value(1), Value(2)})}, Value("list"));
  REQUIRE(cache.find({Value(1)}) != nullptr);
  CHECK(*cache.find({Value(1)}) == Value("int"));
  CHECK(*cache.find({Value(1.0)}) == Value("double"));
  CHECK(*cache.find({Value()}) == Value("null"));
  CHECK(*cache.find({Value(Value::List{Value(1), Value(2)})}) == Value("list"));
  CHECK(cache.find({Value(Value::List{Value(1), Value(2.0)})}) == nullptr);
  CHECK(cache.find({Value(2)}) == nullptr);
  CHECK(cache.find({Value(1), Value()}) == nullptr);
}

TEST_CASE("the cache stops at its entry bound and gives up when keys do not repeat") {
  SubplanCache cache;
  for (size_t i = 0; i < SubplanCache::kMaxEntries + 10; ++i) {
    cache.insert({Value(static_cast<int64_t>(i))}, Value(true));
  }
  CHECK(cache.find({Value(int64_t{0})}) != nullptr);
  CHECK(cache.find({Value(static_cast<int64_t>(SubplanCache::kMaxEntries + 5))}) == nullptr);

  SubplanCache misses;
  for (uint64_t i = 0; i < SubplanCache::kTrialLookups; ++i) {
    std::vector<Value> key{Value(static_cast<int64_t>(i))};
    REQUIRE(misses.find(key) == nullptr);
    misses.insert(std::move(key), Value(true));
  }
  CHECK_FALSE(misses.enabled());
  CHECK(misses.find({Value(int64_t{0})}) == nullptr);
}

TEST_CASE("a long list is not worth hashing as a key, and keys too big to look up count as misses") {
  Value::List big(10000, Value(int64_t{7}));
  CHECK(SubplanCache::small_key({Value(1), Value(Value::List{Value(1), Value(2)})}));
  CHECK(SubplanCache::key_bytes(Value(big)) > SubplanCache::kMaxKeyBytes);
  CHECK_FALSE(SubplanCache::small_key({Value(std::move(big))}));

  SubplanCache cache;
  for (uint64_t i = 0; i + 1 < SubplanCache::kTrialLookups; ++i) cache.miss();
  CHECK(cache.enabled());
  cache.miss();
  CHECK_FALSE(cache.enabled());
}
