#include "server/error_response.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

namespace kith::server {

int status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::Timeout:
      return 504;
    case ErrorCode::Cancelled:
      return 503;  // only the server cancels: it is shutting down
    case ErrorCode::ReadOnly:
      return 403;
    case ErrorCode::StorageError:
    case ErrorCode::IoError:
    case ErrorCode::Internal:
      return 500;
    default:
      return 400;  // the statement or its parameters are at fault
  }
}

void set_json(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "application/json");
}

void set_error(httplib::Response& res, int status, std::string_view code,
               std::string_view message) {
  nlohmann::json err = {{"code", code}, {"message", message}};
  set_json(res, status,
           nlohmann::json{{"error", err}}.dump(-1, ' ', false,
                                               nlohmann::json::error_handler_t::replace));
}

void set_error(httplib::Response& res, const Error& e) {
  nlohmann::json err = {{"code", e.code_name()}, {"message", e.message()}};
  if (e.has_position()) {
    err["line"] = e.line();
    err["column"] = e.column();
  }
  set_json(res, status_for(e.code()),
           nlohmann::json{{"error", err}}.dump(-1, ' ', false,
                                               nlohmann::json::error_handler_t::replace));
}

}  // namespace kith::server
