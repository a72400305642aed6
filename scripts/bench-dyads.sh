#!/usr/bin/env bash
# Times the largest dataset Pacta writes: every directed pair of state-system members, 1816–2025, as CSV,
# through the real CLI as published for release. Prints wall time, CPU time (user + system) and peak memory per run;
# CPU time is the steadier figure on a shared machine.
# With PACTA_TIMING=1 the CLI also prints its stages (loading, then the dataset's own work) to standard error.
# Usage: scripts/bench-dyads.sh [RUNS]   (default 5; output in $BENCH_CSV, default /tmp/x.csv;
#        the published CLI in $BENCH_OUT, default /tmp/pacta-release: set both apart when several checkouts share a machine)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
runs=${1:-5}
out=${BENCH_OUT:-/tmp/pacta-release}
csv=${BENCH_CSV:-/tmp/x.csv}

# The release build: self-contained, ReadyToRun composite (the framework and Pacta precompiled as one image, so
# generic code over Pacta's types needs no JIT at start-up). Takes about 3 minutes; BENCH_REUSE=1 skips it.
if [ -z "${BENCH_REUSE:-}" ]; then
  echo "== publishing (self-contained, ReadyToRun composite) to $out"
  dotnet publish src/Pacta.Cli -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$out" >/dev/null
fi

# A fresh data folder for the start-up snapshot (README, "Start-up cache"). The row "cold" runs with the cache
# off (PACTA_SNAPSHOT=0: every source parsed, as on a first run); the numbered runs read the snapshot.
export PACTA_DATA_DIR
PACTA_DATA_DIR=$(mktemp -d)
trap 'rm -rf "$PACTA_DATA_DIR"' EXIT
"$out/pacta" list >/dev/null # writes the snapshot

echo "== pacta dyads --directed --all-pairs --from 1816 --to 2025 --format csv --out $csv ($runs runs; load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-4s %9s %9s %9s %11s\n' run wall_s user_s sys_s max_rss_MiB
for i in cold $(seq 1 "$runs"); do
  stats=$(mktemp)
  snapshot=1; [ "$i" = cold ] && snapshot=0
  PACTA_SNAPSHOT=$snapshot /usr/bin/time -f '%e %U %S %M' -o "$stats" \
    "$out/pacta" dyads --directed --all-pairs --from 1816 --to 2025 --format csv --out "$csv" >/dev/null
  read -r wall user sys rss <"$stats"
  rm -f "$stats"
  printf '%-4s %9s %9s %9s %11.1f\n' "$i" "$wall" "$user" "$sys" "$(echo "$rss / 1024" | bc -l)"
done
echo "rows: $(($(wc -l <"$csv") - 1)); bytes: $(stat -c %s "$csv")"
