// Sampling ranks 0..n-1 with P(r) proportional to 1 / (r + offset)^exponent
// (a Zipf-Mandelbrot law): a few very popular items and a long tail, used for
// employer sizes, topic and event popularity.
#pragma once

#include <cstdint>
#include <vector>

#include "cli/demo/random.h"

namespace kith::demo {

class Zipf {
 public:
  Zipf() = default;
  Zipf(uint64_t n, double exponent, double offset);
  uint64_t size() const { return cdf_.size(); }
  uint64_t sample(Rng& rng) const;

 private:
  std::vector<double> cdf_;  // cumulative, normalised so the last is 1
};

}  // namespace kith::demo
