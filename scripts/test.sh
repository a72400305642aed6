#!/usr/bin/env bash
# Runs every test: formatting check, build (warnings are errors), unit, CLI, dataset, API and browser tests,
# and the history validation. Installs what is missing first (Debian's Chromium for the browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ -f src/Pacta.Web/ui/package.json ] && [ ! -x /usr/bin/chromium ]; then
  echo "== installing Debian's chromium for the browser tests"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || { echo "could not install chromium"; exit 1; }
fi

echo "== restore"
dotnet restore Pacta.slnx
echo "== format check"
dotnet format Pacta.slnx --verify-no-changes --no-restore
echo "== build"
dotnet build Pacta.slnx -c Release --no-restore
echo "== tests"
# Every fuzz run records its seed here (passing runs too); printed at the end, whatever the outcome.
export PACTA_FUZZ_LOG="$PWD/artifacts/fuzz-runs.log"
rm -f "$PACTA_FUZZ_LOG"
trap 'if [ -f "$PACTA_FUZZ_LOG" ]; then echo "== fuzz seeds (replay with PACTA_FUZZ_SEED)"; cat "$PACTA_FUZZ_LOG"; fi' EXIT
dotnet test Pacta.slnx -c Release --no-build
