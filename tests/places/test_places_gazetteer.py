"""The compiled index: cached, quick to load, rebuilt when stale; GeoNames dumps can be imported."""

from __future__ import annotations

import gzip
import pickle
import time
import zipfile
from pathlib import Path

import pytest

from marsad.models import Article, DocKind, Document, Evidence
from marsad.places import Gazetteer, Geoparser
from marsad.places.cli import import_dump
from marsad.places.gazetteer import signature, user_files

# GeoNames "geoname" table format: 19 tab-separated columns (two made-up places, fictional ids)
_DUMP_ROWS = [
    ["990000001", "Qaryat Marsad", "Qaryat Marsad", "Marsad Village,قرية مرصد", "34.101", "42.202", "P", "PPL", "IQ",
     "", "01", "", "", "", "1200", "", "150", "Asia/Baghdad", "2024-01-01"],
    ["990000002", "Tall Marsad", "Tall Marsad", "", "35.5", "40.1", "T", "HLL", "SY", "", "07", "", "", "", "0", "",
     "300", "Asia/Damascus", "2024-01-01"],
    ["990000003", "Old fort", "Old fort", "", "35.5", "40.1", "S", "RSTN", "SY", "", "07", "", "", "", "0", "",
     "300", "Asia/Damascus", "2024-01-01"],
]


def test_load_is_fast_and_cached(gazetteer):
    started = time.perf_counter()
    again = Gazetteer.load()
    assert time.perf_counter() - started < 2.0
    assert again.path == gazetteer.path and len(again) > 200_000


def test_lookup_knows_variants(gazetteer):
    assert {p.admin1 for p in gazetteer.lookup("البوكمال")} == {"Deir ez-Zor"}
    assert gazetteer.lookup("Anbar province")[0].admin1 == "Anbar"
    assert gazetteer.lookup("U.S.")[0].country == "US"


def test_geoparser_pickles_by_reference(geoparser):
    restored = pickle.loads(pickle.dumps(geoparser))
    assert len(pickle.dumps(geoparser)) < 10_000
    assert [p.text for p in restored.parse("Rockets hit Erbil.")] == ["Erbil"]


def test_toponyms_for_the_pipeline(geoparser):
    text = "Headline\n\nA rocket hit Baghdad. The Iraqi army deployed."
    doc = Document(doc_id="d1", kind=DocKind.PAGE, origin="x", text=text, content_sha="0")
    art = Article(article_id="a1", doc_id="d1", index=0, char_start=10, char_end=len(text), body_start=10,
                  body_end=len(text), evidence=Evidence("d1", 10, len(text), "segment", "1"))
    tops = geoparser.toponyms(doc, [art])
    assert [(t.text, t.admin1, t.article_id) for t in tops] == [("Baghdad", "Baghdad", "a1")]
    top = tops[0]
    assert text[top.char_start:top.char_end] == "Baghdad"
    assert top.evidence.component == "places" and top.toponym_id.startswith("top_")


def test_import_writes_the_user_gazetteer(tmp_path: Path):
    dump = tmp_path / "XX.txt"
    dump.write_text("\n".join("\t".join(r) for r in _DUMP_ROWS) + "\n", encoding="utf-8")
    zipped = tmp_path / "XX.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.write(dump, "XX.txt")
    cache = tmp_path / "cache"
    before = signature(cache)
    target, count = import_dump(zipped, cache)
    assert count == 2  # the railway station (S.RSTN) is not kept
    assert user_files(cache) == [target]
    with gzip.open(target, "rt", encoding="utf-8") as handle:
        assert handle.readline().split("\t")[:2] == ["990000001", "Qaryat Marsad"]
    assert signature(cache) != before  # the index is stale and will be rebuilt


@pytest.mark.slow
def test_imported_places_are_found(tmp_path: Path):
    dump = tmp_path / "XX.txt"
    dump.write_text("\n".join("\t".join(r) for r in _DUMP_ROWS) + "\n", encoding="utf-8")
    cache = tmp_path / "cache"
    import_dump(dump, cache)
    parser = Geoparser(Gazetteer.load(cache))
    found = [p for p in parser.parse("Gunmen attacked the village of Qaryat Marsad in Anbar.") if p.kind == "place"]
    assert [(p.text, p.geonameid, p.admin1) for p in found][:1] == [("Qaryat Marsad", 990000001, "Anbar")]


def test_cli_import_without_build(tmp_path: Path):
    from typer.testing import CliRunner

    from marsad.places.cli import gazetteer_app

    dump = tmp_path / "IQ.txt"
    dump.write_text("\n".join("\t".join(r) for r in _DUMP_ROWS) + "\n", encoding="utf-8")
    result = CliRunner().invoke(gazetteer_app, ["import", str(dump), "--cache", str(tmp_path / "c"), "--no-build"])
    assert result.exit_code == 0, result.output
    assert "imported 2 places" in result.output
    assert (tmp_path / "c" / "places-user" / "IQ.tsv.gz").exists()
