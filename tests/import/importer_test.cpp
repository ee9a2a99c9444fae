// The importer through its C++ API: labels, types, properties, key spaces,
// id types, input specs and the overwrite rule.
#include <doctest/doctest.h>

#include <algorithm>

#include "storage/error.h"
#include "storage/import/importer.h"
#include "tests/import/graph_helpers.h"
#include "tests/import/test_files.h"

using namespace kith::storage::import;
using kith::Value;
using kith::test::TempDir;

namespace {

InputGroup group(std::vector<std::string> names, std::vector<std::string> files) {
  return InputGroup{std::move(names), std::move(files)};
}

ImportOptions options_for(const TempDir& dir) {
  ImportOptions o;
  o.db_path = dir.file("graph.kith");
  return o;
}

uint64_t count_of(const std::vector<std::pair<std::string, uint64_t>>& counts, const std::string& name) {
  for (const auto& [n, c] : counts) {
    if (n == name) return c;
  }
  return 0;
}

}  // namespace

TEST_CASE("nodes and relationships with typed properties, labels and key spaces") {
  TempDir dir;
  std::string people = dir.write("people.csv",
                                 "id:ID(Person),name,age:INT,score:DOUBLE,vip:BOOLEAN,born:DATE,"
                                 "seen:DATETIME,nick:STRING[],lucky:INT[],junk:IGNORE,:LABEL\n"
                                 "1,Ann,41,0.5,true,1985-02-03,2026-01-02T03:04:05Z,a;b,3;7,zzz,VIP;Customer\n"
                                 "2,\"Lee, Bo\",,,,,,,,zzz,\n");
  std::string companies = dir.write("companies.csv", "id:ID(Company),name\n1,Acme\n2,Globex\n");
  std::string works = dir.write("works.csv",
                                ":START_ID(Person),:END_ID(Company),since:INT\n"
                                "1,2,2020\n"
                                "2,1,\n");
  ImportOptions o = options_for(dir);
  o.nodes = {group({"Person"}, {people})};
  o.relationships = {group({"WORKS_AT"}, {works})};
  o.nodes.push_back(group({"Company", "Organisation"}, {companies}));

  ImportSummary s = run_import(o);
  CHECK(s.nodes == 4);
  CHECK(s.relationships == 2);
  CHECK(s.bad_rows == 0);
  CHECK(s.store_bytes > 0);
  CHECK(count_of(s.nodes_per_label, "Person") == 2);
  CHECK(count_of(s.nodes_per_label, "VIP") == 1);
  CHECK(count_of(s.nodes_per_label, "Company") == 2);
  CHECK(count_of(s.nodes_per_label, "Organisation") == 2);
  CHECK(count_of(s.rels_per_type, "WORKS_AT") == 2);

  auto store = kith::test::open_read_only(o.db_path);
  auto txn = store->begin_read();
  kith::NodeId ann = kith::test::find_node(txn, "Person", "id", Value(int64_t{1}));
  CHECK(kith::test::labels_of(txn, ann) == std::set<std::string>{"Person", "VIP", "Customer"});
  CHECK(kith::test::node_prop(txn, ann, "name") == Value("Ann"));
  CHECK(kith::test::node_prop(txn, ann, "age") == Value(int64_t{41}));
  CHECK(kith::test::node_prop(txn, ann, "score") == Value(0.5));
  CHECK(kith::test::node_prop(txn, ann, "vip") == Value(true));
  kith::Date born;
  REQUIRE(kith::parse_date("1985-02-03", born));
  CHECK(kith::test::node_prop(txn, ann, "born") == Value(born));
  kith::DateTime seen;
  REQUIRE(kith::parse_datetime("2026-01-02T03:04:05Z", seen));
  CHECK(kith::test::node_prop(txn, ann, "seen") == Value(seen));
  CHECK(kith::test::node_prop(txn, ann, "nick") == Value(Value::List{"a", "b"}));
  CHECK(kith::test::node_prop(txn, ann, "lucky") == Value(Value::List{int64_t{3}, int64_t{7}}));
  CHECK(kith::test::node_prop(txn, ann, "junk").is_null());
  CHECK_FALSE(txn.find_prop_key("junk").has_value());

  // Empty fields are absent properties.
  kith::NodeId lee = kith::test::find_node(txn, "Person", "id", Value(int64_t{2}));
  CHECK(kith::test::labels_of(txn, lee) == std::set<std::string>{"Person"});
  CHECK(kith::test::node_prop(txn, lee, "name") == Value("Lee, Bo"));
  CHECK(kith::test::node_prop(txn, lee, "age").is_null());
  CHECK(kith::test::node_prop(txn, lee, "nick").is_null());

  // Person 1 and Company 1 are different nodes; relationships find the
  // right one through their key spaces.
  kith::NodeId acme = kith::test::find_node(txn, "Company", "name", Value("Acme"));
  kith::NodeId globex = kith::test::find_node(txn, "Company", "name", Value("Globex"));
  CHECK(kith::test::labels_of(txn, acme) == std::set<std::string>{"Company", "Organisation"});
  auto ann_jobs = kith::test::out_edges(txn, ann, "WORKS_AT");
  REQUIRE(ann_jobs.size() == 1);
  CHECK(ann_jobs[0].neighbour == globex);
  CHECK(kith::test::rel_prop(txn, ann_jobs[0].rel, "since") == Value(int64_t{2020}));
  auto lee_jobs = kith::test::out_edges(txn, lee, "WORKS_AT");
  REQUIRE(lee_jobs.size() == 1);
  CHECK(lee_jobs[0].neighbour == acme);
  CHECK(kith::test::rel_prop(txn, lee_jobs[0].rel, "since").is_null());
}

TEST_CASE("the global key space, labels only from :LABEL and a :TYPE column") {
  TempDir dir;
  std::string nodes = dir.write("nodes.csv",
                                ":ID,name,:LABEL\n"
                                "a,Alpha,Thing\n"
                                "b,Beta,Thing;Other\n");
  std::string rels = dir.write("rels.csv",
                               ":START_ID,:END_ID,:TYPE,w:FLOAT\n"
                               "a,b,LIKES,0.25\n"
                               "b,a,HATES,\n"
                               "a,a,,\n");
  ImportOptions o = options_for(dir);
  o.nodes = {group({}, {nodes})};
  o.relationships = {group({"RELATES"}, {rels})};
  ImportSummary s = run_import(o);
  CHECK(s.nodes == 2);
  CHECK(s.relationships == 3);
  CHECK(count_of(s.rels_per_type, "LIKES") == 1);
  CHECK(count_of(s.rels_per_type, "HATES") == 1);
  CHECK(count_of(s.rels_per_type, "RELATES") == 1);  // empty :TYPE: the file's type

  auto store = kith::test::open_read_only(o.db_path);
  auto txn = store->begin_read();
  kith::NodeId a = kith::test::find_node(txn, "Thing", "name", Value("Alpha"));
  kith::NodeId b = kith::test::find_node(txn, "Thing", "name", Value("Beta"));
  CHECK(kith::test::labels_of(txn, b) == std::set<std::string>{"Thing", "Other"});
  // An unnamed :ID column is a key only, not a property.
  CHECK(kith::test::node_prop(txn, a, "id").is_null());
  auto likes = kith::test::out_edges(txn, a, "LIKES");
  REQUIRE(likes.size() == 1);
  CHECK(likes[0].neighbour == b);
  CHECK(kith::test::rel_prop(txn, likes[0].rel, "w") == Value(0.25));
  CHECK(kith::test::type_count(txn, "HATES") == 1);
}

TEST_CASE("id types: actual keeps numbers numeric and 007 apart from 7; string and integer") {
  TempDir dir;
  std::string nodes = dir.write("n.csv", "id:ID(K),name\n7,seven\n007,bond\nx1,text\n");
  std::string rels = dir.write("r.csv", ":START_ID(K),:END_ID(K)\n007,7\nx1,007\n");
  {
    ImportOptions o = options_for(dir);
    o.nodes = {group({"N"}, {nodes})};
    o.relationships = {group({"R"}, {rels})};
    run_import(o);
    auto store = kith::test::open_read_only(o.db_path);
    auto txn = store->begin_read();
    kith::NodeId seven = kith::test::find_node(txn, "N", "id", Value(int64_t{7}));
    kith::NodeId bond = kith::test::find_node(txn, "N", "id", Value("007"));
    kith::NodeId text = kith::test::find_node(txn, "N", "id", Value("x1"));
    CHECK(kith::test::node_prop(txn, seven, "name") == Value("seven"));
    auto e = kith::test::out_edges(txn, bond, "R");
    REQUIRE(e.size() == 1);
    CHECK(e[0].neighbour == seven);
    e = kith::test::out_edges(txn, text, "R");
    REQUIRE(e.size() == 1);
    CHECK(e[0].neighbour == bond);
  }
  {
    ImportOptions o = options_for(dir);
    o.overwrite = true;
    o.id_type = IdType::String;
    o.nodes = {group({"N"}, {nodes})};
    run_import(o);
    auto store = kith::test::open_read_only(o.db_path);
    auto txn = store->begin_read();
    CHECK(kith::test::find_nodes(txn, "N", "id", Value("7")).size() == 1);
    CHECK(kith::test::find_nodes(txn, "N", "id", Value(int64_t{7})).empty());
  }
  {
    // With integer ids, 007 and 7 are the same key: a duplicate.
    ImportOptions o = options_for(dir);
    o.overwrite = true;
    o.id_type = IdType::Integer;
    o.nodes = {group({"N"}, {dir.write("ints.csv", "id:ID(K)\n7\n8\n")})};
    run_import(o);
    auto store = kith::test::open_read_only(o.db_path);
    auto txn = store->begin_read();
    CHECK(kith::test::find_nodes(txn, "N", "id", Value(int64_t{8})).size() == 1);
    o.nodes = {group({"N"}, {nodes})};
    CHECK_THROWS_WITH_AS(run_import(o), doctest::Contains("n.csv:3: duplicate key '007' in key space 'K'"),
                         kith::Error);
  }
}

TEST_CASE("several files per group, each with its own header, tab delimiter and CRLF") {
  TempDir dir;
  std::string a = dir.write("a.tsv", "\xEF\xBB\xBFid:ID(P)\tname\r\n1\tOne\r\n");
  std::string b = dir.write("b.tsv", "name\tid:ID(P)\r\nTwo\t2\r\n");
  std::string r = dir.write("r.tsv", ":START_ID(P)\t:END_ID(P)\r\n1\t2\r\n");
  ImportOptions o = options_for(dir);
  o.delimiter = '\t';
  o.nodes = {group({"P"}, {a, b})};
  o.relationships = {group({"KNOWS"}, {r})};
  ImportSummary s = run_import(o);
  CHECK(s.nodes == 2);
  CHECK(s.relationships == 1);
  auto store = kith::test::open_read_only(o.db_path);
  auto txn = store->begin_read();
  kith::NodeId two = kith::test::find_node(txn, "P", "id", Value(int64_t{2}));
  CHECK(kith::test::node_prop(txn, two, "name") == Value("Two"));
}

TEST_CASE("an existing database is kept unless overwrite is set") {
  TempDir dir;
  std::string nodes = dir.write("n.csv", "id:ID\n1\n");
  ImportOptions o = options_for(dir);
  o.nodes = {group({"N"}, {nodes})};
  run_import(o);
  std::string before = kith::test::read_file(o.db_path);
  try {
    run_import(o);
    FAIL("overwrote without --overwrite");
  } catch (const kith::Error& e) {
    CHECK(e.code() == kith::ErrorCode::IoError);
  }
  CHECK(kith::test::read_file(o.db_path) == before);
  dir.write("n.csv", "id:ID\n1\n2\n3\n");
  o.overwrite = true;
  CHECK(run_import(o).nodes == 3);
}

TEST_CASE("input specs, delimiters and id types from their option text") {
  InputGroup g = parse_input_group("Comment:Message=Comment.csv");
  CHECK(g.names == std::vector<std::string>{"Comment", "Message"});
  CHECK(g.files == std::vector<std::string>{"Comment.csv"});
  g = parse_input_group("LIKES=a.csv,b.csv");
  CHECK(g.names == std::vector<std::string>{"LIKES"});
  CHECK(g.files == std::vector<std::string>{"a.csv", "b.csv"});
  g = parse_input_group("nodes.csv");
  CHECK(g.names.empty());
  CHECK(g.files == std::vector<std::string>{"nodes.csv"});
  CHECK_THROWS_AS(parse_input_group("A=a.csv,"), kith::Error);
  CHECK_THROWS_AS(parse_input_group("A::B=a.csv"), kith::Error);
  CHECK_THROWS_AS(parse_input_group("=a.csv"), kith::Error);

  CHECK(parse_delimiter("|", "delimiter") == '|');
  CHECK(parse_delimiter("\\t", "delimiter") == '\t');
  CHECK(parse_delimiter("TAB", "delimiter") == '\t');
  CHECK_THROWS_AS(parse_delimiter("||", "delimiter"), kith::Error);
  CHECK_THROWS_AS(parse_delimiter("\"", "delimiter"), kith::Error);
  CHECK(parse_id_type("actual") == IdType::Actual);
  CHECK(parse_id_type("string") == IdType::String);
  CHECK(parse_id_type("integer") == IdType::Integer);
  CHECK_THROWS_AS(parse_id_type("int"), kith::Error);

  ImportOptions o;
  for (const char* line : {"--delimiter=|", "", "--array-delimiter=,", "--id-type=string\r",
                           "--nodes=Person=Person.csv", "--relationships=KNOWS=/abs/k.csv,k2.csv"}) {
    apply_import_arg(line, "/data", o);
  }
  CHECK(o.delimiter == '|');
  CHECK(o.array_delimiter == ',');
  CHECK(o.id_type == IdType::String);
  REQUIRE(o.nodes.size() == 1);
  CHECK(o.nodes[0].files == std::vector<std::string>{"/data/Person.csv"});
  REQUIRE(o.relationships.size() == 1);
  CHECK(o.relationships[0].files == std::vector<std::string>{"/abs/k.csv", "/data/k2.csv"});
  CHECK_THROWS_AS(apply_import_arg("--db=x", "/data", o), kith::Error);
}
