// collect()'s values with their groups, in row order, until the
// Aggregate builds each group's list once, at its final size (pushing into
// 10k growing lists in turn moved every value several times and missed the
// cache on each group's state). Fixed-size chunks: growing never moves a
// value, and the chunks come from malloc's pool (one array of 64k values was
// reallocated up to 2.5 MB, each size mapped and faulted in afresh, on every
// statement). Chunks stay for the next open.
#pragma once

#include <algorithm>
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
    if (current_ < chunks_.size() && used_ == chunks_[current_].capacity) {
      ++current_;
      used_ = 0;
    }
    if (current_ == chunks_.size()) {
      // Small first chunks: a statement collecting a few values does not
      // pay for 1024.
      const size_t capacity = std::min(kMaxChunk, kFirstChunk << std::min<size_t>(current_, 16));
      chunks_.push_back({std::make_unique<Entry[]>(capacity), capacity});
    }
    Entry& e = chunks_[current_].entries[used_++];
    e.group = static_cast<uint32_t>(group);
    if (owned) {
      e.value = std::move(*owned);
    } else {
      e.value = v;
    }
  }

  // f(group, value&) for each value in order; the values may be moved from.
  template <typename F>
  void for_each(F f) {
    for (size_t c = 0; c <= current_ && c < chunks_.size(); ++c) {
      const size_t n = c == current_ ? used_ : chunks_[c].capacity;
      for (size_t i = 0; i < n; ++i) f(chunks_[c].entries[i].group, chunks_[c].entries[i].value);
    }
  }

  void clear() {
    current_ = 0;
    used_ = 0;
  }

 private:
  struct Entry {
    uint32_t group;
    Value value;
  };
  struct Chunk {
    std::unique_ptr<Entry[]> entries;
    size_t capacity;
  };
  static constexpr size_t kFirstChunk = 16;
  static constexpr size_t kMaxChunk = 1024;  // 48 KB: below malloc's mmap threshold
  std::vector<Chunk> chunks_;
  size_t current_ = 0;  // the chunk being filled
  size_t used_ = 0;     // entries used in it
};

}  // namespace kith::engine
