// The review store on a real PostgreSQL: every write in one transaction with its audit row and
// outbox event, nothing written when a rule refuses, idempotent replays, the finalisation lock
// on the unit's organisation predicate row, and the review role's confinement to its schema.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include <pqxx/pqxx>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "kinerja/review/v1/events.pb.h"

#include "services/review/domain/assessment.h"
#include "services/review/domain/objection.h"
#include "services/review/store/migrations.h"
#include "services/review/store/review_store.h"
#include "shared/errors/errors.h"
#include "tests/harness/pg_cluster.h"
#include "tests/harness/store_database.h"
#include "tests/harness/store_fixture.h"

namespace kinerja::review::store {
namespace {

using ::kinerja::testing::StoreDatabase;
using ::testing::HasSubstr;

class ReviewStoreTest : public ::kinerja::testing::StoreFixture<ReviewStore> {
 protected:
  ReviewStoreTest() : StoreFixture("review", ReviewMigrations) {}

  static Official Person(const std::string& nip, const std::string& name) {
    Official o;
    o.employee_id = "emp-" + nip;
    o.nip = nip;
    o.name = name;
    o.position_name = "Pengolah Data";
    o.unit_id = "unit-1";
    o.unit_name = "Bidang SD";
    o.rank_code = "31";
    return o;
  }

  static ActingOfficial Assessor() {
    return {.official = Person("199001012015011001", "Kepala Bidang"),
            .capacity = Capacity::kDefinitive,
            .recorded_by = "kabid"};
  }

  // A new annual draft of `nip`'s plan in unit-1, period-1.
  static AssessmentRecord Draft(const std::string& nip) {
    AssessmentRecord r;
    Assessment& a = r.assessment;
    a.plan_id = "plan-" + nip;
    a.agency_id = "kota";
    a.unit_id = "unit-1";
    a.employee = Person(nip, "Staf " + nip);
    a.kind = AssessmentKind::kAnnual;
    a.cadence = Cadence::kQuarterly;
    a.window = {.year = 2026,
                .index = 0,
                .first = absl::CivilDay(2026, 1, 1),
                .last = absl::CivilDay(2026, 12, 31),
                .month_start = 1,
                .month_end = 12};
    r.period_id = "period-1";
    r.plan_revision = 1;
    r.employee_siasn_id = "siasn-" + nip;
    r.position_type = "PELAKSANA";
    return r;
  }

  AssessmentMutation Rate(Rating results, Rating behaviour) {
    AssessmentMutation m;
    m.action = "assessment.rate";
    m.event_type = kAssessmentRated;
    m.apply = [results, behaviour](AssessmentRecord& record, const AssessmentFacts& facts) {
      return ApplyRating(
          record.assessment,
          {.results = results, .behaviour = behaviour, .notes = "", .behaviour_values = {}},
          Assessor(), {.unit_org_predicate = facts.org_predicate, .org_result_mapping = {}});
    };
    return m;
  }

  AssessmentMutation Finalise(DistributionEnforcement enforcement, int unit_staff) {
    AssessmentMutation m;
    m.action = "assessment.finalise";
    m.event_type = kAssessmentFinalised;
    m.lock_unit = true;
    m.apply = [enforcement, unit_staff](AssessmentRecord& record, const AssessmentFacts& facts) {
      FinaliseFacts ff;
      ff.org.unit_org_predicate = facts.org_predicate;
      ff.distribution_policy.enforcement = enforcement;
      ff.unit_finalised = facts.unit_finalised;
      ff.unit_staff = unit_staff;
      ff.now = absl::Now();
      absl::StatusOr<FinaliseOutcome> outcome = ApplyFinalise(record.assessment, Assessor(), ff);
      if (!outcome.ok()) return outcome.status();
      return ApplyDelivery(record.assessment, absl::CivilDay(2026, 12, 20));
    };
    return m;
  }

  absl::StatusOr<OrgPredicateRecord> SetPredicate(OrgPredicate predicate,
                                                  const std::string& request_id = "",
                                                  const std::string& period_id = "period-1") {
    OrgPredicateChange change;
    change.agency_id = "kota";
    change.unit_id = "unit-1";
    change.period_id = period_id;
    change.decided_by_position_id = "pos-kadis";
    change.decide = [predicate](int finalised) {
      OrgPredicateInput input;
      input.agency_id = "kota";
      input.unit_id = "unit-1";
      input.predicate = predicate;
      return DecideOrgPredicate(input,
                                {.official = Person("198001012005011001", "Kepala Dinas"),
                                 .capacity = Capacity::kDefinitive,
                                 .recorded_by = "kadis"},
                                finalised, absl::Now());
    };
    return store_->SetOrgPredicate(
        std::move(change),
        request_id.empty() ? StoreDatabase::Write() : StoreDatabase::IdempotentWrite(request_id));
  }
};

TEST_F(ReviewStoreTest, RatingWritesTheDraftWithItsAuditRowAndEventInOneTransaction) {
  absl::StatusOr<AssessmentRecord> rated = store_->RateAssessment(
      Draft("1"), std::nullopt, Rate(Rating::kAbove, Rating::kAbove), StoreDatabase::Write());
  ASSERT_TRUE(rated.ok()) << rated.status();
  EXPECT_EQ(rated->assessment.predicate, Predicate::kSangatBaik);
  EXPECT_EQ(rated->assessment.version, 1);
  EXPECT_EQ(Count("assessments"), 1);
  EXPECT_EQ(Count("audit_log", "action = 'assessment.rate'"), 1);
  EXPECT_EQ(Count("outbox", "type = 'AssessmentRated'"), 1);

  // Rating again changes the same draft (version 2), with its own audit row and event.
  absl::StatusOr<AssessmentRecord> again =
      store_->RateAssessment(Draft("1"), rated->assessment.version,
                             Rate(Rating::kAsExpected, Rating::kAbove), StoreDatabase::Write());
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->assessment.id, rated->assessment.id);
  EXPECT_EQ(again->assessment.version, 2);
  EXPECT_EQ(again->assessment.predicate, Predicate::kBaik);
  EXPECT_EQ(Count("outbox", "type = 'AssessmentRated'"), 2);

  // A stale etag is ABORTED and writes nothing.
  absl::StatusOr<AssessmentRecord> stale = store_->RateAssessment(
      Draft("1"), 1, Rate(Rating::kBelow, Rating::kBelow), StoreDatabase::Write());
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kAborted) << stale.status();
  EXPECT_EQ(Count("audit_log", "action = 'assessment.rate'"), 2);
}

TEST_F(ReviewStoreTest, BehaviourValuesRoundTripAndAreKeptByAnObjectionDecision) {
  ASSERT_TRUE(SetPredicate(OrgPredicate::kIstimewa).ok());
  AssessmentMutation rate = Rate(Rating::kAsExpected, Rating::kAsExpected);
  rate.apply = [](AssessmentRecord& record, const AssessmentFacts& facts) {
    RatingInput input{
        .results = Rating::kAsExpected,
        .behaviour = Rating::kAsExpected,
        .notes = "",
        .behaviour_values = {{CoreValue::kCollaborative, Rating::kBelow, "jarang berbagi \"data\""},
                             {CoreValue::kAccountable, Rating::kAbove, ""}}};
    return ApplyRating(record.assessment, input, Assessor(),
                       {.unit_org_predicate = facts.org_predicate, .org_result_mapping = {}});
  };
  absl::StatusOr<AssessmentRecord> rated =
      store_->RateAssessment(Draft("1"), std::nullopt, std::move(rate), StoreDatabase::Write());
  ASSERT_TRUE(rated.ok()) << rated.status();
  const std::vector<BehaviourValueRating> values = {
      {CoreValue::kAccountable, Rating::kAbove, ""},
      {CoreValue::kCollaborative, Rating::kBelow, "jarang berbagi \"data\""}};
  EXPECT_EQ(rated->assessment.behaviour_values, values);
  EXPECT_EQ(Scalar("SELECT behaviour_values->1->>'value' FROM review.assessments"),
            "COLLABORATIVE");
  EXPECT_EQ(Scalar("SELECT behaviour_values->1->>'rating' FROM review.assessments"), "BELOW");

  // Read back by Get and List, and carried by the event and the audit row.
  absl::StatusOr<AssessmentRecord> got = store_->GetAssessment(rated->assessment.id);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->assessment.behaviour_values, values);
  absl::StatusOr<Page<AssessmentRecord>> listed = store_->ListAssessments({}, {.page_size = 10});
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->items.size(), 1u);
  EXPECT_EQ(listed->items[0].assessment.behaviour_values, values);
  EXPECT_EQ(Count("outbox", "type = 'AssessmentRated'"), 1);
  EXPECT_EQ(Count("audit_log", "action = 'assessment.rate' AND after::text LIKE '%COLLABORATIVE%'"),
            1);

  // Finalised, then an objection decision changes the behaviour rating: the values stay.
  absl::StatusOr<AssessmentRecord> final = store_->MutateAssessment(
      rated->assessment.id, std::nullopt,
      Finalise(DistributionEnforcement::kWarnWithJustification, 1), StoreDatabase::Write());
  ASSERT_TRUE(final.ok()) << final.status();
  EXPECT_EQ(final->assessment.behaviour_values, values);
  absl::StatusOr<ObjectionRecord> filed = store_->FileObjection(
      final->assessment.id,
      [](const AssessmentRecord& a, bool) -> absl::StatusOr<ObjectionRecord> {
        ObjectionRecord r;
        ASSIGN_OR_RETURN(r.objection,
                         NewObjection(a.assessment, absl::CivilDay(2026, 12, 21), "tidak adil"));
        r.deadline = absl::CivilDay(2027, 1, 3);
        r.agency_id = a.assessment.agency_id;
        r.employee_id = a.assessment.employee.employee_id;
        return r;
      },
      StoreDatabase::Write());
  ASSERT_TRUE(filed.ok()) << filed.status();
  ASSERT_TRUE(store_
                  ->ExplainObjection(
                      filed->objection.id,
                      [](ObjectionRecord& o, AssessmentRecord&) {
                        o.objection.assessor_explanation = "sesuai catatan";
                        return absl::OkStatus();
                      },
                      StoreDatabase::Write())
                  .ok());
  absl::StatusOr<ObjectionRecord> decided = store_->DecideObjection(
      filed->objection.id,
      [](ObjectionRecord& o, AssessmentRecord& a) {
        return ApplyObjectionDecision(
            o.objection, a.assessment,
            {.results = std::nullopt, .behaviour = Rating::kAbove, .reason = "terbukti"},
            {.official = Person("198001012005011001", "Kepala Dinas"),
             .capacity = Capacity::kDefinitive,
             .recorded_by = "kadis"},
            absl::Now());
      },
      StoreDatabase::Write());
  ASSERT_TRUE(decided.ok()) << decided.status();
  absl::StatusOr<AssessmentRecord> after = store_->GetAssessment(final->assessment.id);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->assessment.behaviour_rating, Rating::kAbove);
  EXPECT_EQ(after->assessment.behaviour_values, values);
  // Each event's payload (the Assessment message) carries them.
  for (const char* type :
       {"AssessmentRated", "AssessmentFinalised", "AssessmentChangedByObjection"}) {
    v1::AssessmentChanged event;
    ASSERT_TRUE(event.ParseFromString(absl::HexStringToBytes(Scalar(absl::StrCat(
        "SELECT encode(payload, 'hex') FROM review.outbox WHERE type = '", type, "'")))))
        << type;
    ASSERT_EQ(event.assessment().behaviour_values_size(), 2) << type;
    EXPECT_EQ(event.assessment().behaviour_values(1).value(), v1::CORE_VALUE_COLLABORATIVE);
    EXPECT_EQ(event.assessment().behaviour_values(1).rating(), v1::RATING_BELOW_EXPECTATION);
    EXPECT_EQ(event.assessment().behaviour_values(1).note(), "jarang berbagi \"data\"");
  }
}

TEST_F(ReviewStoreTest, ARefusedRuleLeavesNoRowNoAuditNoEvent) {
  // A unit head's results follow the organisation predicate, which is not set.
  AssessmentRecord head = Draft("9");
  head.assessment.unit_head = true;
  absl::StatusOr<AssessmentRecord> refused = store_->RateAssessment(
      head, std::nullopt, Rate(Rating::kAbove, Rating::kAbove), StoreDatabase::Write());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(refused.status().message(), HasSubstr("organisation predicate"));
  EXPECT_EQ(Count("assessments"), 0);
  EXPECT_EQ(Count("audit_log"), 0);
  EXPECT_EQ(Count("outbox"), 0);

  // Finalising without the organisation predicate: ORG_PREDICATE_MISSING, the draft unchanged.
  absl::StatusOr<AssessmentRecord> draft = store_->RateAssessment(
      Draft("1"), std::nullopt, Rate(Rating::kAbove, Rating::kAbove), StoreDatabase::Write());
  ASSERT_TRUE(draft.ok()) << draft.status();
  absl::StatusOr<AssessmentRecord> missing = store_->MutateAssessment(
      draft->assessment.id, std::nullopt, Finalise(DistributionEnforcement::kBlock, 2),
      StoreDatabase::Write());
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kFailedPrecondition);
  absl::StatusOr<AssessmentRecord> stored = store_->GetAssessment(draft->assessment.id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->assessment.state, AssessmentState::kDraft);
  EXPECT_EQ(stored->assessment.version, 1);
  EXPECT_EQ(Count("outbox", "type = 'AssessmentFinalised'"), 0);
}

TEST_F(ReviewStoreTest, ARetryWithTheSameRequestIdReturnsTheFirstAnswerAndWritesOnce) {
  absl::StatusOr<OrgPredicateRecord> first = SetPredicate(OrgPredicate::kBaik, "req-1");
  ASSERT_TRUE(first.ok()) << first.status();
  absl::StatusOr<OrgPredicateRecord> replay = SetPredicate(OrgPredicate::kIstimewa, "req-1");
  ASSERT_TRUE(replay.ok()) << replay.status();
  EXPECT_EQ(replay->decision.predicate, OrgPredicate::kBaik);
  EXPECT_EQ(replay->id, first->id);
  EXPECT_EQ(Count("org_predicates"), 1);
  EXPECT_EQ(Count("audit_log", "action = 'org_predicate.set'"), 1);
  EXPECT_EQ(Count("outbox", "type = 'OrgPredicateSet'"), 1);
  EXPECT_EQ(Scalar("SELECT predicate FROM review.org_predicates"), "BAIK");
}

TEST_F(ReviewStoreTest, TheOrgPredicateIsLockedOnceAStaffAssessmentIsFinal) {
  ASSERT_TRUE(SetPredicate(OrgPredicate::kIstimewa).ok());
  absl::StatusOr<AssessmentRecord> draft = store_->RateAssessment(
      Draft("1"), std::nullopt, Rate(Rating::kAsExpected, Rating::kAsExpected),
      StoreDatabase::Write());
  ASSERT_TRUE(draft.ok());
  ASSERT_TRUE(store_
                  ->MutateAssessment(draft->assessment.id, std::nullopt,
                                     Finalise(DistributionEnforcement::kBlock, 2),
                                     StoreDatabase::Write())
                  .ok());
  absl::StatusOr<OrgPredicateRecord> changed = SetPredicate(OrgPredicate::kKurang);
  EXPECT_EQ(changed.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(changed.status().message(), HasSubstr("already final"));
  EXPECT_EQ(Scalar("SELECT predicate FROM review.org_predicates"), "ISTIMEWA");
}

// Two Sangat Baik finalisations in a two-person Istimewa unit under BLOCK: each alone passes
// (1 of 2 = 50 % <= 70 %), both together break the band (100 %). Whatever the interleaving, the
// row lock on the unit's predicate makes exactly one of them pass.
TEST_F(ReviewStoreTest, ConcurrentFinalisationsOfOneUnitCannotBothPassTheDistribution) {
  for (int round = 0; round < 5; ++round) {
    // Each round is its own period (and so its own predicate row and distribution).
    const std::string period = absl::StrCat("period-", round);
    ASSERT_TRUE(SetPredicate(OrgPredicate::kIstimewa, "", period).ok());
    std::vector<std::string> ids;
    for (const char* who : {"a", "b"}) {
      AssessmentRecord d = Draft(absl::StrCat(who, round));
      d.period_id = period;
      absl::StatusOr<AssessmentRecord> rated = store_->RateAssessment(
          d, std::nullopt, Rate(Rating::kAbove, Rating::kAbove), StoreDatabase::Write());
      ASSERT_TRUE(rated.ok()) << rated.status();
      ids.push_back(rated->assessment.id);
    }
    std::atomic<int> passed{0};
    std::atomic<int> blocked{0};
    std::vector<std::thread> threads;
    for (const std::string& id : ids) {
      threads.emplace_back([&, id] {
        absl::StatusOr<AssessmentRecord> r = store_->MutateAssessment(
            id, std::nullopt, Finalise(DistributionEnforcement::kBlock, 2), StoreDatabase::Write());
        if (r.ok()) {
          ++passed;
        } else if (absl::IsFailedPrecondition(r.status())) {
          ++blocked;
        }
      });
    }
    for (std::thread& t : threads) t.join();
    EXPECT_EQ(passed.load(), 1) << "round " << round;
    EXPECT_EQ(blocked.load(), 1) << "round " << round;
    EXPECT_EQ(Count("assessments", "state = 'FINALISED'"), round + 1);
  }
}

TEST_F(ReviewStoreTest, ObjectionsAreFiledOnceAndADecisionChangesTheAssessmentWithHistory) {
  ASSERT_TRUE(SetPredicate(OrgPredicate::kIstimewa).ok());
  absl::StatusOr<AssessmentRecord> draft = store_->RateAssessment(
      Draft("1"), std::nullopt, Rate(Rating::kBelow, Rating::kAsExpected), StoreDatabase::Write());
  ASSERT_TRUE(draft.ok());
  absl::StatusOr<AssessmentRecord> final = store_->MutateAssessment(
      draft->assessment.id, std::nullopt,
      Finalise(DistributionEnforcement::kWarnWithJustification, 1), StoreDatabase::Write());
  ASSERT_TRUE(final.ok()) << final.status();
  const auto file = [&](const AssessmentRecord& a, bool has) -> absl::StatusOr<ObjectionRecord> {
    RETURN_IF_ERROR(CheckObjectionFiling({.today = absl::CivilDay(2026, 12, 21),
                                          .assessment_final = true,
                                          .delivered = a.assessment.delivered_date,
                                          .already_has_objection = has,
                                          .filer_is_employee = true}));
    ObjectionRecord r;
    ASSIGN_OR_RETURN(r.objection,
                     NewObjection(a.assessment, absl::CivilDay(2026, 12, 21), "tidak adil"));
    r.deadline = absl::CivilDay(2027, 1, 3);
    r.agency_id = a.assessment.agency_id;
    r.employee_id = a.assessment.employee.employee_id;
    return r;
  };
  absl::StatusOr<ObjectionRecord> filed =
      store_->FileObjection(final->assessment.id, file, StoreDatabase::Write());
  ASSERT_TRUE(filed.ok()) << filed.status();
  absl::StatusOr<ObjectionRecord> twice =
      store_->FileObjection(final->assessment.id, file, StoreDatabase::Write());
  EXPECT_EQ(twice.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Count("objections"), 1);
  // Filing links the objection without changing the result's version.
  absl::StatusOr<AssessmentRecord> linked = store_->GetAssessment(final->assessment.id);
  ASSERT_TRUE(linked.ok());
  EXPECT_EQ(linked->objection_id, filed->objection.id);
  EXPECT_EQ(linked->assessment.version, final->assessment.version);

  ASSERT_TRUE(store_
                  ->ExplainObjection(
                      filed->objection.id,
                      [](ObjectionRecord& o, AssessmentRecord&) {
                        o.objection.assessor_explanation = "hasil di bawah target";
                        return absl::OkStatus();
                      },
                      StoreDatabase::Write())
                  .ok());
  absl::StatusOr<ObjectionRecord> decided = store_->DecideObjection(
      filed->objection.id,
      [](ObjectionRecord& o, AssessmentRecord& a) {
        return ApplyObjectionDecision(
            o.objection, a.assessment,
            {.results = Rating::kAsExpected, .behaviour = Rating::kAsExpected, .reason = "bukti"},
            {.official = Person("198001012005011001", "Kepala Dinas"),
             .capacity = Capacity::kDefinitive,
             .recorded_by = "kadis"},
            absl::Now());
      },
      StoreDatabase::Write());
  ASSERT_TRUE(decided.ok()) << decided.status();
  EXPECT_EQ(decided->objection.decision->predicate_before, Predicate::kButuhPerbaikan);
  EXPECT_EQ(decided->objection.decision->predicate_after, Predicate::kBaik);
  absl::StatusOr<AssessmentRecord> after = store_->GetAssessment(final->assessment.id);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->assessment.predicate, Predicate::kBaik);
  EXPECT_EQ(after->assessment.state, AssessmentState::kFinalised);
  EXPECT_EQ(after->assessment.version, final->assessment.version + 1);
  EXPECT_EQ(Count("audit_log", "action = 'assessment.change_by_objection' AND before IS NOT NULL"),
            1);
  EXPECT_EQ(Count("outbox", "type = 'AssessmentChangedByObjection'"), 1);
  EXPECT_EQ(Count("outbox", "type = 'ObjectionDecided'"), 1);
}

TEST_F(ReviewStoreTest, ExportsListNewThenOnlyChangedAssessments) {
  ASSERT_TRUE(SetPredicate(OrgPredicate::kIstimewa).ok());
  absl::StatusOr<AssessmentRecord> draft = store_->RateAssessment(
      Draft("1"), std::nullopt, Rate(Rating::kAsExpected, Rating::kAsExpected),
      StoreDatabase::Write());
  ASSERT_TRUE(draft.ok());
  absl::StatusOr<AssessmentRecord> final = store_->MutateAssessment(
      draft->assessment.id, std::nullopt, Finalise(DistributionEnforcement::kBlock, 1),
      StoreDatabase::Write());
  ASSERT_TRUE(final.ok());
  const ExportQuery query{.agency_id = "kota", .period_id = "period-1"};
  absl::StatusOr<std::vector<ExportCandidate>> due = store_->PendingExports(query, "", 10);
  ASSERT_TRUE(due.ok()) << due.status();
  ASSERT_EQ(due->size(), 1u);
  EXPECT_FALSE(due->front().exported_before);
  v1::ExportRecord record;
  record.set_assessment_id(final->assessment.id);
  ASSERT_TRUE(store_
                  ->MarkExported({{final->assessment.id, final->assessment.version, record}},
                                 StoreDatabase::Write())
                  .ok());
  EXPECT_EQ(Count("outbox", "type = 'AssessmentExported'"), 1);
  EXPECT_EQ(Count("audit_log", "action = 'assessment.export'"), 1);
  due = store_->PendingExports(query, "", 10);
  ASSERT_TRUE(due.ok());
  EXPECT_TRUE(due->empty());
  ExportQuery all = query;
  all.all = true;
  due = store_->PendingExports(all, "", 10);
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 1u);
  EXPECT_TRUE(due->front().exported_before);
}

TEST_F(ReviewStoreTest, ReviewRoleCannotReadAnotherServicesSchema) {
  {
    pqxx::connection admin(kinerja::testing::PgCluster::Get().AdminDsn(dbname_));
    pqxx::work tx(admin);
    tx.exec0("CREATE SCHEMA goals");
    tx.exec0("CREATE TABLE goals.plans (id text PRIMARY KEY)");
    tx.commit();
  }
  pqxx::connection review(dsn_);
  pqxx::nontransaction tx(review);
  EXPECT_EQ(tx.exec("SELECT count(*) FROM review.assessments")[0][0].as<int>(), 0);
  try {
    tx.exec("SELECT * FROM goals.plans");
    FAIL() << "the review role read the goals schema";
  } catch (const pqxx::insufficient_privilege& e) {
    EXPECT_THAT(std::string(e.what()), HasSubstr("permission denied for schema goals"));
  }
}

}  // namespace
}  // namespace kinerja::review::store
