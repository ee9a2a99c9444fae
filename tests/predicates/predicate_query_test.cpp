// WHERE clauses end to end on a graph whose fixed-width properties have
// snapshot columns: every answer (a count, or the error with its message and
// position) must be the reference answer computed here from the data, with
// no snapshot, with the snapshot's columns, and in a writing statement
// (which never reads columns), including a property SET earlier in the same
// statement.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "engine/database.h"
#include "engine/eval/in_list.h"
#include "storage/error.h"
#include "storage/snapshot_info.h"
#include "tests/predicates/predicate_reference.h"
#include "tests/support/temp_dir.h"

using namespace kith;
using namespace kith::engine;

namespace {

constexpr int kNodes = 2000;
const double kNaN = std::numeric_limits<double>::quiet_NaN();
const int64_t kTwo53 = int64_t{1} << 53;

// One node's values by key; null: the node lacks the key.
struct Row {
  Value v, d, t, day, b;
  const Value& get(const std::string& key) const {
    if (key == "v") return v;
    if (key == "d") return d;
    if (key == "t") return t;
    if (key == "day") return day;
    return b;
  }
};

std::vector<Row> make_rows() {
  std::vector<Row> rows;
  for (int i = 0; i < kNodes; ++i) {
    Row r;
    if (i % 10 != 3) r.v = Value(int64_t{(i * 37) % 101 - 50});
    if (i == 7) r.v = Value(kTwo53 + 1);
    if (i == 8) r.v = Value(std::numeric_limits<int64_t>::max());
    if (i % 7 != 1) r.d = Value(((i * 13) % 81) / 4.0 - 10);
    if (i % 97 == 0) r.d = Value(kNaN);
    if (i == 11) r.d = Value(std::numeric_limits<double>::infinity());
    if (i == 12) r.d = Value(-std::numeric_limits<double>::infinity());
    if (i == 13) r.d = Value(-0.0);
    r.t = Value(DateTime{int64_t{1000000000000000} + ((i * 7919) % 1000) * 1000});
    if (i % 50 != 9) r.day = Value(Date{(i * 31) % 400 - 200});
    r.b = Value(i % 3 == 0);
    rows.push_back(std::move(r));
  }
  return rows;
}

// The graph, written through the store (ids in row order), with a few edges
// per node so the columns' memory allowance admits every key.
void write_graph(const std::string& path, const std::vector<Row>& rows) {
  ::setenv("KITH_SNAPSHOT", "off", 1);
  auto store = storage::GraphStore::open(path);
  store->write([&](storage::Txn& t) {
    const LabelId label = t.intern_label("N");
    const RelTypeId next = t.intern_rel_type("NEXT");
    const PropKeyId v = t.intern_prop_key("v"), d = t.intern_prop_key("d"), tk = t.intern_prop_key("t"),
                    day = t.intern_prop_key("day"), b = t.intern_prop_key("b"), s = t.intern_prop_key("s");
    std::vector<NodeId> ids;
    for (size_t i = 0; i < rows.size(); ++i) {
      storage::Properties p;
      for (auto [key, value] : {std::pair{v, &rows[i].v}, {d, &rows[i].d}, {tk, &rows[i].t},
                                {day, &rows[i].day}, {b, &rows[i].b}}) {
        if (!value->is_null()) p.emplace_back(key, *value);
      }
      p.emplace_back(s, Value("s" + std::to_string(i)));
      ids.push_back(t.create_node(std::vector<LabelId>{label}, p));
    }
    for (size_t i = 0; i < ids.size(); ++i) {
      for (size_t j = 1; j <= 4; ++j) t.create_rel(next, ids[i], ids[(i + j) % ids.size()], {});
    }
  });
}

// A statement's outcome as text: the count, or the error with position.
std::string outcome(Database& db, const std::string& text, const Params& params) {
  try {
    QueryOptions o;
    o.params = params;
    const QueryResult r = db.query(text, o);
    return "count " + r.rows.at(0).at(0).to_string();
  } catch (const Error& e) {
    return std::string(e.code_name()) + " " + std::to_string(e.line()) + ":" +
           std::to_string(e.column()) + " " + e.message();
  }
}

// A predicate over one row: the reference answer, nullopt for a TypeError.
using Reference = std::function<std::optional<Tri>(const Row&)>;

struct Case {
  std::string where;  // the WHERE clause's text, over n and $c, $e
  Params params;
  Reference answer;
};

// The reference outcome's count (the error text is compared across runs).
std::optional<int64_t> expected_count(const std::vector<Row>& rows, const Reference& answer) {
  int64_t n = 0;
  for (const Row& r : rows) {
    const std::optional<Tri> t = answer(r);
    if (!t) return std::nullopt;
    if (*t == Tri::True) ++n;
  }
  return n;
}

std::vector<Case> comparison_cases() {
  const std::vector<std::pair<std::string, std::vector<Value>>> constants = {
      {"v", {Value(int64_t{0}), Value(int64_t{17}), Value(int64_t{-50}), Value(2.5), Value(-0.0), Value(kNaN),
             Value(), Value(kTwo53 + 1), Value(static_cast<double>(kTwo53)), Value(true), Value("a")}},
      {"d", {Value(0.0), Value(2.5), Value(kNaN), Value(int64_t{3}), Value(-std::numeric_limits<double>::infinity()),
             Value(), Value("x")}},
      {"t", {Value(DateTime{int64_t{1000000000500000}}), Value(Date{3}), Value(), Value(int64_t{5})}},
      {"day", {Value(Date{0}), Value(Date{100}), Value(DateTime{0})}},
      {"b", {Value(true), Value(false), Value(int64_t{1})}},
  };
  std::vector<Case> cases;
  for (const auto& [key, values] : constants) {
    for (const Value& c : values) {
      for (CmpOp op : kAllOps) {
        for (bool property_left : {true, false}) {
          const std::string read = "n." + key;
          Case k;
          k.where = property_left ? read + " " + op_text(op) + " $c" : "$c " + op_text(op) + " " + read;
          k.params = {{"c", c}};
          k.answer = [key, c, op, property_left](const Row& r) {
            return property_left ? reference_compare(op, r.get(key), c) : reference_compare(op, c, r.get(key));
          };
          cases.push_back(std::move(k));
        }
      }
    }
  }
  // Literal constants take the same path as parameters.
  cases.push_back({"n.v < 17", {}, [](const Row& r) { return reference_compare(CmpOp::Lt, r.v, Value(int64_t{17})); }});
  cases.push_back({"2.5 >= n.d", {}, [](const Row& r) { return reference_compare(CmpOp::Ge, Value(2.5), r.d); }});
  return cases;
}

std::vector<Case> logic_cases() {
  const auto cmp = [](CmpOp op, const Value& a, const Value& b) { return reference_compare(op, a, b); };
  std::vector<Case> cases;
  const Params range = {{"c", Value(int64_t{-10})}, {"e", Value(int64_t{20})}};
  cases.push_back({"n.v >= $c AND n.v < $e", range, [=](const Row& r) {
                     return std::optional(tri_and(*cmp(CmpOp::Ge, r.v, range.at("c")), *cmp(CmpOp::Lt, r.v, range.at("e"))));
                   }});
  cases.push_back({"$e > n.v >= $c", range, [=](const Row& r) {
                     return std::optional(tri_and(*cmp(CmpOp::Gt, range.at("e"), r.v), *cmp(CmpOp::Ge, r.v, range.at("c"))));
                   }});
  // One column read for both halves; a half that cannot be compared in
  // place (a string) takes the generic path, after the short-circuit.
  const auto and_then = [](std::optional<Tri> a, const std::function<std::optional<Tri>()>& b) -> std::optional<Tri> {
    if (!a || *a == Tri::False) return a;
    const std::optional<Tri> t = b();
    if (!t) return t;
    return tri_and(*a, *t);
  };
  cases.push_back({"n.v >= $c AND n.v < $e", {{"c", Value(int64_t{40})}, {"e", Value("a")}}, [=](const Row& r) {
                     return and_then(cmp(CmpOp::Ge, r.v, Value(int64_t{40})), [&] { return cmp(CmpOp::Lt, r.v, Value("a")); });
                   }});
  const Value max_int(std::numeric_limits<int64_t>::max());
  cases.push_back({"n.v > $c AND n.v < $e", {{"c", max_int}, {"e", Value("a")}}, [=](const Row& r) {
                     return and_then(cmp(CmpOp::Gt, r.v, max_int), [&] { return cmp(CmpOp::Lt, r.v, Value("a")); });
                   }});
  cases.push_back({"n.d > $c AND n.d <= $e", {{"c", Value(int64_t{-5})}, {"e", Value(kNaN)}}, [=](const Row& r) {
                     return and_then(cmp(CmpOp::Gt, r.d, Value(int64_t{-5})), [&] { return cmp(CmpOp::Le, r.d, Value(kNaN)); });
                   }});
  cases.push_back({"n.t >= $c AND n.t < $e", {{"c", Value(DateTime{int64_t{1000000000200000}})}, {"e", Value()}},
                   [=](const Row& r) {
                     return and_then(cmp(CmpOp::Ge, r.t, Value(DateTime{int64_t{1000000000200000}})),
                                     [&] { return cmp(CmpOp::Lt, r.t, Value()); });
                   }});
  cases.push_back({"NOT n.d < $c", {{"c", Value(1.25)}},
                   [=](const Row& r) { return std::optional(tri_not(*cmp(CmpOp::Lt, r.d, Value(1.25)))); }});
  cases.push_back({"n.v < $c OR n.d > $e", {{"c", Value(int64_t{-30})}, {"e", Value(9.0)}}, [=](const Row& r) {
                     return std::optional(tri_or(*cmp(CmpOp::Lt, r.v, Value(int64_t{-30})), *cmp(CmpOp::Gt, r.d, Value(9.0))));
                   }});
  cases.push_back({"n.v < $c XOR n.b = true", {{"c", Value(int64_t{0})}}, [=](const Row& r) {
                     return std::optional(tri_xor(*cmp(CmpOp::Lt, r.v, Value(int64_t{0})), *cmp(CmpOp::Eq, r.b, Value(true))));
                   }});
  cases.push_back({"n:N AND n.day > $c", {{"c", Value(Date{50})}},
                   [=](const Row& r) { return cmp(CmpOp::Gt, r.day, Value(Date{50})); }});
  cases.push_back({"n.v IS NULL", {}, [](const Row& r) { return std::optional(tri(r.v.is_null())); }});
  cases.push_back({"NOT n.d IS NOT NULL OR n.d = $c", {{"c", Value(kNaN)}},
                   [](const Row& r) { return std::optional(tri(r.d.is_null())); }});
  const Value::List list = {Value(int64_t{1}), Value(int64_t{2}), Value(3.0), Value()};
  cases.push_back({"n.v IN [1, 2, 3.0, null]", {}, [=](const Row& r) { return std::optional(in_list_scan(r.v, list)); }});
  Value::List many;
  for (int64_t i = -50; i < 50; i += 3) many.push_back(Value(i));
  cases.push_back({"n.v IN $c", {{"c", Value(many)}}, [=](const Row& r) { return std::optional(in_list_scan(r.v, many)); }});
  cases.push_back({"n.d IN [$c, 2.5, -10]", {{"c", Value(int64_t{0})}}, [=](const Row& r) {
                     return std::optional(in_list_scan(r.d, {Value(int64_t{0}), Value(2.5), Value(int64_t{-10})}));
                   }});
  return cases;
}

// Runs every case on `db`; returns their outcomes in order.
std::vector<std::string> run_all(Database& db, const std::vector<Row>& rows, const std::vector<Case>& cases,
                                 const std::string& form) {
  std::vector<std::string> out;
  for (const Case& k : cases) {
    std::string text = form;
    text.replace(text.find("<where>"), 7, k.where);
    const std::string got = outcome(db, text, k.params);
    CAPTURE(text);
    const std::optional<int64_t> want = expected_count(rows, k.answer);
    if (want) {
      CHECK(got == "count " + std::to_string(*want));
    } else {
      CHECK(got.starts_with("TypeError"));
    }
    out.push_back(got);
  }
  return out;
}

}  // namespace

TEST_CASE("WHERE answers the same with and without snapshot columns and in writes") {
  kith::testing::TempDir dir;
  const std::string path = dir.file("graph.kith");
  const std::vector<Row> rows = make_rows();
  write_graph(path, rows);
  std::vector<Case> cases = comparison_cases();
  for (Case& k : logic_cases()) cases.push_back(std::move(k));
  const std::string read = "MATCH (n:N) WHERE <where> RETURN count(*) AS k";

  std::vector<std::string> without;
  {
    ::setenv("KITH_SNAPSHOT", "off", 1);
    auto db = Database::open(path);
    without = run_all(*db, rows, cases, read);
  }
  {
    ::setenv("KITH_SNAPSHOT", "1", 1);
    auto db = Database::open(path);
    ::unsetenv("KITH_SNAPSHOT");
    db->query("MATCH (n:N) RETURN count(*) AS k");
    REQUIRE(storage::wait_for_snapshot_builds(db->store(), std::chrono::seconds(60)));
    const storage::SnapshotInfo info = storage::snapshot_info(db->store());
    REQUIRE(info.version != 0);
    REQUIRE(info.property_columns == 5);  // v, d, t, day, b (not the strings)
    const std::vector<std::string> with = run_all(*db, rows, cases, read);
    CHECK(storage::snapshot_info(db->store()).attached >= info.attached + cases.size());
    // Errors too: the same code, message and position.
    for (size_t i = 0; i < cases.size(); ++i) {
      CAPTURE(cases[i].where);
      CHECK(with[i] == without[i]);
    }

    // A writing statement reads no column; a value SET earlier in the
    // statement is the one compared.
    const std::vector<Case> some(cases.begin(), cases.begin() + 40);
    run_all(*db, rows, some, "MATCH (n:N) WHERE <where> SET n.seen = true RETURN count(*) AS k");
    // Rows the first WHERE drops have no v to count.
    std::vector<Row> bumped = rows;
    for (Row& r : bumped) {
      r.v = !r.v.is_null() && r.v.as_int() < 1000 ? Value(r.v.as_int() + 1000) : Value();
    }
    // (One statement: it changes the data. Before the SET no v < 1000 is
    // >= 1000, so a stale read counts nothing.)
    const std::vector<Case> after_set = {
        {"n.v >= $c", {{"c", Value(int64_t{1000})}}, [](const Row& r) { return reference_compare(CmpOp::Ge, r.v, Value(int64_t{1000})); }},
    };
    run_all(*db, bumped, after_set,
            "MATCH (n:N) WHERE n.v < 1000 SET n.v = n.v + 1000 WITH n WHERE <where> RETURN count(*) AS k");
  }
}

TEST_CASE("a comparison that cannot be made keeps its TypeError, message and position") {
  kith::testing::TempDir dir;
  const std::string path = dir.file("graph.kith");
  write_graph(path, make_rows());
  for (const char* mode : {"off", "1"}) {
    ::setenv("KITH_SNAPSHOT", mode, 1);
    auto db = Database::open(path);
    ::unsetenv("KITH_SNAPSHOT");
    db->query("MATCH (n:N) RETURN count(*) AS k");
    REQUIRE(storage::wait_for_snapshot_builds(db->store(), std::chrono::seconds(60)));
    CAPTURE(mode);
    CHECK(outcome(*db, "MATCH (n:N)\nWHERE n.s < 3 RETURN count(*)", {}) ==
          "TypeError 2:11 cannot compare STRING with INT64 (n.s < 3)");
    CHECK(outcome(*db, "MATCH (n:N)\nWHERE n.v >= 0 AND n.v < 'a' RETURN count(*)", {}) ==
          "TypeError 2:11 cannot compare INT64 with STRING (n.v < 'a') (in n.v >= 0 AND n.v < 'a')");
    CHECK(outcome(*db, "MATCH (n:N)\nWHERE n.t > $c RETURN count(*)", {{"c", Value(Date{1})}}) ==
          "TypeError 2:11 cannot compare TIMESTAMP with DATE (n.t > $c)");
    CHECK(outcome(*db, "MATCH (n:N)\nWHERE n.v > $missing RETURN count(*)", {}).starts_with("ParameterMissing"));
    CHECK(outcome(*db, "MATCH (n:N)\nWHERE n.v + 1 RETURN count(*)", {}) ==
          "TypeError 2:11 expected a BOOL but got INT64 (n.v + 1)");
    CHECK(outcome(*db, "MATCH (n:N)\nWHERE n.v > 0 AND n.d RETURN count(*)", {}).starts_with(
        "TypeError 2:11 expected a BOOL but got DOUBLE (n.v > 0 AND n.d)"));
  }
}

namespace {

// The graph above plus a hub with a TO relationship (w = i % 13) to every
// node, and z = 0 on the last node only: WHERE over the hub's expansion is
// a Filter the Expand below it decides in batches (engine/exec/batch_filter.h).
std::string hub_graph(const testing::TempDir& dir, const std::vector<Row>& rows) {
  const std::string path = dir.file("hub.kith");
  write_graph(path, rows);
  auto db = Database::open(path);  // KITH_SNAPSHOT is off here (write_graph)
  db->query("CREATE (:Hub)");
  db->query("MATCH (h:Hub), (n:N) CREATE (h)-[:TO {w: toInteger(substring(n.s, 1)) % 13}]->(n)");
  db->query("MATCH (n:N {s: 's" + std::to_string(kNodes - 1) + "'}) SET n.z = 0");
  return path;
}

// `r.w <op> $c` over the hub's relationships: w is the node's index % 13.
std::vector<Case> rel_cases(const std::vector<Row>& rows) {
  const Row* first = rows.data();
  std::vector<Case> cases;
  for (const Value& c : {Value(int64_t{0}), Value(int64_t{6}), Value(6.5), Value(), Value("a"), Value(true)}) {
    for (CmpOp op : kAllOps) {
      Case k;
      k.where = "r.w " + op_text(op) + " $c";
      k.params = {{"c", c}};
      k.answer = [first, c, op](const Row& r) {
        return reference_compare(op, Value(int64_t{(&r - first) % 13}), c);
      };
      cases.push_back(std::move(k));
    }
  }
  return cases;
}

// `n.<key> IN $c`: true when an element equals, else null when one
// comparison is null, else false; a $c that is not a list: TypeError
// (null: null).
std::vector<Case> in_cases() {
  const Value::List lists[] = {
      {Value(int64_t{1}), Value(int64_t{2}), Value(int64_t{-50})},
      {},
      {Value(), Value(int64_t{5})},
      {Value(1.0), Value(2.5), Value(kNaN)},
      {Value("a"), Value(int64_t{7}), Value(Value::List{Value(int64_t{7})})},
      {Value(DateTime{int64_t{1000000000500000}}), Value(Date{3}), Value(true)},
  };
  std::vector<Case> cases;
  for (const std::string key : {"v", "d", "t", "day", "b"}) {
    for (const Value::List& l : lists) {
      Case k;
      k.where = "n." + key + " IN $c";
      k.params = {{"c", Value(l)}};
      k.answer = [key, l](const Row& r) -> std::optional<Tri> {
        Tri acc = Tri::False;
        for (const Value& e : l) {
          const std::optional<Tri> t = reference_compare(CmpOp::Eq, r.get(key), e);
          if (t == Tri::True) return Tri::True;
          if (t == Tri::Null) acc = Tri::Null;
        }
        return acc;
      };
      cases.push_back(std::move(k));
    }
  }
  cases.push_back({"n.v IN $c", {{"c", Value()}}, [](const Row&) { return std::optional(Tri::Null); }});
  cases.push_back({"n.v IN $c", {{"c", Value(int64_t{3})}}, [](const Row&) { return std::optional<Tri>(); }});
  return cases;
}

// The result rows as text (the error, if any).
std::string rows_text(Database& db, const std::string& text, const Params& params) {
  try {
    QueryOptions o;
    o.params = params;
    std::string out;
    for (const auto& row : db.query(text, o).rows) {
      for (const Value& v : row) out += v.to_string() + " ";
      out += "| ";
    }
    return out;
  } catch (const Error& e) {
    return std::string(e.code_name()) + " " + std::to_string(e.line()) + ":" +
           std::to_string(e.column()) + " " + e.message();
  }
}

}  // namespace

TEST_CASE("WHERE over an expansion, decided in batches, answers as the row-by-row Filter") {
  kith::testing::TempDir dir;
  const std::vector<Row> rows = make_rows();
  const std::string path = hub_graph(dir, rows);
  std::vector<Case> cases = comparison_cases();
  for (Case& k : logic_cases()) cases.push_back(std::move(k));
  for (Case& k : in_cases()) cases.push_back(std::move(k));
  // The Filter right above the Expand from h: a label test first, then the
  // clause (whose first conjunct is often a comparison the batch decides).
  const std::string read = "MATCH (h:Hub)-[:TO]->(n) WHERE n:N AND (<where>) RETURN count(*) AS k";
  const std::string bare = "MATCH (h:Hub)-[:TO]->(n) WHERE <where> RETURN count(*) AS k";
  const std::string on_rel = "MATCH (h:Hub)-[r:TO]->(n) WHERE <where> RETURN count(*) AS k";
  const std::vector<Case> by_rel = rel_cases(rows);
  const std::vector<std::pair<std::string, Params>> ordered = {
      {"MATCH (h:Hub)-[:TO]->(n) WHERE n:N AND n.v > $c RETURN n.t AS t, n.s AS s ORDER BY t DESC, s LIMIT 7",
       {{"c", Value(int64_t{10})}}},
      {"MATCH (h:Hub)-[:TO]->(n) RETURN n.v AS v, n.s AS s ORDER BY v, s LIMIT 9", {}},
      {"MATCH (h:Hub)-[:TO]->(n) WHERE n.day >= $c RETURN n.day AS d, n.s AS s ORDER BY d DESC, s LIMIT 5",
       {{"c", Value(Date{-150})}}},
      {"MATCH (h:Hub)-[r:TO]->(n) RETURN r.w AS w, n.s AS s ORDER BY w DESC, s DESC LIMIT 4", {}},
      // Later conjuncts run on the rows in order: LIMIT 1 stops before the
      // last node's division by zero, count(*) does not.
      {"MATCH (h:Hub)-[:TO]->(n) WHERE n.v > -1000 AND 1 / coalesce(n.z, 1) > 0 RETURN n.s AS s LIMIT 1", {}},
      {"MATCH (h:Hub)-[:TO]->(n) WHERE n.v > -1000 AND 1 / coalesce(n.z, 1) > 0 RETURN count(*) AS k", {}},
      {"MATCH (h:Hub)-[:TO]->(n) WHERE n:Nothing RETURN count(*) AS k", {}},
      // A list in a slot, another for each row of the UNWIND.
      {"UNWIND [[1, 2], [3, null], [], [4.0, 5]] AS l MATCH (h:Hub)-[:TO]->(n) WHERE n.v IN l "
       "RETURN l[0] AS f, count(*) AS k ORDER BY f",
       {}},
      {"MATCH (h:Hub)-[:TO]->(n)\nWHERE n.v >= 0 AND n.v < 'a' RETURN count(*) AS k", {}},
  };
  std::vector<std::string> without, ordered_without;
  {
    ::setenv("KITH_SNAPSHOT", "off", 1);
    auto db = Database::open(path);
    without = run_all(*db, rows, cases, read);
    for (const std::string& w : run_all(*db, rows, cases, bare)) without.push_back(w);
    for (const std::string& w : run_all(*db, rows, by_rel, on_rel)) without.push_back(w);
    for (const auto& [text, params] : ordered) ordered_without.push_back(rows_text(*db, text, params));
  }
  CHECK(ordered_without[4] == "\"s0\" | ");
  CHECK(ordered_without[5].starts_with("ArithmeticError"));
  CHECK(ordered_without[6] == "0 | ");
  {
    auto count_in = [&](std::vector<int64_t> vs) {
      int64_t k = 0;
      for (const Row& r : rows) {
        if (!r.v.is_null() && std::find(vs.begin(), vs.end(), r.v.as_int()) != vs.end()) ++k;
      }
      return std::to_string(k);
    };
    CHECK(ordered_without[7] == "1 " + count_in({1, 2}) + " | 3 " + count_in({3}) + " | 4.0 " +
                                    count_in({4, 5}) + " | ");
  }
  CHECK(ordered_without[8] ==
        "TypeError 2:11 cannot compare INT64 with STRING (n.v < 'a') (in n.v >= 0 AND n.v < 'a')");
  {
    ::setenv("KITH_SNAPSHOT", "1", 1);
    auto db = Database::open(path);
    ::unsetenv("KITH_SNAPSHOT");
    db->query("MATCH (n:N) RETURN count(*) AS k");
    REQUIRE(storage::wait_for_snapshot_builds(db->store(), std::chrono::seconds(60)));
    REQUIRE(storage::snapshot_info(db->store()).version != 0);
    // The fused operator ran: PROFILE shows the Expand inside the Filter.
    const std::string plan =
        db->query("PROFILE MATCH (h:Hub)-[:TO]->(n) WHERE n:N AND n.v < 0 RETURN count(*) AS k").plan;
    CHECK(plan.find("(batched inside the operator above)") != std::string::npos);
    std::vector<std::string> with = run_all(*db, rows, cases, read);
    for (const std::string& w : run_all(*db, rows, cases, bare)) with.push_back(w);
    for (const std::string& w : run_all(*db, rows, by_rel, on_rel)) with.push_back(w);
    REQUIRE(with.size() == without.size());
    for (size_t i = 0; i < with.size(); ++i) {
      CAPTURE(i);
      CHECK(with[i] == without[i]);  // errors too: code, message and position
    }
    for (size_t i = 0; i < ordered.size(); ++i) {
      CAPTURE(ordered[i].first);
      CHECK(rows_text(*db, ordered[i].first, ordered[i].second) == ordered_without[i]);
    }
    // A writing statement filters row by row; same answers.
    const std::vector<Case> some(cases.begin(), cases.begin() + 40);
    run_all(*db, rows, some, "MATCH (h:Hub)-[:TO]->(n) WHERE n:N AND (<where>) SET h.seen = true RETURN count(*) AS k");
  }
}
