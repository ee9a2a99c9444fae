// `kith import` as a user runs it: the built binary, its exit codes, its
// summary on stdout and its errors and progress on stderr.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <string>

#include "tests/import/graph_helpers.h"
#include "tests/import/test_files.h"

using kith::Value;
using kith::test::TempDir;

namespace {

struct Run {
  int code;
  std::string out;
  std::string err;
};

// Runs `kith import ARGS` inside `dir` (so relative file names are used).
Run kith_import(const TempDir& dir, const std::string& args) {
  std::string command = "cd '" + dir.path().string() + "' && '" + KITH_BINARY + "' import " + args + " >'" +
                        dir.file("stdout.txt") + "' 2>'" + dir.file("stderr.txt") + "' </dev/null";
  int status = std::system(command.c_str());
  REQUIRE(WIFEXITED(status));
  return {WEXITSTATUS(status), kith::test::read_file(dir.file("stdout.txt")),
          kith::test::read_file(dir.file("stderr.txt"))};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("kith import loads relative files given in both option forms and prints a summary") {
  TempDir dir;
  dir.write("people.csv", "id:ID(Person)|name|:LABEL\n1|Ann|VIP\n2|Bo|\n");
  dir.write("knows.csv", ":START_ID(Person)|:END_ID(Person)|strength:DOUBLE\n1|2|0.75\n");
  Run r = kith_import(dir, "--db graph.kith --delimiter='|' --nodes=Person=people.csv "
                           "--relationships KNOWS=knows.csv");
  CHECK_MESSAGE(r.code == 0, r.err);
  CHECK(contains(r.out, "imported 2 nodes and 1 relationships"));
  CHECK(contains(r.out, "nodes per label:"));
  CHECK(contains(r.out, "VIP"));
  CHECK(contains(r.out, "KNOWS"));
  // Not a terminal: plain progress lines, the last at 100%.
  CHECK(contains(r.err, "import: "));
  CHECK(contains(r.err, "100%"));
  CHECK_FALSE(contains(r.err, "\r"));

  auto store = kith::test::open_read_only(dir.file("graph.kith"));
  auto txn = store->begin_read();
  kith::NodeId ann = kith::test::find_node(txn, "Person", "id", Value(int64_t{1}));
  auto knows = kith::test::out_edges(txn, ann, "KNOWS");
  REQUIRE(knows.size() == 1);
  CHECK(kith::test::rel_prop(txn, knows[0].rel, "strength") == Value(0.75));
}

TEST_CASE("kith import errors: bad rows, existing targets, usage") {
  TempDir dir;
  dir.write("p.csv", "id:ID,age:INT\n1,30\n2,thirty\n");

  Run bad = kith_import(dir, "--db g.kith --nodes=P=p.csv");
  CHECK(bad.code == 1);
  CHECK_MESSAGE(contains(bad.err, "InvalidInput: p.csv:3: column 'age' (INT): cannot parse 'thirty' as an integer"),
                bad.err);
  CHECK_FALSE(kith::test::file_exists(dir.file("g.kith")));

  Run skipped = kith_import(dir, "--db g.kith --nodes=P=p.csv --skip-bad-rows");
  CHECK_MESSAGE(skipped.code == 0, skipped.err);
  CHECK(contains(skipped.out, "imported 1 nodes"));
  CHECK(contains(skipped.out, "skipped 1 bad rows"));
  CHECK(contains(skipped.out, "g.kith.bad-rows.txt"));
  CHECK(contains(kith::test::read_file(dir.file("g.kith.bad-rows.txt")), "p.csv:3: column 'age'"));

  Run exists = kith_import(dir, "--db g.kith --nodes=P=p.csv --skip-bad-rows");
  CHECK(exists.code == 1);
  CHECK(contains(exists.err, "g.kith"));
  Run overwrite = kith_import(dir, "--db g.kith --nodes=P=p.csv --skip-bad-rows=1 --overwrite "
                                   "--bad-rows-report=bad.txt");
  CHECK_MESSAGE(overwrite.code == 0, overwrite.err);
  CHECK(kith::test::file_exists(dir.file("bad.txt")));
  Run too_many = kith_import(dir, "--db g.kith --nodes=P=p.csv --skip-bad-rows=0 --overwrite");
  CHECK(too_many.code == 1);
  CHECK(contains(too_many.err, "more than 0 bad rows"));

  Run missing = kith_import(dir, "--db h.kith --nodes=P=nope.csv");
  CHECK(missing.code == 1);
  CHECK(contains(missing.err, "IoError: nope.csv: cannot open"));

  CHECK(kith_import(dir, "--nodes=P=p.csv").code == 2);                       // no --db
  CHECK(kith_import(dir, "--db x.kith --delimiter=ab --nodes=p.csv").code == 2);
  CHECK(kith_import(dir, "--db x.kith --id-type=number --nodes=p.csv").code == 2);
  CHECK(kith_import(dir, "--db x.kith --array-delimiter=, --nodes=p.csv").code == 2);
  CHECK(kith_import(dir, "--db x.kith").code == 2);                           // nothing to import
  Run help = kith_import(dir, "--help");
  CHECK(help.code == 0);
  for (const char* option : {"--nodes", "--relationships", "--delimiter", "--array-delimiter", "--id-type",
                             "--skip-bad-rows", "--bad-rows-report", "--overwrite", ":START_ID", ":IGNORE"}) {
    CAPTURE(option);
    CHECK(contains(help.out, option));
  }
}
