"""The lead event of an article: the one its headline and first paragraph tell.

* When the headline reports an event and the first body paragraph has a
  mention of the same sub-type (else the same event type), that mention is
  the lead.
* When the headline reports an event that the body does not, the lead is
  built from the headline, with place and date taken from the first paragraph.
* Without an event in the headline, the first event of the first paragraph
  leads (of the second, when the first has none; of the article, when neither
  has one) -- unless the body opens with a statement that tells no event (a
  demand, a condemnation, a vow): such an article reports what was said.
Background mentions never lead.  At most one mention per article is lead.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from marsad.events.dating import EventDate
from marsad.events.elaborate import with_toll
from marsad.events.geo import TRUSTED_SCORE, article_place, country_support, dominant_country, place_of, specificity
from marsad.events.mentions import Context, MentionDetail, build_mentions
from marsad.events.views import View
from marsad.models import EventMention, Status
from marsad.normalize.dates import ENGLISH_MONTHS, ENGLISH_WEEKDAYS

LEAD_PARAGRAPHS = 2
MAIN_COUNTRY_RATIO = 2.0  # the article's main country outweighs the lead's own this many times …
MAIN_COUNTRY_SUPPORT = 2.0  # … with at least this much support (about two confident place names)


def _first_paragraphs(views: Sequence[View]) -> set[int]:
    paragraphs = sorted({v.paragraph for v in views if not v.is_title})
    return set(paragraphs[:LEAD_PARAGRAPHS])


def _candidates(mentions: dict[int, list[EventMention]], views: Sequence[View], paragraphs: set[int]) -> list[EventMention]:
    """The first mention of each event sentence in ``paragraphs``: neither history nor denied (a
    report its subject denies -- "Police denied reports that officers had fired on protesters" --
    is kept as a mention, never as the event an article reports)."""
    ordered = sorted(i for i in mentions if views[i].paragraph in paragraphs)
    return [m for i in ordered for m in mentions[i][:1] if not m.background and m.status is not Status.DENIED]


# a body that opens with what someone said, demanded or condemned ("طالبت وزارة الخارجية مجلس الأمن
# ...", "The coalition condemned ..."), the verb its main one ("An activist who called for ... has
# been charged" opens with no statement)
_STATEMENT_OPENING = re.compile(
    r"^\W*(?:(?!(?:who|which|that|after|before|when|while|since|because|as)\b)[\w'’.-]+\s+){0,14}?(?<!\bbeen )(?<!\bwas )(?<!\bwere )(?<!\bbe )(?:said|says|told|declared|stated|condemned|"
    r"denounced|called|urged|demanded|warned|vowed|pledged|insisted|rejected|dismissed)\b"
    r"|^\W*(?:\S+\s+){0,2}?[وف]?(?:قال|قالت|اعلن|اعلنت|اكد|اكدت|طالب|طالبت|ادان|ادانت|دعا|دعت|حذر|حذرت|ندد|نددت|"
    r"استنكر|استنكرت|توعد|توعدت|هدد|هددت|رفض|رفضت|يطالب|تطالب|يدين|تدين)(?!\w)"
)


def _opens_with_statement(views: Sequence[View], first_paragraph: set[int]) -> bool:
    """Whether the article's first body sentence is a statement that tells no event: the article
    is about what was said ("الخارجية: على مجلس الأمن وضع حد ..." / "طالبت وزارة الخارجية ..."), and
    an attack its later paragraphs name as the statement's occasion is not its lead."""
    opening = next((v for v in views if v.paragraph in first_paragraph), None)
    return opening is not None and not opening.is_event and bool(_STATEMENT_OPENING.match(opening.folded))


def _from_title(
    ctx: Context, views: Sequence[View], title: View, first: list[EventMention]
) -> tuple[EventMention, MentionDetail] | None:
    date = EventDate(first[0].date, first[0].time_precision, "paragraph") if first else None
    from marsad.events.mentions import event_date

    built = build_mentions(ctx, views, title, date or event_date(ctx, title, None))
    if not built:
        return None
    mention, detail = built[0]
    if mention.location is None and first:
        source = first[0]
        mention = dataclasses.replace(
            mention, country=source.country, admin1=source.admin1, location=source.location,
            latitude=source.latitude, longitude=source.longitude, geo_precision=source.geo_precision,
        )
    return mention, detail


def choose_lead(
    ctx: Context, views: Sequence[View], mentions: dict[int, list[EventMention]]
) -> tuple[str | None, tuple[EventMention, MentionDetail] | None]:
    """The id of the lead mention among ``mentions``, or a new mention built from the headline."""
    title = next((v for v in views if v.is_title and v.is_event), None)
    paragraphs = _first_paragraphs(views)
    first_paragraph = {min(paragraphs)} if paragraphs else set()
    first = _candidates(mentions, views, first_paragraph)
    if title is None and not first and _opens_with_statement(views, first_paragraph):
        return None, None
    first = first or _candidates(mentions, views, paragraphs)
    if title is None and not first:
        first = _candidates(mentions, views, {v.paragraph for v in views})[:1]
    if title is None:
        return (first[0].mention_id, None) if first else (None, None)
    wanted = title.reading.sub_event_type
    same_sub = [m for m in first if m.sub_event_type == wanted]
    if same_sub:
        return same_sub[0].mention_id, None
    built = _from_title(ctx, views, title, first)
    if built is None:
        return (first[0].mention_id, None) if first else (None, None)
    return built[0].mention_id, built


def title_toll(
    ctx: Context, views: Sequence[View], mentions: dict[int, list[EventMention]], lead_id: str | None
) -> dict[int, list[EventMention]]:
    """A lead taken from the first paragraph without a count of its own takes the headline's count,
    its evidence stretched over the headline ("Gunmen kill 7 in Zamfara" / "The attack happened on
    Tuesday, police said." -> 7): the headline tells the same event (:func:`choose_lead`)."""
    title = next((v for v in views if v.is_title and v.is_event), None)
    lead = next((m for found in mentions.values() for m in found if m.mention_id == lead_id), None)
    if title is None or lead is None or lead.fatalities is not None:
        return mentions
    built = build_mentions(ctx, views, title, EventDate(lead.date, lead.time_precision, "paragraph"))
    told = built[0][0] if built else None
    if told is None or not told.fatalities:
        return mentions
    updated = with_toll(lead, told.fatalities, title.start, title.end, told.fatalities_max)
    return {i: [updated if m.mention_id == lead_id else m for m in found] for i, found in mentions.items()}


def borrow_date(
    lead: EventMention, mentions: Sequence[EventMention], sources: dict[str, str], year_only: frozenset[str] | set[str] = frozenset()
) -> EventMention:
    """A lead without a date of its own takes the date the article gives the same event elsewhere.

    "Journalists arrested for their reporting" (no date) ... "They were arrested
    on December 28" -> the lead's date is December 28.  The first mention of the
    same sub-type (else the same event type) with a date read from its own
    sentence lends its date; the lead stays the lead.  A bare year (a mention in
    ``year_only``, "so far in 2019") that the lead's own date already lies in lends
    nothing, nor does a date vaguer than the exact day the lead already has.  A
    catch-all lead ("Other": a sentencing) shares its sub-type with too much (the
    coup "in early 2021" a later sentence recalls) to borrow by it.
    """
    if sources.get(lead.mention_id) == "sentence":
        return lead
    dated = [m for m in mentions if m.mention_id != lead.mention_id and sources.get(m.mention_id) == "sentence" and m.date]
    same = [m for m in dated if m.sub_event_type == lead.sub_event_type] or [m for m in dated if m.event_type == lead.event_type]
    if not same or lead.sub_event_type == "Other" or (same[0].mention_id in year_only and (lead.date or "")[:4] == same[0].date[:4]):  # type: ignore[index]
        return lead
    if lead.date and lead.time_precision == 1 and same[0].time_precision != 1:
        return lead  # a vaguer date ("since the ceasefire ended in November 2022") never replaces the lead's own day
    return dataclasses.replace(lead, date=same[0].date, time_precision=same[0].time_precision)


# what an attack on a person is: a follow-up (trial, campaign, new charges) may lead an article about it
VIOLATIONS = frozenset({
    "Arrests", "Abduction/forced disappearance", "Attack", "Sexual violence", "Excessive force against protesters",
    "Mob violence", "Remote explosive/landmine/IED", "Air/drone strike", "Shelling/artillery/missile attack",
    "Suicide bomb", "Grenade", "Armed clash", "Looting/property destruction",
})
_NAME = re.compile(r"(?<=[\w,;:'’\"“)]\s)([A-Z][a-z]{3,}(?:-[A-Z][a-z]+)?)")
_NOT_A_NAME = frozenset(
    "The This That These Those There Their They When While After Before Since During Human Rights Watch Amnesty "
    "International Police Court Government President Minister Army Military State Security Forces Ministry National "
    "Council United Nations News Reuters Associated Press According However Also Many Some Several Journalist "
    "Journalists Activist Activists Lawyer Lawyers Prison Party Supreme High Federal Republic People Islamic".split()
) | {names[0].title() for names in ENGLISH_MONTHS + ENGLISH_WEEKDAYS} - {"May"}  # May is a surname too


# a headline or lead about what followed an attack on a person: a court, a campaign, a release
_FOLLOW_UP = re.compile(
    r"\b(?:trial|tried|sentenc\w*|convict\w*|verdict|court|charg\w*|indict\w*|hearing|appeal\w*|acquit\w*|"
    r"extradit\w*|releas\w*|freed|free|bail|anniversary|campaign\w*|vigil|prosecut\w*|jailed|custody|"
    r"behind bars|still held|accused|suspect\w*|remain\w*|case|justice|probe|investigat\w*|inquiry|testif\w*|"
    r"compensation|protest\w*|demand\w*|urge\w*|calls? for|family|widow|mother|father)\b",
    re.IGNORECASE,
)


_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}(?:-[A-Z][a-z]+)?")


def person_names(text: str, places: set[str], *, initial: bool = False) -> set[str]:
    """Capitalised words inside a sentence (or anywhere, ``initial``) that are neither places nor
    institution or calendar words."""
    words = (_CAPITALISED if initial else _NAME).findall(text)
    return {w for w in words if w not in _NOT_A_NAME and w not in places}


def origin_lead(ctx: Context, views: Sequence[View], mentions: list[EventMention], sources: dict[str, str]) -> list[EventMention]:
    """The attack a follow-up story is about leads the article.

    "Nazanin Zaghari-Ratcliffe's family to protest outside Iranian embassy" ...
    "Mrs Zaghari-Ratcliffe was arrested at Tehran's airport in April 2016": the
    background mention of a violation (an arrest, abduction, attack ...) dated in
    its own sentence and naming a person the headline or the lead sentence
    names is the story's origin, when those tell a follow-up (a court, a
    campaign, a release).  The first told (the most precise date of its
    year) becomes the lead; it keeps its own date and its background flag.
    English only: the test is on capitalised names.
    """
    lead = next((m for m in mentions if m.lead), None)
    if lead is None:
        return mentions
    places = {word for t in ctx.toponyms for word in t.text.split()}
    heads = " . ".join([v.text for v in views if v.is_title] + [ctx.doc_text[lead.char_start:lead.char_end]])
    names = person_names(heads, places) if _FOLLOW_UP.search(heads) else set()
    origins = [
        m for m in mentions
        if m.background and m.date and m.sub_event_type in VIOLATIONS and sources.get(m.mention_id) == "sentence"
        and names & person_names(ctx.doc_text[m.char_start:m.char_end], places, initial=True)
    ]
    if not names or not origins:
        return mentions
    year = min(origins, key=lambda m: m.char_start).date[:4]  # type: ignore[index]
    origin = min((m for m in origins if m.date.startswith(year)), key=lambda m: (m.time_precision or 3, m.char_start))  # type: ignore[union-attr]
    return [dataclasses.replace(m, lead=m.mention_id == origin.mention_id) for m in mentions]


def relocate_lead(ctx: Context, lead: EventMention) -> EventMention:
    """The lead is the article's main event, so it lies in the article's main country.

    When the lead has no place, or its own sentence names another country
    ("WASHINGTON (Reuters) - The Justice Department said ...") and the article's
    place names outweigh that country :data:`MAIN_COUNTRY_RATIO` times, the
    lead takes the article's place in its main country (its dateline, else its first
    and most specific place there).
    """
    support, main = country_support(ctx.toponyms), dominant_country(ctx.toponyms)
    if main is None or lead.country == main or (lead.background and lead.country is not None):
        return lead
    outweighs = support[main] >= MAIN_COUNTRY_SUPPORT and support[main] >= MAIN_COUNTRY_RATIO * support.get(lead.country or "", 0.0)
    if lead.country is not None and not outweighs:
        return lead
    place = article_place([t for t in ctx.toponyms if t.country == main])
    if place is None:
        return lead
    return _placed(lead, place)


def narrow_lead(ctx: Context, lead: EventMention) -> EventMention:
    """A lead placed only at its country (or province) takes the article's own place there.

    "Trade unionists detained in Turkey" in an article datelined ANKARA, or one
    that names Ankara first of the places in Turkey it names: the lead lies in
    Ankara (geo_precision 2 at best, since the sentence itself does not say so).
    Likewise "arrested in Cross River State" and Calabar named in another
    sentence.  A name in the lead's own sentence never narrows it: "in
    al-Diwaniyah province" is the province, not its namesake town.  A lead told
    as background (an arrest months before the article) narrows the same way.
    """
    if lead.country is None or (lead.admin1 is not None and lead.geo_precision != 3):
        return lead
    inside = [t for t in ctx.toponyms if t.country == lead.country and specificity(t) > (0 if lead.admin1 is None else 1)
              and (lead.admin1 is None or (t.admin1 == lead.admin1 and not lead.char_start <= t.char_start < lead.char_end))
              and (t.score is None or t.score >= TRUSTED_SCORE)]
    if not inside:
        return lead
    place = place_of(inside[0])
    return _placed(lead, dataclasses.replace(place, geo_precision=max(2, place.geo_precision or 3)))


def _placed(lead: EventMention, place) -> EventMention:
    return dataclasses.replace(
        lead, country=place.country, admin1=place.admin1, location=place.location,
        latitude=place.latitude, longitude=place.longitude, geo_precision=place.geo_precision,
    )
