// Turns ANTLR's error reports into one short kith::Error: the parse stops at
// the first problem ("bail"), naming the token found and the few tokens that
// would have been most useful there, never ANTLR's full expected-token set.
#pragma once

#include <antlr4-runtime.h>

namespace kith::query {

class ThrowingErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  void reportError(antlr4::Parser* recognizer, const antlr4::RecognitionException& e) override;
  antlr4::Token* recoverInline(antlr4::Parser* recognizer) override;

 protected:
  void reportUnwantedToken(antlr4::Parser* recognizer) override;
  void reportMissingToken(antlr4::Parser* recognizer) override;
};

// For the lexer (which, having a catch-all token, should never report) and
// any other report that bypasses the strategy.
class ThrowingErrorListener : public antlr4::BaseErrorListener {
 public:
  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending, size_t line,
                   size_t column, const std::string& msg, std::exception_ptr e) override;
};

// The message for `found` when one of `expected` was wanted; also handles
// the lexer's error tokens (unterminated string, invalid number...).
[[noreturn]] void throw_syntax_error(antlr4::Parser* recognizer, antlr4::Token* found,
                                     const antlr4::misc::IntervalSet& expected);

}  // namespace kith::query
