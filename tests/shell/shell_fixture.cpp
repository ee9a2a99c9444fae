#include "shell_fixture.h"

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "engine/database.h"

namespace kith::shell_test {

namespace fs = std::filesystem;

namespace {

int system_status(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

ShellFixture::ShellFixture() {
  std::string tmpl = (fs::temp_directory_path() / "kith-shell-XXXXXX").string();
  REQUIRE(mkdtemp(tmpl.data()) != nullptr);
  dir = tmpl;
  db = dir + "/db";
  home = dir + "/home";
  fs::create_directory(home);
  auto database = Database::open(db);
  database->query(
      "CREATE (a:Person {name: 'Ada', age: 36}), (b:Person {name: 'Bob', age: 41}),"
      " (c:Person {name: 'Cy', age: 29}), (a)-[:KNOWS {since: 2020}]->(b)");
}

ShellFixture::~ShellFixture() {
  std::error_code ec;
  fs::remove_all(dir, ec);
}

RunResult run_kith(const ShellFixture& f, const std::string& args, const std::string& input) {
  const std::string in = f.dir + "/stdin", out = f.dir + "/stdout", err = f.dir + "/stderr";
  std::ofstream(in, std::ios::binary) << input;
  const std::string command = "HOME=" + quoted(f.home) + " " + quoted(KITH_BINARY) + " " + args + " <" +
                              quoted(in) + " >" + quoted(out) + " 2>" + quoted(err);
  RunResult r;
  r.exit_code = system_status(command);
  r.out = read_text(out);
  r.err = read_text(err);
  return r;
}

KithServer::KithServer(const ShellFixture& f) {
  const RunResult made = run_kith(f, "token create --db " + quoted(f.db) + " --role writer --name shell", "");
  REQUIRE(made.exit_code == 0);
  token = made.out.substr(0, made.out.find('\n'));
  const std::string log = f.dir + "/serve.log";
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (!freopen(log.c_str(), "w", stderr)) _exit(126);
    execl(KITH_BINARY, KITH_BINARY, "serve", "--db", f.db.c_str(), "--listen", "127.0.0.1:0",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  pid_ = pid;
  // Port 0: the server picks a free port and names it on its first line.
  const std::string marker = "http://127.0.0.1:";
  for (int i = 0; i < 1500 && url.empty(); ++i) {
    const std::string text = read_text(log);
    const size_t at = text.find(marker);
    const size_t end = at == std::string::npos ? at : text.find('\n', at);
    if (end != std::string::npos)
      url = text.substr(at, end - at);
    else
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  REQUIRE_MESSAGE(!url.empty(), "kith serve did not start: " << read_text(log));
}

KithServer::~KithServer() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
}

Tmux::Tmux(const ShellFixture& f, const std::string& command, const std::string& pager) {
  REQUIRE_MESSAGE(system_status("tmux -V >/dev/null 2>&1") == 0,
                  "these tests drive the shell in tmux: install it (apt-get install tmux)");
  tmux_ = "tmux -S " + quoted(f.dir + "/tmux.sock") + " -f /dev/null";
  // A fixed size, so the table and the pager see the same terminal each run.
  const std::string env = "env HOME=" + quoted(f.home) + " PAGER=" + quoted(pager) + " TERM=screen ";
  REQUIRE(system_status(tmux_ + " new-session -d -x 150 -y 40 " + quoted(env + command)) == 0);
}

Tmux::~Tmux() { system_status(tmux_ + " kill-server 2>/dev/null"); }

void Tmux::type(const std::string& text) {
  // As hex bytes: tmux's parser would take a trailing ';' as its own
  // command separator.
  std::string hex;
  char byte[4];
  for (unsigned char c : text) {
    std::snprintf(byte, sizeof byte, " %02x", c);
    hex += byte;
  }
  system_status(tmux_ + " send-keys -H" + hex);
}

void Tmux::keys(const std::string& names) { system_status(tmux_ + " send-keys " + names); }

std::string Tmux::pane() const {
  std::string text;
  if (FILE* p = popen((tmux_ + " capture-pane -p -J -S -500 2>/dev/null").c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
    pclose(p);
  }
  return text;
}

bool Tmux::cancel_running_query() {
  for (int i = 0; i < 60; ++i) {
    keys("C-c");
    if (poll("Cancelled", std::chrono::milliseconds(500))) return true;
  }
  return false;
}

bool Tmux::poll(const std::string& text, std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (pane().find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

bool Tmux::wait_for(const std::string& text, std::chrono::milliseconds timeout) const {
  if (poll(text, timeout)) return true;
  MESSAGE("pane without '" << text << "':\n" << pane());
  return false;
}

bool Tmux::wait_exit(std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (system_status(tmux_ + " has-session 2>/dev/null") != 0) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace kith::shell_test
