// LEB128 varints and zigzag: the building blocks of the compact record format
// (storage/record_codec.h). Small ids and counts take one byte.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "storage/error.h"

namespace kith::storage {

inline void put_varint(std::string& out, uint64_t v) {
  char buf[10];
  int n = 0;
  while (v >= 0x80) {
    buf[n++] = static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  buf[n++] = static_cast<char>(v);
  out.append(buf, n);
}

inline uint64_t zigzag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
inline int64_t unzigzag(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

// A bounds-checked cursor over stored bytes. Records come from our own writes,
// so a failed check means a corrupt file: StorageError, never a crash.
class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes)
      : p_(reinterpret_cast<const uint8_t*>(bytes.data())), end_(p_ + bytes.size()) {}

  bool at_end() const { return p_ == end_; }
  size_t remaining() const { return static_cast<size_t>(end_ - p_); }
  std::string_view rest() const {
    return {reinterpret_cast<const char*>(p_), remaining()};
  }

  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ == end_) corrupt();
      uint8_t b = *p_++;
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    corrupt();
  }
  int64_t svarint() { return unzigzag(varint()); }

  uint8_t byte() {
    if (p_ == end_) corrupt();
    return *p_++;
  }
  std::string_view bytes(size_t n) {
    if (remaining() < n) corrupt();
    std::string_view s(reinterpret_cast<const char*>(p_), n);
    p_ += n;
    return s;
  }
  void skip(size_t n) {
    if (remaining() < n) corrupt();
    p_ += n;
  }
  void skip_varint() {
    while (true) {
      if (p_ == end_) corrupt();
      if (!(*p_++ & 0x80)) return;
    }
  }

  [[noreturn]] static void corrupt() {
    throw Error(ErrorCode::StorageError, "corrupt record in database");
  }

 private:
  const uint8_t* p_;
  const uint8_t* end_;
};

}  // namespace kith::storage
