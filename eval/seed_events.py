"""Score the events stage against the hand annotation of seed sentences.

    .venv/bin/python eval/seed_events.py [--seeds DIR] [--gold FILE] [--json]

Each gold sentence (a span of a seed page) is either an event, with the ACLED
sub-event type(s) accepted, the background flag and the mention status, or a
*statement* (a vow, threat, plan, negation, habit: no event may be stored).
An event sentence is found when a mention overlaps its span; scored: event
recall with the right sub-type, statements kept out, background flags and
statuses right (over found event sentences).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from marsad.events import EventExtractor  # noqa: E402
from marsad.ids import content_digest  # noqa: E402
from marsad.models import DocKind, Document, EventMention  # noqa: E402
from marsad.segment import segment_document  # noqa: E402

DEFAULT_SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
DEFAULT_GOLD = REPO / "eval" / "gold" / "seed_events.json"


def _mentions(path: Path) -> list[EventMention]:
    text = path.read_text(encoding="utf-8")
    doc = Document(doc_id=path.name, kind=DocKind.PAGE, origin=str(path), text=text, content_sha=content_digest(text))
    articles = segment_document(doc)
    toponyms, actors = (), ()
    try:
        from marsad.places import Geoparser  # type: ignore[attr-defined]

        toponyms = Geoparser().toponyms(doc, articles)
    except Exception:  # noqa: BLE001 - optional stage
        pass
    try:
        from marsad.actors import ActorRecognizer

        actors = ActorRecognizer(use_ner=False).mentions(doc, articles)
    except Exception:  # noqa: BLE001
        pass
    return list(EventExtractor().extract(doc, articles, toponyms, actors)[0])


def score(seeds: Path, gold: list[dict]) -> dict:
    cache: dict[str, list[EventMention]] = {}
    rows = []
    for item in gold:
        path = seeds / item["page"]
        if not path.exists():
            continue
        mentions = cache.setdefault(item["page"], _mentions(path))
        over = [m for m in mentions if m.char_start < item["end"] and item["start"] < m.char_end]
        accepted = item["label"].split("|")
        if item["label"] == "statement":
            rows.append({"kind": "statement", "page": item["page"], "start": item["start"], "label": "statement",
                         "got": over[0].sub_event_type if over else None, "ok": not over})
            continue
        best = next((m for m in over if m.sub_event_type in accepted), over[0] if over else None)
        rows.append({
            "kind": "event", "page": item["page"], "start": item["start"], "label": item["label"],
            "got": best.sub_event_type if best else None,
            "found": best is not None, "ok": best is not None and best.sub_event_type in accepted,
            "background_ok": best is not None and best.background == item["background"],
            "status_ok": best is not None and best.status.value == item["status"],
        })
    events = [r for r in rows if r["kind"] == "event"]
    statements = [r for r in rows if r["kind"] == "statement"]
    found = [r for r in events if r["found"]]
    share = lambda part, whole: round(len(part) / len(whole), 3) if whole else None  # noqa: E731
    return {
        "event_sentences": len(events), "found": share(found, events),
        "sub_type_right": share([r for r in events if r["ok"]], events),
        "statements": len(statements), "statements_kept_out": share([r for r in statements if r["ok"]], statements),
        "background_right": share([r for r in found if r["background_ok"]], found),
        "status_right": share([r for r in found if r["status_ok"]], found),
        "misses": [{k: r[k] for k in ("page", "start", "label", "got")} for r in rows if not r["ok"]],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))["sentences"]
    result = score(args.seeds, gold)
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    for miss in result.pop("misses"):
        print(f"miss: {miss['page']} @{miss['start']}: want {miss['label']}, got {miss['got']}")
    for key, value in result.items():
        shown = f"{100 * value:.1f}%" if isinstance(value, float) else value
        print(f"{key:<22}{shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
