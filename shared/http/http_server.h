// A small HTTP server on cpp-httplib for the metrics and health endpoints and a service's own
// read-only routes (JSON endpoints, pages): routes are registered, then Start() binds and
// serves on the library's own threads until Stop(). HTTPS when ServerOptions::tls is set.
//
// Handlers run on the server's threads, concurrently with each other, and should be quick
// (read cached state; a handler that queries the database holds a server thread meanwhile).
// HEAD is answered from the GET route without the body. Unknown paths answer 404.
//
// The optional access log (ServerOptions::access_log) names the method, the path without its
// query string, the status and the body size: never the query (it may carry personal data or
// tokens) nor any request header (Authorization, Cookie).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"

namespace httplib {
class Server;
}

namespace kinerja::tls {
class ReloadingKeyPair;
}

namespace kinerja::http {

// Orders header names without regard to case (HTTP header names are case-insensitive).
struct HeaderNameLess {
  bool operator()(std::string_view a, std::string_view b) const;
  using is_transparent = void;
};
using Headers = std::multimap<std::string, std::string, HeaderNameLess>;

struct Request {
  std::string path;
  // From the route's ":name" segments, percent-decoded.
  std::map<std::string, std::string> path_params;
  // Query string, percent-decoded; a key may repeat.
  std::multimap<std::string, std::string> query;
  // Request headers as received (names in any case; a name may repeat).
  Headers headers = {};

  // The first value of a query parameter, or "" when absent.
  std::string QueryValue(const std::string& key) const;
  // The first value of a header, whatever the case of `name` ("authorization", "Authorization"),
  // or "" when absent.
  std::string Header(std::string_view name) const;
  // The value of a cookie from the Cookie header(s) (names are case-sensitive; surrounding double
  // quotes removed), or "" when absent.
  std::string Cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  // Extra response headers, in order, e.g. Content-Disposition (`attachment; filename="skp.csv"`
  // for a download) or Cache-Control (`no-store`). Content-Type comes from content_type
  // and Content-Length from the body: headers with those names are dropped, and so is a header
  // whose name is not an HTTP token or whose value holds CR, LF or NUL (it would split the
  // response); each drop is logged as an error.
  std::vector<std::pair<std::string, std::string>> headers = {};
};

using Handler = std::function<Response(const Request& request)>;

struct ServerOptions {
  int threads = 4;
  // Reading a request, and writing a response.
  absl::Duration io_timeout = absl::Seconds(5);
  // How long an idle connection is kept for another request; also bounds how long Stop()
  // waits for idle connections to close.
  absl::Duration keep_alive = absl::Seconds(1);
  // One log line (info) per request: method, path without the query, status, body bytes.
  bool access_log = false;
  // Set: HTTPS with this certificate and key (TLS 1.2 or later), re-read when their files change
  // (tls/reloading_key_pair.h); no client certificate is asked for. Null: cleartext HTTP.
  std::shared_ptr<tls::ReloadingKeyPair> tls = nullptr;
};

class HttpServer {
 public:
  explicit HttpServer(ServerOptions options = {});
  ~HttpServer();  // Stop()
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Before Start() (after it aborts). pattern: "/" separated literal segments and ":name" segments,
  // e.g.
  // "/api/units/:unit_id/distribution" (a ":name" segment matches one non-empty segment).
  void Get(std::string_view pattern, Handler handler);

  // Binds host:port (port 0: any free port, see port()) and starts serving. Once only.
  absl::Status Start(const std::string& host, int port);
  int port() const { return port_; }

  // Stops accepting, lets requests in progress finish and joins the threads. Idempotent.
  void Stop();

 private:
  const ServerOptions options_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace kinerja::http
