#include "storage/index_key.h"

#include "storage/error.h"

#include <bit>
#include <cmath>

namespace kith::storage {

namespace {

void put_be(std::string& out, uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<char>(v >> (8 * i)));
}

void put_signed64(std::string& out, int64_t v) {
  put_be(out, static_cast<uint64_t>(v) ^ (uint64_t{1} << 63), 8);
}

void put_number(std::string& out, double d, int64_t correction) {
  if (d == 0) d = 0.0;  // -0.0 equals 0.0
  if (std::isnan(d)) d = std::numeric_limits<double>::quiet_NaN();  // one NaN, above +inf
  uint64_t bits = std::bit_cast<uint64_t>(d);
  bits = (bits & (uint64_t{1} << 63)) ? ~bits : bits | (uint64_t{1} << 63);
  put_be(out, bits, 8);
  put_be(out, static_cast<uint64_t>(correction + 0x8000), 2);
}

void encode(std::string& out, const Value& v, bool nested) {
  out.push_back(static_cast<char>(index_family_tag(v.type())));
  switch (v.type()) {
    case ValueType::Null: break;
    case ValueType::Bool: out.push_back(v.as_bool() ? 1 : 0); break;
    case ValueType::Int: {
      int64_t i = v.as_int();
      double d = static_cast<double>(i);
      // d is integral here (exact below 2^53, rounded to an integer above),
      // and may be 2^63 itself, which only __int128 holds.
      auto diff = static_cast<__int128>(i) - static_cast<__int128>(d);
      put_number(out, d, static_cast<int64_t>(diff));
      break;
    }
    case ValueType::Double: put_number(out, v.as_double(), 0); break;
    case ValueType::String:
      if (!nested) {
        out += v.as_string();
      } else {
        for (char c : v.as_string()) {
          out.push_back(c);
          if (c == 0) out.push_back(static_cast<char>(0xFF));
        }
        out.push_back(0);
        out.push_back(1);
      }
      break;
    case ValueType::Date:
      put_be(out, static_cast<uint32_t>(v.as_date().days) ^ 0x80000000u, 4);
      break;
    case ValueType::DateTime: put_signed64(out, v.as_datetime().micros); break;
    case ValueType::Duration:
      put_signed64(out, v.as_duration().months);
      put_signed64(out, v.as_duration().days);
      put_signed64(out, v.as_duration().micros);
      break;
    case ValueType::List:
      for (const Value& e : v.as_list()) encode(out, e, true);
      out.push_back(0);
      break;
    case ValueType::Map:
    case ValueType::Node:
    case ValueType::Rel:
    case ValueType::Path:
      throw Error(ErrorCode::TypeError, "a " + std::string(value_type_name(v.type())) +
                                            " cannot be an indexed value");
  }
}

}  // namespace

uint8_t index_family_tag(ValueType t) {
  switch (t) {
    case ValueType::Null: return 0x01;
    case ValueType::Bool: return 0x10;
    case ValueType::Int:
    case ValueType::Double: return 0x20;
    case ValueType::String: return 0x30;
    case ValueType::Date: return 0x40;
    case ValueType::DateTime: return 0x50;
    case ValueType::Duration: return 0x60;
    case ValueType::List: return 0x70;
    case ValueType::Map:
    case ValueType::Node:
    case ValueType::Rel:
    case ValueType::Path:
      return 0x7f;
  }
  return 0x01;
}

void encode_index_value(std::string& out, const Value& v) { encode(out, v, false); }

std::string index_prefix(IndexId index) {
  std::string out;
  put_be(out, index, 4);
  return out;
}

bool make_index_key(std::string& out, IndexId index, const Value& v) {
  out.clear();
  put_be(out, index, 4);
  encode(out, v, false);
  if (out.size() >= 4 + kMaxIndexValueBytes) {
    out.resize(4 + kMaxIndexValueBytes);
    return true;
  }
  return false;
}

std::string index_family_key(IndexId index, uint8_t tag) {
  std::string out = index_prefix(index);
  out.push_back(static_cast<char>(tag));
  return out;
}

}  // namespace kith::storage
