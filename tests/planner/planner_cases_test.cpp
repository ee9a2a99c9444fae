// Runs every case of tests/planner/cases/*.test (format: plan_case_file.h).
// KITH_PLANNER_UPDATE=1 rewrites the expectations with the actual output
// (review the diff before committing).
#include <doctest/doctest.h>

#include <cstdlib>

#include "storage/error.h"
#include "tests/planner/plan_case_file.h"
#include "tests/planner/test_catalog.h"

namespace {

std::string actual_result(const kith::test::PlanCase& c) {
  try {
    return kith::test::explain_text(c.query);
  } catch (const kith::Error& e) {
    return "error " + std::string(e.code_name()) + " " + std::to_string(e.line()) + ":" +
           std::to_string(e.column()) + " " + e.message();
  }
}

}  // namespace

TEST_CASE("planner cases from tests/planner/cases") {
  auto files = kith::test::plan_case_files(KITH_PLANNER_CASES_DIR);
  REQUIRE(files.size() >= 5);
  bool update = std::getenv("KITH_PLANNER_UPDATE") != nullptr;
  size_t total = 0;
  for (const auto& f : files) {
    if (update) kith::test::rewrite_plan_cases(f, actual_result);
    for (const auto& c : kith::test::read_plan_cases(f)) {
      ++total;
      CAPTURE(c.file);
      CAPTURE(c.line);
      CAPTURE(c.title);
      CAPTURE(c.query);
      std::string actual = actual_result(c);
      if (c.expected == "ok")
        CHECK_MESSAGE(actual.rfind("error ", 0) != 0, actual);
      else
        CHECK(actual == c.expected);
    }
  }
  CHECK(total > 50);
}
