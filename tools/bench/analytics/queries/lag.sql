-- The load of the lag measurement (event_lag.cc).

-- name: SampleAssessments
-- $1 year, $2 how many: annual assessments of the read model to finalise (again) with the load's
-- events: drafts first, then finalised ones from a tenth of the table's pages, each set spread
-- over the nation by a hash of the id.
(SELECT assessment_id, plan_id, period_id, agency_id, unit_id, unit_head, position_type,
        employee_id, nip, name, assessor_nip, assessor_name
 FROM assessments
 WHERE kind = 'ANNUAL' AND year = $1 AND NOT finalised
 ORDER BY hashtext(assessment_id) LIMIT $2)
UNION ALL
(SELECT assessment_id, plan_id, period_id, agency_id, unit_id, unit_head, position_type,
        employee_id, nip, name, assessor_nip, assessor_name
 FROM assessments TABLESAMPLE SYSTEM (10) REPEATABLE (7)
 WHERE kind = 'ANNUAL' AND year = $1 AND finalised
 ORDER BY hashtext(assessment_id) LIMIT $2)
