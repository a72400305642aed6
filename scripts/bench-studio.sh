#!/bin/bash
# The drafting studio's update after an edit (issue 17, target under 500 ms): what the page asks once the text rests —
# POST /api/studio/validate, then POST /api/studio/assess (without the per-scenario list, as the page asks) and
# /api/studio/compare (the page sends these two at once; both rows are timed) — for a
# bilateral guarantee draft, on a warm server. Starts `pacta serve` (Release build) on a free loopback port with a
# fresh data folder, warms it, then times each request as a whole (wall time of the client's
# curl, two warm-up runs, then RUNS counted: minimum, median and maximum; the median is the figure to quote): validate, assess and
# compare alone, validate then assess, and validate then assess and compare at once, as the page sends them. The drafts: the studio's template (USA to Ukraine, armed attack
# by anyone) and the US draft of November 2025 (corpus/agreements/usa-ukr-draft-2025-11.yaml: threshold and void-if
# attributes, so six attribute cases per scenario class).
# After each timing, "server cpu" is the server process's CPU time per request over RUNS more requests (from
# /proc/PID/stat): steadier than wall time on a shared machine, where the client's curl is not the cost.
# Usage: scripts/bench-studio.sh [RUNS=10]   (BENCH_NO_BUILD=1 uses the build as it is; PACTA_SERVE=PATH another pacta)
set -euo pipefail
runs=${1:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/bench-serve.sh
source "$root/scripts/bench-serve.sh"
url="$base/api/studio"

# The battery of issue 17's benchmark over HTTP (goal under 300 ms): the 2024 US–Ukraine agreement by id, with the
# per-scenario list, as `pacta assess usa-ukr-2024 --json` writes it.
echo '{"agreement": "usa-ukr-2024"}' > "$tmp/by-id.json"
byid="curl -sf -o /dev/null -H content-type:application/json --data-binary @$tmp/by-id.json $url/assess"
for _ in 1 2 3; do $byid; done
echo "== usa-ukr-2024 by id ($(curl -s -H content-type:application/json --data-binary @"$tmp/by-id.json" "$url/assess" | python3 -c 'import json,sys; print(json.load(sys.stdin)["scenarios"])') scenarios, with results): assess"
timed "$byid"
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
  timed "$(post validate)"
  server_cpu "$(post validate)"
  echo "== $name: assess"
  timed "$(post assess)"
  server_cpu "$(post assess)"
  echo "== $name: compare (with NATO Art. 5, the Compact and Budapest, the page's default references)"
  timed "$(post compare)"
  server_cpu "$(post compare)"
  echo "== $name: validate then assess (the studio's update after an edit)"
  timed "$(post validate) && $(post assess)"
  server_cpu "$(post validate) && $(post assess)"
  echo "== $name: validate, then assess and compare at once (as the page sends them)"
  timed "$(post validate) && { $(post assess) & $(post compare); wait; }"
  server_cpu "$(post validate) && { $(post assess) & $(post compare); wait; }"
done
