"""Reading stored articles and cutting their bodies into paragraphs and tokens."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Iterator, Sequence

from marsad.dedup.minhash import tokens

_LINE = re.compile(r"[^\n]+")
SQL_VARS = 900


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One non-blank line of a body: its index, offsets in the document, its tokens."""

    idx: int
    char_start: int
    char_end: int
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ArticleText:
    """What dedup needs of one stored article."""

    rid: int
    article_id: str
    doc_id: str
    lang: str | None
    body: str
    paragraphs: tuple[Paragraph, ...]

    def words(self) -> list[str]:
        """The body's folded words, paragraph after paragraph."""
        return [w for p in self.paragraphs for w in p.words]


def script_of(words: Sequence[str], sample: int = 400) -> int:
    """1 when most of the first ``sample`` words are in Arabic script, else 0."""
    head = words[:sample]
    arabic = sum(1 for w in head if "\u0600" <= w[0] <= "\u06ff")
    return int(2 * arabic > len(head))


def chunks(items: Sequence, size: int = SQL_VARS) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def split_paragraphs(body: str, offset: int = 0) -> tuple[Paragraph, ...]:
    """The non-blank lines of ``body`` as paragraphs; offsets shifted by ``offset``."""
    found = []
    for idx, match in enumerate(_LINE.finditer(body)):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        found.append(Paragraph(idx, offset + start, offset + start + len(stripped), tuple(tokens(stripped))))
    return tuple(found)


def load_articles(conn: sqlite3.Connection, rids: Sequence[int]) -> list[ArticleText]:
    """The articles ``rids`` (those that exist), in rid order, bodies cut from their documents."""
    query = (
        "SELECT a.rid, a.article_id, a.doc_id, a.lang, a.body_start,"
        " substr(d.text, a.body_start + 1, a.body_end - a.body_start)"
        " FROM articles a JOIN documents d ON d.doc_id = a.doc_id WHERE a.rid IN ({})"
    )
    rows = []
    for chunk in chunks(sorted(set(rids))):
        rows.extend(conn.execute(query.format(",".join("?" * len(chunk))), list(chunk)).fetchall())
    rows.sort(key=lambda row: row[0])
    return [
        ArticleText(rid, article_id, doc_id, lang, body or "", split_paragraphs(body or "", body_start))
        for rid, article_id, doc_id, lang, body_start, body in rows
    ]
