// kinerja-review: organisation predicates, periodic and annual assessments with derived
// predicates and distribution checks, objections and the SIASN export
// (kinerja.review.v1.ReviewService). Wiring only: the service's definition
// (api/review_definition.h) run by the service kit.
#include "services/review/api/review_definition.h"
#include "shared/server/dev_clock.h"
#include "shared/server/service_main.h"

int main(int argc, char** argv) {
  return kinerja::server::RunService(
      argc, argv, kinerja::review::api::ReviewDefinition(kinerja::server::ServiceClock()));
}
