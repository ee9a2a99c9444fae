// Parsed statements by their text, so that an application sending the same
// parameterised query again and again (the HTTP API's common case) pays for
// ANTLR once. The AST is immutable once parsed and shared read-only between
// threads; plans are not cached (they depend on the catalog, which changes).
#pragma once

#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "query/ast/ast.h"

namespace kith::engine {

class StatementCache {
 public:
  explicit StatementCache(size_t capacity = 256) : capacity_(capacity) {}

  // The parsed statement for `text`: from the cache, or parsed now (parse
  // errors are thrown and not cached).
  std::shared_ptr<const query::ast::Statement> get(std::string_view text);

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const query::ast::Statement>>;
  size_t capacity_;
  std::mutex mutex_;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;  // keys view lru_'s strings
};

}  // namespace kith::engine
