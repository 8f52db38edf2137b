#include "tools/gen/agency_generator.h"

#include <algorithm>
#include <array>
#include <vector>

#include "tools/gen/agencies.h"
#include "tools/gen/positions.h"

namespace kinerja::gen {
namespace {

// PPPK are concentrated where the big intakes went: teachers first, then health workers.
enum PppkClass { kSchools, kHealth, kOthers, kClassCount };
constexpr std::array<double, kClassCount> kPppkAffinity = {2.0, 1.4, 0.6};

PppkClass ClassOf(StaffProfile profile) {
  switch (profile) {
    case StaffProfile::kSchoolBasic:
    case StaffProfile::kSchoolSecondary:
      return kSchools;
    case StaffProfile::kPuskesmas:
    case StaffProfile::kHospital:
      return kHealth;
    default:
      return kOthers;
  }
}

// Per class, the probability that a staff member is PPPK so that the expected total is
// `target`, keeping the affinity ratios where no class saturates (bisection on the scale).
std::array<double, kClassCount> PppkRates(const std::array<int64_t, kClassCount>& staff,
                                          double target) {
  auto total_at = [&](double scale) {
    double total = 0;
    for (int c = 0; c < kClassCount; ++c) {
      total += static_cast<double>(staff[c]) * std::min(1.0, scale * kPppkAffinity[c]);
    }
    return total;
  };
  double low = 0, high = 1 / kPppkAffinity[kOthers];
  for (int i = 0; i < 60; ++i) {
    const double mid = (low + high) / 2;
    (total_at(mid) < target ? low : high) = mid;
  }
  std::array<double, kClassCount> rates{};
  for (int c = 0; c < kClassCount; ++c) rates[c] = std::min(1.0, high * kPppkAffinity[c]);
  return rates;
}

// Draws exactly `quota` PPPK out of `slots` staff places, one place at a time (selection
// sampling), so the share is exact and the choice still random.
struct Quota {
  int64_t quota = 0;
  int64_t slots = 0;

  bool Draw(Rng& rng) {
    if (slots <= 0) return false;
    const bool chosen = static_cast<int64_t>(rng.Next() % static_cast<uint64_t>(slots)) < quota;
    --slots;
    if (chosen) --quota;
    return chosen;
  }
};

class AgencyRun {
 public:
  AgencyRun(const AgencySpec& agency, std::string_view agency_id, uint64_t seed,
            const StaffingOptions& options, SiasnIdFactory& ids, PersonFactory& people,
            DatasetWriter& writer)
      : agency_(agency),
        agency_id_(agency_id),
        options_(options),
        rng_(seed),
        ids_(ids),
        people_(people),
        writer_(writer),
        catalog_(PositionCatalog::Get()) {}

  AgencyTotals Run() {
    units_ = BuildOrgTree(agency_, rng_);
    totals_.units = static_cast<int64_t>(units_.size());
    for (size_t i = 0; i < units_.size(); ++i) unit_ids_.push_back(ids_.Next(IdKind::kUnit));
    ChooseLeaders();
    SizeStaff();
    WriteUnits();
    for (size_t i = 0; i < units_.size(); ++i) WritePeople(i);
    return totals_;
  }

 private:
  void ChooseLeaders() {
    filled_.assign(units_.size(), false);
    leader_ids_.resize(units_.size());
    int64_t filled = 0;
    for (size_t i = 1; i < units_.size(); ++i) {
      filled_[i] = !rng_.Chance(options_.vacancy_share);
      filled += filled_[i] ? 1 : 0;
    }
    // A tiny agency cannot have more leaders than employees.
    for (size_t i = units_.size(); i-- > 1 && filled > agency_.employees;) {
      if (filled_[i]) {
        filled_[i] = false;
        --filled;
      }
    }
    for (size_t i = 1; i < units_.size(); ++i) {
      if (filled_[i]) leader_ids_[i] = ids_.Next(IdKind::kPerson);
      totals_.vacancies += filled_[i] ? 0 : 1;
    }
    leaders_ = filled;
  }

  void SizeStaff() {
    std::vector<double> weights;
    weights.reserve(units_.size());
    for (const Unit& unit : units_) weights.push_back(unit.staff_weight);
    staff_ = Apportion(weights, agency_.employees - leaders_);
    std::array<int64_t, kClassCount> per_class{};
    for (size_t i = 0; i < units_.size(); ++i) per_class[ClassOf(units_[i].profile)] += staff_[i];
    const auto rates =
        PppkRates(per_class, options_.pppk_share * static_cast<double>(agency_.employees));
    for (int c = 0; c < kClassCount; ++c) {
      quotas_[c].slots = per_class[c];
      quotas_[c].quota = std::llround(rates[c] * static_cast<double>(per_class[c]));
    }
  }

  void WriteUnits() {
    for (size_t i = 0; i < units_.size(); ++i) {
      const Unit& unit = units_[i];
      UnorRow row;
      row.id = unit_ids_[i].view();
      row.parent_id = unit.parent >= 0 ? unit_ids_[unit.parent].view() : std::string_view();
      row.name = unit.name;
      row.leader_title = unit.leader_title;
      row.leader_person_id = filled_[i] ? leader_ids_[i].view() : std::string_view();
      row.eselon = EselonCode(unit.eselon);
      row.agency_id = agency_id_;
      writer_.WriteUnit(row);
    }
  }

  void WritePeople(size_t index) {
    const Unit& unit = units_[index];
    if (filled_[index]) {
      const bool structural = unit.leader_kind == LeaderKind::kStructural;
      const PositionSpec& position =
          structural ? catalog_.Leader(unit.eselon) : catalog_.FunctionalHead(unit.profile, rng_);
      people_.MakePns(position, agency_.region, rng_, &person_);
      person_.id = leader_ids_[index];
      // A structural leader's position is the unit's; a functional head keeps a functional one.
      Write(person_, structural ? std::string_view(unit.leader_title) : position.title,
            structural ? JobType::kStructural : position.type,
            structural ? EselonCode(unit.eselon) : std::string_view(), index);
    }
    Quota& quota = quotas_[ClassOf(unit.profile)];
    for (int64_t s = 0; s < staff_[index]; ++s) {
      const PositionSpec& picked = catalog_.PickStaff(unit.profile, unit.specialty, rng_);
      if (quota.Draw(rng_)) {
        const PositionSpec& position = catalog_.ForPppk(picked, rng_);
        people_.MakePppk(position, agency_.region, rng_, &person_);
        ++totals_.pppk;
        Finish(position, index);
      } else {
        people_.MakePns(picked, agency_.region, rng_, &person_);
        Finish(picked, index);
      }
    }
  }

  void Finish(const PositionSpec& position, size_t index) {
    person_.id = ids_.Next(IdKind::kPerson);
    Write(person_, position.title, position.type, std::string_view(), index);
  }

  void Write(const Person& person, std::string_view title, JobType type, std::string_view eselon,
             size_t index) {
    EmployeeRow row;
    row.id = person.id.view();
    row.nip = person.nip_view();
    row.name = person.name;
    row.birth = person.birth;
    row.female = person.female;
    row.golongan = person.golongan;
    row.job_type = JobTypeCode(type);
    row.position_title = title;
    row.eselon = eselon;
    row.unit_id = unit_ids_[index].view();
    row.agency_id = agency_id_;
    row.status = EmploymentStatusCode(person.status);
    row.tmt_cpns = person.tmt_cpns;
    row.tmt_jabatan = person.tmt_jabatan;
    writer_.WriteEmployee(row);
    ++totals_.employees;
  }

  const AgencySpec& agency_;
  std::string_view agency_id_;
  const StaffingOptions& options_;
  Rng rng_;
  SiasnIdFactory& ids_;
  PersonFactory& people_;
  DatasetWriter& writer_;
  const PositionCatalog& catalog_;

  std::vector<Unit> units_;
  std::vector<SiasnId> unit_ids_;
  std::vector<SiasnId> leader_ids_;
  std::vector<bool> filled_;
  std::vector<int64_t> staff_;
  int64_t leaders_ = 0;
  std::array<Quota, kClassCount> quotas_{};
  Person person_;
  AgencyTotals totals_;
};

}  // namespace

AgencyTotals GenerateAgency(const AgencySpec& agency, std::string_view agency_id, uint64_t seed,
                            const StaffingOptions& options, SiasnIdFactory& ids,
                            PersonFactory& people, DatasetWriter& writer) {
  return AgencyRun(agency, agency_id, seed, options, ids, people, writer).Run();
}

}  // namespace kinerja::gen
