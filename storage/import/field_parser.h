// Turning one CSV field into a property value or a node key, as the header's
// type says. Failures return false with a reason for the bad-row report
// instead of throwing: a bad field is an expected event in a bulk load.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/import/csv_header.h"
#include "storage/value.h"

namespace kith::storage::import {

// How the values of an ID column are typed (the key and the stored property):
//   String  - always STRING (neo4j's default);
//   Integer - always INT64; a value that is not an integer is a bad row;
//   Actual  - INT64 when the value is written as a canonical integer
//             (0, or -?[1-9][0-9]* within int64), otherwise STRING. So "933"
//             is the number 933, while "007", "+7" and "7.0" stay strings and
//             never collide with the key 7. kith's default.
enum class IdType { String, Integer, Actual };

// Parses a non-empty field. For arrays, `array_delimiter` separates elements;
// an empty element is "" in a STRING array and an error otherwise.
bool parse_value(std::string_view text, FieldType type, bool array, char array_delimiter,
                 Value& out, std::string& error);

// A node key: either an integer or a string (`is_int` says which).
struct Key {
  bool is_int = false;
  int64_t i = 0;
  std::string_view s;
};
bool parse_key(std::string_view text, IdType id_type, Key& out, std::string& error);

// Strict decimal int64 ("+5" and " 5 " are accepted; "5x", "" and overflow are not).
bool parse_int(std::string_view text, int64_t& out);
// True for the canonical integer spelling described at IdType::Actual.
bool parse_canonical_int(std::string_view text, int64_t& out);

}  // namespace kith::storage::import
