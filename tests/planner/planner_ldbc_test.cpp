// Every LDBC query of tests/ldbc/queries plans without error against the
// LDBC-like fake catalog, and starts from an index seek (none scans all
// nodes or a whole label: each has a person or message id to start from).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "query/plan/explain.h"
#include "storage/error.h"
#include "tests/planner/test_catalog.h"

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
    CHECK(plan.find("AllNodesScan") == std::string::npos);
    CHECK(plan.find("LabelScan") == std::string::npos);
    CHECK(plan.find("IndexSeek") != std::string::npos);
  }
}
