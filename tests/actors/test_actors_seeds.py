"""The factions the seed pages name are found (pages read at run time, never copied)."""

from __future__ import annotations

from pathlib import Path

from marsad.actors import ActorDictionary, ActorRecognizer

# canonical actors each seed page names (by file-name prefix)
EXPECTED = {
    "000": {"Kataib Hezbollah", "Islamic State", "Military Forces of Iraq", "Military Forces of the United States"},
    "001": {"Kataib Hezbollah", "Popular Mobilization Forces", "Islamic State", "Military Forces of Syria",
            "Hayat Tahrir al-Sham", "Harakat Hezbollah al-Nujaba"},
    "002": {"Islamic State", "Popular Mobilization Forces", "Military Forces of Iraq"},
    "003": {"Harakat Hezbollah al-Nujaba", "Kataib Hezbollah", "Asaib Ahl al-Haq", "Kataib Sayyid al-Shuhada",
            "Ashab al-Kahf", "Saraya Qasim al-Jabbarin", "Iraqi Resistance Coordination Committee",
            "Popular Mobilization Forces", "Islamic State", "Ansar Allah", "Saudi-led Coalition",
            "Global Coalition Against Daesh", "Military Forces of the United States"},
    "004": {"Popular Mobilization Forces", "Islamic State", "Military Forces of Iraq",
            "Global Coalition Against Daesh"},
}


def _pages(seeds_dir: Path) -> dict[str, str]:
    return {path.name[:3]: path.read_text(encoding="utf-8") for path in sorted(seeds_dir.glob("*.txt"))}


def test_seed_factions_found(seeds_dir: Path) -> None:
    recognizer = ActorRecognizer(ActorDictionary.load(), use_ner=False)
    pages = _pages(seeds_dir)
    for prefix, expected in EXPECTED.items():
        if prefix not in pages:
            continue
        text = pages[prefix]
        matches = recognizer.find(text)
        for match in matches:
            assert text[match.start:match.end] == match.text
        found = {m.canonical for m in matches}
        assert expected <= found, (prefix, expected - found)


def test_seed_pages_have_few_unknown_titles(seeds_dir: Path) -> None:
    recognizer = ActorRecognizer(ActorDictionary.load(), use_ner=False)
    for text in _pages(seeds_dir).values():
        titles = [m for m in recognizer.find(text) if m.kind == "title"]
        assert len(titles) <= 5, [m.text for m in titles]
        assert not any(m.text.lower().startswith(("the ", "he ")) for m in titles)
        assert not any(m.text.lower().rstrip("’'s") in {"iraq", "syria", "anbar"} for m in titles)
