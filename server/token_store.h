// API tokens: created by `kith token create` (or an admin over HTTP), stored
// in the database's meta area as a salted SHA-256 hash, checked on every
// request. The clear token exists only in the answer to create().
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/graph_store.h"

namespace kith::server {

enum class Role { Reader = 0, Writer = 1, Admin = 2 };  // each includes the ones below

std::string_view role_name(Role role);
Role parse_role(std::string_view name);  // throws InvalidInput

struct TokenInfo {
  std::string id;    // public part of the token, the storage key
  std::string name;  // for people and the access log
  Role role = Role::Reader;
  std::string created;  // ISO 8601 UTC
};

struct NewToken {
  TokenInfo info;
  std::string token;  // "kith_<id>_<secret>": shown once, never stored
};

// `name` empty: "token-<id>". Names are unique (InvalidInput otherwise).
NewToken create_token(storage::GraphStore& store, Role role, std::string name);
std::vector<TokenInfo> list_tokens(storage::GraphStore& store);
// By name or id; false when no token matched.
bool revoke_token(storage::GraphStore& store, std::string_view name_or_id);
// The token's record when `token` is valid (constant-time hash comparison).
std::optional<TokenInfo> verify_token(storage::GraphStore& store, std::string_view token);

}  // namespace kith::server
