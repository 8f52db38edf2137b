-- Rebuilding what the ingestion keeps incrementally (rebuild.cc): after a bulk load of the read
-- model (the national benchmark), or by an operator who suspects drift.

-- name: ClearPredicateCounts
DELETE FROM predicate_counts

-- name: ClearAgencyPredicateCounts
DELETE FROM agency_predicate_counts

-- name: RecountPredicates
-- Counters from the finalised assessments.
INSERT INTO predicate_counts (year, kind, window_index, agency_id, unit_id, position_type,
                              predicate, n)
SELECT year, kind, window_index, agency_id, unit_id, position_type, predicate, count(*)
FROM assessments WHERE finalised AND predicate IS NOT NULL
GROUP BY year, kind, window_index, agency_id, unit_id, position_type, predicate

-- name: RecountAgencyPredicates
INSERT INTO agency_predicate_counts (year, kind, window_index, agency_id, position_type,
                                     predicate, n)
SELECT year, kind, window_index, agency_id, position_type, predicate, sum(n)
FROM predicate_counts GROUP BY year, kind, window_index, agency_id, position_type, predicate

-- name: UnitsWithOrgPredicate
-- Every (unit, period) with an organisation predicate.
SELECT unit_id, period_id FROM org_predicates ORDER BY period_id, unit_id

-- name: ClearUnitCompliance
DELETE FROM unit_compliance
