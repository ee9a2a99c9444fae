#include "server/admission.h"

namespace kith::server {

Admission::Slot Admission::acquire() {
  std::unique_lock lock(mutex_);
  if (running_ < max_running_) {
    ++running_;
    return Slot(this);
  }
  if (waiting_ >= max_waiting_) return Slot();
  ++waiting_;
  cv_.wait(lock, [&] { return running_ < max_running_; });
  --waiting_;
  ++running_;
  return Slot(this);
}

void Admission::release() {
  {
    std::lock_guard lock(mutex_);
    --running_;
  }
  cv_.notify_one();
}

}  // namespace kith::server
