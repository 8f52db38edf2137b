// ImportRecords: a client-streaming reactor. The first message is the header; the rest are the
// file's bytes. Parsing and store work run on the worker pool, one step at a time: the next
// message is read only after the previous one is processed, so gRPC flow control holds the
// client back and memory stays bounded for files of any size. All session work (including the
// rollback when a session is dropped) happens on the worker pool, never on a gRPC thread.
#include <atomic>
#include <memory>
#include <optional>

#include "absl/strings/str_cat.h"
#include "services/employee/api/employee_service.h"
#include "services/employee/api/import_parser.h"
#include "services/employee/api/request_support.h"
#include "services/employee/domain/access.h"
#include "shared/log/request_id.h"
#include "shared/rpc/proto_time.h"
#include "shared/server/status_mapping.h"

namespace kinerja::employee::api {
namespace {

using server::CallContext;

class ImportReactor final : public grpc::ServerReadReactor<v1::ImportRecordsRequest> {
 public:
  ImportReactor(const ServiceDeps& deps, grpc::CallbackServerContext* ctx,
                v1::ImportSummary* response)
      : deps_(deps), ctx_(ctx), response_(response), start_(absl::Now()) {
    absl::StatusOr<CallContext> call =
        deps_.calls->Begin(ctx, "ImportRecords", metrics::GrpcType::kClientStream);
    if (!call.ok()) {
      call_.method = "ImportRecords";
      call_.grpc_type = metrics::GrpcType::kClientStream;
      FinishWith(call.status());
      return;
    }
    call_ = *std::move(call);
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {  // the client finished sending, or the call was cancelled
      if (!header_.has_value()) {
        FinishWith(errors::InvalidField("header", "the stream ended before the import header"));
        return;
      }
      Submit([this] { Complete(); });
      return;
    }
    deps_.calls->Metrics(call_).MsgReceived();
    if (!header_.has_value()) {
      if (!request_.has_header()) {
        FinishWith(errors::InvalidField("header", "the first message must carry the header"));
        return;
      }
      header_ = request_.header();
      Submit([this] { Open(); });
      return;
    }
    if (request_.has_header()) {
      Submit([this] {
        Fail(errors::InvalidField("header", "only the first message may carry the header"));
      });
      return;
    }
    Submit([this] { Process(); });
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

  // Validates the header, checks access and opens the store's import session.
  void Open() {
    absl::Status status = OpenSession();
    if (!status.ok()) return Fail(status);
    NextRead();
  }

  absl::Status OpenSession() {
    Violations v;
    if (header_->kind() != v1::IMPORT_KIND_UNOR && header_->kind() != v1::IMPORT_KIND_DATA_UTAMA) {
      v.Add("header.kind", "must be UNOR or DATA_UTAMA");
    }
    if (header_->format() != v1::IMPORT_FORMAT_JSONL &&
        header_->format() != v1::IMPORT_FORMAT_CSV) {
      v.Add("header.format", "must be JSONL or CSV");
    }
    if (header_->agency_id().empty()) v.Add("header.agency_id", "is required");
    RETURN_IF_ERROR(v.ToStatus());
    RETURN_IF_ERROR(CanImport(call_.principal, header_->agency_id()));

    store::ImportOptions options;
    options.agency_id = header_->agency_id();
    options.dry_run = header_->dry_run();
    ASSIGN_OR_RETURN(options.write, WriteOptionsFor(call_, *header_));
    store::EmployeeStore& store = *deps_.store;
    ASSIGN_OR_RETURN(session_, header_->kind() == v1::IMPORT_KIND_UNOR
                                   ? store.BeginUnorImport(options)
                                   : store.BeginEmployeeImport(options));
    if (const std::optional<std::string>& replayed = session_->replayed_response()) {
      if (!response_->ParseFromString(*replayed)) {
        return absl::InternalError("stored import summary does not parse");
      }
      replayed_ = true;
      return absl::OkStatus();
    }
    NipOptions nip_options;
    nip_options.not_after = rpc::TodayInJakarta();  // no appointment in a later month
    parser_.emplace(header_->kind(), header_->format(), session_.get(), kImportBatchSize,
                    nip_options);
    return absl::OkStatus();
  }

  // One chunk of the file. A replayed import drains the stream without looking at it.
  void Process() {
    if (!replayed_) {
      absl::Status status = parser_->Feed(request_.data());
      if (!status.ok()) return Fail(status);
    }
    request_.Clear();
    NextRead();
  }

  // End of the upload: the last line and batch, the store's merge, commit (or roll back).
  void Complete() {
    if (cancelled_ || ctx_->IsCancelled()) return Fail(absl::CancelledError("import cancelled"));
    if (replayed_) {
      session_.reset();
      return FinishWith(absl::OkStatus());
    }
    absl::Status status = CompleteImport();
    if (!status.ok()) return Fail(status);
    session_.reset();
    FinishWith(absl::OkStatus());
  }

  absl::Status CompleteImport() {
    RETURN_IF_ERROR(parser_->Finish());
    ASSIGN_OR_RETURN(store::ImportCounts counts, session_->Apply());
    *response_ = MakeImportSummary(*parser_, counts, header_->dry_run());
    return session_->Commit(response_->SerializeAsString());
  }

  void NextRead() {
    if (cancelled_) return Fail(absl::CancelledError("import cancelled"));
    StartRead(&request_);
  }

  // On a worker: drops the session (rolling back) before finishing.
  void Fail(const absl::Status& status) {
    parser_.reset();
    session_.reset();
    response_->Clear();
    FinishWith(status);
  }

  void FinishWith(const absl::Status& status) {
    deps_.calls->Observe(call_, absl::Now() - start_, status);
    if (status.ok()) deps_.calls->Metrics(call_).MsgSent();  // the summary
    Finish(server::ToGrpcStatus(status, deps_.calls->domain()));
  }

  const ServiceDeps deps_;
  grpc::CallbackServerContext* const ctx_;
  v1::ImportSummary* const response_;
  const absl::Time start_;
  CallContext call_;
  v1::ImportRecordsRequest request_;
  std::optional<v1::ImportHeader> header_;
  std::unique_ptr<store::ImportSession> session_;
  std::optional<ImportParser> parser_;
  bool replayed_ = false;
  std::atomic<bool> cancelled_{false};
};

}  // namespace

grpc::ServerReadReactor<v1::ImportRecordsRequest>* EmployeeService::ImportRecords(
    grpc::CallbackServerContext* ctx, v1::ImportSummary* response) {
  return new ImportReactor(deps_, ctx, response);
}

}  // namespace kinerja::employee::api
