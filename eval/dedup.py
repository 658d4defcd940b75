"""Evaluate marsad's copy tier on real articles and their edited copies.

    python eval/dedup.py [--data ../shared/datasets/hrdsattack/train.json] [--seed 1] [--json]

Every article of the data set (title and ``<p>`` paragraphs of
``sample["Input.article_interface"]``) is stored as an original; then, in a
seeded random order, one edited copy of each article per edit kind (new
headline, footer added, a paragraph cut, two paragraphs swapped, 5-10% of the
words reworded).  ``link_articles`` runs over everything in batches of 200.

Printed: the share of copies whose copy group is their original's (goal >=
95%), per edit kind; pairs of originals put in one group, split into those
that are the same text in the data (word 3-shingle Jaccard >= 0.5: linking
them is right) and distinct originals (goal 0); copies put in a wrong group.

    python eval/dedup.py --story [--json]

The story tier instead: the originals of train and dev (with their
publication dates) are linked together, and every story link is checked
against ``STORY_LABELS``, pairs labelled by reading both articles (true when
both report the same event -- an incident, arrest, verdict or decision -- or
its immediate development as their main subject; a roundup, factbox or
explainer weeks later is false).  Then the invented English/Arabic articles of
``tests/dedup/story_samples.py``: each pair must be linked as a translation,
no same-topic article of another incident linked, and the roundup's links are
counted.  Each is run with the encoder, with anchors alone, and with the
anchor rule of the previous release (no time window, no union share).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

DEFAULT_DATA = REPO.parent / "shared" / "datasets" / "hrdsattack" / "train.json"
BATCH = 200
SAMPLES = REPO / "tests" / "dedup" / "story_samples.py"

# Story links labelled by reading both articles: "split:index" of HRDsAttack (articles with a body).
_SAME = ("train:85 train:24", "dev:72 train:210", "dev:69 train:295", "train:212 train:50", "train:221 train:143",
         "train:218 train:14", "train:100 train:41", "train:277 train:174", "train:223 train:119",
         "train:92 train:47", "train:114 train:92", "train:190 train:47", "train:190 train:114",
         "dev:72 train:138", "train:210 train:138", "dev:12 train:261", "train:243 train:160")
_NOT_SAME = ("dev:27 train:217", "train:232 train:122", "train:72 train:6", "dev:51 train:20", "dev:97 train:241",
             "dev:77 dev:46", "dev:57 train:147", "dev:97 train:135", "dev:78 dev:58", "train:21 train:11",
             "dev:16 train:11", "train:205 train:14", "train:218 train:205", "train:254 train:205", "dev:0 train:70",
             "dev:76 dev:0", "dev:36 train:36")
STORY_LABELS = {frozenset(p.split()): True for p in _SAME} | {frozenset(p.split()): False for p in _NOT_SAME}


def load_originals(path: Path) -> list[tuple[str, list[str]]]:
    from marsad.dedup.edits import read_hrdsattack

    return read_hrdsattack(path)


def build(originals, seed: int) -> list[tuple[str, int, tuple[str, list[str]]]]:
    """``(kind, original index, article)``: the originals, then their copies in a seeded order."""
    from marsad.dedup.edits import EDIT_KINDS, edited

    copies = [(kind, i, edited(a, kind, seed * 1_000_003 + i)) for i, a in enumerate(originals) for kind in EDIT_KINDS]
    random.Random(seed).shuffle(copies)
    return [("original", i, a) for i, a in enumerate(originals)] + copies


def run(items, params) -> tuple[dict[int, int], float]:
    """Store and link ``items``; returns ``position -> root position`` and the seconds spent linking."""
    from marsad.dedup import link_articles
    from marsad.dedup.edits import body_text
    from marsad.dedup.memory import add_articles, open_database

    conn = open_database()
    rids = add_articles(conn, [(a[0], body_text(a), None) for _, _, a in items])
    started = time.perf_counter()
    for start in range(0, len(rids), BATCH):
        conn.execute("BEGIN")
        link_articles(conn, rids[start : start + BATCH], params)
        conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    by_id = {aid: rid for rid, aid in conn.execute("SELECT rid, article_id FROM articles")}
    roots = {rid: by_id.get(dup, rid) if dup else rid for rid, dup in conn.execute("SELECT rid, duplicate_of FROM articles")}
    position = {rid: n for n, rid in enumerate(rids)}
    return {position[rid]: position[root] for rid, root in roots.items()}, seconds


def score(items, roots: dict[int, int]) -> dict:
    from marsad.dedup.edits import body_text
    from marsad.dedup.minhash import exact_jaccard

    origin_pos = {i: n for n, (kind, i, _) in enumerate(items) if kind == "original"}
    kinds: dict[str, list[int]] = {}
    wrong = 0
    for n, (kind, i, _) in enumerate(items):
        if kind == "original":
            continue
        ok = roots[n] == roots[origin_pos[i]]
        kinds.setdefault(kind, [0, 0])[0] += ok
        kinds[kind][1] += 1
        wrong += (not ok) and roots[n] != n
    groups: dict[int, list[int]] = {}
    for i, n in origin_pos.items():
        groups.setdefault(roots[n], []).append(i)
    same_text, distinct = [], []
    for members in groups.values():
        for a, b in itertools.combinations(sorted(members), 2):
            j = exact_jaccard(body_text(items[origin_pos[a]][2]), body_text(items[origin_pos[b]][2]))
            (same_text if j >= 0.5 else distinct).append((a, b, round(j, 3)))
    linked = sum(v[0] for v in kinds.values())
    total = sum(v[1] for v in kinds.values())
    return {
        "originals": len(origin_pos), "copies": total, "copies_linked": linked,
        "copy_recall": round(linked / total, 4) if total else 0.0,
        "per_kind": {k: {"linked": v[0], "total": v[1], "recall": round(v[0] / v[1], 4)} for k, v in sorted(kinds.items())},
        "copies_in_wrong_group": wrong,
        "original_pairs_same_text": len(same_text), "distinct_original_pairs_linked": len(distinct),
        "distinct_pairs": distinct[:20], "same_text_pairs": same_text[:20],
    }


def dated_originals(paths: list[tuple[str, Path]]) -> list[tuple[str, tuple[str, list[str]], str | None]]:
    """``(name, article, published)`` of each split's articles with a body, named ``split:index``."""
    from marsad.dedup.edits import article_from_interface

    found = []
    for split, path in paths:
        kept = 0
        for record in json.loads(path.read_text(encoding="utf-8")):
            sample = record.get("sample", record)
            article = article_from_interface(sample.get("Input.title") or "", sample.get("Input.article_interface") or "")
            if article[1]:
                found.append((f"{split}:{kept}", article, sample.get("Input.publish_date")))
                kept += 1
    return found


def story_links(items: list[tuple[str, str, str | None, str | None]], params) -> list[tuple[str, str, str, float]]:
    """Store ``(title, body, lang, published)`` items, link them; ``(later, earlier, tier, score)`` by position."""
    from marsad.dedup import link_articles
    from marsad.dedup.memory import add_articles, open_database

    conn = open_database()
    rids = add_articles(conn, items)
    for start in range(0, len(rids), BATCH):
        conn.execute("BEGIN")
        link_articles(conn, rids[start : start + BATCH], params)
        conn.execute("COMMIT")
    position = {aid: rids.index(rid) for rid, aid in conn.execute("SELECT rid, article_id FROM articles")}
    rows = conn.execute("SELECT article_id, other_id, tier, score FROM article_links WHERE tier != 'copy'")
    return sorted((position[a], position[b], tier, score) for a, b, tier, score in rows)


def story_modes():
    from marsad.dedup import DedupParams

    return {"encoder": DedupParams(story_encoder=True), "anchors": DedupParams(story_encoder=False),
            "previous": DedupParams(story_encoder=False, story_min_jaccard=0.0, story_max_days=1 << 30,
                                    translation_min_shared=4, translation_threshold=0.4)}


def score_story(data: Path) -> dict:
    """Labelled precision of the story tier on HRDsAttack train + dev, per mode."""
    from marsad.dedup.edits import body_text

    originals = dated_originals([("train", data.parent / "train.json"), ("dev", data.parent / "dev.json")])
    items = [(a[0], body_text(a), None, published) for _, a, published in originals]
    result = {}
    for mode, params in story_modes().items():
        links = story_links(items, params)
        named = [(originals[a][0], originals[b][0], tier, score) for a, b, tier, score in links]
        labels = [STORY_LABELS.get(frozenset((a, b))) for a, b, _, _ in named]
        right, wrong = labels.count(True), labels.count(False)
        result[mode] = {"links": len(named), "same_story": right, "not_same_story": wrong,
                        "unlabelled": [f"{a} {b} {tier} {score}" for (a, b, tier, score), l in zip(named, labels) if l is None],
                        "precision": round(right / (right + wrong), 3) if right + wrong else None,
                        "false": [f"{a} {b} {score}" for (a, b, _, score), l in zip(named, labels) if l is False]}
    return result


def score_samples() -> dict:
    """The invented English/Arabic pairs, same-topic articles and roundup, per mode, with and without dates."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("story_samples", SAMPLES)
    samples = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(samples)
    articles = [a for pair in samples.PAIRS for a in pair] + samples.DISTINCT + [samples.ROUNDUP]
    pairs = {frozenset((2 * i, 2 * i + 1)) for i in range(len(samples.PAIRS))}
    roundup = len(articles) - 1
    result = {}
    for mode, params in story_modes().items():
        for dated in (True, False):
            links = story_links([a if dated else (*a[:3], None) for a in articles], params)
            found = {frozenset((a, b)): tier for a, b, tier, _ in links}
            result[f"{mode}, {'dated' if dated else 'no dates'}"] = {
                "pairs_linked_as_translation": sum(found.get(p) == "translation" for p in pairs), "pairs": len(pairs),
                "other_links": sum(1 for p in found if p not in pairs and roundup not in p),
                "roundup_links": sum(1 for p in found if roundup in p),
            }
    return result


def main_story(args) -> int:
    if not args.data.is_file():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    result = {"hrdsattack": score_story(args.data), "invented": score_samples()}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for mode, r in result["hrdsattack"].items():
        print(f"{mode:9s} HRDsAttack train+dev: {r['links']} story links, {r['same_story']} same story, "
              f"{r['not_same_story']} not, {len(r['unlabelled'])} unlabelled; precision {r['precision']}")
        for line in r["unlabelled"]:
            print(f"  unlabelled: {line}")
    for mode, r in result["invented"].items():
        print(f"{mode:20s} invented: EN/AR pairs linked {r['pairs_linked_as_translation']}/{r['pairs']}, "
              f"other false links {r['other_links']}, roundup links {r['roundup_links']}")
    return 0




def main(argv: list[str] | None = None) -> int:
    from marsad.dedup import DedupParams

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--story", action="store_true", help="evaluate the story tier instead of the copy tier")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help="override a DedupParams field (for tuning), e.g. --param rows=3")
    args = parser.parse_args(argv)
    if args.story:
        return main_story(args)
    if not args.data.is_file():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    items = build(load_originals(args.data), args.seed)
    from marsad.dedup.params import param_overrides

    overrides = param_overrides(args.param)
    roots, seconds = run(items, DedupParams(**overrides))
    result = score(items, roots) | {"seconds": round(seconds, 2), "articles": len(items)}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['articles']} articles ({result['originals']} originals), linked in {seconds:.1f}s")
    print(f"copies linked to their original: {result['copies_linked']}/{result['copies']} = {result['copy_recall']:.1%}")
    for kind, v in result["per_kind"].items():
        print(f"  {kind:9s} {v['linked']:4d}/{v['total']:4d} = {v['recall']:.1%}")
    print(f"copies put in a wrong group: {result['copies_in_wrong_group']}")
    print(f"original pairs linked, same text in the data (Jaccard >= 0.5): {result['original_pairs_same_text']}")
    print(f"distinct original pairs linked (goal 0): {result['distinct_original_pairs_linked']}")
    for a, b, j in result["distinct_pairs"]:
        print(f"  originals {a} and {b}, exact Jaccard {j}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
