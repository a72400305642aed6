#!/usr/bin/env bash
# Times the Monte Carlo cascade users run: Russia attacks Estonia on 2025-06-01, 10,000 trials, through the real CLI
# as published for release (issue 13, "Speed users feel": under 0.5 s as a whole warm run), once with the default
# join model (per-obligation, preset bf2018) and once with the fitted per-state one. Prints wall time, CPU time
# (user + system) and peak memory per run; CPU time is the steadier figure on a shared machine. The "cold" row runs
# with PACTA_SNAPSHOT=0 (every source parsed, no cache beside the snapshot); the numbered runs are warm. With
# PACTA_TIMING=1 the CLI also prints its stages (snapshot, invocation rules, attack table, close graph, Monte Carlo)
# to standard error.
# Usage: scripts/bench-cascade.sh [RUNS]   (default 5; the published CLI in $BENCH_OUT, default /tmp/pacta-release:
#        set it apart when several checkouts share a machine; BENCH_REUSE=1 skips the publish)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
runs=${1:-5}
out=${BENCH_OUT:-/tmp/pacta-release}

# shellcheck source=scripts/bench-release.sh
source scripts/bench-release.sh

# One run not counted, so that the numbered runs find the caches beside the snapshot (the invocation rules) written.
"$out/pacta" cascade --attacker RUS --target EST --date 2025-06-01 >/dev/null

for join in per-obligation fitted; do
  echo "== pacta cascade --attacker RUS --target EST --date 2025-06-01 --trials 10000 --join-model $join ($runs runs; load average $(cut -d' ' -f1-3 /proc/loadavg))"
  printf '%-4s %9s %9s %9s %11s\n' run wall_s user_s sys_s max_rss_MiB
  for i in cold $(seq 1 "$runs"); do
    stats=$(mktemp)
    snapshot=1; [ "$i" = cold ] && snapshot=0
    PACTA_SNAPSHOT=$snapshot /usr/bin/time -f '%e %U %S %M' -o "$stats" \
      "$out/pacta" cascade --attacker RUS --target EST --date 2025-06-01 --trials 10000 --join-model "$join" >/dev/null
    read -r wall user sys rss <"$stats"
    rm -f "$stats"
    printf '%-4s %9s %9s %9s %11.1f\n' "$i" "$wall" "$user" "$sys" "$(echo "$rss / 1024" | bc -l)"
  done
done
