// An event producer for the analytics tests: a real gRPC server on loopback serving one Kinerja
// service's StreamEvents contract (employee, goals or review) from the events a test publishes:
// the backlog after the cursor, then the live tail, filtered by type, exactly as the producers
// do. The analytics service follows it over a real channel with its real followers. The test
// decides what was "written" at the producer, including an old event delivered again.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kinerja/common/v1/events.pb.h"

namespace kinerja::analytics::testing {

class ScriptedProducer {
 public:
  // `producer`: "employee", "goals" or "review". Starts serving on a free loopback port.
  explicit ScriptedProducer(const std::string& producer);
  ~ScriptedProducer();

  // Appends `event` to the stream; its cursor becomes its position in the stream.
  void Publish(kinerja::common::v1::EventEnvelope event);
  // The cursor of the last event published whose type is one of `types` ("" when none).
  std::string LastCursorOf(const std::vector<std::string>& types) const;

  // Stops serving (streams end with UNAVAILABLE) and serves again on the same port: a producer
  // restart. Events published meanwhile are kept.
  void Stop();
  void Start();

  const std::string& address() const { return address_; }
  const std::string& producer() const { return producer_; }

  struct State;

 private:
  const std::string producer_;
  std::string address_;
  int port_ = 0;
  std::shared_ptr<State> state_;
  struct Server;
  std::unique_ptr<Server> server_;
};

}  // namespace kinerja::analytics::testing
