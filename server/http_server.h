// The HTTP API of DESIGN.md section 3 (cpp-httplib): POST /v1/query,
// GET /v1/schema, GET /healthz, GET /metrics, GET /v1/openapi.json,
// POST /v1/questions/{name}, and admin token management under /v1/tokens.
// A thin client of kith::Database: every request runs as its own statement.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "engine/database.h"

namespace kith::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 7474;                                   // 0: any free port (see HttpServer::port)
  size_t max_body_bytes = size_t{1} << 20;           // larger bodies get 413
  size_t connection_threads = 64;                    // one per open (keep-alive) connection
  size_t max_running_queries = 0;                    // 0: twice the hardware threads
  size_t max_waiting_queries = 64;                   // beyond running + waiting: 503
  std::chrono::milliseconds default_timeout{30000};  // when the request gives none
  std::chrono::milliseconds max_timeout{300000};     // caps the request's timeout_ms
  std::string cert_file, key_file;                   // both set: HTTPS
  // One line per request (JSON); default: standard error.
  std::function<void(const std::string&)> access_log;
};

class HttpServer {
 public:
  // Binds the socket; throws kith::Error (IoError) when it cannot, or
  // InvalidInput for an unusable certificate or key.
  HttpServer(Database& db, ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  int port() const;  // the bound port
  bool tls() const;
  // Serves until stop(); returns once in-flight requests have finished.
  void run();
  // Safe from any thread: cancels running queries, stops accepting.
  void stop();

  struct State;  // defined in server/server_state.h

 private:
  std::unique_ptr<State> state_;
};

}  // namespace kith::server
