// `kith demo` as a user runs it.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "demo_data_set.h"

using namespace kith::demo::test;

namespace {

int run(const std::string& args, const TempDir& dir) {
  const std::string cmd = std::string(KITH_BINARY) + " demo " + args + " > " + (dir.path() / "stdout").string() +
                          " 2> " + (dir.path() / "stderr").string();
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("kith demo --out writes the files and a summary") {
  TempDir dir;
  REQUIRE(run("--people 1000 --seed 3 --out " + (dir.path() / "data").string(), dir) == 0);
  const std::string out = read_file(dir.path() / "stdout");
  CHECK(out.find("1,000 people") != std::string::npos);
  CHECK(out.find("now 2026-11-01T00:00:00Z") != std::string::npos);
  CHECK(out.find("Person 1,000") != std::string::npos);
  CHECK(read_file(dir.path() / "data" / "import.args").find("--nodes=Person=Person.csv") == 0);
  CHECK(read_csv(dir.path() / "data" / "Person.csv").rows.size() == 1000);
}

TEST_CASE("kith demo --now moves the clock and is printed") {
  TempDir dir;
  REQUIRE(run("--people 1000 --now 2027-01-15 --out " + (dir.path() / "data").string(), dir) == 0);
  CHECK(read_file(dir.path() / "stdout").find("now 2027-01-15T00:00:00Z") != std::string::npos);
}

TEST_CASE("kith demo refuses bad options") {
  TempDir dir;
  CHECK(run("--people 10 --out " + dir.path().string(), dir) == 2);
  CHECK(run("--now yesterday --out " + dir.path().string(), dir) == 2);
  CHECK(run("--out a --db b", dir) == 2);
  CHECK(run("--help", dir) == 0);
  CHECK(read_file(dir.path() / "stdout").find("--now") != std::string::npos);
}

TEST_CASE("kith demo --db generates and loads, and will not overwrite without --force") {
  TempDir dir;
  const std::string db = (dir.path() / "demo.db").string();
  REQUIRE(run("--people 1000 --db " + db, dir) == 0);
  const std::string out = read_file(dir.path() / "stdout");
  CHECK(out.find("loaded ") != std::string::npos);
  CHECK(out.find("store size") != std::string::npos);
  CHECK(std::filesystem::file_size(db) > 0);
  CHECK(run("--people 1000 --db " + db, dir) == 1);
  CHECK(read_file(dir.path() / "stderr").find("--force") != std::string::npos);
  CHECK(run("--people 1000 --force --db " + db, dir) == 0);
}
