// A real HttpServer on a free loopback port over a fresh database in a temp
// directory, with one token per role, and cpp-httplib clients to call it.
#pragma once

#include "tests/support/temp_dir.h"

#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "engine/database.h"
#include "server/http_server.h"
#include "server/token_store.h"

namespace kith::server::test {

using TempDir = kith::testing::TempDir;

struct TestServer {
  TempDir dir;
  std::unique_ptr<Database> db;
  std::unique_ptr<HttpServer> server;
  std::thread thread;
  std::string reader, writer, admin;  // tokens
  std::vector<std::string> log;       // access log lines
  std::mutex log_mutex;

  explicit TestServer(ServerOptions options = {}) {
    db = Database::open((dir.path() / "test.kith").string());
    reader = create_token(db->store(), Role::Reader, "r").token;
    writer = create_token(db->store(), Role::Writer, "w").token;
    admin = create_token(db->store(), Role::Admin, "a").token;
    options.host = "127.0.0.1";
    options.port = 0;
    options.connection_threads = 16;
    options.access_log = [this](const std::string& line) {
      std::lock_guard lock(log_mutex);
      log.push_back(line);
    };
    server = std::make_unique<HttpServer>(*db, options);
    thread = std::thread([this] { server->run(); });
  }
  ~TestServer() { stop(); }
  void stop() {
    if (thread.joinable()) {
      server->stop();
      thread.join();
    }
  }

  httplib::Client client(const std::string& token = "") const {
    httplib::Client c("127.0.0.1", server->port());
    c.set_read_timeout(30, 0);
    if (!token.empty()) c.set_bearer_token_auth(token.c_str());
    return c;
  }

  // POST /v1/query with `body` as given.
  httplib::Result post_query(const std::string& token, const nlohmann::json& body) const {
    return client(token).Post("/v1/query", body.dump(), "application/json");
  }
};

inline nlohmann::json body_of(const httplib::Result& r) { return nlohmann::json::parse(r->body); }
inline std::string error_code(const httplib::Result& r) {
  return body_of(r)["error"]["code"].get<std::string>();
}

}  // namespace kith::server::test
