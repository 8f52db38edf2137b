#include "services/employee/domain/position.h"

#include <array>
#include <type_traits>

#include "absl/strings/str_cat.h"
#include "services/employee/domain/civil_date.h"
#include "shared/text/text.h"

namespace kinerja::employee {
namespace {

struct TypeEntry {
  PositionType type;
  std::string_view name;
  std::string_view label;
};
constexpr std::array<TypeEntry, 7> kTypes = {{
    {PositionType::kJptUtama, "JPT_UTAMA", "JPT Utama"},
    {PositionType::kJptMadya, "JPT_MADYA", "JPT Madya"},
    {PositionType::kJptPratama, "JPT_PRATAMA", "JPT Pratama"},
    {PositionType::kAdministrator, "ADMINISTRATOR", "Administrator"},
    {PositionType::kPengawas, "PENGAWAS", "Pengawas"},
    {PositionType::kPelaksana, "PELAKSANA", "Pelaksana"},
    {PositionType::kFungsional, "FUNGSIONAL", "Fungsional"},
}};

struct LevelEntry {
  FunctionalLevel level;
  std::string_view name;
  std::string_view label;
  double coefficient;
};
constexpr std::array<LevelEntry, 9> kLevels = {{
    {FunctionalLevel::kNone, "NONE", "", 0},
    {FunctionalLevel::kAhliPertama, "AHLI_PERTAMA", "Ahli Pertama", 12.5},
    {FunctionalLevel::kAhliMuda, "AHLI_MUDA", "Ahli Muda", 25},
    {FunctionalLevel::kAhliMadya, "AHLI_MADYA", "Ahli Madya", 37.5},
    {FunctionalLevel::kAhliUtama, "AHLI_UTAMA", "Ahli Utama", 50},
    {FunctionalLevel::kPemula, "PEMULA", "Pemula", 3.75},
    {FunctionalLevel::kTerampil, "TERAMPIL", "Terampil", 5},
    {FunctionalLevel::kMahir, "MAHIR", "Mahir", 12.5},
    {FunctionalLevel::kPenyelia, "PENYELIA", "Penyelia", 25},
}};

struct EselonEntry {
  Eselon eselon;
  std::string_view label;
  // UU 5/2014 art. 131: I.a and I.b are equivalent to JPT Madya (only the head of a
  // non-ministerial agency, also I.a, is JPT Utama: that cannot be told from eselonId, so
  // HR sets JPT Utama explicitly); II -> JPT Pratama; III -> Administrator; IV -> Pengawas;
  // V -> Pelaksana.
  PositionType type;
};
constexpr std::array<EselonEntry, 9> kEselons = {{
    {Eselon::kIa, "I.a", PositionType::kJptMadya},
    {Eselon::kIb, "I.b", PositionType::kJptMadya},
    {Eselon::kIIa, "II.a", PositionType::kJptPratama},
    {Eselon::kIIb, "II.b", PositionType::kJptPratama},
    {Eselon::kIIIa, "III.a", PositionType::kAdministrator},
    {Eselon::kIIIb, "III.b", PositionType::kAdministrator},
    {Eselon::kIVa, "IV.a", PositionType::kPengawas},
    {Eselon::kIVb, "IV.b", PositionType::kPengawas},
    {Eselon::kVa, "V.a", PositionType::kPelaksana},
}};

template <typename Table, typename Key>
const auto& Find(const Table& table, Key key) {
  for (const auto& entry : table) {
    if constexpr (std::is_same_v<Key, PositionType>) {
      if (entry.type == key) return entry;
    } else if constexpr (std::is_same_v<Key, FunctionalLevel>) {
      if (entry.level == key) return entry;
    } else {
      if (entry.eselon == key) return entry;
    }
  }
  return table[0];  // unreachable for valid enum values
}

}  // namespace

std::string_view PositionTypeName(PositionType type) { return Find(kTypes, type).name; }
std::string_view PositionTypeLabel(PositionType type) { return Find(kTypes, type).label; }

absl::StatusOr<PositionType> ParsePositionType(std::string_view name) {
  for (const TypeEntry& entry : kTypes) {
    if (entry.name == name) return entry.type;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("position_type: '", ToAbsl(name), "' is not a known position type"));
}

std::string_view FunctionalLevelName(FunctionalLevel level) { return Find(kLevels, level).name; }
std::string_view FunctionalLevelLabel(FunctionalLevel level) { return Find(kLevels, level).label; }
double AnnualCreditCoefficient(FunctionalLevel level) { return Find(kLevels, level).coefficient; }

absl::StatusOr<FunctionalLevel> ParseFunctionalLevel(std::string_view name) {
  for (const LevelEntry& entry : kLevels) {
    if (entry.name == name) return entry.level;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("functional_level: '", ToAbsl(name), "' is not a known functional level"));
}

int EselonCode(Eselon eselon) { return static_cast<int>(eselon); }
std::string_view EselonLabel(Eselon eselon) { return Find(kEselons, eselon).label; }
PositionType PositionTypeForEselon(Eselon eselon) { return Find(kEselons, eselon).type; }

absl::StatusOr<Eselon> EselonFromCode(int code) {
  for (const EselonEntry& entry : kEselons) {
    if (EselonCode(entry.eselon) == code) return entry.eselon;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("eselon: code ", code, " is not one of 11, 12, 21, 22, 31, 32, 41, 42, 51"));
}

absl::StatusOr<Eselon> ParseEselon(std::string_view text) {
  std::string_view trimmed = TrimAscii(text);
  if (auto code = DigitsValue(trimmed); code && trimmed.size() <= 2) {
    return EselonFromCode(static_cast<int>(*code));
  }
  for (const EselonEntry& entry : kEselons) {
    if (EqualsIgnoreCaseAscii(trimmed, entry.label)) return entry.eselon;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "eselon: '", ToAbsl(text), "' is neither a code (11..51) nor a label (I.a..V.a)"));
}

bool MayBeAssessor(PositionType type) {
  switch (type) {
    case PositionType::kJptUtama:
    case PositionType::kJptMadya:
    case PositionType::kJptPratama:
    case PositionType::kAdministrator:
    case PositionType::kPengawas:
      return true;
    case PositionType::kPelaksana:
    case PositionType::kFungsional:
      return false;
  }
  return false;
}

}  // namespace kinerja::employee
