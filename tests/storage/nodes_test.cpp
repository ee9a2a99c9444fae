#include <doctest/doctest.h>

#include <limits>

#include "storage/error.h"
#include "tests/storage/temp_dir.h"

using namespace kith;
using namespace kith::storage;
using kith::storage::testing::drain;
using kith::storage::testing::TestDb;

namespace {

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

TEST_CASE("nodes: create, read, update and delete properties of every type") {
  TestDb db;
  std::vector<Value> values = {
      Value(true), Value(false), Value(std::numeric_limits<int64_t>::min()),
      Value(std::numeric_limits<int64_t>::max()), Value(-2.5), Value(1e-300),
      Value(std::string()), Value("Zoë — 東京 🚀"), Value(Date{-25567}) /* 1900-01-01 */,
      Value(DateTime{-86'400'000'001}), Value(Duration{1, 2, 3}),
      Value(Value::List{Value(1), Value(Value::List{Value("in"), Value()}), Value(Date{3})}),
  };
  NodeId id;
  std::vector<PropKeyId> keys;
  {
    Txn t = db.store->begin_write();
    LabelId person = t.intern_label("Person");
    Properties props;
    for (size_t i = 0; i < values.size(); ++i) {
      std::string key_name = "p";
      key_name += std::to_string(i);  // (not operator+: GCC 12 -Wrestrict false positive)
      keys.push_back(t.intern_prop_key(key_name));
      props.emplace_back(keys.back(), values[i]);
    }
    const LabelId labels[] = {person};
    id = t.create_node(labels, props);
    t.commit();
  }
  {
    Txn t = db.store->begin_read();
    for (size_t i = 0; i < values.size(); ++i) CHECK(t.node_property(id, keys[i]) == values[i]);
    auto rec = t.get_node(id);
    REQUIRE(rec);
    CHECK(rec->properties.size() == values.size());
    CHECK(rec->labels == std::vector<LabelId>{*t.find_label("Person")});
  }
  {
    Txn t = db.store->begin_write();
    t.set_node_property(id, keys[0], Value("changed"));
    t.set_node_property(id, keys[1], Value());  // null removes
    PropKeyId extra = t.intern_prop_key("extra");
    t.set_node_property(id, extra, Value(7));
    t.commit();
  }
  Txn t = db.store->begin_read();
  CHECK(t.node_property(id, keys[0]) == Value("changed"));
  CHECK(t.node_property(id, keys[1]).is_null());
  CHECK(t.node_property(id, *t.find_prop_key("extra")) == Value(7));
  CHECK(t.get_node(id)->properties.size() == values.size());
}

TEST_CASE("nodes: labels are added and removed, and scans follow") {
  TestDb db;
  Txn t = db.store->begin_write();
  LabelId a = t.intern_label("A"), b = t.intern_label("B");
  const LabelId ab[] = {b, a, b};
  NodeId n0 = t.create_node(ab);
  NodeId n1 = t.create_node({});
  CHECK(t.node_labels(n0) == std::vector<LabelId>{a, b});  // sorted, unique
  CHECK(t.node_labels(n1).empty());
  t.add_node_label(n1, b);
  t.add_node_label(n1, b);  // already there: no change
  CHECK(t.node_has_label(n1, b));
  CHECK_FALSE(t.node_has_label(n1, a));
  CHECK(drain(t.scan_label(b)) == std::vector<NodeId>{n0, n1});
  CHECK(t.node_count(b) == 2);
  t.remove_node_label(n0, b);
  CHECK(drain(t.scan_label(b)) == std::vector<NodeId>{n1});
  CHECK(drain(t.scan_label(a)) == std::vector<NodeId>{n0});
  CHECK(t.node_count(b) == 1);
  CHECK(t.node_count(a) == 1);
  t.commit();
}

TEST_CASE("nodes: scans after deletes; ids are never reused") {
  TestDb db;
  std::vector<NodeId> ids;
  {
    Txn t = db.store->begin_write();
    LabelId l = t.intern_label("L");
    const LabelId labels[] = {l};
    for (int i = 0; i < 3000; ++i) ids.push_back(t.create_node(labels, {}));
    t.commit();
  }
  {
    Txn t = db.store->begin_write();
    for (NodeId id : ids) {
      if (id % 3 == 0) t.delete_node(id);
    }
    t.commit();
  }
  std::vector<NodeId> expected;
  for (NodeId id : ids) {
    if (id % 3 != 0) expected.push_back(id);
  }
  Txn r = db.store->begin_read();
  CHECK(drain(r.scan_all_nodes()) == expected);
  CHECK(drain(r.scan_label(*r.find_label("L"))) == expected);
  CHECK(r.node_count() == expected.size());
  CHECK(r.node_count(*r.find_label("L")) == expected.size());
  CHECK_FALSE(r.node_exists(0));
  CHECK(r.node_exists(1));
  r.abort();

  Txn t = db.store->begin_write();
  NodeId fresh = t.create_node({});
  CHECK(fresh == ids.back() + 1);
  t.commit();
}

TEST_CASE("nodes: missing ids are NotFound, writes in a read transaction are ReadOnly") {
  TestDb db;
  {
    Txn t = db.store->begin_write();
    t.intern_label("L");
    t.intern_prop_key("k");
    t.create_node({});
    t.commit();
  }
  Txn r = db.store->begin_read();
  CHECK_FALSE(r.writable());
  CHECK(code_of([&] { r.create_node({}); }) == ErrorCode::ReadOnly);
  CHECK(code_of([&] { r.set_node_property(0, 0, Value(1)); }) == ErrorCode::ReadOnly);
  CHECK(code_of([&] { r.intern_label("New"); }) == ErrorCode::ReadOnly);
  CHECK(r.intern_label("L") == 0);  // an existing name needs no write
  CHECK(code_of([&] { r.node_labels(42); }) == ErrorCode::NotFound);
  CHECK(code_of([&] { r.node_property(42, 0); }) == ErrorCode::NotFound);
  CHECK_FALSE(r.get_node(42));
  r.abort();

  Txn t = db.store->begin_write();
  CHECK(code_of([&] { t.set_node_property(42, 0, Value(1)); }) == ErrorCode::NotFound);
  CHECK(code_of([&] { t.delete_node(42); }) == ErrorCode::NotFound);
  CHECK(code_of([&] { t.add_node_label(42, 0); }) == ErrorCode::NotFound);
  CHECK(code_of([&] { t.set_node_property(0, 99, Value(1)); }) == ErrorCode::NotFound);
  const LabelId bad[] = {77};
  CHECK(code_of([&] { t.create_node(bad); }) == ErrorCode::NotFound);
  CHECK(code_of([&] { t.label_name(77); }) == ErrorCode::NotFound);
}

TEST_CASE("catalog: names are interned once, visible in the writing transaction, kept on commit") {
  TestDb db;
  {
    Txn t = db.store->begin_write();
    CHECK_FALSE(t.find_label("Person"));
    LabelId p = t.intern_label("Person");
    CHECK(t.find_label("Person") == p);
    CHECK(t.intern_label("Person") == p);
    CHECK(t.intern_label("Company") == p + 1);
    CHECK(t.intern_rel_type("KNOWS") == 0);
    CHECK(t.intern_prop_key("name") == 0);
    CHECK(t.label_name(p) == "Person");
    // A reader that started before the commit does not see the names.
    Txn before = db.store->begin_read();
    CHECK_FALSE(before.find_label("Person"));
    t.commit();
  }
  {
    Txn t = db.store->begin_write();
    t.intern_label("Dropped");
  }  // aborted
  db.reopen();
  Txn r = db.store->begin_read();
  CHECK(r.labels() == std::vector<std::pair<LabelId, std::string>>{{0, "Person"}, {1, "Company"}});
  CHECK(r.rel_type_name(0) == "KNOWS");
  CHECK(r.prop_keys().size() == 1);
  CHECK_FALSE(r.find_label("Dropped"));
}
