# Sourced by the HTTP benches (needs $runs and $root): starts `pacta serve` (the Release build, or PACTA_SERVE) on a
# free loopback port with a fresh data folder, waits for it, and defines the timers: `timed CMD` (the client's wall
# time of a shell command string: two uncounted runs, then $runs counted; min, median, max in ms) and `server_cpu
# CMD` (the server process's user+system CPU per request over $runs more, from /proc/PID/stat: steadier than wall
# time on a shared machine). Public tools only: curl, date, sort, awk.
[ -n "${BENCH_NO_BUILD:-}" ] || dotnet build "$root/src/Pacta.Cli" -c Release -v q -nologo > /dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
tmp=$(mktemp -d)
"${PACTA_SERVE:-$root/src/Pacta.Cli/bin/Release/net10.0/pacta}" serve --port "$port" --data-dir "$tmp/data" > /dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 1 240); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/health" && break; sleep 0.5; done
base="http://127.0.0.1:$port"
tick=$(getconf CLK_TCK)
# The server's user+system CPU in clock ticks (fields 14 and 15 of /proc/PID/stat, after the parenthesised name).
ticks() { sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}'; }
# Wall time of a shell command string over RUNS runs after two uncounted ones: min, median and max in ms.
timed() {
  local t0 t1 ms=()
  for _ in 1 2; do sh -c "$1"; done
  for _ in $(seq 1 "$runs"); do
    t0=$(date +%s%N); sh -c "$1"; t1=$(date +%s%N)
    ms+=($(( (t1 - t0) / 1000000 )))
  done
  sorted=$(printf '%s\n' "${ms[@]}" | sort -n)
  echo "wall ms over $runs runs: min $(echo "$sorted" | head -1), median $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p"), max $(echo "$sorted" | tail -1)"
}
server_cpu() {
  local before after
  before=$(ticks)
  for _ in $(seq 1 "$runs"); do sh -c "$1"; done
  after=$(ticks)
  echo "server cpu per request: $(( (after - before) * 1000 / tick / runs )) ms (over $runs)"
}

