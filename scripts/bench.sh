#!/usr/bin/env bash
# Runs the measurements of docs/PERFORMANCE.md against a fresh in-memory Azurite.
# Usage: scripts/bench.sh coldstart [runs] | importmemory [1024] | pollcycle [10,100,1000] | pollkinds [cycles] | fanout [10,1000,10000] [1000] | schedule [channels] [clients] [seconds] [rounds] | startup [100,1000,10000] [rounds] | dashboardchannels [100,10000] [requests] | gc [rows] [runs] | timetowarning [runs] | metrics [n,n] | sweep [10000,50000] | ingest [5000,20000] | dashboard [10000,1000000] [channels] [requests]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/azurite.sh
dotnet build src/ResponseMonitor.App/ResponseMonitor.App.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet build bench/ResponseMonitor.Bench/ResponseMonitor.Bench.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
trap stop_azurite EXIT
start_azurite
RESPONSEMONITOR_BENCH_STORAGE="$AZURITE_CONNECTION_STRING" dotnet bench/ResponseMonitor.Bench/bin/Release/net10.0/ResponseMonitor.Bench.dll "$@"
