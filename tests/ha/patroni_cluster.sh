# A throwaway Patroni cluster on loopback, sourced by the HA tests: one etcd member and two
# Patroni members (node1, node2) of PostgreSQL from /usr/lib/postgresql/N/bin, all under
# $ha_dir, in synchronous mode, failing over at once when the leader's PostgreSQL crashes
# (primary_start_timeout 0). docs/high-availability.md explains each setting.
#
#   source tests/ha/patroni_cluster.sh   (needs $root, the repository, and set -euo pipefail)
#   ha_dir=$(mktemp -d); ha_start        start etcd and both members, wait for a leader and a
#                                         synchronous standby
#   ha_admin_dsn                         the superuser's multi-host DSN (read-write member)
#   ha_leader / ha_member_role NAME      which member leads / NAME's role in Patroni's view
#   ha_stop                              stop everything (safe to call more than once)

source "$root/tools/lib/pg-common"
source "$root/tests/ha/wait.sh"

ha_members=(node1 node2)

ha_port() { cat "$ha_dir/$1.port"; }  # NAME: a port chosen by ha_start (etcd, node1-pg, ...)

ha_admin_dsn() {
  echo "host=127.0.0.1,127.0.0.1 port=$(ha_port node1-pg),$(ha_port node2-pg)" \
    "target_session_attrs=read-write connect_timeout=2" \
    "user=postgres password=$(cat "$ha_dir/superuser.password") dbname=postgres"
}

# ha_member_role NAME: leader, sync_standby or replica in Patroni's view of the cluster (GET
# /cluster from any member that answers); nothing when NAME's PostgreSQL is not running.
ha_member_role() {
  local ports=() m
  for m in "${ha_members[@]}"; do ports+=("$(ha_port "$m-api")"); done
  python3 - "$1" "${ports[@]}" <<'PY'
import json, sys, urllib.request
for port in sys.argv[2:]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/cluster", timeout=2) as r:
            members = json.load(r)["members"]
    except Exception:
        continue
    for m in members:
        if m["name"] == sys.argv[1] and m.get("state") in ("running", "streaming"):
            print(m["role"])
    break
PY
}

ha_leader() {
  local name
  for name in "${ha_members[@]}"; do
    [ "$(ha_member_role "$name")" = leader ] && { echo "$name"; return 0; }
  done
  return 1
}

ha_has_sync_standby() {
  local name
  for name in "${ha_members[@]}"; do
    [ "$(ha_member_role "$name")" = sync_standby ] && return 0
  done
  return 1
}

# ha_postmaster_pid NAME: the pid of NAME's PostgreSQL server (first line of postmaster.pid).
ha_postmaster_pid() { head -n1 "$ha_dir/$1/data/postmaster.pid"; }

ha_write_etcd_and_ports() {
  local p
  for p in etcd etcd-peer node1-pg node1-api node2-pg node2-api; do
    free_port >"$ha_dir/$p.port"
  done
  python3 -c 'import secrets; print(secrets.token_hex(16))' >"$ha_dir/superuser.password"
  python3 -c 'import secrets; print(secrets.token_hex(16))' >"$ha_dir/replication.password"
}

# ha_member_config NAME: NAME's Patroni configuration (YAML). bootstrap.dcs is read only by the
# member that initialises the cluster and is kept in etcd for both.
ha_member_config() {
  local name=$1
  cat <<EOF
scope: kinerja-ha-test
name: $name
restapi:
  listen: 127.0.0.1:$(ha_port "$name-api")
  connect_address: 127.0.0.1:$(ha_port "$name-api")
etcd3:
  hosts: 127.0.0.1:$(ha_port etcd)
bootstrap:
  dcs:
    ttl: 20
    loop_wait: 1
    retry_timeout: 5
    primary_start_timeout: 0
    synchronous_mode: true
    maximum_lag_on_failover: 1048576
    postgresql:
      use_pg_rewind: true
      parameters:
        max_connections: 100
        wal_level: replica
        hot_standby: 'on'
        wal_keep_size: 128MB
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
    - data-checksums
postgresql:
  listen: 127.0.0.1:$(ha_port "$name-pg")
  connect_address: 127.0.0.1:$(ha_port "$name-pg")
  data_dir: $ha_dir/$name/data
  bin_dir: $(pg_bin)
  pgpass: $ha_dir/$name/pgpass
  authentication:
    superuser:
      username: postgres
      password: $(cat "$ha_dir/superuser.password")
    replication:
      username: replicator
      password: $(cat "$ha_dir/replication.password")
  parameters:
    unix_socket_directories: $ha_dir/$name
  pg_hba:
    - local all all scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
    - host replication replicator 127.0.0.1/32 scram-sha-256
EOF
}

ha_start_etcd() {
  etcd --name ha-etcd --data-dir "$ha_dir/etcd" --log-level warn \
    --listen-client-urls "http://127.0.0.1:$(ha_port etcd)" \
    --advertise-client-urls "http://127.0.0.1:$(ha_port etcd)" \
    --listen-peer-urls "http://127.0.0.1:$(ha_port etcd-peer)" \
    --initial-advertise-peer-urls "http://127.0.0.1:$(ha_port etcd-peer)" \
    --initial-cluster "ha-etcd=http://127.0.0.1:$(ha_port etcd-peer)" >"$ha_dir/etcd.log" 2>&1 &
  echo $! >"$ha_dir/etcd.pid"
  ha_wait 30 "healthy etcd" etcdctl --endpoints "127.0.0.1:$(ha_port etcd)" endpoint health ||
    { tail -n 20 "$ha_dir/etcd.log" >&2; return 1; }
}

# ha_start_member NAME: Patroni for NAME as PostgreSQL's owner; its pid in $ha_dir/NAME.pid.
ha_start_member() {
  local name=$1
  mkdir -p "$ha_dir/$name"
  ha_member_config "$name" >"$ha_dir/$name.yml"
  chmod 600 "$ha_dir/$name.yml"
  own "$ha_dir/$name" "$ha_dir/$name.yml"
  as_owner patroni "$ha_dir/$name.yml" >"$ha_dir/$name.log" 2>&1 &
  echo $! >"$ha_dir/$name.pid"
}

ha_start() {
  [ -n "$(pg_bin)" ] || ha_die "PostgreSQL server binaries not found; run scripts/install-deps"
  command -v patroni >/dev/null && command -v etcd >/dev/null ||
    ha_die "patroni and etcd not installed; run scripts/install-deps"
  chmod 755 "$ha_dir"  # PostgreSQL's owner reaches its member's folder
  ha_write_etcd_and_ports
  ha_start_etcd
  ha_start_member node1
  ha_wait 90 "leader" ha_leader || { ha_show_logs; return 1; }
  ha_start_member node2
  ha_wait 90 "synchronous standby" ha_has_sync_standby || { ha_show_logs; return 1; }
}

ha_show_logs() {
  local f
  for f in "$ha_dir"/*.log; do
    [ -f "$f" ] && { echo "---- last lines of $f" >&2; tail -n 25 "$f" >&2; }
  done
}

# ha_child_of PID: a child process of PID (procps may not be installed: /proc).
ha_child_of() {
  grep -ls "^PPid:[[:space:]]*$1\$" /proc/[0-9]*/status 2>/dev/null | head -n1 | cut -d/ -f3 || true
}

# ha_stop_member NAME: TERM to Patroni (it stops its PostgreSQL), then whatever is left of the
# server stopped immediately. As root Patroni is runuser's child: signal Patroni itself.
ha_stop_member() {
  local name=$1 pid patroni_pid data=$ha_dir/$1/data
  if [ -f "$ha_dir/$name.pid" ]; then
    pid=$(cat "$ha_dir/$name.pid")
    patroni_pid=$pid
    [ "$(id -u)" = 0 ] && patroni_pid=$(ha_child_of "$pid")
    [ -n "$patroni_pid" ] && kill -TERM "$patroni_pid" 2>/dev/null || true
    ha_wait 20 "stop of $name's Patroni" bash -c "! kill -0 $pid 2>/dev/null" || kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -f "$ha_dir/$name.pid"
  fi
  if [ -f "$data/postmaster.pid" ]; then
    as_owner timeout 20 "$(pg_bin)/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
  fi
}

ha_stop() {
  [ -n "${ha_dir:-}" ] && [ -d "$ha_dir" ] || return 0
  local name
  for name in "${ha_members[@]}"; do ha_stop_member "$name"; done
  if [ -f "$ha_dir/etcd.pid" ]; then
    kill -TERM "$(cat "$ha_dir/etcd.pid")" 2>/dev/null || true
    wait "$(cat "$ha_dir/etcd.pid")" 2>/dev/null || true
    rm -f "$ha_dir/etcd.pid"
  fi
}
