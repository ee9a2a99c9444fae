// A stand-in for `kith serve` speaking the HTTP API's contract (DESIGN.md
// section 3, docs/openapi.json: POST /v1/query, GET /v1/schema, bearer
// token, error objects), so the remote shell is tested end to end before
// and independently of the real server.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <thread>

namespace httplib {
class Server;
}
namespace kith {
class Database;
}

namespace kith::shell_test {

class StandInServer {
 public:
  StandInServer(const std::string& db_path, const std::string& token);
  ~StandInServer();  // cancels running queries, stops, joins
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int queries_started() const { return started_; }

 private:
  std::unique_ptr<Database> db_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> started_{0};
};

}  // namespace kith::shell_test
