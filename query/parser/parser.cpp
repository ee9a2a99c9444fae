#include "query/parser/parser.h"

#include <antlr4-runtime.h>

#include "KithLexer.h"
#include "KithParser.h"
#include "query/parser/ast_builder.h"
#include "query/parser/syntax_errors.h"
#include "storage/error.h"

namespace kith::query {
namespace {

using P = grammar::KithParser;

[[noreturn]] void fail(const std::string& message, uint32_t line, uint32_t column) {
  throw Error(ErrorCode::SyntaxError, message, line, column);
}

// ANTLR's UTF-8 decoder throws std::range_error on bad input; checking first
// lets us say where the bad byte is.
void check_utf8(std::string_view text) {
  uint32_t line = 1, column = 1;
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = n != 0 && i + n <= text.size();
    uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; ok && k < n; ++k) {
      auto cc = static_cast<unsigned char>(text[i + k]);
      ok = (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if (ok && ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
               (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF))
      ok = false;
    if (!ok) fail("the query text is not valid UTF-8", line, column);
    if (c == 0) fail("unexpected NUL character", line, column);
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += n;
  }
}

// Rejects nesting the recursive-descent parser could not afford, before it
// starts. A keyword after '.' or ':' is a property key or label, not syntax.
void check_nesting(const std::vector<antlr4::Token*>& tokens, size_t limit) {
  size_t depth = 0;
  size_t previous = 0;
  for (auto* t : tokens) {
    size_t type = t->getType();
    bool name_position = previous == P::DOT || previous == P::COLON;
    previous = type;
    switch (type) {
      case P::CASE:
        if (name_position) break;
        [[fallthrough]];
      case P::LPAREN: case P::LBRACKET: case P::LBRACE:
        if (++depth > limit)
          fail("query nested too deeply (more than " + std::to_string(limit) + " levels)",
               static_cast<uint32_t>(t->getLine()), static_cast<uint32_t>(t->getCharPositionInLine()) + 1);
        break;
      case P::END:
        if (name_position) break;
        [[fallthrough]];
      case P::RPAREN: case P::RBRACKET: case P::RBRACE:
        if (depth > 0) --depth;
        break;
      default:
        break;
    }
  }
}

}  // namespace

ast::Statement parse(std::string_view text, const ParseOptions& options) {
  if (text.size() > options.max_text_bytes)
    fail("query text too long (" + std::to_string(text.size()) + " bytes; the limit is " +
             std::to_string(options.max_text_bytes) + ")",
         1, 1);
  check_utf8(text);

  antlr4::ANTLRInputStream input(text.data(), text.size());
  grammar::KithLexer lexer(&input);
  ThrowingErrorListener listener;
  lexer.removeErrorListeners();
  lexer.addErrorListener(&listener);
  antlr4::CommonTokenStream tokens(&lexer);
  // Lex lazily up to the limit: a huge text of tiny tokens must not
  // allocate millions of tokens before being rejected.
  while (tokens.LA(1) != antlr4::Token::EOF) {
    if (tokens.size() > options.max_tokens) {
      auto* t = tokens.get(tokens.index());
      fail("query too long (more than " + std::to_string(options.max_tokens) + " tokens)",
           static_cast<uint32_t>(t->getLine()), static_cast<uint32_t>(t->getCharPositionInLine()) + 1);
    }
    tokens.consume();
  }
  tokens.seek(0);
  check_nesting(tokens.getTokens(), options.max_nesting);

  grammar::KithParser parser(&tokens);
  parser.removeErrorListeners();

  // Two-stage parsing: the fast SLL mode handles nearly every query; only
  // when it fails do we re-parse with full LL, whose result (a tree or the
  // first real error) is authoritative.
  auto bail = std::make_shared<antlr4::BailErrorStrategy>();
  parser.setErrorHandler(bail);
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  P::ScriptContext* tree = nullptr;
  try {
    tree = parser.script();
  } catch (const antlr4::ParseCancellationException&) {
    tree = nullptr;
  }
  if (tree == nullptr) {
    tokens.seek(0);
    parser.reset();
    parser.setErrorHandler(std::make_shared<ThrowingErrorStrategy>());
    parser.addErrorListener(&listener);
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::LL);
    tree = parser.script();
  }
  return build_statement(tree, options);
}

}  // namespace kith::query
