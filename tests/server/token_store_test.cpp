#include <doctest/doctest.h>

#include <future>
#include <optional>

#include "server/admission.h"
#include "server_fixture.h"
#include "storage/error.h"
#include "storage/meta_kv.h"

using namespace kith;
using namespace kith::server;
using kith::server::test::TempDir;

TEST_CASE("tokens: created once, verified by hash, listed, revoked") {
  TempDir dir;
  auto db = Database::open((dir.path() / "t.kith").string());
  NewToken t = create_token(db->store(), Role::Writer, "app");
  CHECK(t.token.starts_with("kith_"));
  CHECK(t.info.name == "app");

  auto ok = verify_token(db->store(), t.token);
  REQUIRE(ok);
  CHECK(ok->name == "app");
  CHECK(ok->role == Role::Writer);

  // One changed character of the secret, a truncated token, another id.
  std::string wrong = t.token;
  wrong.back() = wrong.back() == '0' ? '1' : '0';
  CHECK_FALSE(verify_token(db->store(), wrong));
  CHECK_FALSE(verify_token(db->store(), t.token.substr(0, t.token.size() - 1)));
  CHECK_FALSE(verify_token(db->store(), ""));
  CHECK_FALSE(verify_token(db->store(), "kith_0000000000000000_" + std::string(64, 'a')));

  // Only a salted hash is stored: the secret appears nowhere in the record.
  const std::string secret = t.token.substr(t.token.rfind('_') + 1);
  {
    storage::Txn txn = db->store().begin_read();
    auto all = storage::meta_scan(txn, "");
    REQUIRE(all.size() == 1);
    CHECK(all[0].second.find(secret) == std::string::npos);
    CHECK(all[0].second.find("salt") != std::string::npos);
  }
  // Two tokens never share a secret or a hash.
  NewToken t2 = create_token(db->store(), Role::Reader, "");
  CHECK(t2.info.name == "token-" + t2.info.id);
  CHECK(t2.token != t.token);

  CHECK(list_tokens(db->store()).size() == 2);
  CHECK_THROWS_AS(create_token(db->store(), Role::Reader, "app"), Error);  // names are unique
  CHECK_THROWS_AS(create_token(db->store(), Role::Reader, "bad name"), Error);
  CHECK_THROWS_AS(parse_role("root"), Error);

  CHECK(revoke_token(db->store(), "app"));
  CHECK_FALSE(verify_token(db->store(), t.token));
  CHECK_FALSE(revoke_token(db->store(), "app"));
  CHECK(revoke_token(db->store(), t2.info.id));  // by id too
  CHECK(list_tokens(db->store()).empty());
}

TEST_CASE("tokens live in the database file, invisible to queries") {
  TempDir dir;
  const std::string path = (dir.path() / "t.kith").string();
  std::string token;
  {
    auto db = Database::open(path);
    token = create_token(db->store(), Role::Admin, "ops").token;
  }
  auto db = Database::open(path);
  CHECK(verify_token(db->store(), token));
  QueryResult r = db->query("MATCH (n) RETURN count(n) AS c");
  REQUIRE(r.rows.size() == 1);
  CHECK(r.rows[0][0] == Value(int64_t{0}));
  CHECK(db->schema().labels.empty());
  CHECK(db->schema().prop_keys.empty());
}

TEST_CASE("admission: running and waiting are bounded; freed slots go to waiters in order") {
  kith::server::Admission a(1, 2);
  std::optional<kith::server::Admission::Slot> first(a.acquire());
  REQUIRE(*first);
  std::vector<int> order;
  std::mutex order_mutex;
  auto waiter = [&](int n) {
    auto slot = a.acquire();
    std::lock_guard lock(order_mutex);
    order.push_back(n);
    return static_cast<bool>(slot);
  };
  auto second = std::async(std::launch::async, waiter, 2);
  while (a.waiting() < 1) std::this_thread::yield();
  auto third = std::async(std::launch::async, waiter, 3);
  while (a.waiting() < 2) std::this_thread::yield();
  CHECK_FALSE(a.acquire());  // one running, two waiting: the line is full
  first.reset();             // hands the slot on
  CHECK(second.get());
  CHECK(third.get());
  CHECK(order == std::vector<int>{2, 3});
  CHECK(a.waiting() == 0);
  CHECK(a.acquire());  // everything was released
}
