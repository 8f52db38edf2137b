-- Plan reads (plan_store.cc, plan_rows.cc). A plan is read with its results as one JSON array
-- ([[id, kind, text, parent, perspective, template_id, indicators, cascade_type,
-- parent_indicator_id], ...] in ordinal order);
-- dates are days since 1970-01-01 and times microseconds since the epoch.

-- name: PlansByIds
-- $1: text[] of plan ids (GetPlan of one id, the coalesced reads' fallback). A missing id has
-- no row.
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
FROM plans p WHERE p.id = ANY($1::text[])

-- name: OpenPlansOfEmployee
-- $1: employee id. Non-closed plans of any period, oldest first.
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
FROM plans p WHERE p.employee_id = $1 AND p.is_open ORDER BY p.create_time, p.id

-- name: PlanVersions
-- $1: plan id. One row with NULL columns when the plan exists but has no approved version, none
-- when the plan does not exist.
-- columns: revision, snapshot (pb::Plan bytes), approved_by, approve_time (microseconds),
-- effective from, the plan's start date and end date (days since 1970-01-01)
SELECT v.revision, v.snapshot, v.approved_by,
       (extract(epoch FROM v.approve_time) * 1000000)::bigint,
       (v.effective_from - DATE '1970-01-01'), (p.start_date - DATE '1970-01-01'),
       (p.end_date - DATE '1970-01-01')
FROM plans p LEFT JOIN plan_versions v ON v.plan_id = p.id WHERE p.id = $1
ORDER BY v.revision

-- name: PlanDecisions
-- $1: plan id. One row with NULL columns when the plan exists but has no decision, none when
-- the plan does not exist. Oldest first.
-- columns: revision, action, decided by (PlanPerson JSON), capacity, recorded by, note,
-- decide time (microseconds)
SELECT d.revision, d.action, d.decided_by::text, d.capacity, d.recorded_by, d.note,
       (extract(epoch FROM d.decide_time) * 1000000)::bigint
FROM plans p LEFT JOIN plan_decisions d ON d.plan_id = p.id WHERE p.id = $1
ORDER BY d.id

-- name: PlanAnswersByIds
-- $1: text[] of plan ids (the coalesced GetPlan reads). The stored answers (pb::Plan bytes,
-- plan_answers); a plan without one, or a missing plan, has no row.
-- columns: plan id, answer
SELECT a.plan_id, a.answer FROM plan_answers a WHERE a.plan_id = ANY($1::text[])
