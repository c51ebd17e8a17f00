#!/usr/bin/env bash
# Rebuilds every shipped critic model from its listed, licence-clean training data with fixed seeds
# (docs/DETECTION.md, "Rebuild"): src/ResponseMonitor.Domain/Critics/Models/{en.head.json,de.stack.bin}.
# Then measures them on the held-out evaluation sets. A brand's own model uses the same trainer from its own labels:
# `train-critics BRAND labels.csv` on the app, or POST /api/critics/models/{brand}.
#
# Usage: scripts/train-critics.sh GOEMOTIONS_DIR UCI_DIR [shared/data/sentiment] [embedding cache dir]
#   GOEMOTIONS_DIR  train.tsv, dev.tsv, test.tsv of GoEmotions (Apache-2.0): google-research/google-research
#                   goemotions/data/, or any byte-identical copy (docs/DETECTION.md names the one used and its hashes).
#   UCI_DIR         amazon_cells_labelled.txt, imdb_labelled.txt, yelp_labelled.txt of the UCI "Sentiment Labelled
#                   Sentences" (CC BY 4.0): archive.ics.uci.edu dataset 331, or a copy (docs/DETECTION.md).
#   Nothing fetched is committed: keep both folders outside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -lt 2 ]]; then
  sed -n '2,13p' "$0" >&2
  exit 2
fi
goemotions=$1
uci=$2
data=${3:-$(cd .. && pwd)/shared/data/sentiment}
cache=${4:-${TMPDIR:-/tmp}/responsemonitor-critic-embeddings}
dotnet build bench/ResponseMonitor.Bench -c Release --nologo -v quiet -clp:ErrorsOnly
# Embedding ~50,000 texts takes minutes of CPU; nice keeps the machine usable meanwhile.
nice -n 10 dotnet run -c Release --no-build --project bench/ResponseMonitor.Bench -- train-critics "$data" \
  --goemotions "$goemotions" --uci "$uci" --cache "$cache"
# The models are embedded resources: build again so the evaluation reads the new ones.
dotnet build bench/ResponseMonitor.Bench -c Release --nologo -v quiet -clp:ErrorsOnly
nice -n 10 dotnet run -c Release --no-build --project bench/ResponseMonitor.Bench -- detection models "$data"
