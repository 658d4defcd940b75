"""Reading stored articles for dedup, and where their paragraphs are."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator, Sequence

if TYPE_CHECKING:
    import numpy as np

    from marsad.dedup.words import Words

SQL_VARS = 900


@dataclass(frozen=True, slots=True)
class ArticleText:
    """What dedup needs of one stored article; ``body_start`` is the body's offset in its document."""

    rid: int
    article_id: str
    doc_id: str
    lang: str | None
    body: str
    body_start: int = 0
    title: str = ""
    published: str | None = None

    def day(self) -> int | None:
        """The publication day (days since 1970-01-01), or None when unknown."""
        return day_number(self.published)


def day_number(published: str | None) -> int | None:
    """Days since 1970-01-01 of an ISO date or date-time, or None."""
    from datetime import date

    try:
        return (date.fromisoformat((published or "")[:10]) - date(1970, 1, 1)).days
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class LineSpan:
    """Where line ``line`` (0-based, counted on newlines) of a body is: its paragraph index
    (among the body's non-empty lines) and the offsets of its stripped text in the document."""

    line: int
    idx: int
    char_start: int
    char_end: int


def chunks(items: Sequence, size: int = SQL_VARS) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def line_spans(body: str, offset: int = 0) -> list[LineSpan | None]:
    """One entry per newline-separated line of ``body``: its span, or None for an empty or blank line.

    A paragraph's index counts every non-empty line before it, blank ones
    (spaces only) included.
    """
    spans: list[LineSpan | None] = []
    idx = pos = 0
    for number, line in enumerate(body.split("\n")):
        stripped = line.strip()
        if stripped:
            start = pos + len(line) - len(line.lstrip())
            spans.append(LineSpan(number, idx, offset + start, offset + start + len(stripped)))
        else:
            spans.append(None)
        idx += bool(line)
        pos += len(line) + 1
    return spans


def scripts_of(words: "Words", sample: int = 400) -> "np.ndarray":
    """Per text: 1 when most of its first ``sample`` words start with an Arabic letter, else 0."""
    import numpy as np

    n = len(words.line_base) - 1
    if not len(words.text_of):
        return np.zeros(n, dtype=np.int64)
    first = np.searchsorted(words.text_of, np.arange(n))
    head = (np.arange(len(words.text_of)) - first[words.text_of]) < sample
    total = np.bincount(words.text_of[head], minlength=n)
    arabic = np.bincount(words.text_of[head & words.arabic], minlength=n)
    return (2 * arabic > total).astype(np.int64)


def load_articles(conn: sqlite3.Connection, rids: Sequence[int]) -> list[ArticleText]:
    """The articles ``rids`` (those that exist), in rid order, bodies cut from their documents."""
    query = (
        "SELECT a.rid, a.article_id, a.doc_id, a.lang, substr(d.text, a.body_start + 1, a.body_end - a.body_start),"
        " a.body_start, a.title, a.published FROM articles a JOIN documents d ON d.doc_id = a.doc_id WHERE a.rid IN ({})"
    )
    rows = []
    for chunk in chunks(sorted(set(rids))):
        rows.extend(conn.execute(query.format(",".join("?" * len(chunk))), list(chunk)).fetchall())
    rows.sort(key=lambda row: row[0])
    return [ArticleText(rid, aid, doc, lang, body or "", start, title or "", published)
            for rid, aid, doc, lang, body, start, title, published in rows]
