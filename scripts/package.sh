#!/usr/bin/env bash
# Builds the Azure Functions package as azd does: `dotnet publish` of the isolated-worker app (ResponseMonitor.dll,
# functions.metadata, worker.config.json, extensions.json, .azurefunctions/, host.json), ReadyToRun for linux-x64 and
# framework-dependent by default (the csproj decides; docs/PERFORMANCE.md has why). Jit gives the plain package.
# Usage: scripts/package.sh [OUTPUT_DIR] [ReadyToRun|Jit]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.artifacts/package}
mode=${2:-ReadyToRun}
rm -rf "$out"
dotnet publish src/ResponseMonitor.App/ResponseMonitor.App.csproj -c Release -o "$out" -p:PublishMode="$mode" --nologo -v quiet -clp:ErrorsOnly
echo "$out"
