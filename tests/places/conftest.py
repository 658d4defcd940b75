"""One gazetteer and geoparser for the whole session (built into the cache on first use)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def gazetteer():
    from marsad.places import Gazetteer

    return Gazetteer.load()


@pytest.fixture(scope="session")
def geoparser(gazetteer):
    from marsad.places import Geoparser

    return Geoparser(gazetteer)


def places(geoparser, text: str, kind: str = "place"):
    """The parsed mentions of ``kind`` in ``text``."""
    return [p for p in geoparser.parse(text) if p.kind == kind]


def find(geoparser, text: str, surface: str):
    """The place mention whose text is ``surface`` (fails when absent)."""
    found = [p for p in geoparser.parse(text) if p.text == surface]
    assert found, f"{surface!r} not recognised in {text!r}: {[p.text for p in geoparser.parse(text)]}"
    return found[0]
