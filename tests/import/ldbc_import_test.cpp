// The LDBC SF0.1 data set loaded with its own import.args: the exact counts
// of the data set's README and a sample of values, labels and relationships.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "storage/import/importer.h"
#include "tests/import/graph_helpers.h"
#include "tests/import/test_files.h"

using namespace kith::storage::import;
using kith::Value;
using kith::test::TempDir;

namespace {

// The data set's own import.args, file names resolved against its folder.
ImportOptions ldbc_options(const std::string& db) {
  const std::string dir = KITH_LDBC_DIR;
  ImportOptions o;
  o.db_path = db;
  std::ifstream args(dir + "/import.args");
  REQUIRE(args.good());
  std::string line;
  while (std::getline(args, line)) apply_import_arg(line, dir, o);
  return o;
}

uint64_t count_of(const ImportSummary& s, const std::string& name) {
  for (const auto& [n, c] : s.nodes_per_label) {
    if (n == name) return c;
  }
  for (const auto& [n, c] : s.rels_per_type) {
    if (n == name) return c;
  }
  return 0;
}

}  // namespace

TEST_CASE("LDBC SF0.1 loads with the README's counts and values") {
  TempDir dir;
  ImportOptions o = ldbc_options(dir.file("ldbc.kith"));
  REQUIRE(o.nodes.size() == 8);
  REQUIRE(o.relationships.size() == 15);
  ImportSummary s = run_import(o);
  CHECK(s.bad_rows == 0);
  CHECK(count_of(s, "Person") == 1528);
  CHECK(count_of(s, "Comment") == 151043);
  CHECK(count_of(s, "Post") == 135701);
  CHECK(count_of(s, "Message") == 286744);
  CHECK(count_of(s, "Forum") == 13750);
  CHECK(count_of(s, "Organisation") == 7955);
  CHECK(count_of(s, "Place") == 1460);
  CHECK(count_of(s, "Tag") == 16080);
  CHECK(count_of(s, "TagClass") == 71);
  CHECK(count_of(s, "KNOWS") == 14073);
  CHECK(s.nodes == 1528 + 286744 + 13750 + 7955 + 1460 + 16080 + 71);

  auto store = kith::test::open_read_only(o.db_path);
  auto txn = store->begin_read();
  // The store agrees with the summary.
  CHECK(kith::test::label_count(txn, "Person") == 1528);
  CHECK(kith::test::label_count(txn, "Message") == 286744);
  CHECK(kith::test::type_count(txn, "KNOWS") == 14073);
  CHECK(txn.node_count() == s.nodes);
  CHECK(txn.rel_count() == s.relationships);

  // Every --nodes label gets an index on its id column (not :LABEL labels).
  auto indexed = [&](const char* label) {
    auto l = txn.find_label(label);
    auto k = txn.find_prop_key("id");
    return l && k && txn.find_index(*l, *k).has_value();
  };
  for (const char* l : {"Person", "Comment", "Post", "Message", "Forum", "Organisation", "Place", "Tag", "TagClass"}) {
    CHECK_MESSAGE(indexed(l), l);
  }
  CHECK_FALSE(indexed("Company"));
  CHECK(txn.indexes().size() == 9);
  {
    auto person_id = txn.find_index(*txn.find_label("Person"), *txn.find_prop_key("id"));
    auto c = txn.index_lookup(person_id->id, Value(int64_t{933}));
    auto batch = c.next_batch();
    REQUIRE(batch.size() == 1);
    CHECK(kith::test::node_prop(txn, batch[0], "firstName") == Value("Mahinda"));
  }

  // Ids are INT64 properties, so {id: 933} finds Mahinda Perera.
  kith::NodeId mahinda = kith::test::find_node(txn, "Person", "id", Value(int64_t{933}));
  CHECK(kith::test::labels_of(txn, mahinda) == std::set<std::string>{"Person"});
  CHECK(kith::test::node_prop(txn, mahinda, "firstName") == Value("Mahinda"));
  CHECK(kith::test::node_prop(txn, mahinda, "lastName") == Value("Perera"));
  CHECK(kith::test::node_prop(txn, mahinda, "birthday") == Value(int64_t{19891203}));
  CHECK(kith::test::node_prop(txn, mahinda, "creationDate") == Value(int64_t{20100214153210447}));

  kith::NodeId kam_air = kith::test::find_node(txn, "Organisation", "id", Value(int64_t{0}));
  CHECK(kith::test::labels_of(txn, kam_air) == std::set<std::string>{"Organisation", "Company"});
  CHECK(kith::test::node_prop(txn, kam_air, "name") == Value("Kam_Air"));

  kith::NodeId india = kith::test::find_node(txn, "Place", "id", Value(int64_t{0}));
  CHECK(kith::test::labels_of(txn, india) == std::set<std::string>{"Place", "Country"});
  CHECK(kith::test::node_prop(txn, india, "name") == Value("India"));

  // Key spaces: Tag 0 and Forum 0 are different nodes.
  kith::NodeId tag0 = kith::test::find_node(txn, "Tag", "id", Value(int64_t{0}));
  kith::NodeId forum0 = kith::test::find_node(txn, "Forum", "id", Value(int64_t{0}));
  CHECK(tag0 != forum0);
  CHECK(kith::test::node_prop(txn, tag0, "name") == Value("Hamid_Karzai"));
  CHECK(kith::test::node_prop(txn, forum0, "title") == Value("Wall of Mahinda Perera"));

  // A Post with an image and no content: the empty fields are absent.
  kith::NodeId photo = kith::test::find_node(txn, "Post", "id", Value(int64_t{481036337184}));
  CHECK(kith::test::labels_of(txn, photo) == std::set<std::string>{"Post", "Message"});
  CHECK(kith::test::node_prop(txn, photo, "imageFile") == Value("photo481036337184.jpg"));
  CHECK(kith::test::node_prop(txn, photo, "content").is_null());
  CHECK(kith::test::node_prop(txn, photo, "language").is_null());
  CHECK(kith::test::node_prop(txn, photo, "length") == Value(int64_t{0}));

  // Mahinda KNOWS 3 people (stored once per pair) and WORKS_AT 3 companies since 2013.
  auto knows = kith::test::out_edges(txn, mahinda, "KNOWS");
  REQUIRE(knows.size() == 3);
  bool found_first = false;
  for (const kith::Edge& e : knows) {
    if (kith::test::node_prop(txn, e.neighbour, "id") == Value(int64_t{2199023256077})) {
      found_first = true;
      CHECK(kith::test::rel_prop(txn, e.rel, "creationDate") == Value(int64_t{20100422123057947}));
    }
  }
  CHECK(found_first);
  auto work = kith::test::out_edges(txn, mahinda, "WORK_AT");
  REQUIRE(work.size() == 3);
  for (const kith::Edge& e : work) {
    CHECK(kith::test::rel_prop(txn, e.rel, "workFrom") == Value(int64_t{2013}));
    CHECK(kith::test::labels_of(txn, e.neighbour).count("Organisation") == 1);
  }
}
