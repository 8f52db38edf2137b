#include "shared/server/request_strings.h"

#include <gtest/gtest.h>

#include "kinerja/testing/v1/probe.pb.h"
#include "shared/errors/errors.h"

namespace kinerja::server {
namespace {

using kinerja::testing::v1::ProbeRequest;

std::string FieldOf(const absl::Status& status) {
  auto violations = errors::ViolationsOf(status);
  return violations.empty() ? "" : violations[0].field;
}

TEST(RequestStrings, AcceptsOrdinaryTextIncludingIndonesianAndEmoji) {
  ProbeRequest request;
  request.set_text("Penyusunan laporan kinerja Dinas Kesehatan — triwulan I ✓ 🙂");
  request.add_items()->set_unit_id("unit-1");
  request.set_blob(std::string("\0\xff", 2));  // bytes are binary: not checked
  EXPECT_TRUE(CheckRequestStrings(request).ok());
}

TEST(RequestStrings, RefusesANulCharacterNamingTheNestedField) {
  ProbeRequest request;
  request.add_items();
  request.add_items()->add_tags(std::string("ok\0cut", 6));
  absl::Status status = CheckRequestStrings(request);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FieldOf(status), "items[1].tags[0]");
}

TEST(RequestStrings, RefusesInvalidUtf8) {
  for (const std::string& bad :
       {std::string("\xc3"), std::string("\xc0\xaf"), std::string("\xed\xa0\x80"),
        std::string("\xf4\x90\x80\x80"), std::string("a\x80")}) {
    ProbeRequest request;
    request.set_text(bad);
    absl::Status status = CheckRequestStrings(request);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(FieldOf(status), "text");
  }
}

TEST(RequestStrings, AppliesTheDeclaredLimitInCharactersAndDoesNotEchoTheValue) {
  ProbeRequest request;
  request.set_short_note("ééééé");  // 5 characters, 10 bytes
  EXPECT_TRUE(CheckRequestStrings(request).ok());
  request.set_short_note("secret");
  absl::Status status = CheckRequestStrings(request);
  EXPECT_EQ(FieldOf(status), "short_note");
  EXPECT_EQ(status.message().find("secret"), std::string::npos) << status.message();
}

TEST(RequestStrings, DefaultLimitsFollowTheFieldsKind) {
  const auto* d = ProbeRequest::descriptor();
  EXPECT_EQ(MaxLength(*d->FindFieldByName("text")), 1000);
  EXPECT_EQ(MaxLength(*d->FindFieldByName("short_note")), 5);
  EXPECT_EQ(MaxLength(*kinerja::testing::v1::ProbeItem::descriptor()->FindFieldByName("unit_id")),
            256);
  ProbeRequest request;
  request.set_text(std::string(1001, 'x'));
  EXPECT_EQ(FieldOf(CheckRequestStrings(request)), "text");
  request.set_text(std::string(1024 * 1024, 'x'));  // a megabyte is refused, not stored
  EXPECT_EQ(CheckRequestStrings(request).code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kinerja::server
