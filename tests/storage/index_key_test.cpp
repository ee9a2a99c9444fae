#include <doctest/doctest.h>

#include <limits>

#include "storage/index_key.h"

using namespace kith;
using namespace kith::storage;

namespace {

std::string enc(const Value& v) {
  std::string out;
  encode_index_value(out, v);
  return out;
}

}  // namespace

TEST_CASE("numbers: byte order is numeric order across INT and FLOAT") {
  const int64_t big = int64_t{1} << 60;
  std::vector<Value> ascending = {
      Value(-std::numeric_limits<double>::infinity()),
      Value(std::numeric_limits<int64_t>::min()),
      Value(-1e18),
      Value(int64_t{-5}),
      Value(-4.5),
      Value(-1e-300),
      Value(int64_t{0}),
      Value(1e-300),
      Value(int64_t{1}),
      Value(1.5),
      Value(int64_t{2}),
      Value(static_cast<double>(big)),
      Value(big + 1),  // rounds to the same double as 2^60; ordered by the correction
      Value(big + 2),
      Value(std::numeric_limits<int64_t>::max()),
      Value(1e300),
      Value(std::numeric_limits<double>::infinity()),
  };
  for (size_t i = 0; i + 1 < ascending.size(); ++i) {
    INFO(i);
    CHECK(enc(ascending[i]) < enc(ascending[i + 1]));
  }
  CHECK(enc(Value(5)) == enc(Value(5.0)));    // equal numbers, equal keys
  CHECK(enc(Value(0.0)) == enc(Value(-0.0)));
  CHECK(enc(Value(static_cast<double>(big))) == enc(Value(big)));
}

TEST_CASE("strings, dates, datetimes and lists order like their values") {
  CHECK(enc(Value("")) < enc(Value("a")));
  CHECK(enc(Value("a")) < enc(Value("ab")));
  CHECK(enc(Value("ab")) < enc(Value("b")));
  CHECK(enc(Value("Z")) < enc(Value("a")));
  CHECK(enc(Value(Date{-1})) < enc(Value(Date{0})));
  CHECK(enc(Value(Date{-100000})) < enc(Value(Date{-1})));
  CHECK(enc(Value(DateTime{-5})) < enc(Value(DateTime{3})));
  CHECK(enc(Value(Value::List{Value("a")})) < enc(Value(Value::List{Value("a"), Value(1)})));
  CHECK(enc(Value(Value::List{Value("a"), Value(9)})) < enc(Value(Value::List{Value("ab")})));
  CHECK(enc(Value(Value::List{Value(std::string("a\0", 2))})) > enc(Value(Value::List{Value("a")})));
}

TEST_CASE("families never interleave") {
  CHECK(enc(Value(true)) < enc(Value(std::numeric_limits<int64_t>::min())));
  CHECK(enc(Value(std::numeric_limits<double>::infinity())) < enc(Value("")));
  CHECK(enc(Value(std::string(600, '\xff'))) < enc(Value(Date{std::numeric_limits<int32_t>::min()})));
}

TEST_CASE("keys are cut to fit LMDB and say so") {
  std::string key;
  CHECK_FALSE(make_index_key(key, 7, Value("short")));
  CHECK(key.size() == 4 + 1 + 5);
  CHECK(make_index_key(key, 7, Value(std::string(2000, 'x'))));
  CHECK(key.size() == 4 + kMaxIndexValueBytes);
  CHECK(index_key_maybe_cut(key.size()));
  CHECK(key.substr(0, 4) == index_prefix(7));
}
