#include "shared/clients/remote_status.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "shared/text/text.h"

namespace kinerja::clients {

absl::Status FromRemote(const grpc::Status& status, std::string_view service,
                        std::string_view call) {
  if (status.ok()) return absl::OkStatus();
  const std::string& message = status.error_message();
  switch (status.error_code()) {
    case grpc::StatusCode::NOT_FOUND:
      return absl::NotFoundError(message);
    case grpc::StatusCode::INVALID_ARGUMENT:
      return absl::InvalidArgumentError(message);
    case grpc::StatusCode::UNAVAILABLE:
      return absl::UnavailableError(
          absl::StrCat(ToAbsl(service), ": ", ToAbsl(call), ": ", message));
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return absl::DeadlineExceededError(
          absl::StrCat(ToAbsl(service), ": ", ToAbsl(call), ": ", message));
    default:
      return absl::InternalError(absl::StrCat(ToAbsl(service), " refused ", ToAbsl(call), " (",
                                              static_cast<int>(status.error_code()),
                                              "): ", message));
  }
}

}  // namespace kinerja::clients
