#include "tools/gen/org_types.h"

namespace kinerja::gen {

std::string_view EselonCode(Eselon eselon) {
  switch (eselon) {
    case Eselon::kNone:
      return "";
    case Eselon::kIb:
      return "12";
    case Eselon::kIIa:
      return "21";
    case Eselon::kIIb:
      return "22";
    case Eselon::kIIIa:
      return "31";
    case Eselon::kIIIb:
      return "32";
    case Eselon::kIVa:
      return "41";
    case Eselon::kIVb:
      return "42";
  }
  return "";
}

}  // namespace kinerja::gen
