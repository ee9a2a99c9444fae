// GET /healthz, /metrics, /v1/schema and /v1/openapi.json.
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "server/error_response.h"
#include "server/openapi_document.h"
#include "server/server_state.h"

namespace kith::server {
namespace {

using nlohmann::json;

// Labels carry no declared property types, so the schema reports the types
// seen on the first nodes of each label: enough for clients that build forms
// or completions, cheap on any store size.
constexpr size_t kSampledNodesPerLabel = 100;

json property_types(storage::GraphStore& store) {
  storage::Txn txn = store.begin_read();
  json out = json::object();
  for (const auto& [label, label_name] : txn.labels()) {
    std::map<std::string, std::set<std::string>> types;
    storage::NodeIdCursor cursor = txn.scan_label(label);
    size_t seen = 0;
    for (auto batch = cursor.next_batch(); !batch.empty() && seen < kSampledNodesPerLabel;
         batch = cursor.next_batch()) {
      for (NodeId id : batch) {
        if (seen++ >= kSampledNodesPerLabel) break;
        auto node = txn.get_node(id);
        if (!node) continue;
        for (const auto& [key, value] : node->properties) {
          types[txn.prop_key_name(key)].insert(std::string(value_type_name(value.type())));
        }
      }
    }
    json props = json::object();
    for (const auto& [key, names] : types) props[key] = names;
    out[label_name] = props;
  }
  return out;
}

json schema_json(Database& db) {
  SchemaSummary s = db.schema();
  json labels = json::array(), types = json::array(), indexes = json::array();
  for (const auto& c : s.labels) labels.push_back({{"name", c.name}, {"count", c.count}});
  for (const auto& c : s.rel_types) types.push_back({{"name", c.name}, {"count", c.count}});
  for (const auto& i : s.indexes) {
    indexes.push_back({{"label", i.label}, {"property", i.key}, {"unique", i.unique}});
  }
  return {{"labels", labels},
          {"relationship_types", types},
          {"property_keys", s.prop_keys},
          {"node_properties", property_types(db.store())},
          {"indexes", indexes},
          {"nodes", s.nodes},
          {"relationships", s.rels}};
}

}  // namespace

void add_info_routes(HttpServer::State& s) {
  add_route(s, "GET", "/healthz", [&s](const httplib::Request&, httplib::Response& res) {
    if (s.stopping.load()) {
      set_json(res, 503, R"({"status":"stopping"})");
    } else {
      set_json(res, 200, R"({"status":"ok"})");
    }
  });
  add_route(s, "GET", "/metrics", [&s](const httplib::Request& req, httplib::Response& res) {
    if (!authorize(s, req, res, Role::Reader)) return;
    res.set_content(s.metrics.render(s.db.store().file_size(), s.admission.waiting()),
                    "text/plain; version=0.0.4");
  });
  add_route(s, "GET", "/v1/schema", [&s](const httplib::Request& req, httplib::Response& res) {
    if (!authorize(s, req, res, Role::Reader)) return;
    set_json(res, 200, schema_json(s.db).dump(-1, ' ', false, json::error_handler_t::replace));
  });
  add_route(s, "GET", "/v1/openapi.json",
            [&s](const httplib::Request& req, httplib::Response& res) {
              if (!authorize(s, req, res, Role::Reader)) return;
              set_json(res, 200, std::string(openapi_document()));
            });
}

}  // namespace kith::server
