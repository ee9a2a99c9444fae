// Every LDBC query of tests/ldbc/queries plans without error against the
// LDBC-like fake catalog, and its main pipeline starts from an index seek and
// never scans all nodes (each query has a person or message id to start
// from). Subplans (pattern comprehensions) are not checked: IC14's joins its
// two path ends by a disjunction, which no seek can use.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "query/plan/explain.h"
#include "storage/error.h"
#include "tests/planner/test_catalog.h"

namespace {

// The explain text without the lines of expression subplans.
std::string main_tree(const std::string& explain) {
  std::istringstream in(explain);
  std::string out;
  size_t skip_deeper_than = std::string::npos;
  for (std::string line; std::getline(in, line);) {
    size_t content = line.find_first_not_of(" \xe2\x94\x80\x82\x9c\x94");  // tree drawing
    if (skip_deeper_than != std::string::npos) {
      if (content > skip_deeper_than) continue;
      skip_deeper_than = std::string::npos;
    }
    if (line.compare(content, 9, "subplan: ") == 0) {
      skip_deeper_than = content;
      continue;
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("every LDBC query plans from an index seek") {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(KITH_LDBC_QUERIES_DIR))
    if (e.path().extension() == ".cypher") files.push_back(e.path());
  REQUIRE(files.size() == 21);
  for (const auto& f : files) {
    CAPTURE(f.filename().string());
    std::ifstream in(f);
    std::stringstream text;
    text << in.rdbuf();
    std::string plan;
    try {
      plan = kith::test::explain_text(text.str());
    } catch (const kith::Error& e) {
      FAIL(e.to_string());
    }
    CAPTURE(plan);
    std::string main = main_tree(plan);
    CHECK(main.find("AllNodesScan") == std::string::npos);
    CHECK(main.find("IndexSeek") != std::string::npos);
    CHECK(main.find("subplan") == std::string::npos);
  }
}

TEST_CASE("subplans are left out of the main tree") {
  std::string plan =
      kith::test::explain_text("MATCH (a:Person {id: 1}) WHERE (a)-[:KNOWS]->() RETURN a");
  CHECK(plan.find("subplan: Expand") != std::string::npos);
  CHECK(main_tree(plan) ==
        "ProduceResults [a]\n"
        "└─ Filter (a)-[:KNOWS]->()   ~1 row\n"
        "   └─ IndexSeek a:Person(id = 1)   ~1 row\n");
}
