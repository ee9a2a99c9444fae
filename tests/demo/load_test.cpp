// `kith demo --db`: the generated files load with the bulk importer and the
// store holds exactly what the CSV files hold.
#include <doctest/doctest.h>

#include <map>

#include "cli/demo/demo_generator.h"
#include "cli/demo/demo_loader.h"
#include "demo_data_set.h"
#include "storage/error.h"
#include "storage/graph_store.h"

using namespace kith::demo;
using namespace kith::demo::test;

TEST_CASE("the demo loads and the store's counts match the CSV files") {
  TempDir dir;
  const auto csv = dir.path() / "csv";
  std::filesystem::create_directories(csv);
  const DemoResult generated = generate_demo(config_for(1000, 9), csv.string());
  const std::string db = (dir.path() / "demo.db").string();
  const LoadResult loaded = load_demo(csv.string(), generated.import_args, db, false);

  std::map<std::string, uint64_t> csv_rows;
  uint64_t csv_nodes = 0, csv_rels = 0;
  for (const LabelCount& c : generated.counts) {
    csv_rows[c.label] = c.rows;
    (c.nodes ? csv_nodes : csv_rels) += c.rows;
  }
  // Counted independently from the files themselves.
  CHECK(read_csv(csv / "Person.csv").rows.size() == csv_rows["Person"]);
  CHECK(read_csv(csv / "Person_KNOWS_Person.csv").rows.size() == csv_rows["KNOWS"]);
  CHECK(loaded.nodes == csv_nodes);
  CHECK(loaded.relationships == csv_rels);
  CHECK(loaded.store_bytes > 0);

  auto store = kith::storage::GraphStore::open(db, {.read_only = true});
  auto txn = store->begin_read();
  CHECK(txn.node_count() == csv_nodes);
  CHECK(txn.rel_count() == csv_rels);
  for (const LabelCount& c : generated.counts) {
    if (c.nodes) {
      const auto label = txn.find_label(c.label);
      REQUIRE_MESSAGE(label, c.label);
      CHECK_MESSAGE(txn.node_count(*label) == c.rows, c.label);
    } else {
      const auto type = txn.find_rel_type(c.label);
      REQUIRE_MESSAGE(type, c.label);
      CHECK_MESSAGE(txn.rel_count(*type) == c.rows, c.label);
    }
  }
  // Dana Lee is there with an integer id and her consent flags.
  const auto person = txn.find_label("Person");
  const auto name = txn.find_prop_key("name"), id = txn.find_prop_key("id"), email = txn.find_prop_key("optInEmail");
  REQUIRE(person);
  REQUIRE(name);
  REQUIRE(id);
  REQUIRE(email);
  int danas = 0;
  auto cursor = txn.scan_label(*person);
  for (auto batch = cursor.next_batch(); !batch.empty(); batch = cursor.next_batch())
    for (auto node : batch) {
      const kith::Value v = txn.node_property(node, *name);
      if (v.type() == kith::ValueType::String && v.as_string() == "Dana Lee") {
        ++danas;
        CHECK(txn.node_property(node, *id) == kith::Value(int64_t{2}));
        CHECK(txn.node_property(node, *email) == kith::Value(true));
      }
    }
  CHECK(danas == 1);
}

TEST_CASE("loading refuses to replace an existing database unless asked") {
  TempDir dir;
  const auto csv = dir.path() / "csv";
  std::filesystem::create_directories(csv);
  const DemoResult generated = generate_demo(config_for(1000, 9), csv.string());
  const std::string db = (dir.path() / "demo.db").string();
  load_demo(csv.string(), generated.import_args, db, false);
  CHECK_THROWS_AS(load_demo(csv.string(), generated.import_args, db, false), kith::Error);
  CHECK(load_demo(csv.string(), generated.import_args, db, true).nodes > 1000);
}
