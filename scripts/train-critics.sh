#!/usr/bin/env bash
# Rebuilds every shipped critic model from its listed, licence-clean training data with fixed seeds
# (docs/DETECTION.md, "Rebuild"): src/ResponseMonitor.Domain/Critics/Models/{en.minilm.bin,en.head.json,de.stack.bin}.
# Then measures them on the held-out evaluation sets. A brand's own model uses the same trainer from its own labels:
# `train-critics BRAND labels.csv` on the app, or POST /api/critics/models/{brand}.
#
# Usage: scripts/train-critics.sh SENTIMENT_DIR GOEMOTIONS_DIR UCI_DIR [--frozen-head]
#   SENTIMENT_DIR   ../shared/data/sentiment (SB-10k for German; the evaluation sets, read only to measure)
#   GOEMOTIONS_DIR  train.tsv, dev.tsv, test.tsv of GoEmotions (Apache-2.0): google-research/google-research
#                   goemotions/data/, or a byte-identical copy (docs/DETECTION.md names the one used and its hashes).
#   UCI_DIR         amazon_cells_labelled.txt, imdb_labelled.txt, yelp_labelled.txt of the UCI "Sentiment Labelled
#                   Sentences" (CC BY 4.0), or a copy (docs/DETECTION.md). Nothing fetched is committed.
#   --frozen-head   the earlier candidate instead: a head over the published (not fine-tuned) embeddings.
# Needs Debian's python3-torch, python3-onnx and libopenblas0-pthread (without it torch runs ~20x slower).
# One pass over ~17,000 texts: about 15 CPU-minutes on an idle 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -lt 3 ]]; then
  sed -n '7,16p' "$0" >&2
  exit 2
fi
data=$1 goemotions=$2 uci=$3
models=src/ResponseMonitor.Domain/Critics/Models
dotnet build bench/ResponseMonitor.Bench -c Release --nologo -v quiet -clp:ErrorsOnly
if [[ "${4:-}" == "--frozen-head" ]]; then
  rm -f "$models/en.minilm.bin"
  nice -n 10 dotnet run -c Release --no-build --project bench/ResponseMonitor.Bench -- train-critics "$data" \
    --goemotions "$goemotions" --uci "$uci" --cache "${TMPDIR:-/tmp}/responsemonitor-critic-embeddings"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  # The English sets as the product's own token ids (no Python tokenizer), the graph from the package's DLL, and the
  # German stack trained on the way.
  nice -n 10 dotnet run -c Release --no-build --project bench/ResponseMonitor.Bench -- train-critics "$data" \
    --goemotions "$goemotions" --uci "$uci" --tokens "$work"
  nice -n 10 /usr/bin/python3 scripts/finetune-critic.py --onnx "$work/minilm.onnx" --train "$work/train.ids" \
    --calibration "$work/calibration.ids" --development "$work/development.ids" --negatives 9000 --out "$models" \
    --evaluate "$work"/eval-*.ids --probe "$work/probe.ids" --probe-text "$work/probe.txt" --probe-out "$work/probe.out"
  echo "Probabilities the C# model must reproduce (ShippedCriticModelTests):"
  cat "$work/probe.out"
fi
# The models are embedded resources: build again so the evaluation reads the new ones.
dotnet build bench/ResponseMonitor.Bench -c Release --nologo -v quiet -clp:ErrorsOnly
nice -n 10 dotnet run -c Release --no-build --project bench/ResponseMonitor.Bench -- detection models "$data"
