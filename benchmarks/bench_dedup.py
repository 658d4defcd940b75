"""Benchmark of marsad's near-duplicate detection at scale.

    python benchmarks/bench_dedup.py [--articles 100000] [--batch 1000] [--tiers copy|paragraph|all]
                                     [--copy-share 0.15] [--db PATH] [--reference 5000] [--progress] [--json]

Synthetic English articles (sentence templates over word lists; a share of
them near-copies of a recent article: new headline, footer, cut or swapped
paragraph, reworded words; a few background paragraphs recurring across
articles) are stored batch by batch into a temporary SQLite file, the way the
pipeline stores them, and ``link_articles`` runs on each batch in the same
transaction.  Only ``link_articles`` is timed (words and signatures, band
key inserts, the SQL join, verification, links), in wall time and in CPU time
of this process (the better figure on a shared machine; SQLite runs
in-process, so its work counts, but waiting on the disk does not).  Printed:
articles/s, candidate pairs per article, the bytes the dedup tables take per
article (from SQLite's dbstat, which counts the pages of each table and index
in the file; "copy tier" is dedup_keys + dedup_sigs, "story tier"
dedup_story + dedup_anchor_keys), the file size, and peak RSS (read when
linking ends).

The reference, timed afterwards in the same process on the first
``--reference`` articles: plain datasketch ``MinHash`` (128 permutations)
over each text's lower-cased word 3-shingles -- signatures only, no index --
and the ratio of ``link_articles``' articles per CPU second to it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from collections import deque
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

PLACES = ("Mosul", "Kirkuk", "Ramadi", "Fallujah", "Tikrit", "Samarra", "Baqubah", "Basra", "Hillah", "Najaf",
          "Karbala", "Erbil", "Sinjar", "Hawija", "Deir ez-Zor", "Raqqa", "Idlib", "Aleppo", "Homs", "Daraa")
GROUPS = ("an armed group", "unidentified gunmen", "a militia", "insurgents", "a local faction",
          "tribal fighters", "a breakaway unit", "an extremist cell")
TARGETS = ("a checkpoint", "a police station", "a market", "a convoy", "a village", "a power station",
           "an army patrol", "a mosque", "a school", "a bus carrying workers", "a tribal gathering")
WEAPONS = ("a roadside bomb", "mortar fire", "a car bomb", "rockets", "a drone", "small-arms fire",
           "an improvised explosive device", "a suicide bomber")
SOURCES = ("security sources", "a local official", "police", "witnesses", "a medical source",
           "the provincial council", "a military spokesman", "residents")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
VERBS = ("said", "told reporters", "confirmed", "reported", "added", "stated")
ADJ = ("heavy", "sporadic", "renewed", "intense", "brief", "deadly", "coordinated", "unexpected")
NOUNS = ("clashes", "shelling", "raids", "protests", "arrests", "evacuations", "negotiations", "curfews")
TEMPLATES = (
    "{weapon} struck {target} near {place} on {day}, killing {n} people and wounding {m} others, {source} {verb}.",
    "{source} {verb} that {group} attacked {target} in {place} late on {day}.",
    "The attack in {place} came after days of {adj} {nouns} in the surrounding district, {source} {verb}.",
    "No group immediately claimed responsibility, but {group} has been active around {place} for months.",
    "Authorities imposed a curfew in {place} and closed the roads leading to {target}.",
    "{n} of the wounded were taken to hospitals in {place}, where {source} {verb} some were in critical condition.",
    "Residents of {place} described {adj} {nouns} that lasted several hours before security forces arrived.",
    "The provincial governor called for calm and promised an investigation into the attack on {target}.",
    "{group} had threatened to target {target} in {place} in a statement released on {day}.",
    "Security forces launched a search operation in the villages east of {place} and detained {m} suspects.",
    "It was the {ordinal} such attack in {place} this month, according to figures compiled by {source}.",
    "Aid workers warned that {adj} {nouns} had forced hundreds of families to leave their homes near {place}.",
)
ORDINALS = ("second", "third", "fourth", "fifth", "sixth")
BACKGROUND = tuple(
    f"Tension in the province has been high since {g} seized control of several districts around {p} in {y}, "
    f"and the security forces have since carried out repeated operations against remaining cells in the area, "
    f"with {s} saying that sporadic attacks continue on roads and checkpoints."
    for g, p, y, s in zip(GROUPS * 3, PLACES[:24], range(2012, 2036), SOURCES * 3)
)


SYLLABLES = ("ka", "ri", "mo", "tan", "el", "bur", "sa", "din", "ho", "lu", "ver", "am", "qi", "zo", "net",
             "pa", "gor", "li", "shu", "ben", "da", "rok", "mi", "tel", "us", "fa", "wen", "jo", "sal", "ti")
FUNCTION_WORDS = ("the", "of", "in", "and", "to", "a", "on", "for", "that", "with", "was", "by", "at", "said")


def vocabulary(size: int = 40_000) -> tuple[str, ...]:
    """Pseudo-words of two to four syllables, the same list every time."""
    rng = random.Random(0)
    words = {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size * 2)}
    ordered = sorted(words)[:size]
    rng.shuffle(ordered)
    return tuple(ordered)


def sentence(rng: random.Random, vocab: tuple[str, ...], place: str, day: str) -> str:
    """A template sentence with a clause of Zipf-distributed content words, as news has."""
    frame = rng.choice(TEMPLATES).format(
        weapon=rng.choice(WEAPONS).capitalize(), target=rng.choice(TARGETS), place=place, day=day,
        n=rng.randint(2, 40), m=rng.randint(2, 60), source=rng.choice(SOURCES), verb=rng.choice(VERBS),
        group=rng.choice(GROUPS), adj=rng.choice(ADJ), nouns=rng.choice(NOUNS), ordinal=rng.choice(ORDINALS),
    )
    clause = []
    for _ in range(rng.randint(14, 26)):
        if rng.random() < 0.35:
            clause.append(rng.choice(FUNCTION_WORDS))
        else:
            clause.append(vocab[int(rng.random() ** 3 * len(vocab))])
    return f"{frame[:-1]}, {' '.join(clause)}."


def fresh_article(rng: random.Random, vocab: tuple[str, ...], n: int) -> tuple[str, list[str]]:
    place, day = rng.choice(PLACES), rng.choice(DAYS)
    paragraphs = [" ".join(sentence(rng, vocab, place, day) for _ in range(rng.randint(1, 2)))
                  for _ in range(rng.randint(5, 9))]
    if rng.random() < 0.3:
        paragraphs.insert(rng.randint(1, len(paragraphs)), rng.choice(BACKGROUND))
    return f"{rng.choice(WEAPONS).capitalize()} hits {rng.choice(TARGETS)} in {place} ({n})", paragraphs


def articles(count: int, copy_share: float, seed: int):
    """``(title, body)`` items; a share are edited copies of one of the last 2000 articles."""
    from marsad.dedup.edits import EDIT_KINDS, body_text, edited

    rng = random.Random(seed)
    vocab = vocabulary()
    recent: deque = deque(maxlen=2000)
    for n in range(count):
        if recent and rng.random() < copy_share:
            article = edited(rng.choice(recent), rng.choice(EDIT_KINDS), n)
        else:
            article = fresh_article(rng, vocab, n)
            recent.append(article)
        yield article[0], body_text(article)


def reference(texts: list[str]) -> dict[str, float]:
    """The reference, timed on ``texts`` in this process: plain datasketch MinHash (128 permutations)
    over the lower-cased word 3-shingles of each text, the way one would use the library directly."""
    import re

    from datasketch import MinHash

    word = re.compile(r"\w+")
    started = time.process_time()
    for text in texts:
        words = word.findall(text.lower())
        shingles = {" ".join(words[i : i + 3]).encode("utf-8") for i in range(max(1, len(words) - 2))}
        MinHash(num_perm=128, seed=1).update_batch(list(shingles))
    cpu = time.process_time() - started
    return {"reference_articles": len(texts), "reference_cpu_seconds": round(cpu, 2),
            "reference_articles_per_cpu_second": round(len(texts) / cpu, 1) if cpu else 0.0}


def table_bytes(conn) -> dict[str, int]:
    return {name: size for name, size in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name")}


def run(args) -> dict:
    from marsad.dedup import DedupParams
    from marsad.dedup.memory import open_database
    from marsad.dedup.params import param_overrides

    overrides = param_overrides(args.param)
    params = DedupParams(**{"paragraphs": args.tiers != "copy", "story": args.tiers == "all", **overrides})
    folder = tempfile.mkdtemp(prefix="bench-dedup-")
    path = args.db or os.path.join(folder, "bench.db")
    conn = open_database(path)
    conn.execute(f"PRAGMA cache_size = -{args.cache_mb * 1024}")
    sample: list[str] = []
    done, linking, cpu, found = link_all(conn, args, params, sample)
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    sizes = table_bytes(conn)
    conn.close()
    dedup_names = ("dedup_", "paragraphs", "article_links", "sqlite_autoindex_paragraphs", "sqlite_autoindex_article_links",
                   "articles_duplicate_of")
    per = {name: round(size / done, 1) for name, size in sorted(sizes.items()) if name.startswith(dedup_names)}
    copy_tier = sum(v for k, v in per.items() if k in ("dedup_keys", "dedup_sigs"))
    story_tier = sum(v for k, v in per.items() if k in ("dedup_story", "dedup_anchor_keys"))
    result = {
        "articles": done, "batch": args.batch, "tiers": args.tiers, "copy_share": args.copy_share,
        "params": args.param,
        "link_seconds": round(linking, 2), "articles_per_second": round(done / linking, 1),
        "link_cpu_seconds": round(cpu, 2), "articles_per_cpu_second": round(done / cpu, 1),
        "load_average": os.getloadavg()[0],
        "dedup_bytes_per_article": round(sum(per.values()), 1), "copy_tier_bytes_per_article": round(copy_tier, 1),
        "story_tier_bytes_per_article": round(story_tier, 1),
        "bytes_per_article_by_table": per, "file_bytes": os.path.getsize(path),
        "peak_rss_mb": round(peak_rss, 1), **found,
    }
    result.update(reference(sample) if sample else {})
    if result.get("reference_articles_per_cpu_second"):
        result["ratio_to_reference"] = round(result["articles_per_cpu_second"] / result["reference_articles_per_cpu_second"], 2)
    if not args.db:
        for name in os.listdir(folder):
            os.remove(os.path.join(folder, name))
        os.rmdir(folder)
    return result


def link_all(conn, args, params, sample: list[str]) -> tuple[int, float, float, dict[str, int]]:
    """Store and link the articles batch by batch; returns the count, wall and CPU seconds, and findings.

    The bodies of the first ``args.reference`` articles are kept in ``sample`` for the reference."""
    from marsad.dedup import link_articles
    from marsad.dedup.memory import add_articles

    linking = cpu = 0.0
    found = {"candidates": 0, "copies": 0, "paragraph_repeats": 0, "story_links": 0, "translation_links": 0}
    stream = articles(args.articles, args.copy_share, args.seed)
    done, begun, last = 0, time.perf_counter(), (0, 0.0)
    while done < args.articles and time.perf_counter() - begun < args.max_seconds:
        batch = [(title, body, "en") for _, (title, body) in zip(range(args.batch), stream)]
        sample.extend(body for _, body, _ in batch[: max(0, args.reference - len(sample))])
        conn.execute("BEGIN IMMEDIATE")
        rids = add_articles(conn, batch)
        started, started_cpu = time.perf_counter(), time.process_time()
        outcome = link_articles(conn, rids, params)
        linking += time.perf_counter() - started
        cpu += time.process_time() - started_cpu
        conn.execute("COMMIT")
        done += len(batch)
        for key in found:
            found[key] += getattr(outcome, key)
        if args.progress and done % (args.batch * 50) == 0:
            rate = (done - last[0]) / (cpu - last[1])
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{done} articles: {done / linking:.0f}/s wall overall, {rate:.0f}/CPU-s for the last "
                  f"{done - last[0]}, {found['candidates'] / done:.2f} candidates/article so far, peak RSS {rss:.0f} MB",
                  file=sys.stderr, flush=True)
            last = (done, cpu)
    return done, linking, cpu, found




def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--tiers", choices=("copy", "paragraph", "all"), default="all")
    parser.add_argument("--copy-share", type=float, default=0.15)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", help="keep the database at this path")
    parser.add_argument("--progress", action="store_true")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help="override a DedupParams field, e.g. --param rows=4")
    parser.add_argument("--cache-mb", type=int, default=256, help="SQLite page cache (default 256 MB)")
    parser.add_argument("--max-seconds", type=float, default=float("inf"),
                        help="stop after this many seconds and report the articles done")
    parser.add_argument("--reference", type=int, default=5000,
                        help="time the reference (datasketch MinHash) on this many of the articles (0: skip)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(args)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['articles']} articles, tiers={result['tiers']}: {result['articles_per_second']:.0f} articles/s wall, "
          f"{result['articles_per_cpu_second']:.0f} per CPU second ({result['link_seconds']:.1f}s wall, "
          f"{result['link_cpu_seconds']:.1f}s CPU in link_articles; load average {result['load_average']:.1f})")
    print(f"dedup tables: {result['dedup_bytes_per_article']:.0f} bytes/article "
          f"(copy tier {result['copy_tier_bytes_per_article']:.0f}); file {result['file_bytes'] / 1e6:.1f} MB")
    for name, size in result["bytes_per_article_by_table"].items():
        print(f"  {name:32s} {size:8.1f}")
    print(f"found: {result['copies']} copies, {result['paragraph_repeats']} paragraph repeats, "
          f"{result['story_links']} story links; peak RSS {result['peak_rss_mb']:.0f} MB")
    if "ratio_to_reference" in result:
        print(f"reference (datasketch MinHash, 128 permutations, {result['reference_articles']} of the articles): "
              f"{result['reference_articles_per_cpu_second']:.0f} per CPU second; link_articles / reference = "
              f"{result['ratio_to_reference']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
