// kith token: create, list and revoke the HTTP API's tokens (stored hashed in
// the database, see server/token_store.h).
#include <iostream>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "engine/database.h"
#include "server/token_store.h"
#include "storage/error.h"

namespace kith::cli {

int run_token(int argc, char** argv) {
  po::options_description options("options");
  std::string db_path, action, role, name, target;
  options.add_options()("db", po::value(&db_path)->required(), "the database file")(
      "role", po::value(&role), "create: reader, writer or admin")(
      "name", po::value(&name), "create: a name for the access log (default token-<id>)")(
      "action", po::value(&action)->required(), "create, list or revoke")(
      "target", po::value(&target), "revoke: the token's name or id");
  po::positional_options_description positional;
  positional.add("action", 1).add("target", 1);
  po::variables_map vm;
  const std::string usage =
      "usage: kith token create --db PATH --role reader|writer|admin [--name N]\n"
      "       kith token list --db PATH\n"
      "       kith token revoke --db PATH NAME\n\n"
      "create prints the new token once: only a salted hash of it is kept.";
  if (auto rc = parse_command_line(argc, argv, usage, options, positional, vm)) return *rc;

  if (action == "create") {
    if (role.empty()) {
      std::cerr << "kith token create: --role is required (reader, writer or admin)\n";
      return 2;
    }
    const server::Role r = server::parse_role(role);
    auto db = Database::open(db_path);
    server::NewToken t = server::create_token(db->store(), r, name);
    std::cerr << "created " << server::role_name(t.info.role) << " token '" << t.info.name
              << "'; it is shown only now:\n";
    std::cout << t.token << "\n";
    return 0;
  }
  Database::Options existing;
  existing.create = false;
  if (action == "list") {
    auto db = Database::open(db_path, existing);
    for (const auto& t : server::list_tokens(db->store())) {
      std::cout << t.name << "\t" << server::role_name(t.role) << "\t" << t.id << "\t" << t.created
                << "\n";
    }
    return 0;
  }
  if (action == "revoke") {
    if (target.empty()) {
      std::cerr << "kith token revoke: name the token to revoke\n";
      return 2;
    }
    auto db = Database::open(db_path, existing);
    if (!server::revoke_token(db->store(), target)) {
      throw Error(ErrorCode::NotFound, "no token named '" + target + "'");
    }
    std::cerr << "revoked '" << target << "'\n";
    return 0;
  }
  std::cerr << "kith token: unknown action '" << action << "' (create, list or revoke)\n\n"
            << usage << "\n";
  return 2;
}

}  // namespace kith::cli
