#include "tools/gen/org_tree.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/strings/str_cat.h"
#include "tools/gen/unit_catalog.h"

namespace kinerja::gen {
namespace {

// Typical direct staff of an office leaf unit (bidang or seksi) and of a unit with sub-units.
constexpr double kLeafStaff = 16;
constexpr double kHubStaff = 3;
// Typical staff of one hospital; more staff means more hospitals.
constexpr double kHospitalStaff = 270;  // six clinical sections of ~45

int Round(double value) { return static_cast<int>(std::lround(value)); }

// How many service units an agency of this size and kind has, and what is left for offices.
struct BulkPlan {
  int primary_schools = 0;    // SD (cities, regencies)
  int secondary_schools = 0;  // SMP (cities, regencies)
  int high_schools = 0, vocational_schools = 0, special_schools = 0, branches = 0;  // provinces
  int puskesmas = 0;
  int hospitals = 0;
  double staff_per_hospital = 0;
  std::vector<int> kelurahan;  // per kecamatan
  double office_staff = 0;     // staff left for offices (sekretariat, dinas, badan, ...)
};

BulkPlan PlanBulk(AgencyKind kind, double employees, Rng& rng) {
  BulkPlan plan;
  const bool city = kind == AgencyKind::kCity;
  const bool province = kind == AgencyKind::kProvince;
  // Shares of education, health and territorial staff (teachers are about half of regional ASN).
  const double education = employees * (province ? 0.50 : city ? 0.42 : 0.48);
  const double health = employees * (province ? 0.12 : city ? 0.16 : 0.15);
  const double territorial = province || employees < 300 ? 0 : employees * (city ? 0.08 : 0.09);
  if (province) {
    plan.high_schools = std::max(1, Round(education * 0.50 / 42));
    plan.vocational_schools = Round(education * 0.42 / 42);
    plan.special_schools = Round(education * 0.03 / 17);
    const int schools = plan.high_schools + plan.vocational_schools + plan.special_schools;
    plan.branches = std::max(1, Round(schools / 30.0));
  } else {
    plan.primary_schools = std::max(1, Round(education * 0.6 / (city ? 15 : 12.5)));
    plan.secondary_schools = std::max(employees >= 250 ? 1 : 0, Round(education * 0.4 / 31));
  }
  double hospital_staff = 0;
  if (province) {
    hospital_staff = health;
  } else if (employees >= 2500) {
    hospital_staff = health * (city ? 0.45 : 0.35);
  }
  if (hospital_staff > 0) {
    plan.hospitals = std::max(1, Round(hospital_staff / kHospitalStaff));
    plan.staff_per_hospital = hospital_staff / plan.hospitals;
  }
  if (!province) plan.puskesmas = std::max(1, Round((health - hospital_staff) / (city ? 40 : 34)));
  if (territorial > 0) {
    if (city) {
      // Cities: every kecamatan is split into kelurahan (Kupang: 6 kecamatan, 51 kelurahan).
      const int kelurahan = std::max(1, Round(territorial * 0.85 / 12));
      const int kecamatan = std::clamp(Round(kelurahan / 7.0), 1, 30);
      plan.kelurahan.assign(kecamatan, kelurahan / kecamatan);
      for (int i = 0; i < kelurahan % kecamatan; ++i) ++plan.kelurahan[i];
    } else {
      // Regencies: many kecamatan, mostly villages (*desa*, not civil servants); kelurahan
      // only in the capital and a few towns.
      const int kecamatan = std::clamp(Round(employees / 500), 1, 40);
      plan.kelurahan.assign(kecamatan, 0);
      plan.kelurahan[0] = rng.Between(4, 8);
      for (int i = 1; i < kecamatan; ++i) {
        if (rng.Chance(0.2)) plan.kelurahan[i] = rng.Between(1, 4);
      }
    }
  }
  plan.office_staff = employees - education - health - territorial;
  return plan;
}

int Leaves(const UnitTemplate& unit, int detail) {
  if (detail == 0 || unit.children.empty()) return 1;
  int leaves = 0;
  for (const UnitTemplate& child : unit.children) leaves += Leaves(child, detail - 1);
  return leaves;
}

int Depth(const UnitTemplate& unit) {
  int depth = 0;
  for (const UnitTemplate& child : unit.children) depth = std::max(depth, 1 + Depth(child));
  return depth;
}

// A top-level unit of the tree and how detailed it gets (-1: left out).
struct Item {
  const UnitTemplate* unit;
  bool mandatory;
  BulkHost bulk;
  bool bare_cost;  // whether the bare unit uses an office leaf (kecamatan with kelurahan do not)
  int kecamatan = -1;
  int detail = -1;
};

// Spends the office budget (in leaf units) on the items in this order: the mandatory offices
// with their first level (the Sekretariat Daerah down to its Bagian), then every other office
// with its sekretariat and bidang (or bare, when that is all the budget allows), then the
// kecamatan sections, then deeper levels (seksi, subbagian) in priority order.
void ChooseDetail(std::vector<Item>& items, double budget) {
  auto upgrade = [&](Item& item, int detail) {
    if (item.detail != detail - 1 || Depth(*item.unit) < detail) return false;
    const int extra = Leaves(*item.unit, detail) -
                      (detail == 1 ? (item.bare_cost ? 1 : 0) : Leaves(*item.unit, detail - 1));
    if (budget < extra) return false;
    item.detail = detail;
    budget -= extra;
    return true;
  };
  auto include_bare = [&](Item& item) {
    if (item.detail >= 0) return;
    const int bare = item.bare_cost ? 1 : 0;
    if (item.mandatory || (bare > 0 && budget >= bare)) {
      item.detail = 0;
      budget -= bare;
    }
  };
  for (Item& item : items) {
    if (item.mandatory) include_bare(item);
  }
  for (Item& item : items) {
    if (item.mandatory && item.kecamatan < 0 && upgrade(item, 1)) upgrade(item, 2);
  }
  for (Item& item : items) {
    if (item.mandatory) continue;
    include_bare(item);
    upgrade(item, 1);
  }
  for (Item& item : items) {
    if (item.kecamatan >= 0) upgrade(item, 1);
  }
  int max_depth = 0;
  for (const Item& item : items) max_depth = std::max(max_depth, Depth(*item.unit));
  for (int detail = 2; detail <= max_depth; ++detail) {
    for (Item& item : items) upgrade(item, detail);
  }
}

class TreeBuilder {
 public:
  TreeBuilder(const AgencySpec& agency, Rng& rng)
      : agency_(agency),
        rng_(rng),
        places_(rng),
        plan_(PlanBulk(agency.kind, static_cast<double>(agency.employees), rng)) {}

  std::vector<Unit> Build() {
    Unit root;
    root.name = agency_.name;
    root.leader_title = std::string(HeadTitle(agency_.kind));
    root.leader_kind = LeaderKind::kPoliticalHead;
    root.profile = StaffProfile::kNone;
    Add(std::move(root), Shape::kFixed);

    std::vector<UnitTemplate> kecamatan;  // owned here; items point into it
    kecamatan.reserve(plan_.kelurahan.size());
    for (size_t i = 0; i < plan_.kelurahan.size(); ++i) {
      kecamatan.push_back(KecamatanTemplate(places_.Next()));
    }
    std::vector<Item> items;
    const auto& offices = OfficeTemplates(agency_.kind);
    for (const OfficeTemplate& office : offices) {
      items.push_back({&office.unit, office.mandatory, office.bulk, true});
    }
    // Kecamatan are always there (their kelurahan are territorial staff, not office budget).
    for (size_t i = 0; i < kecamatan.size(); ++i) {
      items.push_back(
          {&kecamatan[i], true, BulkHost::kNone, plan_.kelurahan[i] == 0, static_cast<int>(i)});
    }
    ChooseDetail(items, plan_.office_staff / kLeafStaff);

    for (const Item& item : items) {
      if (item.detail < 0) continue;
      const int index = Instantiate(*item.unit, item.detail, 0);
      if (item.bulk == BulkHost::kEducation) AddSchools(index);
      if (item.bulk == BulkHost::kHealth) AddHealth(index);
      if (item.kecamatan >= 0) AddKelurahan(index, plan_.kelurahan[item.kecamatan]);
    }
    FinishWeights();
    return std::move(units_);
  }

 private:
  // kFixed: the weight given at creation stays; kTemplate: decided once children are known.
  enum class Shape { kFixed, kTemplate };

  struct Pending {
    Shape shape;
    StaffProfile leaf_profile;
    float leaf_weight;
    int children = 0;
  };

  int Add(Unit unit, Shape shape, StaffProfile leaf_profile = StaffProfile::kAdmin,
          float leaf_weight = 1.0f) {
    if (unit.parent >= 0) ++pending_[unit.parent].children;
    units_.push_back(std::move(unit));
    pending_.push_back({shape, leaf_profile, leaf_weight});
    return static_cast<int>(units_.size()) - 1;
  }

  int Instantiate(const UnitTemplate& tmpl, int detail, int parent) {
    Unit unit;
    unit.parent = parent;
    unit.name = tmpl.name;
    unit.leader_title = tmpl.title;
    unit.eselon = EselonFor(tmpl.role, agency_.kind);
    unit.specialty = tmpl.specialty;
    const int index = Add(std::move(unit), Shape::kTemplate, tmpl.leaf_profile, tmpl.leaf_weight);
    if (detail > 0) {
      for (const UnitTemplate& child : tmpl.children) Instantiate(child, detail - 1, index);
    }
    return index;
  }

  // A service unit led by a functional (school, puskesmas).
  int AddServiceUnit(int parent, std::string name, StaffProfile profile, Specialty specialty,
                     int min_staff, int max_staff) {
    Unit unit;
    unit.parent = parent;
    unit.leader_title = absl::StrCat("Kepala ", name);
    unit.name = std::move(name);
    unit.leader_kind = LeaderKind::kFunctional;
    unit.profile = profile;
    unit.specialty = specialty;
    unit.staff_weight = static_cast<float>(rng_.Between(min_staff, max_staff));
    return Add(std::move(unit), Shape::kFixed);
  }

  void AddSchools(int host) {
    using enum StaffProfile;
    const std::string& place = agency_.place;
    if (agency_.kind != AgencyKind::kProvince) {
      const bool city = agency_.kind == AgencyKind::kCity;
      for (int i = 1; i <= plan_.primary_schools; ++i) {
        AddServiceUnit(host, absl::StrCat("SD Negeri ", i, " ", place), kSchoolBasic,
                       Specialty::kEducationOffice, 12, city ? 22 : 17);
      }
      for (int i = 1; i <= plan_.secondary_schools; ++i) {
        AddServiceUnit(host, absl::StrCat("SMP Negeri ", i, " ", place), kSchoolSecondary,
                       Specialty::kEducationOffice, 18, 45);
      }
      return;
    }
    // Provinces run senior high, vocational and special schools through branch offices
    // (*cabang dinas*), each covering a few towns.
    const int branches = plan_.branches;
    int high = plan_.high_schools, vocational = plan_.vocational_schools;
    int special = plan_.special_schools;
    for (int b = 0; b < branches; ++b) {
      Unit branch;
      branch.parent = host;
      branch.name = absl::StrCat("Cabang Dinas Pendidikan Wilayah ", RomanNumeral(b + 1));
      branch.leader_title = DefaultLeaderTitle(branch.name);
      branch.eselon = EselonFor(Role::kBranchHead, agency_.kind);
      branch.profile = kAdminHub;
      branch.specialty = Specialty::kEducationOffice;
      branch.staff_weight = static_cast<float>(kHubStaff * 2);
      const int branch_index = Add(std::move(branch), Shape::kFixed);
      const int left = branches - b;
      int my_high = (high + left - 1) / left, my_vocational = (vocational + left - 1) / left;
      int my_special = (special + left - 1) / left;
      high -= my_high;
      vocational -= my_vocational;
      special -= my_special;
      while (my_high + my_vocational + my_special > 0) {
        // One town gets a handful of schools, numbered per town and type.
        const std::string town = places_.Next();
        const int town_high = std::min(my_high, rng_.Between(1, 3));
        const int town_vocational = std::min(my_vocational, rng_.Between(1, 2));
        const bool last_town = my_high + my_vocational == town_high + town_vocational;
        const int town_special = my_special > 0 && (last_town || rng_.Chance(0.15)) ? 1 : 0;
        for (int i = 1; i <= town_high; ++i) {
          AddServiceUnit(branch_index, absl::StrCat("SMA Negeri ", i, " ", town), kSchoolSecondary,
                         Specialty::kEducationOffice, 28, 60);
        }
        for (int i = 1; i <= town_vocational; ++i) {
          AddServiceUnit(branch_index, absl::StrCat("SMK Negeri ", i, " ", town), kSchoolSecondary,
                         Specialty::kEducationOffice, 28, 60);
        }
        if (town_special > 0) {
          AddServiceUnit(branch_index, absl::StrCat("SLB Negeri ", town), kSchoolBasic,
                         Specialty::kEducationOffice, 12, 25);
        }
        my_high -= town_high;
        my_vocational -= town_vocational;
        my_special -= town_special;
      }
    }
  }

  void AddHealth(int host) {
    for (int i = 0; i < plan_.hospitals; ++i) {
      const std::string name =
          absl::StrCat("Rumah Sakit Umum Daerah ", i == 0 ? agency_.place : places_.Next());
      const UnitTemplate hospital = HospitalTemplate(name);
      const int first = static_cast<int>(units_.size());
      Instantiate(hospital, Depth(hospital), host);
      // Spread the clinical staff over the clinical leaves (bidang/seksi of care).
      int clinical_leaves = 0;
      for (size_t u = first; u < units_.size(); ++u) {
        if (pending_[u].leaf_profile == StaffProfile::kHospital && pending_[u].children == 0) {
          ++clinical_leaves;
        }
      }
      const double per_leaf = plan_.staff_per_hospital / std::max(1, clinical_leaves);
      for (size_t u = first; u < units_.size(); ++u) {
        if (pending_[u].leaf_profile == StaffProfile::kHospital) {
          pending_[u].leaf_weight = static_cast<float>(per_leaf / kLeafStaff);
        }
      }
    }
    for (int i = 0; i < plan_.puskesmas; ++i) {
      AddServiceUnit(host, absl::StrCat("UPTD Puskesmas ", places_.Next()),
                     StaffProfile::kPuskesmas, Specialty::kHealthOffice, 26, 55);
    }
  }

  void AddKelurahan(int kecamatan, int count) {
    for (int i = 0; i < count; ++i) {
      Unit unit;
      unit.parent = kecamatan;
      unit.name = absl::StrCat("Kelurahan ", places_.Next());
      unit.leader_title = DefaultLeaderTitle(unit.name);
      unit.eselon = EselonFor(Role::kLurah, agency_.kind);
      unit.profile = StaffProfile::kTerritorial;
      unit.specialty = Specialty::kGovernment;
      unit.staff_weight = static_cast<float>(rng_.Between(11, 16));
      Add(std::move(unit), Shape::kFixed);
    }
  }

  // Template units become leaves (a full office unit) or hubs (a few direct staff).
  void FinishWeights() {
    for (size_t i = 1; i < units_.size(); ++i) {
      const Pending& pending = pending_[i];
      if (pending.shape != Shape::kTemplate) continue;
      Unit& unit = units_[i];
      if (pending.children > 0) {
        unit.profile = StaffProfile::kAdminHub;
        unit.staff_weight = static_cast<float>(kHubStaff);
      } else {
        unit.profile = pending.leaf_profile;
        const double jitter = 0.7 + 0.6 * rng_.Unit();
        unit.staff_weight = static_cast<float>(kLeafStaff * pending.leaf_weight * jitter);
      }
    }
  }

  const AgencySpec& agency_;
  Rng& rng_;
  PlaceNamer places_;
  BulkPlan plan_;
  std::vector<Unit> units_;
  std::vector<Pending> pending_;
};

}  // namespace

std::vector<Unit> BuildOrgTree(const AgencySpec& agency, Rng& rng) {
  return TreeBuilder(agency, rng).Build();
}

}  // namespace kinerja::gen
