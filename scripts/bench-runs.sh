#!/usr/bin/env bash
# Times a command as a whole process: one uncounted run (caches written, files in the page cache), then RUNS counted
# runs, each measured by /usr/bin/time (wall, user + system CPU, peak resident memory). Prints each figure's minimum,
# median and maximum; the median is the figure the README's benchmark table quotes. Output of the command is thrown
# away; a failing run stops the script.
# Usage: scripts/bench-runs.sh RUNS COMMAND [ARGS…]
#   e.g. scripts/bench-runs.sh 7 /tmp/pacta-release/pacta cascade --attacker RUS --target EST --date 2025-06-01 --trials 10000
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 RUNS COMMAND [ARGS…]" >&2; exit 2; }
runs=$1; shift
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive whole number, not '$runs'" >&2; exit 2; }
stats=$(mktemp); rows=$(mktemp)
trap 'rm -f "$stats" "$rows"' EXIT

"$@" >/dev/null
for _ in $(seq 1 "$runs"); do
  /usr/bin/time -f '%e %U %S %M' -o "$stats" "$@" >/dev/null
  read -r wall user sys rss <"$stats"
  echo "$wall $(echo "$user + $sys" | bc -l) $(echo "$rss / 1024" | bc -l)" >>"$rows"
done

# Column COL of the rows: min, median (the middle run; the lower middle for an even count) and max.
summary() {
  sort -g -k"$1","$1" "$rows" | awk -v c="$1" -v n="$runs" '{ v[NR] = $c } END { printf "%.3f  %.3f  %.3f\n", v[1], v[int((n + 1) / 2)], v[n] }'
}
printf '%-10s %s\n' "" "min  median  max  (over $runs runs: $*)"
printf '%-10s %s\n' "wall s" "$(summary 1)"
printf '%-10s %s\n' "cpu s" "$(summary 2)"
printf '%-10s %s\n' "peak MiB" "$(summary 3)"
