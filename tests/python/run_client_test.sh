#!/usr/bin/env bash
# End-to-end: starts the local stack in a fresh state directory, runs client_test.py (the Python
# client) against it, and always stops the stack. Needs the build directory with
# kinerja-employee, kinerja-devtoken and kinerja-dbadmin in KINERJA_BUILD_DIR; the kinerja CLI
# there is checked too when it is built. KEEP_STATE=1 keeps the state directory (logs, data).
# --tls: the stack serves TLS with mutual TLS on gRPC (tools/stack up --tls) and the client uses
# the stack's CA and client certificate; without it, the stack's deliberate cleartext.
#
#   KINERJA_BUILD_DIR=build/release tests/python/run_client_test.sh [--tls]
set -euo pipefail
stack_flags=()
case "${1:-}" in
  --tls) stack_flags+=(--tls) ;;
  "") ;;
  *) echo "run_client_test: unknown argument $1 (only --tls)" >&2; exit 2 ;;
esac
root=$(cd "$(dirname "$0")/../.." && pwd)
: "${KINERJA_BUILD_DIR:?set KINERJA_BUILD_DIR to the build directory}"
KINERJA_BUILD_DIR=$(cd "$KINERJA_BUILD_DIR" && pwd)
export KINERJA_BUILD_DIR

# Debian's python3-grpcio / python3-protobuf live in the system interpreter, which another
# python3 earlier on PATH (pyenv, a venv) may not see.
python=""
for candidate in /usr/bin/python3 python3; do
  if command -v "$candidate" >/dev/null &&
     "$candidate" -c 'import grpc, google.protobuf' >/dev/null 2>&1; then
    python=$(command -v "$candidate"); break
  fi
done
if [ -z "$python" ]; then
  echo "run_client_test: no python3 with grpc and protobuf (apt-get install python3-grpcio python3-protobuf)" >&2
  exit 1
fi

state=$(mktemp -d "${TMPDIR:-/tmp}/kinerja-client-test.XXXXXX")
status=1
cleanup() {
  "$root/tools/stack" down --state-dir "$state" >/dev/null 2>&1 ||
    echo "run_client_test: tools/stack down failed for $state" >&2
  if [ "$status" != 0 ]; then
    for log in "$state"/logs/*.log; do
      [ -f "$log" ] || continue
      echo "---- last lines of $log" >&2
      tail -n 40 "$log" >&2
    done
  fi
  if [ "${KEEP_STATE:-0}" = 1 ]; then
    echo "run_client_test: state kept in $state" >&2
  else
    rm -rf "$state"
  fi
}
trap cleanup EXIT

# A SIASN-shaped agency id (32 hex digits), as the national registry hands them out.
"$root/tools/stack" up --state-dir "$state" --agency A9E1C0DE000000000000000000000001 \
  "${stack_flags[@]}"
export KINERJA_ENDPOINTS=$state/endpoints.env
if [ -x "$KINERJA_BUILD_DIR/tools/cli/kinerja" ]; then
  export KINERJA_CLI=$KINERJA_BUILD_DIR/tools/cli/kinerja
fi
set +e
"$python" "$root/tests/python/client_test.py"
status=$?
set -e
exit "$status"
