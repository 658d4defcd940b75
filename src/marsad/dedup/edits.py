"""The edits a syndicated copy goes through, for tests and evaluation.

Each edit takes an article as ``(title, paragraphs)`` and a seeded
:class:`random.Random`, and returns the edited article.  The kinds are the
ones reposts show: a new headline, an added footer, a cut paragraph, two
paragraphs swapped, and light rewording (5-10% of the words replaced, by a
synonym where the small list below has one).
"""

from __future__ import annotations

import html
import random
import re
from typing import Callable

Article = tuple[str, list[str]]

EDIT_KINDS = ("headline", "footer", "cut", "swap", "reword")

_SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "killed": "slain",
    "attack": "assault", "attacked": "assaulted", "police": "officers", "people": "persons",
    "government": "authorities", "arrested": "detained", "group": "organisation",
    "country": "nation", "city": "town", "also": "additionally", "after": "following",
    "before": "prior to", "about": "around", "many": "numerous", "several": "a number of",
    "week": "seven days", "members": "activists", "according": "based", "reported": "stated",
    "security": "safety", "forces": "troops", "human": "humanitarian", "rights": "liberties",
    "large": "big", "small": "little", "help": "assist", "show": "demonstrate",
    "began": "started", "start": "begin", "end": "finish", "near": "close to",
    "official": "officer", "officials": "authorities", "statement": "communique",
    "however": "but", "because": "since", "more": "further", "other": "additional",
}
_FILLERS = ("reportedly", "notably", "meanwhile", "indeed", "apparently", "locally")
_HEADLINE_WORDS = ("Update", "Breaking", "Report", "Watch", "Explainer", "Exclusive", "Latest")
_FOOTERS = (
    "This article was originally published by {outlet} and is republished here under a content-sharing "
    "agreement. Follow us on social media for the latest updates and subscribe to our daily newsletter.",
    "Copyright {outlet}. All rights reserved. This material may not be published, broadcast, rewritten "
    "or redistributed without permission. Additional reporting by our correspondents.",
)
_OUTLETS = ("Daily Wire Service", "Regional News Agency", "The Morning Herald", "Capital Times")


def article_from_interface(title: str, markup: str) -> Article:
    """``(title, paragraphs)`` from HRDsAttack's ``<p>`` markup, tags stripped."""
    paragraphs = []
    for chunk in re.findall(r"<p[^>]*>(.*?)</p>", markup, flags=re.S | re.I):
        text = html.unescape(re.sub(r"<[^>]+>", " ", chunk))
        text = re.sub(r"\s+", " ", text).strip()
        if text:
            paragraphs.append(text)
    return title.strip(), paragraphs


def new_headline(article: Article, rng: random.Random) -> Article:
    title, paragraphs = article
    return f"{rng.choice(_HEADLINE_WORDS)}: {title.lower()}", list(paragraphs)


def add_footer(article: Article, rng: random.Random) -> Article:
    title, paragraphs = article
    return title, [*paragraphs, rng.choice(_FOOTERS).format(outlet=rng.choice(_OUTLETS))]


def cut_paragraph(article: Article, rng: random.Random) -> Article:
    title, paragraphs = article
    if len(paragraphs) < 3:
        return title, list(paragraphs)
    drop = rng.randrange(1, len(paragraphs))
    return title, [p for i, p in enumerate(paragraphs) if i != drop]


def swap_paragraphs(article: Article, rng: random.Random) -> Article:
    title, paragraphs = article
    moved = list(paragraphs)
    if len(moved) >= 2:
        i, j = rng.sample(range(len(moved)), 2)
        moved[i], moved[j] = moved[j], moved[i]
    return title, moved


def reword(article: Article, rng: random.Random, low: float = 0.05, high: float = 0.10) -> Article:
    """Replace ``low``..``high`` of the words, by a synonym where there is one."""
    title, paragraphs = article
    rate = rng.uniform(low, high)
    return title, [_reword_text(p, rate, rng) for p in paragraphs]


def _reword_text(text: str, rate: float, rng: random.Random) -> str:
    words = text.split(" ")
    for i, word in enumerate(words):
        if rng.random() >= rate:
            continue
        core = word.strip(".,;:!?\"'()“”’")
        swap = _SYNONYMS.get(core.lower()) or rng.choice(_FILLERS)
        words[i] = word.replace(core, swap, 1) if core else swap
    return " ".join(words)


EDITS: dict[str, Callable[[Article, random.Random], Article]] = {
    "headline": new_headline,
    "footer": add_footer,
    "cut": cut_paragraph,
    "swap": swap_paragraphs,
    "reword": reword,
}


def edited(article: Article, kind: str, seed: int) -> Article:
    """``article`` after the edit ``kind``, the same for the same seed."""
    return EDITS[kind](article, random.Random(f"{kind}:{seed}"))


def body_text(article: Article) -> str:
    """The body as a document holds it: paragraphs separated by blank lines."""
    return "\n\n".join(article[1])


def read_hrdsattack(path) -> list[Article]:
    """The articles of an HRDsAttack split (title and ``<p>`` paragraphs), those with a body."""
    import json
    from pathlib import Path

    found = []
    for record in json.loads(Path(path).read_text(encoding="utf-8")):
        sample = record.get("sample", record)
        article = article_from_interface(sample.get("Input.title") or "", sample.get("Input.article_interface") or "")
        if article[1]:
            found.append(article)
    return found
