#!/usr/bin/env bash
# The stress runs of docs/RELIABILITY.md against the standalone app in its own process, with their own Azurite.
# Usage: scripts/stress.sh kill [times] | outage | faultyfeed | load [clients] [seconds] [cacheSeconds] | secrets | all
# Logs go to .artifacts/stress/<verb>.log. Exit code 0 only when every check of the run held.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/azurite.sh
ensure_node_tools
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/ResponseMonitor.App/ResponseMonitor.App.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet build bench/ResponseMonitor.Bench/ResponseMonitor.Bench.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
run() { dotnet bench/ResponseMonitor.Bench/bin/Release/net10.0/ResponseMonitor.Bench.dll stress "$@"; }
if [ "${1:-}" = "all" ]; then
  status=0
  for verb in secrets faultyfeed outage kill load; do
    echo "== $verb"; run "$verb" || status=1
  done
  exit $status
fi
run "$@"
