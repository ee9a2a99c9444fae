// Cancelling a running statement (QueryOptions::cancel) stops it with
// Cancelled, undoes its writes and leaves the database usable.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "engine/database.h"
#include "storage/error.h"

namespace fs = std::filesystem;
using namespace kith;

namespace {

// Runs `text` with a cancel flag that another thread sets once the statement
// has had a moment to start; returns the code it failed with.
std::string run_cancelled(Database& db, const std::string& text) {
  std::atomic<bool> cancel{false};
  QueryOptions options;
  options.cancel = &cancel;
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    cancel = true;
  });
  std::string code = "no error";
  try {
    db.query(text, options);  // 10^10 rows: cannot finish before the flag is set
  } catch (const Error& e) {
    code = std::string(e.code_name());
  }
  canceller.join();
  return code;
}

}  // namespace

TEST_CASE("a cancelled statement stops with Cancelled and leaves nothing behind") {
  std::string tmpl = (fs::temp_directory_path() / "kith-cancel-XXXXXX").string();
  REQUIRE(mkdtemp(tmpl.data()) != nullptr);
  {
    auto db = Database::open(tmpl + "/graph.kith");
    CHECK(run_cancelled(*db, "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b "
                             "RETURN count(*) AS n") == "Cancelled");
    CHECK(run_cancelled(*db, "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b "
                             "CREATE (:Spam)") == "Cancelled");
    const QueryResult r = db->query("MATCH (s:Spam) RETURN count(s) AS n");
    CHECK(r.rows.at(0).at(0).as_int() == 0);
    db->query("CREATE (:Ok)");
    CHECK(db->query("MATCH (o:Ok) RETURN count(o)").rows.at(0).at(0).as_int() == 1);
  }
  std::error_code ec;
  fs::remove_all(tmpl, ec);
}
