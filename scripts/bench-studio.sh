#!/bin/bash
# The drafting studio's update after an edit (issue 17, target under 500 ms): what the page asks once the text rests —
# POST /api/studio/validate, then POST /api/studio/assess (without the per-scenario list, as the page asks) and
# /api/studio/compare (the page sends these two at once; both rows are timed) — for a
# bilateral guarantee draft, on a warm server. Starts `pacta serve` (Release build) on a free loopback port with a
# fresh data folder, warms it, then times with farm-bench (medians are the figures to quote): validate, assess and
# compare alone, validate then assess, and validate then assess and compare at once, as the page sends them. The drafts: the studio's template (USA to Ukraine, armed attack
# by anyone) and the US draft of November 2025 (corpus/agreements/usa-ukr-draft-2025-11.yaml: threshold and void-if
# attributes, so six attribute cases per scenario class).
# After each timing, "server cpu" is the server process's CPU time per request over RUNS more requests (from
# /proc/PID/stat): steadier than wall time on a shared machine, where the client's curl is not the cost.
# Usage: scripts/bench-studio.sh [RUNS=10]   (BENCH_NO_BUILD=1 uses the build as it is; PACTA_SERVE=PATH another pacta)
set -euo pipefail
runs=${1:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
[ -n "${BENCH_NO_BUILD:-}" ] || dotnet build "$root/src/Pacta.Cli" -c Release -v q -nologo > /dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
tmp=$(mktemp -d)
"${PACTA_SERVE:-$root/src/Pacta.Cli/bin/Release/net10.0/pacta}" serve --port "$port" --data-dir "$tmp/data" > /dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 1 240); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/health" && break; sleep 0.5; done
url="http://127.0.0.1:$port/api/studio"
tick=$(getconf CLK_TCK)
# The server's user+system CPU in clock ticks (fields 14 and 15 of /proc/PID/stat, after the parenthesised name).
ticks() { sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}'; }
server_cpu() {
  local before after
  before=$(ticks)
  for _ in $(seq 1 "$runs"); do sh -c "$1"; done
  after=$(ticks)
  echo "server cpu per request: $(( (after - before) * 1000 / tick / runs )) ms (over $runs)"
}

# The battery of issue 17's benchmark over HTTP (goal under 300 ms): the 2024 US–Ukraine agreement by id, with the
# per-scenario list, as `pacta assess usa-ukr-2024 --json` writes it.
echo '{"agreement": "usa-ukr-2024"}' > "$tmp/by-id.json"
byid="curl -sf -o /dev/null -H content-type:application/json --data-binary @$tmp/by-id.json $url/assess"
for _ in 1 2 3; do $byid; done
echo "== usa-ukr-2024 by id ($(curl -s -H content-type:application/json --data-binary @"$tmp/by-id.json" "$url/assess" | python3 -c 'import json,sys; print(json.load(sys.stdin)["scenarios"])') scenarios, with results): assess"
farm-bench -n "$runs" --warmup 2 -- $byid
server_cpu "$byid"

for draft in template:tests/fixtures/studio/bilateral-guarantee.yaml us-draft:corpus/agreements/usa-ukr-draft-2025-11.yaml; do
  name=${draft%%:*}; file=$root/${draft#*:}
  python3 - "$file" "$tmp/$name" <<'PY'
import json, sys
text = open(sys.argv[1]).read()
json.dump({"yaml": text}, open(sys.argv[2] + "-validate.json", "w"))
json.dump({"yaml": text, "results": False}, open(sys.argv[2] + "-assess.json", "w"))
json.dump({"yaml": text, "references": ["north-atlantic-treaty-1949", "kyiv-security-compact-2022", "budapest-memorandum-1994"]}, open(sys.argv[2] + "-compare.json", "w"))
PY
  post() { echo "curl -sf -o /dev/null -H content-type:application/json --data-binary @$tmp/$name-$1.json $url/$1"; }
  # Warm: the first assessment reads the battery, contiguity, wars and major powers.
  for _ in 1 2 3; do $(post validate); $(post assess); $(post compare); done
  echo "== $name ($(curl -s -H content-type:application/json --data-binary @"$tmp/$name-assess.json" "$url/assess" | python3 -c 'import json,sys; print(json.load(sys.stdin)["scenarios"])') scenarios): validate"
  farm-bench -n "$runs" --warmup 2 -- $(post validate)
  server_cpu "$(post validate)"
  echo "== $name: assess"
  farm-bench -n "$runs" --warmup 2 -- $(post assess)
  server_cpu "$(post assess)"
  echo "== $name: compare (with NATO Art. 5, the Compact and Budapest, the page's default references)"
  farm-bench -n "$runs" --warmup 2 -- $(post compare)
  server_cpu "$(post compare)"
  echo "== $name: validate then assess (the studio's update after an edit)"
  farm-bench -n "$runs" --warmup 2 -- sh -c "$(post validate) && $(post assess)"
  server_cpu "$(post validate) && $(post assess)"
  echo "== $name: validate, then assess and compare at once (as the page sends them)"
  farm-bench -n "$runs" --warmup 2 -- sh -c "$(post validate) && { $(post assess) & $(post compare); wait; }"
  server_cpu "$(post validate) && { $(post assess) & $(post compare); wait; }"
done
