// The read snapshot (storage/read_snapshot.h): read transactions that use it
// answer exactly as LMDB does, it is never used by a transaction of another
// version (a write in this process or another), map growth drops it, and a
// store closed in the middle of a build closes promptly.
#include <doctest/doctest.h>

#include <stdlib.h>

#include <chrono>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "storage/error.h"
#include "storage/snapshot_info.h"
#include "tests/storage/temp_dir.h"
#include "tests/storage_process/child_process.h"

using namespace kith;
using namespace kith::storage;
using kith::storage::testing::drain;
using kith::storage::testing::TestDb;

namespace {

constexpr auto kWait = std::chrono::seconds(60);

// KITH_SNAPSHOT (off, or a read count) overrides the options: these tests
// need the options' word.
void ignore_environment() { ::unsetenv("KITH_SNAPSHOT"); }

OpenOptions with_snapshot(uint32_t after_reads = 1) {
  ignore_environment();
  OpenOptions o;
  o.snapshot.after_reads = after_reads;
  return o;
}

OpenOptions without_snapshot() {
  ignore_environment();
  OpenOptions o;
  o.snapshot.enabled = false;
  return o;
}

// Holds builders (with their read transaction open) until release() or the
// end of the scope, also when a check fails on the way.
class HeldBuilds {
 public:
  HeldBuilds() { snapshot_testing::hold_builds(true); }
  ~HeldBuilds() { release(); }
  HeldBuilds(const HeldBuilds&) = delete;
  HeldBuilds& operator=(const HeldBuilds&) = delete;
  void release() { snapshot_testing::hold_builds(false); }
};

// Begins read transactions until the store has built a snapshot of the
// current version; the next begin_read attaches it.
void build_snapshot(GraphStore& store) {
  { Txn t = store.begin_read(); }
  REQUIRE(wait_for_snapshot_builds(store, kWait));
  REQUIRE(snapshot_info(store).version != 0);
}

struct Ids {
  std::vector<LabelId> labels;
  std::vector<RelTypeId> types;
  std::vector<PropKeyId> keys;
};

std::string describe(const Properties& props) {
  std::string out;
  for (const auto& [k, v] : props) out += std::to_string(k) + "=" + v.to_string() + ";";
  return out;
}

std::string describe(std::span<const Edge> edges) {
  std::string out;
  for (const Edge& e : edges) out += std::to_string(e.neighbour) + "/" + std::to_string(e.rel) + " ";
  return out;
}

template <typename Fn>
std::string outcome(Fn&& fn) {
  try {
    return fn();
  } catch (const Error& e) {
    return "error " + std::to_string(static_cast<int>(e.code()));
  }
}

// Every read answer of the store about every id up to and past the last,
// one line per question.
std::vector<std::string> every_answer(const Txn& t, const Ids& ids, uint64_t node_ids, uint64_t rel_ids) {
  std::vector<std::string> out;
  auto say = [&](const std::string& what, const std::string& answer) { out.push_back(what + ": " + answer); };
  AdjacencyCursor reused = t.adjacency(0, ids.types[0], Direction::Out);
  for (NodeId n = 0; n < node_ids + 3; ++n) {
    const std::string node = "node " + std::to_string(n);
    say(node + " exists", std::to_string(t.node_exists(n)));
    say(node + " record", outcome([&] {
          auto rec = t.get_node(n);
          if (!rec) return std::string("none");
          std::string labels;
          for (LabelId l : rec->labels) labels += std::to_string(l) + ",";
          return std::to_string(rec->id) + " " + labels + " " + describe(rec->properties);
        }));
    say(node + " labels", outcome([&] {
          std::string labels;
          for (LabelId l : t.node_labels(n)) labels += std::to_string(l) + ",";
          return labels;
        }));
    for (LabelId l : ids.labels) {
      say(node + " has label " + std::to_string(l), outcome([&] { return std::to_string(t.node_has_label(n, l)); }));
    }
    for (PropKeyId k : ids.keys) {
      say(node + " property " + std::to_string(k), outcome([&] { return t.node_property(n, k).to_string(); }));
    }
    for (RelTypeId type : ids.types) {
      for (Direction dir : {Direction::Out, Direction::In}) {
        const std::string list = node + " list " + std::to_string(type) + "/" + std::to_string(int(dir));
        say(list, describe(drain(t.adjacency(n, type, dir))));
        reused.reset(n, type, dir);
        say(list + " (reset)", describe(drain(reused)));
        say(list + " degree", std::to_string(t.degree(n, type, dir)));
        // snapshot_edges answers only with a snapshot, and then as adjacency().
        std::span<const Edge> direct;
        say(list + " direct", t.snapshot_edges(n, type, dir, direct)
                                  ? describe(std::vector<Edge>(direct.begin(), direct.end()))
                                  : describe(drain(t.adjacency(n, type, dir))));
      }
    }
    std::string each;
    t.for_each_edge(n, [&](RelTypeId type, Direction dir, const Edge& e) {
      each += std::to_string(type) + "/" + std::to_string(int(dir)) + ":" + std::to_string(e.neighbour) + "/" +
              std::to_string(e.rel) + " ";
    });
    say(node + " every edge", each);
  }
  for (RelId r = 0; r < rel_ids + 3; ++r) {
    const std::string rel = "rel " + std::to_string(r);
    say(rel + " exists", std::to_string(t.rel_exists(r)));
    say(rel + " record", outcome([&] {
          auto rec = t.get_rel(r);
          if (!rec) return std::string("none");
          return std::to_string(rec->id) + " " + std::to_string(rec->type) + " " + std::to_string(rec->start) +
                 "->" + std::to_string(rec->end) + " " + describe(rec->properties);
        }));
    for (PropKeyId k : ids.keys) {
      say(rel + " property " + std::to_string(k), outcome([&] { return t.rel_property(r, k).to_string(); }));
    }
  }
  say("all nodes", std::to_string(drain(t.scan_all_nodes()).size()));
  return out;
}

// The first line where two answer lists differ, or "" when they agree.
std::string first_difference(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
    if (a[i] != b[i]) return "without: " + a[i] + "\nwith:    " + b[i];
  }
  if (a.size() != b.size()) return "answer counts differ";
  return "";
}

Value random_value(std::mt19937_64& rng) {
  switch (rng() % 5) {
    case 0: return Value(static_cast<int64_t>(rng() % 100000) - 50000);
    case 1: return Value(std::string(rng() % 40, 'a' + static_cast<char>(rng() % 26)));
    case 2: return Value(static_cast<double>(rng() % 1000) / 7.0);
    case 3: return Value(Date{static_cast<int32_t>(rng() % 20000)});
    default: return Value(rng() % 2 == 0);
  }
}

// A graph with several labels (one with an id past the snapshot's label
// bitsets), types and properties, self-loops, parallel edges, a few records
// too long for the snapshot's packed lengths, and deleted nodes and
// relationships (the last node among them).
Ids random_graph(GraphStore& store, uint64_t& node_ids, uint64_t& rel_ids) {
  Ids ids;
  std::mt19937_64 rng(20261123);
  std::vector<NodeId> nodes;
  std::vector<RelId> rels;
  store.write([&](Txn& t) {
    ids = Ids{};
    nodes.clear();
    rels.clear();
    for (int i = 0; i < 70; ++i) {
      LabelId l = t.intern_label("L" + std::to_string(i));
      if (i < 5 || i >= 66) ids.labels.push_back(l);
    }
    for (int i = 0; i < 4; ++i) ids.types.push_back(t.intern_rel_type("T" + std::to_string(i)));
    for (int i = 0; i < 5; ++i) ids.keys.push_back(t.intern_prop_key("p" + std::to_string(i)));
    for (int i = 0; i < 1500; ++i) {
      std::vector<LabelId> labels;
      for (LabelId l : ids.labels) {
        if (rng() % 3 == 0) labels.push_back(l);
      }
      Properties props;
      for (PropKeyId k : ids.keys) {
        if (rng() % 2 == 0) props.emplace_back(k, random_value(rng));
      }
      if (i % 500 == 7) props.emplace_back(ids.keys[0], Value(std::string(70000, 'x')));
      nodes.push_back(t.create_node(labels, props));
    }
    for (int i = 0; i < 6000; ++i) {
      const NodeId a = nodes[rng() % nodes.size()];
      const NodeId b = i % 50 == 0 ? a : nodes[rng() % nodes.size()];
      Properties props;
      if (rng() % 2 == 0) props.emplace_back(ids.keys[rng() % ids.keys.size()], random_value(rng));
      if (i == 99) props.emplace_back(ids.keys[1], Value(std::string(66000, 'y')));
      rels.push_back(t.create_rel(ids.types[rng() % ids.types.size()], a, b, props));
    }
  });
  store.write([&](Txn& t) {
    for (size_t i = 0; i < rels.size(); i += 13) t.delete_rel(rels[i]);
    for (size_t i = 3; i < nodes.size(); i += 97) t.delete_node(nodes[i], true);
    t.delete_node(nodes.back(), true);
  });
  node_ids = nodes.back() + 1;
  rel_ids = rels.back() + 1;
  return ids;
}

// A graph whose fixed-width properties qualify for columns (many values of
// one kind filling at least half of their id range) next to ones that do
// not: a key with one string among its ints, a key with too few values, one
// too thinly spread, values at the ends of the int range, and entities that
// lack a column's key.
Ids column_graph(GraphStore& store, uint64_t& node_ids, uint64_t& rel_ids, std::vector<NodeId>& one_string) {
  Ids ids;
  std::mt19937_64 rng(20261124);
  std::vector<NodeId> nodes;
  std::vector<RelId> rels;
  store.write([&](Txn& t) {
    ids = Ids{};
    ids.labels = {t.intern_label("Person"), t.intern_label("Message")};
    ids.types = {t.intern_rel_type("KNOWS"), t.intern_rel_type("LIKES")};
    for (const char* k : {"id", "when", "score", "flag", "day", "mixed", "sparse", "name", "w", "thin"}) {
      ids.keys.push_back(t.intern_prop_key(k));
    }
    const auto key = [&](size_t i) { return ids.keys[i]; };
    for (int i = 0; i < 3000; ++i) {
      Properties props;
      if (i % 10 != 3) props.emplace_back(key(0), Value(int64_t{i} * 1000003 - 7));
      if (i >= 1000) props.emplace_back(key(1), Value(DateTime{int64_t{1700000000000000} + i}));
      if (rng() % 3 != 0) props.emplace_back(key(2), Value(static_cast<double>(rng() % 1000) / 8.0 - 60.0));
      props.emplace_back(key(3), Value(i % 3 == 0));
      props.emplace_back(key(4), Value(Date{static_cast<int32_t>(i) - 1500}));
      props.emplace_back(key(5), i == 2222 ? Value("a string") : Value(int64_t{i}));
      if (i % 150 == 0) props.emplace_back(key(6), Value(int64_t{i}));
      if (i % 5 < 2) props.emplace_back(key(9), Value(int64_t{-i}));
      props.emplace_back(key(7), Value("n" + std::to_string(i)));
      if (i == 5) props.emplace_back(key(0), Value(std::numeric_limits<int64_t>::min()));
      if (i == 6) props.emplace_back(key(0), Value(std::numeric_limits<int64_t>::max()));
      const LabelId label = i < 1000 ? ids.labels[0] : ids.labels[1];
      nodes.push_back(t.create_node(std::vector<LabelId>{label}, props));
    }
    one_string = {nodes[2222]};
    for (int i = 0; i < 4000; ++i) {
      Properties props;
      if (i >= 1000 && i % 7 != 0) props.emplace_back(key(8), Value(int64_t{i} - 2000));
      rels.push_back(t.create_rel(ids.types[i < 1000 ? 0 : 1], nodes[rng() % 1000], nodes[1000 + rng() % 2000], props));
    }
  });
  store.write([&](Txn& t) {
    for (size_t i = 0; i < rels.size(); i += 11) t.delete_rel(rels[i]);
    for (size_t i = 1; i < nodes.size(); i += 101) t.delete_node(nodes[i], true);
    t.set_node_property(nodes[10], ids.keys[0], Value());  // removed
    t.set_node_property(nodes[11], ids.keys[0], Value(int64_t{-1}));
  });
  node_ids = nodes.back() + 1;
  rel_ids = rels.back() + 1;
  return ids;
}

// Messages with exactly one HAS_CREATOR and one IS_LOCATED_IN edge out,
// except a few with none or two, and an id range with people in it; edges
// deleted afterwards; a self-loop.
Ids single_edge_graph(GraphStore& store, uint64_t& node_ids, uint64_t& rel_ids) {
  Ids ids;
  std::mt19937_64 rng(20261125);
  std::vector<NodeId> people, messages;
  std::vector<RelId> rels;
  store.write([&](Txn& t) {
    ids = Ids{};
    ids.labels = {t.intern_label("Person"), t.intern_label("Message")};
    ids.types = {t.intern_rel_type("HAS_CREATOR"), t.intern_rel_type("IS_LOCATED_IN"), t.intern_rel_type("KNOWS")};
    ids.keys = {t.intern_prop_key("id")};
    for (int i = 0; i < 200; ++i) people.push_back(t.create_node(std::vector<LabelId>{ids.labels[0]}, {}));
    for (int i = 0; i < 2500; ++i) {
      messages.push_back(t.create_node(std::vector<LabelId>{ids.labels[1]}, {}));
      if (i % 400 == 0) people.push_back(t.create_node(std::vector<LabelId>{ids.labels[0]}, {}));
    }
    for (size_t i = 0; i < messages.size(); ++i) {
      const int creators = i % 97 == 5 ? 0 : i % 89 == 3 ? 2 : 1;
      for (int c = 0; c < creators; ++c) {
        rels.push_back(t.create_rel(ids.types[0], messages[i], people[rng() % people.size()], {}));
      }
      rels.push_back(t.create_rel(ids.types[1], messages[i], people[rng() % 10], {}));
    }
    for (int i = 0; i < 300; ++i) rels.push_back(t.create_rel(ids.types[2], people[rng() % people.size()], people[rng() % people.size()], {}));
    rels.push_back(t.create_rel(ids.types[1], messages[7], messages[7], {}));
  });
  store.write([&](Txn& t) {
    for (size_t i = 0; i < rels.size(); i += 17) t.delete_rel(rels[i]);
    t.delete_node(messages[100], true);
  });
  node_ids = messages.back() + 1;
  rel_ids = rels.back() + 1;
  return ids;
}

}  // namespace

// Every read answer of `db`'s graph without a snapshot, then with one
// built: they must agree line by line. Returns the snapshot's info; `t`
// becomes the read transaction that used it.
SnapshotInfo check_same_answers(TestDb& db, const Ids& ids, uint64_t node_ids, uint64_t rel_ids,
                                std::optional<Txn>& t) {
  db.reopen(without_snapshot());
  std::vector<std::string> without;
  {
    Txn plain = db.store->begin_read();
    without = every_answer(plain, ids, node_ids, rel_ids);
  }
  db.reopen(with_snapshot());
  build_snapshot(*db.store);
  const SnapshotInfo info = snapshot_info(*db.store);
  t.emplace(db.store->begin_read());
  REQUIRE(snapshot_info(*db.store).attached == 1);
  const std::vector<std::string> with = every_answer(*t, ids, node_ids, rel_ids);
  CHECK(first_difference(without, with) == "");
  CHECK(with.size() == without.size());
  return info;
}

TEST_CASE("read snapshot: single-edge columns answer as the adjacency does") {
  TestDb db;
  uint64_t node_ids = 0, rel_ids = 0;
  const Ids ids = single_edge_graph(*db.store, node_ids, rel_ids);
  std::optional<Txn> t;
  const SnapshotInfo info = check_same_answers(db, ids, node_ids, rel_ids, t);
  // HAS_CREATOR and IS_LOCATED_IN out of messages; not IS_LOCATED_IN in (10
  // places take them all), not KNOWS (too few).
  CHECK(info.single_edge_columns == 2);
}

TEST_CASE("read snapshot: property columns answer as the records do") {
  TestDb db;
  uint64_t node_ids = 0, rel_ids = 0;
  std::vector<NodeId> one_string;
  const Ids ids = column_graph(*db.store, node_ids, rel_ids, one_string);
  CHECK(db.store->begin_read().node_property(one_string[0], ids.keys[5]) == Value("a string"));
  std::optional<Txn> t;
  const SnapshotInfo info = check_same_answers(db, ids, node_ids, rel_ids, t);
  // Nodes: id, when, score, flag, day (not mixed: one string; not sparse:
  // too few values; not thin: 1200 values fill 40% of their range; not
  // name: strings). Rels: w.
  CHECK(info.property_columns == 6);
  t->abort();
  CHECK_THROWS_AS(t->node_property(0, ids.keys[0]), Error);
  CHECK_THROWS_AS(t->rel_property(1500, ids.keys[8]), Error);
}

TEST_CASE("read snapshot: columns take at most as much memory as the rest of the snapshot") {
  // 2,000 nodes with 12 dense int keys and no edges: 12 columns of 16 KB
  // against a snapshot base of about 66 KB, so the allowance, not the
  // per-table budget (6 columns), decides how many get one.
  TestDb db;
  Ids ids;
  db.store->write([&](Txn& t) {
    ids.labels = {t.intern_label("N")};
    ids.types = {t.intern_rel_type("R")};
    for (int k = 0; k < 12; ++k) ids.keys.push_back(t.intern_prop_key("k" + std::to_string(k)));
    for (int i = 0; i < 2000; ++i) {
      Properties props;
      for (PropKeyId k : ids.keys) props.emplace_back(k, Value(int64_t{i} * k));
      t.create_node(ids.labels, props);
    }
  });
  std::optional<Txn> t;
  const SnapshotInfo info = check_same_answers(db, ids, 2000, 0, t);
  CHECK(info.property_columns >= 1);
  CHECK(info.property_columns < 6);
}

TEST_CASE("read snapshot: every read answers as without it") {
  TestDb db;
  uint64_t node_ids = 0, rel_ids = 0;
  const Ids ids = random_graph(*db.store, node_ids, rel_ids);

  db.reopen(without_snapshot());
  std::vector<std::string> without;
  {
    Txn t = db.store->begin_read();
    without = every_answer(t, ids, node_ids, rel_ids);
  }
  CHECK(snapshot_info(*db.store).attached == 0);
  CHECK(snapshot_info(*db.store).version == 0);
  {
    Txn t = db.store->begin_read();
    std::span<const Edge> direct;
    CHECK_FALSE(t.snapshot_edges(0, ids.types[0], Direction::Out, direct));
  }

  db.reopen(with_snapshot());
  build_snapshot(*db.store);
  const SnapshotInfo built = snapshot_info(*db.store);
  CHECK(built.builds == 1);
  CHECK(built.bytes > 0);
  Txn t = db.store->begin_read();
  REQUIRE(snapshot_info(*db.store).attached == 1);
  const std::vector<std::string> with = every_answer(t, ids, node_ids, rel_ids);
  CHECK(first_difference(without, with) == "");
  CHECK(with.size() == without.size());
  std::span<const Edge> direct;
  CHECK(t.snapshot_edges(0, ids.types[0], Direction::Out, direct));

  // A cursor of a snapshot transaction is as dead as any after the end.
  AdjacencyCursor c = t.adjacency(0, ids.types[0], Direction::Out);
  t.abort();
  CHECK_THROWS_AS(c.next_batch(), Error);
  CHECK_THROWS_AS(t.node_property(0, ids.keys[0]), Error);
  CHECK_THROWS_AS(t.snapshot_edges(0, ids.types[0], Direction::Out, direct), Error);
}

TEST_CASE("read snapshot: a commit of this process frees it at once, an empty one keeps it") {
  TestDb db;
  db.store->write([](Txn& t) { t.create_node({}); });
  db.reopen(with_snapshot());
  build_snapshot(*db.store);
  db.store->write([](Txn&) {});
  CHECK(snapshot_info(*db.store).version != 0);
  db.store->write([](Txn& t) { t.create_node({}); });
  CHECK(snapshot_info(*db.store).version == 0);
}

TEST_CASE("read snapshot: built only after the configured number of reads of one version") {
  TestDb db;
  db.store->write([](Txn& t) { t.create_node({}); });
  db.reopen(with_snapshot(3));
  for (int i = 0; i < 2; ++i) {
    Txn t = db.store->begin_read();
  }
  REQUIRE(wait_for_snapshot_builds(*db.store, kWait));
  CHECK(snapshot_info(*db.store).builds == 0);
  { Txn t = db.store->begin_read(); }
  REQUIRE(wait_for_snapshot_builds(*db.store, kWait));
  CHECK(snapshot_info(*db.store).builds == 1);
}

TEST_CASE("read snapshot: a write makes new readers skip it; old readers keep theirs") {
  TestDb db;
  RelTypeId knows = 0;
  PropKeyId name = 0;
  NodeId a = 0, b = 0;
  RelId ab = 0;
  db.store->write([&](Txn& t) {
    knows = t.intern_rel_type("KNOWS");
    name = t.intern_prop_key("name");
    a = t.create_node({}, {{name, Value("a")}});
    b = t.create_node({}, {{name, Value("b")}});
    ab = t.create_rel(knows, a, b);
  });
  db.reopen(with_snapshot());
  build_snapshot(*db.store);
  Txn old = db.store->begin_read();
  REQUIRE(snapshot_info(*db.store).attached == 1);
  const uint64_t old_version = snapshot_info(*db.store).version;

  NodeId c = 0;
  RelId ac = 0;
  db.store->write([&](Txn& t) {
    c = t.create_node({}, {{name, Value("c")}});
    ac = t.create_rel(knows, a, c);
    t.set_node_property(a, name, Value("A"));
    t.delete_rel(ab);
  });

  auto check_new = [&](const Txn& t) {
    CHECK(t.node_exists(c));
    CHECK(t.node_property(a, name) == Value("A"));
    CHECK_FALSE(t.rel_exists(ab));
    CHECK(describe(drain(t.adjacency(a, knows, Direction::Out))) == describe(std::vector<Edge>{{c, ac}}));
    CHECK(t.degree(b, knows, Direction::In) == 0);
  };
  {
    Txn fresh = db.store->begin_read();
    CHECK(snapshot_info(*db.store).attached == 1);  // not the old version's
    check_new(fresh);
  }
  // The old transaction still sees its version, through its snapshot.
  CHECK_FALSE(old.node_exists(c));
  CHECK(old.node_property(a, name) == Value("a"));
  CHECK(old.rel_exists(ab));
  CHECK(describe(drain(old.adjacency(a, knows, Direction::Out))) == describe(std::vector<Edge>{{b, ab}}));
  CHECK(old.degree(b, knows, Direction::In) == 1);
  old.abort();

  // The fresh reader started a build of the new version.
  REQUIRE(wait_for_snapshot_builds(*db.store, kWait));
  CHECK(snapshot_info(*db.store).version > old_version);
  Txn newer = db.store->begin_read();
  CHECK(snapshot_info(*db.store).attached == 2);
  check_new(newer);
}

TEST_CASE("read snapshot: a build overtaken by a commit is dropped, and the next version needs more reads") {
  TestDb db;
  db.store->write([](Txn& t) { t.create_node({}); });
  db.reopen(with_snapshot());
  HeldBuilds held;
  { Txn t = db.store->begin_read(); }
  REQUIRE(snapshot_testing::wait_until_build_held(kWait));  // its read transaction is open
  db.store->write([](Txn& t) { t.create_node({}); });  // a reader does not hold a writer up
  held.release();
  REQUIRE(wait_for_snapshot_builds(*db.store, kWait));
  SnapshotInfo info = snapshot_info(*db.store);
  CHECK(info.version == 0);
  CHECK(info.builds == 0);
  CHECK(info.last_skip.find("newer version") != std::string::npos);

  // One overtaken build: the new version needs 2 reads instead of 1.
  { Txn t = db.store->begin_read(); }
  REQUIRE(wait_for_snapshot_builds(*db.store, kWait));
  CHECK(snapshot_info(*db.store).builds == 0);
  { Txn t = db.store->begin_read(); }
  REQUIRE(wait_for_snapshot_builds(*db.store, kWait));
  CHECK(snapshot_info(*db.store).builds == 1);
  Txn t = db.store->begin_read();
  CHECK(snapshot_info(*db.store).attached == 1);
  CHECK(t.node_exists(1));
}

TEST_CASE("read snapshot: skipped when over the memory limit") {
  TestDb db;
  db.store->write([](Txn& t) {
    for (int i = 0; i < 100; ++i) t.create_node({});
  });
  OpenOptions o = with_snapshot();
  o.snapshot.max_bytes = 1000;
  db.reopen(o);
  { Txn t = db.store->begin_read(); }
  REQUIRE(wait_for_snapshot_builds(*db.store, kWait));
  SnapshotInfo info = snapshot_info(*db.store);
  CHECK(info.version == 0);
  CHECK(info.skipped == 1);
  CHECK(info.last_skip.find("limit") != std::string::npos);
  Txn t = db.store->begin_read();  // not retried at the same version
  REQUIRE(wait_for_snapshot_builds(*db.store, kWait));
  CHECK(snapshot_info(*db.store).skipped == 1);
  CHECK(t.node_exists(99));
}

TEST_CASE("read snapshot: map growth drops it, also in the middle of a build") {
  TestDb db;
  PropKeyId text = 0;
  db.store->write([&](Txn& t) {
    text = t.intern_prop_key("text");
    for (int i = 0; i < 100; ++i) t.create_node({}, {{text, Value(std::string(1000, 'a'))}});
  });
  OpenOptions o = with_snapshot();
  o.initial_map_size = uint64_t{1} << 20;
  db.reopen(o);
  build_snapshot(*db.store);

  // ~2 MB more does not fit a 1 MiB map: write() grows it and retries.
  auto grow = [&](char c) {
    db.store->write([&](Txn& t) {
      for (int i = 0; i < 200; ++i) t.create_node({}, {{text, Value(std::string(10000, c))}});
    });
  };
  // Growth without any commit (the retry gives up): only the growth can
  // have dropped the snapshot.
  int attempts = 0;
  CHECK_THROWS_AS(db.store->write([&](Txn& t) {
    if (++attempts > 1) throw Error(ErrorCode::ConstraintViolation, "giving up after the growth");
    for (int i = 0; i < 200; ++i) t.create_node({}, {{text, Value(std::string(10000, 'z'))}});
  }),
                  Error);
  CHECK(attempts == 2);
  CHECK(snapshot_info(*db.store).version == 0);
  grow('b');

  build_snapshot(*db.store);
  {
    Txn t = db.store->begin_read();
    CHECK(snapshot_info(*db.store).attached == 1);
    CHECK(t.node_property(150, text) == Value(std::string(10000, 'b')));
    CHECK(t.node_property(5, text) == Value(std::string(1000, 'a')));
  }

  // A build holding its read transaction open is cancelled by the growth
  // instead of holding it up.
  HeldBuilds held;
  db.store->write([&](Txn& t) { t.create_node({}); });
  { Txn t = db.store->begin_read(); }
  REQUIRE(snapshot_testing::wait_until_build_held(kWait));  // its read transaction is open
  const uint64_t skipped = snapshot_info(*db.store).skipped;
  for (int i = 0; i < 4; ++i) grow('c');  // 8 MB more: the map grows again (would hang if not cancelled)
  held.release();
  REQUIRE(wait_for_snapshot_builds(*db.store, kWait));
  const SnapshotInfo info = snapshot_info(*db.store);
  CHECK(info.version == 0);
  CHECK(info.skipped == skipped + 1);
  Txn t = db.store->begin_read();
  CHECK(t.node_property(1100, text) == Value(std::string(10000, 'c')));
}

TEST_CASE("read snapshot: closing a store in the middle of a build") {
  TestDb db;
  db.store->write([](Txn& t) {
    for (int i = 0; i < 1000; ++i) t.create_node({});
  });
  db.reopen(with_snapshot());
  HeldBuilds held;
  { Txn t = db.store->begin_read(); }
  REQUIRE(snapshot_testing::wait_until_build_held(kWait));  // its read transaction is open
  db.store.reset();  // cancels and joins the builder (would hang if it did not)
  held.release();
  db.reopen(with_snapshot());
  Txn t = db.store->begin_read();
  CHECK(t.node_exists(999));
}

TEST_CASE("read snapshot: another process's commit moves readers to the new version") {
  TestDb db;
  RelTypeId knows = 0;
  PropKeyId name = 0;
  db.store->write([&](Txn& t) {
    knows = t.intern_rel_type("KNOWS");
    name = t.intern_prop_key("name");
    NodeId a = t.create_node({}, {{name, Value("a")}});
    t.create_rel(knows, a, a);
  });
  OpenOptions o = with_snapshot();
  o.read_only = true;
  o.create = false;
  db.reopen(o);
  build_snapshot(*db.store);
  {
    Txn t = db.store->begin_read();
    REQUIRE(snapshot_info(*db.store).attached == 1);
    CHECK_FALSE(t.node_exists(1));
  }

  // No build runs while forking: the child gets only this thread.
  REQUIRE(wait_for_snapshot_builds(*db.store, kWait));
  const std::string path = db.path;
  kith::testing::ChildProcess writer([&](int, int) {
    auto store = GraphStore::open(path);
    store->write([&](Txn& t) {
      NodeId b = t.create_node({}, {{name, Value("b")}});
      t.create_rel(knows, 0, b);
      t.set_node_property(0, name, Value("A"));
    });
    return 0;
  });
  REQUIRE(writer.exit_code() == 0);

  auto check_new = [&](const Txn& t) {
    CHECK(t.node_property(1, name) == Value("b"));
    CHECK(t.node_property(0, name) == Value("A"));
    CHECK(t.degree(0, knows, Direction::Out) == 2);
    CHECK(describe(drain(t.adjacency(1, knows, Direction::In))) == describe(std::vector<Edge>{{0, 1}}));
  };
  {
    Txn t = db.store->begin_read();
    CHECK(snapshot_info(*db.store).attached == 1);
    check_new(t);
  }
  REQUIRE(wait_for_snapshot_builds(*db.store, kWait));
  Txn t = db.store->begin_read();
  CHECK(snapshot_info(*db.store).attached == 2);
  check_new(t);
}
