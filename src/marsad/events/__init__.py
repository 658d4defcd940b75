"""The ``events`` stage: what happened, and who says so.

:class:`EventExtractor` reads each article sentence by sentence (English and
Arabic).  A sentence that *asserts* an event becomes an :class:`EventMention`
with an ACLED sub-event type (:mod:`.taxonomy`), place (from the places
stage's toponyms), date, actors (from the actors stage's mentions, or ACLED's
generic actors), fatalities and status.  Threats, vows, demands, plans,
hypotheticals, negations and opinions are never events: they become
:class:`Claim` records, as does every attributed statement.  History told as
background keeps its own date and is flagged ``background``.  At most one
mention per article is the ``lead``.

    extractor = EventExtractor()
    mentions, claims = extractor.extract(doc, articles, toponyms, actors)
    spans = extractor.event_sentences(doc, articles)   # for the actors stage's NER
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from marsad.events.claims import link_claims
from marsad.events.detect import Mood
from marsad.events.elaborate import fold_elaborations, take_later_tolls
from marsad.events.dating import EventDate, latest_year_in, parse_anchor
from marsad.events.geo import as_acled, trusted
from marsad.events.lookback import split_lookback
from marsad.events.lead import borrow_date, choose_lead, narrow_lead, origin_lead, relocate_lead, title_toll
from marsad.events.mentions import COMPONENT, VERSION, Context, MentionDetail, build_mentions, event_date, event_views
from marsad.events.roles import generic_actor
from marsad.events.taxonomy import interaction, sub_type, taxonomy
from marsad.events.views import View, article_views
from marsad.models import ActorMention, Article, Claim, Document, EventMention, Toponym

__all__ = [
    "COMPONENT",
    "VERSION",
    "EventExtractor",
    "Extraction",
    "MentionDetail",
    "generic_actor",
    "interaction",
    "sub_type",
    "taxonomy",
]


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the stage found in one document, with per-mention details."""

    mentions: tuple[EventMention, ...]
    claims: tuple[Claim, ...]
    details: tuple[MentionDetail, ...]


@dataclass(frozen=True, slots=True)
class EventExtractor:
    """Events and claims from articles, toponyms and actor mentions."""

    lead_only: bool = False  # keep just the lead mention of each article
    subtypes: Any = None  # a SubtypeModel: second opinion on each lead's sub-type (marsad.events.opinion)
    # the read sentences of the last document, so event_sentences() then extract() read it once
    _last: dict[tuple, list[list[View]]] = field(default_factory=dict, compare=False, repr=False)

    def extract(
        self,
        doc: Document,
        articles: Sequence[Article],
        toponyms: Sequence[Toponym],
        actors: Sequence[ActorMention],
        views: list[list[View]] | None = None,
    ) -> tuple[tuple[EventMention, ...], tuple[Claim, ...]]:
        """The event mentions and claims of ``doc`` (``views``: its sentences from :meth:`read`)."""
        found = self.extract_detailed(doc, articles, toponyms, actors, views)
        return found.mentions, found.claims

    def extract_detailed(
        self,
        doc: Document,
        articles: Sequence[Article],
        toponyms: Sequence[Toponym],
        actors: Sequence[ActorMention],
        views: list[list[View]] | None = None,
    ) -> Extraction:
        """Like :meth:`extract`, plus what the records have no column for (tags, date source)."""
        mentions: list[EventMention] = []
        claims: list[Claim] = []
        details: list[MentionDetail] = []
        for article, views in zip(articles, views if views is not None else self.read(doc, articles)):
            ctx = _context(doc, article, toponyms, actors)
            found = _article(ctx, views, self.lead_only, self.subtypes)
            mentions += found.mentions
            claims += found.claims
            details += found.details
        return Extraction(tuple(_unique(mentions)), tuple(_unique(claims)), tuple(details))

    def event_sentences(
        self, doc: Document, articles: Sequence[Article], views: list[list[View]] | None = None
    ) -> list[tuple[int, int]]:
        """Spans of the sentences that report or state an event (for the actors stage's NER)."""
        spans = [
            (view.start, view.end)
            for article_views in (views if views is not None else self.read(doc, articles))
            for view in article_views
            if view.reading.hit is not None
        ]
        return sorted(set(spans))

    def read(self, doc: Document, articles: Sequence[Article]) -> list[list[View]]:
        """Each article's sentences as this stage reads them. The last document's are kept, so
        event_sentences() then extract() read it once; a caller holding several documents at
        a time keeps each one's and passes them back (``views``)."""
        key = (doc.doc_id, doc.content_sha, len(doc.text), tuple(a.article_id for a in articles))
        if key not in self._last:
            self._last.clear()
            self._last[key] = [article_views(doc.text, article, doc.lang) for article in articles]
        return self._last[key]


def _named_by_actor(top: Toponym, actors: Sequence[ActorMention]) -> bool:
    """A place name inside a known actor's name from elsewhere ("Fano militiamen": Ethiopia's Fano,
    not Fano in Italy; "Islamic State West Africa Province"): the actor's, no place of the event.
    "Iraqi troops" keeps Iraq (the actor's own country)."""
    return any(a.actor and a.char_start <= top.char_start and top.char_end <= a.char_end and a.country != top.country
               for a in actors)


def _context(doc: Document, article: Article, toponyms: Sequence[Toponym], actors: Sequence[ActorMention]) -> Context:
    inside = lambda r: article.char_start <= r.char_start and r.char_end <= article.char_end  # noqa: E731
    anchor = parse_anchor(article.published or doc.published)
    text = doc.text[article.char_start:article.char_end]
    latest = None if anchor else latest_year_in(text, article.lang or "en")
    actors = sorted((a for a in actors if inside(a)), key=lambda a: a.char_start)
    places = (as_acled(t) for t in toponyms if inside(t) and not _named_by_actor(t, actors))
    return Context(
        doc_id=doc.doc_id,
        doc_text=doc.text,
        article=article,
        toponyms=trusted(sorted(places, key=lambda t: t.char_start)),
        actors=tuple(actors),
        anchor=anchor,
        latest_year=latest,
    )


def _article(ctx: Context, views: list[View], lead_only: bool, subtypes: Any = None) -> Extraction:
    by_view: dict[int, list[EventMention]] = {}
    details: list[MentionDetail] = []
    previous: tuple[int, EventDate] | None = None
    for view in event_views(ctx, views):
        split = split_lookback(view)
        main = view if split is None else split.main
        date = event_date(ctx, main, previous[1] if previous and previous[0] >= view.paragraph - 1 else None)
        if split is None:
            built = build_mentions(ctx, views, view, date)
        else:
            built = build_mentions(_outside(ctx, split.recalled), views, main, date) + _recalled(ctx, views, split.recalled)
        by_view[view.index] = [m for m, _ in built]
        details += [d for _, d in built]
        previous = (view.paragraph, date)
    by_view = {index: _no_casualties_after(views, index, by_view) for index in by_view}
    by_view = take_later_tolls(views, fold_elaborations(views, by_view, details))
    by_view, claims = link_claims(ctx, views, by_view)
    lead_id, title_mention = choose_lead(ctx, views, by_view)
    if title_mention is None:
        by_view = title_toll(ctx, views, by_view, lead_id)
    mentions = [m for index in sorted(by_view) for m in by_view[index]]
    if title_mention is not None:
        mentions.insert(0, title_mention[0])
        details.insert(0, title_mention[1])
    mentions = [m if m.lead is (m.mention_id == lead_id) else dataclasses.replace(m, lead=m.mention_id == lead_id) for m in mentions]
    sources = {d.mention_id: d.date_source for d in details}
    year_only = {d.mention_id for d in details if d.year_only}
    mentions = [borrow_date(m, mentions, sources, year_only) if m.lead else m for m in mentions]
    if subtypes is not None:
        from marsad.events.opinion import second_opinion

        mentions, supplied = second_opinion(ctx, views, mentions, subtypes)
        details += supplied
        kept = {m.mention_id for m in mentions}
        claims = [c if c.mention_id is None or c.mention_id in kept else dataclasses.replace(c, mention_id=None) for c in claims]
        lead_id = next((m.mention_id for m in mentions if m.lead), None)
    mentions = origin_lead(ctx, views, mentions, sources)
    mentions = [narrow_lead(ctx, relocate_lead(ctx, m)) if m.lead else m for m in mentions]
    if lead_only:
        mentions = [m for m in mentions if m.lead]
    claims = _title_claims_to_lead(claims, views, lead_id)
    return Extraction(tuple(mentions), tuple(claims), tuple(details))


def _outside(ctx: Context, clause: View) -> Context:
    """The article's context without the places and actors named in a look-back clause."""
    outside = lambda r: not (clause.start <= r.char_start and r.char_end <= clause.end)  # noqa: E731
    return dataclasses.replace(ctx, toponyms=tuple(t for t in ctx.toponyms if outside(t)),
                               actors=tuple(a for a in ctx.actors if outside(a)), said={})


def _recalled(ctx: Context, views: list[View], clause: View) -> list[tuple[EventMention, MentionDetail]]:
    """The mention(s) of the event a look-back clause recalls: history, with its own date or none."""
    own = dataclasses.replace(ctx, said={})  # the clause's own reading of who says so, not its sentence's
    date = event_date(own, clause, None)
    if date.source != "sentence":
        date = EventDate(None, None, "none", background=True)
    return build_mentions(own, views, clause, dataclasses.replace(date, background=True))


def _title_claims_to_lead(claims: list[Claim], views: list[View], lead_id: str | None) -> list[Claim]:
    """A headline's claim ("Islamic State claims attack on police post") concerns the lead event."""
    titles = {(v.start, v.end) for v in views if v.is_title}
    if lead_id is None or not titles:
        return claims
    return [
        dataclasses.replace(c, mention_id=lead_id) if c.mention_id is None and (c.char_start, c.char_end) in titles else c
        for c in claims
    ]


# an ACLED note's closing count: "20 fatalities.", "1 fatality.", "Fatalities: 6.", "عدد القتلى: 4"
_CODED_COUNT = re.compile(r"^\s*(?:(?P<n>\d{1,5}) (?:fatalities|fatality|deaths?|dead|killed)"
                          r"|(?:fatalities|deaths|killed|dead|عدد (?:ال)?(?:قتلي|ضحايا)|(?:ال)?قتلي|(?:ال)?وفيات)\s*:\s*(?P<m>\d{1,5}))\.?\s*$")


def _coded_count(views: list[View], index: int, by_view: dict[int, list[EventMention]]) -> int | None:
    """The count an ACLED note's closer gives the first event of its paragraph: "… attacked a post
    in Boni. The attackers seized weapons. Fatalities: 6." (a note tells one event)."""
    paragraph = views[index].paragraph
    if any(i < index and views[i].paragraph == paragraph for i in by_view):
        return None
    for later in views[index + 1:]:
        if later.paragraph != paragraph:
            return None
        if (coded := _CODED_COUNT.match(later.folded)) is not None:
            return int(coded.group("n") or coded.group("m"))
    return None


def _no_casualties_after(views: list[View], index: int, by_view: dict[int, list[EventMention]]) -> list[EventMention]:
    """"An IED struck a convoy. No casualties." -> fatalities 0; an ACLED note's closing
    "20 fatalities." gives the count of the event told before it (:func:`_coded_count`)."""
    found = by_view[index]
    if (count := _coded_count(views, index, by_view)) is not None:
        return [dataclasses.replace(m, fatalities=count, fatalities_min=count, fatalities_max=None) for m in found]
    following = views[index + 1] if index + 1 < len(views) else None
    if following is None or following.paragraph != views[index].paragraph or following.reading.mood is not Mood.NONE:
        return found
    if not following.reading.no_casualties:
        return found
    return [dataclasses.replace(m, fatalities=0, fatalities_min=0, fatalities_max=0) if m.fatalities is None else m for m in found]


def _unique(records: list) -> list:
    seen: set[str] = set()
    kept = []
    for record in records:
        key = record.claim_id if isinstance(record, Claim) else record.mention_id
        if key not in seen:
            seen.add(key)
            kept.append(record)
    return kept
