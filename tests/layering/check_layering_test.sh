#!/usr/bin/env bash
# The layering check fails on each kind of violation and passes on a clean tree.
set -euo pipefail
check="$1"
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree"/services/a/{domain,store,api} "$tree"/services/b/api "$tree"/shared/{x,rating}
echo '#include "absl/status/status.h"' > "$tree/services/a/domain/rule.h"
echo '#include "services/a/domain/rule.h"' > "$tree/services/a/store/store.cc"
echo '#include "kinerja/a/v1/a.pb.h"' > "$tree/services/a/api/handler.cc"
echo '#include "absl/status/status.h"' > "$tree/shared/rating/rating.h"
echo '#include "shared/rating/rating.h"' >> "$tree/services/a/domain/rule.h"
"$check" "$tree" >/dev/null || { echo "FAIL: a clean tree was refused"; exit 1; }

expect_refused() {  # file, include, what the message must say
  echo "#include \"$2\"" >> "$tree/$1"
  if out=$("$check" "$tree" 2>&1); then echo "FAIL: $1 including $2 passed"; exit 1; fi
  grep -q "$3" <<<"$out" || { echo "FAIL: no '$3' in: $out"; exit 1; }
  sed -i '$d' "$tree/$1"
}
expect_refused services/a/domain/rule.h "pqxx/pqxx" "domain code must not"
expect_refused services/a/domain/rule.h "grpcpp/grpcpp.h" "domain code must not"
expect_refused services/a/domain/rule.h "kinerja/a/v1/a.pb.h" "domain code must not"
expect_refused services/a/store/store.cc "services/a/api/handler.h" "store code must not"
expect_refused services/b/api/x.cc "services/a/domain/rule.h" "another service"
expect_refused shared/x/y.cc "services/a/domain/rule.h" "shared/ must not"
expect_refused shared/rating/rating.h "grpcpp/grpcpp.h" "used by domain code"
expect_refused shared/rating/rating.h "kinerja/a/v1/a.pb.h" "used by domain code"
echo "check-layering: 9 cases passed"
