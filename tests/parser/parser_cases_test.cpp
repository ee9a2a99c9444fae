// Runs every case of tests/parser/cases/*.test (format: case_file.h).
// KITH_PRINT_ACTUAL=1 prints what each case actually gives, to help write new ones.
#include <doctest/doctest.h>

#include <cstdlib>
#include <iostream>

#include "case_file.h"
#include "query/ast/ast_printer.h"
#include "query/parser/parser.h"
#include "storage/error.h"

namespace {

std::string actual_result(const std::string& query) {
  try {
    return kith::query::ast::to_string(kith::query::parse(query));
  } catch (const kith::Error& e) {
    return "error " + std::string(e.code_name()) + " " + std::to_string(e.line()) + ":" +
           std::to_string(e.column()) + " " + e.message();
  }
}

}  // namespace

TEST_CASE("parser cases from tests/parser/cases") {
  auto cases = kith::test::read_all_cases(KITH_PARSER_CASES_DIR);
  REQUIRE(cases.size() > 100);
  bool print = std::getenv("KITH_PRINT_ACTUAL") != nullptr;
  for (const auto& c : cases) {
    CAPTURE(c.file);
    CAPTURE(c.line);
    CAPTURE(c.title);
    CAPTURE(c.query);
    std::string actual = kith::test::normalise_space(actual_result(c.query));
    if (print) std::cout << c.file << ":" << c.line << " " << c.title << "\n-> " << actual << "\n";
    if (c.expected == "ok") {
      CHECK_MESSAGE(actual.rfind("error ", 0) != 0, actual);
    } else if (c.expected.rfind("error ", 0) == 0 && actual.rfind("error ", 0) == 0 &&
               c.expected.size() < actual.size()) {
      // "error Code line:col" without a message checks the code and place only.
      CHECK(actual.substr(0, c.expected.size()) == c.expected);
      CHECK(actual[c.expected.size()] == ' ');
    } else {
      CHECK(actual == c.expected);
    }
  }
}
