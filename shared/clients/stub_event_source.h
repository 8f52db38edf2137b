// Any Kinerja service's StreamEvents as an events::EventSource: every service stub has the same
// `StreamEvents(ClientContext*, const StreamEventsRequest&)` method, so one template serves all.
#pragma once

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

#include "shared/clients/remote_status.h"
#include "shared/clients/service_channel.h"
#include "shared/events/event_source.h"

namespace kinerja::clients {

template <typename Stub>
class StubEventSource : public events::EventSource {
 public:
  // `service` names the producer in errors ("employee service").
  StubEventSource(ServiceChannel& channel, Stub& stub, std::string service)
      : channel_(channel), stub_(stub), service_(std::move(service)) {}

  absl::StatusOr<std::unique_ptr<events::EventReader>> Follow(
      const std::string& cursor, const std::vector<std::string>& types) override {
    absl::StatusOr<std::unique_ptr<grpc::ClientContext>> ctx = channel_.StreamContext();
    if (!ctx.ok()) return ctx.status();
    kinerja::common::v1::StreamEventsRequest request;
    request.set_after_cursor(cursor);
    for (const std::string& type : types) request.add_types(type);
    auto reader = std::make_unique<Reader>(*std::move(ctx), service_);
    reader->stream = stub_.StreamEvents(reader->ctx.get(), request);
    return reader;
  }

 private:
  struct Reader : events::EventReader {
    Reader(std::unique_ptr<grpc::ClientContext> c, const std::string& s)
        : ctx(std::move(c)), service(s) {}
    bool Read(kinerja::common::v1::EventEnvelope* event) override { return stream->Read(event); }
    void Cancel() override { ctx->TryCancel(); }
    absl::Status Finish() override { return FromRemote(stream->Finish(), service, "StreamEvents"); }
    std::unique_ptr<grpc::ClientContext> ctx;
    std::string service;
    std::unique_ptr<grpc::ClientReader<kinerja::common::v1::EventEnvelope>> stream;
  };

  ServiceChannel& channel_;
  Stub& stub_;
  const std::string service_;
};

}  // namespace kinerja::clients
