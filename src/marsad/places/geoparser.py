"""The pipeline-facing geoparser: text or a document in, resolved places out."""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple, Sequence

from marsad.models import Article, Document, Evidence, Toponym
from marsad.places.gazetteer import Gazetteer
from marsad.places.lookup import Lookup
from marsad.places.mention import Mention
from marsad.places.recognize import recognize
from marsad.places.resolve import Resolution, resolve
from marsad.places.sources import LEVEL_ADMIN1, LEVEL_ADMIN2, LEVEL_CITY, LEVEL_COUNTRY, LEVEL_POI

COMPONENT = "places"
VERSION = "0.1.0"
_FEATURE_CLASS = {LEVEL_COUNTRY: "A", LEVEL_ADMIN1: "A", LEVEL_ADMIN2: "A", LEVEL_CITY: "P", LEVEL_POI: "S"}
_HOST_RE = re.compile(r"^[a-z]+://([^/:?#]+)", re.I)
# Two names coordinated ("Mosul and Raqqa", "Mosul / Raqqa", "الموصل والرقة"): neither lies in the other.
_COORDINATED = re.compile(r"\s*,?\s*(?:and|or|&|/|-|–|—|و)?\s*$")
_GENERIC_TLDS = frozenset("co tv io me fm ai ly cc to ws am la nu".split())


class ParsedPlace(NamedTuple):
    """One mention as the geoparser reads it; ``kind`` is place, demonym or org."""

    start: int
    end: int
    text: str
    kind: str
    sentence: int
    cue: str | None
    geonameid: int | None = None
    name: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    geo_precision: int | None = None
    score: float = 0.0


def country_from_url(url: str | None) -> str | None:
    """The ISO2 code of a country-code top-level domain ("https://x.iq/..." -> "IQ")."""
    match = _HOST_RE.match(url or "")
    if not match:
        return None
    tld = match.group(1).rsplit(".", 1)[-1].lower()
    if len(tld) != 2 or tld in _GENERIC_TLDS:
        return None
    return "GB" if tld == "uk" else tld.upper()


class Geoparser:
    """Recognise and resolve places; build once per process (``Geoparser()`` loads the index)."""

    version = VERSION

    def __init__(self, gazetteer: Gazetteer | None = None, *, min_score: float = 0.3) -> None:
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.load()
        self.min_score = min_score  # toponyms() leaves out mentions scored lower (parse() keeps them)
        self._lookup = Lookup(self.gazetteer)

    def __reduce__(self):
        return (_restore, (self.gazetteer, self.min_score))

    def parse(self, text: str, *, country_hint: str | None = None) -> list[ParsedPlace]:
        """Every place, demonym and organisation-name mention of ``text``, resolved where possible."""
        gaz = self.gazetteer
        resolved = resolve(gaz, recognize(gaz, text, lookup=self._lookup), country_hint=country_hint)
        foreign = self._foreign_to_their_province(text, resolved) | self._foreign_to_their_nest(resolved)
        rows = self._rows([r.index for r in resolved if r.index >= 0])
        out = []
        for n, res in enumerate(resolved):
            m = res.mention
            if res.index < 0:
                out.append(self._near_anchor(m, resolved))
                continue
            row = next(rows)
            if n in foreign:
                out.append(self._near_anchor(m, resolved))
                continue
            out.append(ParsedPlace(m.start, m.end, m.text, m.kind, m.sentence, m.cue, *row, res.geo_precision,
                                   res.score))
        return out

    def _rows(self, places: list[int]) -> Iterator[tuple]:
        """(geonameid, name, latitude, longitude, country, admin1, feature class, feature code) of each place,
        read from the arrays in bulk."""
        gaz = self.gazetteer
        gids, lats, lons = gaz.gid[places].tolist(), gaz.lat[places].tolist(), gaz.lon[places].tolist()
        ccs, a1s, levels, fcodes = (gaz.cc[places].tolist(), gaz.a1[places].tolist(), gaz.level[places].tolist(),
                                    gaz.fcode[places].tolist())
        for n, i in enumerate(places):
            a1 = a1s[n]
            yield (gids[n] if gids[n] > 0 else None, gaz.names[i], lats[n], lons[n], gaz.countries[ccs[n]] or None,
                   gaz.admin1_names[a1] if a1 >= 0 else None, _FEATURE_CLASS.get(levels[n], "L"), gaz.fcodes[fcodes[n]])

    def _foreign_to_their_province(self, text: str, resolved: list[Resolution]) -> set[int]:
        """Towns resolved in another country than the province named right after them in their sentence
        ("the village of al-Hamra in Diyala province" -> not Al Hamra, Jordan; "Mosul and Raqqa" are two
        places)."""
        gaz = self.gazetteer
        provinces = [r for r in resolved if r.index >= 0 and r.mention.kind == "place" and r.score >= 0.5
                     and gaz.level[r.index] in (LEVEL_ADMIN1, LEVEL_ADMIN2)]
        if not provinces:
            return set()
        out = set()
        for n, res in enumerate(resolved):
            if res.index < 0 or res.mention.kind != "place" or gaz.level[res.index] < LEVEL_CITY:
                continue
            m, country = res.mention, gaz.cc[res.index]
            if any(r.mention.sentence == m.sentence and gaz.cc[r.index] != country
                   and 0 <= r.mention.start - m.end < 40 and not _COORDINATED.match(text, m.end, r.mention.start)
                   for r in provinces):
                out.add(n)
        return out

    def _foreign_to_their_nest(self, resolved: list[Resolution]) -> set[int]:
        """Heads of a parenthetical nest ("Boni (Mopti region)") resolved in another country than the
        innermost unit of their parentheses: a namesake abroad, so placed like an unknown name."""
        out = set()
        for n, res in enumerate(resolved):
            m = res.mention
            if res.index < 0 or m.nest != m.start:
                continue
            unit = self._innermost(m, resolved)
            if unit is not None and self.gazetteer.cc[unit.index] != self.gazetteer.cc[res.index]:
                out.add(n)
        return out

    @staticmethod
    def _innermost(m: Mention, resolved: list[Resolution]) -> Resolution | None:
        """The first resolved place inside the parentheses that qualify ``m`` (None when ``m`` heads none)."""
        units = [r for r in resolved if r.index >= 0 and r.mention.nest == m.start and r.mention.start > m.start
                 and r.mention.kind == "place"]
        return min(units, key=lambda r: r.mention.start) if units else None

    def _near_anchor(self, m, resolved) -> ParsedPlace:
        """A name the gazetteer lacks, placed at the nearest resolved place of its sentence.

        "the village of Albu Hayat near Tarmiyah" -> Tarmiyah's point, geo_precision 2 (3 when
        the anchor is a province or larger); no anchor -> unresolved.  The head of a parenthetical
        ("Dioura (Tenenkou, Mopti)") is a settlement placed at the innermost unit its parentheses name,
        geo_precision 2 (3 when that is only a country).
        """
        nested = self._innermost(m, resolved) if m.nest == m.start else None
        anchors = [r for r in resolved if r.index >= 0 and r.mention.sentence == m.sentence
                   and r.mention.kind == "place" and r.score >= 0.3 and r.mention is not m]
        if nested is None and not anchors:
            return ParsedPlace(m.start, m.end, m.text, m.kind, m.sentence, m.cue)
        best = nested or min(anchors, key=lambda r: (r.mention.start < m.start, abs(r.mention.start - m.start)))
        place = self.gazetteer.place(best.index)
        if nested is not None:
            precision, kind = (3 if place.level <= LEVEL_COUNTRY else 2), "P"
        else:
            precision, kind = (3 if place.level <= LEVEL_ADMIN1 else 2), None
        return ParsedPlace(m.start, m.end, m.text, m.kind, m.sentence, m.cue, None, m.text, place.latitude,
                           place.longitude, place.country, place.admin1, kind, None, precision,
                           round(best.score * m.confidence, 3))

    def toponyms(self, doc: Document, articles: Sequence[Article]) -> tuple[Toponym, ...]:
        """Place mentions (demonyms and organisation names left out) of each article of ``doc``."""
        hint = country_from_url(doc.url)
        spans = [(a.article_id, a.char_start, a.char_end, country_from_url(a.url) or hint) for a in articles]
        if not spans:
            spans = [("", 0, len(doc.text), hint)]
        out: list[Toponym] = []
        for article_id, start, end, country in spans:
            for p in self.parse(doc.text[start:end], country_hint=country):
                if p.kind != "place" or p.score < self.min_score:
                    continue
                s, e = start + p.start, start + p.end
                out.append(Toponym(
                    toponym_id=Toponym.make_id(doc.doc_id, s, e), doc_id=doc.doc_id, article_id=article_id,
                    text=doc.text[s:e], char_start=s, char_end=e,
                    evidence=Evidence(doc.doc_id, s, e, COMPONENT, VERSION), geonameid=p.geonameid, name=p.name,
                    latitude=p.latitude, longitude=p.longitude, country=p.country, admin1=p.admin1,
                    feature_class=p.feature_class, score=p.score, geo_precision=p.geo_precision))
        return tuple(out)


def _restore(gazetteer: Gazetteer, min_score: float) -> Geoparser:
    return Geoparser(gazetteer, min_score=min_score)
