// Bounds the work the server accepts: at most `running` queries execute at
// once and at most `waiting` more wait for a slot; anything beyond is turned
// away (503) at once, so an overloaded server answers quickly instead of
// queueing without limit. Waiters are served first come, first served: a
// freed slot is handed to the oldest waiter, so no request starves.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace kith::server {

class Admission {
 public:
  Admission(size_t running, size_t waiting) : max_running_(running), max_waiting_(waiting) {}

  // A held slot; released on destruction. Empty when refused.
  class Slot {
   public:
    Slot() = default;
    explicit Slot(Admission* a) : owner_(a) {}
    Slot(Slot&& o) noexcept : owner_(o.owner_) { o.owner_ = nullptr; }
    Slot& operator=(Slot&&) = delete;
    ~Slot() {
      if (owner_) owner_->release();
    }
    explicit operator bool() const { return owner_ != nullptr; }

   private:
    Admission* owner_ = nullptr;
  };

  Slot acquire();
  size_t waiting() const;

 private:
  void release();
  struct Waiter {
    std::condition_variable cv;
    bool granted = false;
  };
  mutable std::mutex mutex_;
  std::deque<Waiter*> waiters_;  // oldest first
  size_t max_running_, max_waiting_;
  size_t running_ = 0;
};

}  // namespace kith::server
