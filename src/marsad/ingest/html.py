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
    """Extract the main text and metadata of one web page.

    A page of several posts (a blog, a live page: two or more ``<article>``
    elements with their own headings) keeps every post, each as title, date
    line and paragraphs, so segmentation finds them all; any other page goes
    through trafilatura's main-content extraction.
    """
    posts = posts_text(html)
    if posts:
        return _with_metadata(posts, html, url)
    return _main_content(html, url)


def _main_content(html: bytes | str, url: str | None) -> ExtractedPage:
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


def _with_metadata(text: str, html: bytes | str, url: str | None) -> ExtractedPage:
    from trafilatura.metadata import extract_metadata

    try:
        meta = extract_metadata(html, default_url=url)
    except Exception as exc:  # trafilatura/lxml raise many kinds; translate them here
        raise InputError("bad-html", f"{type(exc).__name__}: {exc}") from exc
    return ExtractedPage(
        text=text, title=_clean(meta.title), published=_clean(meta.date), author=_clean(meta.author),
        sitename=_clean(meta.sitename), url=_clean(meta.url) or url, lang=None,
    )


_POST_BLOCKS = ("p", "li", "blockquote", "h3", "h4", "h5")


def posts_text(html: bytes | str) -> str | None:
    """Text of a page holding two or more posts, or None for a one-article page."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:  # not parseable here; trafilatura will name the fault
        return None
    posts = [p for p in root.iter("article") if not any(a.tag == "article" for a in p.iterancestors())]
    blocks = [_post_blocks(post) for post in posts]
    blocks = [b for b in blocks if b]
    return "\n\n".join("\n\n".join(b) for b in blocks) if len(blocks) >= 2 else None


def _post_blocks(post) -> list[str]:
    heading = next(post.iter("h1", "h2", "h3"), None)
    paragraphs = [_squash(el.text_content()) for el in post.iter(*_POST_BLOCKS) if el is not heading]
    paragraphs = [p for p in paragraphs if p]
    if heading is None or not paragraphs:
        return []
    lines = [_squash(heading.text_content())]
    stamp = next(post.iter("time"), None)
    if stamp is not None:
        lines.append(_post_date(stamp))
    return [line for line in lines if line] + paragraphs


def _post_date(stamp) -> str:
    from datetime import datetime

    value = stamp.get("datetime") or ""
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).strftime("%B %-d, %Y")
    except ValueError:
        return _squash(stamp.text_content())


def _squash(text: str) -> str:
    return " ".join(text.split())


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
