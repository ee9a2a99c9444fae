#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "storage/bulk_loader.h"
#include "storage/error.h"
#include "tests/storage/temp_dir.h"

// GCC 12 reports moves of std::variant-based Values as maybe-uninitialized
// (a known false positive, GCC bug 105593 and relatives) once inlined here.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

using namespace kith;
using namespace kith::storage;
using kith::storage::testing::drain;
using kith::storage::testing::TempDir;

namespace {

// The same graph, through either writer: a deterministic mix of labels,
// property types, relationship types, self-loops, a hub and isolated nodes.
template <typename AddNode, typename AddRel>
void build_graph(LabelId person, LabelId company, RelTypeId knows, RelTypeId works,
                 PropKeyId name, PropKeyId score, AddNode add_node, AddRel add_rel) {
  const int kNodes = 3000;
  for (int i = 0; i < kNodes; ++i) {
    std::vector<LabelId> labels;
    if (i % 2 == 0) labels.push_back(person);
    if (i % 3 == 0) labels.push_back(company);
    Properties props;
    if (i % 5 != 0) {
      std::string n = "n";
      n += std::to_string(i);  // (not operator+: GCC 12 -Wrestrict false positive)
      props.emplace_back(name, Value(std::move(n)));
    }
    if (i % 7 == 0) props.emplace_back(score, Value(i * 0.5));
    add_node(labels, props);
  }
  for (int i = 0; i < kNodes; ++i) {
    NodeId from = static_cast<NodeId>((i * 7919) % kNodes);
    Properties props;
    props.emplace_back(score, Value(int64_t{i}));
    add_rel(knows, from, static_cast<NodeId>((i * 104729 + 13) % kNodes), std::move(props));
    if (i % 4 == 0) add_rel(works, from, 0, Properties());  // node 0: a hub
    if (i % 100 == 0) add_rel(knows, from, from, Properties());
  }
}

void compare_stores(GraphStore& a, GraphStore& b) {
  Txn x = a.begin_read(), y = b.begin_read();
  CHECK(x.labels() == y.labels());
  CHECK(x.rel_types() == y.rel_types());
  CHECK(x.prop_keys() == y.prop_keys());
  CHECK(x.node_count() == y.node_count());
  CHECK(x.rel_count() == y.rel_count());
  for (auto& [id, name] : x.labels()) {
    CHECK(x.node_count(id) == y.node_count(id));
    CHECK(drain(x.scan_label(id)) == drain(y.scan_label(id)));
  }
  for (auto& [id, name] : x.rel_types()) CHECK(x.rel_count(id) == y.rel_count(id));
  auto nodes = drain(x.scan_all_nodes());
  CHECK(nodes == drain(y.scan_all_nodes()));
  size_t mismatches = 0;
  for (NodeId n : nodes) {
    auto nx = x.get_node(n), ny = y.get_node(n);
    if (!ny || nx->labels != ny->labels || nx->properties != ny->properties) ++mismatches;
    for (auto& [type, tname] : x.rel_types()) {
      for (Direction d : {Direction::Out, Direction::In}) {
        auto ex = drain(x.adjacency(n, type, d)), ey = drain(y.adjacency(n, type, d));
        if (ex.size() != ey.size() || x.degree(n, type, d) != y.degree(n, type, d)) {
          ++mismatches;
          continue;
        }
        for (size_t i = 0; i < ex.size(); ++i) {
          if (ex[i].neighbour != ey[i].neighbour || ex[i].rel != ey[i].rel) ++mismatches;
        }
      }
    }
  }
  for (RelId r = 0; r < x.rel_count(); ++r) {
    auto rx = x.get_rel(r), ry = y.get_rel(r);
    if (!rx || !ry || rx->type != ry->type || rx->start != ry->start || rx->end != ry->end ||
        rx->properties != ry->properties) {
      ++mismatches;
    }
  }
  CHECK(mismatches == 0);
}

}  // namespace

TEST_CASE("BulkLoader builds the same database as transactions do") {
  TempDir dir;
  std::string bulk_path = dir.file("bulk.kith"), txn_path = dir.file("txn.kith");
  {
    BulkLoader loader(bulk_path, false);
    LabelId person = loader.label("Person"), company = loader.label("Company");
    RelTypeId knows = loader.rel_type("KNOWS"), works = loader.rel_type("WORKS_AT");
    PropKeyId name = loader.prop_key("name"), score = loader.prop_key("score");
    build_graph(
        person, company, knows, works, name, score,
        [&](const std::vector<LabelId>& l, Properties p) { loader.add_node(l, std::move(p)); },
        [&](RelTypeId t, NodeId s, NodeId e, Properties p) { loader.add_rel(t, s, e, std::move(p)); });
    CHECK(loader.node_count() == 3000);
    CHECK(loader.finish() > 0);
  }
  CHECK_FALSE(std::filesystem::exists(bulk_path + ".tmp-" + std::to_string(::getpid())));
  auto via_txn = GraphStore::open(txn_path);
  via_txn->write([](Txn& t) {
    LabelId person = t.intern_label("Person"), company = t.intern_label("Company");
    RelTypeId knows = t.intern_rel_type("KNOWS"), works = t.intern_rel_type("WORKS_AT");
    PropKeyId name = t.intern_prop_key("name"), score = t.intern_prop_key("score");
    build_graph(
        person, company, knows, works, name, score,
        [&](const std::vector<LabelId>& l, Properties p) { t.create_node(l, std::move(p)); },
        [&](RelTypeId type, NodeId s, NodeId e, Properties p) { t.create_rel(type, s, e, std::move(p)); });
  });
  auto bulk = GraphStore::open(bulk_path);
  compare_stores(*bulk, *via_txn);
  // The loaded file is an ordinary database: writable, ids continue.
  bulk->write([](Txn& t) {
    CHECK(t.create_node({}) == 3000);
    uint64_t rels_before = t.rel_count();
    CHECK(t.create_rel(0, 1, 2, {}) == rels_before);
    PropKeyId name = *t.find_prop_key("name");
    IndexId ix = t.create_index(*t.find_label("Person"), name);
    CHECK(drain(t.index_lookup(ix, Value("n2"))) == std::vector<NodeId>{2});
  });
}

TEST_CASE("an abandoned BulkLoader leaves the target untouched") {
  TempDir dir;
  std::string path = dir.file("db.kith");
  GraphStore::open(path)->write([](Txn& t) { t.create_node({}); });
  auto size_before = std::filesystem::file_size(path);
  {
    BulkLoader loader(path, true);
    LabelId l = loader.label("L");
    const LabelId labels[] = {l};
    for (int i = 0; i < 1000; ++i) loader.add_node(labels, {});
    CHECK_THROWS_AS(loader.add_rel(0, 0, 5000, {}), Error);  // unknown type and node
  }
  CHECK(std::filesystem::file_size(path) == size_before);
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
  }
  auto store = GraphStore::open(path);
  Txn r = store->begin_read();
  CHECK(r.node_count() == 1);
  CHECK(r.labels().empty());
}

TEST_CASE("BulkLoader refuses to overwrite unless asked, and bad ids are InvalidInput") {
  TempDir dir;
  std::string path = dir.file("db.kith");
  std::ofstream(path) << "precious";
  try {
    BulkLoader loader(path, false);
    FAIL("expected IoError");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::IoError);
  }
  try {
    BulkLoader loader(dir.file("missing/db.kith"), false);
    FAIL("expected IoError");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::IoError);
  }
  BulkLoader loader(dir.file("new.kith"), false);
  RelTypeId t = loader.rel_type("T");
  NodeId a = loader.add_node({}, {});
  for (auto fn : std::vector<std::function<void()>>{
           [&] { loader.add_rel(t, a, 1, {}); },
           [&] { loader.add_rel(t + 1, a, a, {}); },
           [&] { loader.add_node(std::vector<LabelId>{3}, {}); },
           [&] { loader.add_node({}, {{9, Value(1)}}); }}) {
    try {
      fn();
      FAIL("expected InvalidInput");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::InvalidInput);
    }
  }
}

TEST_CASE("BulkLoader: an empty graph loads, and finish() runs once") {
  TempDir dir;
  std::string path = dir.file("empty.kith");
  BulkLoader loader(path, false);
  loader.label("Unused");
  CHECK(loader.finish() > 0);
  CHECK_THROWS_AS(loader.finish(), Error);
  CHECK_THROWS_AS(loader.add_node({}, {}), Error);
  auto store = GraphStore::open(path);
  Txn r = store->begin_read();
  CHECK(r.node_count() == 0);
  CHECK(r.node_count(0) == 0);
  CHECK(r.label_name(0) == "Unused");
  CHECK(drain(r.scan_all_nodes()).empty());
  CHECK(drain(r.scan_label(0)).empty());
}

TEST_CASE("BulkLoader builds declared property indexes that seek like Txn-built ones") {
  TempDir dir;
  const std::string path = dir.file("indexed.db");
  {
    BulkLoader b(path, false);
    LabelId person = b.label("Person");
    LabelId company = b.label("Company");
    PropKeyId id = b.prop_key("id");
    PropKeyId name = b.prop_key("name");
    b.add_index(person, id);
    b.add_index(person, id);  // twice: one index
    b.add_index(company, name);
    for (int i = 0; i < 500; ++i) {
      std::vector<LabelId> labels{i % 2 == 0 ? person : company};
      Properties props{{id, Value(int64_t{1000 - i})}};
      if (i % 2 == 1) props.emplace_back(name, Value(i % 10 == 1 ? "Acme" : "Other"));
      b.add_node(labels, props);
    }
    b.finish();
  }
  auto store = GraphStore::open(path);
  Txn txn = store->begin_read();
  const LabelId person = *txn.find_label("Person");
  const LabelId company = *txn.find_label("Company");
  const PropKeyId id = *txn.find_prop_key("id");
  const PropKeyId name = *txn.find_prop_key("name");
  REQUIRE(txn.indexes().size() == 2);
  auto by_id = txn.find_index(person, id);
  REQUIRE(by_id);
  CHECK(drain(txn.index_lookup(by_id->id, Value(int64_t{1000}))) == std::vector<NodeId>{0});
  CHECK(drain(txn.index_lookup(by_id->id, Value(int64_t{999}))).empty());  // node 1 is a Company
  CHECK(drain(txn.index_range(by_id->id, Bound{Value(int64_t{990}), true}, Bound{Value(int64_t{996}), false})) ==
        std::vector<NodeId>{10, 8, 6});  // ids 990, 992, 994 in value order
  auto by_name = txn.find_index(company, name);
  REQUIRE(by_name);
  CHECK(drain(txn.index_lookup(by_name->id, Value("Acme"))).size() == 50);
  // Distinct values, the planner's estimate for an equality seek.
  CHECK(txn.index_distinct_values(by_id->id) == 250);
  CHECK(txn.index_distinct_values(by_name->id) == 2);
  // The store goes on maintaining the bulk-built index.
  txn.abort();
  store->write([&](Txn& w) {
    w.set_node_property(2, id, Value(int64_t{5}));
    w.create_index(person, name);  // a later index gets a fresh id
  });
  Txn r = store->begin_read();
  CHECK(drain(r.index_lookup(by_id->id, Value(int64_t{5}))) == std::vector<NodeId>{2});
  CHECK(drain(r.index_lookup(by_id->id, Value(int64_t{998}))).empty());
  CHECK(r.indexes().size() == 3);
}
