// The regulation's rating vocabulary (DOMAIN.md "Rating (2022+)"), shared by every service that
// reasons about ratings and predicates (review decides them, analytics counts them): the work
// results and behaviour rating, the derived performance predicate and the organisation
// predicate. Where a national code exists the enum value IS that code. Plain C++: no gRPC,
// protobuf, SQL or JSON types, so any service's domain layer may use it.
#pragma once

#include <array>
#include <string_view>

#include "absl/status/statusor.h"

namespace kinerja::rating {

// Rating of work results (hasil kerja) or of work behaviour (perilaku kerja). The value is the
// national code (SIASN hasilKinerjaNilai / perilakuKerjaNilai).
enum class Rating {
  kAbove = 1,       // di atas ekspektasi
  kAsExpected = 2,  // sesuai ekspektasi
  kBelow = 3,       // di bawah ekspektasi
};
inline constexpr std::array<Rating, 3> kAllRatings = {Rating::kAbove, Rating::kAsExpected,
                                                      Rating::kBelow};

// Performance predicate (predikat kinerja), derived from the two ratings (predicate.h), never
// typed in. The value is the national code (SIASN kuadranKinerjaNilai).
enum class Predicate {
  kSangatBaik = 1,
  kBaik = 2,
  kButuhPerbaikan = 3,
  kKurang = 4,  // Kurang/Misconduct
  kSangatKurang = 5,
};
inline constexpr std::array<Predicate, 5> kAllPredicates = {
    Predicate::kSangatBaik, Predicate::kBaik, Predicate::kButuhPerbaikan, Predicate::kKurang,
    Predicate::kSangatKurang};

// The organisation (unit) predicate set by the leader one level up before staff predicates are
// final. No national code is defined in DOMAIN.md: the values only order them (best first).
enum class OrgPredicate {
  kIstimewa = 1,
  kBaik = 2,
  kButuhPerbaikan = 3,
  kKurang = 4,
  kSangatKurang = 5,
};
inline constexpr std::array<OrgPredicate, 5> kAllOrgPredicates = {
    OrgPredicate::kIstimewa, OrgPredicate::kBaik, OrgPredicate::kButuhPerbaikan,
    OrgPredicate::kKurang, OrgPredicate::kSangatKurang};

// National codes and conversions. *FromCode returns INVALID_ARGUMENT "<field>: ..." for codes
// outside the table.
int RatingCode(Rating rating);           // 1..3
int PredicateCode(Predicate predicate);  // 1..5
absl::StatusOr<Rating> RatingFromCode(int code, std::string_view field);
absl::StatusOr<Predicate> PredicateFromCode(int code, std::string_view field);

}  // namespace kinerja::rating
