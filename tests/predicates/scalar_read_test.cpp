// Txn::node_scalar_property, the typed read from the read snapshot's
// columns: it answers only where a column holds the value, and then exactly
// what node_property answers; never without a snapshot, never in a write
// transaction, never with an older version's value.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <vector>

#include "engine/value/compare.h"
#include "storage/snapshot_info.h"
#include "tests/storage/temp_dir.h"

using namespace kith;
using namespace kith::storage;
using kith::engine::as_scalar;
using kith::engine::Scalar;
using kith::storage::testing::TestDb;

namespace {

constexpr auto kWait = std::chrono::seconds(60);
constexpr int kNodes = 2000;

OpenOptions snapshot_options(bool enabled) {
  ::unsetenv("KITH_SNAPSHOT");  // the options decide here
  OpenOptions o;
  o.snapshot.enabled = enabled;
  o.snapshot.after_reads = 1;
  return o;
}

struct Keys {
  PropKeyId n, d, when, day, flag, name;
};

// Dense fixed-width keys (columns) with gaps, a string key (no column), and
// the ends of the ranges; a few edges per node, so that the columns' memory
// allowance (at most the rest of the snapshot) admits all five.
Keys fill(GraphStore& store, std::vector<NodeId>& nodes) {
  Keys k{};
  store.write([&](Txn& t) {
    nodes.clear();
    k = Keys{t.intern_prop_key("n"), t.intern_prop_key("d"), t.intern_prop_key("when"),
             t.intern_prop_key("day"), t.intern_prop_key("flag"), t.intern_prop_key("name")};
    const LabelId label = t.intern_label("N");
    for (int i = 0; i < kNodes; ++i) {
      Properties p;
      if (i % 10 != 3) p.emplace_back(k.n, Value(int64_t{i} * 7 - 3000));
      if (i % 7 != 1) {
        p.emplace_back(k.d, i % 97 == 0 ? Value(std::numeric_limits<double>::quiet_NaN())
                                        : Value(static_cast<double>(i) / 4 - 100));
      }
      p.emplace_back(k.when, Value(DateTime{int64_t{1600000000000000} - i * 1000}));
      p.emplace_back(k.day, Value(Date{static_cast<int32_t>(i) - 1000}));
      p.emplace_back(k.flag, Value(i % 3 == 0));
      p.emplace_back(k.name, Value("n" + std::to_string(i)));
      if (i == 5) p.emplace_back(k.n, Value(std::numeric_limits<int64_t>::min()));
      if (i == 6) p.emplace_back(k.n, Value(std::numeric_limits<int64_t>::max()));
      nodes.push_back(t.create_node(std::vector<LabelId>{label}, p));
    }
    const RelTypeId next = t.intern_rel_type("NEXT");
    for (int i = 0; i < kNodes; ++i) {
      for (int j = 1; j <= 4; ++j) t.create_rel(next, nodes[i], nodes[(i + j) % kNodes], {});
    }
  });
  return k;
}

// Scalars are equal when kind and bits are (NaN included, bit for bit).
bool same(const Scalar& a, const Scalar& b) { return a.type == b.type && a.bits == b.bits; }

// Every (node, key) of `t`: the typed read agrees with node_property where
// it answers. Returns how many answered.
int check_agrees(const Txn& t, const std::vector<NodeId>& nodes, const Keys& k) {
  int answered = 0;
  for (NodeId id : nodes) {
    for (PropKeyId key : {k.n, k.d, k.when, k.day, k.flag, k.name}) {
      ValueType type = ValueType::Null;
      int64_t bits = 0;
      if (!t.node_scalar_property(id, key, type, bits)) continue;
      ++answered;
      const Value slow = t.node_property(id, key);
      CAPTURE(id);
      CAPTURE(key);
      CAPTURE(slow.to_string());
      Scalar want;
      REQUIRE(as_scalar(slow, want));
      CHECK(want.type != ValueType::Null);  // an absent value is never answered
      CHECK(same(want, Scalar{type, bits}));
    }
  }
  return answered;
}

}  // namespace

TEST_CASE("typed column reads answer as node_property where a column holds the value") {
  TestDb db;
  db.reopen(snapshot_options(true));
  std::vector<NodeId> nodes;
  const Keys k = fill(*db.store, nodes);
  { Txn t = db.store->begin_read(); }
  REQUIRE(wait_for_snapshot_builds(*db.store, kWait));
  REQUIRE(snapshot_info(*db.store).version != 0);

  Txn t = db.store->begin_read();
  REQUIRE(snapshot_info(*db.store).attached >= 1);
  for (PropKeyId key : {k.n, k.d, k.when, k.day, k.flag}) CHECK(t.has_node_property_column(key));
  CHECK_FALSE(t.has_node_property_column(k.name));
  // Each node has n except one in ten, d except one in seven: those
  // answer; the string key never does.
  const int present = kNodes - kNodes / 10 + kNodes - (kNodes + 5) / 7 + 3 * kNodes;
  CHECK(check_agrees(t, nodes, k) == present);
  ValueType type;
  int64_t bits;
  CHECK_FALSE(t.node_scalar_property(nodes[3], k.n, type, bits));   // absent
  CHECK_FALSE(t.node_scalar_property(nodes[0], k.name, type, bits));  // no column
  CHECK_FALSE(t.node_scalar_property(nodes.back() + 1000, k.n, type, bits));  // no node
  REQUIRE(t.node_scalar_property(nodes[5], k.n, type, bits));
  CHECK(bits == std::numeric_limits<int64_t>::min());
  REQUIRE(t.node_scalar_property(nodes[0], k.d, type, bits));
  CHECK(type == ValueType::Double);
  CHECK(std::isnan(std::bit_cast<double>(bits)));
}

TEST_CASE("typed column reads never answer without a snapshot or in a write") {
  TestDb db;
  db.reopen(snapshot_options(false));
  std::vector<NodeId> nodes;
  const Keys k = fill(*db.store, nodes);
  {
    Txn t = db.store->begin_read();
    CHECK(check_agrees(t, nodes, k) == 0);
  }
  db.reopen(snapshot_options(true));
  { Txn t = db.store->begin_read(); }
  REQUIRE(wait_for_snapshot_builds(*db.store, kWait));
  Txn w = db.store->begin_write();
  CHECK(check_agrees(w, nodes, k) == 0);
  // Changed in this write: the new value is read, never a column's.
  w.set_node_property(nodes[8], k.n, Value(int64_t{424242}));
  ValueType type;
  int64_t bits;
  CHECK_FALSE(w.node_scalar_property(nodes[8], k.n, type, bits));
  CHECK(w.node_property(nodes[8], k.n) == Value(int64_t{424242}));
  w.commit();

  // The next version: a read answers with the new value or not at all.
  for (int i = 0; i < 3; ++i) {
    Txn t = db.store->begin_read();
    if (t.node_scalar_property(nodes[8], k.n, type, bits)) CHECK(bits == 424242);
    check_agrees(t, nodes, k);
  }
  REQUIRE(wait_for_snapshot_builds(*db.store, kWait));
  Txn t = db.store->begin_read();
  REQUIRE(t.node_scalar_property(nodes[8], k.n, type, bits));
  CHECK(bits == 424242);
}
