// collect()'s values with their groups, in row order, until the
// Aggregate builds each group's list once, at its final size (pushing into
// 10k growing lists in turn moved every value several times and missed the
// cache on each group's state). Fixed-size chunks: growing never moves a
// value, and the chunks come from malloc's pool (one array of 64k values was
// reallocated up to 2.5 MB, each size mapped and faulted in afresh, on every
// statement). Chunks stay for the next open.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "storage/value.h"

namespace kith::engine {

class CollectLog {
 public:
  // `owned`, when not null, is `v` and may be moved from.
  void push(size_t group, const Value& v, Value* owned) {
    if (size_ == chunks_.size() * kChunk) chunks_.push_back(std::make_unique<Entry[]>(kChunk));
    Entry& e = chunks_[size_ / kChunk][size_ % kChunk];
    e.group = static_cast<uint32_t>(group);
    if (owned) {
      e.value = std::move(*owned);
    } else {
      e.value = v;
    }
    ++size_;
  }
  size_t size() const { return size_; }
  // f(group, value&) for each value in order; the values may be moved from.
  template <typename F>
  void for_each(F f) {
    for (size_t i = 0; i < size_; ++i) {
      Entry& e = chunks_[i / kChunk][i % kChunk];
      f(e.group, e.value);
    }
  }
  void clear() { size_ = 0; }

 private:
  struct Entry {
    uint32_t group;
    Value value;
  };
  static constexpr size_t kChunk = 1024;  // 48 KB: below malloc's mmap threshold
  std::vector<std::unique_ptr<Entry[]>> chunks_;
  size_t size_ = 0;
};

}  // namespace kith::engine
