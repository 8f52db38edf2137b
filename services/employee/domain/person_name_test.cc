#include "services/employee/domain/person_name.h"

#include <gtest/gtest.h>

#include <string>

namespace kinerja::employee {
namespace {

TEST(NormalizePersonName, TrimsAndCollapses) {
  EXPECT_EQ(NormalizePersonName("  Budi   Santoso \t"), "Budi Santoso");
  EXPECT_EQ(NormalizePersonName("Dr. H. Ahmad,\tS.H.,\nM.H."), "Dr. H. Ahmad, S.H., M.H.");
  EXPECT_EQ(NormalizePersonName("Sukarno"), "Sukarno");
  EXPECT_EQ(NormalizePersonName(" \t "), "");
}

TEST(CheckPersonName, Accepts) {
  EXPECT_TRUE(CheckPersonName("Sukarno").ok());
  EXPECT_TRUE(CheckPersonName("Dr. Ni Luh Putu Ayu, S.Kep., M.Kes.").ok());
  EXPECT_TRUE(CheckPersonName("I Gusti Ngurah Rai").ok());
  EXPECT_TRUE(CheckPersonName("Muhammad 'Ali").ok());
  EXPECT_TRUE(CheckPersonName("Andr\xC3\xA9").ok());              // é
  EXPECT_TRUE(CheckPersonName("\xE7\x8E\x8B\xE5\xB0\x8F").ok());  // CJK, 3-byte
  EXPECT_TRUE(CheckPersonName("A\xF0\x9F\x98\x80").ok());         // 4-byte
  EXPECT_TRUE(CheckPersonName(std::string(kMaxPersonNameLength, 'a')).ok());
  std::string two_byte;
  for (size_t i = 0; i < kMaxPersonNameLength; ++i) two_byte += "\xC3\xA9";
  EXPECT_TRUE(CheckPersonName(two_byte).ok());  // counts code points, not bytes
}

TEST(CheckPersonName, Rejects) {
  EXPECT_EQ(CheckPersonName("").message(), "name: must not be empty");
  EXPECT_EQ(CheckPersonName("   ").message(), "name: must not be empty");
  const char* unnormalised[] = {" Budi", "Budi ", "Budi  Santoso", "Budi\tSantoso", "Budi\n"};
  for (const char* name : unnormalised) {
    EXPECT_EQ(CheckPersonName(name).message(),
              "name: has leading, trailing, repeated or non-space whitespace")
        << name;
  }
  EXPECT_EQ(CheckPersonName("Budi\x01").message(), "name: contains a control character");
  EXPECT_EQ(CheckPersonName("Budi\x7F").message(), "name: contains a control character");
  for (const char* bad : {"\xC3", "\xC3(", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80",
                          "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80", "\x80", "a\xFF"}) {
    auto status = CheckPersonName(bad);
    EXPECT_EQ(status.message(), "name: is not valid UTF-8") << bad;
  }
  EXPECT_EQ(CheckPersonName(std::string(kMaxPersonNameLength + 1, 'a')).message(),
            "name: has 201 characters, more than 200");
  EXPECT_EQ(CheckPersonName("").code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kinerja::employee
