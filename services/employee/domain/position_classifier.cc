#include "services/employee/domain/position_classifier.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "shared/text/text.h"

namespace kinerja::employee {
namespace {

// Words (runs of ASCII letters) of `text`, as views into it.
std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    bool letter = i < text.size() && absl::ascii_isalpha(static_cast<unsigned char>(text[i]));
    if (letter) continue;
    if (i > start) words.push_back(text.substr(start, i - start));
    start = i + 1;
  }
  return words;
}

bool Is(std::string_view word, std::string_view lower) {
  return EqualsIgnoreCaseAscii(word, lower);
}

std::optional<FunctionalLevel> ExpertLevel(std::string_view word) {
  if (Is(word, "pertama")) return FunctionalLevel::kAhliPertama;
  if (Is(word, "muda")) return FunctionalLevel::kAhliMuda;
  if (Is(word, "madya")) return FunctionalLevel::kAhliMadya;
  if (Is(word, "utama")) return FunctionalLevel::kAhliUtama;
  return std::nullopt;
}

std::optional<FunctionalLevel> SkillLevel(std::string_view word) {
  if (Is(word, "pemula")) return FunctionalLevel::kPemula;
  if (Is(word, "terampil")) return FunctionalLevel::kTerampil;
  if (Is(word, "mahir")) return FunctionalLevel::kMahir;
  if (Is(word, "penyelia")) return FunctionalLevel::kPenyelia;
  return std::nullopt;
}

// Older skill-track names: Pelaksana Pemula / Pelaksana / Pelaksana Lanjutan.
std::optional<FunctionalLevel> OldSkillLevel(const std::vector<std::string_view>& words) {
  for (size_t i = 1; i < words.size(); ++i) {
    if (!Is(words[i], "pelaksana")) continue;
    if (i + 1 < words.size() && Is(words[i + 1], "lanjutan")) return FunctionalLevel::kMahir;
    if (i + 1 == words.size()) return FunctionalLevel::kTerampil;
  }
  return std::nullopt;
}

}  // namespace

FunctionalLevel DetectFunctionalLevel(std::string_view position_name) {
  std::vector<std::string_view> words = Words(position_name);
  for (size_t i = 1; i + 1 < words.size(); ++i) {
    if (!Is(words[i], "ahli")) continue;
    if (auto level = ExpertLevel(words[i + 1])) return *level;
  }
  for (size_t i = 1; i < words.size(); ++i) {
    if (auto level = SkillLevel(words[i])) return *level;
  }
  if (auto level = OldSkillLevel(words)) return *level;
  for (size_t i = 1; i < words.size(); ++i) {
    if (Is(words[i - 1], "ahli")) continue;  // "Ahli Muda" with no position name before it
    if (auto level = ExpertLevel(words[i])) return *level;
  }
  return FunctionalLevel::kNone;
}

absl::StatusOr<PositionClass> ClassifySiasnPosition(int jenis_jabatan_id,
                                                    std::optional<Eselon> eselon,
                                                    std::string_view position_name) {
  switch (jenis_jabatan_id) {
    case static_cast<int>(SiasnPositionKind::kStructural):
      if (!eselon) {
        return absl::InvalidArgumentError(
            "eselonId: required for a structural position (jenisJabatanId 1)");
      }
      return PositionClass{PositionTypeForEselon(*eselon), FunctionalLevel::kNone};
    case static_cast<int>(SiasnPositionKind::kFunctional): {
      FunctionalLevel level = DetectFunctionalLevel(position_name);
      if (level == FunctionalLevel::kNone) {
        return absl::InvalidArgumentError(absl::StrCat(
            "jabatanNama: no functional level (Ahli Pertama..Utama, Pemula..Penyelia) in '",
            ToAbsl(position_name), "'"));
      }
      return PositionClass{PositionType::kFungsional, level};
    }
    case static_cast<int>(SiasnPositionKind::kGeneral):
      return PositionClass{PositionType::kPelaksana, FunctionalLevel::kNone};
    default:
      return absl::InvalidArgumentError(absl::StrCat(
          "jenisJabatanId: ", jenis_jabatan_id,
          " is not 1 (struktural), 2 (fungsional tertentu) or 4 (fungsional umum/pelaksana)"));
  }
}

}  // namespace kinerja::employee
