#include "storage/error.h"

namespace kith {

std::string_view error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::SyntaxError: return "SyntaxError";
    case ErrorCode::UnknownVariable: return "UnknownVariable";
    case ErrorCode::UnknownFunction: return "UnknownFunction";
    case ErrorCode::UnknownLabel: return "UnknownLabel";
    case ErrorCode::UnknownProperty: return "UnknownProperty";
    case ErrorCode::UnknownProcedure: return "UnknownProcedure";
    case ErrorCode::TypeError: return "TypeError";
    case ErrorCode::ParameterMissing: return "ParameterMissing";
    case ErrorCode::ArgumentError: return "ArgumentError";
    case ErrorCode::ArithmeticError: return "ArithmeticError";
    case ErrorCode::SemanticError: return "SemanticError";
    case ErrorCode::Timeout: return "Timeout";
    case ErrorCode::Cancelled: return "Cancelled";
    case ErrorCode::ConstraintViolation: return "ConstraintViolation";
    case ErrorCode::NotFound: return "NotFound";
    case ErrorCode::InvalidInput: return "InvalidInput";
    case ErrorCode::StorageError: return "StorageError";
    case ErrorCode::IoError: return "IoError";
    case ErrorCode::ReadOnly: return "ReadOnly";
    case ErrorCode::Internal: return "Internal";
  }
  return "Internal";
}

std::string Error::to_string() const {
  std::string out(code_name());
  if (has_position()) {
    out += " at " + std::to_string(line_) + ":" + std::to_string(column_);
  }
  out += ": ";
  out += what();
  return out;
}

}  // namespace kith
