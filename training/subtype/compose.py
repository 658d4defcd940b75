"""Write notes_en.jsonl and notes_ar.jsonl from our templates and hand-written notes.

    .venv/bin/python training/subtype/compose.py

Deterministic (fixed seed): the same templates give the same files.  Each
line is {"text", "sub_event_type", "group"}; ``sub_event_type`` is ``null``
for the ``none`` class (not an event) and ``group`` names the template or
hand-written note the line came from, so cross-validation can keep a
template's fills on one side of a fold.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path
from typing import Iterator

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from hand_ar import HAND_AR  # noqa: E402
from hand_ar2 import HAND_AR2  # noqa: E402
from hand_ar3 import HAND_AR3  # noqa: E402
from hand_en import HAND  # noqa: E402
from hand_en2 import HAND2  # noqa: E402
from hand_en3 import HAND_EN3  # noqa: E402
from templates_ar import TEMPLATES_AR  # noqa: E402
from templates_ar2 import ACTS_AR, DONE_AR, MODAL_FRAMES_AR, MORE_AR  # noqa: E402
from templates_en import BATTLES, PROTESTS, REMOTE, STRATEGIC, VAC  # noqa: E402
from templates_en2 import ACTS, DONE, MODAL_FRAMES, MORE, MORE_NONE, NONE  # noqa: E402
from world_ar import COUNTRIES_AR, GENERIC_AR  # noqa: E402
from world_en import COUNTRIES, GENERIC  # noqa: E402

SEED = 20240601
EN_PER_CLASS = 90  # template fills per sub-type (hand-written notes come on top)
EN_NONE = 240
AR_PER_CLASS = 26
AR_NONE = 70
EN_MODAL = 130  # vows, threats, denials around an act
AR_MODAL = 35
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Sunday night",
        "Tuesday morning", "Friday evening"]
WEEKDAYS = DAYS[:7]
MONTHS_AR = ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيو",
             "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
             "كانون الأول/ديسمبر"]
# ACLED note habits put around an "N|" fill: how the date is given, the closing line on fatalities,
# the tags, and the label-like prefixes of some Strategic developments notes.
OPENINGS = [  # (cumulative probability, format); {date}, {weekday}
    (0.45, "On {date}, "), (0.51, "On the night of {date}, "), (0.56, "Around {date}, "),
    (0.62, "Around {date} (month of), "), (0.66, "On {weekday} ({date}), "), (0.69, "On {weekday}, "),
    (0.72, "On or around {date}, "),
]
CODED = ["Fatalities coded as {k}.", "{k} fatalities.", "No fatalities reported.", "Fatalities unknown.",
         "Number of fatalities unknown, coded as {k}.", "Casualties unknown."]
WOMEN = ["[women targeted: girls]", "[women targeted: candidates for political office]",
         "[women targeted: relatives of targeted groups or persons]", "[women targeted: accused of witchcraft]"]
LABEL_PREFIX = {  # sub-type -> ((words in the note that pick a prefix, prefix), ...); the last is the default
    "Looting/property destruction": ((("loot", "plunder", "ransack", "stole", "steal", "carting off"), "Looting: "),
                                     ((), "Property destruction: ")),
    "Disrupted weapons use": ((("defus", "dismantl", "neutralis", "disabl", "safely"), "Defusal: "),
                              (("seiz", "cache", "confiscat", "found", "recover"), "Weapons seizure: "),
                              ((), "")),
}
NUMBERS = ["2", "3", "4", "5", "6", "7", "8", "9", "11", "12", "15", "two", "three", "four", "five", "six",
           "at least 3", "at least 10"]
CROWDS = ["30", "50", "100", "150", "200", "300", "500", "1,000", "2,000"]
SUFFIXES = {
    "battle": ["{n} fighters were killed.", "Fatalities are unknown.", "Several fighters were wounded.",
               "Casualties on both sides are unknown.", "{n} fatalities were reported."],
    "remote": ["{n} civilians were killed.", "Material damage only.", "No casualties were reported.",
               "{n} people were injured.", "Fatalities unknown.", "A child was among the dead."],
    "vac": ["The motive is unknown.", "No group claimed responsibility.", "The victim died on the spot.",
            "Fatalities unknown.", "The perpetrators fled."],
    "abduction": ["Their whereabouts remain unknown.", "No group claimed responsibility.",
                  "The victims have not been released."],
    "protest": ["[size=around {n_big}]", "[size=dozens]", "[size=no report]", "[size=hundreds]"],
    "riot": ["{n} people were injured.", "[size=hundreds]", "Several police officers were injured.", "Fatalities unknown."],
    "sd": ["No further details were reported.", "The report could not be independently verified.",
           "No casualties were reported."],
}
FAMILY = {
    "Armed clash": "battle", "Government regains territory": "battle", "Non-state actor overtakes territory": "battle",
    "Attack": "vac", "Sexual violence": "vac", "Abduction/forced disappearance": "abduction",
    "Peaceful protest": "protest", "Protest with intervention": "protest", "Excessive force against protesters": "protest",
    "Violent demonstration": "riot", "Mob violence": "riot",
    **{name: "remote" for name in REMOTE},
    **{name: "sd" for name in STRATEGIC}, "Non-violent transfer of territory": "sd",
}


def _date(rng: random.Random) -> str:
    return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2018, 2024)}"


def _slots_en(rng: random.Random) -> dict[str, str]:
    country = rng.choice(COUNTRIES)
    pick = {key: rng.choice(values) for key, values in {**GENERIC, **country}.items()}
    place, other = rng.sample(country["place"], 2)
    town, _, admin = place.partition(" (")
    pick.update(
        place=place, town=town, admin=admin.rstrip(")"), town2=other.partition(" (")[0],
        n=rng.choice(NUMBERS), n_big=rng.choice(CROWDS), date=_date(rng), day=rng.choice(DAYS),
    )
    return pick


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fill_en(template: str, family: str, rng: random.Random, label: str | None = None) -> str:
    style, body = template.split("|", 1)
    slots = _slots_en(rng)
    text = body.format(**slots)
    if style == "N":
        roll = rng.random()
        weekday = rng.choice(WEEKDAYS)
        opening = next((fmt for limit, fmt in OPENINGS if roll < limit), "")
        text = opening.format(date=slots["date"], weekday=weekday) + text
        if family in SUFFIXES and rng.random() < 0.35:
            text = f"{text} {rng.choice(SUFFIXES[family]).format(**slots)}"
        elif family in ("battle", "remote", "vac") and rng.random() < 0.25:
            text = f"{text} {rng.choice(CODED).format(k=rng.choice(['1', '2', '3', '5', '10', '12']))}"
        if family == "vac" and rng.random() < 0.1:
            text = f"{text} {rng.choice(WOMEN)}"
        if label in LABEL_PREFIX and rng.random() < 0.4:
            lowered = text.lower()
            prefix = next(p for words, p in LABEL_PREFIX[label] if not words or any(w in lowered for w in words))
            text = prefix + _capitalise(text)
    return _capitalise(re.sub(r"\s+", " ", text).strip())


def _fill_ar(template: str, rng: random.Random, dated: bool = False) -> str:
    country = rng.choice(COUNTRIES_AR)
    slots = {key: rng.choice(values) for key, values in {**GENERIC_AR, **country}.items()}
    slots["n"] = str(rng.randint(3, 10))
    opening = ""
    if dated and rng.random() < 0.35:  # a note's date in front, ACLED-like: "في 12 آذار/مارس 2021، ..."
        slots["when"] = ""
        opening = f"في {rng.randint(1, 28)} {rng.choice(MONTHS_AR)} {rng.randint(2016, 2024)}، "
    return re.sub(r"\s+", " ", opening + template.format(**slots)).strip()


def _spread(templates: list[str], total: int) -> Iterator[tuple[int, str]]:
    """Each template in turn until ``total`` fills are made."""
    for index in range(total):
        yield index % len(templates), templates[index % len(templates)]


def _rows(label: str | None, texts: Iterator[tuple[str, str]]) -> list[dict]:
    seen: set[str] = set()
    rows = []
    for group, text in texts:
        if text not in seen:
            seen.add(text)
            rows.append({"text": text, "sub_event_type": label, "group": group})
    return rows


def english(rng: random.Random) -> list[dict]:
    tables = {**BATTLES, **REMOTE, **VAC, **PROTESTS, **STRATEGIC}
    rows: list[dict] = []
    for label, base in tables.items():
        templates = base + MORE.get(label, [])
        key = _slug(label)
        fills = ((f"en:{key}:t{i}", _fill_en(t, FAMILY[label], rng, label))
                 for i, t in _spread(templates, EN_PER_CLASS))
        hand = ((f"en:{key}:h{i}", text) for i, text in enumerate(HAND.get(label, [])))
        hand2 = ((f"en:{key}:g{i}", text) for i, text in enumerate(HAND2.get(label, [])))
        heads = ((f"en:{key}:n{i}", text) for i, text in enumerate(HAND_EN3.get(label, [])))
        rows += _rows(label, _chain(fills, hand, hand2, heads))
    fills = ((f"en:none:t{i}", _fill_en(t, "none", rng)) for i, t in _spread(NONE + MORE_NONE, EN_NONE))
    hand = ((f"en:none:h{i}", text) for i, text in enumerate(HAND["none"]))
    hand2 = ((f"en:none:g{i}", text) for i, text in enumerate(HAND2["none"]))
    modal = ((f"en:modal:f{i}", _fill_en(frame, "none", rng)) for i, frame in _modal(MODAL_FRAMES, EN_MODAL, rng))
    heads = ((f"en:none:n{i}", text) for i, text in enumerate(HAND_EN3["none"]))  # after the modal frames: no rng drawn
    return rows + _rows(None, _chain(fills, hand, hand2, modal, heads))


def _modal(frames: list[str], total: int, rng: random.Random) -> Iterator[tuple[int, str]]:
    """Frames in turn, each around a random act ({act}) or a random past act ({done}, {done_simple})."""
    for index, frame in _spread(frames, total):
        done, simple = rng.choice(DONE)
        yield index, frame.replace("{act}", rng.choice(ACTS)).replace("{done}", done).replace("{done_simple}", simple)


def _modal_ar(total: int, rng: random.Random) -> Iterator[tuple[int, str]]:
    for index, frame in _spread(MODAL_FRAMES_AR, total):
        yield index, frame.replace("{act}", rng.choice(ACTS_AR)).replace("{done}", rng.choice(DONE_AR))


def arabic(rng: random.Random) -> list[dict]:
    rows: list[dict] = []
    for label, base in TEMPLATES_AR.items():
        templates = base + MORE_AR.get(label, [])
        key = _slug(label)
        total = AR_NONE if label == "none" else AR_PER_CLASS
        fills = ((f"ar:{key}:t{i}", _fill_ar(t, rng, label != "none")) for i, t in _spread(templates, total))
        hand = ((f"ar:{key}:h{i}", text) for i, text in enumerate(HAND_AR.get(label, [])))
        hand2 = ((f"ar:{key}:n{i}", text) for i, text in enumerate(HAND_AR2.get(label, [])))  # no rng drawn
        heads = ((f"ar:{key}:d{i}", text) for i, text in enumerate(HAND_AR3.get(label, [])))
        rows += _rows(None if label == "none" else label, _chain(fills, hand, hand2, heads))
    modal = ((f"ar:modal:f{i}", _fill_ar(frame, rng)) for i, frame in _modal_ar(AR_MODAL, rng))
    return rows + _rows(None, modal)


def _slug(label: str) -> str:
    return re.sub(r"\W+", "-", label.lower())


def _chain(*parts: Iterator[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    for part in parts:
        yield from part


def write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    rng = random.Random(SEED)
    en, ar = english(rng), arabic(rng)
    write(HERE / "notes_en.jsonl", en)
    write(HERE / "notes_ar.jsonl", ar)
    print(f"notes_en.jsonl: {len(en)} lines; notes_ar.jsonl: {len(ar)} lines")


if __name__ == "__main__":
    main()
