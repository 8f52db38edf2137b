#include "shared/db/migration_plan.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "shared/crypto/encoding.h"
#include "shared/crypto/hmac.h"

namespace kinerja::db {
namespace {

constexpr std::string_view kContractMarker = "-- kinerja-contract-after:";

std::string_view SourceOf(std::string_view id) { return id.substr(0, id.find('/')); }

// The last id of each source among the binary's migrations.
std::map<std::string, std::string, std::less<>> LastKnownBySource(
    const std::vector<Migration>& known) {
  std::map<std::string, std::string, std::less<>> last;
  for (const Migration& m : known) {
    std::string& id = last[std::string(SourceOf(m.id))];
    id = std::max(id, m.id);
  }
  return last;
}

absl::Status CheckChecksums(const std::vector<Migration>& known,
                            const std::map<std::string, const AppliedMigration*>& applied) {
  for (const Migration& m : known) {
    auto it = applied.find(m.id);
    if (it != applied.end() && it->second->checksum != MigrationChecksum(m.sql)) {
      return absl::FailedPreconditionError(
          absl::StrCat("migration ", m.id,
                       " was changed after it was applied; add a new migration instead of "
                       "editing an applied one"));
    }
  }
  return absl::OkStatus();
}

// Applied migrations the binary does not know, all of them newer than its own of their source;
// any other unknown migration is an error.
absl::StatusOr<std::vector<const AppliedMigration*>> NewerUnknown(
    const std::vector<Migration>& known, const std::vector<AppliedMigration>& applied) {
  std::set<std::string_view> known_ids;
  for (const Migration& m : known) known_ids.insert(m.id);
  const auto last = LastKnownBySource(known);
  std::vector<const AppliedMigration*> newer;
  std::vector<std::string> foreign;
  for (const AppliedMigration& a : applied) {
    if (known_ids.contains(a.id)) continue;
    auto it = last.find(SourceOf(a.id));
    if (it != last.end() && a.id > it->second) {
      newer.push_back(&a);
    } else {
      foreign.push_back(a.id);
    }
  }
  if (!foreign.empty()) {
    std::sort(foreign.begin(), foreign.end());
    return absl::FailedPreconditionError(absl::StrCat(
        "the database has migrations this binary does not know that are not newer than its own (",
        absl::StrJoin(foreign, ", "),
        "): a binary from another branch migrated this schema; no order of the two is right"));
  }
  std::sort(newer.begin(), newer.end(),
            [](const AppliedMigration* a, const AppliedMigration* b) { return a->id < b->id; });
  return newer;
}

// Known migrations not applied yet that sort before an applied one of the same source.
std::vector<std::string> OutOfOrder(const std::vector<const Migration*>& missing,
                                    const std::vector<AppliedMigration>& applied) {
  std::map<std::string, std::string, std::less<>> last_applied;
  for (const AppliedMigration& a : applied) {
    std::string& id = last_applied[std::string(SourceOf(a.id))];
    id = std::max(id, a.id);
  }
  std::vector<std::string> out;
  for (const Migration* m : missing) {
    auto it = last_applied.find(SourceOf(m->id));
    if (it != last_applied.end() && m->id < it->second) out.push_back(m->id);
  }
  return out;
}

absl::Status CheckContracts(const std::vector<Migration>& known,
                            const std::vector<const AppliedMigration*>& newer) {
  std::set<std::string_view> known_ids;
  for (const Migration& m : known) known_ids.insert(m.id);
  for (const AppliedMigration* a : newer) {
    if (!a->contract_after.empty() && !known_ids.contains(a->contract_after)) {
      return absl::FailedPreconditionError(
          absl::StrCat("the database has contract migration ", a->id,
                       ", safe only for binaries that know ", a->contract_after,
                       "; this binary is more than one release behind the database: "
                       "run a newer release"));
    }
  }
  return absl::OkStatus();
}

std::vector<std::string> Ids(const std::vector<const Migration*>& ms) {
  std::vector<std::string> ids;
  for (const Migration* m : ms) ids.push_back(m->id);
  return ids;
}

}  // namespace

std::string MigrationChecksum(std::string_view sql) {
  return crypto::HexEncode(crypto::Sha256(std::string(sql)));
}

std::string ContractAfter(std::string_view sql) {
  // Debian's Abseil has its own string_view.
  for (absl::string_view line : absl::StrSplit(absl::string_view(sql.data(), sql.size()), '\n')) {
    if (absl::ConsumePrefix(&line,
                            absl::string_view(kContractMarker.data(), kContractMarker.size()))) {
      return std::string(absl::StripAsciiWhitespace(line));
    }
  }
  return "";
}

absl::StatusOr<MigrationPlan> PlanMigrations(const std::vector<Migration>& known,
                                             const std::vector<AppliedMigration>& applied) {
  std::map<std::string, const AppliedMigration*> by_id;
  for (const AppliedMigration& a : applied) by_id[a.id] = &a;
  if (absl::Status s = CheckChecksums(known, by_id); !s.ok()) return s;
  auto newer = NewerUnknown(known, applied);
  if (!newer.ok()) return newer.status();

  MigrationPlan plan;
  for (const Migration& m : known) {
    if (by_id.contains(m.id)) {
      ++plan.already_applied;
    } else {
      plan.to_apply.push_back(&m);
    }
  }
  for (const AppliedMigration* a : *newer) plan.newer.push_back(a->id);
  if (!plan.newer.empty() && !plan.to_apply.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the database is ahead of this binary (", absl::StrJoin(plan.newer, ", "),
        ") yet lacks its migrations ", absl::StrJoin(Ids(plan.to_apply), ", "),
        "; applying them now would run them out of order: migrate with the newest release"));
  }
  if (std::vector<std::string> late = OutOfOrder(plan.to_apply, applied); !late.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "migrations ", absl::StrJoin(late, ", "),
        " are not applied but later ones of the same source are; applying them now would run "
        "them out of order"));
  }
  if (absl::Status s = CheckContracts(known, *newer); !s.ok()) return s;
  return plan;
}

}  // namespace kinerja::db
