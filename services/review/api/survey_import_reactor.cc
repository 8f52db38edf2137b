// ImportSurveyResults: a client-streaming reactor in the shape of the employee service's
// ImportRecords. The first message is the header; the rest are the CSV's bytes split anywhere
// (shared/text/line_splitter.h reassembles lines, shared/text/csv.h splits them). Every step runs
// on the worker pool, one message at a time (gRPC flow control holds the client back). Lines are
// validated as they arrive (fields, units of the agency through the employee service, cached per
// import, duplicates in the file); at the end the rows are written in one transaction, or not at
// all when any line is bad or the header asks for a dry run.
#include <atomic>
#include <map>
#include <optional>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "services/review/api/feedback_support.h"
#include "services/review/api/review_service.h"
#include "services/review/api/support.h"
#include "services/review/domain/survey.h"
#include "shared/log/request_id.h"
#include "shared/server/status_mapping.h"
#include "shared/text/csv.h"
#include "shared/text/line_splitter.h"
#include "shared/text/text.h"

namespace kinerja::review::api {
namespace {

namespace ev1 = ::kinerja::employee::v1;

constexpr size_t kMaxLineBytes = 4096;
constexpr size_t kMaxRows = 50000;
constexpr int kMaxReportedErrors = 1000;

class SurveyImportReactor final : public grpc::ServerReadReactor<v1::ImportSurveyResultsRequest> {
 public:
  SurveyImportReactor(const ServiceDeps& deps, grpc::CallbackServerContext* ctx,
                      v1::ImportSurveyResultsSummary* response)
      : deps_(deps), ctx_(ctx), response_(response), start_(absl::Now()) {
    absl::StatusOr<CallContext> call =
        deps_.calls->Begin(ctx, "ImportSurveyResults", metrics::GrpcType::kClientStream);
    if (!call.ok()) {
      call_.method = "ImportSurveyResults";
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
        FinishWith(errors::InvalidField("header", "only the first message may carry the header"));
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

  void Open() {
    if (header_->agency_id().empty()) {
      return FinishWith(errors::InvalidField("header.agency_id", "is required"));
    }
    absl::Status allowed = CanImportSurveyResults(call_.principal, header_->agency_id());
    if (!allowed.ok()) return FinishWith(allowed);
    NextRead();
  }

  void Process() {
    lines_.Feed(request_.data(), [this](const text::Line& line) { OnLine(line); });
    request_.Clear();
    if (!fatal_.ok()) return FinishWith(fatal_);
    NextRead();
  }

  void AddError(int64_t line, std::string field, std::string message) {
    if (response_->errors_size() < kMaxReportedErrors) {
      v1::SurveyImportError* e = response_->add_errors();
      e->set_line(line);
      e->set_field(std::move(field));
      e->set_message(std::move(message));
    }
  }

  void OnLine(const text::Line& line) {
    if (!fatal_.ok()) return;
    if (line.too_long) {
      if (!columns_.has_value()) {
        fatal_ = errors::InvalidField("data", "the header row is too long");
        return;
      }
      ++received_;
      ++failed_;
      AddError(line.number, "line", absl::StrCat("longer than ", kMaxLineBytes, " bytes"));
      return;
    }
    if (!columns_.has_value()) {  // the header row
      absl::StatusOr<text::CsvHeader> header = text::CsvHeader::Parse(line.text);
      absl::StatusOr<SurveyColumns> columns =
          header.ok() ? SurveyColumns::FromHeader(*header) : header.status();
      if (!columns.ok()) {
        fatal_ = errors::InvalidField(
            "data", absl::StrCat("line ", line.number, ": ", columns.status().message()));
        return;
      }
      columns_ = *columns;
      return;
    }
    if (IsBlank(line.text)) return;
    ++received_;
    if (rows_.size() >= kMaxRows) {
      fatal_ = errors::InvalidField("data", absl::StrCat("more than ", kMaxRows, " lines"));
      return;
    }
    absl::Status split = splitter_.Split(line.text);
    if (!split.ok()) {
      ++failed_;
      AddError(line.number, "line", std::string(split.message()));
      return;
    }
    absl::StatusOr<SurveyRow> row = ParseSurveyRow(*columns_, splitter_.fields());
    if (!row.ok()) {
      ++failed_;
      for (const errors::FieldViolation& v : errors::ViolationsOf(row.status())) {
        AddError(line.number, v.field, v.description);
      }
      return;
    }
    absl::Status unit = CheckUnit(row->unit_id);
    if (!unit.ok()) {
      if (unit.code() != absl::StatusCode::kInvalidArgument) {
        fatal_ = unit;  // the employee service failed: the import cannot be judged
        return;
      }
      ++failed_;
      AddError(line.number, "unit_id", std::string(errors::ViolationsOf(unit).front().description));
      return;
    }
    auto key = std::make_tuple(row->unit_id, row->survey_id, row->period_start, row->period_end);
    auto [it, inserted] = first_line_.try_emplace(key, line.number);
    if (!inserted) {
      ++failed_;
      AddError(line.number, "survey_id",
               absl::StrCat("the same unit, survey and period as line ", it->second));
      return;
    }
    rows_.push_back(*std::move(row));
  }

  // INVALID_ARGUMENT unit_id when the unit is unknown or of another agency; other errors are the
  // employee service's.
  absl::Status CheckUnit(const std::string& unit_id) {
    auto cached = units_.find(unit_id);
    if (cached == units_.end()) {
      absl::StatusOr<ev1::OrgUnit> unit = deps_.employees->GetOrgUnit(unit_id);
      absl::Status verdict;
      if (absl::IsNotFound(unit.status()) || absl::IsInvalidArgument(unit.status())) {
        verdict = errors::InvalidField("unit_id", absl::StrCat("unit ", unit_id, " not found"));
      } else if (!unit.ok()) {
        return unit.status();
      } else if (unit->agency_id() != header_->agency_id()) {
        verdict = errors::InvalidField(
            "unit_id", absl::StrCat("unit ", unit_id, " belongs to another agency"));
      }
      cached = units_.emplace(unit_id, verdict).first;
    }
    return cached->second;
  }

  void Complete() {
    if (cancelled_ || ctx_->IsCancelled()) {
      return FinishWith(absl::CancelledError("import cancelled"));
    }
    lines_.Finish([this](const text::Line& line) { OnLine(line); });
    if (!fatal_.ok()) return FinishWith(fatal_);
    if (!columns_.has_value()) {
      return FinishWith(errors::InvalidField("data", "no header row"));
    }
    const auto summarise = [this](int64_t created, int64_t updated) {
      v1::ImportSurveyResultsSummary s = *response_;
      s.set_received(received_);
      s.set_created(created);
      s.set_updated(updated);
      s.set_failed(failed_);
      s.set_dry_run(header_->dry_run());
      return s;
    };
    if (failed_ > 0) {  // nothing is written when any line is bad
      *response_ = summarise(0, 0);
      return FinishWith(absl::OkStatus());
    }
    absl::StatusOr<db::WriteOptions> write = WriteOptionsFor(call_, *header_);
    if (!write.ok()) return FinishWith(write.status());
    store::SurveyImport import{.agency_id = header_->agency_id(),
                               .rows = std::move(rows_),
                               .dry_run = header_->dry_run(),
                               .summarise = summarise};
    absl::StatusOr<v1::ImportSurveyResultsSummary> summary =
        deps_.store->ImportSurveyResults(std::move(import), *write);
    if (!summary.ok()) return FinishWith(summary.status());
    *response_ = *std::move(summary);
    FinishWith(absl::OkStatus());
  }

  void NextRead() {
    if (cancelled_) return FinishWith(absl::CancelledError("import cancelled"));
    StartRead(&request_);
  }

  void FinishWith(const absl::Status& status) {
    if (!status.ok()) response_->Clear();
    deps_.calls->Observe(call_, absl::Now() - start_, status);
    if (status.ok()) deps_.calls->Metrics(call_).MsgSent();
    Finish(server::ToGrpcStatus(status, deps_.calls->domain()));
  }

  const ServiceDeps deps_;
  grpc::CallbackServerContext* const ctx_;
  v1::ImportSurveyResultsSummary* const response_;
  const absl::Time start_;
  CallContext call_;
  v1::ImportSurveyResultsRequest request_;
  std::optional<v1::SurveyImportHeader> header_;
  text::LineSplitter lines_{kMaxLineBytes};
  text::CsvLineSplitter splitter_;
  std::optional<SurveyColumns> columns_;
  std::vector<SurveyRow> rows_;
  std::map<std::tuple<std::string, std::string, absl::CivilDay, absl::CivilDay>, int64_t>
      first_line_;
  std::map<std::string, absl::Status> units_;
  absl::Status fatal_;
  int64_t received_ = 0;
  int64_t failed_ = 0;
  std::atomic<bool> cancelled_{false};
};

}  // namespace

grpc::ServerReadReactor<v1::ImportSurveyResultsRequest>* ReviewService::ImportSurveyResults(
    grpc::CallbackServerContext* ctx, v1::ImportSurveyResultsSummary* response) {
  return new SurveyImportReactor(deps_, ctx, response);
}

}  // namespace kinerja::review::api
