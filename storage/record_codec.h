// The compact binary form of node and relationship records (values of the
// `nodes` and `rels` databases).
//
//   node record: [varint label count][varint label id]... [properties]
//   rel record:  [varint type][varint start][varint end] [properties]
//   properties:  ([varint key id][value])...  sorted by key id, no nulls
//   value:       [u8 ValueType][payload]
//     Bool: u8 0/1   Int, Date, DateTime: zigzag varint   Double: 8 bytes LE
//     String: varint length, bytes   Duration: 3 zigzag varints
//     List: varint payload length, varint count, values (nulls allowed inside)
//
// Every value's length is known from its first bytes, so a single property is
// found by skipping the ones before it without decoding them.
#pragma once

#include <bit>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "storage/column_views.h"
#include "storage/graph_store.h"
#include "storage/varint.h"

namespace kith::storage {

void encode_value(std::string& out, const Value& v);
Value decode_value(ByteReader& in);
void skip_value(ByteReader& in);

// Throws TypeError for the query-only kinds (map, node, relationship, path),
// also inside lists. Checked before anything is written, so a refused value
// leaves the transaction as it was.
void check_storable(const Value& v);

// Sorts by key, keeps the last of duplicate keys, drops nulls; checks every
// value with check_storable.
void normalize_properties(Properties& props);

// `props` must be normalized.
void encode_properties(std::string& out, const Properties& props);
void decode_properties(std::string_view bytes, Properties& out);
// Null when absent; decodes only the value asked for.
Value find_property(std::string_view props_bytes, PropKeyId key);

// A property seen without decoding it into a Value: the fixed-width kinds
// (Bool, Int, Double, Date, DateTime) carry their value as 64 bits (see
// scalar_value); for the other kinds `bits` is 0 and the value
// was skipped.
struct RawProperty {
  PropKeyId key = 0;
  ValueType type = ValueType::Null;
  int64_t bits = 0;
};
bool is_fixed_width(ValueType t);
// Calls fn(const RawProperty&) for every property of `props_bytes`.
template <typename Fn>
void for_each_raw_property(std::string_view props_bytes, Fn&& fn);
// scalar_value (storage/column_views.h): the value a fixed-width kind's
// bits stand for.

// `labels` sorted and unique.
void encode_node(std::string& out, std::span<const LabelId> labels, const Properties& props);
// Splits a node record into its labels and its property bytes.
std::string_view decode_node_labels(std::string_view record, std::vector<LabelId>& labels);
std::string_view skip_node_labels(std::string_view record);

struct RelHeader {
  RelTypeId type = 0;
  NodeId start = 0;
  NodeId end = 0;
};
void encode_rel(std::string& out, const RelHeader& h, const Properties& props);
// Returns the property bytes.
std::string_view decode_rel_header(std::string_view record, RelHeader& h);

// Reads one property's key and kind, and a fixed-width value's bits (the
// loop body of for_each_raw_property, out of line).
RawProperty read_raw_property(ByteReader& in);

template <typename Fn>
void for_each_raw_property(std::string_view props_bytes, Fn&& fn) {
  ByteReader in(props_bytes);
  while (!in.at_end()) fn(read_raw_property(in));
}

}  // namespace kith::storage
