#!/usr/bin/env bash
# Times the largest dataset Pacta writes: every directed pair of state-system members, 1816–2025, as CSV,
# through the real CLI as published for release, first with the alliance columns alone, then with
# `--add contiguity,majors,mids,wars` (peacesciencer's add_contiguity, add_cow_majors, add_gml_mids and add_cow_wars columns). Prints wall time, CPU time (user + system) and peak memory per run;
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

# shellcheck source=scripts/bench-release.sh
source scripts/bench-release.sh

for add in "" "--add contiguity,majors,mids,wars"; do
  # shellcheck disable=SC2086 # $add is two words or none
  echo "== pacta dyads --directed --all-pairs --from 1816 --to 2025 $add --format csv --out $csv ($runs runs; load average $(cut -d' ' -f1-3 /proc/loadavg))"
  printf '%-4s %9s %9s %9s %11s\n' run wall_s user_s sys_s max_rss_MiB
  for i in cold $(seq 1 "$runs"); do
    stats=$(mktemp)
    snapshot=1; [ "$i" = cold ] && snapshot=0
    # shellcheck disable=SC2086
    PACTA_SNAPSHOT=$snapshot /usr/bin/time -f '%e %U %S %M' -o "$stats" \
      "$out/pacta" dyads --directed --all-pairs --from 1816 --to 2025 $add --format csv --out "$csv" >/dev/null
    read -r wall user sys rss <"$stats"
    rm -f "$stats"
    printf '%-4s %9s %9s %9s %11.1f\n' "$i" "$wall" "$user" "$sys" "$(echo "$rss / 1024" | bc -l)"
  done
  echo "rows: $(($(wc -l <"$csv") - 1)); bytes: $(stat -c %s "$csv")"
done
