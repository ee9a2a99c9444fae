// The `kith token` and `kith serve` commands as a user runs them: a token
// made on the command line works over HTTP, `kith query` shares the file
// with the running server, and SIGTERM cancels a running query and exits 0.
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include <cstdio>
#include <future>

#include "server_fixture.h"

using namespace kith::server::test;
using nlohmann::json;

namespace {

struct Run {
  int status;
  std::string out;
};

Run run(const std::string& args) {
  const std::string cmd = std::string(KITH_BINARY) + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string out;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int st = pclose(p);
  return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, out};
}

int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  close(fd);
  return ntohs(a.sin_port);
}

}  // namespace

TEST_CASE("kith token and kith serve: end to end, SIGTERM stops cleanly") {
  TempDir dir;
  const std::string db = (dir.path() / "cli.kith").string();
  Run made = run("token create --db " + db + " --role writer --name app");
  REQUIRE(made.status == 0);
  std::string token = made.out.substr(0, made.out.find('\n'));
  CHECK(token.starts_with("kith_"));
  CHECK(run("token create --db " + db + " --role superuser").status != 0);
  CHECK(run("token create --db " + db + " --role reader --name app").status == 1);  // name taken
  Run list = run("token list --db " + db);
  CHECK(list.status == 0);
  CHECK(list.out.find("app\twriter\t") == 0);
  CHECK(list.out.find(token.substr(token.rfind('_') + 1)) == std::string::npos);

  const int port = free_port();
  const std::string log = (dir.path() / "access.log").string();
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const std::string listen = "127.0.0.1:" + std::to_string(port);
    freopen(log.c_str(), "w", stderr);
    execl(KITH_BINARY, KITH_BINARY, "serve", "--db", db.c_str(), "--listen", listen.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  httplib::Client c("127.0.0.1", port);
  c.set_bearer_token_auth(token.c_str());
  bool up = false;
  for (int i = 0; i < 500 && !up; ++i) {
    auto r = c.Get("/healthz");
    up = r && r->status == 200;
    if (!up) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  REQUIRE(up);
  auto w = c.Post("/v1/query", R"j({"query": "UNWIND range(1, 3000) AS i CREATE (:N {i: i})"})j",
                  "application/json");
  REQUIRE(w);
  CHECK(w->status == 200);
  // Another process reads the same file while the server runs.
  Run q = run("query --db " + db + " --format csv \"MATCH (n:N) RETURN count(n) AS c\"");
  CHECK(q.status == 0);
  CHECK(q.out.find("3000") != std::string::npos);

  auto slow = std::async(std::launch::async, [&] {
    httplib::Client s("127.0.0.1", port);
    s.set_bearer_token_auth(token.c_str());
    s.set_read_timeout(60, 0);
    auto r =
        s.Post("/v1/query",
               R"j({"query": "MATCH (a:N), (b:N), (c:N) RETURN count(*)", "timeout_ms": 60000})j",
               "application/json");
    return r ? r->status : -1;
  });
  // Wait until it runs, then ask the server to stop.
  for (int i = 0; i < 1000; ++i) {
    auto m = c.Get("/metrics");
    if (m && m->body.find("kith_active_queries 1\n") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(pid, SIGTERM);
  CHECK(slow.get() == 503);
  int st = 0;
  waitpid(pid, &st, 0);
  CHECK(WIFEXITED(st));
  CHECK(WEXITSTATUS(st) == 0);

  // The store was closed cleanly and the revocation works offline.
  CHECK(run("token revoke --db " + db + " app").status == 0);
  CHECK(run("token revoke --db " + db + " app").status == 1);
  CHECK(run("token list --db " + db).out.empty());
  FILE* f = fopen(log.c_str(), "r");
  REQUIRE(f);
  std::string text;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, f)) text.append(buf, n);
  fclose(f);
  CHECK(text.find("\"token\":\"app\"") != std::string::npos);
  CHECK(text.find(token) == std::string::npos);
}
