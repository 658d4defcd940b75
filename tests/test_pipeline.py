import gzip
import json
import shutil

import pytest
from typer.testing import CliRunner

from marsad.cli import app
from marsad.ingest import Limits
from marsad.pipeline import RunOptions, run
from marsad.store import Store
from tests.conftest import dump_tables, write_warc

GOOD_PAGE = (
    "Convoy Struck South of Hilla\n\nMarch 16, 2022\n\nBy Staff, Agencies\n\n"
    "A logistics convoy was struck by a roadside bomb on the highway south of Hilla in Babil province on Wednesday, "
    "security sources said.\n\nNo casualties were reported. A little-known group claimed responsibility later in the day.\n"
)


def bad_folder(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "mangled.txt").write_bytes(("Kata’ib Hezbollah said on Tuesday that " * 4).encode() + b"\xc3\x28\xff")
    warc = write_warc(folder / "crawl.warc.gz", [(f"https://example.org/{n}", b"<html><body><p>x</p></body></html>" * 40) for n in range(3)])
    warc.write_bytes(warc.read_bytes()[:-120])
    (folder / "wire.jsonl").write_text('{"id": "ok-1", "text": "Protesters gathered in Nasiriyah on Friday over power cuts."}\n{"id": "broken", "text": \n')
    (folder / "good.txt").write_text(GOOD_PAGE, encoding="utf-8")
    return folder


def test_bad_inputs_are_named_and_the_good_page_is_stored(tmp_path):
    folder = bad_folder(tmp_path)
    db = tmp_path / "x.db"
    outcome = CliRunner().invoke(app, ["run", str(folder), "--db", str(db), "--quiet"])
    assert outcome.exit_code == 0, outcome.output
    for name, reason in [("scan.pdf", "binary"), ("empty.txt", "empty"), ("mangled.txt", "undecodable"),
                         ("crawl.warc.gz", "truncated"), ("wire.jsonl:2", "bad-json")]:
        assert name in outcome.output and reason in outcome.output, (name, reason)
    with Store(db, readonly=True) as store:
        stored = {row["doc_id"] for row in store.query("SELECT doc_id FROM documents")}
        reasons = {(e["doc_id"].rsplit("/", 1)[-1], e["reason"]) for e in store.errors()}
    assert str(folder / "good.txt") in stored and "ok-1" in stored
    assert {("scan.pdf", "binary"), ("empty.txt", "empty"), ("mangled.txt", "undecodable"),
            ("crawl.warc.gz", "truncated"), ("wire.jsonl:2", "bad-json")} <= reasons


def test_nothing_processable_exits_1_and_missing_input_exits_2(tmp_path):
    (tmp_path / "only.bin").write_bytes(b"\x7fELF" + bytes(64))
    runner = CliRunner()
    assert runner.invoke(app, ["run", str(tmp_path / "only.bin"), "--db", str(tmp_path / "a.db"), "-q"]).exit_code == 1
    assert runner.invoke(app, ["run", str(tmp_path / "nope"), "--db", str(tmp_path / "b.db"), "-q"]).exit_code == 2


def test_seed_pages_stored_once(seeds_dir, tmp_path):
    db = tmp_path / "x.db"
    with Store(db) as store:
        first = run([str(seeds_dir)], store)
        before = dump_tables(db)
        second = run([str(seeds_dir)], store)
    assert (first.new, first.failed) == (5, 0) and first.articles >= 5
    assert (second.new, second.unchanged, second.articles) == (0, 5, 0)
    assert dump_tables(db) == before


def test_stdin_json_lines(tmp_path):
    lines = "\n".join(json.dumps({"id": f"s-{n}", "text": GOOD_PAGE, "source": "Tigris Wire"}) for n in range(3))
    db = tmp_path / "x.db"
    outcome = CliRunner().invoke(app, ["run", "-", "--db", str(db), "-q"], input=lines)
    assert outcome.exit_code == 0, outcome.output
    with Store(db, readonly=True) as store:
        assert [r["doc_id"] for r in store.query("SELECT doc_id FROM documents ORDER BY doc_id")] == ["s-0", "s-1", "s-2"]


def test_worker_pool_gives_the_same_database(seeds_dir, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus / "seeds")
    (corpus / "extra.txt").write_text(GOOD_PAGE)
    dumps = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        with Store(db) as store:
            run([str(corpus)], store, RunOptions(workers=workers, batch_size=2))
        dumps.append(dump_tables(db))
    assert dumps[0] == dumps[1]


def test_size_limit_is_configurable(tmp_path):
    (tmp_path / "page.txt").write_text(GOOD_PAGE)
    with Store(tmp_path / "x.db") as store:
        summary = run([str(tmp_path / "page.txt")], store, RunOptions(limits=Limits(max_bytes=100)))
    assert [f.reason for f in summary.failures] == ["too-large"]
