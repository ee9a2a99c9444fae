#include "engine/saved_questions.h"

#include <nlohmann/json.hpp>

#include "storage/error.h"
#include "storage/meta_kv.h"

namespace kith::engine {

namespace {

constexpr std::string_view kPrefix = "question/";

SavedQuestion decode(const std::string& name, const std::string& text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    throw Error(ErrorCode::StorageError, "saved question '" + name + "' is unreadable");
  }
  SavedQuestion q;
  q.name = name;
  q.parameters = j.value("parameters", std::vector<std::string>{});
  q.query = j.value("query", std::string());
  return q;
}

}  // namespace

void store_question(storage::Txn& txn, const SavedQuestion& q) {
  nlohmann::json j = {{"parameters", q.parameters}, {"query", q.query}};
  storage::meta_put(txn, std::string(kPrefix) + q.name, j.dump());
}

std::optional<SavedQuestion> load_question(const storage::Txn& txn, const std::string& name) {
  auto text = storage::meta_get(txn, std::string(kPrefix) + name);
  if (!text) return std::nullopt;
  return decode(name, *text);
}

std::vector<SavedQuestion> list_questions(const storage::Txn& txn) {
  std::vector<SavedQuestion> out;
  for (const auto& [key, value] : storage::meta_scan(txn, kPrefix)) {
    out.push_back(decode(key.substr(kPrefix.size()), value));
  }
  return out;
}

}  // namespace kith::engine
