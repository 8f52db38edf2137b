// A minimal HTTP/1.1 server for GET /metrics and GET /healthz, on its own thread.
//
// One thread runs a poll() loop over non-blocking sockets, so a slow or silent client costs a
// slot, not the thread: every connection has a deadline, request heads have a size limit, and
// each connection closes after one response. Only GET and HEAD reach the handler (others get
// 405); the handler runs on the server thread and must be quick (read cached state, don't
// query the database).
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "shared/metrics/http_message.h"

namespace kinerja::metrics {

using HttpHandler = std::function<HttpResponse(const HttpRequest& request)>;

struct HttpServerOptions {
  // Whole exchange, from accept to last byte written.
  absl::Duration io_timeout = absl::Seconds(5);
  size_t max_request_bytes = 8 * 1024;
  // Connections beyond this are closed as soon as they are accepted.
  int max_connections = 32;
};

class HttpServer {
 public:
  // port 0 binds a free port; see port().
  static absl::StatusOr<std::unique_ptr<HttpServer>> Start(std::string host, int port,
                                                           HttpHandler handler,
                                                           HttpServerOptions options = {});
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  int port() const { return port_; }
  // Closes the listener and every open connection, then joins the thread. Idempotent.
  void Stop();

 private:
  HttpServer(int listen_fd, int wake_read, int wake_write, int port, HttpHandler handler,
             HttpServerOptions options);

  const int listen_fd_;
  const int wake_read_;  // a byte written to wake_write_ ends the loop
  const int wake_write_;
  const int port_;
  std::once_flag stop_once_;
  std::thread thread_;
};

}  // namespace kinerja::metrics
