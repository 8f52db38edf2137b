// Rank of a civil servant (DOMAIN.md "Organisation"):
// - PNS: golongan/ruang with its pangkat name, I/a..I/d, II/a..II/d, III/a..III/d, IV/a..IV/e,
//   national (SIASN golRuangId) codes 11..14, 21..24, 31..34, 41..45.
// - PPPK: grade (golongan PPPK) I..XVII.
// Strong types: a rank can only be constructed through the validating factories.
#pragma once

#include <compare>
#include <string>
#include <string_view>
#include <variant>

#include "absl/status/statusor.h"

namespace kinerja::employee {

// Golongan/ruang of a PNS (golongan/pangkat).
class Golongan {
 public:
  // Accepts the national code ("31") or the label ("III/a", case-insensitive),
  // surrounding ASCII spaces ignored. InvalidArgument "golongan: ..." otherwise.
  static absl::StatusOr<Golongan> Parse(std::string_view text);
  static absl::StatusOr<Golongan> FromCode(int code);

  int code() const { return code_; }                                     // 11..45
  int group() const { return code_ / 10; }                               // golongan 1..4 (I..IV)
  char room() const { return static_cast<char>('a' + code_ % 10 - 1); }  // ruang 'a'..'e'
  std::string_view label() const;    // "III/a": stable form for the API and exports
  std::string_view pangkat() const;  // "Penata Muda": Indonesian display label

  friend auto operator<=>(const Golongan&, const Golongan&) = default;

 private:
  explicit Golongan(int code) : code_(code) {}
  int code_;
};

// Grade of a PPPK (golongan PPPK), I..XVII.
class PppkGrade {
 public:
  // Accepts a roman numeral ("IX", either case) or a number ("9"), surrounding ASCII spaces
  // ignored. InvalidArgument "pppk_grade: ..." otherwise.
  static absl::StatusOr<PppkGrade> Parse(std::string_view text);
  static absl::StatusOr<PppkGrade> FromNumber(int number);

  int number() const { return number_; }  // 1..17
  std::string_view label() const;         // "IX": stable form for the API and exports

  friend auto operator<=>(const PppkGrade&, const PppkGrade&) = default;

 private:
  explicit PppkGrade(int number) : number_(number) {}
  int number_;
};

// A PNS has a Golongan, a PPPK a PppkGrade; monostate = not recorded.
using Rank = std::variant<std::monostate, Golongan, PppkGrade>;

// "III/a", "IX" or "" for monostate.
std::string_view RankLabel(const Rank& rank);

}  // namespace kinerja::employee
