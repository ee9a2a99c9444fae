#include <doctest/doctest.h>

#include "engine/statement_cache.h"
#include "storage/error.h"

using kith::engine::StatementCache;

TEST_CASE("the statement cache parses a text once and shares the result") {
  StatementCache cache(2);
  auto a = cache.get("RETURN 1");
  CHECK(cache.get("RETURN 1") == a);
  CHECK(cache.get("RETURN 2") != a);
  // Capacity 2: a third text evicts the least recently used one.
  cache.get("RETURN 1");  // now most recent
  cache.get("RETURN 3");  // evicts RETURN 2
  CHECK(cache.get("RETURN 1") == a);
  auto b = cache.get("RETURN 2");
  CHECK(cache.get("RETURN 2") == b);
}

TEST_CASE("a syntax error is thrown every time, never cached") {
  StatementCache cache;
  for (int i = 0; i < 2; ++i) {
    try {
      cache.get("RETURN (");
      FAIL("expected a SyntaxError");
    } catch (const kith::Error& e) {
      CHECK(e.code() == kith::ErrorCode::SyntaxError);
    }
  }
}
