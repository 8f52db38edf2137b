// One accepted connection of the metrics HTTP server: read a request head, answer, close.
#pragma once

#include <string>

#include "absl/time/time.h"
#include "shared/metrics/http_server.h"

namespace kinerja::metrics {

class HttpConnection {
 public:
  HttpConnection(int fd, absl::Time deadline) : fd_(fd), deadline_(deadline) {}
  HttpConnection(HttpConnection&& other) noexcept;
  HttpConnection& operator=(HttpConnection&& other) noexcept;
  HttpConnection(const HttpConnection&) = delete;
  ~HttpConnection();

  // The poll() events this connection waits for: input until it has answered, then output.
  short events() const;
  absl::Time deadline() const { return deadline_; }
  int fd() const { return fd_; }
  bool done() const { return fd_ < 0; }

  // Called when poll() reports activity on fd().
  void OnReady(const HttpHandler& handler, const HttpServerOptions& options);
  void Close();

 private:
  void Read(const HttpHandler& handler, const HttpServerOptions& options);
  void Answer(const HttpHandler& handler);
  void Reply(const HttpResponse& response, bool omit_body);
  void Write();

  int fd_;
  absl::Time deadline_;
  std::string in_;
  std::string out_;
  size_t written_ = 0;
  bool answering_ = false;
};

}  // namespace kinerja::metrics
