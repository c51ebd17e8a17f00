#!/usr/bin/env bash
# Builds the Azure Functions package: host.json, one folder per function and the self-contained linux-x64
# executable "ResponseMonitor" that host.json names. Usage: scripts/package.sh [OUTPUT_DIR] [ReadyToRun|Jit]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.artifacts/package}
mode=${2:-ReadyToRun}
rm -rf "$out"
dotnet publish src/ResponseMonitor.App/ResponseMonitor.App.csproj -c Release -o "$out" -p:PublishMode="$mode" --nologo -v quiet -clp:ErrorsOnly
echo "$out"
