# Sourced by the bench scripts (needs $out). Publishes the release build: self-contained, ReadyToRun composite
# (the framework and Pacta precompiled as one image, so generic code over Pacta's types needs no JIT at start-up);
# about 3 minutes, BENCH_REUSE=1 skips it. Then a fresh data folder for the start-up snapshot (README, "Start-up
# cache"), written once: the benches' "cold" row runs with PACTA_SNAPSHOT=0 (every source parsed, as on a first
# run), their numbered runs read the snapshot.
if [ -z "${BENCH_REUSE:-}" ]; then
  echo "== publishing (self-contained, ReadyToRun composite) to $out"
  dotnet publish src/Pacta.Cli -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$out" >/dev/null
fi
export PACTA_DATA_DIR
PACTA_DATA_DIR=$(mktemp -d)
trap 'rm -rf "$PACTA_DATA_DIR"' EXIT
"$out/pacta" list >/dev/null
