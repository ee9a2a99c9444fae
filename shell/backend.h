// Where the shell's statements run: an embedded Database or a kith server
// reached over the HTTP API (DESIGN.md section 3). The shell talks only to
// this interface so both modes behave the same.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "engine/database.h"

namespace kith::shell {

class Backend {
 public:
  virtual ~Backend() = default;
  // Runs one statement. `cancel` is set (from the SIGINT handler) to stop it;
  // the call then throws Error(Cancelled) as soon as the statement notices.
  virtual QueryResult query(const std::string& text, const Params& params,
                            const std::atomic<bool>& cancel) = 0;
  virtual SchemaSummary schema() = 0;
  // "embedded /path/db" or "remote http://host:port", for the banner.
  virtual std::string describe() const = 0;
};

std::unique_ptr<Backend> open_embedded(const std::string& db_path);
std::unique_ptr<Backend> open_remote(const std::string& url, const std::string& token);

}  // namespace kith::shell
