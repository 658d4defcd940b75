"""Evaluate marsad's geoparser on LGL and GeoVirus (end to end and on gold spans).

    .venv/bin/python eval/geoparse.py [--corpus lgl|geovirus|both] [--limit N] [--json] [--no-demonyms]
                                      [--errors N]

Metrics, over the gold toponyms that have coordinates:
  detection P/R   a predicted mention is right when it overlaps a gold span (precision over predictions,
                  recall over gold);
  acc@161         end to end: a gold toponym counts right when an overlapping prediction lies within 161 km;
  exact id        LGL only: the overlapping prediction has the gold GeoNames id;
  median km       error of the overlapping predictions that were resolved;
  arts/s          articles recognised and resolved per CPU second (process time, one core);
  gold-span acc   resolution alone: each gold span is resolved in its article's context (the gold spans of
                  the article are passed to the resolver as the mentions) and scored at 161 km.
LGL annotates demonyms ("Iraqi") and places inside organisation names ("Ohio State University") as
toponyms, so demonym and org mentions count as predictions there unless --no-demonyms is given;
GeoVirus annotates neither and is scored on place mentions only.
--errors N prints, per corpus, the N worst resolution errors (gold toponyms whose overlapping prediction lies
more than 161 km away), the most frequent missed gold names and the most frequent unmatched predictions.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

DATA = Path("/work/shared/datasets/geoparsing")


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    lat: float
    lon: float
    geonameid: int | None


@dataclass(frozen=True)
class Doc:
    text: str
    gold: tuple[Gold, ...]


def load_lgl(path: Path) -> list[Doc]:
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        gold = []
        for top in art.iter("toponym"):
            tag = top.find("gaztag")
            if tag is None or tag.findtext("lat") is None:
                continue
            gold.append(Gold(int(top.findtext("start")), int(top.findtext("end")), float(tag.findtext("lat")),
                             float(tag.findtext("lon")), int(tag.get("geonameid"))))
        docs.append(Doc(art.findtext("text") or "", tuple(gold)))
    return docs


def load_geovirus(path: Path) -> list[Doc]:
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for loc in art.iter("location"):
            start, end, name = int(loc.findtext("start")), int(loc.findtext("end")), loc.findtext("name") or ""
            for shift in (0, -1, 1, -2, 2):  # the published offsets are one character off
                if text[start + shift:end + shift] == name:
                    start, end = start + shift, end + shift
                    break
            gold.append(Gold(start, end, float(loc.findtext("lat")), float(loc.findtext("lon")), None))
        docs.append(Doc(text, tuple(gold)))
    return docs


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def gold_span_resolution(gaz, doc: Doc) -> list[float | None]:
    """Error (km) of resolving each gold span in context, None when the span is not in the gazetteer."""
    import numpy as np

    from marsad.places.aliases import name_key
    from marsad.places.gazetteer import key_hash
    from marsad.places.recognize import Mention
    from marsad.places.resolve import resolve

    mentions, owners = [], []
    for n, g in enumerate(doc.gold):
        found = int(gaz.find(np.array([key_hash(name_key(doc.text[g.start:g.end]))], dtype=np.uint64))[0])
        if found >= 0:
            mentions.append(Mention(g.start, g.end, doc.text[g.start:g.end], found, "place", None, 0.9, 0))
            owners.append(n)
    errors: list[float | None] = [None] * len(doc.gold)
    for n, res in zip(owners, resolve(gaz, mentions)):
        if res.index >= 0:
            g = doc.gold[n]
            errors[n] = km(g.lat, g.lon, float(gaz.lat[res.index]), float(gaz.lon[res.index]))
    return errors


@dataclass
class Misses:
    """What went wrong, for --errors: (km, gold text, predicted name, country, gold lat/lon, context)."""

    wrong: list[tuple[float, str, str, str, str, str]]
    missed: dict[str, int]
    spurious: dict[str, int]

    def note_spurious(self, doc: Doc, preds: list) -> None:
        for p in preds:
            if not any(p.start < g.end and g.start < p.end for g in doc.gold):
                self.spurious[p.text] = self.spurious.get(p.text, 0) + 1

    def note_missed(self, doc: Doc, g: Gold) -> None:
        word = doc.text[g.start:g.end]
        self.missed[word] = self.missed.get(word, 0) + 1

    def note_wrong(self, doc: Doc, g: Gold, p, err: float) -> None:
        context = " ".join(doc.text[max(0, g.start - 50):g.end + 30].split())
        self.wrong.append((err, doc.text[g.start:g.end], f"{p.name} ({p.admin1})", p.country or "",
                           f"{g.lat:.2f},{g.lon:.2f}", context))


def evaluate(name: str, docs: list[Doc], parser, demonyms: bool, misses: Misses | None = None) -> dict[str, float]:
    kinds = {"place", "demonym", "org"} if demonyms else {"place"}
    n_pred = n_pred_ok = n_gold = n_found = n_161 = n_exact = 0
    errors: list[float] = []
    span_ok = span_total = 0
    seconds = 0.0
    for doc in docs:
        started = time.process_time()  # CPU time of this process: one core, whatever else the machine runs
        preds = [p for p in parser.parse(doc.text) if p.kind in kinds]
        seconds += time.process_time() - started
        n_pred += len(preds)
        n_pred_ok += sum(any(p.start < g.end and g.start < p.end for g in doc.gold) for p in preds)
        if misses is not None:
            misses.note_spurious(doc, preds)
        for g in doc.gold:
            n_gold += 1
            hits = [p for p in preds if p.start < g.end and g.start < p.end]
            if not hits and misses is not None:
                misses.note_missed(doc, g)
            n_found += bool(hits)
            resolved = [p for p in hits if p.latitude is not None]
            if not resolved:
                continue
            err, best = min((km(g.lat, g.lon, p.latitude, p.longitude), n) for n, p in enumerate(resolved))
            if misses is not None and err > 161:
                misses.note_wrong(doc, g, resolved[best], err)
            errors.append(err)
            n_161 += err <= 161
            n_exact += g.geonameid is not None and any(p.geonameid == g.geonameid for p in resolved)
        for err in gold_span_resolution(parser.gazetteer, doc):
            span_total += 1
            span_ok += err is not None and err <= 161
    has_ids = any(g.geonameid for d in docs for g in d.gold)
    return {
        "corpus": name, "articles": len(docs), "gold": n_gold, "predicted": n_pred,
        "precision": n_pred_ok / n_pred if n_pred else 0.0, "recall": n_found / n_gold if n_gold else 0.0,
        "acc161": n_161 / n_gold if n_gold else 0.0,
        "exact_id": (n_exact / n_gold if n_gold else 0.0) if has_ids else None,
        "median_km": statistics.median(errors) if errors else None,
        "gold_span_acc161": span_ok / span_total if span_total else 0.0,
        "articles_per_s": len(docs) / seconds if seconds else 0.0,
    }


def print_misses(name: str, misses: Misses, n: int) -> None:
    print(f"== {name}: {len(misses.wrong)} resolved more than 161 km away; the worst {n}:")
    for err, text, pred, country, gold, context in sorted(misses.wrong, reverse=True)[:n]:
        print(f"{err:8.0f} km  {text!r} -> {pred} {country}  gold {gold}  | {context}")
    for title, counts in (("missed gold", misses.missed), ("unmatched predictions", misses.spurious)):
        top = sorted(counts.items(), key=lambda kv: -kv[1])[:n]
        print(f"== {name}: {title} ({sum(counts.values())}): " + ", ".join(f"{k}×{v}" for k, v in top))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=["lgl", "geovirus", "both"], default="both")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-demonyms", action="store_true", help="do not count demonym mentions on LGL")
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--errors", type=int, default=0, help="print the N worst errors per corpus")
    args = ap.parse_args(argv)

    from marsad.places import Gazetteer, Geoparser

    started = time.perf_counter()
    gaz = Gazetteer.load()
    load_s = time.perf_counter() - started
    parser = Geoparser(gaz)
    results = []
    for name in (["lgl", "geovirus"] if args.corpus == "both" else [args.corpus]):
        docs = load_lgl(args.data / "lgl.xml") if name == "lgl" else load_geovirus(args.data / "GeoVirus.xml")
        if args.limit:
            docs = docs[: args.limit]
        misses = Misses([], {}, {}) if args.errors else None
        results.append(evaluate(name, docs, parser, demonyms=name == "lgl" and not args.no_demonyms, misses=misses))
        if misses is not None:
            print_misses(name, misses, args.errors)
    if args.json:
        print(json.dumps({"gazetteer_load_s": load_s, "results": results}, indent=2))
        return 0
    print(f"gazetteer load: {load_s:.2f}s ({len(gaz)} places)")
    header = f"{'corpus':9} {'arts':>5} {'gold':>5} {'P':>6} {'R':>6} {'acc@161':>8} {'exact':>6} {'med km':>7} " \
             f"{'gold-span':>9} {'arts/s':>7}"
    print(header)
    for r in results:
        exact = f"{r['exact_id']:.3f}" if r["exact_id"] is not None else "  -  "
        med = f"{r['median_km']:.1f}" if r["median_km"] is not None else "-"
        print(f"{r['corpus']:9} {r['articles']:>5} {r['gold']:>5} {r['precision']:6.3f} {r['recall']:6.3f} "
              f"{r['acc161']:8.3f} {exact:>6} {med:>7} {r['gold_span_acc161']:9.3f} {r['articles_per_s']:7.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
