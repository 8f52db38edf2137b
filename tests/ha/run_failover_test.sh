#!/usr/bin/env bash
# PostgreSQL failover under a write load (label ha): a two-member Patroni cluster with etcd on
# loopback (tests/ha/patroni_cluster.sh, synchronous mode), the employee service started by
# tools/stack on the cluster's multi-host DSN (target_session_attrs=read-write), and writes with
# request ids through its gRPC API (tests/ha/write_load.py). The leader's postmaster is killed
# with SIGKILL mid-load; Patroni promotes the synchronous standby. Passes when the same service
# process acknowledges writes again, on the new leader, and every write it acknowledged before,
# during or after the failover is there exactly once. Figures are printed, not asserted.
#
#   KINERJA_BUILD_DIR=build/asan tests/ha/run_failover_test.sh      (KEEP_STATE=1 keeps the dir)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
: "${KINERJA_BUILD_DIR:?set KINERJA_BUILD_DIR to the build directory}"
KINERJA_BUILD_DIR=$(cd "$KINERJA_BUILD_DIR" && pwd)
export KINERJA_BUILD_DIR
source "$root/tests/ha/patroni_cluster.sh"
exec 3>&2  # messages from inside ha_wait conditions, whose output is discarded

# Debian's grpcio lives in the system interpreter (another python3 may come first on PATH).
python=/usr/bin/python3
"$python" -c 'import grpc, google.protobuf' 2>/dev/null ||
  ha_die "no python3-grpcio / python3-protobuf in /usr/bin/python3; run scripts/install-deps"

ha_dir=$(mktemp -d "${TMPDIR:-/tmp}/kinerja-failover-test.XXXXXX")
state=$ha_dir/stack
load_pid=""
status=1
cleanup() {
  [ -n "$load_pid" ] && kill -KILL "$load_pid" 2>/dev/null || true
  "$root/tools/stack" down --state-dir "$state" >/dev/null 2>&1 || true
  [ "$status" = 0 ] || { ha_show_logs; tail -n 30 "$state/logs/employee.log" >&2 || true; }
  ha_stop
  if [ "${KEEP_STATE:-0}" = 1 ]; then echo "failover test: state kept in $ha_dir" >&2; else rm -rf "$ha_dir"; fi
}
trap cleanup EXIT
trap "exit 1" INT TERM

started=$(ha_now)
ha_start
old_leader=$(ha_leader)
echo "patroni cluster: $old_leader leads, $(printf '%s\n' "${ha_members[@]}" | grep -vx "$old_leader") is the synchronous standby"

"$root/tools/stack" up --state-dir "$state" --pg-admin-dsn "$(ha_admin_dsn)" --only employee \
  --agency FA110FE7000000000000000000000001 >/dev/null
service_pid=$(cat "$state/employee.pid")
echo "employee service: pid $service_pid, database $(tr '\0' '\n' <"/proc/$service_pid/environ" |
  sed -n 's/^PG_DSN=//p' | sed -E 's/ (user|password)=[^ ]*//g')"

acks() { cat "$ha_dir/progress" 2>/dev/null || echo 0; }
acks_at_least() {  # N: the load has N acknowledged writes (and is still running)
  kill -0 "$load_pid" 2>/dev/null || { echo "failover test: the write load exited early" >&3; exit 1; }
  [ "$(acks)" -ge "$1" ]
}
new_leader() { local l; l=$(ha_leader) && [ "$l" != "$old_leader" ]; }

"$python" "$root/tests/ha/write_load.py" --endpoints "$state/endpoints.env" \
  --stubs "$ha_dir/pystubs" --stop-file "$ha_dir/stop" --progress-file "$ha_dir/progress" \
  --killed-at-file "$ha_dir/killed-at" >"$ha_dir/load.out" 2>&1 &
load_pid=$!
ha_wait 90 "acknowledged writes before the kill" acks_at_least 50
echo "setup took: $(ha_since "$started") s"

killed_at=$(ha_now)
kill -KILL "$(ha_postmaster_pid "$old_leader")"
echo "$killed_at" >"$ha_dir/killed-at"
echo "killed: $old_leader's postmaster (SIGKILL) after $(acks) acknowledged writes"
ha_wait 60 "new leader" new_leader
echo "patroni promoted: $(ha_leader) after $(ha_since "$killed_at") s"

after_kill=$(acks)
ha_wait 60 "acknowledged writes on the new leader" acks_at_least $((after_kill + 50))
touch "$ha_dir/stop"
ha_wait 90 "end of the write load" bash -c "! kill -0 $load_pid"
load_status=0
wait "$load_pid" || load_status=$?
load_pid=""
cat "$ha_dir/load.out"

failed=0
[ "$load_status" = 0 ] || failed=1
if kill -0 "$service_pid" 2>/dev/null && [ "$(cat "$state/employee.pid")" = "$service_pid" ]; then
  echo "employee service restarted: no (pid $service_pid throughout)"
else
  echo "employee service restarted: the process is gone"; failed=1
fi
leader=$(ha_leader)
leader_dsn="host=127.0.0.1 port=$(ha_port "$leader-pg") connect_timeout=2 user=postgres dbname=kinerja password=$(cat "$ha_dir/superuser.password")"
echo "units on the new leader $leader (SQL): $(psql "$leader_dsn" -tAX -c \
  "SELECT count(*) FROM employee.org_units WHERE name LIKE 'HA load %'")"
old_leader_back() { [ -n "$(ha_member_role "$old_leader")" ]; }
rejoin_wait_started=$(ha_now)
if ha_wait 30 "rejoin of $old_leader" old_leader_back 2>/dev/null; then
  echo "old leader $old_leader rejoined as: $(ha_member_role "$old_leader") ($(ha_since "$rejoin_wait_started") s after the load ended)"
else
  echo "old leader $old_leader rejoined as: not within 30 s"
fi
[ "$failed" = 0 ] || { echo "failover test: FAILED" >&2; exit 1; }
status=0
echo "failover test: passed"
