#include "shared/http/http_server.h"

#include <sys/socket.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <httplib.h>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "shared/http/route_pattern.h"
#include "shared/log/log.h"
#include "shared/tls/reloading_key_pair.h"

namespace kinerja::http {
namespace {

time_t WholeSeconds(absl::Duration d) {
  return static_cast<time_t>(std::max<int64_t>(1, absl::ToInt64Seconds(d)));
}

// cpp-httplib's default sets SO_REUSEPORT, which lets a second process bind the same port
// and silently take half the scrapes; SO_REUSEADDR alone still allows a quick restart.
void SocketOptions(int sock) {
  int yes = 1;
  setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
}

Request ToRequest(const httplib::Request& req, const std::vector<std::string>& names) {
  Request out;
  out.path = req.path;
  out.query.insert(req.params.begin(), req.params.end());
  out.headers.insert(req.headers.begin(), req.headers.end());
  for (size_t i = 0; i < names.size() && i + 1 < req.matches.size(); ++i)
    out.path_params[names[i]] = req.matches[i + 1].str();
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// RFC 9110 token characters: what a header name may hold.
bool IsToken(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) &&
        std::string_view("!#$%&'*+-.^_`|~").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

// Whether a handler's extra header can be sent as it is (see Response::headers).
bool AcceptableHeader(const std::string& name, const std::string& value) {
  return IsToken(name) && !absl::EqualsIgnoreCase(name, "Content-Type") &&
         !absl::EqualsIgnoreCase(name, "Content-Length") &&
         value.find_first_of(std::string_view("\r\n\0", 3)) == std::string::npos;
}

// HTTPS presenting the pair's current certificate at each handshake, or cleartext HTTP.
std::unique_ptr<httplib::Server> NewServer(const std::shared_ptr<tls::ReloadingKeyPair>& pair) {
  if (pair == nullptr) return std::make_unique<httplib::Server>();
  return std::make_unique<httplib::SSLServer>([pair = pair.get()](SSL_CTX& ctx) {
    SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION);
    SSL_CTX_set_options(&ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
    pair->InstallOn(&ctx);
    return true;
  });
}

void CopyResponse(Response out, const httplib::Request& req, httplib::Response& res) {
  res.status = out.status;
  for (auto& [name, value] : out.headers) {
    if (!AcceptableHeader(name, value)) {
      log::Error("http handler set an unacceptable response header; dropped",
                 {{"path", req.path}, {"header", IsToken(name) ? name : "(not a token)"}});
      continue;
    }
    res.set_header(name, value);
  }
  res.set_content(std::move(out.body), out.content_type.c_str());
}

}  // namespace

bool HeaderNameLess::operator()(std::string_view a, std::string_view b) const {
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    const char x = absl::ascii_tolower(static_cast<unsigned char>(a[i]));
    const char y = absl::ascii_tolower(static_cast<unsigned char>(b[i]));
    if (x != y) return x < y;
  }
  return a.size() < b.size();
}

std::string Request::QueryValue(const std::string& key) const {
  auto it = query.find(key);
  return it == query.end() ? "" : it->second;
}

std::string Request::Header(std::string_view name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

std::string Request::Cookie(std::string_view name) const {
  // Cookie: a=1; b="2" (RFC 6265 section 5.4); several Cookie headers are read in turn.
  auto [begin, end] = headers.equal_range(std::string_view("Cookie"));
  for (auto it = begin; it != end; ++it) {
    std::string_view rest = it->second;
    while (!rest.empty()) {
      const size_t semicolon = rest.find(';');
      std::string_view pair = rest.substr(0, semicolon);
      rest = semicolon == std::string_view::npos ? "" : rest.substr(semicolon + 1);
      const size_t equals = pair.find('=');
      if (equals == std::string_view::npos) continue;
      if (Trim(pair.substr(0, equals)) != name) continue;
      std::string_view value = Trim(pair.substr(equals + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      return std::string(value);
    }
  }
  return "";
}

HttpServer::HttpServer(ServerOptions options)
    : options_(std::move(options)), server_(NewServer(options_.tls)) {
  const int threads = std::max(1, options_.threads);
  server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server_->set_socket_options(SocketOptions);
  server_->set_read_timeout(WholeSeconds(options_.io_timeout));
  server_->set_write_timeout(WholeSeconds(options_.io_timeout));
  server_->set_keep_alive_timeout(WholeSeconds(options_.keep_alive));
  server_->set_payload_max_length(64 * 1024);  // routes are GET: a body is a mistake
  // Without this cpp-httplib puts the exception's text in a response header.
  server_->set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown exception";
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        log::Error("http handler failed", {{"path", req.path}, {"error", what}});
        res.status = 500;
        res.set_content("internal error\n", "text/plain; charset=utf-8");
      });
  server_->set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty())
      res.set_content(res.status == 404 ? "not found\n" : "error\n", "text/plain; charset=utf-8");
  });
  if (options_.access_log) {
    // req.path is the path without its query string; no header is logged.
    server_->set_logger([](const httplib::Request& req, const httplib::Response& res) {
      log::Info("http request", {{"method", req.method},
                                 {"path", req.path},
                                 {"status", static_cast<int64_t>(res.status)},
                                 {"bytes", static_cast<int64_t>(res.body.size())}});
    });
  }
}

HttpServer::~HttpServer() { Stop(); }

void HttpServer::Get(std::string_view pattern, Handler handler) {
  // cpp-httplib reads its route table unlocked while serving: a late route is a wiring bug.
  if (thread_.joinable()) {
    std::fprintf(stderr, "http: route %.*s added after Start()\n", static_cast<int>(pattern.size()),
                 pattern.data());
    std::abort();
  }
  RoutePattern route = CompileRoutePattern(pattern);
  server_->Get(route.regex, [names = std::move(route.names), handler = std::move(handler)](
                                const httplib::Request& req, httplib::Response& res) {
    CopyResponse(handler(ToRequest(req, names)), req, res);
  });
}

absl::Status HttpServer::Start(const std::string& host, int port) {
  if (thread_.joinable()) return absl::FailedPreconditionError("HTTP server already started");
  if (port == 0) {
    port_ = server_->bind_to_any_port(host);
    if (port_ < 0) port_ = 0;
  } else if (server_->bind_to_port(host, port)) {
    port_ = port;
  }
  if (port_ == 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", host, ":", port, ": ", std::strerror(errno)));
  }
  thread_ = std::thread([server = server_.get()] { server->listen_after_bind(); });
  // stop() is a no-op until the accept loop runs: wait for it, so Stop() cannot be lost.
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return absl::OkStatus();
}

void HttpServer::Stop() {
  if (!thread_.joinable()) return;
  server_->stop();
  thread_.join();
}

}  // namespace kinerja::http
