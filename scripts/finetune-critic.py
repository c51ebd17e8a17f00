#!/usr/bin/python3
"""Fine-tunes all-MiniLM-L6-v2 as a candidate English critic model (docs/DETECTION.md, "The fine-tuned candidate";
measured, not shipped).

Called by scripts/train-critics.sh ... --fine-tune; needs Debian's python3-torch, python3-onnx and libopenblas0-pthread.
- The network is the DLL's own ONNX graph, rebuilt in torch from its initializers (the same names and the same
  [in, out] layout), so its weights could be given back to ONNX Runtime as initializers over the DLL's graph.
- Token ids come from the product's tokenizer (bench `train-critics --tokens`), never from a Python tokenizer.
- The word, position and type embeddings stay frozen (the DLL's); the six transformer
  layers and a binary head on mean pooling learn. Fixed seed, one thread order: the same data give the same weights.
- Written weights: every matrix as int8 with one fp32 scale per output column, vectors as fp32 (en.minilm.bin).
"""
import argparse
import json
import math
import random
import struct
import sys
import time

import numpy as np
import onnx
import onnx.numpy_helper
import torch

MAGIC = b"RMCRIT01"


def read_ids(path):
    """Lines of label, the 8 lexicon signals (LexiconSignals.Of) and the word-piece ids, tab-separated."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            label, signals, ids = line.rstrip("\n").split("\t")
            rows.append((int(label), [int(i) for i in ids.split()], [float(v) for v in signals.split(",")]))
    return rows


class MiniLm(torch.nn.Module):
    """BERT as the ONNX graph computes it (torch export of all-MiniLM-L6-v2): post-LN, erf GELU, eps 1e-12."""

    def __init__(self, weights, names):
        super().__init__()
        self.names = names  # torch parameter name -> ONNX initializer name
        self.frozen = {}
        for key in ["embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight",
                    "embeddings.token_type_embeddings.weight", "embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias"]:
            self.frozen[key] = torch.tensor(weights[key])
        self.params = torch.nn.ParameterDict()
        for torch_name, onnx_name in names.items():
            self.params[torch_name] = torch.nn.Parameter(torch.tensor(weights[onnx_name]))
        # EmbeddingCriticHead's layout: 384 weights over the unit-length embedding, then 8 over the lexicon signals.
        self.head_w = torch.nn.Parameter(torch.zeros(384 + 8))
        self.head_b = torch.nn.Parameter(torch.zeros(1))

    @staticmethod
    def layer_norm(x, w, b):
        mean = x.mean(-1, keepdim=True)
        var = ((x - mean) ** 2).mean(-1, keepdim=True)
        return (x - mean) / torch.sqrt(var + 1e-12) * w + b

    def hidden(self, ids, mask):
        f, p = self.frozen, self.params
        n, t = ids.shape
        x = f["embeddings.word_embeddings.weight"][ids] + f["embeddings.token_type_embeddings.weight"][0] \
            + f["embeddings.position_embeddings.weight"][:t]
        x = self.layer_norm(x, f["embeddings.LayerNorm.weight"], f["embeddings.LayerNorm.bias"])
        bias = (1.0 - mask[:, None, None, :].float()) * -10000.0
        for layer in range(6):
            g = lambda k: p[f"l{layer}_{k}"]
            q = (x @ g("q") + g("qb")).view(n, t, 12, 32).transpose(1, 2)
            k = (x @ g("k") + g("kb")).view(n, t, 12, 32).transpose(1, 2)
            v = (x @ g("v") + g("vb")).view(n, t, 12, 32).transpose(1, 2)
            attention = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(32) + bias, dim=-1)
            context = (attention @ v).transpose(1, 2).reshape(n, t, 384)
            x = self.layer_norm(context @ g("o") + g("ob") + x, g("ln1w"), g("ln1b"))
            h = x @ g("i") + g("ib")
            h = h * 0.5 * (1.0 + torch.erf(h / math.sqrt(2.0)))
            x = self.layer_norm(h @ g("out") + g("outb") + x, g("ln2w"), g("ln2b"))
        return x

    def forward(self, ids, mask, signals):
        """The logit: the head over the mean-pooled, unit-length embedding (as MiniLmEncoder.Embed) and the signals."""
        x = self.hidden(ids, mask)
        m = mask.unsqueeze(-1).float()
        pooled = (x * m).sum(1) / m.sum(1).clamp(min=1)
        pooled = pooled / pooled.norm(dim=-1, keepdim=True).clamp(min=1e-12)
        return torch.cat([pooled, signals], dim=-1) @ self.head_w + self.head_b


def onnx_names(model):
    """Torch parameter name -> ONNX initializer name, from the graph: each MatMul weight is named by its Add's bias."""
    g = model.graph
    inits = {i.name for i in g.initializer}
    consumers = {}
    for node in g.node:
        for i in node.input:
            consumers.setdefault(i, []).append(node)
    names = {}
    parts = {"attention.self.query": ("q", "qb"), "attention.self.key": ("k", "kb"), "attention.self.value": ("v", "vb"),
             "attention.output.dense": ("o", "ob"), "intermediate.dense": ("i", "ib"), "output.dense": ("out", "outb")}
    for node in g.node:
        if node.op_type != "MatMul" or node.input[1] not in inits:
            continue
        bias = [i for a in consumers.get(node.output[0], []) if a.op_type == "Add" for i in a.input if i in inits]
        if len(bias) != 1 or not bias[0].startswith("encoder.layer."):
            continue
        layer = int(bias[0].split(".")[2])
        part = bias[0][len(f"encoder.layer.{layer}."):-len(".bias")]
        weight, b = parts[part]
        names[f"l{layer}_{weight}"] = node.input[1]
        names[f"l{layer}_{b}"] = bias[0]
    for layer in range(6):
        names[f"l{layer}_ln1w"] = f"encoder.layer.{layer}.attention.output.LayerNorm.weight"
        names[f"l{layer}_ln1b"] = f"encoder.layer.{layer}.attention.output.LayerNorm.bias"
        names[f"l{layer}_ln2w"] = f"encoder.layer.{layer}.output.LayerNorm.weight"
        names[f"l{layer}_ln2b"] = f"encoder.layer.{layer}.output.LayerNorm.bias"
    assert len(names) == 6 * 16, len(names)
    return names


def batches(rows, size, rng):
    """Batches of like length (little padding), in a seeded order."""
    order = sorted(range(len(rows)), key=lambda i: (len(rows[i][1]), rng.random()))
    chunks = [order[i:i + size] for i in range(0, len(order), size)]
    rng.shuffle(chunks)
    return chunks


def tensors(rows, chunk):
    length = max(len(rows[i][1]) for i in chunk)
    ids = torch.zeros((len(chunk), length), dtype=torch.long)
    mask = torch.zeros((len(chunk), length), dtype=torch.long)
    for b, i in enumerate(chunk):
        row = rows[i][1]
        ids[b, :len(row)] = torch.tensor(row)
        mask[b, :len(row)] = 1
    labels = torch.tensor([float(rows[i][0]) for i in chunk])
    signals = torch.tensor([rows[i][2] for i in chunk], dtype=torch.float32)
    return ids, mask, signals, labels


def logits(model, rows):
    model.eval()
    out = np.zeros(len(rows), dtype=np.float64)
    with torch.no_grad():
        for chunk in batches(rows, 64, random.Random(0)):
            ids, mask, signals, _ = tensors(rows, chunk)
            out[chunk] = model(ids, mask, signals).double().numpy()
    return out


def best_threshold(probabilities, labels):
    best, low, high = -1.0, 0.5, 0.5
    for step in range(5, 96):
        t = step / 100
        predicted = probabilities >= t
        tp = int(np.sum(predicted & (labels == 1)))
        fp = int(np.sum(predicted & (labels == 0)))
        fn = int(np.sum(~predicted & (labels == 1)))
        f1 = 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)
        if f1 > best + 1e-9:
            best, low, high = f1, t, t
        elif abs(f1 - best) <= 1e-9 and abs(t - high - 0.01) < 1e-6:
            high = t
    return round((low + high) / 2, 3), best


def f1_at(probabilities, labels, threshold):
    predicted = probabilities >= threshold
    tp = int(np.sum(predicted & (labels == 1)))
    fp = int(np.sum(predicted & (labels == 0)))
    fn = int(np.sum(~predicted & (labels == 1)))
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def probabilities_of(model, rows):
    return 1 / (1 + np.exp(-logits(model, rows)))


def report(model, threshold, paths):
    """Each set's F1 at the threshold, and at the set's own best threshold (an oracle, to tell the representation from
    the calibration); the sets are measured only, never trained on."""
    for path in paths:
        rows = read_ids(path)
        gold = np.array([label for label, _, _ in rows])
        p = probabilities_of(model, rows)
        _, oracle = best_threshold(p, gold)
        print(f"evaluate {path} ({len(rows)} texts): F1 at the threshold {f1_at(p, gold, threshold):.4f} "
              f"(at its own best threshold {oracle:.4f})", flush=True)


def write_probe(model, args):
    """The probabilities a C# run of the written weights must reproduce for the probe texts."""
    if not args.probe:
        return
    with open(args.probe_out, "w", encoding="utf-8") as f:
        texts = open(args.probe_text, encoding="utf-8").read().splitlines()
        for text, value in zip(texts, probabilities_of(model, read_ids(args.probe))):
            f.write(f"{value:.6f}\t{text}\n")


def quantise(matrix):
    """int8, one scale per output column ([in, out] layout): column j = q[:, j] * scale[j]."""
    scale = np.maximum(np.abs(matrix).max(axis=0), 1e-12) / 127.0
    q = np.clip(np.round(matrix / scale), -127, 127).astype(np.int8)
    return q, scale.astype(np.float32)


def write(path, model, meta):
    """RMCRIT01, meta (utf-8, length-prefixed), count, then per tensor: name, kind (0 fp32, 1 int8 per column), rank,
    dims, [scales], data; little-endian (FineTunedEncoderWeights reads it). The head goes to en.head.json."""
    tensors_out = []
    for torch_name, onnx_name in model.names.items():
        value = model.params[torch_name].detach().numpy().astype(np.float32)
        tensors_out.append((onnx_name, value))
    with open(path, "wb") as f:
        f.write(MAGIC)
        blob = meta.encode("utf-8")
        f.write(struct.pack("<i", len(blob)))
        f.write(blob)
        f.write(struct.pack("<i", len(tensors_out)))
        for name, value in tensors_out:
            encoded = name.encode("utf-8")
            f.write(struct.pack("<i", len(encoded)))
            f.write(encoded)
            kind = 1 if value.ndim == 2 else 0
            f.write(struct.pack("<ii", kind, value.ndim))
            for d in value.shape:
                f.write(struct.pack("<i", d))
            if kind == 1:
                q, scale = quantise(value)
                f.write(scale.tobytes())
                f.write(q.tobytes())
            else:
                f.write(value.tobytes())


def load_written(model, folder):
    """The weights and head a run wrote (en.minilm.bin, dequantised as the product reads it; en.head.json)."""
    with open(f"{folder}/en.minilm.bin", "rb") as f:
        data = f.read()
    assert data[:8] == MAGIC
    position = 8

    def take(n):
        nonlocal position
        chunk = data[position:position + n]
        position += n
        return chunk

    def integer():
        return struct.unpack("<i", take(4))[0]

    take(integer())  # meta
    by_onnx = {v: k for k, v in model.names.items()}
    with torch.no_grad():
        for _ in range(integer()):
            name = take(integer()).decode("utf-8")
            kind, rank = integer(), integer()
            shape = [integer() for _ in range(rank)]
            count = int(np.prod(shape))
            if kind == 1:
                scale = np.frombuffer(take(shape[-1] * 4), dtype=np.float32)
                q = np.frombuffer(take(count), dtype=np.int8).reshape(shape)
                value = q.astype(np.float32) * scale
            else:
                value = np.frombuffer(take(count * 4), dtype=np.float32).reshape(shape)
            model.params[by_onnx[name]].copy_(torch.tensor(value))
        with open(f"{folder}/en.head.json", encoding="utf-8") as f:
            head = json.load(f)
        model.head_w.copy_(torch.tensor(head["weights"], dtype=torch.float32))
        model.head_b.copy_(torch.tensor([head["bias"]], dtype=torch.float32))
    return head


def dequantised_copy(model):
    """The same model with every matrix as the product will see it after int8 (to measure what int8 costs)."""
    import copy
    twin = copy.deepcopy(model)
    with torch.no_grad():
        for name, parameter in twin.params.items():
            if parameter.ndim == 2:
                q, scale = quantise(parameter.numpy())
                parameter.copy_(torch.tensor(q.astype(np.float32) * scale))
    return twin


def trained_on(seed):
    return [
        f"fine-tuned all-MiniLM-L6-v2 (en.minilm.bin) with this head, one pass, seed {seed}",
        "GoEmotions train (google-research, Apache-2.0), emotions read as critical or not, every critical row and 9,000 others",
        "UCI Sentiment Labelled Sentences: amazon_cells, imdb, yelp (CC BY 4.0), four fifths; the last fifth chose the threshold",
        "data/critics/en-brand-messages.tsv (written for this project, MIT), as the UCI sentences",
    ]


def measure_written(args, model):
    """--load: the written (already int8) model, calibrated on --calibration and measured; its head file keeps the weights."""
    head = load_written(model, args.load)
    calibration = read_ids(args.calibration)
    labels = np.array([label for label, _, _ in calibration])
    threshold, f1 = best_threshold(probabilities_of(model, calibration), labels)
    print(f"calibration ({len(calibration)} texts): threshold {threshold}, F1 {f1:.4f}", flush=True)
    report(model, threshold, ([args.development] if args.development else []) + args.evaluate)
    head["threshold"] = threshold
    head["calibrationF1"] = round(f1, 3)
    head["trainedOn"] = trained_on(args.seed)
    with open(f"{args.load}/en.head.json", "w", encoding="utf-8") as f:
        json.dump(head, f, separators=(",", ":"))
    write_probe(model, args)
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--onnx", required=True)
    parser.add_argument("--train", required=True)
    parser.add_argument("--calibration", required=True, help="held out of training: chooses the threshold")
    parser.add_argument("--out", required=True, help="folder of en.minilm.bin and en.head.json")
    parser.add_argument("--negatives", type=int, default=0, help="keep at most this many not-critical training rows (seeded draw); 0 keeps all")
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--epochs", type=float, default=1.0)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--development", help="a licence-clean set never trained on, reported only")
    parser.add_argument("--load", help="measure the model a run wrote to this folder (no training): calibrate again, evaluate, rewrite its head's threshold")
    parser.add_argument("--evaluate", nargs="*", default=[], help="evaluation-only sets (never trained on), reported only")
    parser.add_argument("--probe", help="ids of texts whose probabilities the C# model must reproduce")
    parser.add_argument("--probe-text", help="those texts, one a line")
    parser.add_argument("--probe-out", help="where to write probability \\t text")
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    graph = onnx.load(args.onnx)
    weights = {i.name: onnx.numpy_helper.to_array(i).copy() for i in graph.graph.initializer}
    model = MiniLm(weights, onnx_names(graph))

    if args.load:
        return measure_written(args, model)
    train = read_ids(args.train)
    if args.negatives:
        # Fine-tuning time grows with the rows: a seeded draw of the not-critical rows, every critical row kept.
        negatives = [r for r in train if r[0] == 0]
        random.Random(args.seed).shuffle(negatives)
        train = [r for r in train if r[0] == 1] + negatives[:args.negatives]
    calibration = read_ids(args.calibration)
    positives = sum(r[0] for r in train)
    pos_weight = torch.tensor((len(train) - positives) / max(1, positives))
    print(f"train {len(train)} ({positives} critical), calibration {len(calibration)}", flush=True)

    trainable = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW([{"params": list(model.params.values()), "lr": args.lr},
                                   {"params": [model.head_w, model.head_b], "lr": args.lr * 20}], weight_decay=0.01)
    plan = []
    whole = int(args.epochs)
    for _ in range(max(1, math.ceil(args.epochs))):
        plan.extend(batches(train, args.batch, rng))
    plan = plan[:int(len(plan) * args.epochs / max(1, math.ceil(args.epochs)))] if args.epochs != whole else plan
    steps = len(plan)
    warmup = max(1, steps // 16)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / (steps - warmup))))
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    start = time.time()
    model.train()
    for step, chunk in enumerate(plan):
        ids, mask, signals, labels = tensors(train, chunk)
        loss = loss_fn(model(ids, mask, signals), labels)
        optimiser.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(trainable, 1.0)
        optimiser.step()
        scheduler.step()
        if step % 50 == 0:
            print(f"step {step}/{steps} loss {loss.item():.4f} {time.time() - start:.0f} s", flush=True)

    labels = np.array([label for label, _, _ in calibration])
    fp32 = probabilities_of(model, calibration)
    threshold, f1 = best_threshold(fp32, labels)
    # Everything after calibration measures what would ship: the weights after int8.
    int8_model = dequantised_copy(model)
    int8 = probabilities_of(int8_model, calibration)
    print(f"calibration: threshold {threshold}, F1 fp32 {f1:.4f}, F1 int8 at the same threshold {f1_at(int8, labels, threshold):.4f}, "
          f"largest probability difference int8 vs fp32 {np.max(np.abs(int8 - fp32)):.4f}", flush=True)
    report(int8_model, threshold, ([args.development] if args.development else []) + args.evaluate)
    meta = f"seed {args.seed}; epochs {args.epochs}; batch {args.batch}; lr {args.lr}; train {len(train)}; calibration F1 {f1:.3f}"
    write(f"{args.out}/en.minilm.bin", model, meta)
    head = {
        "language": "en",
        "weights": [round(float(w), 6) for w in model.head_w.detach().numpy()],
        "bias": round(float(model.head_b.detach().numpy()[0]), 6),
        "threshold": threshold,
        "examples": len(train),
        "calibrationF1": round(f1, 3),
        "trainedOn": trained_on(args.seed),
    }
    with open(f"{args.out}/en.head.json", "w", encoding="utf-8") as f:
        json.dump(head, f, separators=(",", ":"))
    write_probe(int8_model, args)
    print(f"done in {time.time() - start:.0f} s", flush=True)


if __name__ == "__main__":
    sys.exit(main())
