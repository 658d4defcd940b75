"""Who is acting: dictionary actors, state forces by demonym, titled organisations, NER.

:meth:`ActorRecognizer.find` returns :class:`ActorMatch` spans of any text;
:meth:`ActorRecognizer.mentions` turns a document's matches into
:class:`~marsad.models.ActorMention` records, one per match inside an
article.  :meth:`ActorRecognizer.prepare`, :meth:`~ActorRecognizer.entities_batch`
and :meth:`~ActorRecognizer.finish` do the same in steps, so that one spaCy call
serves a batch of documents.  The layers, in order of trust (a later layer
never overrides an earlier one where they overlap):

1. dictionary aliases, demonym + force phrases and generic cues ("gunmen",
   "civilians", "المتظاهرين"), longest match first (:mod:`.matching`);
2. names found by title and claim cues (:mod:`.titles`);
3. spaCy ORG/NORP/PERSON entities, only inside ``sentences_to_check``
   (:mod:`.ner`).  People are speakers, not actors: they come back in
   :attr:`ActorAnalysis.speakers`, never as mentions.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from marsad.actors.countries import GENERIC_KINDS, generic_actor
from marsad.actors.dictionary import ActorDictionary, AliasInfo, fold_name
from marsad.actors.matching import Folded, longest, scan
from marsad.actors.ner import Entity, NerModel
from marsad.actors.titles import TitleHit, arabic_titles, english_titles
from marsad.models import ActorMention, Article, Document, Evidence

COMPONENT = "actors"
VERSION = "1"


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """An actor (or speaker) named at ``text[start:end]``.

    ``kind`` is how it was found: ``dictionary``, ``demonym`` (e.g. "Iraqi
    troops"), ``generic`` (e.g. "gunmen"; ``detail`` holds the generic kind),
    ``title`` (a name after "spokesman of" …; ``detail`` holds the cue),
    ``ner`` (``detail`` holds the spaCy label) or ``person``.
    ``canonical`` is None when the actor has no known name yet (a generic
    actor of unknown country).
    """

    start: int
    end: int
    text: str
    canonical: str | None
    category: str | None
    country: str | None
    kind: str
    detail: str = ""
    parent: str | None = None


@dataclass(frozen=True, slots=True)
class ActorAnalysis:
    """A document's actor mentions and the people (speakers, claimants) named in it.

    ``matches[i]`` is the :class:`ActorMatch` behind ``mentions[i]`` (its ``kind``
    tells a dictionary actor from a generic cue, a title cue or NER).
    """

    mentions: tuple[ActorMention, ...]
    matches: tuple[ActorMatch, ...]
    speakers: tuple[tuple[str, ActorMatch], ...]  # (article_id, match)


@dataclass(frozen=True, slots=True)
class PendingActors:
    """A document's actors before NER (:meth:`ActorRecognizer.prepare`): the dictionary and
    title matches (``found``) and the sentences spaCy has to read (``needy``, maybe none)."""

    doc: Document
    articles: tuple[Article, ...]
    hints: Mapping[str, str]
    found: tuple[ActorMatch, ...]
    needy: tuple[tuple[int, int], ...]
    explained: tuple[tuple[int, int], ...]


class ActorRecognizer:
    """Finds actors in text with an :class:`ActorDictionary` and, optionally, spaCy."""

    __slots__ = ("dictionary", "use_ner", "ner", "_place_names")

    def __init__(self, dictionary: ActorDictionary | None = None, *, use_ner: bool = True,
                 ner: NerModel | None = None) -> None:
        self.dictionary = dictionary if dictionary is not None else ActorDictionary.load()
        self.use_ner = use_ner
        self.ner = ner if ner is not None else NerModel()
        self._place_names = _place_names(self.dictionary)

    def find(self, text: str, *, sentences_to_check: Sequence[tuple[int, int]] = (),
             explained: Sequence[tuple[int, int]] = ()) -> list[ActorMatch]:
        """Actors and people named in ``text``, in text order, never overlapping.

        spaCy runs only when ``use_ner`` is set and only inside ``sentences_to_check``
        holding a capitalised word that neither a match nor ``explained`` (spans
        other stages already account for: place names, dates) covers.
        """
        found, needy = self._before_ner(text, sentences_to_check, explained)
        entities = self.ner.entities(text, needy) if needy else ()
        return self._with_entities(text, found, needy, explained, entities)

    def analyse(self, doc: Document, articles: Sequence[Article], sentences_to_check: Sequence[tuple[int, int]] = (),
                *, country_hints: Mapping[str, str] | None = None,
                explained: Sequence[tuple[int, int]] = ()) -> ActorAnalysis:
        """The actor mentions of ``doc`` inside ``articles`` and the people named there.

        ``country_hints`` (article id -> ISO2) names the country of generic actors
        ("gunmen" -> "Unidentified Armed Group (Iraq)"); without one a generic
        actor keeps its bare name ("Civilians"), and unnamed state forces get none.
        ``explained``: spans of names other stages found (toponyms), which need no NER.
        """
        return self.finish(self.prepare(doc, articles, sentences_to_check, country_hints=country_hints,
                                        explained=explained))

    def prepare(self, doc: Document, articles: Sequence[Article], sentences_to_check: Sequence[tuple[int, int]] = (),
                *, country_hints: Mapping[str, str] | None = None,
                explained: Sequence[tuple[int, int]] = ()) -> PendingActors:
        """:meth:`analyse` up to NER: the dictionary and title matches, and the sentences
        spaCy has to read (``needy``). Several documents' NER can then run at once
        (:meth:`entities_batch`) before each is finished (:meth:`finish`)."""
        explained = tuple(explained)
        found, needy = self._before_ner(doc.text or "", sentences_to_check, explained)
        return PendingActors(doc, tuple(articles), dict(country_hints or {}), tuple(found), tuple(needy), explained)

    def entities_batch(self, pending: Sequence[PendingActors]) -> list[list[Entity]]:
        """The NER entities of each prepared document, from one ``nlp.pipe`` over all their
        ``needy`` sentences (no spaCy at all when none has any)."""
        return self.ner.entities_batch([(p.doc.text or "", p.needy) for p in pending])

    def finish(self, pending: PendingActors, entities: Iterable[Entity] | None = None) -> ActorAnalysis:
        """The :class:`ActorAnalysis` of a prepared document. ``entities``: NER's entities in its
        ``needy`` sentences (from :meth:`entities_batch`); None runs NER on them here."""
        text = pending.doc.text or ""
        if entities is None:
            entities = self.ner.entities(text, pending.needy) if pending.needy else ()
        found = self._with_entities(text, list(pending.found), pending.needy, pending.explained, entities)
        mentions, matches, speakers = [], [], []
        for article, match in _place(found, pending.articles):
            if match.kind == "person":
                speakers.append((article.article_id, match))
            else:
                mentions.append(self._mention(pending.doc, article, match, pending.hints.get(article.article_id)))
                matches.append(match)
        return ActorAnalysis(tuple(mentions), tuple(matches), tuple(speakers))

    def mentions(self, doc: Document, articles: Sequence[Article],
                 sentences_to_check: Sequence[tuple[int, int]] = (), *,
                 country_hints: Mapping[str, str] | None = None,
                 explained: Sequence[tuple[int, int]] = ()) -> tuple[ActorMention, ...]:
        """The :class:`ActorMention` records of ``doc`` (see :meth:`analyse`)."""
        return self.analyse(doc, articles, sentences_to_check, country_hints=country_hints, explained=explained).mentions

    def _before_ner(self, text: str, sentences_to_check: Sequence[tuple[int, int]],
                    explained: Sequence[tuple[int, int]]) -> tuple[list[ActorMatch], list[tuple[int, int]]]:
        """Dictionary and title matches of ``text``, and the sentences NER should read."""
        if not text:
            return [], []
        doc = Folded.of(text)
        known = [self._from_alias(text, hit.start, hit.end, hit.info)
                 for hit in longest(scan(doc, self.dictionary.automaton))]
        titles = [m for m in (self._from_title(text, hit) for hit in _title_hits(doc)) if m is not None]
        found = _add_free(known, longest(titles))
        needy = _without_actor(text, sentences_to_check, found, explained) if self.use_ner else []
        return found, needy

    def _with_entities(self, text: str, found: list[ActorMatch], needy: Sequence[tuple[int, int]],
                       explained: Sequence[tuple[int, int]], entities: Iterable[Entity]) -> list[ActorMatch]:
        """``found`` plus the NER entities (read in the ``needy`` sentences) that neither a match
        nor a place name (``explained``) overlaps, longest first."""
        if not needy:
            return found
        places = sorted(tuple(span) for span in explained)
        matches = (self._from_entity(text, e) for e in entities if not _overlaps(places, e.start, e.end))
        return _add_free(found, longest([m for m in matches if m is not None]))

    def _mention(self, doc: Document, article: Article, match: ActorMatch, hint: str | None) -> ActorMention:
        actor, category, country = match.canonical, match.category, match.country
        if match.kind == "generic":
            generic = generic_actor(match.detail, self.dictionary.country(hint))
            # state forces of no known country keep ACLED's stem ("Military Forces"), not the cue's words
            actor, category, country = generic.name or GENERIC_KINDS[match.detail][0], generic.category, generic.country
        return ActorMention(
            mention_id=ActorMention.make_id(doc.doc_id, match.start, match.end),
            doc_id=doc.doc_id,
            article_id=article.article_id,
            text=match.text,
            char_start=match.start,
            char_end=match.end,
            evidence=Evidence(doc.doc_id, match.start, match.end, COMPONENT, VERSION),
            actor=actor,
            actor_type=category,
            country=country,
        )

    def _from_alias(self, text: str, start: int, end: int, info: AliasInfo, detail: str = "") -> ActorMatch:
        entry = self.dictionary.entry(info.canonical) if info.kind == "dictionary" and info.canonical else None
        return ActorMatch(start, end, text[start:end], info.canonical, info.category, info.country, info.kind,
                          info.detail or detail, entry.parent if entry else None)

    def _from_title(self, text: str, hit: TitleHit) -> ActorMatch | None:
        key = fold_name(hit.name)
        key = key[:-2] if key.endswith("'s") else key
        if key in self._place_names or key in self.dictionary.not_actors or len(key) < 3:
            return None
        info = self.dictionary.aliases.get(key)
        if info is not None:
            return self._from_alias(text, hit.start, hit.end, info, hit.cue)
        country = self._country_of(hit.possessive)
        return ActorMatch(hit.start, hit.end, text[hit.start:hit.end], hit.name, category_of_name(hit.name), country,
                          "title", hit.cue)

    def _from_entity(self, text: str, entity: Entity) -> ActorMatch | None:
        start, end = _strip_article(text, entity.start, entity.end)
        key = fold_name(text[start:end])
        if len(key) < 2 or key in self.dictionary.not_actors or key in self._place_names:
            return None
        if entity.label == "NORP" and _demonym_like(key, self._place_names):
            return None
        if entity.label == "PERSON":
            return ActorMatch(start, end, text[start:end], text[start:end], None, None, "person", entity.label)
        info = self.dictionary.aliases.get(key)
        if info is not None:
            return self._from_alias(text, start, end, info, entity.label)
        category = category_of_name(text[start:end]) if entity.label == "ORG" else None
        return ActorMatch(start, end, text[start:end], text[start:end], category, None, "ner", entity.label)

    def _country_of(self, name: str | None) -> str | None:
        if not name:
            return None
        key = fold_name(name)
        return next((c.iso2 for c in self.dictionary.countries
                     if key in {fold_name(n) for n in (*c.names, *c.demonyms)}), None)


# The head noun of an organisation's name tells its ACLED category often enough to say it;
# an organisation with none of these words (a company, a newspaper) keeps no category.
_CATEGORY_HEADS = (
    ("Rebel groups", re.compile(r"\b(?:liberation (?:army|front|movement)|rebels?|insurgen\w*|"
                                r"revolutionary (?:army|front|forces))\b", re.I)),
    ("State forces", re.compile(r"\b(?:army|armed forces|military|police|gendarmerie|national guard|"
                                r"border guards?|security forces|ministry of (?:defen[cs]e|interior)|"
                                r"(?:air|naval) force|navy|intelligence (?:service|agency|directorate))\b", re.I)),
    ("Identity militias", re.compile(r"\b(?:tribe|tribal|clan|clans|ethnic militia|self-defen[cs]e (?:group|militia))\b", re.I)),
    ("Political militias", re.compile(r"\b(?:brigades?|battalions?|militias?|front|legion|companions|"
                                      r"mobili[sz]ation|resistance|vanguard|regiment|squadrons?)\b", re.I)),
    ("Protesters", re.compile(r"\b(?:union|syndicate|students'? (?:union|movement)|coordination committee)\b", re.I)),
)


def category_of_name(name: str) -> str | None:
    """ACLED's actor category an unknown organisation's name suggests ("X Brigade" -> Political
    militias, "Y Police" -> State forces), or None."""
    return next((category for category, head in _CATEGORY_HEADS if head.search(name)), None)


def _place_names(dictionary: ActorDictionary) -> frozenset[str]:
    """Folded country names and demonyms (with plurals): never an organisation's name."""
    names: set[str] = set()
    for country in dictionary.countries:
        for name in (*country.names, *country.demonyms, *country.arabic_names, country.name):
            names.update({fold_name(name), fold_name(name) + "s"})
    return frozenset(names)


def _demonym_like(key: str, places: frozenset[str]) -> bool:
    """"pro-Iranian", "Iraqis", "anti-American": a country's people, not an actor."""
    for prefix in ("pro-", "anti-", "pro ", "anti "):
        key = key.removeprefix(prefix)
    return key in places


def _title_hits(doc: Folded) -> Iterable[TitleHit]:
    yield from english_titles(doc)
    yield from arabic_titles(doc)


def _strip_article(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the " and a trailing "'s" from an entity span."""
    if text[start:start + 4].lower() == "the " and end - start > 4:
        start += 4
    if text[end - 2:end] in ("'s", "\u2019s") and end - start > 2:
        end -= 2
    return start, end


def _add_free(base: list[ActorMatch], extra: list[ActorMatch]) -> list[ActorMatch]:
    """``base`` plus the items of ``extra`` that overlap none of it, in text order."""
    kept = list(base)
    for item in extra:
        if not any(m.start < item.end and item.start < m.end for m in base):
            kept.append(item)
    return sorted(kept, key=lambda m: m.start)


def _place(matches: list[ActorMatch], articles: Sequence[Article]) -> list[tuple[Article, ActorMatch]]:
    """Each match with the article whose span holds it; matches in boilerplate are dropped."""
    ordered = sorted(articles, key=lambda a: a.char_start)
    starts = [a.char_start for a in ordered]
    placed = []
    for match in matches:
        index = bisect.bisect_right(starts, match.start) - 1
        if index < 0:
            continue
        article = ordered[index]
        if match.end > article.char_end:
            continue
        if any(span.start < match.end and match.start < span.end for span in article.boilerplate):
            continue
        placed.append((article, match))
    return placed


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# capitalised for reasons other than being a name: calendar words and sentence openers
_NOT_NAMES = frozenset("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
the a an in on at of for and but or he she it they we i his her its their this that these those
there then when while after before during since as by from with without according meanwhile however
also earlier later today yesterday tonight last next mr mrs ms dr
""".split())
TITLE_CASE_SHARE = 0.6  # a sentence this capitalised is a headline: its capitals tell nothing


def _without_actor(text: str, sentences: Sequence[tuple[int, int]], found: Sequence[ActorMatch],
                   explained: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The sentences with a capitalised word nothing explains (past the sentence's first word):
    a name NER may know. Only these are read by spaCy. A generic actor ("gunmen") explains
    nothing; place names and calendar words explain themselves; a title-case headline is skipped."""
    covered = sorted([(m.start, m.end) for m in found if m.kind != "generic"] + [tuple(span) for span in explained])
    needy = []
    for start, end in sentences:
        words = list(_CAPITALISED.finditer(text, start, end))[1:]
        if any(w.group().lower() not in _NOT_NAMES and not _inside(covered, w.start()) for w in words) \
                and not _title_case(text, start, end):
            needy.append((start, end))
    return needy


def _title_case(text: str, start: int, end: int) -> bool:
    words = [w for w in _WORD.findall(text, start, end) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps any of the sorted ``spans`` (a place name is not an actor)."""
    i = bisect.bisect_left(spans, (end, end))
    return any(s < end and start < e for s, e in spans[max(0, i - 3):i])


def _inside(spans: Sequence[tuple[int, int]], position: int) -> bool:
    i = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= position < spans[i][1]
