// How failures become HTTP answers: a status and the JSON body
// {"error": {"code", "message"[, "line", "column"]}} of DESIGN.md section 3.
#pragma once

#include <string>
#include <string_view>

#include "storage/error.h"

namespace httplib {
struct Response;
}

namespace kith::server {

// The status of an error raised while running a statement.
int status_for(ErrorCode code);

void set_json(httplib::Response& res, int status, const std::string& body);
// `code` is an ErrorCode name or one of the HTTP-level codes (Unauthorized,
// Forbidden, MethodNotAllowed, PayloadTooLarge, Overloaded).
void set_error(httplib::Response& res, int status, std::string_view code, std::string_view message);
void set_error(httplib::Response& res, const Error& e);

}  // namespace kith::server
