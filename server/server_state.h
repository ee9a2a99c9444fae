// Private to server/: what the route handlers share.
#pragma once

#include <httplib.h>

#include <atomic>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "server/admission.h"
#include "server/http_server.h"
#include "server/metrics.h"
#include "server/token_store.h"

namespace kith::server {

struct HttpServer::State {
  Database& db;
  ServerOptions options;
  std::unique_ptr<httplib::Server> http;
  int port = 0;
  bool tls = false;
  Metrics metrics;
  Admission admission;
  std::atomic<bool> stopping{false};  // every query's cancel flag
  std::atomic<bool> serving{false};   // run() is inside httplib's accept loop (or entering it)
  // (method, pattern) of every route, to answer 405 for the other methods.
  std::vector<std::pair<std::string, std::string>> routes;

  State(Database& d, ServerOptions o);
};

// Checks the Authorization header. On failure fills `res` (401, or 403 when
// the token's role is below `needed`) and returns nullopt.
std::optional<TokenInfo> authorize(HttpServer::State& s, const httplib::Request& req,
                                   httplib::Response& res, Role needed);

// Registers `handler` for `method` ("GET", "POST", "DELETE") on `pattern`.
void add_route(HttpServer::State& s, const std::string& method, const std::string& pattern,
               httplib::Server::Handler handler);

// Route registration, one file per area.
void add_query_routes(HttpServer::State& s);
void add_info_routes(HttpServer::State& s);   // healthz, metrics, schema, openapi
void add_token_routes(HttpServer::State& s);  // /v1/tokens (admin)

// The route name used in metrics and the access log (a fixed set).
std::string endpoint_name(const std::string& path);

}  // namespace kith::server
