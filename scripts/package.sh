#!/usr/bin/env bash
# Builds the Azure Functions package: plain `dotnet publish` output of the isolated-worker app (ResponseMonitor.dll,
# functions.metadata, worker.config.json, extensions.json, .azurefunctions/, host.json). azd and zip deploy take
# this folder as it is. Usage: scripts/package.sh [OUTPUT_DIR] [Jit|ReadyToRun]
# ReadyToRun precompiles for linux-x64 (Flex Consumption's platform); docs/PERFORMANCE.md has what it buys.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.artifacts/package}
mode=${2:-Jit}
rm -rf "$out"
extra=()
if [ "$mode" = "ReadyToRun" ]; then
  extra=(-r linux-x64 --self-contained false -p:PublishReadyToRun=true)
fi
dotnet publish src/ResponseMonitor.App/ResponseMonitor.App.csproj -c Release -o "$out" "${extra[@]}" --nologo -v quiet -clp:ErrorsOnly
echo "$out"
