// The events of another Kinerja service by its name, for a consumer that follows several
// producers (analytics follows employee, goals and review): one reused channel with this
// service's identity (service_channel.h) and a StreamEvents source over it.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "shared/clients/service_channel.h"
#include "shared/events/event_source.h"

namespace kinerja::clients {

class ProducerEvents {
 public:
  virtual ~ProducerEvents() = default;
  virtual events::EventSource& source() = 0;
  virtual const std::string& producer() const = 0;
};

// `producer`: "employee", "goals" or "review" (INVALID_ARGUMENT otherwise).
absl::StatusOr<std::unique_ptr<ProducerEvents>> ConnectProducerEvents(std::string_view producer,
                                                                      ChannelOptions options);

}  // namespace kinerja::clients
