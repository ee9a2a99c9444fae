// The data-driven planner test format (tests/planner/cases/*.test):
//
//   # comment lines (before a case's query)
//   ## case: what this case shows
//   MATCH (p:Person {id: 933})-[:KNOWS]-(f)
//   RETURN f.firstName AS name
//   ->
//   ProduceResults [name]
//   └─ Projection [f.firstName AS name]   ~20 rows
//      ...
//
// The query is every line between "## case:" and the line starting with
// "->"; the expectation is either the rest of that line:
//   -> ok                                        (plans without error)
//   -> error UnknownVariable 2:8 <message>       (code, position, message)
// or, when "->" is alone on its line, the explain() text on the lines that
// follow, up to the next "## case:" (trailing blank lines ignored; the
// indentation is compared exactly).
#pragma once

#include <string>
#include <vector>

namespace kith::test {

struct PlanCase {
  std::string file;
  int line = 0;  // of the "## case:" line
  std::string title;
  std::string query;
  std::string expected;  // "ok", "error ...", or the explain text (ending in '\n')
};

std::vector<PlanCase> read_plan_cases(const std::string& path);
std::vector<std::string> plan_case_files(const std::string& dir);  // every *.test, sorted

// Rewrites `path` with each case's expectation replaced by actual(case)
// (except "ok" cases): KITH_PLANNER_UPDATE=1 uses it to refresh files,
// whose diff is then reviewed like code.
void rewrite_plan_cases(const std::string& path, std::string (*actual)(const PlanCase&));

}  // namespace kith::test
