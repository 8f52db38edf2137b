// Who is making a change and under which request: recorded with every audit row and event.
#pragma once

#include <string>

namespace kinerja::db {

struct ChangeContext {
  std::string actor;       // principal subject
  std::string request_id;  // the call's request id (x-request-id), for tracing
};

}  // namespace kinerja::db
