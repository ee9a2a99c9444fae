#include "server/admission.h"

namespace kith::server {

Admission::Slot Admission::acquire() {
  std::unique_lock lock(mutex_);
  if (running_ < max_running_ && waiters_.empty()) {
    ++running_;
    return Slot(this);
  }
  if (waiters_.size() >= max_waiting_) return Slot();
  Waiter me;
  waiters_.push_back(&me);
  me.cv.wait(lock, [&] { return me.granted; });
  return Slot(this);  // release() handed its slot over: running_ already counts it
}

size_t Admission::waiting() const {
  std::lock_guard lock(mutex_);
  return waiters_.size();
}

void Admission::release() {
  std::lock_guard lock(mutex_);
  if (waiters_.empty()) {
    --running_;
    return;
  }
  Waiter* next = waiters_.front();
  waiters_.pop_front();
  next->granted = true;
  next->cv.notify_one();
}

}  // namespace kith::server
