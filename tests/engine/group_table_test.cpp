// GroupTable (engine/exec/group_table.h): the grouping of aggregation and
// DISTINCT. Same group as same_group says (null with null, 1 with 1.0),
// first-seen order, and nothing lost while the table grows. Also the
// aggregation's other per-group tables: IdPairTable, DistinctPairs, and
// collect()'s CollectLog (engine/exec/collect_log.h).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/exec/collect_log.h"
#include "engine/exec/group_table.h"

using kith::Value;
using kith::engine::IdPairTable;
using kith::engine::CollectLog;
using kith::engine::DistinctPairs;
using kith::engine::GroupTable;

TEST_CASE("group table: equal tuples share a group, in first-seen order") {
  GroupTable t(2);
  const std::vector<Value> a{Value(1), Value("x")};
  const std::vector<Value> b{Value(1.0), Value("x")};  // same group as a
  const std::vector<Value> c{Value(), Value()};
  const std::vector<Value> d{Value(), Value()};  // nulls group together
  const std::vector<Value> e{Value("x"), Value(1)};
  CHECK(t.intern(a) == std::pair<size_t, bool>{0, true});
  CHECK(t.intern(b) == std::pair<size_t, bool>{0, false});
  CHECK(t.intern(c) == std::pair<size_t, bool>{1, true});
  CHECK(t.intern(d) == std::pair<size_t, bool>{1, false});
  CHECK(t.intern(e) == std::pair<size_t, bool>{2, true});
  REQUIRE(t.size() == 3);
  CHECK(t.key(0)[0] == Value(1));  // the first-seen values are kept
  CHECK(t.key(2)[0] == Value("x"));
  t.clear();
  CHECK(t.size() == 0);
  CHECK(t.intern(e) == std::pair<size_t, bool>{0, true});
}

TEST_CASE("group table: many groups survive growth") {
  GroupTable t(1);
  for (int round = 0; round < 2; ++round) {
    for (int64_t i = 0; i < 5000; ++i) {
      const std::vector<Value> key{Value(i * 7919 % 5000)};
      const auto [group, fresh] = t.intern(key);
      CHECK(fresh == (round == 0));
      CHECK(t.key(group)[0] == key[0]);
    }
  }
  CHECK(t.size() == 5000);
}

TEST_CASE("group table: appended groups keep their keys and their numbers through growth, and no probe finds them") {
  GroupTable t(1);
  std::vector<Value> keys;
  for (int64_t i = 0; i < 3000; ++i) {
    // Every third group is appended (a node key, told apart by its id);
    // the others are interned, some of them twice.
    if (i % 3 == 0) {
      Value node = kith::NodeRef{static_cast<kith::NodeId>(i)};
      CHECK(t.append({&node, 1}) == static_cast<size_t>(i));
      keys.push_back(node);
    } else {
      Value v = i;
      CHECK(t.intern({&v, 1}) == std::pair<size_t, bool>{static_cast<size_t>(i), true});
      keys.push_back(v);
    }
  }
  CHECK(t.size() == 3000);
  for (int64_t i = 0; i < 3000; ++i) {
    CHECK(t.key(static_cast<size_t>(i))[0] == keys[static_cast<size_t>(i)]);
    if (i % 3 != 0) {
      Value again = static_cast<double>(i);  // 1.0 groups with 1
      CHECK(t.intern({&again, 1}) == std::pair<size_t, bool>{static_cast<size_t>(i), false});
    }
  }
  // An interned value equal to no appended key gets a new group after them.
  Value fresh = int64_t{-1};
  CHECK(t.intern({&fresh, 1}) == std::pair<size_t, bool>{3000, true});
  t.clear();
  CHECK(t.size() == 0);
  Value one = int64_t{1};
  CHECK(t.intern({&one, 1}) == std::pair<size_t, bool>{0, true});
}

TEST_CASE("group table: no grouping values make one group") {
  GroupTable t(0);
  CHECK(t.intern({}) == std::pair<size_t, bool>{0, true});
  CHECK(t.intern({}) == std::pair<size_t, bool>{0, false});
  CHECK(t.size() == 1);
}

TEST_CASE("id pair table: a pair is new once, across groups and growth, in first-seen order") {
  IdPairTable t;
  using P = std::pair<size_t, bool>;
  CHECK(t.intern(0, 7) == P{0, true});
  CHECK(t.intern(0, 7) == P{0, false});
  CHECK(t.intern(1, 7) == P{1, true});  // the same id in another group is another pair
  CHECK(t.intern(0, 8) == P{2, true});
  // Ids that collide in their low bits, and the largest ids.
  for (uint64_t i = 0; i < 3000; ++i) CHECK(t.intern(2, i << 40) == P{3 + i, true});
  CHECK(t.intern(2, UINT64_MAX - 1) == P{3003, true});
  for (uint64_t i = 0; i < 3000; ++i) CHECK(t.intern(2, i << 40) == P{3 + i, false});
  CHECK(t.intern(2, UINT64_MAX - 1) == P{3003, false});
  CHECK(t.intern(1, 7) == P{1, false});
  CHECK(t.size() == 3004);
  t.clear();
  CHECK(t.size() == 0);
  CHECK(t.intern(0, 8) == P{0, true});
}

TEST_CASE("id pair table: a pair keeps the number it was given") {
  IdPairTable t;
  CHECK(t.intern(0, 7, 40) == std::pair<size_t, bool>{40, true});
  CHECK(t.intern(0, 9, 3) == std::pair<size_t, bool>{3, true});
  CHECK(t.intern(0, 7, 5) == std::pair<size_t, bool>{40, false});
  CHECK(t.size() == 2);
}

TEST_CASE("id pair table: reset empties it, whether its slots are kept or not") {
  IdPairTable t;
  for (uint64_t i = 0; i < 1000; ++i) t.intern(0, i);
  t.reset();  // far more slots than a small run needs: they are dropped
  CHECK(t.size() == 0);
  CHECK(t.intern(0, 5) == std::pair<size_t, bool>{0, true});
  for (uint64_t i = 0; i < 1000; ++i) t.intern(1, i);
  t.reset();  // slots kept and wiped
  for (uint64_t i = 0; i < 1000; ++i) CHECK(t.intern(1, i).second);
}

TEST_CASE("distinct pairs: exact in runs of groups and when a group comes back") {
  DistinctPairs d;
  // Runs: group 0, then 2 (group 1 had no value), then 3.
  CHECK(d.insert(0, 7));
  CHECK_FALSE(d.insert(0, 7));
  CHECK(d.insert(0, 8));
  CHECK(d.insert(2, 7));  // the same id in the next group is new there
  CHECK_FALSE(d.insert(2, 7));
  for (uint64_t i = 0; i < 500; ++i) CHECK(d.insert(3, i));
  for (uint64_t i = 0; i < 500; ++i) CHECK_FALSE(d.insert(3, i));
  // Group 0 comes back: what it had is still seen, what it had not is new.
  CHECK_FALSE(d.insert(0, 7));
  CHECK_FALSE(d.insert(0, 8));
  CHECK(d.insert(0, 9));
  CHECK_FALSE(d.insert(2, 7));
  CHECK_FALSE(d.insert(3, 499));
  CHECK(d.insert(4, 7));
  CHECK_FALSE(d.insert(4, 7));
  d.clear();  // back to runs, nothing seen
  CHECK(d.insert(1, 7));
  CHECK(d.insert(2, 7));
  CHECK_FALSE(d.insert(1, 7));
}

TEST_CASE("collect log: values in push order across chunks, and again after clear") {
  CollectLog log;
  for (int64_t i = 0; i < 3000; ++i) {
    Value v(i);
    if (i % 2 == 0) {
      log.push(static_cast<size_t>(i % 7), v, &v);  // moved in
    } else {
      log.push(static_cast<size_t>(i % 7), v, nullptr);  // copied
    }
  }
  int64_t next = 0;
  log.for_each([&](uint32_t group, Value& v) {
    CHECK(v == Value(next));
    CHECK(group == static_cast<uint32_t>(next % 7));
    ++next;
  });
  CHECK(next == 3000);
  // Reused chunks: only what was pushed since the clear is seen.
  log.clear();
  log.for_each([&](uint32_t, Value&) { FAIL("nothing pushed since clear"); });
  const Value text("some text longer than the small string buffer");
  for (int i = 0; i < 20; ++i) log.push(1, text, nullptr);
  int seen = 0;
  log.for_each([&](uint32_t group, Value& v) {
    CHECK(group == 1);
    CHECK(v == text);
    ++seen;
  });
  CHECK(seen == 20);
}
