// Runs every LDBC SNB Interactive read in queries/ (IS1-IS7, IC1-IC14) with
// every parameter set of reference/<q>.expected on ../shared/data/ldbc-sf01
// and compares the rows as text. How the answers were obtained (Kuzu 0.11.3,
// cross-checked by an independent traversal over the CSVs) and what they mean
// is in reference/README.md.
//
// A query listed in kKnownFailures is still run; its mismatch is printed as
// KNOWN FAILURE with the reason instead of failing the test, and a known
// failure that passes fails the test so the marker gets removed.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/database.h"
#include "tests/support/temp_dir.h"
#include "engine/result_format.h"
#include "storage/error.h"
#include "storage/import/importer.h"
#include "tests/ldbc/reference_file.h"
#include "tests/ldbc/reference_text.h"

namespace fs = std::filesystem;
using namespace kith;
using namespace kith::ldbc_test;

namespace {

// query name -> why it fails today (printed with every mismatch).
const std::map<std::string, std::string> kKnownFailures = {
};

// The imported data set, shared by every query; removed at exit.
struct LdbcDatabase {
  testing::TempDir dir;  // declared first: removed after the database closes
  std::unique_ptr<Database> db;

  LdbcDatabase() {
    storage::import::ImportOptions options;
    options.db_path = dir.file("ldbc.kith");
    std::ifstream args(std::string(KITH_LDBC_DIR) + "/import.args");
    std::string line;
    while (std::getline(args, line)) storage::import::apply_import_arg(line, KITH_LDBC_DIR, options);
    storage::import::run_import(options);
    db = Database::open(options.db_path);
  }
};

Database& ldbc() {
  static LdbcDatabase instance;
  return *instance.db;
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Params params_from_json(const std::string& text) {
  Params out;
  const nlohmann::json j = nlohmann::json::parse(text);  // items() must not outlive it
  for (const auto& [k, v] : j.items()) out[k] = json_to_value(v);
  return out;
}

double as_number(const Value& v) {
  if (v.type() == ValueType::Int) return static_cast<double>(v.as_int());
  if (v.type() == ValueType::Double) return v.as_double();
  return 0;
}

// Compares one result with one reference block; returns "" when they agree,
// else a description of the first difference.
std::string compare(const QueryResult& r, const ReferenceBlock& ref) {
  std::ostringstream why;
  if (r.columns != ref.columns) {
    why << "columns differ: got";
    for (const auto& c : r.columns) why << " " << c;
    return why.str();
  }
  std::vector<bool> sorted_lists(r.columns.size());
  for (size_t i = 0; i < r.columns.size(); ++i) {
    sorted_lists[i] = std::find(ref.unordered_lists.begin(), ref.unordered_lists.end(),
                                r.columns[i]) != ref.unordered_lists.end();
  }
  std::vector<std::string> got;
  for (const auto& row : r.rows) {
    std::string text;
    for (size_t i = 0; i < row.size(); ++i) {
      text += (i ? "|" : "") + reference_text(row[i], sorted_lists[i]);
    }
    got.push_back(text);
  }
  std::vector<std::string> want = ref.rows;
  if (ref.order != "ordered") {
    if (ref.order.rfind("desc(", 0) == 0) {
      const std::string col = ref.order.substr(5, ref.order.size() - 6);
      const size_t at = std::find(r.columns.begin(), r.columns.end(), col) - r.columns.begin();
      for (size_t i = 1; i < r.rows.size() && at < r.columns.size(); ++i) {
        if (as_number(r.rows[i][at]) > as_number(r.rows[i - 1][at])) {
          return "rows not in descending order of " + col + " at row " + std::to_string(i + 1);
        }
      }
    }
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
  }
  if (got.size() != want.size()) {
    why << "expected " << want.size() << " rows, got " << got.size();
  }
  for (size_t i = 0; i < std::max(got.size(), want.size()); ++i) {
    const std::string g = i < got.size() ? got[i] : "(none)";
    const std::string w = i < want.size() ? want[i] : "(none)";
    if (g != w) {
      why << (why.tellp() ? "; " : "") << "first difference at row " << i + 1 << ":\n  expected "
          << w << "\n  got      " << g;
      break;
    }
  }
  return why.str();
}

// KITH_LDBC_REFERENCE_DIR overrides the reference folder: answers for other
// parameter sets made the same way (a held-out check of generality).
std::string reference_dir() {
  const char* dir = std::getenv("KITH_LDBC_REFERENCE_DIR");
  return dir ? dir : KITH_LDBC_REFERENCE_DIR;
}

std::vector<std::string> query_names() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(KITH_LDBC_QUERIES_DIR)) {
    if (e.path().extension() == ".cypher") names.push_back(e.path().stem().string());
  }
  // is1..is7 then ic1..ic14, numerically.
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    if (a.substr(0, 2) != b.substr(0, 2)) return a.substr(0, 2) > b.substr(0, 2);
    return std::stoi(a.substr(2)) < std::stoi(b.substr(2));
  });
  return names;
}

}  // namespace

TEST_CASE("every LDBC query has a reference and every reference a query") {
  const auto names = query_names();
  CHECK(names.size() == 21);
  for (const auto& n : names) {
    CHECK_MESSAGE(fs::exists(fs::path(reference_dir()) / (n + ".expected")), n);
  }
}

// KITH_LDBC_QUERY="..." (with KITH_LDBC_PARAMS='{"k": v}') runs one more
// statement on the imported data and prints its table: for looking into a
// failure without importing by hand.
TEST_CASE("an ad-hoc query given in KITH_LDBC_QUERY") {
  const char* text = std::getenv("KITH_LDBC_QUERY");
  if (!text) return;
  QueryOptions options;
  if (const char* p = std::getenv("KITH_LDBC_PARAMS")) options.params = params_from_json(p);
  try {
    const QueryResult r = ldbc().query(text, options);
    std::cout << (r.plan.empty() ? "" : r.plan + "\n") << result_to_table(r);
  } catch (const Error& e) {
    std::cout << e.to_string() << "\n";
  }
}

TEST_CASE("LDBC SNB Interactive reads give the reference answers") {
  if (std::getenv("KITH_LDBC_QUERY")) return;
  Database& db = ldbc();
  int passed = 0, failed = 0, known = 0;
  std::ostringstream summary;
  for (const auto& name : query_names()) {
    const std::string text = read_text(fs::path(KITH_LDBC_QUERIES_DIR) / (name + ".cypher"));
    const auto blocks =
        read_reference_file((fs::path(reference_dir()) / (name + ".expected")).string());
    const auto known_it = kKnownFailures.find(name);
    int ok = 0;
    std::vector<double> timings;
    std::string first_problem;
    Params first_problem_params;
    for (const auto& ref : blocks) {
      std::string problem;
      try {
        QueryOptions options;
        options.params = params_from_json(ref.params_json);
        options.timeout = std::chrono::seconds(20);
        options.allow_writes = false;
        problem = compare(db.query(text, options), ref);
        // KITH_LDBC_TIMING=N: N more runs of each parameter set (after the
        // checked one, which warms up), for a quick look at latency; the
        // real comparison with Kuzu is bench/'s job, not a test's.
        if (const char* runs = std::getenv("KITH_LDBC_TIMING")) {
          for (int i = 0; i < std::atoi(runs); ++i) {
            const auto t0 = std::chrono::steady_clock::now();
            db.query(text, options);
            timings.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
          }
        }
      } catch (const Error& e) {
        problem = e.to_string();
      }
      if (problem.empty()) {
        ++ok;
      } else if (first_problem.empty()) {
        first_problem = "params " + ref.params_json + ": " + problem;
        first_problem_params = params_from_json(ref.params_json);
      }
    }
    const bool all_ok = ok == static_cast<int>(blocks.size());
    summary << "  " << name << ": " << ok << "/" << blocks.size() << " parameter sets";
    if (!timings.empty()) {
      std::sort(timings.begin(), timings.end());
      summary << " (median " << timings[timings.size() / 2] << " ms over " << timings.size() << " runs)";
    }
    if (all_ok && known_it == kKnownFailures.end()) {
      ++passed;
      summary << " pass\n";
    } else if (!all_ok && known_it != kKnownFailures.end()) {
      ++known;
      summary << " KNOWN FAILURE (" << known_it->second << ")\n    " << first_problem << "\n";
    } else if (all_ok) {
      ++failed;
      summary << " passes but is marked as a known failure: remove the marker\n";
      FAIL_CHECK(name << " passes but is listed in kKnownFailures");
    } else {
      ++failed;
      summary << " FAIL\n    " << first_problem << "\n";
      try {  // the plan, for the report on a planner or engine bug
        QueryOptions explain_options;
        explain_options.params = first_problem_params;
        summary << db.query("EXPLAIN " + text, explain_options).plan << "\n";
      } catch (const Error& e) {
        summary << "    EXPLAIN failed: " << e.to_string() << "\n";
      }
      FAIL_CHECK(name << ": " << first_problem);
    }
  }
  std::cout << "LDBC: " << passed << " pass, " << failed << " fail, " << known
            << " known failures\n"
            << summary.str();
}
