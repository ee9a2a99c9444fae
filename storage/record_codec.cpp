#include "storage/record_codec.h"

#include "storage/error.h"

#include <algorithm>
#include <bit>

namespace kith::storage {

namespace {

void put_u64le(std::string& out, uint64_t v) {
  char buf[8];
  for (int i = 0; i < 8; ++i) buf[i] = static_cast<char>(v >> (8 * i));
  out.append(buf, 8);
}

uint64_t get_u64le(ByteReader& in) {
  std::string_view b = in.bytes(8);
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(b[i])) << (8 * i);
  return v;
}

ValueType read_type(ByteReader& in) {
  uint8_t t = in.byte();
  if (t > static_cast<uint8_t>(ValueType::List)) ByteReader::corrupt();
  return static_cast<ValueType>(t);
}

}  // namespace

void encode_value(std::string& out, const Value& v) {
  out.push_back(static_cast<char>(v.type()));
  switch (v.type()) {
    case ValueType::Null: break;
    case ValueType::Bool: out.push_back(v.as_bool() ? 1 : 0); break;
    case ValueType::Int: put_varint(out, zigzag(v.as_int())); break;
    case ValueType::Double: put_u64le(out, std::bit_cast<uint64_t>(v.as_double())); break;
    case ValueType::String:
      put_varint(out, v.as_string().size());
      out += v.as_string();
      break;
    case ValueType::Date: put_varint(out, zigzag(v.as_date().days)); break;
    case ValueType::DateTime: put_varint(out, zigzag(v.as_datetime().micros)); break;
    case ValueType::Duration: {
      const Duration& d = v.as_duration();
      put_varint(out, zigzag(d.months));
      put_varint(out, zigzag(d.days));
      put_varint(out, zigzag(d.micros));
      break;
    }
    case ValueType::List: {
      // The payload length comes first so readers can skip the list whole;
      // it is only known after encoding, hence the scratch string.
      std::string body;
      put_varint(body, v.as_list().size());
      for (const Value& e : v.as_list()) encode_value(body, e);
      put_varint(out, body.size());
      out += body;
      break;
    }
    case ValueType::Map:
    case ValueType::Node:
    case ValueType::Rel:
    case ValueType::Path:
      // Query-only kinds never reach the store (the engine checks first).
      throw Error(ErrorCode::TypeError, "a " + std::string(value_type_name(v.type())) +
                                            " cannot be stored as a property");
  }
}

Value decode_value(ByteReader& in) {
  switch (read_type(in)) {
    case ValueType::Null: return Value();
    case ValueType::Bool: return Value(in.byte() != 0);
    case ValueType::Int: return Value(in.svarint());
    case ValueType::Double: return Value(std::bit_cast<double>(get_u64le(in)));
    case ValueType::String: {
      uint64_t n = in.varint();
      return Value(in.bytes(n));
    }
    case ValueType::Date: return Value(Date{static_cast<int32_t>(in.svarint())});
    case ValueType::DateTime: return Value(DateTime{in.svarint()});
    case ValueType::Duration: {
      Duration d;
      d.months = in.svarint();
      d.days = in.svarint();
      d.micros = in.svarint();
      return Value(d);
    }
    case ValueType::List: {
      ByteReader body(in.bytes(in.varint()));
      uint64_t count = body.varint();
      Value::List items;
      items.reserve(std::min<uint64_t>(count, body.remaining()));
      for (uint64_t i = 0; i < count; ++i) items.push_back(decode_value(body));
      return Value(std::move(items));
    }
    case ValueType::Map:
    case ValueType::Node:
    case ValueType::Rel:
    case ValueType::Path:
      break;  // read_type rejects these tags
  }
  ByteReader::corrupt();
}

void skip_value(ByteReader& in) {
  switch (read_type(in)) {
    case ValueType::Null: break;
    case ValueType::Bool: in.skip(1); break;
    case ValueType::Int:
    case ValueType::Date:
    case ValueType::DateTime: in.skip_varint(); break;
    case ValueType::Double: in.skip(8); break;
    case ValueType::String:
    case ValueType::List: in.skip(in.varint()); break;
    case ValueType::Duration:
      in.skip_varint();
      in.skip_varint();
      in.skip_varint();
      break;
    case ValueType::Map:
    case ValueType::Node:
    case ValueType::Rel:
    case ValueType::Path:
      ByteReader::corrupt();  // read_type rejects these tags
  }
}

void check_storable(const Value& v) {
  if (!is_storable(v.type())) {
    throw Error(ErrorCode::TypeError, "a " + std::string(value_type_name(v.type())) +
                                          " cannot be stored as a property value");
  }
  if (v.type() == ValueType::List) {
    for (const Value& e : v.as_list()) check_storable(e);
  }
}

void normalize_properties(Properties& props) {
  for (const auto& [key, value] : props) check_storable(value);
  // Most callers pass sorted, unique, non-null properties: check that first,
  // since stable_sort allocates a buffer on every call.
  bool clean = true;
  for (size_t i = 0; i < props.size() && clean; ++i) {
    clean = !props[i].second.is_null() && (i == 0 || props[i - 1].first < props[i].first);
  }
  if (clean) return;
  std::stable_sort(props.begin(), props.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  // Keep the last value given for a key; a null there means "absent".
  size_t out = 0;
  for (size_t i = 0; i < props.size(); ++i) {
    if (i + 1 < props.size() && props[i + 1].first == props[i].first) continue;
    if (props[i].second.is_null()) continue;
    if (out != i) props[out] = std::move(props[i]);
    ++out;
  }
  props.resize(out);
}

void encode_properties(std::string& out, const Properties& props) {
  for (const auto& [key, value] : props) {
    put_varint(out, key);
    encode_value(out, value);
  }
}

void decode_properties(std::string_view bytes, Properties& out) {
  ByteReader in(bytes);
  while (!in.at_end()) {
    auto key = static_cast<PropKeyId>(in.varint());
    out.emplace_back(key, decode_value(in));
  }
}

Value find_property(std::string_view props_bytes, PropKeyId key) {
  ByteReader in(props_bytes);
  while (!in.at_end()) {
    uint64_t k = in.varint();
    if (k == key) return decode_value(in);
    if (k > key) break;  // sorted: it is not there
    skip_value(in);
  }
  return Value();
}

bool is_fixed_width(ValueType t) {
  return t == ValueType::Bool || t == ValueType::Int || t == ValueType::Double || t == ValueType::Date ||
         t == ValueType::DateTime;
}

RawProperty read_raw_property(ByteReader& in) {
  RawProperty p;
  p.key = static_cast<PropKeyId>(in.varint());
  // Peek at the kind: for the others skip_value reads it again.
  ByteReader value = in;
  p.type = read_type(value);
  switch (p.type) {
    case ValueType::Bool: p.bits = value.byte() != 0; break;
    case ValueType::Int:
    case ValueType::Date:
    case ValueType::DateTime: p.bits = value.svarint(); break;
    case ValueType::Double: p.bits = static_cast<int64_t>(get_u64le(value)); break;
    default: skip_value(in); return p;
  }
  in = value;
  return p;
}

void encode_node(std::string& out, std::span<const LabelId> labels, const Properties& props) {
  put_varint(out, labels.size());
  for (LabelId l : labels) put_varint(out, l);
  encode_properties(out, props);
}

std::string_view decode_node_labels(std::string_view record, std::vector<LabelId>& labels) {
  ByteReader in(record);
  uint64_t n = in.varint();
  if (n > in.remaining()) ByteReader::corrupt();
  labels.reserve(labels.size() + n);
  for (uint64_t i = 0; i < n; ++i) labels.push_back(static_cast<LabelId>(in.varint()));
  return in.rest();
}

std::string_view skip_node_labels(std::string_view record) {
  ByteReader in(record);
  uint64_t n = in.varint();
  for (uint64_t i = 0; i < n; ++i) in.skip_varint();
  return in.rest();
}

void encode_rel(std::string& out, const RelHeader& h, const Properties& props) {
  put_varint(out, h.type);
  put_varint(out, h.start);
  put_varint(out, h.end);
  encode_properties(out, props);
}

std::string_view decode_rel_header(std::string_view record, RelHeader& h) {
  ByteReader in(record);
  h.type = static_cast<RelTypeId>(in.varint());
  h.start = in.varint();
  h.end = in.varint();
  return in.rest();
}

}  // namespace kith::storage
