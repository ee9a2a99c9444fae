// The one error model of kith: every failure a user can cause, in every layer,
// is thrown as a kith::Error. It carries a machine-readable code (the names in
// DESIGN.md section 2.3 and the HTTP API's "code" field), a human message, and
// for query errors the 1-based line and column where the problem is.
//
// Why exceptions and not Status/Result: errors surface deep inside recursive
// code (the ANTLR visitor, expression evaluation, operator pipelines) and must
// unwind through all of it to the one place that reports them (CLI, server,
// shell). Programming errors (broken invariants) use assert, not Error.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kith {

enum class ErrorCode {
  // Query text and meaning (parser, binder).
  SyntaxError,
  UnknownVariable,
  UnknownFunction,
  UnknownLabel,
  UnknownProperty,
  UnknownProcedure,
  TypeError,
  ParameterMissing,
  ArgumentError,     // wrong argument value or count
  ArithmeticError,   // division by zero, overflow
  SemanticError,     // anything else the binder rejects
  // Execution.
  Timeout,
  Cancelled,
  ConstraintViolation,
  NotFound,          // an id or name that does not exist
  InvalidInput,      // bad CSV row, bad option, bad value outside a query
  // Storage and environment.
  StorageError,      // LMDB failure, corruption
  IoError,           // file missing, permission denied, disk full
  ReadOnly,          // a write attempted in a read-only transaction
  Internal,          // a bug: reported, never a crash
};

std::string_view error_code_name(ErrorCode code);

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string message)
      : std::runtime_error(std::move(message)), code_(code) {}
  Error(ErrorCode code, std::string message, uint32_t line, uint32_t column)
      : std::runtime_error(std::move(message)), code_(code), line_(line), column_(column) {}

  ErrorCode code() const { return code_; }
  std::string_view code_name() const { return error_code_name(code_); }
  std::string message() const { return what(); }
  bool has_position() const { return line_ != 0; }
  uint32_t line() const { return line_; }      // 1-based; 0 when there is none
  uint32_t column() const { return column_; }  // 1-based; 0 when there is none

  // "SyntaxError at 1:17: expected ')' but found 'RETURN'" or "IoError: ...".
  std::string to_string() const;

 private:
  ErrorCode code_;
  uint32_t line_ = 0;
  uint32_t column_ = 0;
};

}  // namespace kith
