#include "cli/demo/zipf.h"

#include <algorithm>
#include <cmath>

namespace kith::demo {

Zipf::Zipf(uint64_t n, double exponent, double offset) : cdf_(n) {
  double sum = 0;
  for (uint64_t r = 0; r < n; ++r) {
    sum += std::pow(static_cast<double>(r) + offset, -exponent);
    cdf_[r] = sum;
  }
  for (double& c : cdf_) c /= sum;
}

uint64_t Zipf::sample(Rng& rng) const {
  auto it = std::upper_bound(cdf_.begin(), cdf_.end(), rng.unit());
  return std::min<uint64_t>(static_cast<uint64_t>(it - cdf_.begin()), cdf_.size() - 1);
}

}  // namespace kith::demo
