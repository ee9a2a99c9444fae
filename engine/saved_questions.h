// Saved questions (DESIGN.md 2.2): `DEFINE QUESTION name($a, $b) AS <query>`
// stores a parameterised query in the database; `ASK name(1, "Acme")` runs
// it with its arguments bound to the parameters in order, and the HTTP API
// runs it by name with named parameters (POST /v1/questions/{name}).
// Questions live in the database's meta area under "question/<name>", so
// they travel with the file and never show up as graph data.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/graph_store.h"

namespace kith::engine {

struct SavedQuestion {
  std::string name;
  std::vector<std::string> parameters;  // without '$', in order
  std::string query;                    // the body's text, verbatim
};

// Replaces any question of the same name (write transaction).
void store_question(storage::Txn& txn, const SavedQuestion& q);
std::optional<SavedQuestion> load_question(const storage::Txn& txn, const std::string& name);
std::vector<SavedQuestion> list_questions(const storage::Txn& txn);

}  // namespace kith::engine
