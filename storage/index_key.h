// Order-preserving byte encoding of property values for the `propidx`
// database: memcmp order of the encodings equals the order of the values
// within a type family, and families never interleave.
//
//   family tag: Bool 0x10, numbers 0x20, String 0x30, Date 0x40,
//               DateTime 0x50, Duration 0x60, List 0x70 (Null 0x01 inside lists)
//   Bool:     one byte 0/1
//   numbers:  INT and FLOAT share one family and compare by exact
//             mathematical value: the value as a double (sign-flip transform,
//             big-endian; -0.0 as 0.0), then a 2-byte big-endian correction
//             (exact int64 minus that double, offset by 0x8000) that orders
//             large int64s which round to the same double. So 5 and 5.0 have
//             the same key: an index lookup of 5 also finds 5.0, as in Cypher.
//   String:   the bytes as they are (top level); inside a list escaped (0x00 ->
//             0x00 0xFF) and ended by 0x00 0x01
//   Date:     int32 days, sign bit flipped, big-endian; DateTime likewise int64
//   Duration: months, days, micros, each int64 sign-flipped big-endian
//   List:     elements one after another, then 0x00
//
// Keys are [u32 index id big-endian][value bytes]. LMDB keys are at most 511
// bytes, so value bytes are cut at kMaxIndexValueBytes; a key whose value part
// has exactly that length may be a cut one, and lookups re-check the node's
// real value for such keys.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/ids.h"
#include "storage/value.h"

namespace kith::storage {

inline constexpr size_t kMaxIndexValueBytes = 500;

// The full (never cut) encoding, for exact comparisons.
void encode_index_value(std::string& out, const Value& v);

uint8_t index_family_tag(ValueType t);

// [index id][value bytes cut to kMaxIndexValueBytes]. Returns true when the
// value part is at the cut length (the stored value may be longer).
bool make_index_key(std::string& out, IndexId index, const Value& v);

inline bool index_key_maybe_cut(size_t key_size) {
  return key_size == 4 + kMaxIndexValueBytes;
}

// [index id][tag]: the first key of a family; tag + 1 is the end of it.
std::string index_family_key(IndexId index, uint8_t tag);
std::string index_prefix(IndexId index);
// The index a propidx key belongs to (its first 4 bytes).
inline IndexId index_of_key(std::string_view key) {
  IndexId id = 0;
  for (size_t i = 0; i < 4 && i < key.size(); ++i) id = (id << 8) | static_cast<uint8_t>(key[i]);
  return id;
}

}  // namespace kith::storage
