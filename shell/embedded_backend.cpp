// The embedded backend: statements run in this process on a worker thread,
// so the main thread can keep waiting for Ctrl-C (which sets the cancel flag
// the executor polls).
#include <filesystem>
#include <future>
#include <iostream>
#include <thread>

#include "shell/backend.h"

namespace kith::shell {

namespace {

class EmbeddedBackend : public Backend {
 public:
  explicit EmbeddedBackend(std::unique_ptr<Database> db) : db_(std::move(db)) {}

  QueryResult query(const std::string& text, const Params& params, const std::atomic<bool>& cancel) override {
    QueryOptions options;
    options.params = params;
    options.cancel = &cancel;
    // A worker thread keeps the main thread free of long engine calls: the
    // signal handler only sets `cancel`, and async keeps exceptions intact.
    auto done = std::async(std::launch::async, [&] { return db_->query(text, options); });
    return done.get();
  }

  SchemaSummary schema() override { return db_->schema(); }
  std::string describe() const override { return "embedded " + db_->path(); }

 private:
  std::unique_ptr<Database> db_;
};

}  // namespace

std::unique_ptr<Backend> open_embedded(const std::string& db_path) {
  // Like sqlite3 and duckdb, a new path makes a new database; say so, since
  // it may be a typo for an existing one.
  std::error_code ec;
  const bool is_new = !std::filesystem::exists(db_path, ec);
  auto backend = std::make_unique<EmbeddedBackend>(Database::open(db_path));
  if (is_new) std::cerr << "kith shell: created a new database at " << db_path << "\n";
  return backend;
}

}  // namespace kith::shell
