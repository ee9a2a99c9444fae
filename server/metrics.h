// The server's counters, rendered in the Prometheus text format for
// GET /metrics. Thread-safe; cheap enough to update on every request.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace kith::server {

class Metrics {
 public:
  // `endpoint` is a route name (a fixed set), never a raw path.
  void record_request(const std::string& endpoint, int status, double ms);
  void query_started() { active_queries_.fetch_add(1); }
  void query_finished() { active_queries_.fetch_sub(1); }
  int64_t active_queries() const { return active_queries_.load(); }

  std::string render(uint64_t store_bytes, size_t waiting_queries) const;

 private:
  // Upper bounds of the latency buckets, in seconds.
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    5};
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;
  std::array<uint64_t, kBuckets.size()> bucket_counts_{};
  uint64_t latency_count_ = 0;
  double latency_sum_ = 0;
  std::atomic<int64_t> active_queries_{0};
};

}  // namespace kith::server
