#!/usr/bin/env bash
# The cascade over HTTP (issue 13, "Speed users feel": a 10,000-trial Monte Carlo for Russia → Estonia 2025 under
# 0.3 s on a warm server): starts `pacta serve`, asks once (the server builds and keeps the scenario's graph), then
# times GET /api/cascade with a new seed on every request, so no answer is reused, for both join models.
# Usage: scripts/bench-cascade-http.sh [RUNS=15]   (BENCH_NO_BUILD=1 uses the build as it is; PACTA_SERVE=PATH another pacta)
set -euo pipefail
runs=${1:-15}
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/bench-serve.sh
source "$root/scripts/bench-serve.sh"
q="$base/api/cascade?attacker=RUS&target=EST&date=2025-06-01&trials=10000"
t0=$(date +%s%N); curl -sf -o /dev/null "$q&seed=1"; t1=$(date +%s%N)
echo "== first request (builds the graph): $(( (t1 - t0) / 1000000 )) ms"
for join in per-obligation fitted; do
  echo "== $join join model, 10,000 trials, a new seed each request"
  # The seed is drawn by the sh that runs each request (dash has no $RANDOM), so every request asks for another one.
  timed "curl -sf -o /dev/null \"$q&join_model=$join&seed=\$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')\""
  server_cpu "curl -sf -o /dev/null \"$q&join_model=$join&seed=\$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')\""
done
