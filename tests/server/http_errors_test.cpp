// Every error status of the API, with its JSON body; none leaves the server
// unable to answer the next request.
#include <doctest/doctest.h>

#include "server_fixture.h"

using namespace kith::server::test;
using nlohmann::json;

TEST_CASE("400: query errors carry code, message, line and column") {
  TestServer s;
  auto r = s.post_query(s.reader, {{"query", "MATCH (n)\nRETURN n.name +"}});
  REQUIRE(r);
  CHECK(r->status == 400);
  json e = body_of(r)["error"];
  CHECK(e["code"] == "SyntaxError");
  CHECK(!e["message"].get<std::string>().empty());
  CHECK(e["line"] == 2);
  CHECK(e["column"].get<int>() >= 1);

  auto missing = s.post_query(s.reader, {{"query", "RETURN $nope"}});
  CHECK(missing->status == 400);
  CHECK(error_code(missing) == "ParameterMissing");
  auto unknown = s.post_query(s.reader, {{"query", "RETURN no_such_function(1)"}});
  CHECK(unknown->status == 400);
  CHECK(error_code(unknown) == "UnknownFunction");
}

TEST_CASE("400: malformed bodies") {
  TestServer s;
  auto c = s.client(s.reader);
  for (const char* body :
       {"", "{", "not json", "[1,2]", "\"RETURN 1\"", R"({"query": 42})", R"({"params": {}})",
        R"({"query": "RETURN 1", "params": [1]})", R"({"query": "RETURN 1", "timeout_ms": -5})",
        R"({"query": "RETURN 1", "timeout_ms": "soon"})", R"({"query": "RETURN 1", "extra": true})",
        R"({"query": "RETURN $x", "params": {"x": 18446744073709551615}})",
        "{\"query\": \"RETURN 1\xff\"}"}) {
    CAPTURE(body);
    auto r = c.Post("/v1/query", body, "application/json");
    REQUIRE(r);
    CHECK(r->status == 400);
    json e = body_of(r)["error"];
    CHECK(e["code"].is_string());
    CHECK(e["message"].is_string());
  }
  // Deep nesting is refused before anything recurses over it.
  const std::string deep = R"({"query": "RETURN $x", "params": {"x": )" + std::string(200000, '[') +
                           std::string(200000, ']') + "}}";
  auto d = c.Post("/v1/query", deep, "application/json");
  REQUIRE(d);
  CHECK(d->status == 400);
  CHECK(body_of(d)["error"]["message"].get<std::string>().find("nest") != std::string::npos);
  const std::string nested_ok = R"({"query": "RETURN $x AS x", "params": {"x": [[[1]]]}})";
  auto n = c.Post("/v1/query", nested_ok, "application/json");
  REQUIRE(n);
  CHECK(n->status == 200);
  CHECK(body_of(n)["rows"][0][0] == json::parse("[[[1]]]"));
  // Random bytes never crash the server.
  std::string junk;
  for (int i = 0; i < 2000; ++i) junk += static_cast<char>((i * 7919) % 256);
  auto r = c.Post("/v1/query", junk, "application/octet-stream");
  REQUIRE(r);
  CHECK(r->status == 400);
  CHECK(s.post_query(s.reader, {{"query", "RETURN 1 AS one"}})->status == 200);
}

TEST_CASE("404 unknown path, 405 wrong method") {
  TestServer s;
  auto nf = s.client(s.reader).Get("/v1/nothing");
  REQUIRE(nf);
  CHECK(nf->status == 404);
  CHECK(error_code(nf) == "NotFound");

  auto get_query = s.client(s.reader).Get("/v1/query");
  REQUIRE(get_query);
  CHECK(get_query->status == 405);
  CHECK(error_code(get_query) == "MethodNotAllowed");
  CHECK(get_query->get_header_value("Allow") == "POST");
  CHECK(s.client(s.reader).Post("/v1/schema", "{}", "application/json")->status == 405);
  CHECK(s.client(s.reader).Delete("/healthz")->status == 405);
  CHECK(s.client(s.reader).Put("/v1/tokens", "{}", "application/json")->status == 405);
}

TEST_CASE("413 above the configured body size") {
  kith::server::ServerOptions o;
  o.max_body_bytes = 1024;
  TestServer s(o);
  std::string big =
      R"({"query": "RETURN 1", "params": {"pad": ")" + std::string(4096, 'x') + "\"}}";
  auto r = s.client(s.reader).Post("/v1/query", big, "application/json");
  REQUIRE(r);
  CHECK(r->status == 413);
  CHECK(error_code(r) == "PayloadTooLarge");
  // Just under the limit is fine.
  std::string small =
      R"({"query": "RETURN size($pad) AS n", "params": {"pad": ")" + std::string(900, 'x') + "\"}}";
  auto ok = s.client(s.reader).Post("/v1/query", small, "application/json");
  REQUIRE(ok);
  CHECK(ok->status == 200);
  CHECK(body_of(ok)["rows"][0][0] == 900);
}

TEST_CASE("504 when a query runs past its timeout; the server stays responsive") {
  TestServer s;
  REQUIRE(s.post_query(s.writer, {{"query", "UNWIND range(1, 3000) AS i CREATE (:N {i: i})"}})
              ->status == 200);
  auto r = s.post_query(
      s.reader, {{"query", "MATCH (a:N), (b:N), (c:N) RETURN count(*) AS n"}, {"timeout_ms", 50}});
  REQUIRE(r);
  CHECK(r->status == 504);
  CHECK(error_code(r) == "Timeout");
  auto ok = s.post_query(s.reader, {{"query", "MATCH (a:N) RETURN count(*) AS n"}});
  CHECK(ok->status == 200);
  CHECK(body_of(ok)["rows"][0][0] == 3000);

  // The server's own cap applies when the request asks for more.
  kith::server::ServerOptions capped;
  capped.max_timeout = std::chrono::milliseconds(50);
  TestServer t(capped);
  REQUIRE(t.post_query(t.writer, {{"query", "UNWIND range(1, 3000) AS i CREATE (:N {i: i})"}})
              ->status == 200);
  auto c = t.post_query(t.reader, {{"query", "MATCH (a:N), (b:N), (c:N) RETURN count(*) AS n"},
                                   {"timeout_ms", 600000}});
  CHECK(c->status == 504);
}
