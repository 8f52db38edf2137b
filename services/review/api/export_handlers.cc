// ExportAssessments: a server-streaming reactor. The SIASN bodies of an agency's finalised
// assessments of a period (skp22/save for annual ones, kinerjaperiodik/save for periodic ones,
// built by the domain, serialized with nlohmann/json under SIASN's field names), in batches by
// id. Each batch is written one message at a time (gRPC flow control holds the server back for a
// slow reader), and only once every message of the batch was written is it marked exported (one
// transaction: the marks, an audit row and an AssessmentExported event each). A stream that
// breaks leaves the unsent batch unmarked, so the next export sends it again (at least once).
// Without `all`, only assessments never exported or whose version moved on since their last
// export (an objection decision) are sent: "NEW" or "CHANGED". Store and client work runs on
// the worker pool, never on a gRPC thread.
#include <atomic>
#include <memory>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "services/review/api/review_service.h"
#include "services/review/api/support.h"
#include "services/review/convert/proto_convert.h"
#include "services/review/domain/read_access.h"
#include "services/review/domain/siasn_export.h"
#include "shared/log/request_id.h"
#include "shared/rpc/proto_time.h"
#include "shared/server/status_mapping.h"

namespace kinerja::review::api {
namespace {

using nlohmann::json;

constexpr int kExportBatch = 100;
constexpr char kAnnualEndpoint[] = "skp22/save";
constexpr char kPeriodicEndpoint[] = "kinerjaperiodik/save";

json AnnualJson(const SiasnAnnualBody& b) {
  return json{{"hasilKinerjaNilai", b.hasil_kinerja_nilai},
              {"perilakuKerjaNilai", b.perilaku_kerja_nilai},
              {"kuadranKinerjaNilai", b.kuadran_kinerja_nilai},
              {"pnsDinilaiOrang", b.pns_dinilai_orang},
              {"tahun", b.tahun},
              {"penilaiNama", b.penilai_nama},
              {"penilaiNipNrp", b.penilai_nip_nrp},
              {"penilaiGolongan", b.penilai_golongan},
              {"penilaiJabatan", b.penilai_jabatan},
              {"penilaiUnorNama", b.penilai_unor_nama},
              {"statusPenilai", b.status_penilai}};
}

json PeriodicJson(const SiasnPeriodicBody& b) {
  return json{{"hasilKinerjaNilai", b.hasil_kinerja_nilai},
              {"perilakuKerjaNilai", b.perilaku_kerja_nilai},
              {"kuadranKinerjaNilai", b.kuadran_kinerja_nilai},
              {"pnsDinilaiOrang", b.pns_dinilai_orang},
              {"tahun", b.tahun},
              {"penilaiNama", b.penilai_nama},
              {"penilaiNipNrp", b.penilai_nip_nrp},
              {"penilaiGolongan", b.penilai_golongan},
              {"penilaiJabatan", b.penilai_jabatan},
              {"penilaiUnorNama", b.penilai_unor_nama},
              {"statusPenilai", b.status_penilai},
              {"bulanMulaiPenilaian", b.bulan_mulai_penilaian},
              {"bulanSelesaiPenilaian", b.bulan_selesai_penilaian},
              {"tahunMulaiPenilaian", b.tahun_mulai_penilaian},
              {"tahunSelesaiPenilaian", b.tahun_selesai_penilaian},
              {"periodikId", b.periodik_id},
              {"koefisienId", b.koefisien_id},
              {"pnsDinilaiId", b.pns_dinilai_id}};
}

// The record streamed for one candidate; FAILED_PRECONDITION "EXPORT_INCOMPLETE" naming the
// assessment when its body cannot be built (e.g. no SIASN id of the employee).
absl::StatusOr<v1::ExportRecord> RecordOf(const store::ExportCandidate& candidate,
                                          const std::string& koefisien_id, absl::Time now) {
  const Assessment& a = candidate.record.assessment;
  SiasnFacts facts{.employee_siasn_id = candidate.record.employee_siasn_id,
                   .koefisien_id = koefisien_id};
  v1::ExportRecord out;
  out.set_assessment_id(a.id);
  out.set_kind(KindToProto(a.kind));
  absl::Status built = absl::OkStatus();
  if (a.kind == AssessmentKind::kAnnual) {
    absl::StatusOr<SiasnAnnualBody> body = BuildAnnualExport(a, facts);
    if (body.ok()) {
      out.set_endpoint(kAnnualEndpoint);
      out.set_body_json(AnnualJson(*body).dump());
    }
    built = body.status();
  } else {
    absl::StatusOr<SiasnPeriodicBody> body = BuildPeriodicExport(a, facts);
    if (body.ok()) {
      out.set_endpoint(kPeriodicEndpoint);
      out.set_body_json(PeriodicJson(*body).dump());
    }
    built = body.status();
  }
  if (!built.ok()) {
    return errors::RuleViolation("EXPORT_INCOMPLETE",
                                 absl::StrCat("assessment ", a.id, ": ", built.message()));
  }
  out.set_reason(candidate.exported_before ? "CHANGED" : "NEW");
  rpc::TimeToProto(now, out.mutable_export_time());
  return out;
}

class ExportReactor final : public grpc::ServerWriteReactor<v1::ExportRecord> {
 public:
  ExportReactor(const ServiceDeps& deps, grpc::CallbackServerContext* ctx,
                const v1::ExportAssessmentsRequest& request)
      : deps_(deps), ctx_(ctx), request_(request), start_(absl::Now()) {
    absl::StatusOr<CallContext> call =
        deps_.calls->Begin(ctx, "ExportAssessments", metrics::GrpcType::kServerStream);
    if (!call.ok()) {
      call_.method = "ExportAssessments";
      call_.grpc_type = metrics::GrpcType::kServerStream;
      FinishWith(call.status());
      return;
    }
    call_ = *std::move(call);
    Submit([this] { Open(); });
  }

  void OnWriteDone(bool ok) override {
    if (!ok) {  // the client has gone: the rest of the batch stays unmarked
      FinishWith(absl::CancelledError("export stream broken"));
      return;
    }
    deps_.calls->Metrics(call_).MsgSent();
    ++next_;
    if (next_ < batch_.size()) {
      StartWrite(&batch_[next_].record);
      return;
    }
    Submit([this] { MarkAndContinue(); });
  }

  void OnCancel() override { cancelled_ = true; }
  void OnDone() override { delete this; }

 private:
  void Submit(absl::AnyInvocable<void() &&> step) {
    deps_.workers->Submit([this, step = std::move(step)]() mutable {
      log::ScopedRequestId scoped(call_.request_id);
      std::move(step)();
    });
  }

  void Open() {
    absl::Status status = Prepare();
    if (!status.ok()) return FinishWith(status);
    NextBatch();
  }

  absl::Status Prepare() {
    Violations v;
    if (request_.agency_id().empty()) v.Add("agency_id", "is required");
    if (request_.period_id().empty()) v.Add("period_id", "is required");
    if (request_.kind() != v1::ASSESSMENT_KIND_UNSPECIFIED) {
      std::optional<AssessmentKind> kind = v.Take(KindFromProto(request_.kind(), "kind"));
      query_.kind = kind;
    }
    if (request_.include_subunits() && request_.unit_id().empty()) {
      v.Add("include_subunits", "needs unit_id");
    }
    RETURN_IF_ERROR(v.ToStatus());
    RETURN_IF_ERROR(CanExport(call_.principal, request_.agency_id()));
    query_.agency_id = request_.agency_id();
    query_.period_id = request_.period_id();
    query_.all = request_.all();
    if (!request_.unit_id().empty()) {
      ASSIGN_OR_RETURN(employee::v1::OrgUnit unit,
                       Referenced(deps_.employees->GetOrgUnit(request_.unit_id()), "unit_id"));
      if (unit.agency_id() != request_.agency_id()) {
        return errors::RuleViolation(
            "DIFFERENT_AGENCY",
            absl::StrCat("unit_id: unit ", unit.id(), " is not in agency ", request_.agency_id()));
      }
      query_.unit_ids = {unit.id()};
      if (request_.include_subunits()) {
        ASSIGN_OR_RETURN(std::vector<std::string> below, deps_.employees->SubunitIds(unit.id()));
        query_.unit_ids.insert(query_.unit_ids.end(), below.begin(), below.end());
      }
    }
    ASSIGN_OR_RETURN(ReviewPolicy policy, deps_.store->GetPolicy(request_.agency_id()));
    koefisien_id_ = policy.koefisien_id;
    write_.ctx = call_.change();
    return absl::OkStatus();
  }

  // On a worker: the next batch of due assessments, written one by one.
  void NextBatch() {
    if (cancelled_ || ctx_->IsCancelled()) return FinishWith(absl::CancelledError("cancelled"));
    absl::StatusOr<std::vector<store::ExportCandidate>> candidates =
        deps_.store->PendingExports(query_, after_id_, kExportBatch);
    if (!candidates.ok()) return FinishWith(candidates.status());
    if (candidates->empty()) return FinishWith(absl::OkStatus());
    batch_.clear();
    next_ = 0;
    const absl::Time now = deps_.now();
    for (const store::ExportCandidate& candidate : *candidates) {
      absl::StatusOr<v1::ExportRecord> record = RecordOf(candidate, koefisien_id_, now);
      if (!record.ok()) return FinishWith(record.status());
      batch_.push_back({candidate.record.assessment.id, candidate.record.assessment.version,
                        *std::move(record)});
    }
    after_id_ = candidates->back().record.assessment.id;
    StartWrite(&batch_[0].record);
  }

  // On a worker: every message of the batch was written; mark them, then go on.
  void MarkAndContinue() {
    absl::Status marked = deps_.store->MarkExported(batch_, write_);
    if (!marked.ok()) return FinishWith(marked);
    NextBatch();
  }

  void FinishWith(const absl::Status& status) {
    deps_.calls->Observe(call_, absl::Now() - start_, status);
    Finish(server::ToGrpcStatus(status, deps_.calls->domain()));
  }

  const ServiceDeps deps_;
  grpc::CallbackServerContext* const ctx_;
  const v1::ExportAssessmentsRequest request_;
  const absl::Time start_;
  CallContext call_;
  store::ExportQuery query_;
  std::string koefisien_id_;
  db::WriteOptions write_;
  std::string after_id_;
  std::vector<store::ExportMark> batch_;
  size_t next_ = 0;
  std::atomic<bool> cancelled_{false};
};

}  // namespace

grpc::ServerWriteReactor<v1::ExportRecord>* ReviewService::ExportAssessments(
    grpc::CallbackServerContext* ctx, const v1::ExportAssessmentsRequest* request) {
  return new ExportReactor(deps_, ctx, *request);
}

}  // namespace kinerja::review::api
