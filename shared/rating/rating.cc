#include "shared/rating/rating.h"

#include "absl/strings/str_cat.h"
#include "shared/errors/errors.h"
#include "shared/text/text.h"

namespace kinerja::rating {

int RatingCode(Rating rating) { return static_cast<int>(rating); }
int PredicateCode(Predicate predicate) { return static_cast<int>(predicate); }

absl::StatusOr<Rating> RatingFromCode(int code, std::string_view field) {
  for (Rating r : kAllRatings) {
    if (RatingCode(r) == code) return r;
  }
  return errors::InvalidField(ToAbsl(field), absl::StrCat("rating code must be 1..3, got ", code));
}

absl::StatusOr<Predicate> PredicateFromCode(int code, std::string_view field) {
  for (Predicate p : kAllPredicates) {
    if (PredicateCode(p) == code) return p;
  }
  return errors::InvalidField(ToAbsl(field),
                              absl::StrCat("predicate code must be 1..5, got ", code));
}

}  // namespace kinerja::rating
