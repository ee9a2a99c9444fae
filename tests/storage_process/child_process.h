// A forked child process with a pipe each way, for tests where a second
// process must use the same database file. The child opens its own
// GraphStore after the fork (an LMDB environment must never cross a fork) and
// leaves with _exit, so it runs no destructors or doctest reporting of the
// parent's copy.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <functional>
#include <stdexcept>
#include <string>

#include "storage/error.h"

namespace kith::testing {

// Whole-buffer writes and reads on a pipe; false on EOF or error.
inline bool write_all(int fd, const void* data, size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

inline bool read_all(int fd, void* data, size_t size) {
  char* p = static_cast<char*>(data);
  while (size > 0) {
    const ssize_t n = ::read(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

inline bool write_u64(int fd, uint64_t v) { return write_all(fd, &v, sizeof v); }
inline bool read_u64(int fd, uint64_t& v) { return read_all(fd, &v, sizeof v); }

inline bool write_string(int fd, const std::string& s) {
  return write_u64(fd, s.size()) && write_all(fd, s.data(), s.size());
}
inline bool read_string(int fd, std::string& s) {
  uint64_t size = 0;
  if (!read_u64(fd, size) || size > (1u << 20)) return false;
  s.resize(size);
  return read_all(fd, s.data(), size);
}

class ChildProcess {
 public:
  // Exit code of a child whose function threw.
  static constexpr int kThrew = 90;

  // `fn(from_parent, to_parent)` runs in the child; its result is the exit code.
  explicit ChildProcess(const std::function<int(int, int)>& fn) {
    int down[2];
    int up[2];
    if (pipe(down) != 0 || pipe(up) != 0) throw std::runtime_error("pipe failed");
    std::fflush(nullptr);  // nothing buffered is written twice
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      ::close(down[1]);
      ::close(up[0]);
      int code = kThrew;
      try {
        code = fn(down[0], up[1]);
      } catch (const kith::Error& e) {
        std::fprintf(stderr, "child: %s\n", e.to_string().c_str());
      } catch (const std::exception& e) {
        std::fprintf(stderr, "child: %s\n", e.what());
      }
      _exit(code);
    }
    ::close(down[0]);
    ::close(up[1]);
    to_child_ = down[1];
    from_child_ = up[0];
  }

  ~ChildProcess() {
    if (pid_ > 0 && !reaped_) {
      ::kill(pid_, SIGKILL);
      wait();
    }
    close_to_child();
    if (from_child_ >= 0) ::close(from_child_);
  }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  int to_child() const { return to_child_; }
  int from_child() const { return from_child_; }
  void close_to_child() {
    if (to_child_ >= 0) ::close(to_child_);
    to_child_ = -1;
  }

  // True if the child has something to say (or closed its end) within `ms`.
  bool readable_within(int ms) const {
    pollfd p{from_child_, POLLIN, 0};
    return ::poll(&p, 1, ms) > 0;
  }

  void kill_now() { ::kill(pid_, SIGKILL); }

  // The raw wait status.
  int wait() {
    if (reaped_) return status_;
    while (waitpid(pid_, &status_, 0) < 0 && errno == EINTR) {
    }
    reaped_ = true;
    return status_;
  }
  // The exit code, or -signal if it was killed.
  int exit_code() {
    const int s = wait();
    return WIFEXITED(s) ? WEXITSTATUS(s) : -WTERMSIG(s);
  }

 private:
  pid_t pid_ = -1;
  int to_child_ = -1;
  int from_child_ = -1;
  int status_ = 0;
  bool reaped_ = false;
};

}  // namespace kith::testing
