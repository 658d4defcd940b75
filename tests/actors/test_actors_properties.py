"""Property tests: recognition never raises and every span is exact; a speed report."""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.actors import ActorDictionary, ActorRecognizer

_PIECES = st.sampled_from([
    " ", "\n", "Kata’ib Hezbollah", "Hezbollah", "ISIS", "IS", "us", "US troops", "Iraqi", " forces", "’s",
    "الحشد الشعبي", "للحشد", "وال", "داعش", "ـ", "\u064e", "\u0651", "«", "»", "a group called ", "Saraya Foo",
    " spokesman", "spokesman of ", " said in a statement", "المتحدث باسم ", "تبنت جماعة ", "Badr", " Hassan",
    "ﻻ", "ﷲ", "İ", "ß", "\u200f", "\ufeff", "e\u0301", "U.S.", "I.S.", "-", "(", ")", "\xa0",
])
_TEXTS = st.one_of(st.text(max_size=300), st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=50).map("".join))


def _recognizer() -> ActorRecognizer:
    return ActorRecognizer(ActorDictionary.load(), use_ner=False)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_find_never_raises_and_spans_are_exact(text: str) -> None:
    matches = _recognizer().find(text)
    previous_end = 0
    for match in matches:
        assert previous_end <= match.start < match.end <= len(text)
        assert text[match.start:match.end] == match.text
        assert match.kind in {"dictionary", "demonym", "generic", "title"}
        previous_end = match.end


@settings(max_examples=200, deadline=None)
@given(_TEXTS, _TEXTS)
def test_context_does_not_move_spans(left: str, right: str) -> None:
    """A name found alone is found at the same place with text around it, or overlapped by a longer match."""
    recognizer = _recognizer()
    core = "Kata’ib Hezbollah"
    text = f"{left}\n{core}\n{right}"
    start = len(left) + 1
    matches = recognizer.find(text)
    assert any(m.start <= start and start + len(core) <= m.end for m in matches)


def test_speed_report() -> None:
    """Recognition alone (no NER), articles per second on one core: printed, not asserted."""
    demo = Path(__file__).resolve().parents[2] / "demo" / "corpus" / "pages"
    texts = []
    for path in sorted(demo.glob("*.txt")):
        try:
            texts.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue
    articles = [part for text in texts for part in text.split("\n\n\n") if part.strip()] or ["Kataib Hezbollah"]
    recognizer = _recognizer()
    started = time.process_time()
    for _ in range(3):
        for article in articles:
            recognizer.find(article)
    elapsed = max(time.process_time() - started, 1e-9)
    size = sum(map(len, articles)) / len(articles)
    print(f"actors: {3 * len(articles) / elapsed:.0f} articles/s (mean {size:.0f} chars, CPU time, no NER)")
