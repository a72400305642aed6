#!/bin/bash
# Server memory under distinct what-if requests (issue 11 row 3): starts `pacta serve` (Release build) on a free
# loopback port with a fresh data folder, sends N what-ifs differing only in the time of `date` (4 at a time,
# asking for Brotli), and prints the server's resident memory before and after. Usage: scripts/bench-serve-memory.sh [N=2000]
set -euo pipefail
n=${1:-2000}
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet build "$root/src/Pacta.Cli" -c Release -v q -nologo > /dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
data=$(mktemp -d)
"$root/src/Pacta.Cli/bin/Release/net10.0/pacta" serve --port "$port" --data-dir "$data" > /dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/health" && break; sleep 0.5; done
rss() { awk '/VmRSS/{printf "%.0f MB", $2/1024}' "/proc/$pid/status"; }
curl -s -o /dev/null "http://127.0.0.1:$port/api/what-if?attacker=RUS&target=EST&date=2025-06-01"
echo "RSS after one what-if: $(rss)"
start=$(date +%s)
seq 0 $((n - 1)) | xargs -P 4 -I{} sh -c 'i={}; curl -s -o /dev/null -w "%{http_code}\n" -H "Accept-Encoding: br" \
  "http://127.0.0.1:'"$port"'/api/what-if?attacker=RUS&target=EST&date=2025-06-$(printf %02d $((1 + i / 1440)))T$(printf %02d $((i / 60 % 24))):$(printf %02d $((i % 60)))"' | sort | uniq -c
echo "$n distinct what-ifs in $(( $(date +%s) - start )) s; RSS after: $(rss)"
curl -s "http://127.0.0.1:$port/api/health"; echo
