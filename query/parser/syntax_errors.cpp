#include "query/parser/syntax_errors.h"

#include <algorithm>
#include <vector>

#include "KithLexer.h"
#include "KithParser.h"
#include "storage/error.h"

namespace kith::query {
namespace {

using P = grammar::KithParser;

// Tokens that may start an expression: when several are expected, saying
// "an expression" is more useful than listing thirty of them.
bool starts_expression(size_t t) {
  switch (t) {
    case P::DecimalInteger: case P::HexInteger: case P::OctalInteger: case P::FloatLiteral:
    case P::StringLiteral: case P::TRUE_: case P::FALSE_: case P::NULL_: case P::LPAREN:
    case P::LBRACKET: case P::LBRACE: case P::DOLLAR: case P::MINUS: case P::PLUS: case P::NOT:
    case P::CASE: case P::EXISTS: case P::ALL: case P::REDUCE:
      return true;
    default:
      return false;
  }
}

bool is_clause_keyword(size_t t) {
  switch (t) {
    case P::MATCH: case P::OPTIONAL: case P::UNWIND: case P::WITH: case P::RETURN: case P::CREATE:
    case P::MERGE: case P::SET: case P::REMOVE: case P::DELETE: case P::DETACH: case P::CALL:
      return true;
    default:
      return false;
  }
}

bool is_closer(size_t t) { return t == P::RPAREN || t == P::RBRACKET || t == P::RBRACE; }

std::string display(const antlr4::dfa::Vocabulary& vocab, size_t t) {
  if (t == antlr4::Token::EOF) return "end of input";
  std::string lit = vocab.getLiteralName(t);
  if (!lit.empty()) return lit;  // already quoted: '('
  std::string sym = vocab.getSymbolicName(t);
  if (!sym.empty() && sym.back() == '_') sym.pop_back();  // NULL_ -> NULL
  return sym;
}

std::string join_alternatives(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

bool is_time_unit(size_t t) { return t >= P::MINUTE && t <= P::MONTHS; }

bool is_keyword(const antlr4::dfa::Vocabulary& vocab, size_t t) {
  return t != antlr4::Token::EOF && vocab.getLiteralName(t).empty() && t < P::HexInteger;
}

void add_once(std::vector<std::string>& items, const std::string& item) {
  if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
}

std::string expected_text(const antlr4::dfa::Vocabulary& vocab, const antlr4::misc::IntervalSet& set) {
  std::vector<size_t> tokens;
  for (const auto& iv : set.getIntervals())
    for (ssize_t t = iv.a; t <= iv.b; ++t) tokens.push_back(static_cast<size_t>(t));
  auto has = [&tokens](size_t t) { return std::find(tokens.begin(), tokens.end(), t) != tokens.end(); };

  bool names = has(P::UnescapedSymbolicName);
  bool expression = names && (has(P::StringLiteral) || has(P::DecimalInteger));
  // Where any name fits, clause keywords are just more names.
  bool clauses = !names && std::count_if(tokens.begin(), tokens.end(), is_clause_keyword) >= 3;

  std::vector<std::string> items, closers;
  bool comma = false;
  if (expression)
    items.push_back("an expression");
  else if (names)
    items.push_back("a name");
  if (clauses) items.push_back("a clause such as MATCH or RETURN");
  for (size_t t : tokens) {
    if (is_closer(t)) {
      closers.push_back(display(vocab, t));
      continue;
    }
    if (t == P::COMMA) comma = true;
    if (t == P::UnescapedSymbolicName || t == P::EscapedSymbolicName) continue;
    if (expression && starts_expression(t)) continue;
    // Keywords are noise next to "a name" (most are valid names) or "a clause".
    if ((names || clauses) && is_keyword(vocab, t)) continue;
    if (is_time_unit(t)) {
      add_once(items, "a time unit such as DAYS");
    } else if (t == P::DecimalInteger || t == P::HexInteger || t == P::OctalInteger) {
      add_once(items, "an integer");
    } else if (t == P::FloatLiteral) {
      add_once(items, "a number");
    } else if (t == P::StringLiteral) {
      add_once(items, "a string");
    } else if (t == P::DOLLAR) {
      add_once(items, "a parameter");
    } else {
      add_once(items, display(vocab, t));
    }
  }
  // A missing closer (or the comma before another item) is by far the most
  // likely mistake when one is possible; say just that.
  if (!closers.empty()) {
    std::vector<std::string> likely;
    if (comma) likely.push_back("','");
    if (expression) likely.push_back("an expression");
    else if (names) likely.push_back("a name");
    likely.insert(likely.end(), closers.begin(), closers.end());
    return join_alternatives(likely);
  }
  if (items.size() > 5) items.resize(5);
  return join_alternatives(items);
}

std::string found_text(antlr4::Token* t) {
  if (t == nullptr || t->getType() == antlr4::Token::EOF) return "end of input";
  std::string s = t->getText();
  if (s.size() > 30) s = s.substr(0, 27) + "...";
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return "'" + s + "'";
}

}  // namespace

void throw_syntax_error(antlr4::Parser* recognizer, antlr4::Token* found,
                        const antlr4::misc::IntervalSet& expected) {
  uint32_t line = found ? static_cast<uint32_t>(found->getLine()) : 1;
  uint32_t column = found ? static_cast<uint32_t>(found->getCharPositionInLine()) + 1 : 1;
  std::string message;
  switch (found ? found->getType() : 0) {
    case P::UNTERMINATED_STRING: message = "unterminated string literal"; break;
    case P::UNTERMINATED_COMMENT: message = "unterminated comment"; break;
    case P::UNTERMINATED_NAME: message = "unterminated quoted name"; break;
    case P::INVALID_NUMBER: message = "invalid number literal " + found_text(found); break;
    case P::UNKNOWN_CHAR: message = "unexpected character " + found_text(found); break;
    case antlr4::Token::EOF:
      if (found->getTokenIndex() == 0) message = "the query is empty";
      [[fallthrough]];
    default: {
      if (!message.empty()) break;
      // Only the end (or ';') could follow: the statement was already whole.
      bool complete = expected.contains(static_cast<ssize_t>(antlr4::Token::EOF)) &&
                      expected.size() <= 1 + static_cast<size_t>(expected.contains(static_cast<ssize_t>(P::SEMI)));
      if (complete && found && found->getType() != antlr4::Token::EOF) {
        message = "unexpected " + found_text(found) + " after a complete statement";
        break;
      }
      std::string want = expected_text(recognizer->getVocabulary(), expected);
      // In a phrase every keyword is a word; the generic text would say "expression".
      if (recognizer && dynamic_cast<P::FindPhraseContext*>(recognizer->getContext()) && !want.empty())
        want = "a word, a string, a number or a time window";
      message = want.empty() ? "unexpected " + found_text(found)
                             : "expected " + want + " but found " + found_text(found);
    }
  }
  throw Error(ErrorCode::SyntaxError, message, line, column);
}

void ThrowingErrorStrategy::reportError(antlr4::Parser* recognizer, const antlr4::RecognitionException& e) {
  // When prediction fails some tokens after the decision started, the
  // expected set describes the decision's start, not the offending token:
  // listing it would mislead, so only the token found is named.
  if (auto* nva = dynamic_cast<const antlr4::NoViableAltException*>(&e)) {
    if (nva->getStartToken() != e.getOffendingToken())
      throw_syntax_error(recognizer, e.getOffendingToken(), antlr4::misc::IntervalSet());
  }
  throw_syntax_error(recognizer, e.getOffendingToken(), e.getExpectedTokens());
}

antlr4::Token* ThrowingErrorStrategy::recoverInline(antlr4::Parser* recognizer) {
  throw_syntax_error(recognizer, recognizer->getCurrentToken(), recognizer->getExpectedTokens());
}

void ThrowingErrorStrategy::reportUnwantedToken(antlr4::Parser* recognizer) {
  throw_syntax_error(recognizer, recognizer->getCurrentToken(), recognizer->getExpectedTokens());
}

void ThrowingErrorStrategy::reportMissingToken(antlr4::Parser* recognizer) {
  throw_syntax_error(recognizer, recognizer->getCurrentToken(), recognizer->getExpectedTokens());
}

void ThrowingErrorListener::syntaxError(antlr4::Recognizer*, antlr4::Token*, size_t line, size_t column,
                                        const std::string& msg, std::exception_ptr) {
  throw Error(ErrorCode::SyntaxError, msg, static_cast<uint32_t>(line), static_cast<uint32_t>(column) + 1);
}

}  // namespace kith::query
