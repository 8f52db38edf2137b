#include "shared/clients/employee_client.h"

namespace kinerja::clients {

std::string PositionTypeName(employee::v1::PositionType type) {
  std::string name = employee::v1::PositionType_Name(type);
  constexpr std::string_view kPrefix = "POSITION_TYPE_";
  if (name.rfind(kPrefix, 0) == 0) name.erase(0, kPrefix.size());
  return name;
}

bool IsPositionTypeName(const std::string& name) {
  employee::v1::PositionType type;
  return !name.empty() && employee::v1::PositionType_Parse("POSITION_TYPE_" + name, &type) &&
         type != employee::v1::POSITION_TYPE_UNSPECIFIED;
}

}  // namespace kinerja::clients
