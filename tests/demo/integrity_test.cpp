// Referential integrity: node keys are unique per key space and every
// relationship end names an existing node of the right space.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "demo_data_set.h"

using namespace kith::demo::test;

namespace {

// "id:ID(Person)" / ":START_ID(Person)" -> "Person"
std::string space_of(const std::string& header) {
  const size_t open = header.find('('), close = header.find(')');
  return header.substr(open + 1, close - open - 1);
}

}  // namespace

TEST_CASE("node keys are unique and relationship ends exist") {
  const DemoData& d = small_demo();
  std::map<std::string, std::set<std::string>> keys;
  for (const auto& [file, t] : d.tables) {
    if (t.header[0].find(":ID(") == std::string::npos) continue;
    auto& space = keys[space_of(t.header[0])];
    for (const auto& row : t.rows) CHECK_MESSAGE(space.insert(row[0]).second, file << " duplicate id " << row[0]);
  }
  CHECK(keys.size() == 6);
  CHECK(keys["Person"].size() == 2000);

  uint64_t checked = 0;
  for (const auto& [file, t] : d.tables) {
    if (t.header[0].rfind(":START_ID(", 0) != 0) continue;
    REQUIRE(t.header[1].rfind(":END_ID(", 0) == 0);
    const auto& from = keys.at(space_of(t.header[0]));
    const auto& to = keys.at(space_of(t.header[1]));
    CHECK_MESSAGE(!t.rows.empty(), file);
    for (const auto& row : t.rows) {
      CHECK_MESSAGE(from.count(row[0]), file << " unknown start " << row[0]);
      CHECK_MESSAGE(to.count(row[1]), file << " unknown end " << row[1]);
      ++checked;
    }
  }
  CHECK(checked > 30000);
}

TEST_CASE("KNOWS holds each pair once, never a self-loop") {
  std::set<std::pair<std::string, std::string>> pairs;
  for (const auto& row : small_demo()["Person_KNOWS_Person.csv"].rows) {
    CHECK(row[0] != row[1]);
    const auto key = std::minmax(row[0], row[1]);
    CHECK_MESSAGE(pairs.insert({key.first, key.second}).second, row[0] << "-" << row[1]);
  }
}

TEST_CASE("every signal has exactly one owner") {
  const DemoData& d = small_demo();
  std::map<std::string, int> owners;
  for (const char* f : {"Company_HAS_SIGNAL_Signal.csv", "Person_HAS_SIGNAL_Signal.csv"})
    for (const auto& row : d[f].rows) ++owners[row[1]];
  CHECK(owners.size() == d["Signal.csv"].rows.size());
  for (const auto& [id, n] : owners) CHECK_MESSAGE(n == 1, id);
}

TEST_CASE("employment histories: at most one current job, jobs in order") {
  const DemoData& d = small_demo();
  std::map<std::string, std::vector<const std::vector<std::string>*>> jobs;
  for (const auto& row : d["Person_WORKS_AT_Company.csv"].rows) jobs[row[0]].push_back(&row);
  uint64_t employed = 0;
  for (const auto& [person, list] : jobs) {
    CHECK(list.size() >= 1);
    CHECK(list.size() <= 4);
    int current = 0;
    for (size_t i = 0; i < list.size(); ++i) {
      const auto& job = *list[i];
      if (job[4].empty()) {
        ++current;
        CHECK_MESSAGE(i + 1 == list.size(), person);  // the current job is the latest
      } else {
        CHECK(job[3] <= job[4]);  // ISO dates compare as text
      }
      if (i > 0) CHECK((*list[i - 1])[3] <= job[3]);
    }
    CHECK(current <= 1);
    employed += current;
  }
  CHECK(jobs.size() == 2000);
  CHECK(employed > 1800);
  CHECK(employed < 2000);  // some people are between jobs
}

TEST_CASE("company names, domains and person emails are unique") {
  const DemoData& d = small_demo();
  for (const auto& [file, column] : std::map<std::string, int>{{"Company.csv", 1}, {"Person.csv", 2}}) {
    std::set<std::string> seen;
    for (const auto& row : d[file].rows) CHECK_MESSAGE(seen.insert(row[column]).second, file << " " << row[column]);
  }
  std::set<std::string> domains;
  for (const auto& row : d["Company.csv"].rows) CHECK_MESSAGE(domains.insert(row[2]).second, row[2]);
}
