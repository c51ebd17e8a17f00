#!/usr/bin/env bash
# Rebuilds every shipped critic model from its listed, licence-clean training data with fixed seeds
# (docs/DETECTION.md, "Rebuild"): src/ResponseMonitor.Domain/Critics/Models/{en.head.json,de.stack.bin}.
# Then measures them on the held-out evaluation sets. A brand's own model uses the same trainer from its own labels:
# `train-critics BRAND labels.csv` on the app, or POST /api/critics/models/{brand}.
#
# Usage: scripts/train-critics.sh [SENTIMENT_DIR] [GOEMOTIONS_DIR UCI_DIR [--fine-tune OUT_DIR]]
#   SENTIMENT_DIR   ../shared/data/sentiment by default (SB-10k for German, amazon_cells for English; the evaluation
#                   sets are read only to measure).
#   With the two folders it trains a candidate English model instead of the shipped head (measured, not shipped:
#   neither beat the shipped head on complaints to brands; docs/DETECTION.md "The GoEmotions candidate"):
#   GOEMOTIONS_DIR  train.tsv, dev.tsv, test.tsv of GoEmotions (Apache-2.0): google-research/google-research
#                   goemotions/data/, or a byte-identical copy (docs/DETECTION.md names the one used and its hashes).
#   UCI_DIR         amazon_cells_labelled.txt, imdb_labelled.txt, yelp_labelled.txt of the UCI "Sentiment Labelled
#                   Sentences" (CC BY 4.0), or a copy (docs/DETECTION.md). Nothing fetched is committed.
#   --fine-tune OUT_DIR  fine-tunes all-MiniLM-L6-v2 itself (scripts/finetune-critic.py) and writes en.minilm.bin
#                   (int8) and en.head.json to OUT_DIR, with its figures; the shipped files are left alone. Needs
#                   Debian's python3-torch, python3-onnx and libopenblas0-pthread (without it torch is ~20x slower):
#                   one pass over 17,088 texts took 41 minutes on this 2-core VM under load.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-$(cd .. && pwd)/shared/data/sentiment}
dotnet build bench/ResponseMonitor.Bench -c Release --nologo -v quiet -clp:ErrorsOnly
if [[ $# -ge 5 && "$4" == "--fine-tune" ]]; then
  out=$(mkdir -p "$5" && cd "$5" && pwd)
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  # The English sets as the product's own token ids (Python never tokenises) and the graph from the package's DLL.
  # The German stack is rebuilt on the way (deterministic: the same file).
  nice -n 10 dotnet run -c Release --no-build --project bench/ResponseMonitor.Bench -- train-critics "$data" \
    --goemotions "$2" --uci "$3" --tokens "$work"
  nice -n 10 /usr/bin/python3 scripts/finetune-critic.py --onnx "$work/minilm.onnx" --train "$work/train.ids" \
    --calibration "$work/calibration.ids" --development "$work/development.ids" --negatives 9000 --out "$out" \
    --evaluate "$work"/eval-*.ids --probe "$work/probe.ids" --probe-text "$work/probe.txt" --probe-out "$out/probe.out"
  exit 0
fi
candidate=()
if [[ $# -ge 3 ]]; then
  candidate=(--goemotions "$2" --uci "$3" --cache "${TMPDIR:-/tmp}/responsemonitor-critic-embeddings")
fi
# Embedding ~50,000 texts (the candidate) takes minutes of CPU; nice keeps the machine usable meanwhile.
nice -n 10 dotnet run -c Release --no-build --project bench/ResponseMonitor.Bench -- train-critics "$data" "${candidate[@]}"
# The models are embedded resources: build again so the evaluation reads the new ones.
dotnet build bench/ResponseMonitor.Bench -c Release --nologo -v quiet -clp:ErrorsOnly
nice -n 10 dotnet run -c Release --no-build --project bench/ResponseMonitor.Bench -- detection models "$data"
