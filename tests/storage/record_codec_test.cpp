#include <doctest/doctest.h>

#include <limits>

#include "storage/record_codec.h"

using namespace kith;
using namespace kith::storage;

namespace {

Value round_trip(const Value& v) {
  std::string bytes;
  encode_value(bytes, v);
  ByteReader in(bytes);
  Value out = decode_value(in);
  CHECK(in.at_end());
  return out;
}

}  // namespace

TEST_CASE("values of every type survive encoding") {
  std::vector<Value> values = {
      Value(true), Value(false), Value(int64_t{0}), Value(int64_t{-1}),
      Value(std::numeric_limits<int64_t>::min()), Value(std::numeric_limits<int64_t>::max()),
      Value(3.25), Value(-0.0), Value(1e308), Value(std::string()), Value("héllo, 世界"),
      Value(std::string("a\0b", 3)), Value(Date{-719162}), Value(Date{20000}),
      Value(DateTime{-1}), Value(DateTime{1'700'000'000'000'000}),
      Value(Duration{14, -3, 5'500'000}),
      Value(Value::List{}), Value(Value::List{Value(1), Value("x"), Value(), Value(Value::List{Value(2.5)})}),
  };
  for (const Value& v : values) CHECK(round_trip(v) == v);
}

TEST_CASE("properties are normalized and a single one is found without decoding the rest") {
  Properties props = {{7, Value("seven")}, {2, Value(2)}, {5, Value()}, {2, Value(22)},
                      {9, Value(Value::List{Value(1), Value(2)})}};
  normalize_properties(props);
  REQUIRE(props.size() == 3);
  CHECK(props[0] == std::pair<PropKeyId, Value>{2, Value(22)});  // last one given wins
  CHECK(props[1].first == 7);
  CHECK(props[2].first == 9);

  std::string bytes;
  encode_properties(bytes, props);
  CHECK(find_property(bytes, 7) == Value("seven"));
  CHECK(find_property(bytes, 9) == Value(Value::List{Value(1), Value(2)}));
  CHECK(find_property(bytes, 2) == Value(22));
  CHECK(find_property(bytes, 5).is_null());
  CHECK(find_property(bytes, 100).is_null());
  Properties back;
  decode_properties(bytes, back);
  CHECK(back == props);
}

TEST_CASE("node and relationship records") {
  std::string bytes;
  const LabelId labels[] = {1, 300, 70000};
  encode_node(bytes, labels, {{1, Value(1.5)}});
  std::vector<LabelId> got;
  std::string_view props = decode_node_labels(bytes, got);
  CHECK(got == std::vector<LabelId>{1, 300, 70000});
  CHECK(find_property(props, 1) == Value(1.5));
  CHECK(skip_node_labels(bytes) == props);

  bytes.clear();
  encode_rel(bytes, RelHeader{3, kMaxNodeId, 0}, {{4, Value("w")}});
  RelHeader h;
  props = decode_rel_header(bytes, h);
  CHECK(h.type == 3);
  CHECK(h.start == kMaxNodeId);
  CHECK(h.end == 0);
  CHECK(find_property(props, 4) == Value("w"));
}

TEST_CASE("a truncated record is a StorageError, not a crash") {
  std::string bytes;
  encode_value(bytes, Value("a long enough string"));
  bytes.resize(bytes.size() - 3);
  ByteReader in(bytes);
  CHECK_THROWS_AS(decode_value(in), Error);
}
