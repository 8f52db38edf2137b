#!/usr/bin/env bash
# The Debian package (debian/) of this build directory's binaries, built with dpkg-buildpackage,
# installed with dpkg on this machine, one service started from it as an operator would (the
# kinerja user, /etc/kinerja/employee.env from the packaged example, the packaged unit's
# --migrate-only then the service), then purged. Needs root (dpkg -i); exits 77 (skipped) when
# not root or when a kinerja package is already installed here (never clobbers one).
#
#   KINERJA_BUILD_DIR=build/asan tests/deb/run_deb_test.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
: "${KINERJA_BUILD_DIR:?set KINERJA_BUILD_DIR to the build directory}"
build=$(cd "$KINERJA_BUILD_DIR" && pwd)
say() { echo "run_deb_test: $*"; }
fail() { echo "run_deb_test: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || { say "skipped: dpkg -i needs root"; exit 77; }
if dpkg-query -W -f='${Status}' kinerja 2>/dev/null | grep -q installed; then
  say "skipped: a kinerja package is installed on this machine already"; exit 77
fi
for tool in dpkg-buildpackage dh psql; do
  command -v "$tool" >/dev/null || fail "$tool missing (scripts/install-deps installs it)"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/kinerja-deb-test.XXXXXX")
chmod 755 "$work"
service_pid=""
cleanup() {
  [ -n "$service_pid" ] && kill "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null
  "$root/tools/lib/pg-cluster" stop "$work/db" >/dev/null 2>&1 || true
  if dpkg-query -W -f='${Status}' kinerja 2>/dev/null | grep -q installed; then
    dpkg --purge kinerja >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# 1. Build: the package's sources are debian/ and what it installs from deploy/.
src=$work/kinerja-0.1.0
mkdir -p "$src/deploy"
cp -r "$root/debian" "$src/"
cp -r "$root/deploy/systemd" "$root/deploy/env" "$src/deploy/"
(cd "$src" && KINERJA_BUILD_DIR=$build DEB_BUILD_OPTIONS=nostrip \
   dpkg-buildpackage -b -us -uc -d) >"$work/build.log" 2>&1 ||
  { tail -n 40 "$work/build.log" >&2; fail "dpkg-buildpackage"; }
deb=$(ls "$work"/kinerja_0.1.0-1_*.deb)
say "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"
contents=$(dpkg-deb --contents "$deb")
for path in usr/bin/kinerja-employee usr/bin/kinerja-goals usr/bin/kinerja-review \
            usr/bin/kinerja-analytics usr/bin/kinerja-dbadmin usr/bin/kinerja \
            lib/systemd/system/kinerja-employee.service lib/systemd/system/kinerja-analytics.service \
            usr/share/doc/kinerja/examples/employee.env usr/share/doc/kinerja/examples/review.env; do
  grep -q "\./$path\$" <<<"$contents" || fail "the package has no /$path"
done

# 2. Install: the system user, /etc/kinerja for it only, the units installed but not enabled.
dpkg -i "$deb" >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "dpkg -i"; }
getent passwd kinerja >/dev/null || fail "no kinerja user after install"
[ "$(stat -c '%a %U %G' /etc/kinerja)" = "750 root kinerja" ] ||
  fail "/etc/kinerja is $(stat -c '%a %U %G' /etc/kinerja), not 750 root kinerja"
grep -q '^ExecStartPre=/usr/bin/kinerja-employee --migrate-only$' \
  /lib/systemd/system/kinerja-employee.service || fail "the unit does not migrate first"
grep -q '^ExecStart=/usr/bin/kinerja-employee$' /lib/systemd/system/kinerja-employee.service ||
  fail "the unit does not start /usr/bin/kinerja-employee"
if command -v systemd-analyze >/dev/null && [ -d /run/systemd/system ]; then
  systemd-analyze verify /lib/systemd/system/kinerja-*.service || fail "systemd-analyze verify"
  ! systemctl is-enabled kinerja-employee >/dev/null 2>&1 || fail "installed enabled"
fi
say "installed: user kinerja, /etc/kinerja 750 root:kinerja, 4 units"

# 3. Run the installed service as its unit would: the example environment file with this
# machine's values, as the kinerja user, --migrate-only first.
admin_dsn=$("$root/tools/lib/pg-cluster" start "$work/db")
psql "$admin_dsn" -qc "CREATE DATABASE kinerja" >/dev/null
kinerja_dsn=${admin_dsn/dbname=postgres/dbname=kinerja}
python3 -c 'import secrets; print(secrets.token_hex(16))' >"$work/db-password"
/usr/bin/kinerja-dbadmin provision --admin-dsn "$kinerja_dsn" --schema employee \
  --role kinerja_employee --password-file "$work/db-password" >/dev/null
"$build/tools/devtoken/kinerja-devtoken" keygen --dir "$work/issuer" >/dev/null
# The service's TLS pair, made as tools/stack --tls makes them, readable by the kinerja group.
"$root/tools/lib/dev-certs" "$work/tls" employee >/dev/null
install -d -m 0750 -g kinerja /etc/kinerja/tls
install -m 0640 -g kinerja "$work/tls/ca.pem" "$work/tls/employee.pem" "$work/tls/employee.key" \
  /etc/kinerja/tls/
install -m 0640 -g kinerja "$work/issuer/jwks.json" /etc/kinerja/jwks.json
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
grpc_port=$(free_port); metrics_port=$(free_port)
service_dsn="${kinerja_dsn/user=postgres/user=kinerja_employee}"
service_dsn="${service_dsn/password=$(cat "$work/db/pg.password")/password=$(cat "$work/db-password")}"
sed -e "s|^PG_DSN=.*|PG_DSN=$service_dsn|" \
    -e "s|^JWT_ISSUER=.*|JWT_ISSUER=kinerja-dev|" \
    -e "s|^PAGE_TOKEN_KEY=.*|PAGE_TOKEN_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')|" \
    -e "s|^LISTEN_ADDR=.*|LISTEN_ADDR=127.0.0.1:$grpc_port|" \
    -e "s|^METRICS_ADDR=.*|METRICS_ADDR=127.0.0.1:$metrics_port|" \
    -e "s|^TLS_CERT=.*|TLS_CERT=/etc/kinerja/tls/employee.pem|" \
    -e "s|^TLS_KEY=.*|TLS_KEY=/etc/kinerja/tls/employee.key|" \
    -e "s|^TLS_CLIENT_CERT=.*|TLS_CLIENT_CERT=/etc/kinerja/tls/employee.pem|" \
    -e "s|^TLS_CLIENT_KEY=.*|TLS_CLIENT_KEY=/etc/kinerja/tls/employee.key|" \
    -e "s|/etc/kinerja/tls/ca.crt|/etc/kinerja/tls/ca.pem|" \
    /usr/share/doc/kinerja/examples/employee.env >/etc/kinerja/employee.env
chmod 640 /etc/kinerja/employee.env; chgrp kinerja /etc/kinerja/employee.env
if grep -v '^#' /etc/kinerja/employee.env | grep -q CHANGE-ME; then
  fail "employee.env still has a CHANGE-ME"
fi
# As systemd's EnvironmentFile= reads it: KEY=VALUE lines, the value the rest of the line; as
# the unit's User= and Group= (setpriv execs, so the service keeps the pid it is started with).
unit_env=()
while IFS= read -r line; do
  if [[ $line =~ ^[A-Z_]+= ]]; then unit_env+=("$line"); fi
done </etc/kinerja/employee.env
as_unit=(setpriv --reuid=kinerja --regid=kinerja --init-groups env "${unit_env[@]}")
"${as_unit[@]}" /usr/bin/kinerja-employee --migrate-only >"$work/migrate.log" 2>&1 ||
  { cat "$work/migrate.log" >&2; fail "kinerja-employee --migrate-only as the kinerja user"; }
"${as_unit[@]}" /usr/bin/kinerja-employee >"$work/service.log" 2>&1 &
service_pid=$!
healthy=no
for _ in $(seq 1 150); do
  if python3 -c 'import ssl, sys, urllib.request
urllib.request.urlopen(sys.argv[1], timeout=1, context=ssl.create_default_context(cafile=sys.argv[2]))' \
       "https://127.0.0.1:$metrics_port/healthz" /etc/kinerja/tls/ca.pem 2>/dev/null; then
    healthy=yes; break
  fi
  kill -0 "$service_pid" 2>/dev/null || break
  sleep 0.2
done
[ "$healthy" = yes ] || { tail -n 20 "$work/service.log" >&2; fail "the installed service is not healthy"; }
say "the installed kinerja-employee serves over TLS as the kinerja user (migrated first)"
[ "$(stat -c %U "/proc/$service_pid")" = kinerja ] || fail "the service does not run as kinerja"
kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=""
for proc in /proc/[0-9]*; do
  if [ "$(readlink "$proc/exe" 2>/dev/null)" = /usr/bin/kinerja-employee ]; then
    fail "a kinerja-employee process ($(basename "$proc")) is left after stopping the service"
  fi
done

# 4. Purge: binaries, units and /etc/kinerja gone.
dpkg --purge kinerja >"$work/purge.log" 2>&1 || { cat "$work/purge.log" >&2; fail "dpkg --purge"; }
for path in /usr/bin/kinerja-employee /lib/systemd/system/kinerja-employee.service /etc/kinerja; do
  [ ! -e "$path" ] || fail "$path is left after purge"
done
say "passed"
