#include "storage/property_columns.h"

#include <algorithm>
#include <numeric>

namespace kith::storage {

void PropertyColumns::observe(uint64_t id, std::string_view props) {
  id_bound_ = std::max(id_bound_, id + 1);
  for_each_raw_property(props, [&](const RawProperty& p) {
    if (p.key >= stats_.size()) stats_.resize(static_cast<size_t>(p.key) + 1);
    KeyStats& s = stats_[p.key];
    if (s.values.count == 0) s.type = p.type;
    if (p.type != s.type || !is_fixed_width(p.type)) s.values.usable = false;
    s.values.add(id);
  });
}

bool PropertyColumns::choose(uint64_t max_bytes) {
  std::vector<ColumnCandidate> candidates;
  for (const KeyStats& s : stats_) candidates.push_back(s.values);
  columns_.clear();
  active_.clear();
  const uint64_t budget = std::min(kBudgetColumns * id_bound_, max_bytes / sizeof(int64_t));
  for (size_t k : choose_columns(candidates, kMinValues, kMaxSparseness, budget)) {
    if (k >= columns_.size()) columns_.resize(k + 1);
    Column& c = columns_[k];
    c.type = stats_[k].type;
    c.first = candidates[k].lo;
    c.values.assign(candidates[k].span(), 0);
    c.present.assign((candidates[k].span() + 63) / 64, 0);
  }
  stats_.clear();
  stats_.shrink_to_fit();
  for (const Column& c : columns_) {
    if (!c.values.empty()) active_.push_back(&c);
  }
  return !active_.empty();
}

void PropertyColumns::fill(uint64_t id, std::string_view props) {
  for_each_raw_property(props, [&](const RawProperty& p) {
    if (p.key >= columns_.size()) return;
    Column& c = columns_[p.key];
    const uint64_t i = id - c.first;
    if (i >= c.values.size()) return;  // no column for this key (or a new id)
    c.values[i] = p.bits;
    c.present[i >> 6] |= uint64_t{1} << (i & 63);
  });
}

uint64_t PropertyColumns::bytes() const {
  uint64_t total = columns_.capacity() * sizeof(Column);
  for (const Column& c : columns_) total += c.values.capacity() * sizeof(int64_t) + c.present.capacity() * sizeof(uint64_t);
  return total;
}

}  // namespace kith::storage
