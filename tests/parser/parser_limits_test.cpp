// Limits against hostile input, and API-level behaviour the case files cannot
// express (options, positions carried into the AST, source text of items).
#include <doctest/doctest.h>

#include <string>

#include "query/ast/ast_printer.h"
#include "query/parser/parser.h"
#include "storage/error.h"

using kith::Error;
using kith::ErrorCode;
using kith::query::parse;
using kith::query::ParseOptions;

namespace {

// Parses `text` expecting a SyntaxError; returns it for further checks.
Error syntax_error(const std::string& text, const ParseOptions& options = {}) {
  try {
    parse(text, options);
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::SyntaxError);
    return e;
  }
  FAIL("expected a SyntaxError for: " << text.substr(0, 80));
  return Error(ErrorCode::Internal, "unreachable");
}

}  // namespace

TEST_CASE("text longer than the limit is rejected before parsing") {
  ParseOptions small;
  small.max_text_bytes = 32;
  std::string q = "MATCH (n) RETURN n.name, n.title, n.email";
  Error e = syntax_error(q, small);
  CHECK(e.message().find("too long") != std::string::npos);
  CHECK_NOTHROW(parse(q));  // default limit: 1 MiB

  std::string huge = "RETURN \"" + std::string((1 << 20) + 10, 'x') + "\"";
  CHECK(syntax_error(huge).message().find("too long") != std::string::npos);
}

TEST_CASE("too many tokens are rejected before parsing") {
  ParseOptions small;
  small.max_tokens = 10;
  Error e = syntax_error("RETURN [1, 2, 3, 4, 5, 6, 7]", small);
  CHECK(e.message().find("more than 10 tokens") != std::string::npos);
  CHECK(e.column() == 21);  // the eleventh token, '5'
  CHECK_NOTHROW(parse("RETURN [1, 2, 3]", small));
  // Under the 1 MiB text limit but far over the default token limit.
  std::string q = "RETURN [";
  for (int i = 0; i < 100000; ++i) q += "1,";
  CHECK(syntax_error(q + "1]").message().find("tokens") != std::string::npos);
}

TEST_CASE("deep nesting is a SyntaxError, not a stack overflow") {
  for (std::string open : {"(", "[", "{a:", "CASE WHEN true THEN "}) {
    std::string q = "RETURN ";
    for (int i = 0; i < 10000; ++i) q += open;
    q += "1";
    Error e = syntax_error(q);
    CHECK(e.message().find("nested too deeply") != std::string::npos);
    CHECK(e.line() == 1);
  }
  // The default limit itself still parses (it needs about 2 MB of stack in
  // Release, well within a default 8 MB thread stack).
  std::string ok = "RETURN " + std::string(500, '(') + "1" + std::string(500, ')');
  CHECK_NOTHROW(parse(ok));
  ParseOptions tight;
  tight.max_nesting = 10;
  Error e = syntax_error("RETURN " + std::string(11, '(') + "1" + std::string(11, ')'), tight);
  CHECK(e.column() == 18);  // the eleventh '('
}

TEST_CASE("long operator chains are bounded by the expression height limit") {
  std::string q = "RETURN 1";
  for (int i = 0; i < 5000; ++i) q += "+1";
  CHECK(syntax_error(q).message().find("nested too deeply") != std::string::npos);
  std::string ok = "RETURN 1";
  for (int i = 0; i < 500; ++i) ok += "+1";
  CHECK_NOTHROW(parse(ok));
  // Prefix chains are loops in the grammar, not recursion.
  CHECK_NOTHROW(parse("RETURN " + std::string(1000, '-') + "1"));
}

TEST_CASE("invalid UTF-8 and NUL bytes are positioned SyntaxErrors") {
  Error e = syntax_error("RETURN\n  'a\xff'");
  CHECK(e.line() == 2);
  CHECK(e.column() == 5);
  CHECK(syntax_error(std::string("RETURN 1\0", 9)).column() == 9);
  CHECK(syntax_error("RETURN '\xed\xa0\x80'").column() == 9);  // a UTF-16 surrogate
  CHECK_NOTHROW(parse("RETURN 'h\xc3\xa9llo', `caf\xc3\xa9`"));
}

TEST_CASE("AST nodes carry 1-based positions, columns in code points") {
  auto s = parse("MATCH (a)\n  WHERE 'é' = a.name\nRETURN frend");
  auto& q = std::get<kith::query::ast::Query>(s.body);
  auto& clauses = q.parts[0].clauses;
  CHECK(clauses[0].pos.line == 1);
  CHECK(clauses[0].pos.column == 1);
  auto& m = std::get<kith::query::ast::MatchClause>(clauses[0].body);
  CHECK(m.patterns[0].nodes[0].pos.column == 7);
  CHECK(m.where->pos.line == 2);
  CHECK(m.where->pos.column == 13);     // the '=' operator
  CHECK(m.where->args[1]->pos.column == 17);  // a property is at its key ('é' is one column)
  auto& r = std::get<kith::query::ast::ReturnClause>(clauses[1].body);
  CHECK(r.projection.items[0].expr->pos.line == 3);
  CHECK(r.projection.items[0].expr->pos.column == 8);
}

TEST_CASE("projection items keep their source text for column names") {
  auto s = parse("MATCH (n) RETURN n.name, count(  *  ) AS c, toUpper(n.name)");
  auto& q = std::get<kith::query::ast::Query>(s.body);
  auto& r = std::get<kith::query::ast::ReturnClause>(q.parts[0].clauses[1].body);
  CHECK(r.projection.items[0].text == "n.name");
  CHECK(r.projection.items[1].text == "count(  *  )");
  CHECK(r.projection.items[1].alias == "c");
  CHECK(r.projection.items[2].text == "toUpper(n.name)");
}

TEST_CASE("DEFINE QUESTION keeps the body text verbatim") {
  auto s = parse("DEFINE QUESTION q($me) AS MATCH (p {id: $me})  RETURN p;");
  auto& d = std::get<kith::query::ast::DefineQuestion>(s.body);
  CHECK(d.body_text == "MATCH (p {id: $me})  RETURN p");
  CHECK(d.parameters == std::vector<std::string>{"me"});
}

TEST_CASE("clone gives an equal, independent tree") {
  auto s = parse("RETURN [x IN range(1, 3) WHERE x > 1 | x * 2] AS l, EXISTS { MATCH (a)-->(b) RETURN b }");
  auto& q = std::get<kith::query::ast::Query>(s.body);
  auto& r = std::get<kith::query::ast::ReturnClause>(q.parts[0].clauses[0].body);
  for (auto& item : r.projection.items) {
    auto copy = kith::query::ast::clone(*item.expr);
    CHECK(kith::query::ast::to_string(*copy) == kith::query::ast::to_string(*item.expr));
    CHECK(copy.get() != item.expr.get());
  }
}
