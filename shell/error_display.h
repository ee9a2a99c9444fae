// An error as the shell prints it: the one-line message, and for a query
// error the failing line of the statement with a caret under the column.
#pragma once

#include <string>

#include "storage/error.h"

namespace kith::shell {

// "SyntaxError at 2:8: ...\n  RETURN frend\n         ^\n" (no caret when the
// error has no position or the position is outside `statement`).
std::string describe_error(const Error& error, const std::string& statement);

}  // namespace kith::shell
