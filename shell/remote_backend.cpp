// The remote backend: the same statements through a kith server's HTTP API
// (POST /v1/query, GET /v1/schema; DESIGN.md section 3) with cpp-httplib.
// Ctrl-C closes the request's socket: the shell returns to its prompt at
// once; the server notices the closed connection (or its timeout) on its own.
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <nlohmann/json.hpp>
#include <optional>

#include "engine/result_format.h"
#include "shell/backend.h"
#include "storage/error.h"

namespace kith::shell {

namespace {

using nlohmann::json;

std::optional<ErrorCode> code_from_name(const std::string& name) {
  for (int c = 0; c <= static_cast<int>(ErrorCode::Internal); ++c) {
    if (error_code_name(static_cast<ErrorCode>(c)) == name) return static_cast<ErrorCode>(c);
  }
  return std::nullopt;
}

// The server's error object back into the Error the embedded engine throws.
[[noreturn]] void throw_response_error(const httplib::Response& res) {
  json body = json::parse(res.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_object() && body.contains("error") && body["error"].is_object()) {
    const json& e = body["error"];
    const std::string name = e.value("code", "Internal");
    std::string message = e.value("message", "HTTP " + std::to_string(res.status));
    // The HTTP layer's own codes (Unauthorized, Forbidden, PayloadTooLarge,
    // Overloaded...) are no engine code: keep the name in the message.
    const auto known = code_from_name(name);
    const ErrorCode code = known ? *known : res.status == 403 ? ErrorCode::ReadOnly : ErrorCode::InvalidInput;
    if (!known) message = name + " (HTTP " + std::to_string(res.status) + "): " + message;
    const uint32_t line = e.value("line", 0u), column = e.value("column", 0u);
    if (line != 0) throw Error(code, message, line, column);
    throw Error(code, message);
  }
  if (res.status == 401)
    throw Error(ErrorCode::InvalidInput, "the server refused the token (HTTP 401); check --token");
  throw Error(ErrorCode::IoError, "the server answered HTTP " + std::to_string(res.status));
}

// Counts of a schema list that may be ["A", ...] or [{"name": "A", "count": n}, ...].
std::vector<SchemaSummary::Count> counts_from_json(const json& j) {
  std::vector<SchemaSummary::Count> out;
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    if (e.is_string())
      out.push_back({e.get<std::string>(), 0});
    else if (e.is_object())
      out.push_back({e.value("name", ""), e.value("count", uint64_t{0})});
  }
  return out;
}

class RemoteBackend : public Backend {
 public:
  RemoteBackend(const std::string& url, const std::string& token) : url_(url), client_(url) {
    if (!client_.is_valid()) throw Error(ErrorCode::InvalidInput, "not a usable server URL: '" + url + "'");
    if (!token.empty()) client_.set_bearer_token_auth(token.c_str());
    client_.set_connection_timeout(std::chrono::seconds(5));
    client_.set_read_timeout(std::chrono::hours(24));  // long queries end by Ctrl-C, not here
  }

  QueryResult query(const std::string& text, const Params& params, const std::atomic<bool>& cancel) override {
    json body = {{"query", text}, {"params", json::object()}};
    const QueryResult none;
    for (const auto& [name, value] : params) body["params"][name] = value_to_json(value, none);
    auto pending = std::async(std::launch::async,
                              [&] { return client_.Post("/v1/query", body.dump(), "application/json"); });
    while (pending.wait_for(std::chrono::milliseconds(20)) != std::future_status::ready) {
      if (cancel.load()) {
        client_.stop();  // closes the socket; Post returns with an error
        pending.wait();
        throw Error(ErrorCode::Cancelled, "the query was cancelled");
      }
    }
    httplib::Result res = pending.get();
    if (!res) throw unreachable(res.error());
    if (res->status != 200) throw_response_error(*res);
    return result_from_json(json::parse(res->body));
  }

  SchemaSummary schema() override {
    httplib::Result res = client_.Get("/v1/schema");
    if (!res) throw unreachable(res.error());
    if (res->status != 200) throw_response_error(*res);
    const json j = json::parse(res->body, nullptr, false);
    SchemaSummary s;
    if (!j.is_object()) return s;
    if (j.contains("labels")) s.labels = counts_from_json(j["labels"]);
    for (const char* key : {"rel_types", "relationship_types", "types"}) {
      if (j.contains(key)) s.rel_types = counts_from_json(j[key]);
    }
    for (const char* key : {"prop_keys", "property_keys", "keys"}) {
      if (j.contains(key)) {
        for (const auto& c : counts_from_json(j[key])) s.prop_keys.push_back(c.name);
      }
    }
    if (j.contains("indexes") && j["indexes"].is_array()) {
      for (const auto& i : j["indexes"]) {
        if (i.is_object())
          s.indexes.push_back(
              {i.value("label", ""), i.value("property", i.value("key", "")), i.value("unique", false)});
      }
    }
    s.nodes = j.value("nodes", uint64_t{0});
    s.rels = j.value("rels", j.value("relationships", uint64_t{0}));
    return s;
  }

  std::string describe() const override { return "remote " + url_; }

 private:
  Error unreachable(httplib::Error e) const {
    return Error(ErrorCode::IoError, "cannot reach " + url_ + ": " + httplib::to_string(e));
  }

  static QueryResult result_from_json(const json& j) {
    QueryResult r;
    for (const auto& c : j.value("columns", json::array())) r.columns.push_back(c.get<std::string>());
    for (const auto& row : j.value("rows", json::array())) {
      std::vector<Value> values;
      for (const auto& cell : row) values.push_back(cell_from_json(cell, r));
      r.rows.push_back(std::move(values));
    }
    const json stats = j.value("stats", json::object());
    r.stats.rows = stats.value("rows", static_cast<uint64_t>(r.rows.size()));
    r.stats.elapsed_ms = stats.value("elapsed_ms", 0.0);
    r.plan = j.value("plan", "");
    return r;
  }

  // Nodes, relationships and paths arrive as objects of a known shape
  // (DESIGN.md section 3); they become entities again so they print as the
  // embedded shell prints them: (:Person {name: Ada}). Dates and times stay
  // the ISO strings they were sent as.
  static Value cell_from_json(const json& j, QueryResult& r) {
    auto has_only = [&j](std::initializer_list<const char*> keys) {
      if (j.size() != keys.size()) return false;
      for (const char* k : keys) {
        if (!j.contains(k)) return false;
      }
      return true;
    };
    if (j.is_array()) {
      Value::List list;
      for (const auto& e : j) list.push_back(cell_from_json(e, r));
      return list;
    }
    if (!j.is_object()) return json_to_value(j);
    if (has_only({"id", "labels", "properties"})) return node_from_json(j, r);
    if (has_only({"id", "type", "start", "end", "properties"})) return rel_from_json(j, r);
    if (has_only({"nodes", "relationships"}) && j["nodes"].is_array() && j["relationships"].is_array()) {
      PathData path;
      for (const auto& n : j["nodes"]) path.nodes.push_back(node_from_json(n, r).id);
      for (const auto& e : j["relationships"]) path.rels.push_back(rel_from_json(e, r));
      if (path.nodes.size() == path.rels.size() + 1) return path;
    }
    Value::Map map;
    for (const auto& [key, value] : j.items()) map.emplace_back(key, cell_from_json(value, r));
    std::sort(map.begin(), map.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return map;
  }

  static Value::Map properties_from_json(const json& j) {
    const Value v = json_to_value(j.is_object() ? j : json::object());
    return v.as_map();
  }

  static NodeRef node_from_json(const json& j, QueryResult& r) {
    const NodeRef node{j.value("id", NodeId{0})};
    NodeData data;
    data.labels = j.value("labels", std::vector<std::string>{});
    data.properties = properties_from_json(j.value("properties", json::object()));
    r.nodes[node.id] = std::move(data);
    return node;
  }

  static RelRef rel_from_json(const json& j, QueryResult& r) {
    RelRef rel;
    rel.id = j.value("id", RelId{0});
    rel.start = j.value("start", NodeId{0});
    rel.end = j.value("end", NodeId{0});
    RelData data;
    data.type = j.value("type", "");
    data.start = rel.start;
    data.end = rel.end;
    data.properties = properties_from_json(j.value("properties", json::object()));
    r.rels[rel.id] = std::move(data);
    return rel;
  }

  std::string url_;
  httplib::Client client_;
};

}  // namespace

std::unique_ptr<Backend> open_remote(const std::string& url, const std::string& token) {
  return std::make_unique<RemoteBackend>(url, token);
}

}  // namespace kith::shell
