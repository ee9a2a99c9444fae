// Runs every tests/queries/*.test file (format: README.md): each file on a
// fresh temporary database, its setup statements and cases in file order, so
// a case sees what the writes before it left behind.
//
// A case marked `known-failure: reason` still runs: a mismatch is printed as
// KNOWN FAILURE with the reason and does not fail the test; a known failure
// that passes fails the test so the marker gets removed.
// KITH_QUERY_TEST=<file stem> runs one file only; KITH_QUERY_TRACE=1 names
// each case before it runs (to find one that crashes); KITH_QUERY_SHOW_ERRORS=1
// prints every expected error in full (to tighten an `error:` line).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/database.h"
#include "tests/support/temp_dir.h"
#include "engine/result_format.h"
#include "storage/error.h"
#include "tests/queries/canonical_text.h"
#include "tests/queries/query_case_file.h"

namespace fs = std::filesystem;
using namespace kith;
using namespace kith::query_test;

namespace {

class TempDb {
 public:
  Database& db() { return *db_; }

 private:
  testing::TempDir dir_;  // declared first: removed after the database closes
  std::unique_ptr<Database> db_ = Database::open(dir_.file("graph.kith"));
};

Params params_from_json(const std::string& text) {
  Params out;
  if (text.empty()) return out;
  const nlohmann::json j = nlohmann::json::parse(text);  // items() must not outlive it
  for (const auto& [k, v] : j.items()) out[k] = json_to_value(v);
  return out;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? sep : "") + v[i];
  return s;
}

std::string show_rows(const std::vector<std::string>& rows) {
  std::string s;
  for (const auto& r : rows) s += "\n    " + r;
  return rows.empty() ? "\n    (no rows)" : s;
}

// "" when the case's expectation holds, else what differs.
std::string run_case(Database& db, const QueryCase& c) {
  QueryOptions options;
  options.params = params_from_json(c.params_json);
  if (c.timeout_ms > 0) options.timeout = std::chrono::milliseconds(c.timeout_ms);
  QueryResult result;
  try {
    result = db.query(c.query, options);
  } catch (const Error& e) {
    if (c.error_code.empty()) return "unexpected error: " + e.to_string();
    if (std::getenv("KITH_QUERY_SHOW_ERRORS")) std::cout << "  " << e.to_string() << "\n";
    std::string pos = e.has_position()
                          ? std::to_string(e.line()) + ":" + std::to_string(e.column())
                          : "";
    if (e.code_name() != c.error_code || (!c.error_position.empty() && pos != c.error_position) ||
        e.message().rfind(c.error_prefix, 0) != 0) {
      return "expected error " + c.error_code + " " + c.error_position + " '" + c.error_prefix +
             "...', got " + e.to_string();
    }
    return "";
  }
  if (c.setup) return "";
  if (!c.error_code.empty()) {
    return "expected error " + c.error_code + ", got " + std::to_string(result.rows.size()) +
           " rows";
  }
  std::string problem;
  if (!c.plan.empty()) {
    size_t at = 0;
    for (const auto& want : c.plan) {
      const size_t found = result.plan.find(want, at);
      if (found == std::string::npos) {
        problem = "plan lacks (in order) '" + want + "':\n" + result.plan;
        break;
      }
      at = found + want.size();
    }
  }
  if (!problem.empty() || !c.has_columns) return problem;
  const std::string columns = join(result.columns, " | ");
  std::vector<std::string> got;
  for (const auto& row : result.rows) got.push_back(canonical_row(row, result));
  std::vector<std::string> want = c.rows;
  if (c.order == "unordered") {
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
  }
  if (columns != c.columns || got != want) {
    return "expected\n    columns: " + c.columns + show_rows(want) + "\n  got\n    columns: " +
           columns + show_rows(got);
  }
  return "";
}

struct Tally {
  int passed = 0, failed = 0, known = 0;
};

Tally run_file(const fs::path& path) {
  Tally tally;
  TempDb temp;
  const auto cases = read_case_file(path.string());
  const std::string file = path.filename().string();
  const bool trace = std::getenv("KITH_QUERY_TRACE") != nullptr;
  for (const auto& c : cases) {
    if (trace) std::cerr << file << ":" << c.line << " " << c.name << std::endl;
    std::string problem;
    try {
      problem = run_case(temp.db(), c);
    } catch (const std::exception& e) {
      problem = std::string("exception: ") + e.what();
    }
    const std::string where = file + ":" + std::to_string(c.line) + " " + c.name;
    if (c.setup) {
      if (!problem.empty()) {
        ++tally.failed;
        FAIL_CHECK(where << ": setup failed: " << problem);
      }
      continue;
    }
    if (c.known_failure.empty()) {
      if (problem.empty()) {
        ++tally.passed;
      } else {
        ++tally.failed;
        FAIL_CHECK(where << ":\n" << c.query << "\n  " << problem);
      }
    } else if (problem.empty()) {
      ++tally.failed;
      FAIL_CHECK(where << ": passes but is marked known-failure: remove the marker");
    } else {
      ++tally.known;
      std::cout << "KNOWN FAILURE " << where << " (" << c.known_failure << ")\n  " << problem
                << "\n";
    }
  }
  return tally;
}

}  // namespace

// The runner itself: a wrong expectation of each kind must be reported.
TEST_CASE("the runner reports a wrong row, column, order, error and plan") {
  TempDb temp;
  Database& db = temp.db();
  QueryCase c;
  c.query = "UNWIND [1, 2] AS x RETURN x, toString(x) AS s";
  c.order = "ordered";
  c.has_columns = true;
  c.columns = "x | s";
  c.rows = {"1 | \"1\"", "2 | \"2\""};
  CHECK(run_case(db, c).empty());
  c.rows = {"2 | \"2\"", "1 | \"1\""};
  CHECK(!run_case(db, c).empty());  // wrong order
  c.order = "unordered";
  CHECK(run_case(db, c).empty());
  c.rows = {"1 | 1", "2 | 2"};
  CHECK(!run_case(db, c).empty());  // a string is not an integer
  c.rows = {"1 | \"1\""};
  CHECK(!run_case(db, c).empty());  // a row missing
  c.rows = {"1 | \"1\"", "2 | \"2\""};
  c.columns = "x | t";
  CHECK(!run_case(db, c).empty());  // wrong column name

  QueryCase e;
  e.query = "RETURN 1 / 0";
  e.error_code = "ArithmeticError";
  CHECK(run_case(db, e).empty());
  e.error_prefix = "overflow";
  CHECK(!run_case(db, e).empty());  // wrong message
  e.error_prefix = "";
  e.error_code = "TypeError";
  CHECK(!run_case(db, e).empty());  // wrong code
  e.query = "RETURN 1";
  CHECK(!run_case(db, e).empty());  // no error at all
  e.query = "MATCH (n:Person RETURN n";
  e.error_code = "SyntaxError";
  e.error_position = "1:17";
  CHECK(run_case(db, e).empty());
  e.error_position = "1:16";
  CHECK(!run_case(db, e).empty());  // wrong position

  QueryCase p;
  p.query = "EXPLAIN MATCH (n:A) RETURN n";
  p.plan = {"ProduceResults [n]", "LabelScan n:A"};
  CHECK(run_case(db, p).empty());
  p.plan = {"LabelScan n:A", "ProduceResults [n]"};
  CHECK(!run_case(db, p).empty());  // lines out of order
}

TEST_CASE("query test files") {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(KITH_QUERY_CASES_DIR)) {
    if (e.path().extension() == ".test") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(!files.empty());
  const char* only = std::getenv("KITH_QUERY_TEST");
  Tally total;
  for (const auto& f : files) {
    if (only && f.stem() != only) continue;
    const Tally t = run_file(f);
    std::cout << f.filename().string() << ": " << t.passed << " pass, " << t.failed << " fail, "
              << t.known << " known failures\n";
    total.passed += t.passed;
    total.failed += t.failed;
    total.known += t.known;
  }
  std::cout << "all files: " << total.passed << " pass, " << total.failed << " fail, "
            << total.known << " known failures\n";
}
