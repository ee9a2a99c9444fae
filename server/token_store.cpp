// Tokens carry 256 random bits, so one salted SHA-256 is enough: a slow
// password hash (PBKDF2) only helps against guessing low-entropy secrets and
// would cost every request milliseconds. The salt makes equal secrets hash
// differently and keeps precomputed tables useless.
#include "server/token_store.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>

#include "storage/error.h"
#include "storage/meta_kv.h"

namespace kith::server {
namespace {

using nlohmann::json;

constexpr std::string_view kKeyPrefix = "token/";
constexpr std::string_view kTokenPrefix = "kith_";
constexpr size_t kIdBytes = 8, kSecretBytes = 32, kSaltBytes = 16;

std::string hex(const unsigned char* data, size_t n) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (size_t i = 0; i < n; ++i) {
    out += digits[data[i] >> 4];
    out += digits[data[i] & 15];
  }
  return out;
}

std::string random_hex(size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  if (RAND_bytes(buf.data(), static_cast<int>(bytes)) != 1) {
    throw Error(ErrorCode::Internal, "the system random generator failed");
  }
  return hex(buf.data(), bytes);
}

std::string sha256_hex(std::string_view salt, std::string_view secret) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) == 1 &&
            EVP_DigestUpdate(ctx, salt.data(), salt.size()) == 1 &&
            EVP_DigestUpdate(ctx, secret.data(), secret.size()) == 1 &&
            EVP_DigestFinal_ex(ctx, md, &len) == 1;
  EVP_MD_CTX_free(ctx);
  if (!ok) throw Error(ErrorCode::Internal, "SHA-256 failed");
  return hex(md, len);
}

std::string now_iso() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string key_of(std::string_view id) { return std::string(kKeyPrefix) + std::string(id); }

TokenInfo info_from(std::string_view id, const json& rec) {
  return TokenInfo{std::string(id), rec.at("name").get<std::string>(),
                   parse_role(rec.at("role").get<std::string>()),
                   rec.at("created").get<std::string>()};
}

std::vector<std::pair<std::string, json>> all_records(const storage::Txn& txn) {
  std::vector<std::pair<std::string, json>> out;
  for (auto& [key, value] : storage::meta_scan(txn, kKeyPrefix)) {
    out.emplace_back(key.substr(kKeyPrefix.size()), json::parse(value));
  }
  return out;
}

bool valid_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string_view role_name(Role role) {
  switch (role) {
    case Role::Reader:
      return "reader";
    case Role::Writer:
      return "writer";
    case Role::Admin:
      return "admin";
  }
  return "reader";
}

Role parse_role(std::string_view name) {
  if (name == "reader") return Role::Reader;
  if (name == "writer") return Role::Writer;
  if (name == "admin") return Role::Admin;
  throw Error(ErrorCode::InvalidInput,
              "unknown role '" + std::string(name) + "' (expected reader, writer or admin)");
}

NewToken create_token(storage::GraphStore& store, Role role, std::string name) {
  const std::string id = random_hex(kIdBytes);
  const std::string secret = random_hex(kSecretBytes);
  const std::string salt = random_hex(kSaltBytes);
  if (name.empty()) name = "token-" + id;
  if (!valid_name(name)) {
    throw Error(ErrorCode::InvalidInput,
                "token name '" + name + "' must be 1-64 letters, digits, '-', '_' or '.'");
  }
  NewToken out{TokenInfo{id, name, role, now_iso()}, std::string(kTokenPrefix) + id + "_" + secret};
  json rec = {{"name", name},
              {"role", role_name(role)},
              {"created", out.info.created},
              {"salt", salt},
              {"hash", sha256_hex(salt, secret)}};
  store.write([&](storage::Txn& txn) {
    for (auto& [other_id, other] : all_records(txn)) {
      if (other.at("name") == name) {
        throw Error(ErrorCode::InvalidInput, "a token named '" + name + "' already exists");
      }
    }
    storage::meta_put(txn, key_of(id), rec.dump());
  });
  return out;
}

std::vector<TokenInfo> list_tokens(storage::GraphStore& store) {
  storage::Txn txn = store.begin_read();
  std::vector<TokenInfo> out;
  for (auto& [id, rec] : all_records(txn)) out.push_back(info_from(id, rec));
  return out;
}

bool revoke_token(storage::GraphStore& store, std::string_view name_or_id) {
  bool found = false;
  store.write([&](storage::Txn& txn) {
    found = false;
    for (auto& [id, rec] : all_records(txn)) {
      if (id == name_or_id || rec.at("name") == name_or_id) {
        storage::meta_erase(txn, key_of(id));
        found = true;
      }
    }
  });
  return found;
}

std::optional<TokenInfo> verify_token(storage::GraphStore& store, std::string_view token) {
  // kith_<16 hex id>_<64 hex secret>
  if (!token.starts_with(kTokenPrefix)) return std::nullopt;
  token.remove_prefix(kTokenPrefix.size());
  const size_t id_len = kIdBytes * 2;
  if (token.size() != id_len + 1 + kSecretBytes * 2 || token[id_len] != '_') return std::nullopt;
  std::string_view id = token.substr(0, id_len);
  std::string_view secret = token.substr(id_len + 1);
  for (char c : id) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  std::optional<std::string> stored;
  {
    storage::Txn txn = store.begin_read();
    stored = storage::meta_get(txn, key_of(id));
  }
  if (!stored) return std::nullopt;
  json rec = json::parse(*stored);
  const std::string expected = rec.at("hash").get<std::string>();
  const std::string actual = sha256_hex(rec.at("salt").get<std::string>(), secret);
  if (expected.size() != actual.size() ||
      CRYPTO_memcmp(expected.data(), actual.data(), expected.size()) != 0) {
    return std::nullopt;
  }
  return info_from(id, rec);
}

}  // namespace kith::server
