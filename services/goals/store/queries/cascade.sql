-- LoadCascade (cascade_store.cc): both run in one REPEATABLE READ, READ ONLY transaction so
-- they read the same snapshot.

-- name: CascadePlans
-- $1: root plan id. The root plan and every non-closed plan of its period reachable downwards
-- through assessor_employee_id (the plans_cascade index, partial on is_open). UNION (not UNION
-- ALL) drops a plan reached twice, so cycles in the data end the walk.
-- columns in the order LoadCascade decodes them
WITH RECURSIVE tree (id, period_id, employee_id) AS (
  SELECT p.id, p.period_id, p.employee_id FROM plans p WHERE p.id = $1
  UNION
  SELECT c.id, c.period_id, c.employee_id FROM tree t JOIN plans c
    ON c.period_id = t.period_id AND c.assessor_employee_id = t.employee_id
   AND c.is_open)
SELECT p.id, p.employee_id, p.employee_nip, p.employee_name, p.position_id, p.position_name,
       p.unit_id, p.unit_name, p.employee_non_asn, p.employee_acting, p.employee_rank_label,
       p.position_type, p.state, p.assessor_employee_id
FROM tree t JOIN plans p ON p.id = t.id

-- name: CascadeResults
-- $1: text[] of plan ids
SELECT r.plan_id, r.id, r.kind, r.text, r.parent_result_id, r.cascade_type,
       r.parent_indicator_id
FROM plan_results r
WHERE r.plan_id = ANY($1::text[]) ORDER BY r.plan_id, r.ordinal
