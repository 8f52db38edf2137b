#include "tools/gen/positions.h"

#include <algorithm>
#include <span>

namespace kinerja::gen {
namespace {

// Functional families and executor positions. Pseudo-jobs at the end stand for "draw again
// from another table" in staffing profiles.
enum Job : int16_t {
  // Education.
  kGuru,
  kPengawasSekolah,
  kPenilik,
  kPustakawan,
  kPranataLabPendidikan,
  // Health.
  kDokter,
  kDokterGigi,
  kPerawat,
  kBidan,
  kApoteker,
  kTenagaTeknisKefarmasian,
  kPranataLabKesehatan,
  kNutrisionis,
  kSanitasiLingkungan,
  kPenyuluhKesehatan,
  kEpidemiolog,
  kPerekamMedis,
  kAdministratorKesehatan,
  kRadiografer,
  kFisioterapis,
  kElektromedis,
  // Office and technical.
  kAnalisKebijakan,
  kPranataKomputer,
  kArsiparis,
  kPerencana,
  kAnalisSdma,
  kPranataSdma,
  kPranataHumas,
  kPengelolaPbj,
  kAnalisKeuangan,
  kAnalisAnggaran,
  kPenataLaksanaBarang,
  kAuditor,
  kP2upd,
  kPerancangPeraturan,
  kPenyuluhPertanian,
  kPengawasBenih,
  kMedikVeteriner,
  kParamedikVeteriner,
  kPenyuluhPerikanan,
  kPolisiPamongPraja,
  kAnalisKebakaran,
  kAdministratorDatabaseKependudukan,
  kPengujiKendaraan,
  kPengendaliDampak,
  kPengawasLingkungan,
  kPekerjaSosial,
  kPenyuluhSosial,
  kStatistisi,
  kSandiman,
  kTeknikJalan,
  kTeknikPengairan,
  kPenataRuang,
  kPenyuluhKb,
  kPengantarKerja,
  kMediatorHi,
  kPengawasPerdagangan,
  kPenera,
  kPamongBudaya,
  kAdyatama,
  kPengawasKoperasi,
  // Executors (*pelaksana*).
  kPengadministrasiPerkantoran,
  kOperatorLayanan,
  kPengelolaLayanan,
  kPenataLayanan,
  kPenelaahTeknis,
  kPengadministrasiUmum,
  kBendahara,
  kPengemudi,
  kPramuBakti,
  kPetugasKeamanan,
  kPetugasPemadam,
  kJobCount,
  // Pseudo-jobs.
  kFromSpecialty = 100,
  kGeneralFunctional,
  kOfficeExecutor,
};

enum class Scale : uint8_t { kSkilled, kExpert, kBoth, kExecutor };
// Level weight sets: kDefault, kTeacher (many seniors), kSupervisor (Muda/Madya only).
enum class Ladder : uint8_t { kDefault, kTeacher, kSupervisor };

struct JobRow {
  std::string_view name;
  Scale scale;
  float female;
  float skilled_share = 0.5f;  // for kBoth: chance of the skilled (Keterampilan) ladder
  int8_t entry = -1;           // functional: entry rank override (professions enter at III/b)
  Ladder ladder = Ladder::kDefault;
  bool retire_at_60 = false;
  // Executors only.
  int8_t golongan_min = 0, golongan_max = 0, pppk_grade = 0;
};

// Golongan indices used below: 0 I/a, 1 I/b, 4 II/a, 6 II/c, 8 III/a, 9 III/b, 10 III/c,
// 11 III/d, 12 IV/a, 13 IV/b, 14 IV/c, 15 IV/d, 16 IV/e.
constexpr JobRow kJobs[kJobCount] = {
    {"Guru", Scale::kExpert, 0.68f, 0, -1, Ladder::kTeacher, true},
    {"Pengawas Sekolah", Scale::kExpert, 0.4f, 0, -1, Ladder::kSupervisor, true},
    {"Penilik", Scale::kExpert, 0.45f, 0, -1, Ladder::kSupervisor},
    {"Pustakawan", Scale::kBoth, 0.6f, 0.5f},
    {"Pranata Laboratorium Pendidikan", Scale::kSkilled, 0.5f},
    {"Dokter", Scale::kExpert, 0.6f, 0, 9},
    {"Dokter Gigi", Scale::kExpert, 0.7f, 0, 9},
    {"Perawat", Scale::kBoth, 0.72f, 0.6f},
    {"Bidan", Scale::kBoth, 1.0f, 0.75f},
    {"Apoteker", Scale::kExpert, 0.75f, 0, 9},
    {"Tenaga Teknis Kefarmasian", Scale::kSkilled, 0.8f},
    {"Pranata Laboratorium Kesehatan", Scale::kBoth, 0.65f, 0.7f},
    {"Nutrisionis", Scale::kBoth, 0.85f, 0.6f},
    {"Tenaga Sanitasi Lingkungan", Scale::kBoth, 0.55f, 0.6f},
    {"Penyuluh Kesehatan Masyarakat", Scale::kExpert, 0.6f},
    {"Epidemiolog Kesehatan", Scale::kBoth, 0.55f, 0.5f},
    {"Perekam Medis", Scale::kBoth, 0.6f, 0.8f},
    {"Administrator Kesehatan", Scale::kExpert, 0.55f},
    {"Radiografer", Scale::kBoth, 0.4f, 0.7f},
    {"Fisioterapis", Scale::kBoth, 0.6f, 0.6f},
    {"Teknisi Elektromedis", Scale::kBoth, 0.25f, 0.8f},
    {"Analis Kebijakan", Scale::kExpert, 0.5f},
    {"Pranata Komputer", Scale::kBoth, 0.4f, 0.4f},
    {"Arsiparis", Scale::kBoth, 0.6f, 0.5f},
    {"Perencana", Scale::kExpert, 0.5f},
    {"Analis Sumber Daya Manusia Aparatur", Scale::kExpert, 0.6f},
    {"Pranata Sumber Daya Manusia Aparatur", Scale::kSkilled, 0.6f},
    {"Pranata Hubungan Masyarakat", Scale::kBoth, 0.55f, 0.5f},
    {"Pengelola Pengadaan Barang/Jasa", Scale::kExpert, 0.35f},
    {"Analis Keuangan Pusat dan Daerah", Scale::kExpert, 0.55f},
    {"Analis Anggaran", Scale::kExpert, 0.5f},
    {"Penata Laksana Barang", Scale::kSkilled, 0.4f},
    {"Auditor", Scale::kBoth, 0.5f, 0.2f},
    {"Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah", Scale::kExpert, 0.45f},
    {"Perancang Peraturan Perundang-undangan", Scale::kExpert, 0.5f},
    {"Penyuluh Pertanian", Scale::kBoth, 0.35f, 0.4f},
    {"Pengawas Benih Tanaman", Scale::kBoth, 0.35f, 0.5f},
    {"Medik Veteriner", Scale::kExpert, 0.45f, 0, 9},
    {"Paramedik Veteriner", Scale::kSkilled, 0.3f},
    {"Penyuluh Perikanan", Scale::kBoth, 0.3f, 0.5f},
    {"Polisi Pamong Praja", Scale::kBoth, 0.2f, 0.7f},
    {"Analis Kebakaran", Scale::kExpert, 0.1f},
    {"Administrator Database Kependudukan", Scale::kExpert, 0.5f},
    {"Penguji Kendaraan Bermotor", Scale::kBoth, 0.1f, 0.6f},
    {"Pengendali Dampak Lingkungan", Scale::kExpert, 0.5f},
    {"Pengawas Lingkungan Hidup", Scale::kExpert, 0.4f},
    {"Pekerja Sosial", Scale::kBoth, 0.55f, 0.5f},
    {"Penyuluh Sosial", Scale::kExpert, 0.5f},
    {"Statistisi", Scale::kBoth, 0.5f, 0.5f},
    {"Sandiman", Scale::kBoth, 0.3f, 0.5f},
    {"Teknik Jalan dan Jembatan", Scale::kBoth, 0.2f, 0.4f},
    {"Teknik Pengairan", Scale::kBoth, 0.2f, 0.4f},
    {"Penata Ruang", Scale::kExpert, 0.4f},
    {"Penyuluh Keluarga Berencana", Scale::kExpert, 0.6f},
    {"Pengantar Kerja", Scale::kBoth, 0.5f, 0.4f},
    {"Mediator Hubungan Industrial", Scale::kExpert, 0.4f},
    {"Pengawas Perdagangan", Scale::kExpert, 0.45f},
    {"Penera", Scale::kBoth, 0.3f, 0.6f},
    {"Pamong Budaya", Scale::kExpert, 0.5f},
    {"Adyatama Kepariwisataan dan Ekonomi Kreatif", Scale::kExpert, 0.5f},
    {"Pengawas Koperasi", Scale::kExpert, 0.5f},
    // Executors: name, scale, female share, -, -, -, -, rank range, PPPK grade.
    {"Pengadministrasi Perkantoran", Scale::kExecutor, 0.55f, 0, -1, {}, false, 4, 9, 5},
    {"Operator Layanan Operasional", Scale::kExecutor, 0.45f, 0, -1, {}, false, 4, 8, 5},
    {"Pengelola Layanan Operasional", Scale::kExecutor, 0.5f, 0, -1, {}, false, 6, 10, 7},
    {"Penata Layanan Operasional", Scale::kExecutor, 0.5f, 0, -1, {}, false, 8, 11, 9},
    {"Penelaah Teknis Kebijakan", Scale::kExecutor, 0.5f, 0, -1, {}, false, 8, 12, 9},
    {"Pengadministrasi Umum", Scale::kExecutor, 0.5f, 0, -1, {}, false, 4, 8, 5},
    {"Bendahara", Scale::kExecutor, 0.6f, 0, -1, {}, false, 6, 11, 7},
    {"Pengemudi", Scale::kExecutor, 0.03f, 0, -1, {}, false, 1, 8, 5},
    {"Pramu Bakti", Scale::kExecutor, 0.5f, 0, -1, {}, false, 0, 6, 1},
    {"Petugas Keamanan", Scale::kExecutor, 0.05f, 0, -1, {}, false, 1, 7, 3},
    {"Petugas Pemadam Kebakaran", Scale::kExecutor, 0.05f, 0, -1, {}, false, 4, 9, 5},
};

struct LevelRule {
  std::string_view suffix;
  int8_t golongan_min, golongan_max, entry, age_max, pppk_grade;
};
// Levels 0..3: skilled ladder (Pemula..Penyelia); 4..7: expert ladder (Ahli Pertama..Utama).
constexpr LevelRule kLevels[8] = {
    {"Pemula", 4, 5, 4, 57, 5},        {"Terampil", 6, 7, 6, 57, 7},
    {"Mahir", 8, 9, 6, 57, 8},         {"Penyelia", 10, 11, 6, 57, 10},
    {"Ahli Pertama", 8, 9, 8, 57, 9},  {"Ahli Muda", 10, 11, 8, 57, 11},
    {"Ahli Madya", 12, 14, 8, 59, 13}, {"Ahli Utama", 15, 16, 8, 64, 15},
};

constexpr int kSkilledWeights[4] = {3, 45, 35, 17};
constexpr int kExpertWeights[3][4] = {
    {40, 34, 25, 1},  // kDefault
    {30, 26, 43, 1},  // kTeacher
    {0, 40, 60, 0},   // kSupervisor
};

using Mix = std::span<const Weighted<int16_t>>;

// Staffing profiles (weights are per mille-ish; only ratios matter).
constexpr Weighted<int16_t> kAdminMix[] = {
    {kOfficeExecutor, 55}, {kFromSpecialty, 30}, {kGeneralFunctional, 15}};
constexpr Weighted<int16_t> kAdminHubMix[] = {
    {kOfficeExecutor, 30}, {kFromSpecialty, 45}, {kGeneralFunctional, 25}};
constexpr Weighted<int16_t> kTerritorialMix[] = {{kOfficeExecutor, 85}, {kGeneralFunctional, 15}};
constexpr Weighted<int16_t> kSchoolBasicMix[] = {
    {kGuru, 86},           {kPengadministrasiPerkantoran, 6},
    {kOperatorLayanan, 3}, {kPramuBakti, 3},
    {kPetugasKeamanan, 1}, {kPustakawan, 1}};
constexpr Weighted<int16_t> kSchoolSecondaryMix[] = {
    {kGuru, 84},          {kPengadministrasiPerkantoran, 6}, {kOperatorLayanan, 3},
    {kPustakawan, 2},     {kPranataLabPendidikan, 2},        {kPramuBakti, 2},
    {kPetugasKeamanan, 1}};
constexpr Weighted<int16_t> kPuskesmasMix[] = {{kPerawat, 26},
                                               {kBidan, 22},
                                               {kDokter, 7},
                                               {kDokterGigi, 3},
                                               {kApoteker, 3},
                                               {kTenagaTeknisKefarmasian, 4},
                                               {kPranataLabKesehatan, 4},
                                               {kNutrisionis, 4},
                                               {kSanitasiLingkungan, 4},
                                               {kPenyuluhKesehatan, 3},
                                               {kEpidemiolog, 2},
                                               {kPerekamMedis, 3},
                                               {kAdministratorKesehatan, 2},
                                               {kPengadministrasiPerkantoran, 6},
                                               {kOperatorLayanan, 3},
                                               {kPengemudi, 2},
                                               {kPramuBakti, 2}};
constexpr Weighted<int16_t> kHospitalMix[] = {{kPerawat, 38},
                                              {kBidan, 8},
                                              {kDokter, 10},
                                              {kDokterGigi, 1},
                                              {kApoteker, 3},
                                              {kTenagaTeknisKefarmasian, 3},
                                              {kPranataLabKesehatan, 4},
                                              {kRadiografer, 2},
                                              {kFisioterapis, 2},
                                              {kElektromedis, 1},
                                              {kNutrisionis, 2},
                                              {kPerekamMedis, 3},
                                              {kSanitasiLingkungan, 1},
                                              {kAdministratorKesehatan, 2},
                                              {kPengadministrasiPerkantoran, 8},
                                              {kOperatorLayanan, 4},
                                              {kPengelolaLayanan, 4},
                                              {kPengemudi, 2},
                                              {kPramuBakti, 2}};
constexpr Weighted<int16_t> kPolicingMix[] = {{kPolisiPamongPraja, 60}, {kOfficeExecutor, 40}};
constexpr Weighted<int16_t> kFirefightingMix[] = {
    {kAnalisKebakaran, 12}, {kPetugasPemadam, 58}, {kOfficeExecutor, 30}};

constexpr Weighted<int16_t> kOfficeExecutors[] = {{kPengadministrasiPerkantoran, 28},
                                                  {kOperatorLayanan, 16},
                                                  {kPengelolaLayanan, 24},
                                                  {kPenataLayanan, 24},
                                                  {kPenelaahTeknis, 10},
                                                  {kPengadministrasiUmum, 4},
                                                  {kBendahara, 3},
                                                  {kPengemudi, 3},
                                                  {kPramuBakti, 2},
                                                  {kPetugasKeamanan, 1}};
constexpr Weighted<int16_t> kGeneralFunctionals[] = {
    {kAnalisKebijakan, 4}, {kPranataKomputer, 3}, {kArsiparis, 2},      {kPerencana, 2},
    {kAnalisSdma, 1},      {kPranataHumas, 1},    {kAnalisKeuangan, 1}, {kPengelolaPbj, 1}};

// Functional families of each trade.
constexpr Weighted<int16_t> kGovernmentJobs[] = {
    {kAnalisKebijakan, 4}, {kPranataKomputer, 1}, {kArsiparis, 1}};
constexpr Weighted<int16_t> kEducationOfficeJobs[] = {
    {kPengawasSekolah, 4}, {kPenilik, 2}, {kAnalisKebijakan, 1}, {kPranataKomputer, 1}};
constexpr Weighted<int16_t> kHealthOfficeJobs[] = {
    {kAdministratorKesehatan, 3}, {kEpidemiolog, 2}, {kPenyuluhKesehatan, 2},
    {kSanitasiLingkungan, 1},     {kNutrisionis, 1}, {kApoteker, 1}};
constexpr Weighted<int16_t> kInspectorateJobs[] = {{kAuditor, 5}, {kP2upd, 4}};
constexpr Weighted<int16_t> kPlanningJobs[] = {
    {kPerencana, 5}, {kAnalisKebijakan, 2}, {kStatistisi, 1}};
constexpr Weighted<int16_t> kPersonnelJobs[] = {
    {kAnalisSdma, 5}, {kPranataSdma, 3}, {kPranataKomputer, 1}};
constexpr Weighted<int16_t> kFinanceJobs[] = {
    {kAnalisKeuangan, 4}, {kAnalisAnggaran, 2}, {kPenataLaksanaBarang, 2}};
constexpr Weighted<int16_t> kRevenueJobs[] = {{kAnalisKeuangan, 3}, {kPranataKomputer, 1}};
constexpr Weighted<int16_t> kPublicWorksJobs[] = {
    {kTeknikJalan, 3}, {kTeknikPengairan, 2}, {kPenataRuang, 2}};
constexpr Weighted<int16_t> kCivilRegistryJobs[] = {{kAdministratorDatabaseKependudukan, 5},
                                                    {kPranataKomputer, 1}};
constexpr Weighted<int16_t> kTransportJobs[] = {{kPengujiKendaraan, 4}, {kAnalisKebijakan, 1}};
constexpr Weighted<int16_t> kSocialJobs[] = {{kPekerjaSosial, 4}, {kPenyuluhSosial, 2}};
constexpr Weighted<int16_t> kEnvironmentJobs[] = {{kPengendaliDampak, 3}, {kPengawasLingkungan, 3}};
constexpr Weighted<int16_t> kCommunicationJobs[] = {
    {kPranataKomputer, 4}, {kPranataHumas, 3}, {kStatistisi, 2}, {kSandiman, 2}};
constexpr Weighted<int16_t> kAgricultureJobs[] = {
    {kPenyuluhPertanian, 5}, {kPengawasBenih, 1}, {kMedikVeteriner, 1}, {kParamedikVeteriner, 1}};
constexpr Weighted<int16_t> kFisheriesJobs[] = {{kPenyuluhPerikanan, 5}, {kAnalisKebijakan, 1}};
constexpr Weighted<int16_t> kLibraryJobs[] = {{kPustakawan, 5}, {kArsiparis, 4}};
constexpr Weighted<int16_t> kManpowerJobs[] = {{kPengantarKerja, 3}, {kMediatorHi, 2}};
constexpr Weighted<int16_t> kTradeJobs[] = {{kPengawasPerdagangan, 3}, {kPenera, 2}};
constexpr Weighted<int16_t> kTourismJobs[] = {{kPamongBudaya, 3}, {kAdyatama, 3}};
constexpr Weighted<int16_t> kFamilyJobs[] = {{kPenyuluhKb, 5}, {kAnalisKebijakan, 1}};
constexpr Weighted<int16_t> kCooperativesJobs[] = {{kPengawasKoperasi, 4}, {kAnalisKebijakan, 1}};
constexpr Weighted<int16_t> kProcurementJobs[] = {{kPengelolaPbj, 6}};
constexpr Weighted<int16_t> kLawJobs[] = {{kPerancangPeraturan, 5}, {kAnalisKebijakan, 1}};
constexpr Weighted<int16_t> kFireJobs[] = {{kAnalisKebakaran, 1}};
constexpr Weighted<int16_t> kPolicingJobs[] = {{kPolisiPamongPraja, 1}};

Mix ProfileMix(StaffProfile profile) {
  switch (profile) {
    case StaffProfile::kAdmin:
    case StaffProfile::kNone:
      return kAdminMix;
    case StaffProfile::kAdminHub:
      return kAdminHubMix;
    case StaffProfile::kTerritorial:
      return kTerritorialMix;
    case StaffProfile::kSchoolBasic:
      return kSchoolBasicMix;
    case StaffProfile::kSchoolSecondary:
      return kSchoolSecondaryMix;
    case StaffProfile::kPuskesmas:
      return kPuskesmasMix;
    case StaffProfile::kHospital:
      return kHospitalMix;
    case StaffProfile::kPolicing:
      return kPolicingMix;
    case StaffProfile::kFirefighting:
      return kFirefightingMix;
  }
  return kAdminMix;
}

Mix SpecialtyJobs(Specialty specialty) {
  switch (specialty) {
    case Specialty::kGeneral:
      return kGeneralFunctionals;
    case Specialty::kGovernment:
      return kGovernmentJobs;
    case Specialty::kEducationOffice:
      return kEducationOfficeJobs;
    case Specialty::kHealthOffice:
      return kHealthOfficeJobs;
    case Specialty::kInspectorate:
      return kInspectorateJobs;
    case Specialty::kPlanning:
      return kPlanningJobs;
    case Specialty::kPersonnel:
      return kPersonnelJobs;
    case Specialty::kFinance:
      return kFinanceJobs;
    case Specialty::kRevenue:
      return kRevenueJobs;
    case Specialty::kPublicWorks:
      return kPublicWorksJobs;
    case Specialty::kCivilRegistry:
      return kCivilRegistryJobs;
    case Specialty::kTransport:
      return kTransportJobs;
    case Specialty::kSocial:
      return kSocialJobs;
    case Specialty::kEnvironment:
      return kEnvironmentJobs;
    case Specialty::kCommunication:
      return kCommunicationJobs;
    case Specialty::kAgriculture:
      return kAgricultureJobs;
    case Specialty::kFisheries:
      return kFisheriesJobs;
    case Specialty::kLibrary:
      return kLibraryJobs;
    case Specialty::kManpower:
      return kManpowerJobs;
    case Specialty::kTrade:
      return kTradeJobs;
    case Specialty::kTourism:
      return kTourismJobs;
    case Specialty::kFamily:
      return kFamilyJobs;
    case Specialty::kCooperatives:
      return kCooperativesJobs;
    case Specialty::kProcurement:
      return kProcurementJobs;
    case Specialty::kLaw:
      return kLawJobs;
    case Specialty::kFire:
      return kFireJobs;
    case Specialty::kPolicing:
      return kPolicingJobs;
  }
  return kGeneralFunctionals;
}

PositionSpec MakeFunctional(int job, int level) {
  const JobRow& row = kJobs[job];
  const LevelRule& rule = kLevels[level];
  PositionSpec spec;
  spec.title = std::string(row.name).append(" ").append(rule.suffix);
  spec.type = JobType::kFunctional;
  spec.entry_golongan = std::max<int8_t>(rule.entry, row.entry);
  spec.golongan_min = std::max(rule.golongan_min, spec.entry_golongan);
  spec.golongan_max = std::max(rule.golongan_max, spec.golongan_min);
  spec.age_max = row.retire_at_60 ? std::max<int8_t>(rule.age_max, 59) : rule.age_max;
  spec.female_share = row.female;
  spec.pppk_grade = rule.pppk_grade;
  spec.job = static_cast<int16_t>(job);
  spec.level = static_cast<int8_t>(level);
  return spec;
}

PositionSpec MakeExecutor(int job) {
  const JobRow& row = kJobs[job];
  PositionSpec spec;
  spec.title = std::string(row.name);
  spec.type = JobType::kExecutor;
  spec.golongan_min = row.golongan_min;
  spec.golongan_max = row.golongan_max;
  spec.entry_golongan = row.golongan_min;
  spec.age_max = 57;
  spec.female_share = row.female;
  spec.pppk_grade = row.pppk_grade;
  spec.job = static_cast<int16_t>(job);
  return spec;
}

PositionSpec MakeLeader(Eselon eselon) {
  struct Rule {
    int8_t golongan_min, golongan_max, age_min, age_max;
    float female;
  };
  // II: IV/b-IV/d (I.b up to IV/e), III: III/d-IV/b, IV: III/b-III/d. JPT retire at 60.
  Rule rule{9, 11, 30, 57, 0.45f};
  switch (eselon) {
    case Eselon::kIb:
      rule = {15, 16, 50, 59, 0.15f};
      break;
    case Eselon::kIIa:
      rule = {14, 15, 45, 59, 0.2f};
      break;
    case Eselon::kIIb:
      rule = {13, 15, 42, 59, 0.25f};
      break;
    case Eselon::kIIIa:
      rule = {11, 13, 38, 57, 0.35f};
      break;
    case Eselon::kIIIb:
      rule = {11, 12, 35, 57, 0.4f};
      break;
    case Eselon::kIVa:
      rule = {9, 11, 30, 57, 0.45f};
      break;
    case Eselon::kIVb:
      rule = {9, 10, 28, 57, 0.45f};
      break;
    case Eselon::kNone:
      break;
  }
  PositionSpec spec;
  spec.type = JobType::kStructural;
  spec.golongan_min = rule.golongan_min;
  spec.golongan_max = rule.golongan_max;
  spec.entry_golongan = 8;
  spec.age_min = rule.age_min;
  spec.age_max = rule.age_max;
  spec.female_share = rule.female;
  return spec;
}

}  // namespace

std::string_view JobTypeCode(JobType type) {
  switch (type) {
    case JobType::kStructural:
      return "1";
    case JobType::kFunctional:
      return "2";
    case JobType::kExecutor:
      return "4";
  }
  return "4";
}

std::string_view GolonganCode(int index) {
  static constexpr std::string_view kCodes[kGolonganCount] = {"11", "12", "13", "14", "21", "22",
                                                              "23", "24", "31", "32", "33", "34",
                                                              "41", "42", "43", "44", "45"};
  return kCodes[std::clamp(index, 0, kGolonganCount - 1)];
}

std::string_view PppkGradeText(int grade) {
  static constexpr std::string_view kGrades[17] = {"I",    "II",   "III", "IV",  "V",   "VI",
                                                   "VII",  "VIII", "IX",  "X",   "XI",  "XII",
                                                   "XIII", "XIV",  "XV",  "XVI", "XVII"};
  return kGrades[std::clamp(grade, 1, 17) - 1];
}

int EntryAge(int entry_golongan) {
  if (entry_golongan < 6) return 19;  // school leavers (golongan I, II/a), past 18 for sure
  if (entry_golongan < 8) return 21;  // diploma, II/c
  if (entry_golongan < 9) return 23;  // bachelor, III/a
  return 25;                          // master or profession (doctor, pharmacist), III/b
}

const PositionCatalog& PositionCatalog::Get() {
  static const PositionCatalog* const kCatalog = new PositionCatalog();
  return *kCatalog;
}

PositionCatalog::PositionCatalog() : level_index_(kJobCount) {
  for (int job = 0; job < kJobCount; ++job) {
    auto& levels = level_index_[job];
    levels.fill(-1);
    const Scale scale = kJobs[job].scale;
    if (scale == Scale::kExecutor) {
      levels[0] = static_cast<int>(positions_.size());
      positions_.push_back(MakeExecutor(job));
      continue;
    }
    for (int level = 0; level < 8; ++level) {
      const bool skilled = level < 4;
      if ((skilled && scale == Scale::kExpert) || (!skilled && scale == Scale::kSkilled)) continue;
      levels[level] = static_cast<int>(positions_.size());
      positions_.push_back(MakeFunctional(job, level));
    }
  }
  for (int e = 0; e <= static_cast<int>(Eselon::kIVb); ++e) {
    leaders_.push_back(MakeLeader(static_cast<Eselon>(e)));
  }
}

const PositionSpec* PositionCatalog::AtLevel(int job, int level) const {
  const int index = level_index_[job][level];
  return index < 0 ? nullptr : &positions_[index];
}

const PositionSpec& PositionCatalog::Functional(int job, Rng& rng) const {
  const JobRow& row = kJobs[job];
  if (row.scale == Scale::kExecutor) return positions_[level_index_[job][0]];
  const bool skilled =
      row.scale == Scale::kSkilled || (row.scale == Scale::kBoth && rng.Chance(row.skilled_share));
  const int* weights = skilled ? kSkilledWeights : kExpertWeights[static_cast<int>(row.ladder)];
  int ticket = static_cast<int>(rng.Below(100));
  int level = 0;
  while (level < 3 && ticket >= weights[level]) ticket -= weights[level++];
  return *AtLevel(job, level + (skilled ? 0 : 4));
}

const PositionSpec& PositionCatalog::PickStaff(StaffProfile profile, Specialty specialty,
                                               Rng& rng) const {
  int16_t job = PickWeighted(ProfileMix(profile), rng);
  if (job == kFromSpecialty) job = PickWeighted(SpecialtyJobs(specialty), rng);
  if (job == kGeneralFunctional) job = PickWeighted<int16_t>(kGeneralFunctionals, rng);
  if (job == kOfficeExecutor) job = PickWeighted<int16_t>(kOfficeExecutors, rng);
  return Functional(job, rng);
}

const PositionSpec& PositionCatalog::ForPppk(const PositionSpec& position, Rng& rng) const {
  if (position.type != JobType::kFunctional) return position;
  // PPPK are appointed at the first level of a ladder, a few at the second.
  const bool skilled = position.level < 4;
  const int first = skilled ? 1 : 4;
  const PositionSpec* second = AtLevel(position.job, first + 1);
  if (second != nullptr && position.level > first && rng.Chance(0.15)) return *second;
  const PositionSpec* entry = AtLevel(position.job, first);
  return entry != nullptr ? *entry : position;
}

const PositionSpec& PositionCatalog::Leader(Eselon eselon) const {
  return leaders_[static_cast<int>(eselon)];
}

const PositionSpec& PositionCatalog::FunctionalHead(StaffProfile profile, Rng& rng) const {
  // Level indices: 5 Ahli Muda, 6 Ahli Madya.
  if (profile == StaffProfile::kPuskesmas) {
    struct Head {
      int16_t job;
      int8_t level;
    };
    static constexpr Weighted<Head> kHeads[] = {{{kDokter, 6}, 30},
                                                {{kDokter, 5}, 25},
                                                {{kDokterGigi, 5}, 10},
                                                {{kAdministratorKesehatan, 5}, 20},
                                                {{kPerawat, 5}, 15}};
    const Head head = PickWeighted<Head>(kHeads, rng);
    return *AtLevel(head.job, head.level);
  }
  return *AtLevel(kGuru, rng.Chance(0.65) ? 6 : 5);
}

}  // namespace kinerja::gen
