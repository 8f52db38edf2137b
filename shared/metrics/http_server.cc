#include "shared/metrics/http_server.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "shared/metrics/http_connection.h"
#include "shared/metrics/listen_socket.h"

namespace kinerja::metrics {
namespace {

// The server thread's state: the listener and the open connections.
class Loop {
 public:
  Loop(int listen_fd, int wake_fd, HttpHandler handler, HttpServerOptions options)
      : listen_fd_(listen_fd),
        wake_fd_(wake_fd),
        handler_(std::move(handler)),
        options_(std::move(options)) {}

  void Run() {
    std::vector<pollfd> fds;
    while (true) {
      fds.clear();
      fds.push_back({wake_fd_, POLLIN, 0});
      fds.push_back({listen_fd_, POLLIN, 0});
      for (const HttpConnection& c : conns_) fds.push_back({c.fd(), c.events(), 0});
      int rc = ::poll(fds.data(), fds.size(), TimeoutMillis());
      if (rc < 0 && errno != EINTR) return;
      if (fds[0].revents != 0) return;  // Stop()
      // Only connections that existed when poll() started have entries in fds.
      const size_t polled = fds.size() - 2;
      for (size_t i = 0; i < polled; ++i) {
        if (fds[i + 2].revents != 0) conns_[i].OnReady(handler_, options_);
      }
      if (fds[1].revents != 0) AcceptAll();
      CloseExpired();
      std::erase_if(conns_, [](const HttpConnection& c) { return c.done(); });
    }
  }

 private:
  // Until the earliest connection deadline; forever when idle.
  int TimeoutMillis() const {
    if (conns_.empty()) return -1;
    absl::Time earliest = absl::InfiniteFuture();
    for (const HttpConnection& c : conns_) earliest = std::min(earliest, c.deadline());
    double ms = std::ceil(absl::ToDoubleMilliseconds(earliest - absl::Now()));
    return static_cast<int>(std::clamp(ms, 0.0, 60'000.0));
  }

  void AcceptAll() {
    while (true) {
      int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) return;  // EAGAIN: no more pending; other errors: try again next round
      if (conns_.size() >= static_cast<size_t>(options_.max_connections)) {
        ::close(fd);
        continue;
      }
      conns_.emplace_back(fd, absl::Now() + options_.io_timeout);
    }
  }

  void CloseExpired() {
    const absl::Time now = absl::Now();
    for (HttpConnection& c : conns_) {
      if (!c.done() && c.deadline() <= now) c.Close();
    }
  }

  const int listen_fd_;
  const int wake_fd_;
  const HttpHandler handler_;
  const HttpServerOptions options_;
  std::vector<HttpConnection> conns_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<HttpServer>> HttpServer::Start(std::string host, int port,
                                                              HttpHandler handler,
                                                              HttpServerOptions options) {
  absl::StatusOr<int> listen_fd = ListenTcp(host, port);
  if (!listen_fd.ok()) return listen_fd.status();
  absl::StatusOr<int> bound_port = LocalPort(*listen_fd);
  int wake[2];
  if (!bound_port.ok() || ::pipe2(wake, O_CLOEXEC | O_NONBLOCK) != 0) {
    ::close(*listen_fd);
    if (!bound_port.ok()) return bound_port.status();
    return absl::InternalError(absl::StrCat("http: pipe: ", std::strerror(errno)));
  }
  return std::unique_ptr<HttpServer>(new HttpServer(*listen_fd, wake[0], wake[1], *bound_port,
                                                    std::move(handler), std::move(options)));
}

HttpServer::HttpServer(int listen_fd, int wake_read, int wake_write, int port, HttpHandler handler,
                       HttpServerOptions options)
    : listen_fd_(listen_fd), wake_read_(wake_read), wake_write_(wake_write), port_(port) {
  thread_ = std::thread([loop = Loop(listen_fd, wake_read, std::move(handler),
                                     std::move(options))]() mutable { loop.Run(); });
}

HttpServer::~HttpServer() { Stop(); }

void HttpServer::Stop() {
  std::call_once(stop_once_, [this] {
    char byte = 0;
    while (::write(wake_write_, &byte, 1) < 0 && errno == EINTR) {
    }
    thread_.join();  // the loop's connections close as it is destroyed with the thread
    ::close(listen_fd_);
    ::close(wake_read_);
    ::close(wake_write_);
  });
}

}  // namespace kinerja::metrics
