"""The actor dictionary: named actors, state forces by demonym, generic cues.

Entries come from ``data/actors/actors.jsonl`` (format in
``data/actors/README.md``) merged with the user's files of the same format.
:meth:`ActorDictionary.load` folds every alias (see :mod:`.variants`) into one
Aho–Corasick automaton; a loaded dictionary is kept in memory per set of
files, so loading twice costs nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from marsad.actors.countries import Country, ForceAlias, force_aliases, generic_actor, read_countries
from marsad.actors.variants import alias_forms, is_arabic
from marsad.normalize.arabic import normalize_for_matching

CATEGORIES = (
    "State forces",
    "Rebel groups",
    "Political militias",
    "Identity militias",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other forces",
)


def data_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "actors"


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A named actor: canonical name, ACLED category, ISO2 country, aliases."""

    name: str
    category: str
    country: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    weak_aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AliasInfo:
    """What a folded alias in the automaton stands for, and what to check."""

    canonical: str | None
    category: str | None
    country: str | None
    kind: str  # "dictionary" | "demonym" | "generic"
    detail: str = ""  # the generic kind ("civilians", "military", ...)
    weak: bool = False
    arabic: bool = False
    upper: tuple[tuple[int, int], ...] = ()
    needs_lam: bool = False
    length: int = 0


def _entry_from_json(record: dict[str, Any], where: str) -> ActorEntry:
    name = str(record.get("name") or "").strip()
    category = str(record.get("category") or "").strip()
    if not name:
        raise ValueError(f"{where}: an entry needs a name")
    if category and category not in CATEGORIES:
        raise ValueError(f"{where}: unknown category {category!r}; use one of {', '.join(CATEGORIES)}")
    return ActorEntry(
        name=name,
        category=category,
        country=(str(record.get("country") or "").strip().upper() or None),
        parent=(str(record.get("parent") or "").strip() or None),
        aliases=tuple(str(a) for a in record.get("aliases") or () if str(a).strip()),
        weak_aliases=tuple(str(a) for a in record.get("weak_aliases") or () if str(a).strip()),
    )


def read_entries(path: Path) -> Iterator[ActorEntry]:
    """The entries of one JSON Lines file; blank lines and ``#`` lines are skipped."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: not JSON: {exc.msg}") from None
        if not isinstance(record, dict):
            raise ValueError(f"{path}:{number}: each line must be a JSON object")
        yield _entry_from_json(record, f"{path}:{number}")


def merge_entry(old: ActorEntry, new: ActorEntry) -> ActorEntry:
    """``new`` added to ``old``: aliases appended, given fields replaced."""
    return replace(
        old,
        category=new.category or old.category,
        country=new.country or old.country,
        parent=new.parent or old.parent,
        aliases=tuple(dict.fromkeys(old.aliases + new.aliases)),
        weak_aliases=tuple(dict.fromkeys(old.weak_aliases + new.weak_aliases)),
    )


def merge_entries(groups: Iterable[Iterable[ActorEntry]]) -> tuple[ActorEntry, ...]:
    """Entries of several files, later files extending or overriding earlier ones."""
    merged: dict[str, ActorEntry] = {}
    for group in groups:
        for entry in group:
            key = entry.name.casefold()
            merged[key] = merge_entry(merged[key], entry) if key in merged else entry
    for entry in merged.values():
        if not entry.category:
            raise ValueError(f"actor {entry.name!r} has no category")
    return tuple(merged.values())


def read_generic(path: Path) -> tuple[tuple[str, str], ...]:
    """(kind, cue) pairs of ``generic.tsv``."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, _, cue = line.partition("\t")
            pairs.append((kind.strip(), cue.strip()))
    return tuple(pairs)


def read_lines(path: Path) -> tuple[str, ...]:
    """The non-blank, non-comment lines of a text file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def fold_name(name: str) -> str:
    """The key a name is looked up by: folded, single-spaced, without a leading "the"."""
    folded = " ".join(normalize_for_matching(name).split())
    return folded[4:] if folded.startswith("the ") else folded


def _entry_infos(entry: ActorEntry) -> Iterator[tuple[str, AliasInfo]]:
    base = AliasInfo(entry.name, entry.category, entry.country, "dictionary")
    for alias, weak in [(entry.name, False)] + [(a, False) for a in entry.aliases] + \
            [(a, True) for a in entry.weak_aliases]:
        for form in alias_forms(alias):
            yield form.folded, replace(base, weak=weak, arabic=form.arabic, upper=form.upper,
                                       needs_lam=form.needs_lam, length=len(form.folded))


def _force_infos(force: ForceAlias) -> Iterator[tuple[str, AliasInfo]]:
    for form in alias_forms(force.alias, spellings=False):
        yield form.folded, AliasInfo(force.actor, "State forces", force.country, "demonym", arabic=form.arabic,
                                     upper=form.upper, needs_lam=form.needs_lam, length=len(form.folded))


def _generic_infos(kind: str, cue: str) -> Iterator[tuple[str, AliasInfo]]:
    category = generic_actor(kind, None).category
    for form in alias_forms(cue):
        yield form.folded, AliasInfo(None, category, None, "generic", detail=kind, arabic=form.arabic,
                                     upper=form.upper, needs_lam=form.needs_lam, length=len(form.folded))


def _build_table(entries: Sequence[ActorEntry], preferred: frozenset[str], forces: Iterable[ForceAlias],
                 generics: Iterable[tuple[str, str]]) -> dict[str, AliasInfo]:
    """Folded alias -> info.  Entries named in ``preferred`` (the user's) win a shared
    alias; otherwise named actors beat demonym phrases, which beat generic cues."""
    table: dict[str, AliasInfo] = {}
    for entry in entries:
        if entry.name.casefold() not in preferred:
            for key, info in _entry_infos(entry):
                table.setdefault(key, info)
    for entry in entries:
        if entry.name.casefold() in preferred:
            table.update(_entry_infos(entry))
    for force in forces:
        for key, info in _force_infos(force):
            table.setdefault(key, info)
    for kind, cue in generics:
        for key, info in _generic_infos(kind, cue):
            table.setdefault(key, info)
    table.pop("", None)
    return table


def _automaton(table: dict[str, AliasInfo]) -> Any:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for key, info in table.items():
        automaton.add_word(key, info)
    automaton.make_automaton()
    return automaton


class ActorDictionary:
    """Named actors and countries, with the automaton over all their aliases.

    Build it with :meth:`load`; treat it as read-only.
    """

    __slots__ = ("entries", "countries", "aliases", "not_actors", "automaton", "_by_name", "_by_iso")

    def __init__(self, entries: Sequence[ActorEntry], countries: Sequence[Country],
                 aliases: dict[str, AliasInfo], not_actors: Iterable[str] = ()) -> None:
        self.entries = tuple(entries)
        self.countries = tuple(countries)
        self.aliases = aliases
        self.not_actors = frozenset(fold_name(name) for name in not_actors)
        self.automaton = _automaton(aliases)
        self._by_name = {entry.name.casefold(): entry for entry in self.entries}
        self._by_iso = {country.iso2: country for country in self.countries}

    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> ActorDictionary:
        """The built-in dictionary merged with the user's files ``extra`` (same format).

        The result is cached in memory per list of files (and their modification times).
        """
        paths = tuple(Path(p).expanduser().resolve() for p in extra)
        key = tuple((str(p), p.stat().st_mtime_ns) for p in paths)
        return _load_cached(key)

    @classmethod
    def from_files(cls, extra: Sequence[Path] = ()) -> ActorDictionary:
        """Build without the cache."""
        base = data_dir()
        builtin = tuple(read_entries(base / "actors.jsonl"))
        user = [tuple(read_entries(Path(p))) for p in extra]
        entries = merge_entries([builtin, *user])
        preferred = frozenset(e.name.casefold() for group in user for e in group)
        countries = read_countries(base / "countries.tsv")
        table = _build_table(entries, preferred, force_aliases(countries, base / "forces.tsv"),
                             read_generic(base / "generic.tsv"))
        return cls(entries, countries, table, read_lines(base / "not_actors.txt"))

    def entry(self, name: str) -> ActorEntry | None:
        """The entry whose canonical name is ``name`` (any case)."""
        return self._by_name.get(name.casefold())

    def country(self, iso2: str | None) -> Country | None:
        return self._by_iso.get((iso2 or "").upper())

    def stats(self) -> dict[str, int]:
        """Counts of entries, written aliases (by script) and searchable forms (by kind)."""
        written = [a for e in self.entries for a in (e.name, *e.aliases, *e.weak_aliases)]
        counts = {"entries": len(self.entries), "aliases": len(written),
                  "aliases_arabic": sum(is_arabic(a) for a in written),
                  "countries": len(self.countries), "forms": len(self.aliases)}
        for info in self.aliases.values():
            counts[f"forms_{info.kind}"] = counts.get(f"forms_{info.kind}", 0) + 1
        counts["aliases_latin"] = counts["aliases"] - counts["aliases_arabic"]
        return counts


@lru_cache(maxsize=8)
def _load_cached(key: tuple[tuple[str, int], ...]) -> ActorDictionary:
    return ActorDictionary.from_files([Path(path) for path, _ in key])
