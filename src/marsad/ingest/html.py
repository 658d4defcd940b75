"""Main text and metadata from HTML, through trafilatura.

trafilatura runs its sequence of small extraction steps (clean the tree, find
the main content, fall back when it is thin) and reads the metadata (title,
date, author, site name). Its paragraphs come separated by single line
breaks; marsad's text convention is one blank line between paragraphs, the
same as page dumps, so later stages treat both alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.errors import InputError

_LINE_BREAKS = re.compile(r"\s*\n\s*")


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    text: str
    title: str | None
    published: str | None
    author: str | None
    sitename: str | None
    url: str | None
    lang: str | None


def extract_html(html: bytes | str, url: str | None = None) -> ExtractedPage:
    """Extract the main text and metadata of one web page."""
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds; translate them here
        raise InputError("bad-html", f"{type(exc).__name__}: {exc}") from exc
    if result is None or not (result.text or "").strip():
        raise InputError("no-text", "no main text found in the HTML")
    return ExtractedPage(
        text=paragraphs_to_text(result.text),
        title=_clean(result.title),
        published=_clean(result.date),
        author=_clean(result.author),
        sitename=_clean(result.sitename),
        url=_clean(result.url) or url,
        lang=_clean(getattr(result, "language", None)),
    )


def paragraphs_to_text(text: str) -> str:
    """One blank line between paragraphs; no leading or trailing space."""
    return _LINE_BREAKS.sub("\n\n", text.strip())


def fragment_to_text(fragment: str) -> str:
    """Text of a small HTML fragment (a feed item), paragraph by paragraph."""
    import lxml.html

    if "<" not in fragment:
        return paragraphs_to_text(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception as exc:  # lxml's ParserError and friends
        raise InputError("bad-html", f"feed item HTML: {exc}") from exc
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n" + (block.tail or "")
    return paragraphs_to_text(root.text_content())


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
