#include "services/goals/domain/types.h"

namespace kinerja::goals {

bool IsJptPositionType(const std::string& position_type) {
  return position_type == "JPT_UTAMA" || position_type == "JPT_MADYA" ||
         position_type == "JPT_PRATAMA";
}

}  // namespace kinerja::goals
