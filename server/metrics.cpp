#include "server/metrics.h"

#include <sstream>

namespace kith::server {

void Metrics::record_request(const std::string& endpoint, int status, double ms) {
  const double seconds = ms / 1000.0;
  std::lock_guard lock(mutex_);
  ++requests_[{endpoint, status}];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++bucket_counts_[i];
      break;
    }
  }
  ++latency_count_;
  latency_sum_ += seconds;
}

std::string Metrics::render(uint64_t store_bytes, size_t waiting_queries) const {
  std::ostringstream out;
  std::lock_guard lock(mutex_);
  out << "# HELP kith_http_requests_total HTTP requests by endpoint and status.\n"
         "# TYPE kith_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    out << "kith_http_requests_total{endpoint=\"" << key.first << "\",status=\"" << key.second
        << "\"} " << n << "\n";
  }
  out << "# HELP kith_http_request_duration_seconds Time to answer a request.\n"
         "# TYPE kith_http_request_duration_seconds histogram\n";
  uint64_t cumulative = 0;
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    cumulative += bucket_counts_[i];
    out << "kith_http_request_duration_seconds_bucket{le=\"" << kBuckets[i] << "\"} " << cumulative
        << "\n";
  }
  out << "kith_http_request_duration_seconds_bucket{le=\"+Inf\"} " << latency_count_ << "\n"
      << "kith_http_request_duration_seconds_sum " << latency_sum_ << "\n"
      << "kith_http_request_duration_seconds_count " << latency_count_ << "\n";
  out << "# HELP kith_active_queries Queries running now.\n"
         "# TYPE kith_active_queries gauge\n"
      << "kith_active_queries " << active_queries_.load() << "\n";
  out << "# HELP kith_waiting_queries Queries waiting for a slot (beyond --max-waiting: 503).\n"
         "# TYPE kith_waiting_queries gauge\n"
      << "kith_waiting_queries " << waiting_queries << "\n";
  out << "# HELP kith_store_size_bytes Size of the database file on disk.\n"
         "# TYPE kith_store_size_bytes gauge\n"
      << "kith_store_size_bytes " << store_bytes << "\n";
  return out.str();
}

}  // namespace kith::server
