#include "shared/metrics/http_connection.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <exception>
#include <optional>

namespace kinerja::metrics {
namespace {

HttpResponse Plain(int status, std::string body) {
  return HttpResponse{status, "text/plain; charset=utf-8", std::move(body)};
}

}  // namespace

HttpConnection::HttpConnection(HttpConnection&& other) noexcept
    : fd_(other.fd_),
      deadline_(other.deadline_),
      in_(std::move(other.in_)),
      out_(std::move(other.out_)),
      written_(other.written_),
      answering_(other.answering_) {
  other.fd_ = -1;
}

HttpConnection& HttpConnection::operator=(HttpConnection&& other) noexcept {
  if (this != &other) {
    Close();
    fd_ = other.fd_;
    deadline_ = other.deadline_;
    in_ = std::move(other.in_);
    out_ = std::move(other.out_);
    written_ = other.written_;
    answering_ = other.answering_;
    other.fd_ = -1;
  }
  return *this;
}

HttpConnection::~HttpConnection() { Close(); }

void HttpConnection::Close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

short HttpConnection::events() const { return answering_ ? POLLOUT : POLLIN; }

void HttpConnection::OnReady(const HttpHandler& handler, const HttpServerOptions& options) {
  if (answering_) {
    Write();
  } else {
    Read(handler, options);
  }
}

void HttpConnection::Read(const HttpHandler& handler, const HttpServerOptions& options) {
  char buf[4096];
  while (true) {
    ssize_t n = ::recv(fd_, buf, sizeof(buf), 0);
    if (n > 0) {
      in_.append(buf, static_cast<size_t>(n));
      if (RequestHeadLength(in_)) return Answer(handler);
      if (in_.size() > options.max_request_bytes) {
        return Reply(Plain(431, "request head too large\n"), false);
      }
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;  // wait for more
    if (n < 0 && errno == EINTR) continue;
    return Close();  // peer closed before finishing its request, or a socket error
  }
}

void HttpConnection::Answer(const HttpHandler& handler) {
  std::optional<HttpRequest> request = ParseRequestHead(in_);
  if (!request) return Reply(Plain(400, "bad request\n"), false);
  const bool head = request->method == "HEAD";
  if (request->method != "GET" && !head) return Reply(Plain(405, "only GET and HEAD\n"), false);
  try {
    Reply(handler(*request), head);
  } catch (const std::exception& e) {
    // A throwing handler must not take the server thread (and the process) down with it.
    Reply(Plain(500, std::string("handler failed: ") + e.what() + "\n"), head);
  } catch (...) {
    Reply(Plain(500, "handler failed\n"), head);
  }
}

void HttpConnection::Reply(const HttpResponse& response, bool omit_body) {
  out_ = FormatResponse(response, omit_body);
  answering_ = true;
  Write();  // most responses fit in the socket buffer; no need to wait for poll
}

void HttpConnection::Write() {
  while (written_ < out_.size()) {
    // MSG_NOSIGNAL: a client that hung up must not raise SIGPIPE in the whole process.
    ssize_t n = ::send(fd_, out_.data() + written_, out_.size() - written_, MSG_NOSIGNAL);
    if (n > 0) {
      written_ += static_cast<size_t>(n);
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      return;
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      return Close();
    }
  }
  ::shutdown(fd_, SHUT_WR);
  Close();
}

}  // namespace kinerja::metrics
