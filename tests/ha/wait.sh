# Bounded waiting for the HA tests (sourced): nothing waits without a limit.

ha_die() { echo "ha: $*" >&2; exit 1; }

# ha_wait SECONDS WHAT COMMAND...: runs COMMAND every 0.5 s until it succeeds; fails after SECONDS.
ha_wait() {
  local seconds=$1 what=$2 deadline
  shift 2
  deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "ha: no $what within ${seconds}s" >&2; return 1; }
    sleep 0.5
  done
}

# ha_now: seconds since the epoch with milliseconds, for the printed figures.
ha_now() { date +%s.%3N; }

# ha_since T: seconds from T (an ha_now value) to now, with two decimals.
ha_since() { awk -v t="$1" -v now="$(ha_now)" 'BEGIN { printf "%.2f", now - t }'; }
