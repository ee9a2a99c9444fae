// The endpoints that succeed, and what each role may do.
#include <doctest/doctest.h>

#include "server_fixture.h"

using namespace kith::server::test;
using nlohmann::json;

TEST_CASE("POST /v1/query: columns, rows, stats; parameters bound; big integers exact") {
  TestServer s;
  auto w = s.post_query(
      s.writer, {{"query", "CREATE (:Person {name: $name, big: $big})"},
                 {"params", {{"name", "Dana'}) DETACH DELETE (n"}, {"big", 9007199254740993LL}}}});
  REQUIRE(w);
  CHECK(w->status == 200);

  auto r = s.post_query(
      s.reader,
      {{"query", "MATCH (p:Person) RETURN p.name AS name, p.big AS big, p"}, {"timeout_ms", 5000}});
  REQUIRE(r);
  REQUIRE(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == "application/json");
  json j = body_of(r);
  CHECK(j["columns"] == json::array({"name", "big", "p"}));
  REQUIRE(j["rows"].size() == 1);
  // The parameter is a value, never query text.
  CHECK(j["rows"][0][0] == "Dana'}) DETACH DELETE (n");
  CHECK(j["rows"][0][1].get<int64_t>() == 9007199254740993LL);  // 2^53 + 1
  CHECK(j["rows"][0][2]["labels"] == json::array({"Person"}));
  CHECK(j["rows"][0][2]["properties"]["name"] == "Dana'}) DETACH DELETE (n");
  CHECK(j["stats"]["rows"] == 1);
  CHECK(j["stats"].contains("elapsed_ms"));
}

TEST_CASE("roles: reader reads, writer writes, admin manages tokens") {
  TestServer s;
  const std::string create = "CREATE (:T {x: 1})";
  auto rr = s.post_query(s.reader, {{"query", create}});
  REQUIRE(rr);
  CHECK(rr->status == 403);
  CHECK(error_code(rr) == "Forbidden");
  CHECK(s.post_query(s.writer, {{"query", create}})->status == 200);
  CHECK(s.post_query(s.admin, {{"query", create}})->status == 200);
  // The reader's refused write left nothing behind.
  auto count = s.post_query(s.reader, {{"query", "MATCH (t:T) RETURN count(t) AS c"}});
  CHECK(body_of(count)["rows"][0][0] == 2);

  // Token management is admin-only.
  CHECK(s.client(s.reader).Get("/v1/tokens")->status == 403);
  CHECK(s.client(s.writer).Get("/v1/tokens")->status == 403);
  auto list = s.client(s.admin).Get("/v1/tokens");
  REQUIRE(list->status == 200);
  CHECK(body_of(list)["tokens"].size() == 3);
  CHECK(list->body.find("kith_") == std::string::npos);  // never a token or a hash
  CHECK(list->body.find("hash") == std::string::npos);

  auto made = s.client(s.admin).Post("/v1/tokens", R"({"role": "reader", "name": "dash"})",
                                     "application/json");
  REQUIRE(made->status == 201);
  const std::string fresh = body_of(made)["token"];
  CHECK(s.client(fresh).Get("/v1/schema")->status == 200);
  CHECK(s.client(s.writer).Post("/v1/tokens", R"({"role": "admin"})", "application/json")->status ==
        403);
  CHECK(s.client(s.admin).Post("/v1/tokens", R"({"role": "root"})", "application/json")->status ==
        400);

  CHECK(s.client(s.admin).Delete("/v1/tokens/dash")->status == 204);
  CHECK(s.client(fresh).Get("/v1/schema")->status == 401);  // revoked at once
  CHECK(s.client(s.admin).Delete("/v1/tokens/dash")->status == 404);
}

TEST_CASE("401 without a valid token on every endpoint but /healthz") {
  TestServer s;
  CHECK(s.client().Get("/healthz")->status == 200);
  CHECK(body_of(s.client().Get("/healthz"))["status"] == "ok");
  for (const char* path : {"/v1/schema", "/metrics", "/v1/openapi.json", "/v1/tokens"}) {
    CAPTURE(path);
    auto r = s.client().Get(path);
    REQUIRE(r);
    CHECK(r->status == 401);
    CHECK(error_code(r) == "Unauthorized");
    CHECK(r->get_header_value("WWW-Authenticate") == "Bearer");
    CHECK(s.client("kith_not_a_token").Get(path)->status == 401);
  }
  auto q = s.post_query("", {{"query", "RETURN 1"}});
  CHECK(q->status == 401);
  httplib::Client basic("127.0.0.1", s.server->port());
  basic.set_basic_auth("user", "pass");
  CHECK(basic.Post("/v1/query", R"({"query": "RETURN 1"})", "application/json")->status == 401);
  CHECK(s.client().Post("/v1/questions/top", "{}", "application/json")->status == 401);
}

TEST_CASE("GET /v1/schema: labels, types, property keys with types, indexes, counts") {
  TestServer s;
  REQUIRE(s.post_query(
               s.writer,
               {{"query", "CREATE (:Person {name: 'a', age: 3})-[:KNOWS]->(:Person {name: 'b'})"}})
              ->status == 200);
  REQUIRE(s.post_query(s.writer, {{"query", "CREATE INDEX FOR (p:Person) ON (p.name)"}})->status ==
          200);
  auto r = s.client(s.reader).Get("/v1/schema");
  REQUIRE(r->status == 200);
  json j = body_of(r);
  CHECK(j["labels"] == json::array({{{"name", "Person"}, {"count", 2}}}));
  CHECK(j["relationship_types"] == json::array({{{"name", "KNOWS"}, {"count", 1}}}));
  CHECK(j["node_properties"]["Person"]["age"] == json::array({"INT64"}));
  CHECK(j["node_properties"]["Person"]["name"] == json::array({"STRING"}));
  REQUIRE(j["indexes"].size() == 1);
  CHECK(j["indexes"][0]["property"] == "name");
  CHECK(j["nodes"] == 2);
  CHECK(j["relationships"] == 1);
}

TEST_CASE("GET /metrics, /v1/openapi.json; POST /v1/questions/{name}; the access log") {
  TestServer s;
  REQUIRE(s.post_query(s.reader, {{"query", "RETURN 1 AS one"}})->status == 200);
  REQUIRE(s.post_query(s.reader, {{"query", "RETURN $secret_param AS x"},
                                  {"params", {{"secret_param", "hunter2"}}}})
              ->status == 200);
  CHECK(s.post_query(s.reader, {{"query", "RETURN"}})->status == 400);

  // Requests are counted once answered: wait for the last one to show.
  auto m = s.client(s.reader).Get("/metrics");
  for (int i = 0; i < 1000 && m && m->body.find("status=\"400\"} 1") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    m = s.client(s.reader).Get("/metrics");
  }
  REQUIRE(m);
  REQUIRE(m->status == 200);
  CHECK(m->get_header_value("Content-Type").starts_with("text/plain"));
  CHECK(m->body.find("kith_http_requests_total{endpoint=\"/v1/query\",status=\"200\"} 2") !=
        std::string::npos);
  CHECK(m->body.find("kith_http_requests_total{endpoint=\"/v1/query\",status=\"400\"} 1") !=
        std::string::npos);
  // The histogram counts every answered request (these three, and earlier /metrics calls).
  const std::string inf = "kith_http_request_duration_seconds_bucket{le=\"+Inf\"} ";
  const auto at = m->body.find(inf);
  REQUIRE(at != std::string::npos);
  CHECK(std::stoi(m->body.substr(at + inf.size())) >= 3);
  CHECK(m->body.find("kith_http_request_duration_seconds_count ") != std::string::npos);
  CHECK(m->body.find("kith_active_queries 0") != std::string::npos);
  CHECK(m->body.find("kith_store_size_bytes ") != std::string::npos);

  auto o = s.client(s.reader).Get("/v1/openapi.json");
  REQUIRE(o->status == 200);
  json doc = body_of(o);
  CHECK(doc["openapi"].get<std::string>().starts_with("3."));
  for (const char* path : {"/v1/query", "/v1/schema", "/healthz", "/metrics",
                           "/v1/questions/{name}", "/v1/openapi.json", "/v1/tokens"}) {
    CAPTURE(path);
    CHECK(doc["paths"].contains(path));
  }

  auto q = s.client(s.reader).Post("/v1/questions/top-friends", "{}", "application/json");
  REQUIRE(q->status == 404);
  CHECK(error_code(q) == "NotFound");
  CHECK(body_of(q)["error"]["message"].get<std::string>().find("top-friends") != std::string::npos);
  // Defining one writes (a writer's statement); asking it is a read.
  json define = {{"query", "DEFINE QUESTION echo($x) AS RETURN $x AS x, $x * 2 AS twice"}};
  CHECK(s.client(s.reader).Post("/v1/query", define.dump(), "application/json")->status == 403);
  REQUIRE(s.client(s.writer).Post("/v1/query", define.dump(), "application/json")->status == 200);
  auto asked = s.client(s.reader).Post("/v1/questions/echo", R"({"params": {"x": 21}})", "application/json");
  REQUIRE(asked->status == 200);
  CHECK(body_of(asked)["columns"] == json::array({"x", "twice"}));
  CHECK(body_of(asked)["rows"] == json::array({json::array({21, 42})}));
  auto missing = s.client(s.reader).Post("/v1/questions/echo", "", "application/json");
  CHECK(missing->status == 400);
  CHECK(error_code(missing) == "ParameterMissing");
  auto stray = s.client(s.reader).Post("/v1/questions/echo", R"({"query": "RETURN 1"})", "application/json");
  CHECK(stray->status == 400);

  s.stop();
  std::lock_guard lock(s.log_mutex);
  REQUIRE(s.log.size() >= 6);
  bool saw_query = false;
  for (const auto& line : s.log) {
    CAPTURE(line);
    json l = json::parse(line);
    CHECK(l.contains("time"));
    CHECK(l.contains("ms"));
    CHECK(l.contains("status"));
    CHECK(line.find("hunter2") == std::string::npos);  // no parameters
    CHECK(line.find("kith_") == std::string::npos);    // no tokens
    CHECK(line.find("RETURN") == std::string::npos);   // no query text
    if (l["endpoint"] == "/v1/query" && l["status"] == 200) {
      saw_query = true;
      CHECK((l["token"] == "r" || l["token"] == "w"));  // the reader's query, the writer's DEFINE
    }
  }
  CHECK(saw_query);
}
