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


def main(argv: list[str] | None = None) -> int:
    from marsad.dedup import DedupParams

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help="override a DedupParams field (for tuning), e.g. --param rows=3")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    items = build(load_originals(args.data), args.seed)
    overrides = {k: type(getattr(DedupParams(), k))(v) for k, v in (p.split("=", 1) for p in args.param)}
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
