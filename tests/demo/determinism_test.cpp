// Same (people, seed, now): byte-identical files; anything else: different data.
#include <doctest/doctest.h>

#include "cli/demo/civil_time.h"
#include "cli/demo/demo_generator.h"
#include "cli/demo/schema.h"
#include "demo_data_set.h"
#include "storage/error.h"

using namespace kith::demo;
using namespace kith::demo::test;

namespace {

void expect_files(const TempDir& a, const TempDir& b, bool identical) {
  bool all_same = true;
  for (const FileSpec& f : demo_files()) {
    const bool same = read_file(a.path() / f.name) == read_file(b.path() / f.name);
    if (identical) CHECK_MESSAGE(same, f.name);
    all_same = all_same && same;
  }
  CHECK(read_file(a.path() / "import.args") == read_file(b.path() / "import.args"));
  if (!identical) CHECK_FALSE(all_same);
}

}  // namespace

TEST_CASE("the same seed gives byte-identical files") {
  TempDir a, b;
  generate_demo(config_for(3000, 11), a.path().string());
  generate_demo(config_for(3000, 11), b.path().string());
  expect_files(a, b, true);
}

TEST_CASE("a different seed gives different people and relationships") {
  TempDir a, b;
  generate_demo(config_for(3000, 11), a.path().string());
  generate_demo(config_for(3000, 12), b.path().string());
  expect_files(a, b, false);
  CHECK(read_file(a.path() / "Person.csv") != read_file(b.path() / "Person.csv"));
  CHECK(read_file(a.path() / "Person_KNOWS_Person.csv") != read_file(b.path() / "Person_KNOWS_Person.csv"));
}

TEST_CASE("timestamps follow --now; the graph does not change") {
  TempDir a, b;
  DemoConfig later = config_for(1000, 5);
  later.now = *parse_utc("2027-03-15T12:00:00Z");
  generate_demo(config_for(1000, 5), a.path().string());
  generate_demo(later, b.path().string());
  CHECK(read_file(a.path() / "Person.csv") == read_file(b.path() / "Person.csv"));
  CHECK(read_file(a.path() / "Signal.csv") != read_file(b.path() / "Signal.csv"));
  // Same pairs, same strengths, dates moved.
  const Table ka = read_csv(a.path() / "Person_KNOWS_Person.csv");
  const Table kb = read_csv(b.path() / "Person_KNOWS_Person.csv");
  REQUIRE(ka.rows.size() == kb.rows.size());
  for (size_t i = 0; i < ka.rows.size(); i += 97) {
    CHECK(ka.rows[i][0] == kb.rows[i][0]);
    CHECK(ka.rows[i][1] == kb.rows[i][1]);
    CHECK(ka.rows[i][2] == kb.rows[i][2]);
    CHECK(ka.rows[i][4] != kb.rows[i][4]);
  }
}

TEST_CASE("people outside 1,000..10,000,000 are refused") {
  TempDir a;
  CHECK_THROWS_AS(generate_demo(config_for(999, 1), a.path().string()), kith::Error);
  CHECK_THROWS_AS(generate_demo(config_for(10000001, 1), a.path().string()), kith::Error);
}
