"""Named places on the seed pages (read at run time, never copied) resolve to the right admin-1."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

# (surface text as written on the page, country, admin-1) per seed page prefix
EXPECTED = {
    "000": [("Ramadi", "IQ", "Anbar"), ("Anbar province", "IQ", "Anbar"), ("Beiji", "IQ", "Salah ad Din"),
            ("Salahuddin province", "IQ", "Salah ad Din"), ("Baghdad", "IQ", "Baghdad"),
            ("Damascus", "SY", "Damascus")],
    "001": [("البوكمال", "SY", "Deir ez-Zor"), ("Albu Kamal", "SY", "Deir ez-Zor"), ("القائم", "IQ", "Anbar"),
            ("Deir Ezzor", "SY", "Deir ez-Zor"), ("Aleppo", "SY", "Aleppo"), ("Beit Jinn", "SY", "Rif Dimashq"),
            ("الأنبار", "IQ", "Anbar"), ("بغداد", "IQ", "Baghdad"), ("Idlib", "SY", "Idlib")],
    "002": [("Baghdad", "IQ", "Baghdad"), ("Anbar province", "IQ", "Anbar")],
    "003": [("Babil province", "IQ", "Babil"), ("al-Yusufiya", "IQ", "Baghdad"), ("Ain Al-Assad", "IQ", "Anbar"),
            ("Erbil", "IQ", "Erbil"), ("Dhi Qar", "IQ", "Dhi Qar"), ("al-Diwaniyah", "IQ", "Al-Qadisiyyah"),
            ("Al Mayadeen", "SY", "Deir ez-Zor"), ("Ras al-Ain", "SY", "Al-Hasakah"),
            ("Baghdad International Airport", "IQ", "Baghdad")],
    "004": [("Ramadi", "IQ", "Anbar"), ("Salahuddin province", "IQ", "Salah ad Din")],
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_places_resolve(geoparser, seeds_dir: Path, prefix: str):
    pages = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    if not pages:
        pytest.skip(f"seed page {prefix} is not present")
    text = pages[0].read_text(encoding="utf-8")
    found: dict[str, set[tuple[str | None, str | None]]] = defaultdict(set)
    for p in geoparser.parse(text):
        assert text[p.start:p.end] == p.text
        if p.kind == "place":
            found[p.text].add((p.country, p.admin1))
    for surface, country, admin1 in EXPECTED[prefix]:
        if surface not in text:
            continue
        assert (country, admin1) in found.get(surface, set()), (surface, found.get(surface))


def test_seed_pages_have_no_person_places(geoparser, seeds_dir: Path):
    for page in sorted(seeds_dir.glob("*.txt")):
        text = page.read_text(encoding="utf-8")
        surfaces = {p.text for p in geoparser.parse(text) if p.kind == "place"}
        assert not surfaces & {"Muhandis", "Abadi", "Hezbollah", "Taliban", "Haq", "Nujaba"}, page.name
