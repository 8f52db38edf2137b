#!/usr/bin/env bash
# End-to-end: the year of scripts/demo at small size (tools/year/kinerja-year, 120 employees,
# --kill: review is killed -9 during the second quarter's realisations and restarted), on a
# fresh local stack of KINERJA_BUILD_DIR's binaries; always stops the stack. Passes when the
# driver exits 0 (the year completed, no call failed for good, and every number the analytics
# service reports equals what the year put in) and its output shows the kill, the flagged unit
# and the summary. KEEP_STATE=1 keeps the state directory (logs, data, export files).
#
#   KINERJA_BUILD_DIR=build/release tests/year/run_year_test.sh [--kill NAME[,NAME...]]
#     [--durable] [--employees N]
#
# --kill: the parts killed -9 in turn (default review; see kinerja-year --kill), each expected
# killed and restarted in the output; --durable: PostgreSQL with fsync and synchronous commit on
# (needed when postgres is killed: acknowledged commits must survive it); --employees: the city's
# size (default 120).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
: "${KINERJA_BUILD_DIR:?set KINERJA_BUILD_DIR to the build directory}"
KINERJA_BUILD_DIR=$(cd "$KINERJA_BUILD_DIR" && pwd)
export KINERJA_BUILD_DIR

kill=review; durable=""; employees=120
while [ $# -gt 0 ]; do
  case "$1" in
    --kill) kill=$2; shift 2 ;;
    --durable) durable=--durable; shift ;;
    --employees) employees=$2; shift 2 ;;
    *) echo "run_year_test: unknown flag $1" >&2; exit 2 ;;
  esac
done

state=$(mktemp -d "${TMPDIR:-/tmp}/kinerja-year-test.XXXXXX")
status=1
cleanup() {
  "$root/tools/stack" down --state-dir "$state" >/dev/null 2>&1 ||
    echo "run_year_test: tools/stack down failed for $state" >&2
  if [ "$status" != 0 ]; then
    for log in "$state"/logs/*.log; do
      [ -f "$log" ] || continue
      echo "---- last lines of $log" >&2
      tail -n 30 "$log" >&2
    done
  fi
  if [ "${KEEP_STATE:-0}" = 1 ]; then
    echo "run_year_test: state kept in $state" >&2
  else
    rm -rf "$state"
  fi
}
trap cleanup EXIT

year=$(date +%Y)
"$KINERJA_BUILD_DIR/tools/gen/kinerja-gen" --out "$state/data" --employees "$employees" --seed 3 \
  --as-of "$((year - 1))-07-01"
agency=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' \
  "$state/data/agency.json")
"$root/tools/stack" up --state-dir "$state" --agency "$agency" --sim-clock $durable

set +e
"$root/tools/year/kinerja-year" --state-dir "$state" --data "$state/data" --year "$year" \
  --seed 1 --threads 4 --kill "$kill" 2>&1 | tee "$state/year.out"
driver=${PIPESTATUS[0]}
set -e
failed=0
expect() {  # PATTERN WHAT: the driver's output must show it
  if ! grep -Eq "$1" "$state/year.out"; then
    echo "run_year_test: the output shows no $2 (/$1/)" >&2; failed=1
  fi
}
for part in ${kill//,/ }; do
  expect "KILL -9 $part" "kill of $part"
  expect "stack: $part restarted" "restart of $part"
done
expect 'calls retried after UNAVAILABLE: [1-9]' "retried calls"
expect '^   FLAGGED .*BAIK_AT_MOST 70%' "unit out of its distribution band"
expect 'units with an organisation predicate: [0-9]+, breaking a band: 1,' "compliance line"
expect '^== Participation' "participation report"
expect '^== Recognition candidates' "recognition report"
expect '^== Indicator health' "indicator health report"
expect 'export: [1-9][0-9]* SIASN bodies' "national export"
expect "year $year: all numbers agree" "agreement of every number"
if [ "$driver" != 0 ] || [ "$failed" != 0 ]; then
  echo "run_year_test: FAILED (kinerja-year exit $driver)" >&2
  exit 1
fi
status=0
echo "run_year_test: passed"
