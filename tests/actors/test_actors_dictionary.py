"""The actor dictionary: the built-in data, user files, caching, generic actors."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from marsad.actors import CATEGORIES, ActorDictionary, ActorRecognizer, generic_actor


def _write(path: Path, *records: dict) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def test_builtin_entries_are_well_formed() -> None:
    dictionary = ActorDictionary.load()
    names = [entry.name for entry in dictionary.entries]
    assert len(names) == len(set(n.casefold() for n in names))
    for entry in dictionary.entries:
        assert entry.category in CATEGORIES
        assert entry.country is None or len(entry.country) == 2
        assert entry.parent is None or dictionary.entry(entry.parent) is not None, entry.parent
    stats = dictionary.stats()
    assert stats["entries"] >= 60 and stats["aliases_arabic"] >= 100 and stats["aliases_latin"] >= 300


def test_load_is_cached_and_fast() -> None:
    first = ActorDictionary.load()
    assert ActorDictionary.load() is first
    started = time.perf_counter()
    ActorDictionary.from_files()
    print(f"dictionary build: {time.perf_counter() - started:.3f} s")  # reported, not asserted


def test_acled_names_for_key_actors() -> None:
    dictionary = ActorDictionary.load()
    expected = {
        "Kataib Hezbollah": ("Political militias", "IQ", "Popular Mobilization Forces"),
        "Popular Mobilization Forces": ("State forces", "IQ", None),
        "Islamic State": ("Rebel groups", None, None),
        "Ansar Allah": ("Rebel groups", "YE", None),
        "Global Coalition Against Daesh": ("External/Other forces", None, None),
        "Military Forces of the United States": ("State forces", "US", None),
    }
    for name, (category, country, parent) in expected.items():
        entry = dictionary.entry(name)
        assert entry is not None, name
        assert (entry.category, entry.country, entry.parent) == (category, country, parent)


def test_user_file_adds_and_extends(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "mine.jsonl",
        {"name": "Liwa Foo al-Bar", "category": "Political militias", "country": "IQ", "aliases": ["لواء فوو"]},
        {"name": "kataib hezbollah", "aliases": ["Brigade 45 of the PMF"]},
    )
    dictionary = ActorDictionary.load([user])
    assert dictionary is not ActorDictionary.load()
    found = ActorRecognizer(dictionary, use_ner=False).find(
        "Liwa Foo al-Bar and Brigade 45 of the PMF clashed; شارك لواء فوو")
    assert [(m.canonical, m.kind) for m in found] == [
        ("Liwa Foo al-Bar", "dictionary"), ("Kataib Hezbollah", "dictionary"), ("Liwa Foo al-Bar", "dictionary")]
    assert dictionary.entry("Kataib Hezbollah").category == "Political militias"


def test_user_entry_wins_a_shared_alias(tmp_path: Path) -> None:
    user = _write(tmp_path / "mine.jsonl", {"name": "Hezbollah Brigades Foo", "category": "Rebel groups",
                                             "aliases": ["Hezbollah Brigades"]})
    found = ActorRecognizer(ActorDictionary.load([user]), use_ner=False).find("the Hezbollah Brigades said")
    assert found[0].canonical == "Hezbollah Brigades Foo"


def test_bad_user_file_names_the_line(tmp_path: Path) -> None:
    bad = _write(tmp_path / "bad.jsonl", {"name": "X", "category": "Bandits"})
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        ActorDictionary.load([bad])
    broken = tmp_path / "broken.jsonl"
    broken.write_text("# comment\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match="broken.jsonl:2"):
        ActorDictionary.load([broken])


def test_generic_actors() -> None:
    assert generic_actor("armed_group", "IQ").name == "Unidentified Armed Group (Iraq)"
    assert generic_actor("armed_group", "IQ").category == "Political militias"
    assert generic_actor("civilians", "SY").name == "Civilians (Syria)"
    assert generic_actor("protesters", "IQ").category == "Protesters"
    assert generic_actor("rioters", "IQ").name == "Rioters (Iraq)"
    assert generic_actor("police", "NG").name == "Police Forces of Nigeria"
    assert generic_actor("military", "US").name == "Military Forces of the United States"
    assert generic_actor("military").name is None
    assert generic_actor("civilians").name == "Civilians"
    with pytest.raises(ValueError):
        generic_actor("bandits", "IQ")
    with pytest.raises(ValueError):
        generic_actor("civilians", "XX")
