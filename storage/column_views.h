// Read-only views of a read snapshot's dense data (a property column, a
// label's bitset) as plain arrays, for loops over a batch of ids: an
// Expand filtering a neighbour list on `m:Message AND m.creationDate < $d`
// tests hundreds of ids back to back, where a Txn call per id costs a call
// and several pointer hops before the one load that matters.
//
// A view is valid while the transaction that gave it is open. Write
// transactions (and reads without a snapshot) give empty views: callers then
// ask the Txn per id, which answers everything.
#pragma once

#include <bit>
#include <cstdint>

#include "storage/ids.h"
#include "storage/value.h"

namespace kith {

// The value a fixed-width kind's 64 bits stand for (Bool 0/1, Int the value,
// Double its bit pattern, Date the days, DateTime the micros); null for
// other kinds. Inline: column reads are a hot path.
inline Value scalar_value(ValueType type, int64_t bits) {
  switch (type) {
    case ValueType::Bool: return Value(bits != 0);
    case ValueType::Int: return Value(bits);
    case ValueType::Double: return Value(std::bit_cast<double>(bits));
    case ValueType::Date: return Value(Date{static_cast<int32_t>(bits)});
    case ValueType::DateTime: return Value(DateTime{bits});
    default: return Value();
  }
}

// A dense column of one fixed-width property (storage/property_columns.h):
// entity `id` has the value values[id - first] when that slot is in range
// and holds a value (not 0, or 0 with its present bit set).
struct ScalarColumnView {
  ValueType type = ValueType::Null;  // Bool, Int, Double, Date or DateTime
  uint64_t first = 0;
  uint64_t size = 0;  // 0: no column
  const int64_t* values = nullptr;
  const uint64_t* present = nullptr;

  bool empty() const { return size == 0; }
  // True when the column holds entity `id`'s value: its 64 bits (as
  // Txn::node_scalar_property gives them). False: ask the Txn (the entity
  // may have no value, or one of another kind in its record).
  bool find(uint64_t id, int64_t& bits) const {
    const uint64_t i = id - first;  // wraps for id < first: then too large
    if (i >= size) return false;
    const int64_t v = values[i];
    if (v == 0 && !((present[i >> 6] >> (i & 63)) & 1)) return false;
    bits = v;
    return true;
  }
};

// Which existing nodes carry one label, one bit per node id.
struct LabelBitsView {
  bool known = false;  // false: ask Txn::node_has_label
  uint64_t size = 0;   // ids the bits cover; an existing node beyond has not the label
  const uint64_t* bits = nullptr;

  // For an existing node only (the bits say nothing about existence).
  bool has(NodeId id) const { return id < size && ((bits[id >> 6] >> (id & 63)) & 1); }
};

}  // namespace kith
