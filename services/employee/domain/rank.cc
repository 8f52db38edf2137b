#include "services/employee/domain/rank.h"

#include <array>

#include "absl/strings/str_cat.h"
#include "services/employee/domain/civil_date.h"
#include "shared/text/text.h"

namespace kinerja::employee {
namespace {

struct GolonganEntry {
  int code;
  std::string_view label;
  std::string_view pangkat;
};

constexpr std::array<GolonganEntry, 17> kGolongan = {{
    {11, "I/a", "Juru Muda"},
    {12, "I/b", "Juru Muda Tingkat I"},
    {13, "I/c", "Juru"},
    {14, "I/d", "Juru Tingkat I"},
    {21, "II/a", "Pengatur Muda"},
    {22, "II/b", "Pengatur Muda Tingkat I"},
    {23, "II/c", "Pengatur"},
    {24, "II/d", "Pengatur Tingkat I"},
    {31, "III/a", "Penata Muda"},
    {32, "III/b", "Penata Muda Tingkat I"},
    {33, "III/c", "Penata"},
    {34, "III/d", "Penata Tingkat I"},
    {41, "IV/a", "Pembina"},
    {42, "IV/b", "Pembina Tingkat I"},
    {43, "IV/c", "Pembina Utama Muda"},
    {44, "IV/d", "Pembina Utama Madya"},
    {45, "IV/e", "Pembina Utama"},
}};

constexpr std::array<std::string_view, 17> kRoman = {"I",    "II",   "III", "IV",  "V",   "VI",
                                                     "VII",  "VIII", "IX",  "X",   "XI",  "XII",
                                                     "XIII", "XIV",  "XV",  "XVI", "XVII"};

const GolonganEntry* FindGolongan(int code) {
  for (const GolonganEntry& entry : kGolongan) {
    if (entry.code == code) return &entry;
  }
  return nullptr;
}

}  // namespace

absl::StatusOr<Golongan> Golongan::FromCode(int code) {
  if (FindGolongan(code) == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("golongan: code ", code, " is not one of 11..14, 21..24, 31..34, 41..45"));
  }
  return Golongan(code);
}

absl::StatusOr<Golongan> Golongan::Parse(std::string_view text) {
  std::string_view trimmed = TrimAscii(text);
  if (auto code = DigitsValue(trimmed); code && trimmed.size() <= 2) {
    return FromCode(static_cast<int>(*code));
  }
  for (const GolonganEntry& entry : kGolongan) {
    if (EqualsIgnoreCaseAscii(trimmed, entry.label)) return Golongan(entry.code);
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "golongan: '", ToAbsl(text), "' is neither a code (11..45) nor a label (I/a..IV/e)"));
}

std::string_view Golongan::label() const { return FindGolongan(code_)->label; }
std::string_view Golongan::pangkat() const { return FindGolongan(code_)->pangkat; }

absl::StatusOr<PppkGrade> PppkGrade::FromNumber(int number) {
  if (number < 1 || number > 17) {
    return absl::InvalidArgumentError(
        absl::StrCat("pppk_grade: ", number, " is not in I..XVII (1..17)"));
  }
  return PppkGrade(number);
}

absl::StatusOr<PppkGrade> PppkGrade::Parse(std::string_view text) {
  std::string_view trimmed = TrimAscii(text);
  if (auto number = DigitsValue(trimmed); number && trimmed.size() <= 2) {
    return FromNumber(static_cast<int>(*number));
  }
  for (size_t i = 0; i < kRoman.size(); ++i) {
    if (EqualsIgnoreCaseAscii(trimmed, kRoman[i])) return PppkGrade(static_cast<int>(i) + 1);
  }
  return absl::InvalidArgumentError(
      absl::StrCat("pppk_grade: '", ToAbsl(text), "' is not a grade I..XVII or 1..17"));
}

std::string_view PppkGrade::label() const { return kRoman[number_ - 1]; }

std::string_view RankLabel(const Rank& rank) {
  if (const auto* golongan = std::get_if<Golongan>(&rank)) return golongan->label();
  if (const auto* grade = std::get_if<PppkGrade>(&rank)) return grade->label();
  return "";
}

}  // namespace kinerja::employee
