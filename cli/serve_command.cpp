// kith serve: the HTTP API on one database until SIGTERM or SIGINT.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <iostream>
#include <thread>

#include "cli/command_line.h"
#include "cli/commands.h"
#include "engine/database.h"
#include "server/http_server.h"
#include "storage/error.h"

namespace kith::cli {

namespace {

// "host:port" or ":port" (all of the host's addresses is never the default).
bool split_listen(const std::string& listen, std::string& host, int& port) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos) return false;
  host = listen.substr(0, colon);
  if (host.empty()) host = "0.0.0.0";
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  try {
    size_t used = 0;
    port = std::stoi(listen.substr(colon + 1), &used);
    return used == listen.size() - colon - 1 && port >= 0 && port <= 65535;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

int run_serve(int argc, char** argv) {
  po::options_description options("options");
  std::string db_path, listen;
  server::ServerOptions so;
  int64_t timeout_ms = 0, max_timeout_ms = 0;
  options.add_options()("db", po::value(&db_path)->required(),
                        "the database file (created when missing)")(
      "listen", po::value(&listen)->default_value("127.0.0.1:7474"), "address:port to listen on")(
      "cert", po::value(&so.cert_file), "TLS certificate (PEM); with --key serves HTTPS")(
      "key", po::value(&so.key_file), "TLS private key (PEM)")(
      "max-body", po::value(&so.max_body_bytes)->default_value(so.max_body_bytes),
      "largest request body in bytes (larger: 413)")(
      "timeout-ms", po::value(&timeout_ms)->default_value(so.default_timeout.count()),
      "query timeout when a request gives none")(
      "max-timeout-ms", po::value(&max_timeout_ms)->default_value(so.max_timeout.count()),
      "upper bound of a request's timeout_ms")(
      "threads", po::value(&so.connection_threads)->default_value(so.connection_threads),
      "connection threads (one per open connection)")(
      "max-queries", po::value(&so.max_running_queries)->default_value(0),
      "queries run at once (0: twice the hardware threads)")(
      "max-waiting", po::value(&so.max_waiting_queries)->default_value(so.max_waiting_queries),
      "queries waiting for a slot before the server answers 503");
  po::positional_options_description positional;
  po::variables_map vm;
  const std::string usage =
      "usage: kith serve --db PATH [--listen 127.0.0.1:7474] [--cert FILE --key FILE]\n\n"
      "Serves the HTTP API (docs/http.md). Create tokens first with 'kith token create'.\n"
      "Stops cleanly on SIGTERM or SIGINT. One access-log line (JSON) per request on stderr.";
  if (auto rc = parse_command_line(argc, argv, usage, options, positional, vm)) return *rc;
  if (!split_listen(listen, so.host, so.port)) {
    std::cerr << "kith serve: --listen needs host:port, got '" << listen << "'\n";
    return 2;
  }
  if (timeout_ms <= 0 || max_timeout_ms <= 0) {
    std::cerr << "kith serve: timeouts must be positive\n";
    return 2;
  }
  so.default_timeout = std::chrono::milliseconds(timeout_ms);
  so.max_timeout = std::chrono::milliseconds(max_timeout_ms);

  // Signals go to one waiting thread, not to whichever thread they hit:
  // block them before any thread starts (threads inherit the mask).
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto db = Database::open(db_path);
  server::HttpServer http(*db, so);
  std::cerr << "kith serve: " << db_path << " on " << (http.tls() ? "https" : "http") << "://"
            << so.host << ":" << http.port() << "\n";

  std::atomic<bool> finished{false};
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    if (finished.load()) return;  // our own wake-up after run() ended by itself
    std::cerr << "kith serve: stopping (signal " << sig << "); cancelling running queries\n";
    http.stop();
  });
  http.run();
  // If run() ended for another reason the waiter is still in sigwait: wake it.
  finished.store(true);
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  std::cerr << "kith serve: stopped\n";
  return 0;  // the server, then the database (closing the store), go out of scope
}

}  // namespace kith::cli
