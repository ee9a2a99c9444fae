// The 21 LDBC SNB Interactive reads (IS1-IS7, IC1-IC14) in their openCypher
// form, as tests/ldbc/queries/*.cypher hold them for the engine tests, must
// all parse.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "query/ast/ast_printer.h"
#include "query/parser/parser.h"
#include "storage/error.h"

TEST_CASE("all LDBC interactive read queries parse") {
  std::vector<std::string> names;
  for (int i = 1; i <= 7; ++i) names.push_back("is" + std::to_string(i));
  for (int i = 1; i <= 14; ++i) names.push_back("ic" + std::to_string(i));
  for (const auto& name : names) {
    CAPTURE(name);
    std::ifstream in(std::string(KITH_LDBC_QUERIES_DIR) + "/" + name + ".cypher");
    REQUIRE(in.good());
    std::stringstream text;
    text << in.rdbuf();
    try {
      auto statement = kith::query::parse(text.str());
      CHECK(std::holds_alternative<kith::query::ast::Query>(statement.body));
    } catch (const kith::Error& e) {
      FAIL(e.to_string());
    }
  }
}
