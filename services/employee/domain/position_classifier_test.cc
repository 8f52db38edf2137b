#include "services/employee/domain/position_classifier.h"

#include <gtest/gtest.h>

namespace kinerja::employee {
namespace {

TEST(DetectFunctionalLevel, CurrentNames) {
  EXPECT_EQ(DetectFunctionalLevel("Guru Ahli Pertama"), FunctionalLevel::kAhliPertama);
  EXPECT_EQ(DetectFunctionalLevel("Guru Ahli Muda"), FunctionalLevel::kAhliMuda);
  EXPECT_EQ(DetectFunctionalLevel("Analis Kebijakan Ahli Madya"), FunctionalLevel::kAhliMadya);
  EXPECT_EQ(DetectFunctionalLevel("Widyaiswara Ahli Utama"), FunctionalLevel::kAhliUtama);
  EXPECT_EQ(DetectFunctionalLevel("Arsiparis Pemula"), FunctionalLevel::kPemula);
  EXPECT_EQ(DetectFunctionalLevel("Perawat Terampil"), FunctionalLevel::kTerampil);
  EXPECT_EQ(DetectFunctionalLevel("Pranata Komputer Mahir"), FunctionalLevel::kMahir);
  EXPECT_EQ(DetectFunctionalLevel("Pengelola Pengadaan Barang/Jasa Penyelia"),
            FunctionalLevel::kPenyelia);
}

TEST(DetectFunctionalLevel, CaseSpacingAndSuffixes) {
  EXPECT_EQ(DetectFunctionalLevel("GURU AHLI MUDA"), FunctionalLevel::kAhliMuda);
  EXPECT_EQ(DetectFunctionalLevel("  guru   ahli\tpertama "), FunctionalLevel::kAhliPertama);
  EXPECT_EQ(DetectFunctionalLevel("Guru Ahli Muda - Guru Kelas"), FunctionalLevel::kAhliMuda);
  EXPECT_EQ(DetectFunctionalLevel("Perawat Terampil (Puskesmas Kota)"), FunctionalLevel::kTerampil);
  // "Ahli" decides over a later old-style word.
  EXPECT_EQ(DetectFunctionalLevel("Auditor Ahli Pertama Utama"), FunctionalLevel::kAhliPertama);
}

TEST(DetectFunctionalLevel, OlderNames) {
  EXPECT_EQ(DetectFunctionalLevel("Peneliti Madya"), FunctionalLevel::kAhliMadya);
  EXPECT_EQ(DetectFunctionalLevel("Auditor Muda"), FunctionalLevel::kAhliMuda);
  EXPECT_EQ(DetectFunctionalLevel("Guru Pertama"), FunctionalLevel::kAhliPertama);
  EXPECT_EQ(DetectFunctionalLevel("Perawat Pelaksana"), FunctionalLevel::kTerampil);
  EXPECT_EQ(DetectFunctionalLevel("Perawat Pelaksana Lanjutan"), FunctionalLevel::kMahir);
  EXPECT_EQ(DetectFunctionalLevel("Perawat Pelaksana Pemula"), FunctionalLevel::kPemula);
}

TEST(DetectFunctionalLevel, NoLevel) {
  EXPECT_EQ(DetectFunctionalLevel(""), FunctionalLevel::kNone);
  EXPECT_EQ(DetectFunctionalLevel("Guru"), FunctionalLevel::kNone);
  EXPECT_EQ(DetectFunctionalLevel("Kepala Bidang Anggaran"), FunctionalLevel::kNone);
  EXPECT_EQ(DetectFunctionalLevel("Pelaksana"), FunctionalLevel::kNone);
  EXPECT_EQ(DetectFunctionalLevel("Muda"), FunctionalLevel::kNone);       // first word only
  EXPECT_EQ(DetectFunctionalLevel("Ahli Muda"), FunctionalLevel::kNone);  // no position name
  EXPECT_EQ(DetectFunctionalLevel("Guru Ahli"), FunctionalLevel::kNone);
  EXPECT_EQ(DetectFunctionalLevel("Guru Mudah"), FunctionalLevel::kNone);  // whole words
  EXPECT_EQ(DetectFunctionalLevel("Perawat Pelaksana Kebersihan"), FunctionalLevel::kNone);
}

TEST(ClassifySiasnPosition, Structural) {
  auto c = ClassifySiasnPosition(1, Eselon::kIIa, "Kepala Dinas Pendidikan");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(*c, (PositionClass{PositionType::kJptPratama, FunctionalLevel::kNone}));
  EXPECT_EQ(ClassifySiasnPosition(1, Eselon::kIa, "Sekretaris Jenderal")->type,
            PositionType::kJptMadya);
  EXPECT_EQ(ClassifySiasnPosition(1, Eselon::kIb, "")->type, PositionType::kJptMadya);
  EXPECT_EQ(ClassifySiasnPosition(1, Eselon::kIIIa, "Kepala Bagian")->type,
            PositionType::kAdministrator);
  EXPECT_EQ(ClassifySiasnPosition(1, Eselon::kIVb, "Kepala Seksi")->type, PositionType::kPengawas);
  EXPECT_EQ(ClassifySiasnPosition(1, Eselon::kVa, "Kepala Urusan")->type, PositionType::kPelaksana);
  // A structural name with a level-like word does not become functional.
  EXPECT_EQ(ClassifySiasnPosition(1, Eselon::kIVa, "Kepala Seksi Ahli Muda")->level,
            FunctionalLevel::kNone);
  auto missing = ClassifySiasnPosition(1, std::nullopt, "Kepala Seksi");
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(missing.status().message(),
            "eselonId: required for a structural position (jenisJabatanId 1)");
}

TEST(ClassifySiasnPosition, FunctionalAndGeneral) {
  EXPECT_EQ(ClassifySiasnPosition(2, std::nullopt, "Guru Ahli Muda").value(),
            (PositionClass{PositionType::kFungsional, FunctionalLevel::kAhliMuda}));
  // A stale echelon is ignored for functional and general positions.
  EXPECT_EQ(ClassifySiasnPosition(2, Eselon::kIVa, "Perawat Terampil").value(),
            (PositionClass{PositionType::kFungsional, FunctionalLevel::kTerampil}));
  EXPECT_EQ(ClassifySiasnPosition(4, Eselon::kIIIa, "Pengadministrasi Umum").value(),
            (PositionClass{PositionType::kPelaksana, FunctionalLevel::kNone}));
  auto no_level = ClassifySiasnPosition(2, std::nullopt, "Guru");
  EXPECT_EQ(no_level.status().message(),
            "jabatanNama: no functional level (Ahli Pertama..Utama, Pemula..Penyelia) in 'Guru'");
  for (int bad : {0, 3, 5, -1}) {
    auto c = ClassifySiasnPosition(bad, std::nullopt, "Guru Ahli Muda");
    EXPECT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(c.status().message().substr(0, 16), "jenisJabatanId: ") << bad;
  }
}

}  // namespace
}  // namespace kinerja::employee
