-- Per-value behaviour ratings of an assessment: the assessor may rate single BerAKHLAK core
-- values (each at most once) besides the overall behaviour rating, which stays the assessor's own
-- decision. A JSON array in the values' official order, with the domain's stable names
-- (services/review/domain/names.h, shared/rating/names.h):
--   [{"value": "ACCOUNTABLE", "rating": "BELOW", "note": "..."}]
-- A column of the assessment row rather than a child table: the row is written whole by
-- SaveAssessment and read back whole by to_jsonb (store/rows.cc), so the values follow the
-- assessment's version, audit row, events and objection decisions with it, and nothing in this
-- service queries single values (analytics reads them from the events).
ALTER TABLE assessments
  ADD COLUMN behaviour_values jsonb NOT NULL DEFAULT '[]'
    CHECK (jsonb_typeof(behaviour_values) = 'array' AND jsonb_array_length(behaviour_values) <= 7);
