// Environment failures a user can cause (bad paths, permissions, a full disk)
// surface as a kith::Error with code IoError and a message naming the file,
// never as a crash, and leave the database intact.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "storage/error.h"
#include "storage/graph_store.h"
#include "tests/storage_process/child_process.h"
#include "tests/storage_process/ledger.h"
#include "tests/support/temp_dir.h"

using namespace kith;
using namespace kith::testing;
using storage::GraphStore;
using storage::OpenOptions;
namespace fs = std::filesystem;

namespace {

// Opens `path` and returns the error it must throw.
Error open_error(const std::string& path, OpenOptions options = {}) {
  try {
    GraphStore::open(path, options);
  } catch (const Error& e) {
    return e;
  }
  FAIL("opening " << path << " did not fail");
  return Error(ErrorCode::Internal, "unreachable");
}

void check_io_error(const Error& e, const std::string& path) {
  INFO(e.to_string());
  CHECK(e.code() == ErrorCode::IoError);
  CHECK(e.message().find(path) != std::string::npos);
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

}  // namespace

TEST_CASE("a path whose parent is a regular file is an IoError naming the path") {
  TempDir dir;
  write_file(dir.file("plain"), "not a directory");
  const std::string path = dir.file("plain") + "/graph.kith";
  check_io_error(open_error(path), path);
}

TEST_CASE("a missing directory is an IoError naming the path") {
  TempDir dir;
  const std::string path = dir.file("missing") + "/graph.kith";
  check_io_error(open_error(path), path);
  CHECK_FALSE(fs::exists(dir.file("missing")));
}

TEST_CASE("opening a missing file read-only (or without create) is an IoError and creates nothing") {
  TempDir dir;
  const std::string path = dir.file("graph.kith");
  OpenOptions ro;
  ro.read_only = true;
  check_io_error(open_error(path, ro), path);
  ro.create = false;
  check_io_error(open_error(path, ro), path);
  OpenOptions no_create;
  no_create.create = false;
  check_io_error(open_error(path, no_create), path);
  CHECK_FALSE(fs::exists(path));
}

TEST_CASE("a file that is not a kith database is an IoError and is left untouched") {
  TempDir dir;
  const std::string path = dir.file("notes.txt");
  const std::string content(20000, 'x');
  write_file(path, content);
  check_io_error(open_error(path), path);
  OpenOptions ro;
  ro.read_only = true;
  check_io_error(open_error(path, ro), path);
  CHECK(fs::file_size(path) == content.size());
}

TEST_CASE("a directory without write permission is an IoError naming the path") {
  TempDir dir;
  const fs::path locked = dir.path() / "locked";
  fs::create_directory(locked);
  fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read |
                              fs::perms::others_exec);
  const std::string path = (locked / "graph.kith").string();

  if (geteuid() != 0) {
    check_io_error(open_error(path), path);
    return;
  }
  // Root bypasses permission checks (tests run as root in CI), so the open
  // runs in a child that first drops to the unprivileged user `nobody`. If
  // the sandbox does not allow that, the regular-file-parent case above
  // covers the same error path (open failing in the directory).
  fs::permissions(dir.path(), fs::perms::others_exec | fs::perms::group_exec,
                  fs::perm_options::add);
  ChildProcess child([&](int, int to_parent) {
    if (setgid(65534) != 0 || setuid(65534) != 0) return 7;
    try {
      GraphStore::open(path);
      write_string(to_parent, "opened");
    } catch (const Error& e) {
      write_string(to_parent, std::string(e.code_name()) + "|" + e.message());
    }
    return 0;
  });
  std::string report;
  const bool reported = read_string(child.from_child(), report);
  const int code = child.exit_code();
  if (code == 7) {
    MESSAGE("cannot drop root privileges here; permission case covered by the parent-is-a-file case");
    return;
  }
  REQUIRE(code == 0);
  REQUIRE(reported);
  INFO(report);
  CHECK(report.rfind("IoError|", 0) == 0);
  CHECK(report.find(path) != std::string::npos);
  CHECK_FALSE(fs::exists(path));
}

TEST_CASE("disk full: a commit that cannot be written is an IoError and the database stays intact") {
  TempDir dir;
  const std::string path = dir.file("graph.kith");
  {
    auto store = GraphStore::open(path);
    create_ledger(*store);
    store->write([](storage::Txn& txn) { transfer(txn, 1); });
  }

  // A file size limit makes writes past it fail with EFBIG (SIGXFSZ ignored),
  // the same path through LMDB as ENOSPC, without root or a tiny filesystem.
  // It is set in a child so the test process keeps its limits.
  ChildProcess child([&](int, int to_parent) {
    auto store = GraphStore::open(path);
    signal(SIGXFSZ, SIG_IGN);
    rlimit limit{};
    getrlimit(RLIMIT_FSIZE, &limit);
    const rlimit original = limit;
    limit.rlim_cur = static_cast<rlim_t>(store->file_size() + 64 * 1024);
    if (setrlimit(RLIMIT_FSIZE, &limit) != 0) return 7;
    std::string report = "no error";
    try {
      // About 8 MB in one transaction: far past the limit.
      store->write([](storage::Txn& txn) {
        const LabelId label = txn.intern_label("Blob");
        const PropKeyId key = txn.intern_prop_key("data");
        for (int i = 0; i < 2000; ++i) {
          txn.create_node(std::vector<LabelId>{label}, {{key, Value(std::string(4000, 'a' + i % 26))}});
        }
      });
    } catch (const Error& e) {
      report = std::string(e.code_name()) + "|" + e.message();
    }
    // The same store object must still work once there is room again.
    setrlimit(RLIMIT_FSIZE, &original);
    try {
      store->write([](storage::Txn& txn) { transfer(txn, 2); });
      report += "\nwrite after: ok";
    } catch (const Error& e) {
      report += "\nwrite after: " + e.to_string();
    }
    return write_string(to_parent, report) ? 0 : 2;
  });
  std::string report;
  REQUIRE(read_string(child.from_child(), report));
  REQUIRE(child.exit_code() == 0);
  MESSAGE("disk-full report: " << report);
  CHECK(report.rfind("IoError|", 0) == 0);
  CHECK(report.find("\nwrite after: ok") != std::string::npos);

  auto store = GraphStore::open(path);
  auto txn = store->begin_read();
  CHECK(check_ledger(txn) == 2);
  CHECK_FALSE(txn.find_label("Blob").has_value());
}
