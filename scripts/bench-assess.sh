#!/usr/bin/env bash
# Draft assessment performance (issue 17): the default battery (data/battery/default.yaml) for the 2024 US–Ukraine
# agreement, a bilateral guarantee to Ukraine, as a whole `pacta assess` run through the CLI published for release,
# with the stage times (PACTA_TIMING=1: corpus, battery expansion, evaluation) of the last run on standard error.
# Usage: scripts/bench-assess.sh [RUNS]   (default 10; BENCH_OUT=/tmp/pacta-release-assess, BENCH_REUSE=1 skips the publish)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
runs=${1:-10}
out=${BENCH_OUT:-/tmp/pacta-release-assess}

# shellcheck source=scripts/bench-release.sh
source scripts/bench-release.sh

echo "== battery size: $("$out/pacta" assess usa-ukr-2024 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["scenarios"])') scenarios"
echo "== whole process: pacta assess usa-ukr-2024 ($runs runs)"
printf '%-4s %9s %9s %9s\n' run wall_s user_s sys_s
for i in cold $(seq 1 "$runs"); do
  stats=$(mktemp)
  snapshot=1; [ "$i" = cold ] && snapshot=0
  PACTA_SNAPSHOT=$snapshot /usr/bin/time -f '%e %U %S' -o "$stats" "$out/pacta" assess usa-ukr-2024 >/dev/null
  read -r wall user sys <"$stats"
  rm -f "$stats"
  printf '%-4s %9s %9s %9s\n' "$i" "$wall" "$user" "$sys"
done
echo "== stages of one warm run (PACTA_TIMING=1)"
PACTA_TIMING=1 "$out/pacta" assess usa-ukr-2024 2>&1 >/dev/null | grep 'timing:'
