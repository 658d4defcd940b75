"""Choose the gazetteer entry each mention names, with a score in [0, 1].

Each candidate gets a prior (population, feature level, whether the text
matched its main name, curated entries) and the cue's type hint ("province" ->
admin-1, "village of" -> town).  Then, for a few rounds, the article's own
context is added: the share of the other mentions resolved in the candidate's
country, another mention naming the candidate's admin-1 (or the "Town, State"
pair), the distance to places already resolved, and an optional country hint
(outlet country, caller's hint).  The score is the softmax probability of the
chosen candidate (with the entries for the same spot beside it) times the
recogniser's confidence that the mention is a place.

All mentions of one key and cue type form a *group*; the candidates of every
group sit side by side in one flat table (:class:`_Table`), so each round is a
handful of numpy operations whatever the number of mentions.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from marsad.places.aliases import name_key
from marsad.places.evidence import generic_unit
from marsad.places.gazetteer import Gazetteer
from marsad.places.recognize import Mention
from marsad.places.sources import (ABBREV, CURATED, LEVEL_ADMIN1, LEVEL_ADMIN2, LEVEL_CITY, LEVEL_COUNTRY, LEVEL_POI,
                                   LEVEL_REGION, PRIMARY)

ROUNDS = 2
MAX_SWING = 10.0  # more context bonus than one candidate can gain over another (pairs aside)
MAX_POINTS = 30  # resolved towns whose distance to the candidates counts
COUNTRY_SUPPORT = 2.0  # for a candidate in a country that another mention of the article lies in
LIST_GAP = 6  # ", and "
LIST_LEVEL = 2.0  # for a candidate of the level most members of its list have
PAIR_GAP = 3  # at most this many characters (", ") between the two names of a "Town, State" pair
SEAT = 2.0  # for a large town inside the province of its name ("Lagos", "Yangon", "Baghdad")
NOT_SHORT = -8.0  # a state's short form ("Kan.", "Ga.") read in a plain word: all but ruled out
SEAT_POPULATION = 100_000
SAME_SPOT_KM = 25.0  # entries this close in one country name the same spot (their probabilities add up)
_SAME_SPOT_DOT = float(np.cos(SAME_SPOT_KM / 6371.0))
_CUES = ("admin", "admin2", "settlement", "near", "part")  # cue types with a prior of their own (row n + 1 below)
_AREA_ROWS = (_CUES.index("near") + 1, _CUES.index("part") + 1)  # "near Hama", "northern Hama": no seat bonus


def _frozen(rows: list[list[float]]) -> np.ndarray:
    arr = np.array(rows, dtype=np.float64)
    arr.setflags(write=False)
    return arr


_LEVEL_BONUS = _frozen([[1.5, 3.5, 1.5, -0.3, 0.0, -0.3]])[0]  # region, country, admin1, admin2, city, poi
_CUE_BONUS = _frozen([
    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0],  # no cue type
    [0.0, 0.0, 4.0, 1.0, -2.0, -2.0],  # admin
    [0.0, -1.0, 0.0, 4.0, -1.0, -2.0],  # admin2
    [-2.0, -2.0, -1.5, -1.0, 1.5, 0.5],  # settlement
    [-1.0, -1.0, -0.5, 0.0, 0.8, 0.8],  # near
    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0],  # part ("northern X")
])


class Resolution(NamedTuple):
    """The chosen place (gazetteer index, -1 for none) of a mention, and how sure."""

    mention: Mention
    index: int
    score: float
    geo_precision: int | None


class _Table(NamedTuple):
    """The candidates of all groups, flat; ``seg`` is the group of each candidate."""

    cands: np.ndarray
    index: np.ndarray  # 0 .. n - 1
    seg: np.ndarray
    starts: np.ndarray  # first candidate of each group
    prior: np.ndarray
    cc: np.ndarray
    a1: np.ndarray
    level: np.ndarray
    xyz: np.ndarray  # unit vectors (n, 3): the haversine term of two points is (1 - dot) / 2
    weight: np.ndarray  # per group: the highest confidence of its mentions
    own_weight: np.ndarray  # per candidate: its group's weight
    family: np.ndarray  # per group: its key's number (groups of one key are one family)
    twins: bool  # whether some key has two groups
    share: np.ndarray  # per candidate: 3 / the other groups' total weight (0 when alone)
    a1_safe: np.ndarray  # admin-1 index, 0 where none
    has_a1: np.ndarray
    pairs: tuple[tuple[int, ...], ...]  # per group: groups written next to it as "Town, State"
    nests: tuple[tuple[int, ...], ...]  # per group: the other groups of its "Town (Admin2, Admin1)" nest
    lists: tuple[tuple[int, ...], ...]  # lists of three or more names ("Ohio, Oregon and Utah"), as groups


def _group_mentions(mentions: list[Mention]) -> tuple[list[tuple[int, int]], list[int], list[list[int]]]:
    """(key, cue row) of each group, the group of each mention, and the pairs of each group."""
    index: dict[tuple[int, int], int] = {}
    of_mention: list[int] = []
    pairs: list[list[int]] = []
    prev: Mention | None = None
    for mention in mentions:
        cue = _CUES.index(mention.cue) + 1 if mention.cue in _CUES else 0
        gid = index.setdefault((mention.key, cue), len(index))
        if gid == len(pairs):
            pairs.append([])
        of_mention.append(gid)
        if mention.cue == "pair" and prev is not None and 0 <= mention.start - prev.end <= PAIR_GAP:
            other = of_mention[-2]
            if other != gid and other not in pairs[gid]:
                pairs[gid].append(other)
                pairs[other].append(gid)
        prev = mention
    return list(index), of_mention, pairs


def _nests(mentions: list[Mention], of_mention: list[int], size: int) -> tuple[tuple[int, ...], ...]:
    """Per group, the groups it shares a parenthetical nest with ("Seytenga (Seno, Sahel)": each of the
    three lies in the same province as the others)."""
    members: dict[int, set[int]] = {}
    for mention, g in zip(mentions, of_mention):
        if mention.nest >= 0:
            members.setdefault(mention.nest, set()).add(g)
    out: list[set[int]] = [set() for _ in range(size)]
    for groups in members.values():
        for g in groups:
            out[g].update(groups - {g})
    return tuple(tuple(sorted(n)) for n in out)


def _lists(mentions: list[Mention], of_mention: list[int]) -> tuple[tuple[int, ...], ...]:
    """Runs of mentions the recogniser found in a list (cue "list"), as tuples of their groups."""
    out, run, prev = [], [], None
    for mention, g in zip(mentions, of_mention):
        if mention.cue == "list" and run and prev is not None and mention.start - prev.end <= LIST_GAP:
            run.append(g)
        else:
            if len(set(run)) >= 3:
                out.append(tuple(run))
            run = [g] if mention.cue == "list" else []
        prev = mention
    if len(set(run)) >= 3:
        out.append(tuple(run))
    return tuple(out)


def _table(gaz: Gazetteer, mentions: list[Mention]) -> tuple[_Table, list[int]]:
    groups, of_mention, pairs = _group_mentions(mentions)
    keys = np.array([k for k, _ in groups], dtype=np.int64)
    lo = gaz.key_ptr[keys]
    sizes = gaz.key_ptr[keys + 1] - lo
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    seg = np.repeat(np.arange(len(groups)), sizes)
    flat = np.arange(len(seg)) - starts[seg] + lo[seg]
    cands, flags = gaz.cand[flat], gaz.cand_flags[flat]
    level = gaz.level[cands]
    cue_rows = np.array([c for _, c in groups])[seg]
    prior = np.log10(gaz.pop[cands] + 10.0) + _LEVEL_BONUS[level] + _CUE_BONUS[cue_rows, level]
    prior += np.where(flags & PRIMARY, 1.0, 0.0) + np.where((flags & CURATED) & (level >= LEVEL_ADMIN2), 1.5, 0.0)
    prior += np.where(gaz.fcode[cands] == gaz.capital_code, 3.0, 0.0)
    prior += np.where(((flags & ABBREV) > 0) & ~_written_short(mentions, of_mention, len(groups))[seg], NOT_SHORT, 0.0)
    prior += np.where(np.isin(cue_rows, _AREA_ROWS), 0.0, _seat_bonus(gaz, cands, seg, level))
    weight = np.zeros(len(groups))
    np.maximum.at(weight, np.array(of_mention), np.array([m.confidence for m in mentions]))
    family = np.unique(keys, return_inverse=True)[1]
    own_weight = weight[seg]
    rest = weight.sum() - np.bincount(family, weights=weight)[family][seg]
    share = np.where(rest > 0, 3.0 / np.where(rest > 0, rest, 1.0), 0.0)
    a1 = gaz.a1[cands]
    twins = len(family) > int(family.max()) + 1
    table = _Table(cands, np.arange(len(cands)), seg, starts, prior, gaz.cc[cands], a1, level, gaz.xyz[cands],
                   weight, own_weight, family, twins, share, np.maximum(a1, 0), a1 >= 0,
                   tuple(tuple(p) for p in pairs), _nests(mentions, of_mention, len(groups)),
                   _lists(mentions, of_mention))
    return table, of_mention


def _written_short(mentions: list[Mention], of_mention: list[int], size: int) -> np.ndarray:
    """Per group, whether a mention reads as an abbreviation: "Wichita, Kan." (a pair), "N.Y", "KS".
    A plain word ("Kyauk Kan", "Gunmen attacked Kan") is not the state's short form."""
    out = np.zeros(size, dtype=bool)
    for mention, g in zip(mentions, of_mention):
        if mention.cue == "pair" or "." in mention.text or mention.text.isupper():
            out[g] = True
    return out


def _seat_bonus(gaz: Gazetteer, cands: np.ndarray, seg: np.ndarray, level: np.ndarray) -> np.ndarray:
    """A town named like the province it lies in ("Lagos", "Yangon", "Baghdad") is what a bare name
    means, as ACLED codes it: the province needs its cue word ("Lagos State") to win."""
    a1 = gaz.a1[cands].astype(np.int64)
    provinces = (level == LEVEL_ADMIN1) & (a1 >= 0)
    if not provinces.any():
        return np.zeros(len(cands))
    width = int(a1.max()) + 1
    named = np.unique(seg[provinces] * width + a1[provinces])
    towns = (level == LEVEL_CITY) & (a1 >= 0) & (gaz.pop[cands] >= SEAT_POPULATION)
    return np.where(towns & np.isin(seg * width + a1, named), SEAT, 0.0)


def _best(total: np.ndarray, t: _Table) -> tuple[np.ndarray, np.ndarray]:
    """Per group: the position of its best candidate (the first on ties) and the softmax probability
    of the place it names: its own and that of the entries for the same spot (the curated "Gaza
    Strip" region and GeoNames' "Gaza Strip" province) within :data:`SAME_SPOT_KM` of it, in its country."""
    top = np.maximum.reduceat(total, t.starts)[t.seg]
    first = np.minimum.reduceat(np.where(total == top, t.index, len(total)), t.starts)
    weight = np.exp(total - top)
    chosen = first[t.seg]
    same = (t.cc == t.cc[chosen]) & (np.einsum("ij,ij->i", t.xyz, t.xyz[chosen]) >= _SAME_SPOT_DOT)
    prob = np.add.reduceat(np.where(same, weight, 0.0), t.starts) / np.add.reduceat(weight, t.starts)
    return first, prob


def _margins(t: _Table, best: np.ndarray) -> np.ndarray:
    """Per group: how far the best prior leads the runner-up (inf for a single candidate)."""
    rest = t.prior.copy()
    rest[best] = -np.inf
    return t.prior[best] - np.maximum.reduceat(rest, t.starts)


def _context(gaz: Gazetteer, t: _Table, pos: np.ndarray) -> np.ndarray:
    """Context bonus of every candidate given the groups' current choices ``pos`` (pairs aside)."""
    seg, cc, a1 = t.seg, t.cc[pos], t.a1[pos]
    country = np.bincount(cc, weights=t.weight, minlength=len(gaz.countries))
    counted = (t.level[pos] >= LEVEL_ADMIN1) & (a1 >= 0)
    admin = np.bincount(a1[counted], minlength=len(gaz.admin1_codes))
    if t.twins:
        own_country, own_admin = _family_counts(t, cc, a1, counted, len(gaz.countries), len(gaz.admin1_codes))
    else:
        own_country = np.where(t.cc == cc[seg], t.own_weight, 0.0)
        own_admin = (t.a1 == a1[seg]) & counted[seg]
    others = country[t.cc] - own_country
    bonus = t.share * others + np.where(others > 0, COUNTRY_SUPPORT, 0.0)
    bonus += np.where(t.has_a1 & (admin[t.a1_safe] - own_admin > 0), 3.0, 0.0)
    points = np.flatnonzero(t.level[pos] >= LEVEL_ADMIN2)[:MAX_POINTS]
    if len(points):
        dots = t.xyz @ t.xyz[pos[points]].T
        dots[t.family[points][None, :] == t.family[seg][:, None]] = -np.inf
        nearest = dots.max(axis=1)
        found = np.isfinite(nearest)
        a = np.clip((1.0 - np.where(found, nearest, 1.0)) / 2.0, 0.0, 1.0)
        km = 6371.0 * 2 * np.arcsin(np.sqrt(a))
        bonus += np.where(found, 1.5 * np.exp(-km / 250.0), 0.0)
    if t.lists:
        bonus += _list_bonus(t, pos)
    return _nested(t, bonus)


def _family_counts(t: _Table, cc: np.ndarray, a1: np.ndarray, counted: np.ndarray, n_cc: int,
                   n_a1: int) -> tuple[np.ndarray, np.ndarray]:
    """What each candidate's own family (the groups of its key: "X" and "X province") contributes to the
    country weights and admin-1 counts, so that a name never counts as its own context."""
    fam = t.family
    by_country = np.bincount(fam * n_cc + cc, weights=t.weight, minlength=(int(fam.max()) + 1) * n_cc)
    own_country = by_country[fam[t.seg] * n_cc + t.cc]
    codes, counts = np.unique(fam[counted].astype(np.int64) * n_a1 + a1[counted], return_counts=True)
    mine = fam[t.seg].astype(np.int64) * n_a1 + t.a1_safe
    at = np.minimum(np.searchsorted(codes, mine), max(len(codes) - 1, 0))
    own_admin = np.where(t.has_a1 & (codes[at] == mine), counts[at], 0) if len(codes) else np.zeros(len(mine))
    return own_country, own_admin


def _list_bonus(t: _Table, pos: np.ndarray) -> np.ndarray:
    """Members of a list are alike: states with states, towns with towns ("Washington" among states)."""
    bonus = np.zeros(len(t.cands))
    for members in t.lists:
        levels = t.level[pos[list(members)]]
        for g in set(members):
            others = np.bincount(levels[np.array(members) != g], minlength=LEVEL_POI + 1)
            if others.max() * 2 > len(members) - 1:
                bonus += np.where((t.seg == g) & (t.level == int(np.argmax(others))), LIST_LEVEL, 0.0)
    return bonus


def _nested(t: _Table, bonus: np.ndarray) -> np.ndarray:
    """A country gets the context bonus of the best candidate of the same name inside it: context that
    points to Mexico City points to Mexico as much, so the prior decides between them."""
    country = np.flatnonzero(t.level == LEVEL_COUNTRY)
    if not len(country):
        return bonus
    out = bonus.copy()
    for c in country.tolist():
        inside = (t.seg == t.seg[c]) & (t.cc == t.cc[c])
        out[c] = bonus[inside].max()
    return out


def _pair_bonus(t: _Table, me: int, pos: np.ndarray) -> np.ndarray:
    """"Town, State" / "Town, Country": the candidates inside the partner's choice gain."""
    lo = t.starts[me]
    hi = t.starts[me + 1] if me + 1 < len(t.starts) else len(t.cands)
    bonus = np.zeros(hi - lo)
    for other in t.pairs[me]:
        place = pos[other]
        if t.level[place] == LEVEL_ADMIN1:
            bonus += np.where(t.a1[lo:hi] == t.a1[place], 6.0, 0.0)
        elif t.level[place] == LEVEL_COUNTRY:
            bonus += np.where(t.cc[lo:hi] == t.cc[place], 4.0, 0.0)
    for other in t.nests[me]:
        if other not in t.pairs[me]:
            bonus += _nest_bonus(t, lo, hi, pos[other])
    return bonus


def _nest_bonus(t: _Table, lo: int, hi: int, place: int) -> np.ndarray:
    """A nest partner's choice: its country, and its province when it has one (a district or a town that
    stands for one, "(Tenenkou, Mopti)", vouches for the province a little less than the province itself)."""
    same_country = np.where(t.cc[lo:hi] == t.cc[place], 4.0, 0.0)
    if t.level[place] <= LEVEL_COUNTRY or t.a1[place] < 0:
        return same_country
    weight = 6.0 if t.level[place] == LEVEL_ADMIN1 else 3.0
    return same_country + np.where(t.a1[lo:hi] == t.a1[place], weight, 0.0)


def _rounds(gaz: Gazetteer, t: _Table, hint: int) -> tuple[np.ndarray, np.ndarray]:
    """Choose each group's candidate: prior and hint first, then up to ROUNDS of article context
    (a round that changes no choice would give the next the same context: the rounds stop there)."""
    by_prior, prob = _best(t.prior, t)
    base = t.prior
    pos = by_prior
    if hint >= 0:
        base = t.prior + np.where(t.cc == hint, 1.5, 0.0)
        pos, prob = _best(base, t)
    ambiguous = (np.diff(np.append(t.starts, len(t.cands))) > 1) & (_margins(t, by_prior) < MAX_SWING)
    if not ambiguous.any():
        return pos, prob
    paired = [g for g in np.flatnonzero(ambiguous) if t.pairs[g] or t.nests[g]]
    plain = ambiguous.copy()
    plain[paired] = False
    for _ in range(ROUNDS):
        before = pos
        total = base + _context(gaz, t, pos)
        new_pos, new_prob = _best(total, t)
        pos, prob = np.where(plain, new_pos, pos), np.where(plain, new_prob, prob)
        for g in paired:  # in order: a pair sees its partner's choice of this round when made before
            lo = t.starts[g]
            bonus = _pair_bonus(t, g, pos)
            sub = total[lo:lo + len(bonus)] + bonus
            best = int(np.argmax(sub))
            pos[g], prob[g] = lo + best, 1.0 / np.exp(sub - sub[best]).sum()
        if np.array_equal(pos, before):
            break
    return pos, prob


def _generic(mention: Mention) -> bool:
    """A direction and unit words only ("the Western Province"): a description more often than a name."""
    return " " in mention.text and generic_unit(name_key(mention.text).split())


def _supported(t: _Table, pos: np.ndarray, g: int, hint: int) -> bool:
    """Whether another group, or the country hint, lies in the country of group g's choice."""
    cc = t.cc[pos[g]]
    if cc == hint:
        return True
    same = t.cc[pos] == cc
    same[t.family == t.family[g]] = False  # "Western Province" twice is no support for itself
    return bool(same.any())


def _precision(gaz: Gazetteer, place: int, cue: str | None) -> int:
    level = int(gaz.level[place])
    if level in (LEVEL_REGION, LEVEL_COUNTRY, LEVEL_ADMIN1):
        return 3
    if level == LEVEL_ADMIN2 or cue == "near":
        return 2
    return 1 if level in (LEVEL_CITY, LEVEL_POI) else 2


def resolve(gaz: Gazetteer, mentions: list[Mention], *, country_hint: str | None = None) -> list[Resolution]:
    """Resolve every mention (in order), organisation names included (their place is still named)."""
    known = [m for m in mentions if m.key >= 0]
    if not known:
        return [Resolution(m, -1, 0.0, None) for m in mentions]
    table, of_mention = _table(gaz, known)
    hint = gaz.countries.index(country_hint) if country_hint in gaz.countries else -1
    pos, prob = _rounds(gaz, table, hint)
    group = {id(m): g for m, g in zip(known, of_mention)}
    dropped = {g for m, g in zip(known, of_mention) if _generic(m) and not _supported(table, pos, g, hint)}
    out = []
    for mention in mentions:
        g = group.get(id(mention))
        if g is None or g in dropped:
            out.append(Resolution(mention, -1, 0.0, None))
            continue
        place = int(table.cands[pos[g]])
        out.append(Resolution(mention, place, round(float(prob[g]) * mention.confidence, 3),
                              _precision(gaz, place, mention.cue)))
    return out
