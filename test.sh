#!/usr/bin/env bash
# Runs every test of the project on a fresh machine:
#   1. installs what the tests need (Debian redis-server and PostgreSQL 15, npm ci of the pinned
#      chain tools and graph-cli, dotnet restore),
#   2. compiles the contracts and builds the subgraphs,
#   3. starts PostgreSQL, Redis and anvil on free loopback ports (a devnet of its own in .devnet-test/),
#   4. runs `dotnet test` on the whole solution,
#   5. stops what it started, and prints "N passed, N failed" as its last line.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log() { printf '\n== %s\n' "$*"; }

log "prerequisites"
need_apt=()
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need_apt+=(postgresql-15)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)   # headless browser of the query-page test (tests/clients, puppeteer-core)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null; fi
fi
(cd deploy && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci in deploy/ failed"; exit 1; }
(cd tests/clients && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci in tests/clients failed"; exit 1; }
node deploy/compile.mjs || { echo "contract compilation failed"; exit 1; }
if [ -x subgraphs/build.sh ]; then subgraphs/build.sh || { echo "subgraph build failed"; exit 1; }; fi
dotnet restore DePin.Index.sln --verbosity quiet || exit 1
dotnet build DePin.Index.sln -c Release --no-restore -nologo -clp:ErrorsOnly -v quiet || { echo "build failed"; exit 1; }

log "servers for the tests"
export DEPIN_TEST_HOME="$root/.devnet-test"
./depin devnet up --dir "$DEPIN_TEST_HOME" --no-contracts >/dev/null || { echo "devnet up failed"; exit 1; }
cleanup() { ./depin devnet down --dir "$DEPIN_TEST_HOME" >/dev/null 2>&1 || true; }
trap cleanup EXIT
eval "$(./depin devnet env --dir "$DEPIN_TEST_HOME")"   # DEPIN_TEST_POSTGRES_URL, DEPIN_TEST_REDIS, DEPIN_TEST_RPC_URL

log "dotnet test"
results="$root/TestResults"
rm -rf "$results"; mkdir -p "$results"
dotnet test DePin.Index.sln -c Release --no-build -nologo 2>&1 | tee "$results/dotnet-test.log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary line per test assembly
# ("Passed!  - Failed: 0, Passed: 12, Skipped: 0, …"); CI reads one plain line for the whole run.
read -r passed failed skipped < <(grep -E '^(Passed|Failed)! ' "$results/dotnet-test.log" | awk -F'[:,]' '
  { for (i = 1; i <= NF; i++) { gsub(/ /, "", $i) }
    for (i = 1; i < NF; i++) { if ($i ~ /Failed$/) f += $(i+1); if ($i == "Passed") p += $(i+1); if ($i == "Skipped") s += $(i+1) } }
  END { print p + 0, f + 0, s + 0 }')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # a crashed test host counts as a failure
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
