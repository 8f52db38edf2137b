#include "tools/gen/generator.h"

#include <filesystem>
#include <system_error>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tools/gen/agencies.h"
#include "tools/gen/agency_generator.h"
#include "tools/gen/ids.h"
#include "tools/gen/people.h"
#include "tools/gen/rng.h"

namespace kinerja::gen {
namespace {

// Salts separating the random streams of the plan and of each agency.
constexpr uint64_t kPlanSalt = 0x7A3C1E5B9D2F4861ULL;
constexpr uint64_t kAgencySalt = 0x2B7E151628AED2A6ULL;

absl::Status Validate(const GenOptions& options) {
  if (options.out_dir.empty()) return absl::InvalidArgumentError("out_dir is required");
  if (options.employees < 1) return absl::InvalidArgumentError("employees must be positive");
  if (!(options.pppk_share >= 0 && options.pppk_share <= 1)) {
    return absl::InvalidArgumentError("pppk_share must be within [0, 1]");
  }
  if (!(options.vacancy_share >= 0 && options.vacancy_share <= 1)) {
    return absl::InvalidArgumentError("vacancy_share must be within [0, 1]");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<GenSummary> GenerateDataset(const GenOptions& options) {
  if (absl::Status status = Validate(options); !status.ok()) return status;
  std::error_code error;
  std::filesystem::create_directories(options.out_dir, error);
  if (error) {
    return absl::UnavailableError(
        absl::StrCat("cannot create ", options.out_dir, ": ", error.message()));
  }
  auto writer = DatasetWriter::Open(options.out_dir, options.format);
  if (!writer.ok()) return writer.status();

  Rng plan_rng(Mix64(options.seed ^ kPlanSalt));
  const std::vector<AgencySpec> agencies = PlanAgencies(options.employees, plan_rng);
  SiasnIdFactory ids(options.seed);
  NipRegistry registry;
  PersonFactory people(options.as_of, &registry);
  const StaffingOptions staffing{options.pppk_share, options.vacancy_share};

  GenSummary summary;
  std::vector<AgencyRow> rows;
  for (size_t i = 0; i < agencies.size(); ++i) {
    const AgencySpec& agency = agencies[i];
    AgencyRow row;
    row.id = std::string(ids.Next(IdKind::kAgency).view());
    row.name = agency.name;
    row.kind = AgencyKindCode(agency.kind);
    row.head_title = HeadTitle(agency.kind);
    const uint64_t seed = Mix64(options.seed ^ Mix64(kAgencySalt + i));
    const AgencyTotals totals =
        GenerateAgency(agency, row.id, seed, staffing, ids, people, **writer);
    rows.push_back(std::move(row));
    summary.units += totals.units;
    summary.employees += totals.employees;
    summary.pppk += totals.pppk;
    summary.vacancies += totals.vacancies;
  }
  summary.agencies = static_cast<int64_t>(rows.size());
  if (absl::Status status = (*writer)->Finish(rows); !status.ok()) return status;
  summary.bytes = (*writer)->bytes();
  return summary;
}

}  // namespace kinerja::gen
