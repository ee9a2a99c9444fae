// The database files this process has open. LMDB must not have one file open
// twice in a process: the second open would take the lock file as if no one
// else used it (fcntl locks do not conflict within a process) and reset it
// under the first, and closing either would drop the other's locks.
#pragma once

#include <sys/types.h>

namespace kith::storage {

struct FileIdentity {
  dev_t dev = 0;
  ino_t ino = 0;
};

// False when the file is already registered.
bool register_open_file(FileIdentity id);
void unregister_open_file(FileIdentity id);

}  // namespace kith::storage
