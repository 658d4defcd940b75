"""Choose the gazetteer entry each mention names, with a score in [0, 1].

Each candidate gets a prior (population, feature level, whether the text
matched its main name, curated entries) and the cue's type hint ("province" ->
admin-1, "village of" -> town).  Then, for a few rounds, the article's own
context is added: the share of the other mentions resolved in the candidate's
country, another mention naming the candidate's admin-1 (or the "Town, State"
pair), the distance to places already resolved, and an optional country hint
(outlet country, caller's hint).  The score is the softmax probability of the
chosen candidate times the recogniser's confidence that the mention is a place.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from marsad.places.gazetteer import Gazetteer
from marsad.places.recognize import Mention
from marsad.places.sources import (CURATED, LEVEL_ADMIN1, LEVEL_ADMIN2, LEVEL_CITY, LEVEL_COUNTRY, LEVEL_POI,
                                   LEVEL_REGION, PRIMARY)

ROUNDS = 2
MAX_SWING = 10.0  # more context bonus than one candidate can gain over another (pairs aside)


def _frozen(values: list[float]) -> np.ndarray:
    arr = np.array(values)
    arr.setflags(write=False)
    return arr


_LEVEL_BONUS = _frozen([1.5, 3.5, 1.5, -0.3, 0.0, -0.3])  # region, country, admin1, admin2, city, poi
_CUE_BONUS = MappingProxyType({
    "admin": _frozen([0.0, 0.0, 4.0, 1.0, -2.0, -2.0]),
    "admin2": _frozen([0.0, -1.0, 0.0, 4.0, -1.0, -2.0]),
    "settlement": _frozen([-2.0, -2.0, -1.5, -1.0, 1.5, 0.5]),
    "near": _frozen([-1.0, -1.0, -0.5, 0.0, 0.8, 0.8]),
})


@dataclass(frozen=True, slots=True)
class Resolution:
    """The chosen place (gazetteer index, -1 for none) of a mention, and how sure."""

    mention: Mention
    index: int
    score: float
    geo_precision: int | None


@dataclass(slots=True)
class _Group:
    """All mentions of one key with the same cue type (resolved together)."""

    key: int
    cue: str | None
    mentions: list[Mention]
    cands: np.ndarray
    prior: np.ndarray
    weight: float
    pair_with: list[int]  # group ids written just before as "Town, <this>" or "<this>, State"
    rad: tuple[np.ndarray, np.ndarray]  # candidates' latitude and longitude in radians
    choice: int = -1
    prob: float = 0.0


def _prior(gaz: Gazetteer, cands: np.ndarray, flags: np.ndarray, cue: str | None) -> np.ndarray:
    level = gaz.level[cands].astype(np.int64)
    prior = np.log10(gaz.pop[cands].astype(np.float64) + 10.0) + _LEVEL_BONUS[level]
    prior += np.where(flags & PRIMARY, 1.0, 0.0) + np.where((flags & CURATED) & (level >= LEVEL_ADMIN2), 1.5, 0.0)
    prior += np.where(gaz.fcode[cands] == gaz.capital_code, 3.0, 0.0)
    if cue in _CUE_BONUS:
        prior += _CUE_BONUS[cue][level]
    return prior


def _groups(gaz: Gazetteer, mentions: list[Mention]) -> tuple[list[_Group], list[int]]:
    groups: list[_Group] = []
    index: dict[tuple[int, str | None], int] = {}
    of_mention: list[int] = []
    for n, mention in enumerate(mentions):
        cue = mention.cue if mention.cue in _CUE_BONUS else None
        gid = index.get((mention.key, cue))
        if gid is None:
            cands, flags = gaz.candidates(mention.key)
            gid = index[(mention.key, cue)] = len(groups)
            rad = (np.radians(gaz.lat[cands]), np.radians(gaz.lon[cands]))
            groups.append(_Group(mention.key, cue, [], cands, _prior(gaz, cands, flags, cue), 0.0, [], rad))
        group = groups[gid]
        group.mentions.append(mention)
        group.weight = max(group.weight, mention.confidence)
        of_mention.append(gid)
        if mention.cue == "pair" and n > 0:
            other = of_mention[n - 1]
            if other != gid:
                group.pair_with.append(other)
                groups[other].pair_with.append(gid)
    return groups, of_mention


@dataclass(frozen=True, slots=True)
class _Round:
    """What the other mentions say, summed over all groups (each group takes its own part out)."""

    country_weight: np.ndarray  # per country index
    admin_count: np.ndarray  # per admin-1 index
    total: float
    lat: np.ndarray  # points of resolved towns/admin-2 units
    lon: np.ndarray
    owner: np.ndarray  # group of each point


def _round(gaz: Gazetteer, groups: list[_Group]) -> _Round:
    country = np.zeros(len(gaz.countries))
    admin = np.zeros(len(gaz.admin1_codes))
    lat, lon, owner = [], [], []
    total = 0.0
    for n, g in enumerate(groups):
        if g.choice < 0:
            continue
        place = g.choice
        country[gaz.cc[place]] += g.weight
        total += g.weight
        if gaz.level[place] >= LEVEL_ADMIN1 and gaz.a1[place] >= 0:
            admin[gaz.a1[place]] += 1
        if gaz.level[place] >= LEVEL_ADMIN2 and len(lat) < 30:
            lat.append(gaz.lat[place])
            lon.append(gaz.lon[place])
            owner.append(n)
    return _Round(country, admin, total, np.radians(np.array(lat, dtype=np.float64)),
                  np.radians(np.array(lon, dtype=np.float64)), np.array(owner, dtype=np.int64))


def _context(gaz: Gazetteer, groups: list[_Group], me: int, hint: int, ctx: _Round | None) -> np.ndarray:
    group = groups[me]
    cands = group.cands
    cc, a1 = gaz.cc[cands], gaz.a1[cands]
    bonus = np.where(cc == hint, 1.5, 0.0) if hint >= 0 else np.zeros(len(cands))
    if ctx is None or ctx.total == 0:
        return bonus
    own = group.choice
    country = ctx.country_weight
    total = ctx.total
    if own >= 0:
        country = country.copy()
        country[gaz.cc[own]] -= group.weight
        total -= group.weight
    if total > 0:
        bonus += 3.0 * country[cc] / total
    admin = ctx.admin_count
    if own >= 0 and gaz.level[own] >= LEVEL_ADMIN1 and gaz.a1[own] >= 0:
        admin = admin.copy()
        admin[gaz.a1[own]] -= 1
    bonus += np.where((a1 >= 0) & (admin[a1] > 0), 3.0, 0.0)
    for other in group.pair_with:
        place = groups[other].choice
        if place < 0:
            continue
        if gaz.level[place] == LEVEL_ADMIN1:
            bonus += np.where(a1 == gaz.a1[place], 6.0, 0.0)
        elif gaz.level[place] == LEVEL_COUNTRY:
            bonus += np.where(cc == gaz.cc[place], 4.0, 0.0)
    keep = ctx.owner != me
    if keep.any():
        plat, plon = ctx.lat[keep], ctx.lon[keep]
        lat, lon = group.rad[0][:, None], group.rad[1][:, None]
        a = np.sin((plat[None, :] - lat) / 2) ** 2 + np.cos(lat) * np.cos(plat[None, :]) * np.sin((plon[None, :] - lon) / 2) ** 2
        nearest = 6371.0 * 2 * np.arcsin(np.sqrt(np.clip(a.min(axis=1), 0.0, 1.0)))
        bonus += 1.5 * np.exp(-nearest / 250.0)
    return bonus


def _margin(prior: np.ndarray) -> float:
    """How far the best prior leads the runner-up."""
    top2 = np.partition(prior, len(prior) - 2)[-2:]
    return float(top2[1] - top2[0])


def _choose(group: _Group, total: np.ndarray) -> None:
    best = int(np.argmax(total))
    shifted = np.exp(total - total[best])
    group.choice = int(group.cands[best])
    group.prob = float(1.0 / shifted.sum())


def _precision(gaz: Gazetteer, place: int, cue: str | None) -> int:
    level = int(gaz.level[place])
    if level in (LEVEL_REGION, LEVEL_COUNTRY, LEVEL_ADMIN1):
        return 3
    if level == LEVEL_ADMIN2 or cue == "near":
        return 2
    return 1 if level in (LEVEL_CITY, LEVEL_POI) else 2


def resolve(gaz: Gazetteer, mentions: list[Mention], *, country_hint: str | None = None) -> list[Resolution]:
    """Resolve every mention (in order), organisation names included (their place is still named)."""
    groups, _ = _groups(gaz, [m for m in mentions if m.key >= 0])
    hint = gaz.countries.index(country_hint) if country_hint in gaz.countries else -1
    for n, group in enumerate(groups):
        _choose(group, group.prior + _context(gaz, groups, n, hint, None))
    ambiguous = [n for n, g in enumerate(groups) if len(g.cands) > 1 and _margin(g.prior) < MAX_SWING]
    for _ in range(ROUNDS if ambiguous else 0):
        ctx = _round(gaz, groups)
        for n in ambiguous:
            _choose(groups[n], groups[n].prior + _context(gaz, groups, n, hint, ctx))
    chosen = {id(m): g for g in groups for m in g.mentions}
    out = []
    for mention in mentions:
        group = chosen.get(id(mention))
        if group is None or group.choice < 0:
            out.append(Resolution(mention, -1, 0.0, None))
            continue
        score = round(group.prob * mention.confidence, 3)
        out.append(Resolution(mention, group.choice, score, _precision(gaz, group.choice, mention.cue)))
    return out
