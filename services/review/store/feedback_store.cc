// Continuous feedback notes (umpan balik berkelanjutan): append-only.
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "kinerja/review/v1/events.pb.h"
#include "services/review/domain/names.h"
#include "services/review/store/feedback_rows.h"
#include "services/review/store/queries.h"
#include "services/review/store/review_store.h"
#include "services/review/store/rows.h"

namespace kinerja::review::store {

absl::StatusOr<v1::FeedbackNote> ReviewStore::AddFeedbackNote(const FeedbackNoteEntry& entry,
                                                              const WriteOptions& write) {
  return internal::RunMessageWrite<v1::FeedbackNote>(
      pool_, write, [&](pqxx::work& tx) -> absl::StatusOr<v1::FeedbackNote> {
        pqxx::result saved = db::Exec(tx, queries::kInsertFeedbackNote, entry.plan_id,
                                      entry.agency_id, internal::OfficialJson(entry.author),
                                      std::string(NoteAuthorRoleName(entry.role)), entry.text);
        v1::FeedbackNote note = internal::FeedbackNoteFromRow(saved[0]);
        internal::Audit(tx, write, "feedback_note.add", "feedback_note", note.id(), std::nullopt,
                        internal::MessageJson(note));
        v1::FeedbackNoteChanged event;
        *event.mutable_note() = note;
        internal::Emit(tx, write, kFeedbackNoteAdded, "feedback_note", note.id(), event);
        return note;
      });
}

absl::StatusOr<Page<v1::FeedbackNote>> ReviewStore::ListFeedbackNotes(const std::string& plan_id,
                                                                      const PageRequest& page) {
  RETURN_IF_ERROR(internal::CheckPage(page, 2));
  int64_t after_micros = -1;
  std::string after_id;
  if (!page.after.empty()) {
    if (!absl::SimpleAtoi(page.after[0], &after_micros)) {
      return errors::InvalidField("page_token", "does not fit this list");
    }
    after_id = page.after[1];
  }
  return internal::RunRead(
      pool_, [&](pqxx::transaction_base& tx) -> absl::StatusOr<Page<v1::FeedbackNote>> {
        pqxx::result r = db::Exec(tx, queries::kFeedbackNotePage, plan_id, after_micros, after_id,
                                  page.page_size + 1);
        Page<v1::FeedbackNote> out;
        int64_t last_micros = 0;
        for (const pqxx::row& row : r) {
          if (static_cast<int>(out.items.size()) == page.page_size) {
            out.has_more = true;
            break;
          }
          last_micros = row[4].as<int64_t>();
          out.items.push_back(internal::FeedbackNoteFromRow(row));
        }
        if (out.has_more) out.last_key = {absl::StrCat(last_micros), out.items.back().id()};
        return out;
      });
}

}  // namespace kinerja::review::store
