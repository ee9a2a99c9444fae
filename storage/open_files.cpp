#include "storage/open_files.h"

#include <unistd.h>

#include <mutex>
#include <set>
#include <tuple>

namespace kith::storage {

namespace {

std::mutex& registry_mutex() {
  static std::mutex m;
  return m;
}

// Keyed by process id too: a child made by fork() inherits this memory but
// not the parent's LMDB environments, and may open the files itself.
using Entry = std::tuple<pid_t, dev_t, ino_t>;

std::set<Entry>& registry() {
  static std::set<Entry> files;
  return files;
}

}  // namespace

bool register_open_file(FileIdentity id) {
  std::lock_guard g(registry_mutex());
  return registry().insert({::getpid(), id.dev, id.ino}).second;
}

void unregister_open_file(FileIdentity id) {
  std::lock_guard g(registry_mutex());
  registry().erase({::getpid(), id.dev, id.ino});
}

}  // namespace kith::storage
