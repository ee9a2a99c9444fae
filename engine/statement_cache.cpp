#include "engine/statement_cache.h"

#include "query/parser/parser.h"

namespace kith::engine {

std::shared_ptr<const query::ast::Statement> StatementCache::get(std::string_view text) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = index_.find(text); it != index_.end()) {
      lru_.splice(lru_.begin(), lru_, it->second);
      return it->second->second;
    }
  }
  // Parse outside the lock: another thread may parse the same text at the
  // same time; the second insert then finds the first and keeps it.
  auto parsed = std::make_shared<const query::ast::Statement>(query::parse(text));
  std::lock_guard lock(mutex_);
  if (auto it = index_.find(text); it != index_.end()) return it->second->second;
  lru_.emplace_front(std::string(text), parsed);
  index_.emplace(lru_.front().first, lru_.begin());
  if (lru_.size() > capacity_) {
    index_.erase(lru_.back().first);
    lru_.pop_back();
  }
  return parsed;
}

}  // namespace kith::engine
