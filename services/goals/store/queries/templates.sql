-- Plan templates (template_store.cc). Times are microseconds since the epoch in results.

-- name: TemplateById
-- $1: template id
-- columns in the order of TemplateFromRow (store/rows.cc)
SELECT t.id, t.agency_id, t.name, t.results::text, t.version,
       (extract(epoch FROM t.create_time) * 1000000)::bigint, t.behaviours::text
FROM plan_templates t WHERE t.id = $1

-- name: InsertTemplate
-- $1: agency id, $2: name, $3: results (JSON, TemplateResultsJson), $4: behaviours (JSON,
-- BehavioursJson)
-- columns returned in the order of TemplateFromRow (store/rows.cc)
INSERT INTO plan_templates AS t (agency_id, name, results, behaviours)
VALUES ($1, $2, $3::jsonb, $4::jsonb)
RETURNING t.id, t.agency_id, t.name, t.results::text, t.version,
          (extract(epoch FROM t.create_time) * 1000000)::bigint, t.behaviours::text
