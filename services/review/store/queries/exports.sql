-- SIASN export marks (export_store.cc).

-- name: MarkExported
-- $1 assessment id, $2 exported version, $3 exported_by
INSERT INTO assessment_exports AS x (assessment_id, exported_version, exported_by)
VALUES ($1, $2, $3)
ON CONFLICT (assessment_id) DO UPDATE
SET exported_version = EXCLUDED.exported_version, exported_by = EXCLUDED.exported_by,
    export_count = x.export_count + 1, export_time = now()
