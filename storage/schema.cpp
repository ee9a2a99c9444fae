#include "storage/schema.h"

#include <cstring>

#include "storage/error.h"
#include "storage/lmdb_check.h"

namespace kith::storage {

namespace {

// Edges are stored native-endian for zero-copy reads, so LMDB's default
// memcmp order would be meaningless: order them as (neighbour, rel) integers.
int compare_edges(const MDB_val* a, const MDB_val* b) {
  Edge x, y;
  std::memcpy(&x, a->mv_data, sizeof(Edge));
  std::memcpy(&y, b->mv_data, sizeof(Edge));
  if (x.neighbour != y.neighbour) return x.neighbour < y.neighbour ? -1 : 1;
  if (x.rel != y.rel) return x.rel < y.rel ? -1 : 1;
  return 0;
}

MDB_dbi open_one(MDB_txn* txn, const char* name, unsigned flags, bool create) {
  MDB_dbi dbi;
  int rc = mdb_dbi_open(txn, name, flags | (create ? MDB_CREATE : 0), &dbi);
  if (rc == MDB_NOTFOUND || rc == MDB_INCOMPATIBLE) {
    throw Error(ErrorCode::IoError, std::string("not a kith database (sub-database '") +
                                        name + "' is missing or has the wrong format)");
  }
  check_lmdb(rc, std::string("open sub-database ") + name);
  return dbi;
}

}  // namespace

void open_dbis(MDB_txn* txn, Dbis& d, bool create) {
  const unsigned kIntDups = MDB_DUPSORT | MDB_DUPFIXED | MDB_INTEGERDUP;
  d.meta = open_one(txn, "meta", 0, create);
  d.catalog = open_one(txn, "catalog", 0, create);
  d.nodes = open_one(txn, "nodes", MDB_INTEGERKEY, create);
  d.rels = open_one(txn, "rels", MDB_INTEGERKEY, create);
  d.adj = open_one(txn, "adj", MDB_INTEGERKEY | MDB_DUPSORT | MDB_DUPFIXED, create);
  d.labelidx = open_one(txn, "labelidx", MDB_INTEGERKEY | kIntDups, create);
  d.propidx = open_one(txn, "propidx", kIntDups, create);
  d.stats = open_one(txn, "stats", MDB_INTEGERKEY, create);
  check_lmdb(mdb_set_dupsort(txn, d.adj, compare_edges), "set adjacency comparator");
}

uint64_t read_u64(const MDB_val& v) {
  if (v.mv_size != sizeof(uint64_t)) {
    throw Error(ErrorCode::StorageError, "corrupt integer value in database");
  }
  uint64_t x;
  std::memcpy(&x, v.mv_data, sizeof x);
  return x;
}

}  // namespace kith::storage
