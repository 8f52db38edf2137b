#include "tools/gen/unit_catalog.h"

#include <utility>

namespace kinerja::gen {
namespace {

using enum Specialty;

constexpr uint8_t kCity = 1, kRegency = 2, kProvince = 4, kLocal = kCity | kRegency,
                  kAll = kCity | kRegency | kProvince;

uint8_t KindBit(AgencyKind kind) {
  switch (kind) {
    case AgencyKind::kCity:
      return kCity;
    case AgencyKind::kRegency:
      return kRegency;
    case AgencyKind::kProvince:
      return kProvince;
  }
  return kCity;
}

UnitTemplate MakeUnit(std::string_view name, Role role, Specialty specialty,
                      std::vector<UnitTemplate> children = {}) {
  UnitTemplate unit;
  unit.name = std::string(name);
  unit.title = DefaultLeaderTitle(name);
  unit.role = role;
  unit.specialty = specialty;
  unit.children = std::move(children);
  return unit;
}

// A division (bidang, bagian, biro, ...) with its sections.
struct Div {
  std::string_view name;
  std::vector<std::string_view> sections;
  Specialty specialty = kGeneral;  // kGeneral: the office's own
};

struct OfficeOptions {
  bool mandatory = false;
  BulkHost bulk = BulkHost::kNone;
  std::string_view title = {};                        // empty: DefaultLeaderTitle
  StaffProfile field_profile = StaffProfile::kAdmin;  // staff of the divisions' leaves
  float field_weight = 1.0f;
  bool secretariat = true;
  Role division_role = Role::kDivision;
  Role section_role = Role::kSection;
};

UnitTemplate MakeDivision(const Div& div, Specialty office_specialty,
                          const OfficeOptions& options) {
  const Specialty specialty = div.specialty == kGeneral ? office_specialty : div.specialty;
  std::vector<UnitTemplate> sections;
  for (std::string_view section : div.sections) {
    sections.push_back(MakeUnit(section, options.section_role, specialty));
    sections.back().leaf_profile = options.field_profile;
    sections.back().leaf_weight = options.field_weight;
  }
  UnitTemplate unit = MakeUnit(div.name, options.division_role, specialty, std::move(sections));
  unit.leaf_profile = options.field_profile;
  unit.leaf_weight = options.field_weight;
  return unit;
}

OfficeTemplate MakeOffice(std::string_view name, Specialty specialty, const std::vector<Div>& divs,
                          const OfficeOptions& options = {}) {
  std::vector<UnitTemplate> children;
  if (options.secretariat) {
    std::vector<UnitTemplate> parts;
    parts.push_back(MakeUnit("Subbagian Umum dan Kepegawaian", Role::kSubPart, specialty));
    parts.push_back(MakeUnit("Subbagian Keuangan dan Aset", Role::kSubPart, specialty));
    if (divs.size() >= 4) {
      parts.push_back(
          MakeUnit("Subbagian Perencanaan, Evaluasi dan Pelaporan", Role::kSubPart, specialty));
    }
    children.push_back(MakeUnit(std::string("Sekretariat ").append(name), Role::kOfficeSecretary,
                                specialty, std::move(parts)));
  }
  for (const Div& div : divs) children.push_back(MakeDivision(div, specialty, options));
  OfficeTemplate office;
  office.unit = MakeUnit(name, Role::kOfficeHead, specialty, std::move(children));
  if (!options.title.empty()) office.unit.title = std::string(options.title);
  office.unit.leaf_profile = options.field_profile;
  office.unit.leaf_weight = options.field_weight;
  office.mandatory = options.mandatory;
  office.bulk = options.bulk;
  return office;
}

// Sekretariat Daerah: Asisten -> Bagian -> Subbagian (cities, regencies) or
// Asisten -> Biro -> Bagian (provinces).
OfficeTemplate Secretariat(AgencyKind kind) {
  const bool province = kind == AgencyKind::kProvince;
  struct Group {
    std::string_view assistant;
    std::vector<Div> divisions;
  };
  const std::vector<Group> groups =
      province
          ? std::vector<Group>{{"Asisten Pemerintahan dan Kesejahteraan Rakyat",
                                {{"Biro Pemerintahan dan Otonomi Daerah",
                                  {"Bagian Administrasi Pemerintahan", "Bagian Otonomi Daerah",
                                   "Bagian Kerja Sama"}},
                                 {"Biro Hukum",
                                  {"Bagian Perundang-undangan", "Bagian Bantuan Hukum"},
                                  kLaw},
                                 {"Biro Kesejahteraan Rakyat",
                                  {"Bagian Bina Mental Spiritual",
                                   "Bagian Kesejahteraan Sosial"}}}},
                               {"Asisten Perekonomian dan Pembangunan",
                                {{"Biro Perekonomian",
                                  {"Bagian Perekonomian", "Bagian Sumber Daya Alam"}},
                                 {"Biro Administrasi Pembangunan",
                                  {"Bagian Pengendalian Program", "Bagian Evaluasi dan Pelaporan"}},
                                 {"Biro Pengadaan Barang dan Jasa",
                                  {"Bagian Pengelolaan Pengadaan Barang/Jasa",
                                   "Bagian Layanan Pengadaan Secara Elektronik"},
                                  kProcurement}}},
                               {"Asisten Administrasi Umum",
                                {{"Biro Umum",
                                  {"Bagian Tata Usaha", "Bagian Rumah Tangga", "Bagian Keuangan"}},
                                 {"Biro Organisasi",
                                  {"Bagian Kelembagaan dan Analisis Jabatan",
                                   "Bagian Reformasi Birokrasi dan Akuntabilitas Kinerja"}},
                                 {"Biro Administrasi Pimpinan",
                                  {"Bagian Protokol", "Bagian Komunikasi Pimpinan"}}}}}
          : std::vector<Group>{
                {"Asisten Pemerintahan dan Kesejahteraan Rakyat",
                 {{"Bagian Pemerintahan",
                   {"Subbagian Administrasi Pemerintahan",
                    "Subbagian Otonomi Daerah dan Kerja Sama"}},
                  {"Bagian Hukum",
                   {"Subbagian Perundang-undangan", "Subbagian Bantuan Hukum"},
                   kLaw},
                  {"Bagian Kesejahteraan Rakyat",
                   {"Subbagian Bina Mental Spiritual", "Subbagian Kesejahteraan Sosial"}}}},
                {"Asisten Perekonomian dan Pembangunan",
                 {{"Bagian Perekonomian dan Sumber Daya Alam",
                   {"Subbagian Perekonomian", "Subbagian Sumber Daya Alam"}},
                  {"Bagian Administrasi Pembangunan",
                   {"Subbagian Pengendalian Program", "Subbagian Evaluasi dan Pelaporan"}},
                  {"Bagian Pengadaan Barang dan Jasa",
                   {"Subbagian Pengelolaan Pengadaan Barang/Jasa",
                    "Subbagian Layanan Pengadaan Secara Elektronik"},
                   kProcurement}}},
                {"Asisten Administrasi Umum",
                 {{"Bagian Umum",
                   {"Subbagian Tata Usaha Pimpinan", "Subbagian Rumah Tangga",
                    "Subbagian Keuangan"}},
                  {"Bagian Organisasi",
                   {"Subbagian Kelembagaan dan Analisis Jabatan",
                    "Subbagian Reformasi Birokrasi dan Akuntabilitas Kinerja"}},
                  {"Bagian Protokol dan Komunikasi Pimpinan",
                   {"Subbagian Protokol", "Subbagian Komunikasi Pimpinan"}}}}};
  OfficeOptions options;
  options.division_role = province ? Role::kBureau : Role::kPart;
  options.section_role = province ? Role::kPart : Role::kSubPart;
  std::vector<UnitTemplate> assistants;
  for (const Group& group : groups) {
    std::vector<UnitTemplate> divisions;
    for (const Div& div : group.divisions) {
      divisions.push_back(MakeDivision(div, kGovernment, options));
    }
    assistants.push_back(
        MakeUnit(group.assistant, Role::kAssistant, kGovernment, std::move(divisions)));
  }
  OfficeTemplate office;
  office.unit = MakeUnit("Sekretariat Daerah", Role::kSekda, kGovernment, std::move(assistants));
  office.mandatory = true;
  return office;
}

std::vector<OfficeTemplate> BuildOffices(AgencyKind kind) {
  const uint8_t bit = KindBit(kind);
  std::vector<OfficeTemplate> offices;
  auto add = [&](uint8_t kinds, OfficeTemplate office) {
    if ((kinds & bit) != 0) offices.push_back(std::move(office));
  };
  offices.push_back(Secretariat(kind));
  add(kLocal,
      MakeOffice("Dinas Pendidikan", kEducationOffice,
                 {{"Bidang Pembinaan Sekolah Dasar",
                   {"Seksi Kurikulum dan Penilaian Sekolah Dasar",
                    "Seksi Peserta Didik dan Pembangunan Karakter Sekolah Dasar",
                    "Seksi Kelembagaan dan Sarana Prasarana Sekolah Dasar"}},
                  {"Bidang Pembinaan Sekolah Menengah Pertama",
                   {"Seksi Kurikulum dan Penilaian Sekolah Menengah Pertama",
                    "Seksi Peserta Didik dan Pembangunan Karakter Sekolah Menengah Pertama",
                    "Seksi Kelembagaan dan Sarana Prasarana Sekolah Menengah Pertama"}},
                  {"Bidang Pembinaan Pendidikan Anak Usia Dini dan Pendidikan Nonformal",
                   {"Seksi Kurikulum dan Penilaian PAUD dan Pendidikan Nonformal",
                    "Seksi Kelembagaan dan Sarana Prasarana PAUD dan Pendidikan Nonformal"}},
                  {"Bidang Pembinaan Ketenagaan", {"Seksi Pendidik", "Seksi Tenaga Kependidikan"}}},
                 {.mandatory = true, .bulk = BulkHost::kEducation}));
  add(kProvince, MakeOffice("Dinas Pendidikan dan Kebudayaan", kEducationOffice,
                            {{"Bidang Pembinaan Sekolah Menengah Atas",
                              {"Seksi Kurikulum dan Penilaian Sekolah Menengah Atas",
                               "Seksi Peserta Didik Sekolah Menengah Atas",
                               "Seksi Kelembagaan dan Sarana Prasarana Sekolah Menengah Atas"}},
                             {"Bidang Pembinaan Sekolah Menengah Kejuruan",
                              {"Seksi Kurikulum dan Penilaian Sekolah Menengah Kejuruan",
                               "Seksi Peserta Didik Sekolah Menengah Kejuruan",
                               "Seksi Kelembagaan dan Sarana Prasarana Sekolah Menengah Kejuruan"}},
                             {"Bidang Pembinaan Pendidikan Khusus",
                              {"Seksi Kurikulum dan Peserta Didik Pendidikan Khusus",
                               "Seksi Kelembagaan Pendidikan Khusus"}},
                             {"Bidang Guru dan Tenaga Kependidikan",
                              {"Seksi Pendidik", "Seksi Tenaga Kependidikan"}},
                             {"Bidang Kebudayaan",
                              {"Seksi Cagar Budaya dan Permuseuman", "Seksi Kesenian dan Tradisi"},
                              kTourism}},
                            {.mandatory = true, .bulk = BulkHost::kEducation}));
  add(kAll,
      MakeOffice(
          "Dinas Kesehatan", kHealthOffice,
          {{"Bidang Kesehatan Masyarakat",
            {"Seksi Kesehatan Keluarga dan Gizi", "Seksi Promosi dan Pemberdayaan Masyarakat",
             "Seksi Kesehatan Lingkungan, Kesehatan Kerja dan Olahraga"}},
           {"Bidang Pencegahan dan Pengendalian Penyakit",
            {"Seksi Surveilans dan Imunisasi", "Seksi Pencegahan dan Pengendalian Penyakit Menular",
             "Seksi Pencegahan dan Pengendalian Penyakit Tidak Menular dan Kesehatan "
             "Jiwa"}},
           {"Bidang Pelayanan Kesehatan",
            {"Seksi Pelayanan Kesehatan Primer", "Seksi Pelayanan Kesehatan Rujukan",
             "Seksi Pelayanan Kesehatan Tradisional"}},
           {"Bidang Sumber Daya Kesehatan",
            {"Seksi Kefarmasian", "Seksi Alat Kesehatan dan PKRT",
             "Seksi Sumber Daya Manusia Kesehatan"}}},
          {.mandatory = true, .bulk = BulkHost::kHealth}));
  add(kAll, MakeOffice("Inspektorat Daerah", kInspectorate,
                       {{"Inspektur Pembantu Wilayah I", {}},
                        {"Inspektur Pembantu Wilayah II", {}},
                        {"Inspektur Pembantu Wilayah III", {}},
                        {"Inspektur Pembantu Wilayah IV", {}},
                        {"Inspektur Pembantu Khusus", {}}},
                       {.title = "Inspektur", .division_role = Role::kPart}));
  const std::vector<Div> personnel = {
      {"Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian",
       {"Subbidang Pengadaan dan Pemberhentian", "Subbidang Data dan Informasi Kepegawaian"}},
      {"Bidang Mutasi dan Promosi", {"Subbidang Mutasi", "Subbidang Promosi dan Kepangkatan"}},
      {"Bidang Pengembangan Kompetensi Aparatur",
       {"Subbidang Pengembangan Kompetensi Manajerial",
        "Subbidang Pengembangan Kompetensi Teknis dan Fungsional"}},
      {"Bidang Penilaian Kinerja Aparatur dan Penghargaan",
       {"Subbidang Penilaian Kinerja", "Subbidang Disiplin dan Penghargaan"}}};
  add(kLocal,
      MakeOffice("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", kPersonnel, personnel));
  add(kProvince, MakeOffice("Badan Kepegawaian Daerah", kPersonnel, personnel));
  add(kAll, MakeOffice("Badan Perencanaan Pembangunan Daerah", kPlanning,
                       {{"Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
                         {"Subbidang Perencanaan", "Subbidang Pengendalian dan Evaluasi"}},
                        {"Bidang Perekonomian dan Sumber Daya Alam",
                         {"Subbidang Perekonomian", "Subbidang Sumber Daya Alam"}},
                        {"Bidang Pemerintahan dan Pembangunan Manusia",
                         {"Subbidang Pemerintahan", "Subbidang Pembangunan Manusia"}},
                        {"Bidang Infrastruktur dan Kewilayahan",
                         {"Subbidang Infrastruktur", "Subbidang Kewilayahan"}}}));
  add(kAll, MakeOffice(
                "Badan Pengelolaan Keuangan dan Aset Daerah", kFinance,
                {{"Bidang Anggaran",
                  {"Subbidang Perencanaan Anggaran", "Subbidang Pengendalian Anggaran"}},
                 {"Bidang Perbendaharaan", {"Subbidang Belanja", "Subbidang Kas Daerah"}},
                 {"Bidang Akuntansi",
                  {"Subbidang Akuntansi dan Pelaporan", "Subbidang Evaluasi Keuangan"}},
                 {"Bidang Aset", {"Subbidang Penatausahaan Aset", "Subbidang Pemanfaatan Aset"}}}));
  add(kLocal, MakeOffice("Dinas Kependudukan dan Pencatatan Sipil", kCivilRegistry,
                         {{"Bidang Pelayanan Pendaftaran Penduduk",
                           {"Seksi Identitas Penduduk", "Seksi Pindah Datang Penduduk",
                            "Seksi Pendataan Penduduk"}},
                          {"Bidang Pelayanan Pencatatan Sipil",
                           {"Seksi Kelahiran", "Seksi Perkawinan dan Perceraian",
                            "Seksi Perubahan Status Anak, Pewarganegaraan dan Kematian"}},
                          {"Bidang Pengelolaan Informasi Administrasi Kependudukan",
                           {"Seksi Sistem Informasi Administrasi Kependudukan",
                            "Seksi Pengolahan dan Penyajian Data Kependudukan"}},
                          {"Bidang Pemanfaatan Data dan Inovasi Pelayanan",
                           {"Seksi Kerja Sama", "Seksi Inovasi Pelayanan"}}}));
  add(kAll,
      MakeOffice(
          "Dinas Pekerjaan Umum dan Penataan Ruang", kPublicWorks,
          {{"Bidang Bina Marga",
            {"Seksi Pembangunan Jalan dan Jembatan", "Seksi Pemeliharaan Jalan dan Jembatan"}},
           {"Bidang Sumber Daya Air", {"Seksi Irigasi dan Rawa", "Seksi Sungai, Danau dan Pantai"}},
           {"Bidang Cipta Karya", {"Seksi Air Minum", "Seksi Penyehatan Lingkungan Permukiman"}},
           {"Bidang Penataan Ruang",
            {"Seksi Perencanaan Tata Ruang", "Seksi Pengendalian Pemanfaatan Ruang"}}},
          {.field_weight = 1.3f}));
  add(kAll,
      MakeOffice("Dinas Sosial", kSocial,
                 {{"Bidang Rehabilitasi Sosial",
                   {"Seksi Rehabilitasi Sosial Anak dan Lanjut Usia",
                    "Seksi Rehabilitasi Sosial Penyandang Disabilitas"}},
                  {"Bidang Perlindungan dan Jaminan Sosial",
                   {"Seksi Perlindungan Sosial Korban Bencana", "Seksi Jaminan Sosial Keluarga"}},
                  {"Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin",
                   {"Seksi Pemberdayaan Sosial", "Seksi Penanganan Fakir Miskin"}}}));
  add(kAll, MakeOffice("Dinas Perhubungan", kTransport,
                       {{"Bidang Lalu Lintas",
                         {"Seksi Manajemen dan Rekayasa Lalu Lintas",
                          "Seksi Pengendalian dan Operasional Lalu Lintas"}},
                        {"Bidang Angkutan", {"Seksi Angkutan Orang", "Seksi Angkutan Barang"}},
                        {"Bidang Sarana dan Prasarana",
                         {"Seksi Pengujian Kendaraan Bermotor", "Seksi Perparkiran"}}},
                       {.field_weight = 1.3f}));
  add(kAll, MakeOffice("Dinas Komunikasi dan Informatika", kCommunication,
                       {{"Bidang Informasi dan Komunikasi Publik",
                         {"Seksi Pengelolaan Informasi Publik", "Seksi Kemitraan Media"}},
                        {"Bidang Aplikasi Informatika",
                         {"Seksi Pengembangan Aplikasi", "Seksi Tata Kelola E-Government"}},
                        {"Bidang Persandian dan Statistik",
                         {"Seksi Persandian", "Seksi Statistik Sektoral"}},
                        {"Bidang Infrastruktur Teknologi Informasi dan Komunikasi",
                         {"Seksi Infrastruktur Jaringan", "Seksi Keamanan Informasi"}}}));
  add(kAll, MakeOffice("Dinas Lingkungan Hidup", kEnvironment,
                       {{"Bidang Tata Lingkungan",
                         {"Seksi Kajian Dampak Lingkungan", "Seksi Pemeliharaan Lingkungan Hidup"}},
                        {"Bidang Pengelolaan Sampah dan Limbah Bahan Berbahaya dan Beracun",
                         {"Seksi Pengurangan Sampah", "Seksi Penanganan Sampah",
                          "Seksi Pengelolaan Limbah Bahan Berbahaya dan Beracun"}},
                        {"Bidang Pengendalian Pencemaran dan Kerusakan Lingkungan",
                         {"Seksi Pemantauan Lingkungan", "Seksi Penegakan Hukum Lingkungan"}},
                        {"Bidang Pertamanan dan Ruang Terbuka Hijau",
                         {"Seksi Pertamanan", "Seksi Ruang Terbuka Hijau"}}},
                       {.field_weight = 1.3f}));
  add(kAll,
      MakeOffice(
          "Satuan Polisi Pamong Praja", kPolicing,
          {{"Bidang Penegakan Peraturan Daerah",
            {"Seksi Pembinaan, Pengawasan dan Penyuluhan", "Seksi Penyelidikan dan Penyidikan"}},
           {"Bidang Ketertiban Umum dan Ketenteraman Masyarakat",
            {"Seksi Operasi dan Pengendalian", "Seksi Kerja Sama"}},
           {"Bidang Perlindungan Masyarakat",
            {"Seksi Satuan Perlindungan Masyarakat", "Seksi Bina Potensi Masyarakat"}},
           {"Bidang Sumber Daya Aparatur", {"Seksi Pelatihan Dasar", "Seksi Teknis Fungsional"}}},
          {.field_profile = StaffProfile::kPolicing, .field_weight = 2.0f}));
  add(kAll,
      MakeOffice(
          "Sekretariat DPRD", kGovernment,
          {{"Bagian Umum dan Keuangan",
            {"Subbagian Tata Usaha dan Kepegawaian", "Subbagian Keuangan",
             "Subbagian Rumah Tangga"}},
           {"Bagian Persidangan dan Perundang-undangan",
            {"Subbagian Rapat dan Risalah", "Subbagian Perundang-undangan"}},
           {"Bagian Fasilitasi Penganggaran dan Pengawasan",
            {"Subbagian Fasilitasi Penganggaran", "Subbagian Fasilitasi Pengawasan"}}},
          {.secretariat = false, .division_role = Role::kPart, .section_role = Role::kSubPart}));
  add(kAll, MakeOffice(
                "Badan Pendapatan Daerah", kRevenue,
                {{"Bidang Pendataan dan Penetapan", {"Subbidang Pendataan", "Subbidang Penetapan"}},
                 {"Bidang Penagihan dan Keberatan",
                  {"Subbidang Penagihan", "Subbidang Keberatan dan Pengurangan"}},
                 {"Bidang Pengembangan dan Pengendalian",
                  {"Subbidang Pengembangan Pendapatan", "Subbidang Pengendalian dan Evaluasi"}}}));
  add(kAll, MakeOffice("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", kGeneral,
                       {{"Bidang Perencanaan dan Promosi Penanaman Modal", {}},
                        {"Bidang Pelayanan Perizinan", {}},
                        {"Bidang Pengendalian Pelaksanaan Penanaman Modal", {}},
                        {"Bidang Pengaduan dan Informasi Pelayanan", {}}}));
  add(kLocal, MakeOffice("Dinas Perumahan Rakyat dan Kawasan Permukiman", kPublicWorks,
                         {{"Bidang Perumahan", {}},
                          {"Bidang Kawasan Permukiman", {}},
                          {"Bidang Pertanahan", {}}}));
  add(kLocal, MakeOffice("Dinas Pengendalian Penduduk dan Keluarga Berencana", kFamily,
                         {{"Bidang Pengendalian Penduduk dan Informasi Keluarga", {}},
                          {"Bidang Keluarga Berencana", {}},
                          {"Bidang Ketahanan dan Kesejahteraan Keluarga", {}}}));
  add(kAll, MakeOffice("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", kFamily,
                       {{"Bidang Kualitas Hidup Perempuan", {}},
                        {"Bidang Pemenuhan Hak Anak", {}},
                        {"Bidang Perlindungan Perempuan dan Anak", {}}}));
  add(kLocal, MakeOffice("Dinas Tenaga Kerja", kManpower,
                         {{"Bidang Penempatan dan Perluasan Kesempatan Kerja", {}},
                          {"Bidang Pelatihan dan Produktivitas", {}},
                          {"Bidang Hubungan Industrial dan Jaminan Sosial", {}}}));
  add(kProvince, MakeOffice("Dinas Tenaga Kerja dan Transmigrasi", kManpower,
                            {{"Bidang Penempatan dan Perluasan Kesempatan Kerja", {}},
                             {"Bidang Pelatihan dan Produktivitas", {}},
                             {"Bidang Hubungan Industrial dan Jaminan Sosial", {}},
                             {"Bidang Transmigrasi", {}}}));
  add(kAll, MakeOffice("Dinas Koperasi, Usaha Kecil dan Menengah", kCooperatives,
                       {{"Bidang Kelembagaan dan Pengawasan Koperasi", {}},
                        {"Bidang Pemberdayaan Usaha Kecil dan Menengah", {}}}));
  add(kAll, MakeOffice("Dinas Perdagangan", kTrade,
                       {{"Bidang Perdagangan Dalam Negeri", {}},
                        {"Bidang Pengelolaan Pasar", {}},
                        {"Bidang Metrologi Legal", {}},
                        {"Bidang Perlindungan Konsumen", {}}}));
  add(kRegency | kProvince, MakeOffice("Dinas Perindustrian", kTrade,
                                       {{"Bidang Industri Agro", {}},
                                        {"Bidang Industri Logam, Mesin dan Kimia", {}},
                                        {"Bidang Industri Kecil dan Menengah", {}}}));
  const std::vector<Div> agriculture = {
      {"Bidang Tanaman Pangan dan Hortikultura",
       {"Seksi Produksi Tanaman Pangan", "Seksi Hortikultura"}},
      {"Bidang Peternakan dan Kesehatan Hewan",
       {"Seksi Produksi Peternakan", "Seksi Kesehatan Hewan dan Kesehatan Masyarakat Veteriner"}},
      {"Bidang Penyuluhan",
       {"Seksi Kelembagaan Penyuluhan", "Seksi Metode dan Ketenagaan Penyuluhan"}},
      {"Bidang Ketahanan Pangan",
       {"Seksi Ketersediaan Pangan", "Seksi Konsumsi dan Keamanan Pangan"}}};
  add(kCity, MakeOffice("Dinas Pertanian dan Ketahanan Pangan", kAgriculture, agriculture));
  add(kRegency | kProvince,
      MakeOffice("Dinas Pertanian", kAgriculture, agriculture, {.field_weight = 1.5f}));
  add(kLocal, MakeOffice("Dinas Perikanan", kFisheries,
                         {{"Bidang Perikanan Tangkap", {}},
                          {"Bidang Perikanan Budidaya", {}},
                          {"Bidang Pengolahan dan Pemasaran Hasil Perikanan", {}}}));
  add(kProvince, MakeOffice("Dinas Kelautan dan Perikanan", kFisheries,
                            {{"Bidang Kelautan dan Ruang Laut", {}},
                             {"Bidang Perikanan Tangkap", {}},
                             {"Bidang Perikanan Budidaya", {}},
                             {"Bidang Pengawasan Sumber Daya Kelautan dan Perikanan", {}}}));
  add(kLocal, MakeOffice("Dinas Pariwisata dan Kebudayaan", kTourism,
                         {{"Bidang Destinasi Pariwisata", {}},
                          {"Bidang Pemasaran Pariwisata", {}},
                          {"Bidang Ekonomi Kreatif", {}},
                          {"Bidang Kebudayaan", {}}}));
  add(kProvince, MakeOffice("Dinas Pariwisata", kTourism,
                            {{"Bidang Destinasi Pariwisata", {}},
                             {"Bidang Pemasaran Pariwisata", {}},
                             {"Bidang Ekonomi Kreatif", {}}}));
  add(kAll, MakeOffice("Dinas Pemuda dan Olahraga", kGeneral,
                       {{"Bidang Kepemudaan", {}},
                        {"Bidang Keolahragaan", {}},
                        {"Bidang Sarana dan Prasarana Olahraga", {}}}));
  add(kAll, MakeOffice("Dinas Perpustakaan dan Kearsipan", kLibrary,
                       {{"Bidang Layanan Perpustakaan", {}},
                        {"Bidang Pengembangan Perpustakaan dan Pembudayaan Kegemaran Membaca", {}},
                        {"Bidang Kearsipan", {}}}));
  add(kAll, MakeOffice("Badan Kesatuan Bangsa dan Politik", kGovernment,
                       {{"Bidang Ideologi dan Wawasan Kebangsaan", {}},
                        {"Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan", {}},
                        {"Bidang Ketahanan Ekonomi, Sosial, Budaya dan Agama", {}}}));
  add(kAll, MakeOffice("Badan Penanggulangan Bencana Daerah", kGeneral,
                       {{"Bidang Pencegahan dan Kesiapsiagaan", {}},
                        {"Bidang Kedaruratan dan Logistik", {}},
                        {"Bidang Rehabilitasi dan Rekonstruksi", {}}},
                       {.title = "Kepala Pelaksana Badan Penanggulangan Bencana Daerah"}));
  add(kLocal, MakeOffice("Dinas Pemadam Kebakaran dan Penyelamatan", kFire,
                         {{"Bidang Pencegahan Kebakaran", {}},
                          {"Bidang Pemadaman dan Penyelamatan", {}},
                          {"Bidang Sarana dan Prasarana", {}}},
                         {.field_profile = StaffProfile::kFirefighting, .field_weight = 2.0f}));
  add(kRegency, MakeOffice("Dinas Pemberdayaan Masyarakat dan Desa", kGovernment,
                           {{"Bidang Pemerintahan Desa", {}},
                            {"Bidang Pemberdayaan Masyarakat Desa", {}},
                            {"Bidang Pembangunan Desa", {}}}));
  add(kProvince,
      MakeOffice("Dinas Pemberdayaan Masyarakat, Desa, Kependudukan dan Pencatatan Sipil",
                 kGovernment,
                 {{"Bidang Pemerintahan Desa", {}},
                  {"Bidang Pemberdayaan Masyarakat Desa", {}},
                  {"Bidang Kependudukan dan Pencatatan Sipil", {}, kCivilRegistry}}));
  add(kProvince, MakeOffice("Badan Pengembangan Sumber Daya Manusia", kPersonnel,
                            {{"Bidang Pengembangan Kompetensi Manajerial", {}},
                             {"Bidang Pengembangan Kompetensi Teknis", {}},
                             {"Bidang Sertifikasi Kompetensi dan Pengelolaan Kelembagaan", {}}}));
  add(kProvince, MakeOffice("Dinas Energi dan Sumber Daya Mineral", kPublicWorks,
                            {{"Bidang Energi", {}},
                             {"Bidang Mineral dan Batubara", {}},
                             {"Bidang Geologi dan Air Tanah", {}}}));
  add(kProvince, MakeOffice("Dinas Kehutanan", kAgriculture,
                            {{"Bidang Perencanaan dan Pemanfaatan Hutan", {}},
                             {"Bidang Perlindungan dan Konservasi Sumber Daya Alam", {}},
                             {"Bidang Penyuluhan dan Pemberdayaan Masyarakat", {}}},
                            {.field_weight = 1.5f}));
  add(kAll,
      MakeOffice("Badan Riset dan Inovasi Daerah", kPlanning,
                 {{"Bidang Riset dan Pengembangan", {}}, {"Bidang Inovasi dan Teknologi", {}}}));
  return offices;
}

}  // namespace

Eselon EselonFor(Role role, AgencyKind kind) {
  const bool province = kind == AgencyKind::kProvince;
  switch (role) {
    case Role::kSekda:
      return province ? Eselon::kIb : Eselon::kIIa;
    case Role::kAssistant:
    case Role::kOfficeHead:
      return province ? Eselon::kIIa : Eselon::kIIb;
    case Role::kBureau:
    case Role::kHospitalDirector:
      return Eselon::kIIb;
    case Role::kPart:
    case Role::kOfficeSecretary:
    case Role::kCamat:
    case Role::kBranchHead:
      return Eselon::kIIIa;
    case Role::kDivision:
      return province ? Eselon::kIIIa : Eselon::kIIIb;
    case Role::kSekcam:
      return Eselon::kIIIb;
    case Role::kSubPart:
    case Role::kSection:
    case Role::kLurah:
      return Eselon::kIVa;
    case Role::kFunctionalHead:
      return Eselon::kNone;
  }
  return Eselon::kNone;
}

const std::vector<OfficeTemplate>& OfficeTemplates(AgencyKind kind) {
  static const auto* const kCityOffices =
      new std::vector<OfficeTemplate>(BuildOffices(AgencyKind::kCity));
  static const auto* const kRegencyOffices =
      new std::vector<OfficeTemplate>(BuildOffices(AgencyKind::kRegency));
  static const auto* const kProvinceOffices =
      new std::vector<OfficeTemplate>(BuildOffices(AgencyKind::kProvince));
  switch (kind) {
    case AgencyKind::kCity:
      return *kCityOffices;
    case AgencyKind::kRegency:
      return *kRegencyOffices;
    case AgencyKind::kProvince:
      return *kProvinceOffices;
  }
  return *kCityOffices;
}

UnitTemplate HospitalTemplate(std::string_view name) {
  OfficeOptions clinical{.field_profile = StaffProfile::kHospital};
  std::vector<UnitTemplate> children;
  children.push_back(MakeDivision({"Bagian Umum dan Keuangan",
                                   {"Subbagian Umum dan Kepegawaian", "Subbagian Keuangan",
                                    "Subbagian Perencanaan dan Pelaporan"}},
                                  kHealthOffice, {}));
  children.push_back(
      MakeDivision({"Bidang Pelayanan Medik", {"Seksi Pelayanan Medik", "Seksi Penunjang Medik"}},
                   kHealthOffice, clinical));
  children.push_back(MakeDivision(
      {"Bidang Keperawatan", {"Seksi Asuhan Keperawatan", "Seksi Etika dan Mutu Keperawatan"}},
      kHealthOffice, clinical));
  children.push_back(MakeDivision(
      {"Bidang Penunjang", {"Seksi Penunjang Nonmedik", "Seksi Sarana dan Prasarana Rumah Sakit"}},
      kHealthOffice, clinical));
  UnitTemplate hospital =
      MakeUnit(name, Role::kHospitalDirector, kHealthOffice, std::move(children));
  hospital.title = std::string("Direktur ").append(name);
  hospital.leaf_profile = StaffProfile::kHospital;
  return hospital;
}

UnitTemplate KecamatanTemplate(std::string_view place) {
  std::vector<UnitTemplate> children;
  children.push_back(
      MakeUnit(std::string("Sekretariat Kecamatan ").append(place), Role::kSekcam, kGovernment));
  for (std::string_view section : {"Seksi Pemerintahan", "Seksi Ketenteraman dan Ketertiban Umum",
                                   "Seksi Pemberdayaan Masyarakat", "Seksi Pelayanan Umum"}) {
    children.push_back(MakeUnit(section, Role::kSection, kGovernment));
  }
  return MakeUnit(std::string("Kecamatan ").append(place), Role::kCamat, kGovernment,
                  std::move(children));
}

std::string DefaultLeaderTitle(std::string_view unit_name) {
  auto starts = [&](std::string_view prefix) { return unit_name.starts_with(prefix); };
  if (starts("Sekretariat ")) {
    return std::string("Sekretaris ").append(unit_name.substr(sizeof("Sekretariat ") - 1));
  }
  if (starts("Kecamatan ")) {
    return std::string("Camat ").append(unit_name.substr(sizeof("Kecamatan ") - 1));
  }
  if (starts("Kelurahan ")) {
    return std::string("Lurah ").append(unit_name.substr(sizeof("Kelurahan ") - 1));
  }
  if (starts("Asisten ") || starts("Inspektur ")) return std::string(unit_name);
  return std::string("Kepala ").append(unit_name);
}

}  // namespace kinerja::gen
