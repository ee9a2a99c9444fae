// Server setup and lifecycle, authentication, the access log and the answers
// httplib produces itself (404, 413, exceptions), which must be JSON too.
#include "server/http_server.h"

#include <sys/socket.h>

#include <chrono>
#include <ctime>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "server/error_response.h"
#include "server/server_state.h"

namespace kith::server {
namespace {

// Per-request facts for the access log. httplib runs a request's routing,
// handler and logger on one thread, so thread-local storage carries them.
struct RequestContext {
  std::chrono::steady_clock::time_point start;
  bool started = false;
  std::string token_name;
};
thread_local RequestContext tl_request;

std::string utc_now() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  std::snprintf(buf + n, sizeof buf - n, ".%03dZ", static_cast<int>(ms));
  return buf;
}

size_t default_running() {
  size_t hw = std::thread::hardware_concurrency();
  return std::max<size_t>(2, 2 * (hw ? hw : 1));
}

// httplib listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG, compiled
// into Debian's library): a burst of new connections overflows it and those
// clients wait for SYN retransmits (1 s, then 3 s). listen() again on the
// bound socket raises the backlog; the socket is protected, hence the subclass.
template <class Base>
class WideBacklog : public Base {
 public:
  using Base::Base;
  void widen_backlog() { ::listen(this->svr_sock_, SOMAXCONN); }
};

const char* const kMethods[] = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};

void register_method(httplib::Server& http, const std::string& method, const std::string& pattern,
                     httplib::Server::Handler h) {
  if (method == "GET")
    http.Get(pattern, std::move(h));
  else if (method == "POST")
    http.Post(pattern, std::move(h));
  else if (method == "PUT")
    http.Put(pattern, std::move(h));
  else if (method == "DELETE")
    http.Delete(pattern, std::move(h));
  else if (method == "PATCH")
    http.Patch(pattern, std::move(h));
  else if (method == "OPTIONS")
    http.Options(pattern, std::move(h));
}

// Every known path answers 405 (with Allow) to the methods it does not serve.
void add_method_not_allowed(HttpServer::State& s) {
  std::map<std::string, std::set<std::string>> allowed;
  for (const auto& [method, pattern] : s.routes) allowed[pattern].insert(method);
  for (const auto& [pattern, methods] : allowed) {
    std::string allow;
    for (const auto& m : methods) allow += (allow.empty() ? "" : ", ") + m;
    for (const char* m : kMethods) {
      if (methods.count(m) || (std::string_view(m) == "HEAD")) continue;
      register_method(*s.http, m, pattern,
                      [allow, m](const httplib::Request&, httplib::Response& res) {
                        res.set_header("Allow", allow);
                        set_error(res, 405, "MethodNotAllowed",
                                  std::string(m) + " is not allowed here; use " + allow);
                      });
    }
  }
}

void configure(HttpServer::State& s) {
  httplib::Server& http = *s.http;
  const size_t threads = std::max<size_t>(2, s.options.connection_threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(s.options.max_body_bytes);
  // httplib writes headers and body separately: without this, Nagle plus
  // the client's delayed ACK holds every keep-alive answer for ~40 ms.
  http.set_tcp_nodelay(true);
  // httplib's default also sets SO_REUSEPORT, which lets a second server
  // bind the same port and silently share its connections. Only
  // SO_REUSEADDR: a restart may reuse a port in TIME_WAIT, a clash fails.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_keep_alive_max_count(100000);
  http.set_keep_alive_timeout(2);  // also bounds how long shutdown waits for idle connections
  http.set_read_timeout(30);

  http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    tl_request.start = std::chrono::steady_clock::now();
    tl_request.started = true;
    tl_request.token_name.clear();
    return httplib::Server::HandlerResponse::Unhandled;
  });

  // Statuses httplib sets without a handler (404 unknown path, 413, 400 for
  // a malformed request line) get the JSON error body too.
  http.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        switch (res.status) {
          case 404:
            set_error(res, 404, "NotFound", "no such endpoint: " + req.path);
            break;
          case 413:
            set_error(res, 413, "PayloadTooLarge", "the request body is too large");
            break;
          default:
            set_error(res, res.status, res.status >= 500 ? "Internal" : "InvalidInput",
                      "HTTP status " + std::to_string(res.status));
        }
        return httplib::Server::HandlerResponse::Handled;
      }));

  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        try {
          std::rethrow_exception(ep);
        } catch (const Error& e) {
          set_error(res, e);
        } catch (const std::exception& e) {
          set_error(res, 500, "Internal", e.what());
        } catch (...) {
          set_error(res, 500, "Internal", "unknown failure");
        }
      });

  http.set_logger([&s](const httplib::Request& req, const httplib::Response& res) {
    double ms = 0;
    if (tl_request.started) {
      ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                     tl_request.start)
               .count();
    }
    const std::string endpoint = endpoint_name(req.path);
    s.metrics.record_request(endpoint, res.status, ms);
    // Never the body, the query string, parameters or the token itself.
    nlohmann::json line = {{"time", utc_now()},    {"token", tl_request.token_name},
                           {"method", req.method}, {"endpoint", endpoint},
                           {"status", res.status}, {"ms", std::round(ms * 1000) / 1000}};
    tl_request.started = false;
    tl_request.token_name.clear();
    if (s.options.access_log) s.options.access_log(line.dump());
  });
}

}  // namespace

HttpServer::State::State(Database& d, ServerOptions o)
    : db(d),
      options(std::move(o)),
      admission(options.max_running_queries ? options.max_running_queries : default_running(),
                options.max_waiting_queries) {}

void add_route(HttpServer::State& s, const std::string& method, const std::string& pattern,
               httplib::Server::Handler handler) {
  s.routes.emplace_back(method, pattern);
  register_method(*s.http, method, pattern, std::move(handler));
}

std::optional<TokenInfo> authorize(HttpServer::State& s, const httplib::Request& req,
                                   httplib::Response& res, Role needed) {
  const std::string header = req.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  std::optional<TokenInfo> info;
  if (header.size() > kBearer.size() && header.compare(0, kBearer.size(), kBearer) == 0) {
    info = verify_token(s.db.store(), std::string_view(header).substr(kBearer.size()));
  }
  if (!info) {
    res.set_header("WWW-Authenticate", "Bearer");
    set_error(res, 401, "Unauthorized",
              header.empty() ? "this endpoint needs an 'Authorization: Bearer <token>' header"
                             : "the token is not valid (unknown, revoked or malformed)");
    return std::nullopt;
  }
  tl_request.token_name = info->name;
  if (info->role < needed) {
    set_error(res, 403, "Forbidden",
              "token '" + info->name + "' has role " + std::string(role_name(info->role)) +
                  "; this needs " + std::string(role_name(needed)));
    return std::nullopt;
  }
  return info;
}

std::string endpoint_name(const std::string& path) {
  static const char* const kFixed[] = {"/v1/query", "/v1/schema",       "/healthz",
                                       "/metrics",  "/v1/openapi.json", "/v1/tokens"};
  for (const char* p : kFixed) {
    if (path == p) return p;
  }
  if (path.starts_with("/v1/questions/")) return "/v1/questions/{name}";
  if (path.starts_with("/v1/tokens/")) return "/v1/tokens/{name}";
  return "other";
}

HttpServer::HttpServer(Database& db, ServerOptions options)
    : state_(std::make_unique<State>(db, std::move(options))) {
  State& s = *state_;
  if (!s.options.access_log) {
    s.options.access_log = [](const std::string& line) { std::cerr << line << '\n'; };
  }
  if (s.options.cert_file.empty() != s.options.key_file.empty()) {
    throw Error(ErrorCode::InvalidInput, "TLS needs both --cert and --key");
  }
  if (!s.options.cert_file.empty()) {
    auto ssl = std::make_unique<WideBacklog<httplib::SSLServer>>(s.options.cert_file.c_str(),
                                                                 s.options.key_file.c_str());
    if (!ssl->is_valid()) {
      throw Error(ErrorCode::InvalidInput, "cannot use certificate " + s.options.cert_file +
                                               " with key " + s.options.key_file);
    }
    s.http = std::move(ssl);
    s.tls = true;
  } else {
    s.http = std::make_unique<WideBacklog<httplib::Server>>();
  }
  configure(s);
  add_query_routes(s);
  add_info_routes(s);
  add_token_routes(s);
  add_method_not_allowed(s);

  if (s.options.port == 0) {
    s.port = s.http->bind_to_any_port(s.options.host);
  } else {
    s.port = s.http->bind_to_port(s.options.host, s.options.port) ? s.options.port : -1;
  }
  if (s.port <= 0) {
    throw Error(ErrorCode::IoError, "cannot listen on " + s.options.host + ":" +
                                        std::to_string(s.options.port) +
                                        " (address in use, or not a local address?)");
  }
  if (s.tls) {
    static_cast<WideBacklog<httplib::SSLServer>&>(*s.http).widen_backlog();
  } else {
    static_cast<WideBacklog<httplib::Server>&>(*s.http).widen_backlog();
  }
}

HttpServer::~HttpServer() { stop(); }

int HttpServer::port() const { return state_->port; }
bool HttpServer::tls() const { return state_->tls; }

void HttpServer::run() {
  State& s = *state_;
  s.serving.store(true);
  if (!s.stopping.load()) s.http->listen_after_bind();
  s.serving.store(false);
}

void HttpServer::stop() {
  State& s = *state_;
  s.stopping.store(true);
  // httplib ignores stop() until its loop runs: a stop() racing run() waits
  // for the loop to start (or for run() to notice `stopping` and return).
  while (s.serving.load() && !s.http->is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  s.http->stop();
}

}  // namespace kith::server
