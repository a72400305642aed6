#!/bin/bash
# Server memory under distinct what-if requests (issue 11 row 3): starts `pacta serve` (Release build) on a free
# loopback port with a fresh data folder (scripts/bench-serve.sh), sends N what-ifs differing only in the time of `date` (4 at a time,
# asking for Brotli), and prints the server's resident memory before and after. Usage: scripts/bench-serve-memory.sh [N=2000]
set -euo pipefail
n=${1:-2000}
root=$(cd "$(dirname "$0")/.." && pwd)
runs=1 # bench-serve.sh's timers are not used here
# shellcheck source=scripts/bench-serve.sh
source "$root/scripts/bench-serve.sh"
rss() { awk '/VmRSS/{printf "%.0f MB", $2/1024}' "/proc/$pid/status"; }
curl -s -o /dev/null "http://127.0.0.1:$port/api/what-if?attacker=RUS&target=EST&date=2025-06-01"
echo "RSS after one what-if: $(rss)"
start=$(date +%s)
seq 0 $((n - 1)) | xargs -P 4 -I{} sh -c 'i={}; curl -s -o /dev/null -w "%{http_code}\n" -H "Accept-Encoding: br" \
  "http://127.0.0.1:'"$port"'/api/what-if?attacker=RUS&target=EST&date=2025-06-$(printf %02d $((1 + i / 1440)))T$(printf %02d $((i / 60 % 24))):$(printf %02d $((i % 60)))"' | sort | uniq -c
echo "$n distinct what-ifs in $(( $(date +%s) - start )) s; RSS after: $(rss)"
curl -s "http://127.0.0.1:$port/api/health"; echo
