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

std::vector<NodeId> neighbours(const Txn& t, NodeId n, RelTypeId type, Direction dir) {
  std::vector<NodeId> out;
  for (const Edge& e : drain(t.adjacency(n, type, dir))) out.push_back(e.neighbour);
  return out;
}

}  // namespace

TEST_CASE("relationships: create, read, update, delete, with properties") {
  TestDb db;
  Txn t = db.store->begin_write();
  RelTypeId knows = t.intern_rel_type("KNOWS");
  PropKeyId since = t.intern_prop_key("since"), w = t.intern_prop_key("weight");
  NodeId a = t.create_node({}), b = t.create_node({});
  RelId r = t.create_rel(knows, a, b, {{w, Value(0.5)}, {since, Value(Date{-3650})}});
  auto rec = t.get_rel(r);
  REQUIRE(rec);
  CHECK(rec->type == knows);
  CHECK(rec->start == a);
  CHECK(rec->end == b);
  CHECK(rec->properties == Properties{{since, Value(Date{-3650})}, {w, Value(0.5)}});
  t.set_rel_property(r, w, Value(0.75));
  t.set_rel_property(r, since, Value());
  CHECK(t.rel_property(r, w) == Value(0.75));
  CHECK(t.rel_property(r, since).is_null());
  CHECK(t.get_rel(r)->properties.size() == 1);
  t.commit();

  Txn u = db.store->begin_write();
  CHECK(u.rel_count() == 1);
  CHECK(u.rel_count(knows) == 1);
  u.delete_rel(r);
  CHECK_FALSE(u.rel_exists(r));
  CHECK(u.degree(a, knows, Direction::Out) == 0);
  CHECK(u.degree(b, knows, Direction::In) == 0);
  CHECK(u.rel_count() == 0);
  CHECK_THROWS_AS(u.delete_rel(r), Error);
  CHECK_THROWS_AS(u.create_rel(knows, a, 99, {}), Error);
  u.commit();
}

TEST_CASE("relationships: properties of every type round-trip and survive reopen") {
  TestDb db;
  std::vector<Value> values = {
      Value(true), Value(std::numeric_limits<int64_t>::min()), Value(std::numeric_limits<int64_t>::max()),
      Value(-0.125), Value(std::string()), Value("ünïcødé ✓"), Value(Date{-40000}),
      Value(DateTime{-1}), Value(Duration{-1, 0, 7}),
      Value(Value::List{Value(Value::List{}), Value(Value::List{Value(false), Value()})}),
  };
  std::vector<PropKeyId> keys;
  db.store->write([&](Txn& t) {
    RelTypeId type = t.intern_rel_type("T");
    NodeId a = t.create_node({});
    Properties props;
    for (size_t i = 0; i < values.size(); ++i) {
      std::string name = "k";
      name += std::to_string(i);  // (not operator+: GCC 12 -Wrestrict false positive)
      keys.push_back(t.intern_prop_key(name));
      props.emplace_back(keys.back(), values[i]);
    }
    t.create_rel(type, a, a, props);
  });
  db.reopen();
  Txn r = db.store->begin_read();
  for (size_t i = 0; i < values.size(); ++i) CHECK(r.rel_property(0, keys[i]) == values[i]);
  CHECK(r.get_rel(0)->properties.size() == values.size());
}

TEST_CASE("adjacency: both directions, by type, self-loops, sorted by neighbour") {
  TestDb db;
  Txn t = db.store->begin_write();
  RelTypeId knows = t.intern_rel_type("KNOWS"), likes = t.intern_rel_type("LIKES");
  std::vector<NodeId> n;
  for (int i = 0; i < 5; ++i) n.push_back(t.create_node({}));
  t.create_rel(knows, n[0], n[3], {});
  t.create_rel(knows, n[0], n[1], {});
  RelId loop = t.create_rel(knows, n[0], n[0], {});
  t.create_rel(likes, n[0], n[4], {});
  t.create_rel(knows, n[2], n[0], {});
  t.commit();

  Txn r = db.store->begin_read();
  CHECK(neighbours(r, n[0], knows, Direction::Out) == std::vector<NodeId>{n[0], n[1], n[3]});
  CHECK(neighbours(r, n[0], knows, Direction::In) == std::vector<NodeId>{n[0], n[2]});
  CHECK(neighbours(r, n[0], likes, Direction::Out) == std::vector<NodeId>{n[4]});
  CHECK(neighbours(r, n[0], likes, Direction::In).empty());
  CHECK(neighbours(r, n[4], likes, Direction::In) == std::vector<NodeId>{n[0]});
  AdjacencyCursor reused = r.adjacency(n[2], knows, Direction::Out);
  CHECK(drain(reused).size() == 1);
  reused.reset(n[0], knows, Direction::In);
  CHECK(drain(reused).size() == 2);
  reused.reset(n[3], likes, Direction::In);  // an empty list
  CHECK(drain(reused).empty());
  reused.reset(n[0], likes, Direction::Out);
  CHECK(drain(reused).front().neighbour == n[4]);
  CHECK(r.degree(n[0], knows, Direction::Out) == 3);
  CHECK(r.degree(n[0], knows, Direction::In) == 2);
  CHECK(r.degree(n[1], likes, Direction::In) == 0);
  auto self = drain(r.adjacency(n[0], knows, Direction::In));
  CHECK(std::count_if(self.begin(), self.end(), [&](const Edge& e) { return e.rel == loop; }) == 1);

  std::vector<std::tuple<RelTypeId, Direction, NodeId>> all;
  r.for_each_edge(n[0], [&](RelTypeId type, Direction d, const Edge& e) { all.emplace_back(type, d, e.neighbour); });
  CHECK(all.size() == 6);
  CHECK(all.front() == std::tuple{knows, Direction::Out, n[0]});
  CHECK(all.back() == std::tuple{likes, Direction::Out, n[4]});
}

TEST_CASE("adjacency: a node with tens of thousands of edges reads in several batches") {
  TestDb db;
  const int kEdges = 40000;
  NodeId hub;
  RelTypeId type;
  {
    Txn t = db.store->begin_write();
    type = t.intern_rel_type("T");
    hub = t.create_node({});
    std::vector<NodeId> others;
    for (int i = 0; i < kEdges; ++i) others.push_back(t.create_node({}));
    // Created in descending order: the list must still come out ascending.
    for (int i = kEdges - 1; i >= 0; --i) t.create_rel(type, hub, others[i], {});
    t.commit();
  }
  Txn r = db.store->begin_read();
  AdjacencyCursor c = r.adjacency(hub, type, Direction::Out);
  size_t batches = 0, total = 0;
  NodeId prev = 0;
  bool sorted = true;
  for (auto b = c.next_batch(); !b.empty(); b = c.next_batch()) {
    ++batches;
    for (const Edge& e : b) {
      if (total > 0 && e.neighbour <= prev) sorted = false;
      prev = e.neighbour;
      ++total;
    }
  }
  CHECK(total == kEdges);
  CHECK(batches > 1);
  CHECK(sorted);
  CHECK(r.degree(hub, type, Direction::Out) == kEdges);
  CHECK(neighbours(r, hub + 1, type, Direction::In) == std::vector<NodeId>{hub});
}

TEST_CASE("deleting a node: refused while it has relationships, detach deletes them") {
  TestDb db;
  Txn t = db.store->begin_write();
  RelTypeId knows = t.intern_rel_type("KNOWS");
  LabelId p = t.intern_label("P");
  const LabelId labels[] = {p};
  NodeId a = t.create_node(labels), b = t.create_node(labels);
  t.create_rel(knows, a, b, {});
  t.create_rel(knows, b, a, {});
  t.create_rel(knows, a, a, {});
  try {
    t.delete_node(a);
    FAIL("expected ConstraintViolation");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::ConstraintViolation);
  }
  CHECK(t.node_exists(a));
  t.delete_node(a, /*detach=*/true);
  CHECK_FALSE(t.node_exists(a));
  CHECK(t.rel_count() == 0);
  CHECK(t.rel_count(knows) == 0);
  CHECK(t.degree(b, knows, Direction::In) == 0);
  CHECK(t.degree(b, knows, Direction::Out) == 0);
  CHECK(t.node_count() == 1);
  CHECK(t.node_count(p) == 1);
  t.delete_node(b);
  CHECK(t.node_count() == 0);
  t.commit();
}

TEST_CASE("statistics stay exact through creates and deletes, across commits") {
  TestDb db;
  {
    Txn t = db.store->begin_write();
    LabelId a = t.intern_label("A"), b = t.intern_label("B");
    RelTypeId x = t.intern_rel_type("X"), y = t.intern_rel_type("Y");
    const LabelId la[] = {a}, lab[] = {a, b};
    for (int i = 0; i < 10; ++i) t.create_node(i % 2 ? std::span<const LabelId>(la) : std::span<const LabelId>(lab));
    for (NodeId i = 0; i < 9; ++i) t.create_rel(i % 3 ? x : y, i, i + 1, {});
    t.commit();
  }
  {
    Txn t = db.store->begin_write();
    t.delete_node(0, true);  // one Y relationship
    t.delete_rel(1);         // one X
    t.commit();
  }
  db.reopen();
  Txn r = db.store->begin_read();
  CHECK(r.node_count() == 9);
  CHECK(r.node_count(*r.find_label("A")) == 9);
  CHECK(r.node_count(*r.find_label("B")) == 4);
  CHECK(r.rel_count() == 7);
  CHECK(r.rel_count(*r.find_rel_type("X")) == 5);
  CHECK(r.rel_count(*r.find_rel_type("Y")) == 2);
}
