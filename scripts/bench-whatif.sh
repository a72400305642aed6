#!/usr/bin/env bash
# What-if performance: in-process latency over the whole corpus (pacta bench what-if: p50/p90/p99 of the
# evaluation alone, with every explanation worded, with the --json output, and through the JSON document)
# and the whole-process time of one `pacta what-if` call, through the CLI as published for release.
# Usage: scripts/bench-whatif.sh [RUNS]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
runs=${1:-10}
out=${BENCH_OUT:-/tmp/pacta-release}

# shellcheck source=scripts/bench-release.sh
source scripts/bench-release.sh

echo "== in process: pacta bench what-if"
"$out/pacta" bench what-if

echo "== whole process: pacta what-if --attacker RUS --target EST --date 2025-06-01 --json ($runs runs)"
printf '%-4s %9s %9s %9s\n' run wall_s user_s sys_s
for i in cold $(seq 1 "$runs"); do
  stats=$(mktemp)
  snapshot=1; [ "$i" = cold ] && snapshot=0
  PACTA_SNAPSHOT=$snapshot /usr/bin/time -f '%e %U %S' -o "$stats" "$out/pacta" what-if --attacker RUS --target EST --date 2025-06-01 --json >/dev/null
  read -r wall user sys <"$stats"
  rm -f "$stats"
  printf '%-4s %9s %9s %9s\n' "$i" "$wall" "$user" "$sys"
done
