// POST /v1/query and POST /v1/questions/{name}.
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "engine/result_format.h"
#include "server/error_response.h"
#include "server/server_state.h"

namespace kith::server {
namespace {

using nlohmann::json;

struct QueryRequest {
  std::string text;
  Params params;
  std::optional<int64_t> timeout_ms;
};

// Parameters nest at most this deep: converting them (and freeing the
// values) recurses, and a 1 MiB body of brackets must not exhaust a stack.
constexpr size_t kMaxParamDepth = 64;

void check_depth(const json& params) {
  std::vector<std::pair<const json*, size_t>> todo{{&params, 1}};
  while (!todo.empty()) {
    auto [j, depth] = todo.back();
    todo.pop_back();
    if (depth > kMaxParamDepth) {
      throw Error(ErrorCode::InvalidInput,
                  "\"params\" nest deeper than " + std::to_string(kMaxParamDepth) + " levels");
    }
    if (j->is_structured()) {
      for (const auto& child : *j) todo.emplace_back(&child, depth + 1);
    }
  }
}

// The body {"query": "...", "params": {...}, "timeout_ms": n}, or for a saved
// question {"params": {...}, "timeout_ms": n} (an empty body is no params).
// Throws InvalidInput naming what is wrong.
QueryRequest parse_query_request(const std::string& body, bool question = false) {
  if (question && body.find_first_not_of(" \t\r\n") == std::string::npos) return {};
  json j;
  try {
    j = json::parse(body);
  } catch (const json::parse_error& e) {
    throw Error(ErrorCode::InvalidInput, std::string("the body is not valid JSON: ") + e.what());
  }
  if (!j.is_object()) throw Error(ErrorCode::InvalidInput, "the body must be a JSON object");
  QueryRequest r;
  auto q = j.find("query");
  if (question) {
    if (q != j.end()) throw Error(ErrorCode::InvalidInput, "a saved question takes no \"query\"");
  } else {
    if (q == j.end() || !q->is_string()) {
      throw Error(ErrorCode::InvalidInput, "\"query\" must be a string");
    }
    r.text = q->get<std::string>();
  }
  if (auto p = j.find("params"); p != j.end() && !p->is_null()) {
    if (!p->is_object()) throw Error(ErrorCode::InvalidInput, "\"params\" must be an object");
    check_depth(*p);
    for (auto it = p->begin(); it != p->end(); ++it) r.params[it.key()] = json_to_value(it.value());
  }
  if (auto t = j.find("timeout_ms"); t != j.end() && !t->is_null()) {
    if (!t->is_number_integer() || t->get<int64_t>() <= 0) {
      throw Error(ErrorCode::InvalidInput, "\"timeout_ms\" must be a positive integer");
    }
    r.timeout_ms = t->get<int64_t>();
  }
  for (const auto& [key, value] : j.items()) {
    if (key != "query" && key != "params" && key != "timeout_ms") {
      throw Error(ErrorCode::InvalidInput, "unknown field \"" + key + "\"");
    }
  }
  return r;
}

// POST /v1/query, or with `question` set, POST /v1/questions/{question}.
void run_query(HttpServer::State& s, const httplib::Request& req, httplib::Response& res,
               const std::string& question = {}) {
  auto token = authorize(s, req, res, Role::Reader);
  if (!token) return;
  QueryRequest q;
  try {
    q = parse_query_request(req.body, !question.empty());
  } catch (const Error& e) {
    set_error(res, e);
    return;
  }
  Admission::Slot slot = s.admission.acquire();
  if (!slot) {
    res.set_header("Retry-After", "1");
    set_error(res, 503, "Overloaded", "the server is busy; retry shortly");
    return;
  }
  QueryOptions opts;
  opts.params = std::move(q.params);
  auto timeout =
      q.timeout_ms ? std::chrono::milliseconds(*q.timeout_ms) : s.options.default_timeout;
  opts.timeout = std::min(timeout, s.options.max_timeout);
  opts.cancel = &s.stopping;
  opts.allow_writes = token->role >= Role::Writer;
  s.metrics.query_started();
  struct Finished {
    Metrics& m;
    ~Finished() { m.query_finished(); }
  } finished{s.metrics};
  try {
    QueryResult result = question.empty() ? s.db.query(q.text, opts) : s.db.ask(question, opts);
    set_json(res, 200, result_to_json(result).dump(-1, ' ', false, json::error_handler_t::replace));
  } catch (const Error& e) {
    if (!question.empty() && e.code() == ErrorCode::NotFound) {
      set_error(res, 404, "NotFound", e.message());
    } else if (e.code() == ErrorCode::ReadOnly) {
      set_error(res, 403, "Forbidden",
                "token '" + token->name + "' may only read, and this statement writes");
    } else {
      set_error(res, e);
    }
  }
}

}  // namespace

void add_query_routes(HttpServer::State& s) {
  add_route(s, "POST", "/v1/query",
            [&s](const httplib::Request& req, httplib::Response& res) { run_query(s, req, res); });
  // A saved question (DEFINE QUESTION) by name, with named parameters.
  add_route(s, "POST", R"(/v1/questions/([^/]+))",
            [&s](const httplib::Request& req, httplib::Response& res) {
              run_query(s, req, res, std::string(req.matches[1]));
            });
}

}  // namespace kith::server
