"""The main job: order the stages and feed the store, nothing more.

    inputs -> ingest.discover/read_records         (main process: I/O)
           -> skip documents already stored         (store.known_digests)
           -> process_records: to_document, segment, (worker processes;
              places, actors, events/claims        spaCy NER once a batch)
           -> store.write_batch                      (main process, one transaction a batch)

A bad document becomes an :class:`IngestFailure` and the batch goes on. Every
batch commits atomically, and documents already stored with the same content
are skipped before any work, so a re-run adds nothing and an interrupted run,
run again, ends in the same database.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import asdict, dataclass, field
from functools import lru_cache, partial
from itertools import islice
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from marsad.errors import InputError
from marsad.ingest import Limits, discover, read_records, record_digest, to_document
from marsad.models import Article, Document, DocumentResult, IngestFailure, RawRecord, Toponym
from marsad.store import BatchHook, ForgetHook, Store

if TYPE_CHECKING:
    from marsad.actors.ner import Entity
    from marsad.actors.recognizer import PendingActors

Progress = Callable[["RunSummary"], None]


@dataclass(frozen=True, slots=True)
class StageOptions:
    """Which optional stages run, and with what; picklable, sent to each worker."""

    places: bool = True
    actors: bool = True
    events: bool = True
    ner: bool = True
    dedup: bool = True
    classifier: bool = True  # the learned second opinion on each lead's sub-type (events.opinion)
    story_encoder: bool = False  # dedup's story tier also compares sentence embeddings (slow; dedup.encoder)
    actor_files: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RunOptions:
    workers: int = 1
    limits: Limits = field(default_factory=Limits)
    batch_size: int = 200
    stages: StageOptions = field(default_factory=StageOptions)


@dataclass(slots=True)
class RunSummary:
    """What a run did; ``failures`` names every document that could not be stored."""

    run_id: int = 0
    seen: int = 0
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    articles: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def docs_per_second(self) -> float:
        return self.seen / self.seconds if self.seconds else 0.0

    def counts(self) -> dict[str, int]:
        return {"seen": self.seen, "new": self.new, "replaced": self.replaced,
                "unchanged": self.unchanged, "failed": self.failed, "articles": self.articles}


def run(inputs: Sequence[str], store: Store, options: RunOptions = RunOptions(),
        progress: Progress | None = None) -> RunSummary:
    """Run the pipeline over ``inputs`` into ``store``."""
    sources = list(discover(inputs))  # raises UsageError before anything is written
    summary = RunSummary(run_id=store.start_run(inputs, asdict(options)))
    started = time.perf_counter()
    status = "failed"
    hooks, forget = batch_hooks(options.stages), forget_hooks(options.stages)
    prepare_resources(options.stages)
    try:
        with _executor(options.workers, options.stages) as execute:
            for results, failures, seen, unchanged in execute(_batches(sources, store, options)):
                outcome = store.write_batch(results, failures, hooks, forget)
                _add(summary, outcome, failures, seen, unchanged)
                summary.seconds = time.perf_counter() - started
                if progress:
                    progress(summary)
        status = "done"
    finally:
        summary.seconds = time.perf_counter() - started
        store.finish_run(summary.run_id, summary.counts(), status)
    return summary


def prepare_resources(stages: StageOptions) -> None:
    """Build on-disk resources once, in the main process, before workers load them."""
    if stages.places:
        from marsad.places import Gazetteer

        Gazetteer.load()


def batch_hooks(stages: StageOptions) -> list[BatchHook]:
    """The stages that work across documents, run in each batch's transaction: dedup, then fusion."""
    hooks: list[BatchHook] = []
    if stages.dedup:
        from marsad.dedup import dedup_batch

        hooks.append(partial(dedup_batch, params=_dedup_params(stages)))
    if stages.events:
        from marsad.fuse import fuse_batch

        hooks.append(fuse_batch)
    return hooks


def forget_hooks(stages: StageOptions) -> list[ForgetHook]:
    """What cross-document stages drop before a replaced document is deleted."""
    if not stages.dedup:
        return []
    from marsad.dedup import forget_documents

    return [partial(forget_documents, params=_dedup_params(stages))]


def _dedup_params(stages: StageOptions):
    from marsad.dedup.params import DedupParams

    return DedupParams(story_encoder=stages.story_encoder)


def _add(summary: RunSummary, outcome, failures, seen: int, unchanged: int) -> None:
    summary.seen += seen
    summary.new += outcome.new
    summary.replaced += outcome.replaced
    summary.unchanged += unchanged + outcome.unchanged
    summary.articles += outcome.articles
    summary.failures.extend(failures)


@dataclass(frozen=True, slots=True)
class _Batch:
    todo: list[RawRecord]
    failures: list[IngestFailure]
    seen: int
    unchanged: int


def _batches(sources, store: Store, options: RunOptions) -> Iterator[_Batch]:
    """Read inputs in batches, dropping documents already stored unchanged."""
    items = (item for source in sources for item in read_records(source, options.limits))
    while chunk := list(islice(items, options.batch_size)):
        raws = [i for i in chunk if isinstance(i, RawRecord)]
        failures = [i for i in chunk if isinstance(i, IngestFailure)]
        known = store.known_digests([r.doc_id for r in raws])
        todo = [r for r in raws if known.get(r.doc_id) != record_digest(r)]
        yield _Batch(todo, failures, len(chunk), len(raws) - len(todo))


def process_records(raws: Sequence[RawRecord], stages: "DocumentStages") -> tuple[list[DocumentResult], list[IngestFailure]]:
    """The per-document stages over a batch (spaCy NER once for the whole batch)."""
    results, failures = [], []
    for outcome in stages.process_batch(raws):
        (failures if isinstance(outcome, IngestFailure) else results).append(outcome)
    return results, failures


def _subtype_model():
    from marsad.events.subtype import SubtypeModel

    return SubtypeModel.load()


def _failure(raw: RawRecord, stage: str, exc: Exception) -> IngestFailure:
    if isinstance(exc, InputError):
        return IngestFailure(raw.doc_id, raw.origin, stage, exc.reason, exc.detail)
    return IngestFailure(raw.doc_id, raw.origin, stage, "internal-error", f"{type(exc).__name__}: {exc}")


@dataclass(slots=True)
class _InFlight:
    """A document between the phases of its batch: read up to the sentences NER must read."""

    raw: RawRecord
    document: Document
    articles: tuple[Article, ...]
    toponyms: Sequence[Toponym]
    actors: PendingActors | None  # None when the actors stage is off
    views: list | None = None  # its sentences as the events stage read them (EventExtractor.read)
    entities: list[Entity] | None = None  # NER's entities in the document's needy sentences
    failure: IngestFailure | None = None


class DocumentStages:
    """The per-document stages, in order, with the resources they need.

    segment -> places -> actors -> events/claims. A batch goes through in three
    phases, so that spaCy runs once over the sentences of all its documents:
    each document up to the sentences its NER must read, then NER for them
    all, then each document's actors and events. Resources (gazetteer, actor
    dictionary, spaCy) are built on first use, once per process — each pool
    worker builds its own — and passed to the stages as arguments.
    """

    def __init__(self, options: StageOptions) -> None:
        self.options = options
        self._geoparser = None
        self._actors = None
        self._events = None

    def process(self, raw: RawRecord) -> DocumentResult | IngestFailure:
        """One document (a batch of one)."""
        return self.process_batch([raw])[0]

    def process_batch(self, raws: Sequence[RawRecord]) -> list[DocumentResult | IngestFailure]:
        """Each document's result, in order; a fault in one document becomes an
        :class:`IngestFailure` naming it and its stage, and the others go on."""
        begun = [self._begin(raw) for raw in raws]
        self._recognize([b for b in begun if isinstance(b, _InFlight)])
        return [b if isinstance(b, IngestFailure) else self._end(b) for b in begun]

    def _begin(self, raw: RawRecord) -> _InFlight | IngestFailure:
        """ingest, segment, places, and the actors stage up to NER."""
        from marsad.segment import segment_document

        stage = "ingest"
        try:
            document = to_document(raw)
            stage = "segment"
            articles = tuple(segment_document(document))
            stage = "places"
            toponyms = self.geoparser().toponyms(document, articles) if self.options.places else ()
            stage = "actors"
            views = self.extractor().read(document, articles) if self.options.events or self.options.ner else None
            pending = self._pending_actors(document, articles, toponyms, views) if self.options.actors else None
            return _InFlight(raw, document, articles, toponyms, pending, views)
        except Exception as exc:  # a fault in one stage must not stop the batch
            return _failure(raw, stage, exc)

    def _recognize(self, flights: Sequence[_InFlight]) -> None:
        """spaCy NER over the needy sentences of all ``flights`` at once; should it fail,
        each document alone, so that only the faulty one fails."""
        needy = [f for f in flights if f.actors is not None and f.actors.needy]
        if not needy:
            return
        try:
            found = self.recognizer().entities_batch([f.actors for f in needy])
        except Exception:  # noqa: BLE001 - retried one by one below, where the fault is named
            found = [self._entities_alone(f) for f in needy]
        for flight, entities in zip(needy, found):
            flight.entities = entities

    def _entities_alone(self, flight: _InFlight) -> list[Entity] | None:
        try:
            return self.recognizer().entities_batch([flight.actors])[0]
        except Exception as exc:
            flight.failure = _failure(flight.raw, "actors", exc)
            return None

    def _end(self, flight: _InFlight) -> DocumentResult | IngestFailure:
        """The rest of the actors stage, then events and claims."""
        if flight.failure is not None:
            return flight.failure
        stage = "actors"
        try:
            actors = (self.recognizer().finish(flight.actors, flight.entities).mentions
                      if flight.actors is not None else ())
            stage = "events"
            mentions, claims = self._extract(flight, actors) if self.options.events else ((), ())
            return DocumentResult(flight.document, flight.articles, tuple(flight.toponyms), tuple(actors),
                                  mentions, claims)
        except Exception as exc:  # a fault in one stage must not stop the batch
            return _failure(flight.raw, stage, exc)

    def _extract(self, flight: _InFlight, actors):
        views, flight.views = flight.views, None
        return self.extractor().extract(flight.document, flight.articles, flight.toponyms, actors, views)

    def _pending_actors(self, document, articles, toponyms, views=None):
        sentences = self.extractor().event_sentences(document, articles, views) if self.options.ner else ()
        hints = _country_hints(articles, toponyms)
        places = [(t.char_start, t.char_end) for t in toponyms]
        return self.recognizer().prepare(document, articles, sentences_to_check=sentences, country_hints=hints,
                                         explained=places)

    def _actor_mentions(self, document, articles, toponyms):
        """The actors stage of one document on its own (NER included)."""
        return self.recognizer().finish(self._pending_actors(document, articles, toponyms)).mentions

    def geoparser(self):
        if self._geoparser is None:
            from marsad.places import Gazetteer, Geoparser

            self._geoparser = Geoparser(Gazetteer.load())
        return self._geoparser

    def recognizer(self):
        if self._actors is None:
            from marsad.actors import ActorDictionary, ActorRecognizer

            self._actors = ActorRecognizer(ActorDictionary.load(self.options.actor_files), use_ner=self.options.ner)
        return self._actors

    def extractor(self):
        if self._events is None:
            from marsad.events import EventExtractor

            self._events = EventExtractor(subtypes=_subtype_model() if self.options.classifier else None)
        return self._events


def _country_hints(articles, toponyms) -> dict[str, str]:
    """Each article's most named country, for generic actors such as 'Civilians (Iraq)'."""
    from collections import Counter

    counts: dict[str, Counter] = {}
    for toponym in toponyms:
        if toponym.country:
            counts.setdefault(toponym.article_id, Counter())[toponym.country] += 1
    return {article_id: c.most_common(1)[0][0] for article_id, c in counts.items()}


@lru_cache(maxsize=4)
def _worker_stages(options: StageOptions) -> DocumentStages:
    """One DocumentStages per worker process and options (its resources load once)."""
    return DocumentStages(options)


def _process_in_worker(raws: Sequence[RawRecord], options: StageOptions):
    return process_records(raws, _worker_stages(options))


class _executor:
    """Process batches inline (one worker) or in a pool, keeping input order.

    With a pool, up to ``2 * workers`` batches are in flight while the main
    process writes finished ones, so reading, processing and writing overlap.
    """

    def __init__(self, workers: int, stages: StageOptions) -> None:
        self.workers = max(1, workers)
        self.stages = stages
        self.pool = None

    def __enter__(self) -> Callable[[Iterable[_Batch]], Iterator[tuple]]:
        if self.workers > 1:
            import multiprocessing

            self.pool = multiprocessing.get_context("spawn").Pool(self.workers)
        return self._run

    def __exit__(self, *exc_info: object) -> None:
        if self.pool is not None:
            self.pool.terminate() if exc_info[0] else self.pool.close()
            self.pool.join()

    def _run(self, batches: Iterable[_Batch]) -> Iterator[tuple]:
        if self.pool is None:
            inline = DocumentStages(self.stages)
            for batch in batches:
                results, failures = process_records(batch.todo, inline)
                yield results, batch.failures + failures, batch.seen, batch.unchanged
            return
        pending: deque = deque()
        for batch in batches:
            pending.append((batch, self.pool.apply_async(_process_in_worker, (batch.todo, self.stages))))
            if len(pending) >= 2 * self.workers:
                yield self._finish(*pending.popleft())
        while pending:
            yield self._finish(*pending.popleft())

    @staticmethod
    def _finish(batch: _Batch, future) -> tuple:
        results, failures = future.get()
        return results, batch.failures + failures, batch.seen, batch.unchanged
