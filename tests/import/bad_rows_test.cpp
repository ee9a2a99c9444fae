// Each kind of bad input: by default the import stops at the first bad row
// with file:line: reason and leaves the target as it was; with skip_bad_rows
// the rest loads and every bad row is listed in the report.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>

#include "storage/error.h"
#include "storage/import/importer.h"
#include "tests/import/graph_helpers.h"
#include "tests/import/test_files.h"

using namespace kith::storage::import;
using kith::Value;
using kith::test::TempDir;

namespace {

const char* kNodeHeader = "id:ID(P),name,age:INT,ok:BOOLEAN,d:DATE\n";
const char* kGoodNodes = "1,A,1,true,2020-01-01\n2,B,2,false,2020-01-02\n";
const char* kRelHeader = ":START_ID(P),:END_ID(P)\n";

std::set<std::string> dir_entries(const TempDir& dir) {
  std::set<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    out.insert(e.path().filename().string());
  }
  return out;
}

ImportOptions options(const TempDir& dir, const std::string& nodes, const std::string& rels) {
  ImportOptions o;
  o.db_path = dir.file("db.kith");
  o.nodes = {InputGroup{{"P"}, {nodes}}};
  o.relationships = {InputGroup{{"R"}, {rels}}};
  return o;
}

// Runs an import that must fail and returns its message; checks that the
// target and the directory are exactly as before.
std::string failing_import(const TempDir& dir, const ImportOptions& o) {
  std::set<std::string> entries = dir_entries(dir);
  bool existed = kith::test::file_exists(o.db_path);
  std::string before = existed ? kith::test::read_file(o.db_path) : "";
  std::string message;
  try {
    run_import(o);
    FAIL("the import did not fail");
  } catch (const kith::Error& e) {
    CHECK(e.code() == kith::ErrorCode::InvalidInput);
    message = e.message();
  }
  CHECK(kith::test::file_exists(o.db_path) == existed);
  if (existed) CHECK(kith::test::read_file(o.db_path) == before);
  std::set<std::string> after = dir_entries(dir);
  after.erase(std::filesystem::path(o.db_path).filename().string() + ".bad-rows.txt");
  CHECK(after == entries);  // no temporary file left behind
  return message;
}

struct BadCase {
  const char* what;
  const char* node_rows;  // appended after kGoodNodes
  const char* rel_rows;   // appended after the header
  const char* expected;   // substring of the error
};

const BadCase kCases[] = {
    {"wrong column count", "3,C,3\n", "", "p.csv:4: expected 5 fields but found 3"},
    {"too many columns", "3,C,3,true,2020-01-01,extra\n", "", "p.csv:4: expected 5 fields but found 6"},
    {"unparsable integer", "3,C,x3,true,2020-01-01\n", "",
     "p.csv:4: column 'age' (INT): cannot parse 'x3' as an integer"},
    {"unparsable boolean", "3,C,3,maybe,2020-01-01\n", "",
     "p.csv:4: column 'ok' (BOOLEAN): cannot parse 'maybe' as a boolean"},
    {"unparsable date", "3,C,3,true,01/02/2020\n", "", "p.csv:4: column 'd' (DATE): cannot parse '01/02/2020'"},
    {"duplicate key", "1,Again,3,true,2020-01-01\n", "", "p.csv:4: duplicate key '1' in key space 'P'"},
    {"empty key", ",C,3,true,2020-01-01\n", "", "p.csv:4: empty key in the ID column"},
    {"unterminated quote", "3,\"C,3,true,2020-01-01\n", "", "p.csv:4: unterminated quoted field"},
    {"text after a closing quote", "3,\"C\"x,3,true,2020-01-01\n", "", "p.csv:4: unexpected text after a closing quote"},
    {"unknown start key", "", "1,2\n99,1\n", "r.csv:3: unknown START_ID key '99' in key space 'P'"},
    {"unknown end key", "", "1,2\n1,98\n", "r.csv:3: unknown END_ID key '98' in key space 'P'"},
    {"relationship column count", "", "1\n", "r.csv:2: expected 2 fields but found 1"},
    {"line numbers count lines inside quotes", "3,\"two\nlines\",3,true,2020-01-01\n4,D,4,no,2020-01-01\n", "",
     "p.csv:6: column 'ok' (BOOLEAN)"},
};

}  // namespace

TEST_CASE("each kind of bad row stops the import and names file:line: reason") {
  for (const BadCase& c : kCases) {
    CAPTURE(c.what);
    TempDir dir;
    std::string nodes = dir.write("p.csv", std::string(kNodeHeader) + kGoodNodes + c.node_rows);
    std::string rels = dir.write("r.csv", std::string(kRelHeader) + c.rel_rows);
    ImportOptions o = options(dir, nodes, rels);
    // Into a new target: nothing is created.
    std::string message = failing_import(dir, o);
    CHECK_MESSAGE(message.find(dir.file(c.expected)) != std::string::npos, message);

    // Over an existing database: it stays byte for byte as it was.
    ImportOptions good = options(dir, dir.write("good.csv", std::string(kNodeHeader) + kGoodNodes),
                                 dir.write("goodr.csv", std::string(kRelHeader) + "1,2\n"));
    run_import(good);
    o.overwrite = true;
    message = failing_import(dir, o);
    CHECK_MESSAGE(message.find(c.expected) != std::string::npos, message);
    auto store = kith::test::open_read_only(o.db_path);
    auto txn = store->begin_read();
    CHECK(txn.node_count() == 2);
    CHECK(txn.rel_count() == 1);
  }
}

TEST_CASE("file-level errors also leave the target alone, even when skipping bad rows") {
  TempDir dir;
  std::string nodes = dir.write("p.csv", std::string(kNodeHeader) + kGoodNodes);
  std::string rels = dir.write("r.csv", std::string(kRelHeader) + "1,2\n");
  for (bool skip : {false, true}) {
    CAPTURE(skip);
    ImportOptions o = options(dir, nodes, rels);
    o.skip_bad_rows = skip;
    o.relationships[0].files.push_back(dir.file("missing.csv"));
    std::set<std::string> entries = dir_entries(dir);
    try {
      run_import(o);
      FAIL("no error");
    } catch (const kith::Error& e) {
      CHECK(e.code() == kith::ErrorCode::IoError);
      CHECK(e.message().find("missing.csv") != std::string::npos);
    }
    CHECK(dir_entries(dir) == entries);

    ImportOptions h = options(dir, dir.write("h.csv", "id:ID(P),age:NUMBER\n1,2\n"), rels);
    h.skip_bad_rows = skip;
    CHECK(failing_import(dir, h).find("h.csv:1: header: column 'age:NUMBER': unknown type 'NUMBER'") !=
          std::string::npos);
    ImportOptions two = options(dir, dir.write("two.csv", "a:ID(P),b:ID(Q)\n1,2\n"), rels);
    two.skip_bad_rows = skip;
    CHECK(failing_import(dir, two).find("two.csv:1: header: two ID columns") != std::string::npos);
    ImportOptions unknown_space = options(dir, nodes, dir.write("q.csv", ":START_ID(P),:END_ID(Q)\n1,1\n"));
    unknown_space.skip_bad_rows = skip;
    CHECK(failing_import(dir, unknown_space)
              .find("q.csv:1: header: :END_ID refers to key space 'Q', but no node file has an ID column for it") !=
          std::string::npos);
    ImportOptions empty = options(dir, dir.write("empty.csv", ""), rels);
    empty.skip_bad_rows = skip;
    CHECK(failing_import(dir, empty).find("empty.csv: the file is empty") != std::string::npos);
    ImportOptions untyped = options(dir, nodes, rels);
    untyped.skip_bad_rows = skip;
    untyped.relationships[0].names.clear();
    CHECK(failing_import(dir, untyped).find("no relationship type") != std::string::npos);
  }
}

TEST_CASE("skip_bad_rows loads the good rows and reports every bad one") {
  TempDir dir;
  std::string nodes = dir.write("p.csv", std::string(kNodeHeader) + kGoodNodes +
                                             "3,C,3\n"                                  // 4: count
                                             "4,D,x,true,2020-01-01\n"                  // 5: int
                                             "5,E,5,maybe,2020-01-01\n"                 // 6: bool
                                             "6,F,6,true,not-a-date\n"                  // 7: date
                                             "1,Again,7,true,2020-01-01\n"              // 8: duplicate
                                             ",G,8,true,2020-01-01\n"                   // 9: empty key
                                             "7,\"multi\nline\",9,true,2020-01-01\n"    // 10-11: good
                                             "8,H,x,true,2020-01-01\n"                  // 12: int
                                             "9,\"open,10,true,2020-01-01\n");          // 13: unterminated
  std::string rels = dir.write("r.csv", std::string(kRelHeader) +
                                            "1,2\n"    // 2: good
                                            "99,1\n"   // 3: unknown start
                                            "1,99\n"   // 4: unknown end
                                            "1\n"      // 5: count
                                            "2,7\n");  // 6: good
  ImportOptions o = options(dir, nodes, rels);
  o.skip_bad_rows = true;
  ImportSummary s = run_import(o);
  CHECK(s.nodes == 3);
  CHECK(s.relationships == 2);
  CHECK(s.bad_rows == 11);
  CHECK(s.bad_rows_report == o.db_path + ".bad-rows.txt");

  std::string report = kith::test::read_file(s.bad_rows_report);
  const char* expected[] = {
      "p.csv:4: expected 5 fields but found 3\n    3,C,3\n",
      "p.csv:5: column 'age' (INT): cannot parse 'x' as an integer\n    4,D,x,true,2020-01-01\n",
      "p.csv:6: column 'ok' (BOOLEAN)",
      "p.csv:7: column 'd' (DATE)",
      "p.csv:8: duplicate key '1' in key space 'P'",
      "p.csv:9: empty key",
      "p.csv:12: column 'age' (INT)",
      "p.csv:13: unterminated quoted field",
      "r.csv:3: unknown START_ID key '99' in key space 'P'\n    99,1\n",
      "r.csv:4: unknown END_ID key '99' in key space 'P'",
      "r.csv:5: expected 2 fields but found 1",
  };
  for (const char* e : expected) {
    CAPTURE(e);
    CHECK(report.find(e) != std::string::npos);
  }
  CHECK(report.find("p.csv:10") == std::string::npos);

  auto store = kith::test::open_read_only(o.db_path);
  auto txn = store->begin_read();
  kith::NodeId multi = kith::test::find_node(txn, "P", "id", Value(int64_t{7}));
  CHECK(kith::test::node_prop(txn, multi, "name") == Value("multi\nline"));
  // The duplicate row did not replace the first node with key 1.
  kith::NodeId one = kith::test::find_node(txn, "P", "id", Value(int64_t{1}));
  CHECK(kith::test::node_prop(txn, one, "name") == Value("A"));

  SUBCASE("a custom report path") {
    TempDir other;
    ImportOptions o2 = options(dir, nodes, rels);
    o2.db_path = other.file("db2.kith");
    o2.skip_bad_rows = true;
    o2.bad_rows_report = other.file("bad.txt");
    CHECK(run_import(o2).bad_rows_report == other.file("bad.txt"));
    CHECK(kith::test::read_file(other.file("bad.txt")) == report);
  }

  SUBCASE("more bad rows than allowed fail the import and load nothing") {
    ImportOptions limited = options(dir, nodes, rels);
    limited.overwrite = true;
    limited.skip_bad_rows = true;
    limited.max_bad_rows = 10;
    std::string before = kith::test::read_file(o.db_path);
    std::string message;
    try {
      run_import(limited);
      FAIL("no error");
    } catch (const kith::Error& e) {
      message = e.message();
    }
    CHECK(message.find("more than 10 bad rows") != std::string::npos);
    CHECK(message.find("r.csv:5: expected 2 fields") != std::string::npos);
    CHECK(kith::test::read_file(o.db_path) == before);
    limited.max_bad_rows = 11;
    CHECK(run_import(limited).bad_rows == 11);
  }
}
