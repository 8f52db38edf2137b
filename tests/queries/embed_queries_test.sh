#!/usr/bin/env bash
# cmake/embed_queries.py: named statements become constants; a repeated, malformed or empty
# name fails the build.
set -euo pipefail
tool="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/q"
cat > "$dir/q/plans.sql" <<'SQL'
-- Plans.
-- name: PlanById
-- $1 = id
SELECT id FROM plans WHERE id = $1;

-- name: LockPlan
SELECT id FROM plans WHERE id = $1 FOR UPDATE;
SQL
python3 "$tool" "$dir/q" goals kinerja::goals::store::queries "$dir/out/queries.h"
grep -q 'inline const ::kinerja::db::Query kPlanById{"goals.PlanById"' "$dir/out/queries.h"
grep -q 'SELECT id FROM plans WHERE id = \$1 FOR UPDATE;)KQ"};' "$dir/out/queries.h"
grep -q 'namespace kinerja::goals::store::queries {' "$dir/out/queries.h"

refused() {  # file content, message
  rm -f "$dir"/q/*.sql
  printf '%s\n' "$1" > "$dir/q/bad.sql"
  if out=$(python3 "$tool" "$dir/q" goals ns "$dir/out/bad.h" 2>&1); then
    echo "FAIL: accepted: $1"; exit 1
  fi
  grep -q "$2" <<<"$out" || { echo "FAIL: no '$2' in: $out"; exit 1; }
}
refused $'-- name: A1\nSELECT 1;\n-- name: A1\nSELECT 2;' "also defined"
refused $'-- name: plan_by_id\nSELECT 1;' "not a CamelCase identifier"
refused $'-- name: Empty\n-- nothing here' "is empty"
refused $'SELECT 1;\n-- name: Late\nSELECT 2;' "before the first"
echo "embed_queries: 5 cases passed"
