-- The plan write path (plan_rows.cc, plan_mutation.cc): a workflow step runs LockPlan,
-- PlanFacts, SavePlan and StorePlanAnswer (an approval ApproveVersion instead, which stores the
-- answer too), a content edit also DeleteRemovedResults and UpsertResults; each is parsed and
-- planned once per connection. Dates are 'YYYY-MM-DD' and times microseconds since the epoch in
-- parameters; results as in plans.sql.

-- name: LockPlan
-- $1: plan id
-- columns in the order of PlanFromRow (store/rows.cc)
SELECT p.id, p.period_id, p.agency_id, p.employee_id, p.employee_nip, p.employee_name,
       p.position_id, p.position_name, p.unit_id, p.unit_name, p.employee_non_asn,
       p.employee_acting, p.employee_rank_label, p.position_type, p.assessor::text,
       p.assessor_superior::text, p.state, p.style, p.revision, p.revision_reason,
       p.return_note, p.behaviours::text, p.close_reason, (p.end_date - DATE '1970-01-01'),
       (extract(epoch FROM p.submit_time) * 1000000)::bigint,
       (extract(epoch FROM p.approve_time) * 1000000)::bigint, p.version,
       (extract(epoch FROM p.create_time) * 1000000)::bigint,
       (extract(epoch FROM p.update_time) * 1000000)::bigint,
       (p.start_date - DATE '1970-01-01'), (p.filling_deadline - DATE '1970-01-01'),
       p.original_assessor::text, p.original_assessor_superior::text, p.approved_revision,
       to_jsonb(p.unit_path)::text,
       (SELECT jsonb_agg(jsonb_build_array(r.id, r.kind, r.text, r.parent_result_id,
                                           r.perspective, r.template_id, r.indicators,
                                           r.cascade_type, r.parent_indicator_id)
                         ORDER BY r.ordinal)::text
        FROM plan_results r WHERE r.plan_id = p.id)
FROM plans p WHERE p.id = $1 FOR UPDATE OF p

-- name: OpenPlanId
-- $1: period id, $2: employee id, $3: position id
SELECT id FROM plans
WHERE period_id = $1 AND employee_id = $2 AND position_id = $3 AND is_open

-- name: InsertPlan
-- $1: period id, $2: agency id, $3..$12: the employee (id, nip, name, position id, position
-- name, unit id, unit name, non_asn, acting, rank label), $13: position type, $14: assessor
-- employee id (NULL: none or NON-ASN), $15: assessor JSON, $16: assessor's superior JSON, $17: state,
-- $18: style, $19: revision, $20: revision reason, $21: return note, $22: behaviours JSON,
-- $23: close reason, $24: end date, $25: submit time, $26: approve time, $27: start date,
-- $28: filling deadline, $29: approved revision, $30: unit path (text[]). The line the plan is
-- created with is also kept as its original line.
-- No row when the employee has an open plan in the period for the position.
INSERT INTO plans AS p (period_id, agency_id, employee_id, employee_nip, employee_name,
                        position_id, position_name, unit_id, unit_name, employee_non_asn,
                        employee_acting, employee_rank_label, position_type,
                        assessor_employee_id, assessor, assessor_superior, state, style,
                        revision, revision_reason, return_note, behaviours, close_reason,
                        end_date, submit_time, approve_time, start_date, filling_deadline,
                        original_assessor, original_assessor_superior, approved_revision,
                        unit_path)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16::jsonb,
        $17, $18, $19, $20, $21, $22::jsonb, $23, $24::date,
        (timestamptz 'epoch' + $25::bigint * interval '1 microsecond'),
        (timestamptz 'epoch' + $26::bigint * interval '1 microsecond'), $27::date, $28::date,
        $15::jsonb, $16::jsonb, $29, $30::text[])
ON CONFLICT (period_id, employee_id, position_id) WHERE is_open DO NOTHING
RETURNING p.id

-- name: UpsertResults
-- $1: plan id, $2: the results as JSON rows (ResultRowsJson). An update keeps `approved`; a
-- result id held by another plan is not written (fewer rows returned than sent).
INSERT INTO plan_results AS r (id, plan_id, ordinal, kind, text, parent_result_id, perspective,
                               template_id, indicators, cascade_type, parent_indicator_id)
SELECT x.id, $1, x.ordinal, x.kind, x.text, x.parent_result_id, x.perspective, x.template_id,
       coalesce(x.indicators, '[]'), x.cascade_type, x.parent_indicator_id
FROM jsonb_to_recordset($2::jsonb) AS x(id text, ordinal integer, kind text, text text,
                                        parent_result_id text, perspective text,
                                        template_id text, indicators jsonb, cascade_type text,
                                        parent_indicator_id text)
ON CONFLICT (id) DO UPDATE
SET ordinal = EXCLUDED.ordinal, kind = EXCLUDED.kind, text = EXCLUDED.text,
    parent_result_id = EXCLUDED.parent_result_id, perspective = EXCLUDED.perspective,
    template_id = EXCLUDED.template_id, indicators = EXCLUDED.indicators,
    cascade_type = EXCLUDED.cascade_type, parent_indicator_id = EXCLUDED.parent_indicator_id
WHERE r.plan_id = EXCLUDED.plan_id
RETURNING r.id

-- name: DeleteRemovedResults
-- $1: plan id, $2: text[] of the result ids the plan keeps
DELETE FROM plan_results WHERE plan_id = $1 AND id <> ALL($2::text[])

-- name: SavePlan
-- $1: plan id, $2..$9: the employee (nip, name, position name, unit id, unit name, non_asn,
-- acting, rank label), $10: position type, $11: assessor employee id (NULL: none or NON-ASN),
-- $12: assessor JSON, $13: assessor's superior JSON, $14: state, $15: style, $16: revision,
-- $17: revision reason, $18: return note, $19: behaviours JSON, $20: close reason,
-- $21: end date, $22: submit time, $23: approve time, $24: start date, $25: filling deadline,
-- $26: approved revision, $27: unit path (text[]). Bumps the version. The original line never
-- changes.
-- columns returned in the order of PlanFromRow (store/rows.cc) but the results: NULL (SavePlan
-- wrote them, or they did not change)
UPDATE plans AS p
SET employee_nip = $2, employee_name = $3, position_name = $4, unit_id = $5, unit_name = $6,
    employee_non_asn = $7, employee_acting = $8, employee_rank_label = $9, position_type = $10,
    assessor_employee_id = $11, assessor = $12::jsonb, assessor_superior = $13::jsonb,
    state = $14, style = $15, revision = $16, revision_reason = $17, return_note = $18,
    behaviours = $19::jsonb, close_reason = $20, end_date = $21::date,
    submit_time = (timestamptz 'epoch' + $22::bigint * interval '1 microsecond'),
    approve_time = (timestamptz 'epoch' + $23::bigint * interval '1 microsecond'),
    start_date = $24::date, filling_deadline = $25::date, approved_revision = $26,
    unit_path = $27::text[], version = p.version + 1, update_time = now()
WHERE p.id = $1
RETURNING p.id, p.period_id, p.agency_id, p.employee_id, p.employee_nip, p.employee_name,
          p.position_id, p.position_name, p.unit_id, p.unit_name, p.employee_non_asn,
          p.employee_acting, p.employee_rank_label, p.position_type, p.assessor::text,
          p.assessor_superior::text, p.state, p.style, p.revision, p.revision_reason,
          p.return_note, p.behaviours::text, p.close_reason, (p.end_date - DATE '1970-01-01'),
          (extract(epoch FROM p.submit_time) * 1000000)::bigint,
          (extract(epoch FROM p.approve_time) * 1000000)::bigint, p.version,
          (extract(epoch FROM p.create_time) * 1000000)::bigint,
          (extract(epoch FROM p.update_time) * 1000000)::bigint,
          (p.start_date - DATE '1970-01-01'), (p.filling_deadline - DATE '1970-01-01'),
          p.original_assessor::text, p.original_assessor_superior::text, p.approved_revision,
          to_jsonb(p.unit_path)::text, NULL::text

-- name: PlanFacts
-- $1: period id, $2: employee id, $3: text[] of the plan's unit path (PolicyUnitPath), $4: text[]
-- of parent result ids, $5: text[] of the plan's result ids, $6: plan id. The plan's period (not
-- locked, see LoadFacts), then the employee's extension (days since 1970-01-01, NULL: none), the
-- policies of the path's units as JSON ([[unit id, public_service, include_subunits, survey_id],
-- ...], NULL: none), the named parents as JSON ([[result id, plan id, period id, owner employee
-- id, approved, plan state, [indicator id, ...], owner position id], ...], NULL: none) and which of the plan's
-- results results of other open plans cascade from (JSON array of ids, NULL: none).
-- columns in the order of PeriodFromRow (store/rows.cc), then those four
SELECT p.id, p.agency_id, p.year, p.name, (p.start_date - DATE '1970-01-01'),
       (p.end_date - DATE '1970-01-01'), (p.filling_deadline - DATE '1970-01-01'), p.cadence,
       p.state, p.version, (extract(epoch FROM p.create_time) * 1000000)::bigint,
       (extract(epoch FROM p.update_time) * 1000000)::bigint, p.mid_year_filling_days,
       (SELECT x.until - DATE '1970-01-01' FROM deadline_extensions x
        WHERE x.period_id = p.id AND x.employee_id = $2),
       (SELECT jsonb_agg(jsonb_build_array(u.unit_id, u.public_service, u.include_subunits,
                                           u.survey_id))::text
        FROM unit_policies u WHERE u.unit_id = ANY($3::text[])),
       (SELECT jsonb_agg(jsonb_build_array(r.id, q.id, q.period_id, q.employee_id, r.approved,
                                           q.state,
                                           (SELECT coalesce(jsonb_agg(i->'id'), '[]')
                                            FROM jsonb_array_elements(r.indicators) i),
                                           q.position_id))::text
        FROM plan_results r JOIN plans q ON q.id = r.plan_id WHERE r.id = ANY($4::text[])),
       (SELECT jsonb_agg(d.parent_result_id ORDER BY d.parent_result_id)::text
        FROM (SELECT DISTINCT c.parent_result_id FROM plan_results c JOIN plans q
              ON q.id = c.plan_id
              WHERE c.parent_result_id = ANY($5::text[]) AND c.plan_id <> $6 AND q.is_open) d)
FROM periods p WHERE p.id = $1

-- name: ApproveVersion
-- $1: plan id, $2: revision, $3: snapshot (pb::Plan bytes), $4: snapshot JSON,
-- $5: approved by, $6: approve time (NULL: now), $7: effective from. Records the approved
-- version, marks every
-- current result of the plan approved and stores the snapshot as the plan's answer (the approved
-- plan is what GetPlan answers; StorePlanAnswer), in one statement.
WITH marked AS (UPDATE plan_results SET approved = true WHERE plan_id = $1 AND NOT approved),
     answer AS (INSERT INTO plan_answers AS a (plan_id, answer) VALUES ($1, $3)
                ON CONFLICT (plan_id) DO UPDATE SET answer = EXCLUDED.answer)
INSERT INTO plan_versions (plan_id, revision, snapshot, snapshot_json, approved_by,
                           approve_time, effective_from)
VALUES ($1, $2, $3, $4::jsonb, $5,
        coalesce((timestamptz 'epoch' + $6::bigint * interval '1 microsecond'), now()),
        $7::date)

-- name: StorePlanAnswer
-- $1: plan id, $2: the plan as GetPlan answers it (pb::Plan bytes) after the change.
INSERT INTO plan_answers AS a (plan_id, answer) VALUES ($1, $2)
ON CONFLICT (plan_id) DO UPDATE SET answer = EXCLUDED.answer

-- name: InsertDecision
-- $1: plan id, $2: revision, $3: action, $4: decided by (PlanPerson JSON), $5: capacity,
-- $6: recorded by, $7: note, $8: decide time (microseconds).
INSERT INTO plan_decisions (plan_id, revision, action, decided_by, capacity, recorded_by, note,
                            decide_time)
VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7,
        (timestamptz 'epoch' + $8::bigint * interval '1 microsecond'))

-- name: OpenPlanLines
-- $1: text[] of employee ids. The open plans of those employees in periods that are not LOCKED,
-- with the line they keep (an organisation change's refresh compares it with the line of the
-- day).
-- columns: plan id, employee id, position id, assessor JSON, assessor's superior JSON, unit
-- path JSON
SELECT p.id, p.employee_id, p.position_id, p.assessor::text, p.assessor_superior::text,
       to_jsonb(p.unit_path)::text
FROM plans p JOIN periods pe ON pe.id = p.period_id
WHERE p.employee_id = ANY($1::text[]) AND p.is_open AND pe.state <> 'LOCKED'
ORDER BY p.id

-- name: PeriodStateOfPlan
-- $1: plan id
SELECT pe.state FROM plans p JOIN periods pe ON pe.id = p.period_id WHERE p.id = $1
