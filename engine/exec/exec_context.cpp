#include "engine/exec/exec_context.h"

#include "storage/error.h"

namespace kith::engine {

ExecContext::ExecContext(storage::Txn& t, const Params& p, DateTime now,
                         const std::atomic<bool>* cancel,
                         std::optional<std::chrono::steady_clock::time_point> deadline)
    : txn(t), params(p), eval{now}, writable_(t.writable()), cancel_(cancel),
      deadline_(deadline) {}

void ExecContext::check_interrupt_now() {
  if (ticks_ >= budget_end_) throw WorkBudgetExceeded{};
  if (cancel_ && cancel_->load(std::memory_order_relaxed)) {
    throw Error(ErrorCode::Cancelled, "the query was cancelled");
  }
  if (deadline_ && std::chrono::steady_clock::now() > *deadline_) {
    throw Error(ErrorCode::Timeout, "the query ran longer than its timeout");
  }
}

namespace {

template <typename Find>
std::optional<uint32_t> cached(std::unordered_map<std::string, std::optional<uint32_t>>& cache,
                               const std::string& name, Find find) {
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  std::optional<uint32_t> id = find(name);
  cache.emplace(name, id);
  return id;
}

}  // namespace

std::optional<LabelId> ExecContext::label(const std::string& name) {
  return cached(labels_, name, [this](const std::string& n) { return txn.find_label(n); });
}

std::optional<RelTypeId> ExecContext::rel_type(const std::string& name) {
  return cached(types_, name, [this](const std::string& n) { return txn.find_rel_type(n); });
}

std::optional<PropKeyId> ExecContext::prop_key(const std::string& name) {
  return cached(keys_, name, [this](const std::string& n) { return txn.find_prop_key(n); });
}

const std::string& ExecContext::rel_type_name(RelTypeId id) {
  auto it = type_names_.find(id);
  if (it == type_names_.end()) it = type_names_.emplace(id, txn.rel_type_name(id)).first;
  return it->second;
}

const std::string& ExecContext::label_name(LabelId id) {
  auto it = label_names_.find(id);
  if (it == label_names_.end()) it = label_names_.emplace(id, txn.label_name(id)).first;
  return it->second;
}

const std::string& ExecContext::prop_key_name(PropKeyId id) {
  auto it = key_names_.find(id);
  if (it == key_names_.end()) it = key_names_.emplace(id, txn.prop_key_name(id)).first;
  return it->second;
}

void ExecContext::forget_catalog() {
  labels_.clear();
  types_.clear();
  keys_.clear();
}

}  // namespace kith::engine
