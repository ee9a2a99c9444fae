// Turns LMDB return codes into kith::Error, naming the operation that failed.
// Only storage/ sources include this (and <lmdb.h>).
#pragma once

#include <lmdb.h>

#include <string_view>

namespace kith::storage {

// Throws for any rc other than MDB_SUCCESS. Disk full and I/O errors become
// IoError (a user can cause and fix them); everything else is StorageError.
[[noreturn]] void throw_lmdb(int rc, std::string_view operation);

inline void check_lmdb(int rc, std::string_view operation) {
  if (rc != MDB_SUCCESS) throw_lmdb(rc, operation);
}

// Like check_lmdb but MDB_NOTFOUND is an answer, not an error: returns false.
inline bool check_found(int rc, std::string_view operation) {
  if (rc == MDB_NOTFOUND) return false;
  if (rc != MDB_SUCCESS) throw_lmdb(rc, operation);
  return true;
}

}  // namespace kith::storage
