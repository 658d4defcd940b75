"""The sentences of an article, folded and read once.

The title (when the segmenter found its span) is sentence paragraph -1; the
body is split with boilerplate blanked out, so its offsets stay those of the
document text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.events.detect import Mood, Reading, read_sentence
from marsad.events.lexicon import Lexicon, lexicon
from marsad.events.sentences import Sentence, split_sentences
from marsad.models import Article
from marsad.normalize.arabic import normalize_with_offsets
from marsad.segment import body_text

TITLE_PARAGRAPH = -1
_ARABIC = re.compile(r"[\u0621-\u064a]")


@dataclass(frozen=True, slots=True)
class View:
    """One sentence with its folded text, language, lexicon and reading."""

    index: int
    sentence: Sentence
    folded: str
    offsets: tuple[int, ...]
    lang: str
    lex: Lexicon
    reading: Reading

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def paragraph(self) -> int:
        return self.sentence.paragraph

    @property
    def is_title(self) -> bool:
        return self.sentence.paragraph == TITLE_PARAGRAPH

    def doc_offset(self, folded_at: int) -> int:
        """The document offset of a position in the folded sentence."""
        if not self.offsets:
            return self.start
        return self.start + self.offsets[min(max(folded_at, 0), len(self.offsets) - 1)]

    @property
    def trigger_start(self) -> int:
        hit = self.reading.hit
        return self.doc_offset(hit.start) if hit else self.start

    @property
    def trigger_end(self) -> int:
        hit = self.reading.hit
        return self.doc_offset(hit.end - 1) + 1 if hit else self.end

    @property
    def is_event(self) -> bool:
        return self.reading.mood is Mood.EVENT


def language_of(text: str, default: str | None) -> str:
    """"ar" for a sentence written mostly in Arabic script, else "en"."""
    if text.isascii() or _ARABIC.search(text) is None:
        return "en"
    arabic = len(_ARABIC.findall(text))
    if arabic * 2 >= len(text) or arabic * 2 >= sum(ch.isalpha() for ch in text):  # the letters are at most the text
        return "ar"
    return "en" if default != "ar" or not arabic else "ar"


def _title_sentence(doc_text: str, article: Article) -> Sentence | None:
    span = article.title_span
    if span is None or span.end <= span.start:
        return None
    return Sentence(span.start, span.end, doc_text[span.start:span.end], TITLE_PARAGRAPH)


def article_sentences(doc_text: str, article: Article) -> list[Sentence]:
    """The title (if any) and the body sentences of ``article``."""
    body = body_text(doc_text, article)
    found = [
        Sentence(s.start + article.body_start, s.end + article.body_start, s.text, s.paragraph)
        for s in split_sentences(body)
    ]
    title = _title_sentence(doc_text, article)
    if title is not None and not any(s.start < title.end and title.start < s.end for s in found):
        found.insert(0, title)
    return found


def view_of(index: int, sentence: Sentence, default_lang: str | None) -> View:
    lang = language_of(sentence.text, default_lang)
    folded, offsets = normalize_with_offsets(sentence.text)
    lex = lexicon(lang)
    return View(index, sentence, folded, tuple(offsets), lang, lex, read_sentence(folded, lex))


def article_views(doc_text: str, article: Article, default_lang: str | None) -> list[View]:
    """Every sentence of ``article``, read."""
    return [view_of(i, s, article.lang or default_lang) for i, s in enumerate(article_sentences(doc_text, article))]
