#include "tools/gen/flags.h"

#include <cmath>
#include <optional>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "shared/text/text.h"

namespace kinerja::gen {
namespace {

absl::Status BadValue(std::string_view flag, std::string_view expected, std::string_view value) {
  return absl::InvalidArgumentError(
      absl::StrCat(ToAbsl(flag), ": expected ", ToAbsl(expected), ", got '", ToAbsl(value), "'"));
}

absl::Status ParseShare(std::string_view flag, std::string_view value, double* out) {
  double share = 0;
  if (!absl::SimpleAtod(ToAbsl(value), &share) || !std::isfinite(share) || share < 0 || share > 1) {
    return BadValue(flag, "a fraction from 0 to 1 (e.g. 0.15)", value);
  }
  *out = share;
  return absl::OkStatus();
}

absl::Status Apply(std::string_view flag, std::string_view value, GenOptions& options) {
  if (flag == "--out") {
    if (value.empty()) return BadValue(flag, "a directory", value);
    options.out_dir = std::string(value);
  } else if (flag == "--employees") {
    int64_t employees = 0;
    if (!absl::SimpleAtoi(ToAbsl(value), &employees) || employees < kMinEmployees ||
        employees > kMaxEmployees) {
      return BadValue(flag, absl::StrCat("an integer from ", kMinEmployees, " to ", kMaxEmployees),
                      value);
    }
    options.employees = employees;
  } else if (flag == "--seed") {
    if (!absl::SimpleAtoi(ToAbsl(value), &options.seed)) {
      return BadValue(flag, "a non-negative integer", value);
    }
  } else if (flag == "--format") {
    if (value == "jsonl") {
      options.format = OutputFormat::kJsonl;
    } else if (value == "csv") {
      options.format = OutputFormat::kCsv;
    } else {
      return BadValue(flag, "jsonl or csv", value);
    }
  } else if (flag == "--pppk-share") {
    return ParseShare(flag, value, &options.pppk_share);
  } else if (flag == "--vacancy-share") {
    return ParseShare(flag, value, &options.vacancy_share);
  } else if (flag == "--as-of") {
    const std::optional<Date> date = ParseIsoDate(value);
    if (!date.has_value() || date->year < 1990 || date->year > 2100) {
      return BadValue(flag, "a date YYYY-MM-DD between 1990 and 2100", value);
    }
    options.as_of = *date;
  } else {
    return absl::InvalidArgumentError(absl::StrCat("unknown flag '", ToAbsl(flag), "'"));
  }
  return absl::OkStatus();
}

constexpr std::string_view kKnownFlags[] = {"--out",        "--employees",     "--seed", "--format",
                                            "--pppk-share", "--vacancy-share", "--as-of"};

bool IsKnown(std::string_view flag) {
  for (std::string_view known : kKnownFlags) {
    if (flag == known) return true;
  }
  return false;
}

}  // namespace

absl::StatusOr<ParsedFlags> ParseFlags(std::span<const std::string_view> args) {
  ParsedFlags parsed;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    if (arg == "--help" || arg == "-h") {
      parsed.help = true;
      return parsed;
    }
    if (!arg.starts_with("--")) {
      return absl::InvalidArgumentError(absl::StrCat("unexpected argument '", ToAbsl(arg), "'"));
    }
    std::string_view flag = arg;
    std::string_view value;
    const size_t equals = arg.find('=');
    if (equals != std::string_view::npos) flag = arg.substr(0, equals);
    if (!IsKnown(flag)) {
      return absl::InvalidArgumentError(absl::StrCat("unknown flag '", ToAbsl(flag), "'"));
    }
    if (equals != std::string_view::npos) {
      value = arg.substr(equals + 1);
    } else {
      if (i + 1 >= args.size())
        return absl::InvalidArgumentError(absl::StrCat(ToAbsl(flag), ": missing value"));
      value = args[++i];
    }
    if (absl::Status status = Apply(flag, value, parsed.options); !status.ok()) return status;
  }
  if (parsed.options.out_dir.empty()) return absl::InvalidArgumentError("--out is required");
  return parsed;
}

std::string UsageText() {
  return absl::StrCat(
      "Usage: kinerja-gen --out DIR [flags]\n"
      "\n"
      "Generates synthetic Indonesian regional-government agencies in the shape of SIASN\n"
      "import files: unor.jsonl and data-utama.jsonl (or .csv), agency.json, agencies.jsonl.\n"
      "\n"
      "Flags:\n"
      "  --out DIR             output directory, created if missing (required)\n"
      "  --employees N         total employees, ",
      kMinEmployees, " to ", kMaxEmployees,
      " (default 5000); above 20000 several agencies\n"
      "  --seed S              random seed; the same seed gives the same files (default 1)\n"
      "  --format jsonl|csv    record format (default jsonl; CSV is RFC 4180 with a header)\n"
      "  --pppk-share F        share of PPPK contract staff, 0..1 (default 0.15)\n"
      "  --vacancy-share F     share of vacant leader positions, 0..1 (default 0.03)\n"
      "  --as-of YYYY-MM-DD    reference date for ages, ranks and CPNS status (default "
      "2025-07-01)\n"
      "  --help                show this help\n");
}

}  // namespace kinerja::gen
