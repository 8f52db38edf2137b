#!/usr/bin/env bash
# The browser test's own test, without a running service: pages rendered from fixed reports
# (dashboard_sample.cc) in headless Chromium. The full page must pass with every chart and its
# numbers; the public page must show the transparency chart and nothing personal; a page whose
# reports are all zeros (charts without bars) must FAIL the browser test, or the test could not
# tell a broken dashboard from a working one. Exit 77 (skip) only when Chromium is absent.
#
#   run_sample_test.sh path/to/analytics_dashboard_sample
set -uo pipefail
sample=${1:?usage: run_sample_test.sh DASHBOARD_SAMPLE_BINARY}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/kinerja-dashboard-sample.XXXXXX")
trap 'rm -rf "$work"' EXIT
test_py=("$here/dashboard_test.py")

for kind in full public empty; do
  "$sample" "$kind" >"$work/$kind.html" || { echo "run_sample_test: $sample $kind failed" >&2; exit 1; }
done

"${test_py[@]}" --url "file://$work/full.html" \
  --chart distribution --chart compliance --chart participation --chart transparency \
  --chart streams \
  --expect-text "Predicate distribution" --expect-text "Dinas Pendidikan <script>" \
  --expect-text "37 · 1180 · 64 · 9 · 2 of 1292" \
  --expect-text "1187 on time · 114 late · 41 overdue of 1350" \
  --expect-text "7977 filed of 8412 due (388 late)" \
  --expect-text "6 staff, +15.0 pp: SANGAT_BAIK_AT_MOST 20% (35.0 %)" \
  --expect-text "47.5 s · DISCONNECTED" \
  --expect-number 1292 --expect-number 2411 --expect-number 2630 --expect-number 18007 \
  --screenshot "$work/full.png"
status=$?
[ "$status" = 77 ] && exit 77
[ "$status" = 0 ] || { echo "run_sample_test: the full page failed the browser test" >&2; exit 1; }

"${test_py[@]}" --url "file://$work/public.html" --chart transparency \
  --no-chart distribution --no-chart compliance --no-chart participation \
  --expect-text "Public view: aggregates only." --expect-number 1298 ||
  { echo "run_sample_test: the public page failed the browser test" >&2; exit 1; }

"${test_py[@]}" --url "file://$work/empty.html" --chart distribution --chart participation \
  2>"$work/empty.err"
status=$?
if [ "$status" != 1 ]; then
  echo "run_sample_test: a dashboard without bars passed the browser test (exit $status)" >&2
  cat "$work/empty.err" >&2
  exit 1
fi
echo "run_sample_test: the empty page was refused as it should be: $(tail -n 1 "$work/empty.err")"
echo "run_sample_test: passed"
