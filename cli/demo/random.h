// The demo generator's only source of randomness. Everything is derived from
// SplitMix64 and mapped to ranges by hand, because the <random> distributions
// produce different numbers on different standard libraries and the demo data
// must be byte-identical for a given seed everywhere.
#pragma once

#include <cstdint>

namespace kith::demo {

// Finalizer of SplitMix64: a good 64-bit mixing function on its own.
constexpr uint64_t mix64(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Which kind of entity a stream of random numbers belongs to, so that e.g.
// person 7 and company 7 draw unrelated numbers.
enum class Stream : uint64_t {
  Person = 1, PersonActivity, Company, CompanyProfile, CompanySignals, Content, ContentTitle, Event,
  Knows, KnowsEdge,
};

class Rng {
 public:
  explicit Rng(uint64_t state) : state_(state) {}
  // An independent stream per (seed, kind, entity): entities can be generated
  // in any order, or more than once, and always get the same values.
  Rng(uint64_t seed, Stream stream, uint64_t id)
      : state_(mix64(seed ^ mix64(static_cast<uint64_t>(stream) * 0x9e3779b97f4a7c15ULL + id))) {}

  uint64_t next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return mix64(state_);
  }
  // Uniform in [0, n) by multiply-shift (bias below n / 2^64: irrelevant here).
  uint64_t below(uint64_t n) {
    return static_cast<uint64_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
  }
  // Uniform in [lo, hi].
  int64_t between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo + 1)));
  }
  // Uniform in [0, 1) with 53 random bits.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }

 private:
  uint64_t state_;
};

}  // namespace kith::demo
