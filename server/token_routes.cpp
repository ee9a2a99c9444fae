// /v1/tokens: token management over HTTP, for admin tokens only (the same
// operations as `kith token`).
#include <nlohmann/json.hpp>

#include "server/error_response.h"
#include "server/server_state.h"

namespace kith::server {
namespace {

using nlohmann::json;

json info_json(const TokenInfo& t) {
  return {{"id", t.id}, {"name", t.name}, {"role", role_name(t.role)}, {"created", t.created}};
}

void create(HttpServer::State& s, const httplib::Request& req, httplib::Response& res) {
  if (!authorize(s, req, res, Role::Admin)) return;
  json body = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object() || !body.contains("role") || !body["role"].is_string() ||
      (body.contains("name") && !body["name"].is_string())) {
    set_error(res, 400, "InvalidInput",
              R"(the body must be {"role": "reader|writer|admin", "name": "..."})");
    return;
  }
  try {
    NewToken t = create_token(s.db.store(), parse_role(body["role"].get<std::string>()),
                              body.value("name", std::string()));
    json out = info_json(t.info);
    out["token"] = t.token;
    set_json(res, 201, out.dump());
  } catch (const Error& e) {
    set_error(res, e);
  }
}

}  // namespace

void add_token_routes(HttpServer::State& s) {
  add_route(s, "GET", "/v1/tokens", [&s](const httplib::Request& req, httplib::Response& res) {
    if (!authorize(s, req, res, Role::Admin)) return;
    json out = json::array();
    for (const auto& t : list_tokens(s.db.store())) out.push_back(info_json(t));
    set_json(res, 200, json{{"tokens", out}}.dump());
  });
  add_route(s, "POST", "/v1/tokens",
            [&s](const httplib::Request& req, httplib::Response& res) { create(s, req, res); });
  add_route(s, "DELETE", R"(/v1/tokens/([^/]+))",
            [&s](const httplib::Request& req, httplib::Response& res) {
              if (!authorize(s, req, res, Role::Admin)) return;
              if (revoke_token(s.db.store(), std::string(req.matches[1]))) {
                res.status = 204;
              } else {
                set_error(res, 404, "NotFound",
                          "no token named '" + std::string(req.matches[1]) + "'");
              }
            });
}

}  // namespace kith::server
