"""Countries, demonyms and the state-force names built from them.

``data/actors/countries.tsv`` lists, per country, its ACLED-style name, the
English demonyms and names, and the Arabic names and adjectives.
``data/actors/forces.tsv`` lists the force nouns.  From the two,
:func:`force_aliases` writes phrases such as "Iraqi troops", "Nigeria's
police" or "الجيش العراقي" with the state force each names
("Military Forces of Iraq", "Police Forces of Nigeria").

:func:`generic_actor` names ACLED's generic actors: "Unidentified Armed
Group (Iraq)", "Civilians (Syria)", "Protesters (Iraq)", "Rioters (Iraq)".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

STATE = "State forces"
POLITICAL = "Political militias"

# kind -> (name stem, ACLED category); state kinds name "Military/Police Forces of X".
GENERIC_KINDS: dict[str, tuple[str, str]] = {
    "armed_group": ("Unidentified Armed Group", POLITICAL),
    "civilians": ("Civilians", "Civilians"),
    "protesters": ("Protesters", "Protesters"),
    "rioters": ("Rioters", "Rioters"),
    "military": ("Military Forces", STATE),
    "police": ("Police Forces", STATE),
}


@dataclass(frozen=True, slots=True)
class Country:
    """One row of ``countries.tsv``."""

    iso2: str
    name: str
    article: str
    demonyms: tuple[str, ...]
    names: tuple[str, ...]
    arabic_names: tuple[str, ...]
    arabic_adjectives: tuple[str, ...]

    @property
    def formal_name(self) -> str:
        """The name as it follows "Forces of": "the United States", "Iraq"."""
        return f"{self.article} {self.name}" if self.article else self.name


@dataclass(frozen=True, slots=True)
class GenericActor:
    """An ACLED generic actor; ``name`` is None for state forces of no known country."""

    kind: str
    name: str | None
    category: str
    country: str | None


@dataclass(frozen=True, slots=True)
class ForceAlias:
    """A generated phrase naming a state force, e.g. "Iraqi troops"."""

    alias: str
    actor: str
    country: str
    lang: str


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _rows(path: Path) -> Iterator[list[str]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def read_countries(path: Path) -> tuple[Country, ...]:
    """The countries listed in ``path`` (tab-separated, see the module docstring)."""
    countries = []
    for cells in _rows(path):
        cells += [""] * (7 - len(cells))
        iso2, name, article, demonyms, names, ar_names, ar_adjs = cells[:7]
        countries.append(Country(iso2.strip().upper(), name.strip(), article.strip(), _split(demonyms),
                                 _split(names), _split(ar_names), _split(ar_adjs)))
    return tuple(countries)


def force_name(kind: str, country: Country) -> str:
    """``military`` -> "Military Forces of Iraq", ``police`` -> "Police Forces of Iraq"."""
    stem = GENERIC_KINDS[kind][0]
    return f"{stem} of {country.formal_name}"


def generic_actor(kind: str, country: Country | None) -> GenericActor:
    """ACLED's generic actor of ``kind`` (a key of :data:`GENERIC_KINDS`) in ``country``."""
    if kind not in GENERIC_KINDS:
        raise ValueError(f"unknown generic actor kind {kind!r}")
    stem, category = GENERIC_KINDS[kind]
    iso2 = country.iso2 if country else None
    if category == STATE:
        return GenericActor(kind, force_name(kind, country) if country else None, category, iso2)
    name = f"{stem} ({country.name})" if country else stem
    return GenericActor(kind, name, category, iso2)


def _english(country: Country, kind: str, nouns: tuple[str, ...]) -> Iterator[ForceAlias]:
    actor = force_name(kind, country)
    for noun in nouns:
        for demonym in country.demonyms:
            yield ForceAlias(f"{demonym} {noun}", actor, country.iso2, "en")
        for name in country.names:
            yield ForceAlias(f"{name}'s {noun}", actor, country.iso2, "en")


# what an Arabic adjective takes after a noun of each gender code: masculine, feminine (and
# non-human plurals), human plural ("جنود عراقيين", "الجنود العراقيون")
_ARABIC_AGREEMENT = {"m": ("",), "": ("",), "f": ("ة",), "p": ("ين", "ون")}


def _arabic(country: Country, kind: str, gender: str, nouns: tuple[str, ...]) -> Iterator[ForceAlias]:
    actor = force_name(kind, country)
    suffixes = _ARABIC_AGREEMENT[gender]
    for noun in nouns:
        definite = noun.startswith("ال")
        for adjective, suffix in ((a, s) for a in country.arabic_adjectives for s in suffixes):
            form = f"{adjective}{suffix}"
            yield ForceAlias(f"{noun} {'ال' + form if definite else form}", actor, country.iso2, "ar")
        if definite:
            continue
        for name in country.arabic_names:  # construct state: قوات العراق
            yield ForceAlias(f"{noun} {name}", actor, country.iso2, "ar")


def force_aliases(countries: tuple[Country, ...], forces_path: Path) -> Iterator[ForceAlias]:
    """Every demonym + force-noun phrase of ``forces_path`` for every country."""
    for cells in _rows(forces_path):
        cells += [""] * (4 - len(cells))
        lang, kind, gender, nouns = (cell.strip() for cell in cells[:4])
        for country in countries:
            if lang == "en":
                yield from _english(country, kind, _split(nouns))
            elif lang == "ar":
                yield from _arabic(country, kind, gender, _split(nouns))
