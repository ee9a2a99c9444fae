#include <doctest/doctest.h>

#include <lmdb.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <fstream>
#include <thread>

#include "storage/error.h"
#include "tests/storage/temp_dir.h"

using namespace kith;
using namespace kith::storage;
using kith::storage::testing::drain;
using kith::storage::testing::TempDir;
using kith::storage::testing::TestDb;

namespace {

Error open_error(const std::string& path, OpenOptions options = {}) {
  try {
    GraphStore::open(path, options);
  } catch (const Error& e) {
    return e;
  }
  FAIL("open did not fail: " << path);
  return Error(ErrorCode::Internal, "");
}

bool mentions(const Error& e, const std::string& text) {
  return std::string(e.what()).find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("reopen after close keeps nodes, relationships, catalog, indexes and counters") {
  TestDb db;
  db.store->write([](Txn& t) {
    LabelId p = t.intern_label("Person");
    PropKeyId name = t.intern_prop_key("name");
    RelTypeId knows = t.intern_rel_type("KNOWS");
    const LabelId labels[] = {p};
    NodeId a = t.create_node(labels, {{name, Value("Ann")}});
    NodeId b = t.create_node(labels, {{name, Value("Bob")}});
    t.create_rel(knows, a, b, {{name, Value("friends")}});
    t.create_index(p, name);
  });
  db.reopen();
  Txn t = db.store->begin_write();
  LabelId p = *t.find_label("Person");
  PropKeyId name = *t.find_prop_key("name");
  RelTypeId knows = *t.find_rel_type("KNOWS");
  CHECK(t.node_property(0, name) == Value("Ann"));
  CHECK(t.rel_property(0, name) == Value("friends"));
  CHECK(drain(t.adjacency(0, knows, Direction::Out)).size() == 1);
  CHECK(drain(t.index_lookup(t.find_index(p, name)->id, Value("Bob"))) == std::vector<NodeId>{1});
  CHECK(t.node_count() == 2);
  CHECK(t.create_node({}) == 2);  // the id counter survived
  CHECK(t.create_rel(knows, 2, 0, {}) == 1);
}

TEST_CASE("an aborted write leaves no trace") {
  TestDb db;
  db.store->write([](Txn& t) { t.create_node({}); });
  {
    Txn t = db.store->begin_write();
    LabelId l = t.intern_label("Gone");
    RelTypeId r = t.intern_rel_type("GONE");
    const LabelId labels[] = {l};
    NodeId n = t.create_node(labels, {});
    t.create_rel(r, n, 0, {});
    t.set_node_property(0, t.intern_prop_key("k"), Value(1));
    t.abort();
  }
  {
    Txn t = db.store->begin_write();
    t.create_node({});
  }  // destroyed without commit
  CHECK_THROWS_AS(db.store->write([](Txn& t) {
    t.create_node({});
    throw Error(ErrorCode::InvalidInput, "changed my mind");
  }),
                  Error);
  Txn r = db.store->begin_read();
  CHECK(r.node_count() == 1);
  CHECK(r.rel_count() == 0);
  CHECK(r.labels().empty());
  CHECK(r.rel_types().empty());
  CHECK(r.prop_keys().empty());
  CHECK(drain(r.scan_all_nodes()) == std::vector<NodeId>{0});
  r.abort();
  Txn t = db.store->begin_write();
  CHECK(t.create_node({}) == 1);  // aborted ids are not burnt either
}

TEST_CASE("a reader's snapshot is unaffected by a concurrent committed write") {
  TestDb db;
  db.store->write([](Txn& t) {
    PropKeyId k = t.intern_prop_key("k");
    t.create_node({}, {{k, Value(1)}});
  });
  Txn reader = db.store->begin_read();
  {
    Txn w = db.store->begin_write();
    w.set_node_property(0, 0, Value(2));
    NodeId n = w.create_node({});
    w.create_rel(w.intern_rel_type("R"), 0, n, {});
    w.commit();
  }
  CHECK(reader.node_property(0, 0) == Value(1));
  CHECK(reader.node_count() == 1);
  CHECK(drain(reader.scan_all_nodes()) == std::vector<NodeId>{0});
  CHECK_FALSE(reader.find_rel_type("R"));
  reader.abort();
  Txn fresh = db.store->begin_read();
  CHECK(fresh.node_property(0, 0) == Value(2));
  CHECK(fresh.node_count() == 2);
  CHECK(fresh.find_rel_type("R"));
}

TEST_CASE("the map grows when a write fills it") {
  TempDir dir;
  std::string path = dir.file("small.kith");
  OpenOptions options;
  options.initial_map_size = 1 << 20;  // 1 MiB
  auto store = GraphStore::open(path, options);
  std::string payload(200, 'x');
  int calls = 0;
  for (int round = 0; round < 4; ++round) {
    store->write([&](Txn& t) {
      ++calls;
      PropKeyId k = t.intern_prop_key("payload");
      for (int i = 0; i < 5000; ++i) t.create_node({}, {{k, Value(payload)}});
    });
  }
  CHECK(calls > 4);  // at least one transaction hit the full map and ran again
  CHECK(store->file_size() > (4u << 20));
  Txn r = store->begin_read();
  CHECK(r.node_count() == 20000);
  CHECK(r.node_property(19999, 0) == Value(payload));
}

TEST_CASE("opening: missing directory, non-kith files, read-only") {
  TempDir dir;
  Error e = open_error(dir.file("no/such/dir/db.kith"));
  CHECK(e.code() == ErrorCode::IoError);
  CHECK(mentions(e, "no/such/dir/db.kith"));

  std::string text = dir.file("notes.txt");
  std::ofstream(text) << std::string(20000, 'z');
  e = open_error(text);
  CHECK(e.code() == ErrorCode::IoError);
  CHECK(mentions(e, "not a kith database"));

  // A valid LMDB file written by some other program.
  std::string foreign = dir.file("foreign.mdb");
  {
    MDB_env* env;
    REQUIRE(mdb_env_create(&env) == 0);
    REQUIRE(mdb_env_open(env, foreign.c_str(), MDB_NOSUBDIR, 0644) == 0);
    MDB_txn* txn;
    MDB_dbi dbi;
    REQUIRE(mdb_txn_begin(env, nullptr, 0, &txn) == 0);
    REQUIRE(mdb_dbi_open(txn, nullptr, 0, &dbi) == 0);
    MDB_val k{3, const_cast<char*>("key")}, v{5, const_cast<char*>("value")};
    REQUIRE(mdb_put(txn, dbi, &k, &v, 0) == 0);
    REQUIRE(mdb_txn_commit(txn) == 0);
    mdb_env_close(env);
  }
  e = open_error(foreign);
  CHECK(e.code() == ErrorCode::IoError);
  CHECK(mentions(e, "not a kith database"));

  OpenOptions no_create;
  no_create.create = false;
  e = open_error(dir.file("absent.kith"), no_create);
  CHECK(e.code() == ErrorCode::IoError);
  CHECK(mentions(e, "absent.kith"));

  std::string path = dir.file("ok.kith");
  GraphStore::open(path)->write([](Txn& t) { t.create_node({}); });
  OpenOptions ro;
  ro.read_only = true;
  auto store = GraphStore::open(path, ro);
  CHECK(store->read_only());
  CHECK(store->begin_read().node_count() == 1);
  try {
    store->begin_write();
    FAIL("expected ReadOnly");
  } catch (const Error& err) {
    CHECK(err.code() == ErrorCode::ReadOnly);
  }
}

TEST_CASE("opening a file without permission is an IoError naming the file") {
  if (::geteuid() == 0) {
    MESSAGE("skipped: running as root, which may open any file");
    return;
  }
  TempDir dir;
  std::string path = dir.file("locked.kith");
  GraphStore::open(path).reset();
  ::chmod(path.c_str(), 0);
  Error e = open_error(path);
  CHECK(e.code() == ErrorCode::IoError);
  CHECK(mentions(e, "locked.kith"));
}

TEST_CASE("a write that cannot grow the file is a clear IoError and loses nothing committed") {
  // Disk full stand-in: a file size limit makes LMDB's writes fail (EFBIG)
  // the way a full disk does (ENOSPC), at commit.
  TestDb db;
  db.store->write([](Txn& t) { t.create_node({}, {{t.intern_prop_key("k"), Value(1)}}); });
  struct rlimit old_limit;
  REQUIRE(::getrlimit(RLIMIT_FSIZE, &old_limit) == 0);
  auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  struct rlimit limit = old_limit;
  limit.rlim_cur = db.store->file_size() + 4096;
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &limit) == 0);
  bool io_error = false;
  std::string message;
  try {
    db.store->write([](Txn& t) {
      std::string big(100'000, 'b');
      for (int i = 0; i < 50; ++i) t.create_node({}, {{0, Value(big)}});
    });
  } catch (const Error& e) {
    io_error = e.code() == ErrorCode::IoError;
    message = e.what();
  }
  ::setrlimit(RLIMIT_FSIZE, &old_limit);
  std::signal(SIGXFSZ, old_handler);
  CHECK(io_error);
  CHECK(message.find("commit") != std::string::npos);
  Txn r = db.store->begin_read();
  CHECK(r.node_count() == 1);
  CHECK(r.node_property(0, 0) == Value(1));
  r.abort();
  db.store->write([](Txn& t) { t.create_node({}); });  // usable again
  CHECK(db.store->begin_read().node_count() == 2);
}

TEST_CASE("readers in several threads see consistent snapshots while a writer commits") {
  TestDb db;
  db.store->write([](Txn& t) {
    t.intern_label("L");
    t.intern_prop_key("k");
  });
  std::atomic<bool> stop{false};
  std::atomic<int> inconsistent{0}, reads{0};
  std::vector<std::thread> readers;
  for (int i = 0; i < 3; ++i) {
    readers.emplace_back([&] {
      while (!stop) {
        Txn t = db.store->begin_read();
        // Every committed write adds one labelled node with k = its id:
        // count, label scan and statistics must agree within one snapshot.
        auto nodes = drain(t.scan_label(0));
        if (nodes.size() != t.node_count() || nodes.size() != t.node_count(0)) ++inconsistent;
        for (NodeId n : nodes) {
          if (t.node_property(n, 0) != Value(static_cast<int64_t>(n))) ++inconsistent;
        }
        ++reads;
      }
    });
  }
  for (int i = 0; i < 80; ++i) {
    db.store->write([](Txn& t) {
      const LabelId labels[] = {0};
      NodeId id = t.create_node(labels);
      t.set_node_property(id, 0, Value(static_cast<int64_t>(id)));
      std::string name = "L";
      name += std::to_string(id % 7);  // (not operator+: GCC 12 -Wrestrict false positive)
      t.intern_label(name);            // catalog changes too
    });
  }
  stop = true;
  for (auto& th : readers) th.join();
  CHECK(inconsistent == 0);
  CHECK(reads > 0);
  CHECK(db.store->begin_read().node_count() == 80);
}

TEST_CASE("one file cannot be opened twice in one process; after closing it can") {
  TestDb db;
  Error e = open_error(db.path);
  CHECK(e.code() == ErrorCode::IoError);
  CHECK(mentions(e, "already open"));
  db.store->write([](Txn& t) { t.create_node({}); });  // the first handle is unharmed
  db.reopen();
  CHECK(db.store->begin_read().node_count() == 1);
}

TEST_CASE("a map grown by another process is adopted (MDB_MAP_RESIZED)") {
  TempDir dir;
  std::string path = dir.file("shared.kith");
  OpenOptions small;
  small.initial_map_size = 1 << 20;
  auto store = GraphStore::open(path, small);
  store->write([](Txn& t) { t.create_node({}, {{t.intern_prop_key("k"), Value(0)}}); });
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // The child has its own environment, with the same small map, and grows it.
    int code = 0;
    try {
      auto own = GraphStore::open(path, small);
      std::string payload(300, 'p');
      for (int round = 0; round < 4; ++round) {
        own->write([&](Txn& t) {
          for (int i = 0; i < 5000; ++i) t.create_node({}, {{0, Value(payload)}});
        });
      }
    } catch (...) {
      code = 1;
    }
    ::_exit(code);  // no destructors of the parent's objects here
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  CHECK(store->file_size() > (4u << 20));  // beyond this process's map
  {
    Txn r = store->begin_read();
    CHECK(r.node_count() == 20001);
    CHECK(r.node_property(20000, 0) == Value(std::string(300, 'p')));
  }
  store->write([](Txn& t) { t.create_node({}); });
  CHECK(store->begin_read().node_count() == 20002);
}
