#!/usr/bin/env bash
# pgBackRest backup and point-in-time restore of a throwaway PostgreSQL cluster (label ha):
# WAL archived by archive_command, a full, a differential and an incremental backup to a local
# repository, a named restore point, rows written after it, then a restore into a new data
# directory up to that point. Passes when the restored cluster has every batch written before
# the point and none written after it. The commands are those of docs/high-availability.md.
#
#   tests/ha/run_backup_test.sh        (KEEP_STATE=1 keeps the temp dir)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
source "$root/tools/lib/pg-common"
source "$root/tests/ha/wait.sh"
command -v pgbackrest >/dev/null || ha_die "pgbackrest not installed; run scripts/install-deps"

dir=$(mktemp -d "${TMPDIR:-/tmp}/kinerja-backup-test.XXXXXX")
chmod 755 "$dir"
cleanup() {
  "$root/tools/lib/pg-cluster" stop "$dir/restored" || true
  "$root/tools/lib/pg-cluster" stop "$dir/primary" || true
  if [ "${KEEP_STATE:-0}" = 1 ]; then echo "backup test: state kept in $dir" >&2; else rm -rf "$dir"; fi
}
trap cleanup EXIT
trap "exit 1" INT TERM

stanza=kinerja
conf=$dir/pgbackrest.conf
# pgbackrest as PostgreSQL's owner, never longer than two minutes.
backrest() { as_owner timeout 120 pgbackrest --config="$conf" --stanza="$stanza" "$@"; }

dsn=$("$root/tools/lib/pg-cluster" start "$dir/primary" --durable)
port=$(grep -o 'port=[0-9]*' <<<"$dsn" | cut -d= -f2)
export PGPASSWORD
PGPASSWORD=$(cat "$dir/primary/pg.password")  # pgbackrest's own connection (libpq)

mkdir -p "$dir/repo" "$dir/log" "$dir/lock"
cat >"$conf" <<EOF
[global]
repo1-path=$dir/repo
repo1-retention-full=2
repo1-retention-diff=6
start-fast=y
archive-timeout=60
log-path=$dir/log
lock-path=$dir/lock
log-level-console=warn
log-level-file=info

[$stanza]
pg1-path=$dir/primary/pg
pg1-port=$port
pg1-socket-path=$dir/primary/pg
pg1-user=postgres
EOF
own "$dir/repo" "$dir/log" "$dir/lock" "$conf"

# WAL archiving needs a restart (archive_mode).
psql "$dsn" -qX -v ON_ERROR_STOP=1 <<EOF >/dev/null
ALTER SYSTEM SET archive_mode = on;
ALTER SYSTEM SET archive_command = 'pgbackrest --config=$conf --stanza=$stanza archive-push %p';
EOF
"$root/tools/lib/pg-cluster" stop "$dir/primary"
PG_CLUSTER_PORT=$port "$root/tools/lib/pg-cluster" start "$dir/primary" --durable >/dev/null

backrest stanza-create
backrest check

sql() { psql "$dsn" -qtAX -v ON_ERROR_STOP=1 -c "$1"; }
write_batch() { sql "INSERT INTO backup_probe SELECT '$1', g FROM generate_series(1, 500) g"; }

sql "CREATE TABLE backup_probe (batch text NOT NULL, n int NOT NULL)"
write_batch before-full
backrest backup --type=full
write_batch before-diff
backrest backup --type=diff
write_batch before-incr
backrest backup --type=incr
write_batch after-incr
sql "SELECT pg_create_restore_point('before-mistake')" >/dev/null
write_batch after-point
sql "SELECT pg_switch_wal()" >/dev/null
backrest check  # waits until the WAL up to here is in the repository
backrest info

mkdir -p "$dir/restored/pg"
chmod 700 "$dir/restored/pg"
cp "$dir/primary/pg.password" "$dir/restored/"
own "$dir/restored"
backrest restore --pg1-path="$dir/restored/pg" --type=name --target=before-mistake \
  --target-action=promote --archive-mode=off
restored_dsn=$("$root/tools/lib/pg-cluster" start "$dir/restored" --durable)
ha_wait 60 "promotion of the restored cluster" \
  bash -c "[ \"\$(psql '$restored_dsn' -tAXc 'SELECT pg_is_in_recovery()')\" = f ]"

failed=0
for batch in before-full before-diff before-incr after-incr after-point; do
  want=500
  [ "$batch" = after-point ] && want=0
  got=$(psql "$restored_dsn" -tAX -c "SELECT count(*) FROM backup_probe WHERE batch = '$batch'")
  echo "restored rows of batch $batch: $got (want $want)"
  [ "$got" = "$want" ] || failed=1
done
if [ "$failed" != 0 ]; then
  tail -n 30 "$dir/restored/pg/server.log" >&2 || true
  echo "backup test: FAILED" >&2
  exit 1
fi
echo "backup test: passed (full, diff and incr backups; restored to the named point)"
