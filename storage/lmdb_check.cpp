#include "storage/lmdb_check.h"

#include <cerrno>
#include <string>

#include "storage/error.h"

namespace kith::storage {

void throw_lmdb(int rc, std::string_view operation) {
  std::string msg(operation);
  msg += ": ";
  switch (rc) {
    case ENOSPC:
      throw Error(ErrorCode::IoError, msg + "no space left on device");
    case EDQUOT:
      throw Error(ErrorCode::IoError, msg + "disk quota exceeded");
    case EIO:
      // LMDB reports a write that ran out of room (a full disk, a file-size
      // limit) as EIO from its page writes: say what it most likely is.
      throw Error(ErrorCode::IoError,
                  msg + "input/output error (is the disk full, or a file size limit reached?)");
    case EFBIG:
      throw Error(ErrorCode::IoError, msg + "file too large (file size limit reached)");
    case EACCES:
    case EPERM:
    case EROFS:
      throw Error(ErrorCode::IoError, msg + mdb_strerror(rc));
    case MDB_MAP_FULL:
      throw Error(ErrorCode::StorageError, msg + "database map is full");
    default:
      throw Error(ErrorCode::StorageError, msg + mdb_strerror(rc));
  }
}

}  // namespace kith::storage
