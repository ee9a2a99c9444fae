// Parallel clients, a long read beside short ones, overload, shutdown.
#include <doctest/doctest.h>

#include <atomic>
#include <future>

#include "server_fixture.h"

using namespace kith::server::test;
using nlohmann::json;

namespace {

const char* kSlow = "MATCH (a:N), (b:N), (c:N) RETURN count(*) AS n";

void load_nodes(TestServer& s) {
  REQUIRE(s.post_query(s.writer, {{"query", "UNWIND range(1, 3000) AS i CREATE (:N {i: i})"}})
              ->status == 200);
}

// Waits until the server reports `n` running queries.
bool wait_active(TestServer& s, int n) {
  for (int i = 0; i < 5000; ++i) {
    auto m = s.client(s.reader).Get("/metrics");
    if (m && m->body.find("kith_active_queries " + std::to_string(n) + "\n") != std::string::npos)
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return false;
}

}  // namespace

TEST_CASE("concurrent clients: reads in parallel with writes, every answer right") {
  TestServer s;
  REQUIRE(s.post_query(s.writer, {{"query", "CREATE (:Counter {n: 0})"}})->status == 200);
  std::atomic<int> failures{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 8; ++t) {
    clients.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        if (t % 2 == 0) {
          auto r = s.post_query(s.writer, {{"query", "MATCH (c:Counter) SET c.n = c.n + 1"}});
          if (!r || r->status != 200) ++failures;
        } else {
          auto r =
              s.post_query(s.reader, {{"query", "RETURN $i * 2 AS x"}, {"params", {{"i", i}}}});
          if (!r || r->status != 200 || body_of(r)["rows"][0][0] != i * 2) ++failures;
        }
      }
    });
  }
  for (auto& c : clients) c.join();
  CHECK(failures == 0);
  // Writes were serialised: no increment was lost.
  auto r = s.post_query(s.reader, {{"query", "MATCH (c:Counter) RETURN c.n AS n"}});
  CHECK(body_of(r)["rows"][0][0] == 100);
}

TEST_CASE("a long read does not block short ones") {
  TestServer s;
  load_nodes(s);
  auto slow = std::async(std::launch::async, [&] {
    return s.post_query(s.reader, {{"query", kSlow}, {"timeout_ms", 20000}})->status;
  });
  REQUIRE(wait_active(s, 1));
  for (int i = 0; i < 20; ++i) {
    auto r = s.post_query(
        s.reader, {{"query", "MATCH (n:N {i: $i}) RETURN n.i AS i"}, {"params", {{"i", i + 1}}}});
    REQUIRE(r);
    CHECK(r->status == 200);
  }
  // Still running after the short ones all finished.
  CHECK(slow.wait_for(std::chrono::milliseconds(0)) == std::future_status::timeout);
  s.stop();  // cancels it
  CHECK(slow.get() == 503);
}

TEST_CASE("503 when every query slot and the waiting line are full") {
  kith::server::ServerOptions o;
  o.max_running_queries = 1;
  o.max_waiting_queries = 0;
  TestServer s(o);
  load_nodes(s);
  auto slow = std::async(std::launch::async, [&] {
    return s.post_query(s.reader, {{"query", kSlow}, {"timeout_ms", 20000}})->status;
  });
  REQUIRE(wait_active(s, 1));
  auto r = s.post_query(s.reader, {{"query", "RETURN 1"}});
  REQUIRE(r);
  CHECK(r->status == 503);
  CHECK(error_code(r) == "Overloaded");
  CHECK(r->get_header_value("Retry-After") == "1");
  // /healthz and /metrics need no query slot.
  CHECK(s.client().Get("/healthz")->status == 200);
  s.stop();
  CHECK(slow.get() == 503);
}

TEST_CASE("stop() cancels running queries and returns; the store stays usable") {
  TestServer s;
  load_nodes(s);
  auto slow = std::async(std::launch::async, [&] {
    auto r = s.post_query(s.reader, {{"query", kSlow}, {"timeout_ms", 60000}});
    return std::make_pair(r->status, error_code(r));
  });
  REQUIRE(wait_active(s, 1));
  const auto start = std::chrono::steady_clock::now();
  s.stop();
  auto [status, code] = slow.get();
  CHECK(status == 503);
  CHECK(code == "Cancelled");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(15));
  // No transaction was left open: a write goes through at once.
  CHECK(s.db->query("CREATE (:After)").wrote);
}
