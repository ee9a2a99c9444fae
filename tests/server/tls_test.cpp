// --cert/--key: the same API over HTTPS, with a self-signed certificate made
// here (OpenSSL), so the test needs no files from outside the repository.
#include <doctest/doctest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "server_fixture.h"
#include "storage/error.h"

using namespace kith::server::test;

namespace {

void write_self_signed(const std::string& cert_path, const std::string& key_path) {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  REQUIRE(key);
  X509* cert = X509_new();
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), -60);
  X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
  X509_set_pubkey(cert, key);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
  X509_set_issuer_name(cert, name);
  REQUIRE(X509_sign(cert, key, EVP_sha256()) > 0);
  FILE* f = fopen(cert_path.c_str(), "w");
  REQUIRE(f);
  PEM_write_X509(f, cert);
  fclose(f);
  f = fopen(key_path.c_str(), "w");
  REQUIRE(f);
  PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr);
  fclose(f);
  X509_free(cert);
  EVP_PKEY_free(key);
}

}  // namespace

TEST_CASE("HTTPS with --cert and --key") {
  TempDir certs;
  const std::string cert = (certs.path() / "cert.pem").string();
  const std::string key = (certs.path() / "key.pem").string();
  write_self_signed(cert, key);
  kith::server::ServerOptions o;
  o.cert_file = cert;
  o.key_file = key;
  TestServer s(o);
  CHECK(s.server->tls());

  httplib::SSLClient c("127.0.0.1", s.server->port());
  c.enable_server_certificate_verification(false);
  auto h = c.Get("/healthz");
  REQUIRE(h);
  CHECK(h->status == 200);
  c.set_bearer_token_auth(s.reader.c_str());
  auto q = c.Post("/v1/query", R"({"query": "RETURN 40 + 2 AS n"})", "application/json");
  REQUIRE(q);
  CHECK(q->status == 200);
  CHECK(body_of(q)["rows"][0][0] == 42);
  // Plain HTTP to the HTTPS port gets no answer.
  auto plain = s.client(s.reader).Get("/healthz");
  CHECK((!plain || plain->status != 200));
}

TEST_CASE("TLS setup errors are reported, not crashes") {
  TempDir dir;
  auto db = kith::Database::open((dir.path() / "t.kith").string());
  kith::server::ServerOptions only_cert;
  only_cert.port = 0;
  only_cert.cert_file = (dir.path() / "cert.pem").string();
  CHECK_THROWS_AS(kith::server::HttpServer(*db, only_cert), kith::Error);
  kith::server::ServerOptions missing = only_cert;
  missing.key_file = (dir.path() / "key.pem").string();  // neither file exists
  CHECK_THROWS_AS(kith::server::HttpServer(*db, missing), kith::Error);
}

TEST_CASE("a port in use is an IoError") {
  TestServer s;
  kith::server::ServerOptions same;
  same.port = s.server->port();
  CHECK_THROWS_AS(kith::server::HttpServer(*s.db, same), kith::Error);
}
