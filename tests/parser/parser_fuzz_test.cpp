// 10,000 random and mutated query strings: each must give an AST or a
// positioned SyntaxError — never a crash, a hang or another exception.
// Deterministic (fixed seed) so a failure reproduces; the failing input is
// printed. Seeds are the valid queries of the case files and LDBC queries.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "case_file.h"
#include "query/ast/ast_printer.h"
#include "query/parser/parser.h"
#include "storage/error.h"

namespace {

std::vector<std::string> seed_queries() {
  std::vector<std::string> seeds;
  for (const auto& c : kith::test::read_all_cases(KITH_PARSER_CASES_DIR))
    if (c.expected.rfind("error", 0) != 0) seeds.push_back(c.query);
  for (const auto& entry : std::filesystem::directory_iterator(KITH_LDBC_QUERIES_DIR)) {
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    seeds.push_back(ss.str());
  }
  return seeds;
}

std::vector<std::string> split_tokens(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    bool word = std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    if (!word && !cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
    if (word)
      cur += c;
    else
      out.push_back(std::string(1, c));
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

class Mutator {
 public:
  explicit Mutator(uint32_t seed) : rng_(seed) {}

  size_t below(size_t n) { return n == 0 ? 0 : std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }

  std::string mutate(std::string s) {
    static const std::string pieces[] = {
        "(", ")", "[", "]", "{", "}", ",", ".", "..", ":", "|", "$", "-", "->", "<-", "*", "=", "'", "\"",
        "`", "\\", "/*", "//", "\n", " ", "MATCH", "RETURN", "WHERE", "WITH", "CASE", "END", "WITHIN",
        "DAYS", "WARMEST", "FIND", "EXISTS", "NOT", "IN", "IS NULL", "99999999999999999999", "1e999",
        "0x", "\\u12", "\xff", "\xc3", "é", ";", "UNION", "OPTIONAL", "shortestPath(", "count(*)"};
    int edits = 1 + static_cast<int>(below(4));
    for (int i = 0; i < edits; ++i) {
      switch (below(8)) {
        case 0:  // delete a character range
          if (!s.empty()) {
            size_t at = below(s.size());
            s.erase(at, 1 + below(std::min<size_t>(8, s.size() - at)));
          }
          break;
        case 1:  // insert a syntax piece
          s.insert(below(s.size() + 1), pieces[below(std::size(pieces))]);
          break;
        case 2: {  // swap two tokens
          auto t = split_tokens(s);
          if (t.size() > 1) std::swap(t[below(t.size())], t[below(t.size())]);
          s.clear();
          for (auto& x : t) s += x;
          break;
        }
        case 3: {  // delete a token
          auto t = split_tokens(s);
          if (!t.empty()) t.erase(t.begin() + static_cast<long>(below(t.size())));
          s.clear();
          for (auto& x : t) s += x;
          break;
        }
        case 4:  // random bytes
          for (size_t k = 0, n = 1 + below(6); k < n; ++k)
            s.insert(below(s.size() + 1), 1, static_cast<char>(below(256)));
          break;
        case 5:  // duplicate a slice
          if (!s.empty()) {
            size_t at = below(s.size());
            s.insert(below(s.size() + 1), s.substr(at, 1 + below(20)));
          }
          break;
        case 6:  // truncate
          s.resize(below(s.size() + 1));
          break;
        default:  // replace a character with a printable one
          if (!s.empty()) s[below(s.size())] = static_cast<char>(32 + below(95));
          break;
      }
    }
    return s;
  }

  std::string random_text() {
    std::string s;
    size_t n = below(60);
    for (size_t i = 0; i < n; ++i) s += static_cast<char>(below(4) ? 32 + below(95) : below(256));
    return s;
  }

  std::string hostile() {
    switch (below(6)) {
      case 0: return "RETURN " + std::string(2000 + below(5000), '(') + "1";
      case 1: return "RETURN [" + std::string(1000 + below(2000), '[');
      case 2: return "RETURN " + std::string(100 + below(100000), '9');
      case 3: return "RETURN '" + std::string(1000 + below(100000), 'x');
      case 4: {
        std::string s = "MATCH (a)";
        for (size_t i = 0, n = 100 + below(2000); i < n; ++i) s += "-[:R]->()";
        return s + " RETURN a";
      }
      default: {
        std::string s = "RETURN ";
        for (size_t i = 0, n = 100 + below(3000); i < n; ++i) s += "NOT ";
        return s + "true";
      }
    }
  }

 private:
  std::mt19937 rng_;
};

}  // namespace

TEST_CASE("10,000 random and mutated queries never crash the parser") {
  auto seeds = seed_queries();
  REQUIRE(seeds.size() > 50);
  Mutator m(20260622);
  int parsed = 0, rejected = 0;
  for (int i = 0; i < 10000; ++i) {
    std::string q;
    size_t kind = m.below(20);
    if (kind == 0)
      q = m.random_text();
    else if (kind == 1)
      q = m.hostile();
    else
      q = m.mutate(seeds[m.below(seeds.size())]);
    try {
      auto s = kith::query::parse(q);
      (void)kith::query::ast::to_string(s);
      ++parsed;
    } catch (const kith::Error& e) {
      if (e.code() != kith::ErrorCode::SyntaxError || e.line() == 0 || e.column() == 0)
        FAIL("input #" << i << " gave " << e.to_string() << " for: " << q.substr(0, 300));
      ++rejected;
    } catch (const std::exception& e) {
      FAIL("input #" << i << " threw " << e.what() << " for: " << q.substr(0, 300));
    }
  }
  MESSAGE("parsed " << parsed << ", rejected " << rejected);
  CHECK(parsed > 100);  // the mutations are not all fatal: the test explores both paths
  CHECK(rejected > 1000);
}
