// KeySpace / IntKeyMap (storage/import/key_space.h): external node keys ->
// node ids, before and after freeze(), dense and sparse, at the ends of the
// int64 range, and through table growth.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <vector>

#include "storage/import/key_space.h"

using kith::kNoNode;
using kith::NodeId;
using kith::storage::import::IntKeyMap;

namespace {

// Inserts keys[i] -> node i and checks every lookup before and after freeze.
void check_map(const std::vector<int64_t>& keys, const std::vector<int64_t>& absent) {
  IntKeyMap m;
  for (size_t i = 0; i < keys.size(); ++i) REQUIRE(m.insert(keys[i], static_cast<NodeId>(i)));
  for (size_t i = 0; i < keys.size(); ++i) CHECK_FALSE(m.insert(keys[i], 99));  // taken
  CHECK(m.size() == keys.size());
  for (int frozen = 0; frozen < 2; ++frozen) {
    CAPTURE(frozen);
    for (size_t i = 0; i < keys.size(); ++i) CHECK(m.find(keys[i]) == static_cast<NodeId>(i));
    for (int64_t k : absent) CHECK(m.find(k) == kNoNode);
    m.freeze();
  }
}

}  // namespace

TEST_CASE("int keys: dense keys (an array after freeze), holes and keys outside the range") {
  std::vector<int64_t> keys;
  for (int64_t k = 1000; k < 6000; ++k) {
    if (k % 7 != 0) keys.push_back(k);
  }
  check_map(keys, {0, 999, 1001 - 1001 % 7 + 7, 6000, -1, std::numeric_limits<int64_t>::max()});
}

TEST_CASE("int keys: sparse keys stay in the table, through growth") {
  std::vector<int64_t> keys;
  for (int64_t i = 0; i < 20000; ++i) keys.push_back(i * 1000003 - 7000000);
  check_map(keys, {1, -6999999, 20000LL * 1000003});
}

TEST_CASE("int keys: the ends of the int64 range and negative keys") {
  const int64_t lo = std::numeric_limits<int64_t>::min();
  const int64_t hi = std::numeric_limits<int64_t>::max();
  check_map({lo, hi, 0, -1, 1}, {lo + 1, hi - 1, 2, -2});
  // Dense at the top and at the bottom of the range.
  check_map({hi, hi - 1, hi - 2}, {hi - 3, lo});
  check_map({lo, lo + 1, lo + 2}, {lo + 3, hi});
}

TEST_CASE("int keys: an empty map finds nothing, frozen or not") {
  IntKeyMap m;
  CHECK(m.find(0) == kNoNode);
  m.freeze();
  CHECK(m.find(0) == kNoNode);
}
