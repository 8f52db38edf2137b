# shellcheck shell=bash
# nginx in front of replicas for the load-balancing test (sourced): Debian's nginx binary run in
# the foreground as this user's process, with its own prefix, temp dirs and logs in a directory,
# and deploy/nginx/kinerja-employee.conf as it ships except for its listen address.

nginx_front_conf=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/deploy/nginx/kinerja-employee.conf

# nginx_front_start DIR PORT ADDR...: writes the configuration (PORT on loopback, the replicas
# ADDR..., each skipped for 1 s after a failure rather than deploy's 10 s, so that nginx tries a
# dead replica again several times during a test), checks it (nginx -t), starts nginx; sets
# nginx_pid.
nginx_front_start() {
  local dir=$1 port=$2 addr
  shift 2
  mkdir -p "$dir/kinerja" "$dir/tmp"
  # As root, nginx's workers run as nobody and write request bodies to the temp dir.
  chmod 0777 "$dir/tmp"
  sed "s/^    listen 50051 http2;$/    listen 127.0.0.1:$port http2;/" \
    "$nginx_front_conf" >"$dir/kinerja-employee.conf"
  grep -q "listen 127.0.0.1:$port http2;" "$dir/kinerja-employee.conf" || {
    echo "nginx_front: $nginx_front_conf has no 'listen 50051 http2;' line to move" >&2
    return 1
  }
  : >"$dir/kinerja/employee-replicas.conf"
  for addr in "$@"; do
    echo "server $addr max_fails=1 fail_timeout=1s;" >>"$dir/kinerja/employee-replicas.conf"
  done
  cat >"$dir/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log info;
events { worker_connections 512; }
http {
    access_log $dir/access.log;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    include kinerja-employee.conf;
}
CONF
  nginx -t -q -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf"
  nginx -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf" &
  nginx_pid=$!
}

# nginx_front_stop: the nginx started above (TERM: its master stops its workers; KILL to the
# master and its workers after 5 s).
nginx_front_stop() {
  [ -n "${nginx_pid:-}" ] || return 0
  local workers
  workers=$(pgrep -P "$nginx_pid" || true)
  kill -TERM "$nginx_pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.1; done
  # shellcheck disable=SC2086 # a list of pids
  kill -KILL "$nginx_pid" $workers 2>/dev/null || true
  nginx_pid=""
}
