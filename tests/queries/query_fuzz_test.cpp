// Robustness: mutated versions of every query in the *.test files run on a
// small graph must each give a result or a kith::Error, never a crash, a
// hang (every statement gets a 100 ms timeout) or another exception type.
// Deterministic (fixed seed); KITH_QUERY_FUZZ=<n> runs n mutations instead
// of the default 10,000.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>

#include "engine/database.h"
#include "storage/error.h"
#include "tests/queries/query_case_file.h"

namespace fs = std::filesystem;
using namespace kith;

namespace {

// Pieces that make a mutation likely to reach the planner and the engine
// rather than stop in the lexer.
const char* const kFragments[] = {
    "(", ")", "[", "]", "{", "}", ",", ".", ":", "|", "-", "->", "<-", "*", "*..", "*0..",
    " null ", " 0 ", " -1 ", " 9223372036854775807 ", " 1.5 ", " \"x\" ", " [] ", " {} ",
    " $p ", " n ", " AND ", " OR ", " NOT ", " IN ", " IS NULL ", " WHERE ", " WITH * ",
    " RETURN ", " MATCH ", " OPTIONAL MATCH ", " UNWIND [1, null] AS z ", " ORDER BY 1 ",
    " LIMIT 1 ", " DISTINCT ", " count(*) ", " collect(", " CASE WHEN ", " END ", " / 0 ",
    " UNION ", " DELETE ", " DETACH DELETE ", " SET ", " MERGE ", " CREATE ", " EXISTS { ",
    " shortestPath(", " size(", " =~ ", " STARTS WITH ", " WITHIN 3 DAYS ", " :KNOWS ",
};

// Whole words (split at spaces) swapped, dropped or replaced: mutants that
// still lex and often parse, so they reach the planner and the engine.
std::string mutate_words(const std::string& q, std::mt19937_64& rng) {
  std::vector<std::string> w;
  for (size_t i = 0; i <= q.size();) {
    const size_t j = std::min(q.find(' ', i), q.size());
    w.push_back(q.substr(i, j - i));
    i = j + 1;
  }
  const size_t a = rng() % w.size(), b = rng() % w.size();
  switch (rng() % 3) {
    case 0: std::swap(w[a], w[b]); break;
    case 1: w.erase(w.begin() + static_cast<std::ptrdiff_t>(a)); break;
    default: w[a] = kFragments[rng() % std::size(kFragments)];
  }
  std::string out;
  for (size_t i = 0; i < w.size(); ++i) out += (i ? " " : "") + w[i];
  return out;
}

std::string mutate(const std::string& q, std::mt19937_64& rng) {
  if (rng() % 2 == 0) return mutate_words(q, rng);
  std::string s = q;
  // Mostly one small edit, so that many mutants still parse and run.
  const int edits = rng() % 4 == 0 ? 2 : 1;
  for (int e = 0; e < edits; ++e) {
    const size_t at = s.empty() ? 0 : rng() % (s.size() + 1);
    const size_t last = s.empty() ? 0 : std::min(at, s.size() - 1);
    switch (rng() % 10) {
      case 0:
      case 1:  // delete a short span
        if (!s.empty()) s.erase(last, 1 + rng() % 3);
        break;
      case 2:
      case 3:
      case 4:  // insert a fragment
        s.insert(at, kFragments[rng() % std::size(kFragments)]);
        break;
      case 5:  // replace a character with a random printable one
        if (!s.empty()) s[last] = static_cast<char>(32 + rng() % 95);
        break;
      case 6:
      case 7:  // duplicate a span somewhere else
        if (!s.empty()) {
          const size_t from = rng() % s.size();
          s.insert(at, s.substr(from, 1 + rng() % 12));
        }
        break;
      case 8:  // truncate
        s.resize(at);
        break;
      default:  // a random byte, possibly not UTF-8
        s.insert(at, 1, static_cast<char>(rng() % 256));
    }
  }
  return s;
}

}  // namespace

TEST_CASE("mutated queries give a result or a kith::Error, never a crash") {
  std::vector<std::string> corpus;
  for (const auto& e : fs::directory_iterator(KITH_QUERY_CASES_DIR)) {
    if (e.path().extension() != ".test") continue;
    for (const auto& c : query_test::read_case_file(e.path().string())) corpus.push_back(c.query);
  }
  std::sort(corpus.begin(), corpus.end());  // directory order is not stable
  REQUIRE(corpus.size() > 100);

  std::string tmpl = (fs::temp_directory_path() / "kith-fuzz-XXXXXX").string();
  REQUIRE(mkdtemp(tmpl.data()) != nullptr);
  const fs::path dir = tmpl;
  {
    auto db = Database::open((dir / "graph.kith").string());
    // Mutated writes may grow the graph (each `MATCH (n) CREATE ()` doubles
    // it), so it is rebuilt whenever it gets big.
    auto reset = [&] {
      db->query("MATCH (n) DETACH DELETE n");
      db->query(
          "CREATE (a:Person {name: 'Ann', age: 30})-[:KNOWS {since: 2020}]->(b:Person {name: 'Bob'}),"
          " (b)-[:KNOWS]->(c:Person:Admin {name: 'Cy', age: 35}), (c)-[:KNOWS]->(a),"
          " (a)-[:WORKS_AT]->(:Company {name: 'Acme'})");
    };
    reset();
    const int n = std::getenv("KITH_QUERY_FUZZ") ? std::atoi(std::getenv("KITH_QUERY_FUZZ")) : 10000;
    std::mt19937_64 rng(20261123);
    int ok = 0, errors = 0;
    std::map<std::string, int> by_code;
    for (int i = 0; i < n; ++i) {
      if (i % 50 == 0 && db->query("MATCH (n) RETURN count(n)").rows.at(0).at(0).as_int() > 100) {
        reset();
      }
      const std::string q = mutate(corpus[rng() % corpus.size()], rng);
      QueryOptions options;
      options.params["p"] = Value(int64_t{1});
      options.params["now"] = Value("2026-06-20T10:00:00Z");
      options.timeout = std::chrono::milliseconds(100);
      try {
        db->query(q, options);
        ++ok;
      } catch (const Error& e) {
        ++errors;
        by_code[std::string(e.code_name())]++;
      } catch (const std::exception& e) {
        FAIL_CHECK("not a kith::Error: " << e.what() << "\n  query: " << q);
      }
    }
    std::string codes;
    for (const auto& [code, count] : by_code) codes += " " + code + "=" + std::to_string(count);
    MESSAGE(ok << " mutated queries ran, " << errors << " failed with kith::Error:" << codes);
    CHECK(ok > 0);
    CHECK(errors > 0);
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}
