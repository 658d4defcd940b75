"""Score whole page dumps the way an outside evaluation runs marsad: `marsad run` on a folder of
pages, then `marsad export` of the articles and mentions tables.

    .venv/bin/python eval/pages.py [--gold eval/gold/pages_dev.json] [--json] [--misses]

The gold (eval/gold/pages_dev.json with the pages in eval/gold/pages_dev/) was written blind in
session 17 by a writer who saw no code, no rule and no other gold set: invented, seed-like page
dumps (menus, teasers, bylines, several articles to a page, English and Arabic, dates written in
many ways), each article with its lead event (or none: vows, threats, analysis), the sentences
that are statements and must not become events, and the past events told as background.

Two tolls the writer flagged as uncertain were set to the later, updated figure (ACLED replaces
a toll by its update; the lowest figure is for conflicting reports): "Insurgents kill at least nine
rice farmers near Mafa" 14, "ارتفاع حصيلة اشتباكات طرابلس إلى 12 قتيلاً" 12.  First score (commit
cb0dc35, before any rule was written from this set): segmented 98.5, lead found 98.1, no-event
kept 41.7, sub-type 88.7, date 86.8, country 90.6, admin1 83.0, location 77.4, fatalities 81.1,
status 73.6, claimed_by 90.6, statements kept 90.6, background 45.5 (the first 12 articles were
read before that score was taken, while the set was being written).

A second blind set, eval/gold/pages_dev2.json (20 pages, 58 articles, 26 of them Arabic, 12 with no
event, one story reposted by two outlets), was written in session 18 the same way, by a writer who
saw no code and no other gold set.  First score, before any rule was written from it (the rules of
commit e53928d plus two pages_dev fixes, "بأي" and "captured X, a town"): segmented 96.6, lead found
93.5, no-event kept 50.0, sub-type 76.7, date 86.0, country 97.7, admin1 95.3, location 90.7,
fatalities 76.7, status 69.8, claimed_by 79.1, statements kept 88.2, background 35.3.

Each gold article is found among ours by its headline: the article of the same page whose span
holds the headline's first character ("segmented" when that article's title is the headline).
Scored:

  segmented        gold headlines that open an article of ours
  lead found       gold leads for which our article has a lead mention
  no-event kept    gold articles with no event for which our article has no lead
  sub-type         our lead's ACLED sub-type is the gold's (or one it accepts)
  date / country / admin1 (the geoparser may read the gold's name as ours: "Rural Damascus" is
                   Rif Dimashq) / location (within 30 km of the gold's coordinates)
  fatalities / status / claimed_by
                   over the gold leads we found (claimed_by: the names agree loosely or the actor
                   dictionary resolves one of the gold's aliases to ours; both empty also agree)
  statements kept  statement sentences that no mention of ours covers
  background       background sentences covered by a mention of ours flagged background whose
                   date has the gold's year
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parent
DEFAULT_GOLD = ROOT / "gold" / "pages_dev.json"
NEAR_KM = 30.0
FIELDS = ("sub_type", "date", "country", "admin1", "location", "fatalities", "status", "claimed_by")


def _marsad() -> str:
    return str(Path(sys.executable).with_name("marsad"))


def _export(db: Path, table: str) -> list[dict]:
    out = subprocess.run([_marsad(), "export", "--db", str(db), "--table", table], check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def run_marsad(pages: Path) -> tuple[list[dict], list[dict]]:
    """`marsad run PAGES --db TMP`, then the articles and mentions tables."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "pages.db"
        subprocess.run([_marsad(), "run", str(pages), "--db", str(db)], check=True, capture_output=True, text=True)
        return _export(db, "articles"), _export(db, "mentions")


def _fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return " ".join(text.replace("-", " ").replace("'", "").split())


def same_place_name(ours: str | None, gold: str | None) -> bool:
    from rapidfuzz import fuzz

    a, b = _fold(ours), _fold(gold)
    return bool(a and b) and (a == b or fuzz.token_set_ratio(a, b) >= 85)


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def same_claimant(gold: list[str] | None, ours: str | None, recognizer: object) -> bool:
    """Both empty, or one of the gold's names agrees loosely with ours or resolves to it."""
    from rapidfuzz import fuzz

    if not gold or not ours:
        return not gold and not ours
    for name in gold:
        if fuzz.token_set_ratio(name.lower(), ours.lower()) >= 80:
            return True
        canon = {match.canonical for match in recognizer.find(name) if match.canonical}  # type: ignore[attr-defined]
        if ours in canon:
            return True
    return False


def _covers(mention: dict, start: int, end: int) -> bool:
    return mention["char_start"] < end and start < mention["char_end"]


def _our_article(articles: list[dict], at: int) -> dict | None:
    inside = [a for a in articles if a["char_start"] <= at < a["char_end"]]
    return min(inside, key=lambda a: a["char_end"] - a["char_start"]) if inside else None


def same_admin1(ours: str | None, gold: str | None, geoparser: object) -> bool:
    """The admin-1 names agree loosely, or the geoparser reads the gold's name ("Rural Damascus",
    "Saada") as our GeoNames unit ("Rif Dimashq", "Saʻdah")."""
    if same_place_name(ours, gold):
        return True
    read = {place.admin1 for text in (gold or "", f"in {gold} province") for place in geoparser.parse(text)}  # type: ignore[attr-defined]
    return bool(ours) and ours in read


def judge_lead(gold: dict, lead: dict, recognizer: object, geoparser: object) -> dict[str, bool]:
    """The field verdicts of one found lead."""
    accepted = {gold["sub_event_type"], *(gold.get("accept") or [])}
    near = None
    if gold.get("lat") is not None and lead.get("latitude") is not None:
        near = km_between(gold["lat"], gold["lon"], lead["latitude"], lead["longitude"]) <= NEAR_KM
    verdict = {
        "sub_type": lead["sub_event_type"] in accepted,
        "date": gold.get("date") is None or lead.get("date") == gold["date"],
        "country": lead.get("country") == gold.get("country"),
        "admin1": gold.get("admin1") is None or same_admin1(lead.get("admin1"), gold["admin1"], geoparser),
        "location": gold.get("location") is None or bool(near) or same_place_name(lead.get("location"), gold["location"]),
        "fatalities": (lead.get("fatalities") or 0) == (gold.get("fatalities") or 0),
        "status": lead.get("status") == gold.get("status"),
        "claimed_by": same_claimant(gold.get("claimed_by"), lead.get("claimed_by"), recognizer),
    }
    return verdict


def judge_article(gold: dict, page_text: str, articles: list[dict], mentions: list[dict], recognizer: object,
                  geoparser: object) -> dict:
    """Every verdict on one gold article."""
    at = page_text.find(gold["title"])
    ours = _our_article(articles, at) if at >= 0 else None
    mine = [m for m in mentions if ours is not None and m["article_id"] == ours["article_id"]]
    lead = next((m for m in mine if m.get("lead")), None)
    verdict: dict = {"page": gold["page"], "title": gold["title"][:70], "lang": gold.get("lang"),
                     "segmented": ours is not None and _fold(ours.get("title")) == _fold(gold["title"])}
    if gold.get("lead") is None:
        verdict["no_event_kept"] = lead is None
    else:
        verdict["lead_found"] = lead is not None
        if lead is not None:
            verdict["fields"] = judge_lead(gold["lead"], lead, recognizer, geoparser)
            verdict["ours"] = {k: lead.get(k) for k in ("sub_event_type", "date", "country", "admin1", "location",
                                                        "fatalities", "status", "claimed_by")}
    page_mentions = [m for m in mentions if ours is not None and m["doc_id"] == ours["doc_id"]]
    verdict["statements"] = []
    for sentence in gold.get("statements") or []:
        start = page_text.find(sentence)
        if start >= 0:
            verdict["statements"].append(not any(_covers(m, start, start + len(sentence)) for m in page_mentions))
    verdict["background"] = []
    for told in gold.get("background") or []:
        start = page_text.find(told["text"])
        if start >= 0:
            year = str(told.get("date") or "")[:4]
            hits = [m for m in page_mentions if _covers(m, start, start + len(told["text"]))]
            verdict["background"].append(any(m.get("background") and str(m.get("date") or "")[:4] == year for m in hits))
    return verdict


def _share(values: list[bool]) -> tuple[int, int, float]:
    right = sum(values)
    return right, len(values), round(100 * right / len(values), 1) if values else 0.0


def summarise(verdicts: list[dict]) -> dict:
    rows: dict[str, list[bool]] = defaultdict(list)
    for v in verdicts:
        rows["segmented"].append(v["segmented"])
        if "no_event_kept" in v:
            rows["no-event kept"].append(v["no_event_kept"])
        if "lead_found" in v:
            rows["lead found"].append(v["lead_found"])
        for name, ok in (v.get("fields") or {}).items():
            rows[name].append(ok)
        rows["statements kept"].extend(v["statements"])
        rows["background"].extend(v["background"])
    order = ["segmented", "lead found", "no-event kept", *FIELDS, "statements kept", "background"]
    return {name: _share(rows[name]) for name in order if name in rows}


def run(gold_path: Path) -> dict:
    from marsad.actors import ActorDictionary, ActorRecognizer
    from marsad.places import Geoparser

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pages = gold_path.with_suffix("")  # eval/gold/pages_dev.json -> eval/gold/pages_dev/
    articles, mentions = run_marsad(pages)
    by_page: dict[str, list[dict]] = defaultdict(list)
    for article in articles:
        by_page[Path(article["doc_id"]).name].append(article)
    recognizer = ActorRecognizer(ActorDictionary.load(), use_ner=False)
    geoparser = Geoparser()
    verdicts = []
    for item in gold["articles"]:
        text = (pages / item["page"]).read_text(encoding="utf-8")
        ours = by_page.get(item["page"], [])
        ids = {a["article_id"] for a in ours}
        verdicts.append(judge_article(item, text, ours, [m for m in mentions if m["article_id"] in ids], recognizer, geoparser))
    report = {"gold": str(gold_path), "articles": len(verdicts), "all": summarise(verdicts)}
    for lang in ("en", "ar"):
        report[lang] = summarise([v for v in verdicts if v.get("lang") == lang])
    report["verdicts"] = verdicts
    return report


def show(report: dict, misses: bool) -> None:
    print(f"{report['gold']}: {report['articles']} articles")
    print(f"{'':18}{'all':>16}{'en':>16}{'ar':>16}")
    for name, (right, total, share) in report["all"].items():
        cells = [f"{right}/{total} {share:5.1f}"]
        for lang in ("en", "ar"):
            r, t, s = report[lang].get(name, (0, 0, 0.0))
            cells.append(f"{r}/{t} {s:5.1f}")
        print(f"{name:18}" + "".join(f"{c:>16}" for c in cells))
    if misses:
        for v in report["verdicts"]:
            wrong = [k for k, ok in (v.get("fields") or {}).items() if not ok]
            if not v["segmented"] or not v.get("lead_found", True) or not v.get("no_event_kept", True) or wrong \
                    or not all(v["statements"]) or not all(v["background"]):
                print(json.dumps({k: v[k] for k in v if k != "fields"} | {"wrong": wrong}, ensure_ascii=False))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args(argv)
    report = run(args.gold)
    if args.json:
        print(json.dumps({k: v for k, v in report.items() if k != "verdicts"}, ensure_ascii=False, indent=1))
    else:
        show(report, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
