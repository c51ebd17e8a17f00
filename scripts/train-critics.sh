#!/usr/bin/env bash
# Rebuilds every shipped critic model from its listed, licence-clean training data with fixed seeds
# (docs/DETECTION.md, "Shipped models"): src/ResponseMonitor.Domain/Critics/Models/{en.head.json,de.stack.bin}.
# Then measures them on the held-out evaluation sets. A brand's own model uses the same trainer from its own labels:
# `train-critics BRAND labels.csv` on the app, or POST /api/critics/models/{brand}.
# Usage: scripts/train-critics.sh [path to shared/data/sentiment]   (default: ../shared/data/sentiment)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-$(cd .. && pwd)/shared/data/sentiment}
dotnet build bench/ResponseMonitor.Bench -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet run -c Release --no-build --project bench/ResponseMonitor.Bench -- train-critics "$data"
# The models are embedded resources: build again so the evaluation reads the new ones.
dotnet build bench/ResponseMonitor.Bench -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet run -c Release --no-build --project bench/ResponseMonitor.Bench -- detection models "$data"
