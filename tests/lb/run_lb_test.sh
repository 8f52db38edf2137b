#!/usr/bin/env bash
# Two replicas of the employee service behind nginx (label lb, docs/load-balancing.md): a
# throwaway PostgreSQL and the first replica started by tools/stack (--only employee), the second
# by `tools/stack replica employee` (same database, other ports), Debian's nginx with
# deploy/nginx/kinerja-employee.conf in front of both (tests/lb/nginx_front.sh), and a load of
# writes with request ids and reads through nginx (tests/ha/write_load.py: a refused call is
# retried, a write with the same request id). Checks that both replicas answered calls (their
# grpc_server_handled_total), kills one with SIGKILL mid-load, lets the load run until nginx has
# tried the dead replica again three times, and checks that the load carried on on the other: no
# call attempt failed except those in flight at the kill, every acknowledged write is there
# exactly once. Times and counts are printed; only failures, losses and duplicates fail the test.
#
#   KINERJA_BUILD_DIR=build/asan tests/lb/run_lb_test.sh      (KEEP_STATE=1 keeps the dir)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
: "${KINERJA_BUILD_DIR:?set KINERJA_BUILD_DIR to the build directory}"
KINERJA_BUILD_DIR=$(cd "$KINERJA_BUILD_DIR" && pwd)
export KINERJA_BUILD_DIR
source "$root/tests/ha/wait.sh"
source "$root/tests/lb/nginx_front.sh"
exec 3>&2  # messages from inside ha_wait conditions, whose output is discarded

lb_die() { echo "lb test: $*" >&2; exit 1; }
command -v nginx >/dev/null || lb_die "no nginx; run scripts/install-deps"
python=/usr/bin/python3  # Debian's grpcio lives in the system interpreter
"$python" -c 'import grpc, google.protobuf' 2>/dev/null ||
  lb_die "no python3-grpcio / python3-protobuf in /usr/bin/python3; run scripts/install-deps"

dir=$(mktemp -d "${TMPDIR:-/tmp}/kinerja-lb-test.XXXXXX")
chmod 0755 "$dir"  # as root, PostgreSQL runs as postgres and must reach $dir/stack
state=$dir/stack
load_pid=""
nginx_pid=""
status=1
cleanup() {
  if [ -n "$load_pid" ]; then kill -KILL "$load_pid" 2>/dev/null || true; fi
  nginx_front_stop
  "$root/tools/stack" down --state-dir "$state" >/dev/null 2>&1 || true
  if [ "$status" != 0 ]; then
    for log in "$state"/logs/*.log "$dir/nginx/error.log" "$dir/load.out"; do
      [ -f "$log" ] && { echo "---- last lines of $log" >&2; tail -n 30 "$log" >&2; }
    done
  fi
  if [ "${KEEP_STATE:-0}" = 1 ]; then echo "lb test: state kept in $dir" >&2; else rm -rf "$dir"; fi
}
trap cleanup EXIT
trap "exit 1" INT TERM

# handled METRICS_ADDR: calls of the employee API the replica has answered (any status).
handled() {
  "$python" - "$1" <<'PY'
import re, sys, urllib.request
with urllib.request.urlopen(f"http://{sys.argv[1]}/metrics", timeout=2) as r:
    text = r.read().decode()
print(int(sum(float(m) for m in re.findall(
    r'^grpc_server_handled_total\{[^}]*grpc_service="kinerja\.employee\.v1\.EmployeeService"[^}]*\} (\S+)$',
    text, re.M))))
PY
}
env_value() { grep "^$1=" "$state/endpoints.env" | head -n1 | cut -d= -f2-; }
free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
listening() { "$python" -c "import socket; socket.create_connection(('127.0.0.1', $1), 1)"; }
acks() { cat "$dir/progress" 2>/dev/null || echo 0; }
acks_at_least() {  # N: the load has N acknowledged writes (and is still running)
  kill -0 "$load_pid" 2>/dev/null || { echo "lb test: the write load exited early" >&3; exit 1; }
  [ "$(acks)" -ge "$1" ]
}

# A short connection age, so that the replicas close nginx's kept-alive connections (GOAWAY)
# several times during the load, as they do every 5 minutes in production.
export MAX_CONNECTION_AGE=2s MAX_CONNECTION_AGE_GRACE=5s
started=$(ha_now)
"$root/tools/stack" up --state-dir "$state" --only employee \
  --agency 1BA1A2CE000000000000000000000001 >/dev/null
"$root/tools/stack" replica employee --state-dir "$state" >/dev/null
replica_addr=("$(env_value EMPLOYEE_ADDR)" "$(env_value EMPLOYEE_2_ADDR)")
replica_metrics=("$(env_value EMPLOYEE_METRICS)" "$(env_value EMPLOYEE_2_METRICS)")
replica_pid=("$(cat "$state/employee.pid")" "$(cat "$state/employee-2.pid")")
echo "replicas (max connection age $MAX_CONNECTION_AGE): ${replica_addr[0]} (pid ${replica_pid[0]}), ${replica_addr[1]} (pid ${replica_pid[1]})"

port=$(free_port)
nginx_front_start "$dir/nginx" "$port" "${replica_addr[@]}"
ha_wait 10 "nginx listening on $port" listening "$port"
echo "nginx $(nginx -v 2>&1 | sed 's/.*nginx\///'): 127.0.0.1:$port, pid $nginx_pid"

"$python" "$root/tests/ha/write_load.py" --endpoints "$state/endpoints.env" \
  --addr "127.0.0.1:$port" --writers 3 --readers 2 --only-in-flight-may-fail \
  --stubs "$dir/pystubs" --stop-file "$dir/stop" --progress-file "$dir/progress" \
  --killed-at-file "$dir/killed-at" >"$dir/load.out" 2>&1 &
load_pid=$!
# Long enough for several connection ages to pass (about 200 writes a second here).
ha_wait 60 "acknowledged writes before the kill" acks_at_least 1000
echo "setup took: $(ha_since "$started") s"
before=("$(handled "${replica_metrics[0]}")" "$(handled "${replica_metrics[1]}")")
echo "calls answered before the kill: replica 1 ${before[0]}, replica 2 ${before[1]}"

# kill_replica PID PORT: SIGKILL to PID; prints the kill's time and the time at which PORT first
# refused a connection (looked at every 2 ms, for at most 10 s), seconds since the epoch. The
# process is gone then: the kernel closes all its sockets together, after its last thread
# exited (its main thread is a zombie before that).
kill_replica() {
  "$python" - "$1" "$2" <<'PY'
import os, signal, socket, sys, time
killed_at = time.time()
os.kill(int(sys.argv[1]), signal.SIGKILL)
while time.time() < killed_at + 10:
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[2])), 1).close()
    except ConnectionRefusedError:
        print(f"{killed_at:.3f} {time.time():.3f}")
        sys.exit(0)
    time.sleep(0.002)
sys.exit("lb test: the killed replica's port still accepts connections after 10 s")
PY
}
kill_replica "${replica_pid[1]}" "${replica_addr[1]##*:}" >"$dir/killed-at"
read -r killed_at gone_at <"$dir/killed-at"
echo "killed: replica 2 (SIGKILL) after $(acks) acknowledged writes; its port closed" \
  "$(awk -v a="$killed_at" -v b="$gone_at" 'BEGIN { printf "%.3f", b - a }') s later"
after_kill=$(acks)
# Until nginx has tried the dead replica again three times (fail_timeout=1s): those calls must
# go on to the other replica (grpc_next_upstream).
dead_tried() { grep -c 'connect() failed (111: Connection refused)' "$dir/nginx/error.log" || true; }
load_after_kill() { acks_at_least $((after_kill + 500)) && [ "$(dead_tried)" -ge 3 ]; }
ha_wait 60 "3 calls tried on the dead replica and 500 writes after the kill" load_after_kill
touch "$dir/stop"
ha_wait 60 "end of the load" bash -c "! kill -0 $load_pid"
load_status=0
wait "$load_pid" || load_status=$?
load_pid=""
cat "$dir/load.out"
survivor=$(handled "${replica_metrics[0]}")
echo "calls answered by replica 1 after the kill: $((survivor - before[0]))"
echo "nginx marked a replica down: $(grep -c 'upstream server temporarily disabled' "$dir/nginx/error.log" || true) times"
echo "calls nginx tried on the dead replica after the kill (connection refused): $(dead_tried)"

failed=0
[ "$load_status" = 0 ] || { echo "lb test: the load found problems"; failed=1; }
for i in 0 1; do
  [ "${before[$i]}" -gt 0 ] || { echo "lb test: replica $((i + 1)) answered no call before the kill"; failed=1; }
done
[ "$survivor" -gt "${before[0]}" ] || { echo "lb test: replica 1 answered no call after the kill"; failed=1; }
[ "$failed" = 0 ] || { echo "lb test: FAILED" >&2; exit 1; }
status=0
echo "lb test: passed"
