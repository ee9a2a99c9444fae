#include "stand_in_server.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "engine/database.h"
#include "engine/result_format.h"
#include "storage/error.h"

namespace kith::shell_test {

using nlohmann::json;

namespace {
json error_json(const std::string& code, const std::string& message) {
  return {{"error", {{"code", code}, {"message", message}}}};
}
}  // namespace

StandInServer::StandInServer(const std::string& db_path, const std::string& token)
    : db_(Database::open(db_path)), server_(std::make_unique<httplib::Server>()) {
  auto authorized = [token](const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("Authorization") == "Bearer " + token) return true;
    res.status = 401;
    res.set_content(error_json("Unauthorized", "a valid token is required").dump(), "application/json");
    return false;
  };
  server_->Post("/v1/query", [this, authorized](const httplib::Request& req, httplib::Response& res) {
    if (!authorized(req, res)) return;
    ++started_;
    const json body = json::parse(req.body);
    QueryOptions options;
    options.cancel = &stopping_;
    if (const auto params = body.find("params"); params != body.end()) {
      for (const auto& [name, value] : params->items()) options.params[name] = json_to_value(value);
    }
    try {
      res.set_content(result_to_json(db_->query(body.at("query").get<std::string>(), options)).dump(),
                      "application/json");
    } catch (const Error& e) {
      json err = error_json(std::string(e.code_name()), e.message());
      if (e.has_position()) {
        err["error"]["line"] = e.line();
        err["error"]["column"] = e.column();
      }
      res.status = 400;
      res.set_content(err.dump(), "application/json");
    }
  });
  server_->Get("/v1/schema", [this, authorized](const httplib::Request& req, httplib::Response& res) {
    if (!authorized(req, res)) return;
    const SchemaSummary s = db_->schema();
    json j = {{"labels", json::array()}, {"relationship_types", json::array()},
              {"property_keys", s.prop_keys}, {"indexes", json::array()},
              {"nodes", s.nodes}, {"relationships", s.rels}};
    for (const auto& l : s.labels) j["labels"].push_back({{"name", l.name}, {"count", l.count}});
    for (const auto& t : s.rel_types) j["relationship_types"].push_back({{"name", t.name}, {"count", t.count}});
    res.set_content(j.dump(), "application/json");
  });
  port_ = server_->bind_to_any_port("127.0.0.1");
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

StandInServer::~StandInServer() {
  stopping_ = true;
  server_->stop();
  thread_.join();
}

}  // namespace kith::shell_test
