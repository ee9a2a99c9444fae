// Private to storage/: which keys a read snapshot gives a dense column (by
// id) to. Shared by the property columns and the single-edge columns, which
// both count candidates in a first pass and fill the chosen in a second.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace kith::storage {

// What the first pass learned of one key: how many entities have a value a
// column could hold, and the id range they span.
struct ColumnCandidate {
  uint64_t count = 0;
  uint64_t lo = ~uint64_t{0};
  uint64_t hi = 0;
  bool usable = true;  // false: some value no column can hold

  void add(uint64_t id) {
    ++count;
    lo = std::min(lo, id);
    hi = std::max(hi, id);
  }
  uint64_t span() const { return hi - lo + 1; }
};

// The keys (indexes into `candidates`) that get a column: usable, with at
// least `min_count` values filling at least 1/`max_sparseness` of their
// span; the most values first (the budget goes where most reads land) while
// the spans fit in `budget` slots in total.
inline std::vector<size_t> choose_columns(const std::vector<ColumnCandidate>& candidates, uint64_t min_count,
                                          uint64_t max_sparseness, uint64_t budget) {
  std::vector<size_t> keys;
  for (size_t k = 0; k < candidates.size(); ++k) {
    const ColumnCandidate& c = candidates[k];
    if (c.usable && c.count >= min_count && c.count * max_sparseness >= c.span()) keys.push_back(k);
  }
  std::sort(keys.begin(), keys.end(),
            [&](size_t a, size_t b) { return candidates[a].count > candidates[b].count; });
  std::vector<size_t> chosen;
  for (size_t k : keys) {
    if (candidates[k].span() > budget) continue;
    budget -= candidates[k].span();
    chosen.push_back(k);
  }
  return chosen;
}

}  // namespace kith::storage
