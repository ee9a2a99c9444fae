// Private to storage/: dense in-memory columns of the fixed-width property
// values (Bool, Int, Double, Date, DateTime) that most entities of an id range
// have, built as part of a ReadSnapshot.
//
// Why: a query that filters or sorts 100k messages by creationDate reads one
// value from each of 100k records scattered over the map: one cache miss per
// record, plus skipping labels and earlier properties. A column keeps those
// values 8 bytes apart in id order (entities of one label are imported
// together, so their ids are close), and the reads mostly hit cache.
//
// A column answers only for entities that have a value in it; everything
// else (absent properties, keys without a column) reads the record as
// before, so a column can never hide a property or invent one.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "storage/column_choice.h"
#include "storage/column_views.h"
#include "storage/record_codec.h"

namespace kith::storage {

class PropertyColumns {
 public:
  // Building takes two passes over the same records: observe() each one,
  // choose() the keys worth a column, then fill() each one again.
  void observe(uint64_t id, std::string_view props);
  // Columns take at most `max_bytes` (8 per slot). Returns false when no
  // key qualifies (then fill() need not run).
  bool choose(uint64_t max_bytes);
  void fill(uint64_t id, std::string_view props);

  // True when `key` has a column holding a value for entity `id`; `out` is
  // then that value.
  bool find(uint64_t id, PropKeyId key, Value& out) const {
    ValueType type;
    int64_t bits;
    if (!find_bits(id, key, type, bits)) return false;
    out = scalar_value(type, bits);
    return true;
  }
  // The same without building a Value: the column's kind and the value's
  // 64 bits (as scalar_value reads them), for comparisons made in place.
  bool find_bits(uint64_t id, PropKeyId key, ValueType& type, int64_t& bits) const {
    if (key >= columns_.size()) return false;
    const Column& c = columns_[key];
    const uint64_t i = id - c.first;  // wraps for id < first: then too large
    if (i >= c.values.size()) return false;
    // Slots without a value hold 0 (choose() zeroes them): a value that is
    // not 0 is present without a look at the bitset (one cache miss fewer
    // per read: the bitset is read for zeros only).
    const int64_t v = c.values[i];
    if (v == 0 && !((c.present[i >> 6] >> (i & 63)) & 1)) return false;
    type = c.type;
    bits = v;
    return true;
  }

  bool has(PropKeyId key) const { return key < columns_.size() && !columns_[key].values.empty(); }
  ScalarColumnView view(PropKeyId key) const {
    if (!has(key)) return {};
    const Column& c = columns_[key];
    return {c.type, c.first, c.values.size(), c.values.data(), c.present.data()};
  }
  void prefetch(uint64_t id) const {
    for (const Column* c : active_) {
      const uint64_t i = id - c->first;
      if (i < c->values.size()) __builtin_prefetch(&c->values[i]);
    }
  }
  uint64_t bytes() const;
  size_t column_count() const { return active_.size(); }

  // A key qualifies when it has at least this many values, all of one
  // fixed-width kind, filling at least 1/kMaxSparseness of the id range they
  // span, and columns use at most kBudgetColumns full-width columns' worth of
  // memory in total (densest keys first).
  static constexpr uint64_t kMinValues = 1024;
  static constexpr uint64_t kMaxSparseness = 2;
  static constexpr uint64_t kBudgetColumns = 6;

 private:
  struct KeyStats {
    ColumnCandidate values;  // usable: every value fixed-width and of `type`
    ValueType type = ValueType::Null;
  };
  struct Column {
    ValueType type = ValueType::Null;
    uint64_t first = 0;              // the id of values[0]
    std::vector<int64_t> values;     // [id - first]; 0 where absent
    std::vector<uint64_t> present;   // one bit per value slot
  };
  std::vector<KeyStats> stats_;   // by key, while building
  uint64_t id_bound_ = 0;         // one past the largest id observed
  std::vector<Column> columns_;   // by key; empty values = no column
  std::vector<const Column*> active_;  // the columns that exist
};

}  // namespace kith::storage
