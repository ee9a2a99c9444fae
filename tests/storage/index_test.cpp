#include <doctest/doctest.h>

#include <algorithm>
#include <limits>

#include "storage/error.h"
#include "tests/storage/temp_dir.h"

using namespace kith;
using namespace kith::storage;
using kith::storage::testing::drain;
using kith::storage::testing::TestDb;

namespace {

std::vector<NodeId> sorted(std::vector<NodeId> v) {
  std::sort(v.begin(), v.end());
  return v;
}

// A store with label L, key "v", one node per value (node id = position).
struct IndexedDb {
  TestDb db;
  LabelId label = 0;
  PropKeyId key = 0;
  IndexId index = 0;

  explicit IndexedDb(const std::vector<Value>& values, bool index_first = true) {
    Txn t = db.store->begin_write();
    label = t.intern_label("L");
    key = t.intern_prop_key("v");
    if (index_first) index = t.create_index(label, key);
    const LabelId labels[] = {label};
    for (const Value& v : values) t.create_node(labels, {{key, v}});
    if (!index_first) index = t.create_index(label, key);
    t.commit();
  }
  std::vector<NodeId> lookup(const Value& v) {
    Txn t = db.store->begin_read();
    return sorted(drain(t.index_lookup(index, v)));
  }
  std::vector<NodeId> range(std::optional<Bound> lo, std::optional<Bound> hi) {
    Txn t = db.store->begin_read();
    return sorted(drain(t.index_range(index, std::move(lo), std::move(hi))));
  }
};

ErrorCode code_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.code();
  }
  FAIL("no error thrown");
  return ErrorCode::Internal;
}

}  // namespace

TEST_CASE("index: equality lookups of every type, built before or after the data") {
  std::vector<Value> values = {Value(1), Value(2.5), Value("x"), Value(""), Value(true),
                               Value(Date{-1}), Value(DateTime{5}), Value(1.0),
                               Value(Value::List{Value(1), Value("a")}), Value("x")};
  for (bool index_first : {true, false}) {
    IndexedDb db(values, index_first);
    CHECK(db.lookup(Value(1)) == std::vector<NodeId>{0, 7});  // 1 and 1.0
    CHECK(db.lookup(Value(1.0)) == std::vector<NodeId>{0, 7});
    CHECK(db.lookup(Value(2.5)) == std::vector<NodeId>{1});
    CHECK(db.lookup(Value("x")) == std::vector<NodeId>{2, 9});
    CHECK(db.lookup(Value("")) == std::vector<NodeId>{3});
    CHECK(db.lookup(Value(true)) == std::vector<NodeId>{4});
    CHECK(db.lookup(Value(false)).empty());
    CHECK(db.lookup(Value(Date{-1})) == std::vector<NodeId>{5});
    CHECK(db.lookup(Value(DateTime{5})) == std::vector<NodeId>{6});
    CHECK(db.lookup(Value(Value::List{Value(1), Value("a")})) == std::vector<NodeId>{8});
    CHECK(db.lookup(Value()).empty());
    CHECK(db.lookup(Value("y")).empty());
  }
}

TEST_CASE("index: ranges over ints, doubles and both, inclusive, exclusive and open") {
  std::vector<Value> values = {Value(-10), Value(-2.5), Value(0), Value(1), Value(1.5),
                               Value(2),   Value(3.0),  Value(std::numeric_limits<int64_t>::max()),
                               Value("3"), Value(Date{2})};
  IndexedDb db(values);
  CHECK(db.range(Bound{Value(1), true}, Bound{Value(3), true}) == std::vector<NodeId>{3, 4, 5, 6});
  CHECK(db.range(Bound{Value(1), false}, Bound{Value(3), false}) == std::vector<NodeId>{4, 5});
  CHECK(db.range(Bound{Value(1.0), false}, Bound{Value(3.0), true}) == std::vector<NodeId>{4, 5, 6});
  CHECK(db.range(Bound{Value(-3), true}, std::nullopt) == std::vector<NodeId>{1, 2, 3, 4, 5, 6, 7});
  CHECK(db.range(std::nullopt, Bound{Value(0.0), true}) == std::vector<NodeId>{0, 1, 2});
  CHECK(db.range(std::nullopt, Bound{Value(-10), false}).empty());
  CHECK(db.range(Bound{Value(1.25), true}, Bound{Value(1.75), true}) == std::vector<NodeId>{4});
  CHECK(db.range(Bound{Value(2), true}, Bound{Value(1), true}).empty());
  // Bounds of another family select nothing of this one.
  CHECK(db.range(Bound{Value("0"), true}, std::nullopt) == std::vector<NodeId>{8});
  CHECK(db.range(Bound{Value(1), true}, Bound{Value("z"), true}).empty());
  CHECK(db.range(Bound{Value(), true}, std::nullopt).empty());
  // No bounds: everything in the index.
  CHECK(db.range(std::nullopt, std::nullopt).size() == values.size());
}

TEST_CASE("index: string and date ranges") {
  std::vector<Value> values = {Value("apple"), Value("b"), Value("banana"), Value("cherry"),
                               Value(""), Value(Date{-365}), Value(Date{0}), Value(Date{18000})};
  IndexedDb db(values);
  CHECK(db.range(Bound{Value("b"), true}, Bound{Value("c"), false}) == std::vector<NodeId>{1, 2});
  CHECK(db.range(Bound{Value("b"), false}, std::nullopt) == std::vector<NodeId>{2, 3});
  CHECK(db.range(std::nullopt, Bound{Value("apple"), true}) == std::vector<NodeId>{0, 4});
  CHECK(db.range(Bound{Value(Date{-400}), true}, Bound{Value(Date{0}), true}) == std::vector<NodeId>{5, 6});
  CHECK(db.range(Bound{Value(Date{0}), false}, std::nullopt) == std::vector<NodeId>{7});
}

TEST_CASE("index: long strings are cut in the key but compared in full") {
  std::string base(700, 'k');
  std::vector<Value> values = {Value(base + "a"), Value(base + "b"), Value(base), Value(base + "a"),
                               Value(base.substr(0, 600))};
  IndexedDb db(values);
  CHECK(db.lookup(Value(base + "a")) == std::vector<NodeId>{0, 3});
  CHECK(db.lookup(Value(base + "b")) == std::vector<NodeId>{1});
  CHECK(db.lookup(Value(base)) == std::vector<NodeId>{2});
  CHECK(db.lookup(Value(base + "c")).empty());
  CHECK(db.range(Bound{Value(base), false}, Bound{Value(base + "b"), false}) == std::vector<NodeId>{0, 3});
  CHECK(db.range(Bound{Value(base + "a"), true}, std::nullopt) == std::vector<NodeId>{0, 1, 3});
  CHECK(db.range(std::nullopt, Bound{Value(base), true}) == std::vector<NodeId>{2, 4});
}

TEST_CASE("index: maintained on property set and remove, label add and remove, node delete") {
  IndexedDb db({Value(5), Value(6)});
  {
    Txn t = db.db.store->begin_write();
    t.set_node_property(0, db.key, Value(7));
    t.set_node_property(1, db.key, Value());
    NodeId n2 = t.create_node({}, {{db.key, Value(7)}});  // no label: not indexed
    CHECK(sorted(drain(t.index_lookup(db.index, Value(7)))) == std::vector<NodeId>{0});
    t.add_node_label(n2, db.label);
    CHECK(sorted(drain(t.index_lookup(db.index, Value(7)))) == std::vector<NodeId>{0, n2});
    t.remove_node_label(0, db.label);
    t.commit();
  }
  CHECK(db.lookup(Value(5)).empty());
  CHECK(db.lookup(Value(6)).empty());
  CHECK(db.lookup(Value(7)) == std::vector<NodeId>{2});
  {
    Txn t = db.db.store->begin_write();
    t.delete_node(2);
    t.commit();
  }
  CHECK(db.lookup(Value(7)).empty());
  CHECK(db.range(std::nullopt, std::nullopt).empty());
}

TEST_CASE("index: definitions are listed, found, kept on reopen and dropped") {
  IndexedDb db({Value(1)});
  db.db.reopen();
  {
    Txn t = db.db.store->begin_write();
    auto defs = t.indexes();
    REQUIRE(defs.size() == 1);
    CHECK(defs[0].label == db.label);
    CHECK(defs[0].key == db.key);
    CHECK_FALSE(defs[0].unique);
    CHECK(t.find_index(db.label, db.key)->id == db.index);
    CHECK(t.create_index(db.label, db.key) == db.index);  // already there
    CHECK(sorted(drain(t.index_lookup(db.index, Value(1)))) == std::vector<NodeId>{0});
    t.drop_index(db.index);
    CHECK(t.indexes().empty());
    CHECK(code_of([&] { t.index_lookup(db.index, Value(1)); }) == ErrorCode::NotFound);
    t.commit();
  }
  Txn r = db.db.store->begin_read();
  CHECK(r.indexes().empty());
  CHECK_FALSE(r.find_index(db.label, db.key));
}

TEST_CASE("unique constraint: violated on insert, on update, and when created over duplicates") {
  TestDb db;
  Txn t = db.store->begin_write();
  LabelId person = t.intern_label("Person");
  PropKeyId email = t.intern_prop_key("email");
  const LabelId labels[] = {person};
  NodeId a = t.create_node(labels, {{email, Value("a@x")}});
  NodeId b = t.create_node(labels, {{email, Value("a@x")}});
  try {
    t.create_unique_constraint(person, email);
    FAIL("expected ConstraintViolation");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::ConstraintViolation);
    CHECK(std::string(e.what()).find("Person") != std::string::npos);
    CHECK(std::string(e.what()).find("email") != std::string::npos);
    CHECK(std::string(e.what()).find("a@x") != std::string::npos);
  }
  t.set_node_property(b, email, Value("b@x"));
  IndexId u = t.create_unique_constraint(person, email);
  CHECK(t.find_index(person, email)->unique);

  try {
    t.create_node(labels, {{email, Value("a@x")}});
    FAIL("expected ConstraintViolation");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::ConstraintViolation);
    CHECK(std::string(e.what()).find("a@x") != std::string::npos);
  }
  CHECK(t.node_count() == 2);  // the refused node was not written
  CHECK(code_of([&] { t.set_node_property(b, email, Value("a@x")); }) == ErrorCode::ConstraintViolation);
  CHECK(t.node_property(b, email) == Value("b@x"));
  // A node without the label may hold the value; adding the label then fails.
  NodeId c = t.create_node({}, {{email, Value("a@x")}});
  CHECK(code_of([&] { t.add_node_label(c, person); }) == ErrorCode::ConstraintViolation);
  // Setting the same value again on the same node is fine, so is a free one.
  t.set_node_property(a, email, Value("a@x"));
  t.set_node_property(a, email, Value("c@x"));
  t.set_node_property(b, email, Value("a@x"));
  CHECK(sorted(drain(t.index_lookup(u, Value("a@x")))) == std::vector<NodeId>{b});
  t.commit();
}

TEST_CASE("unique constraint: long values that share a cut prefix are not duplicates") {
  TestDb db;
  Txn t = db.store->begin_write();
  LabelId l = t.intern_label("L");
  PropKeyId k = t.intern_prop_key("k");
  t.create_unique_constraint(l, k);
  const LabelId labels[] = {l};
  std::string base(800, 'q');
  t.create_node(labels, {{k, Value(base + "1")}});
  t.create_node(labels, {{k, Value(base + "2")}});
  CHECK(code_of([&] { t.create_node(labels, {{k, Value(base + "1")}}); }) == ErrorCode::ConstraintViolation);
}

TEST_CASE("unique constraint over an existing plain index replaces it") {
  IndexedDb db({Value(1), Value(2)});
  Txn t = db.db.store->begin_write();
  IndexId u = t.create_unique_constraint(db.label, db.key);
  CHECK(u != db.index);
  auto defs = t.indexes();
  REQUIRE(defs.size() == 1);
  CHECK(defs[0].id == u);
  CHECK(defs[0].unique);
  CHECK(t.create_index(db.label, db.key) == u);  // the unique index serves
  CHECK(t.create_unique_constraint(db.label, db.key) == u);
  CHECK(sorted(drain(t.index_lookup(u, Value(2)))) == std::vector<NodeId>{1});
  CHECK(sorted(drain(t.index_range(u, std::nullopt, std::nullopt))) == std::vector<NodeId>{0, 1});
  const LabelId labels[] = {db.label};
  CHECK(code_of([&] { t.create_node(labels, {{db.key, Value(1.0)}}); }) == ErrorCode::ConstraintViolation);
  t.commit();
}

TEST_CASE("query-only values (maps, nodes, paths) are refused before anything is written") {
  IndexedDb db({Value(1)});
  Txn t = db.db.store->begin_write();
  Value map(Value::Map{{"a", Value(1)}});
  Value nested(Value::List{Value(2), map});
  const LabelId labels[] = {db.label};
  CHECK(code_of([&] { t.create_node(labels, {{db.key, map}}); }) == ErrorCode::TypeError);
  CHECK(code_of([&] { t.set_node_property(0, db.key, nested); }) == ErrorCode::TypeError);
  CHECK(t.node_property(0, db.key) == Value(1));
  CHECK(sorted(drain(t.index_lookup(db.index, Value(1)))) == std::vector<NodeId>{0});
  CHECK(drain(t.index_range(db.index, std::nullopt, std::nullopt)).size() == 1);
  CHECK(t.node_count() == 1);
  RelTypeId r = t.intern_rel_type("R");
  RelId rel = t.create_rel(r, 0, 0, {});
  CHECK(code_of([&] { t.set_rel_property(rel, db.key, map); }) == ErrorCode::TypeError);
  CHECK(code_of([&] { t.create_rel(r, 0, 0, {{db.key, nested}}); }) == ErrorCode::TypeError);
  CHECK(t.rel_count() == 1);
}

TEST_CASE("index: the distinct-value count follows inserts, changes, deletes and drops") {
  // 5 and 5.0 are one value; "5" another.
  IndexedDb idx({Value(int64_t{5}), Value(5.0), Value("5"), Value(int64_t{7}), Value(true)});
  const auto distinct = [&] { return idx.db.store->begin_read().index_distinct_values(idx.index); };
  CHECK(distinct() == 4);
  idx.db.store->write([&](Txn& t) {
    t.set_node_property(3, idx.key, Value(int64_t{5}));  // 7 is gone, 5 has three nodes
  });
  CHECK(distinct() == 3);
  idx.db.store->write([&](Txn& t) {
    t.delete_node(0, true);  // 5 keeps nodes 1 and 3
    t.set_node_property(4, idx.key, Value());  // true is gone
  });
  CHECK(distinct() == 2);
  idx.db.store->write([&](Txn& t) {
    const LabelId labels[] = {idx.label};
    t.create_node(labels, {{idx.key, Value(int64_t{8})}});
    t.create_node(labels, {{idx.key, Value(int64_t{8})}});
  });
  CHECK(distinct() == 3);
  // An aborted write leaves the count as it was.
  {
    Txn t = idx.db.store->begin_write();
    t.set_node_property(1, idx.key, Value(int64_t{9}));
    t.abort();
  }
  CHECK(distinct() == 3);
  // An index built over existing nodes counts them; a dropped one is 0.
  IndexedDb late({Value(int64_t{1}), Value(int64_t{1}), Value(int64_t{2})}, false);
  CHECK(late.db.store->begin_read().index_distinct_values(late.index) == 2);
  late.db.store->write([&](Txn& t) { t.drop_index(late.index); });
  CHECK(late.db.store->begin_read().index_distinct_values(late.index) == 0);
}
