"""Who took a place: the sub-type of a territory trigger ("recaptured", "seized control of", سيطر على).

ACLED codes a change of hands by who gains: *Government regains territory* when
state forces (or forces on their side) take it, *Non-state actor overtakes
territory* when a rebel group, militia or gang does, *Non-violent transfer of
territory* when it is taken unopposed ("without a fight", "after the troops
withdrew").  The taker is the agent after "by" ("was recaptured by the army"),
else the first actor the clause names before the verb -- or, in Arabic, where
the subject follows the verb, inside the trigger (سيطرت هيئة تحرير الشام على).
An actor in a prepositional or object phrase ("after fighting with PDF forces",
"backed by Wazalendo militiamen") is not the taker.  Patterns read folded,
lower-cased text (Arabic folded: ة→ه, ئ→ي, أ→ا).
"""

from __future__ import annotations

import re

GOVERNMENT = "Government regains territory"
NON_STATE = "Non-state actor overtakes territory"
UNOPPOSED = "Non-violent transfer of territory"

_UNOPPOSED = re.compile(
    r"\bwithout (?:a |any )?(?:fight|fighting|resistance|clash(?:es)?|a shot)\b|\bunopposed\b|\bpeacefully\b|"
    r"\bafter (?:[\w-]+ ){0,4}(?:withdrew|pulled out|had withdrawn|retreated|abandoned)\b|دون (?:قتال|مقاومه)|بعد انسحاب"
)
_FOUGHT = re.compile(r"\b(?:fighting|clashes|battles?|heavy fire|assault)\b|(?:معارك|اشتباكات|قتال عنيف)")
_STATE = re.compile(
    r"\b(?:army|troops|government|pro-government|forces|military|soldiers|saa|pmu|popular mobili[sz]ation|police|"
    r"security|hashd|hashed|tiger forces|iraqi|syrian arab army|junta|tatmadaw|regime|sna|fardc|endf|saf|fama|idf|"
    r"peshmerga|gendarmes?|gendarmerie|marines|paratroopers|ansf)\b|"
    r"(?:الجيش|القوات|الحكومه|الحشد|الشرطه|قوات النظام|قوات الامن|الاجهزه الامنيه|القوي الامنيه|البيشمركه)"
)
_NON_STATE = re.compile(
    r"\b(?:militants?|rebels?|insurgents?|jihadists?|fighters|gunmen|militias?|militiamen|gangs?|armed groups?|"
    r"(?:al[- ]?)?shabaa?b|taliban|isis|isil|islamic state|daesh|hts|tahrir al-sham|houthis?|ansar allah|boko haram|"
    r"iswap|jnim|al-qaeda|aqap|sdf|ypg|pkk|tplf|m23|arsa|rapid support forces|rsf|wagner|opposition|arakan army|"
    r"(?:independence|liberation|resistance|people's|free syrian|syrian national|mahdi) army)\b|"
    r"(?:داعش|تنظيم الدوله|الدوله الاسلاميه|هييه تحرير الشام|مسلحو|مسلحي|المسلحين|مسلحين|مجموعات مسلحه|جماعه مسلحه|"
    r"مقاتلو|مقاتلي|المقاتلين|فصايل|الفصايل|حركه الشباب|الحوثي|انصار الله|قسد|سوريا الديمقراطيه|الدعم السريع|"
    r"المتمردين|متمردو|طالبان|القاعده|المعارضه)"
)
_ON_THE_STATE_SIDE = re.compile(r"(?:pro-government|government-backed|state-backed|allied|الموالي\w*|الرديف\w*)\s+(?:\S+\s+)?$")
_NOT_THE_TAKER = re.compile(
    r"(?:\b(?:with|against|from|by|alongside|fighting|expelled|drove|ousted|routed|attacked|between)|مع|(?<!وحدات )(?<!عناصر )(?<!جنود )"
    r"(?<!قوات )(?<!افراد )(?<!مقاتلين )(?<!مجموعه )(?<!تشكيلات )من|ضد)\s+(?:[^\s,]+\s+){0,2}$"
)  # a partitive من is no oblique: "وحدات من الجيش" (units of the army) took the town
_CLAUSE_START = re.compile(  # also a reported clause: "police denied a report that ELN fighters had taken over …"
    r".*(?:;|, and |, but |, while |, whereas |\. |\b(?:said|says|reported|reports?|denied|claimed|alleged|confirmed)(?: \S+){0,3}? that )",
    re.S,
)
_BY_AGENT = re.compile(r" by ((?:\S+ ){0,4}\S+)")
_FELL_TO = re.compile(r"\bfell to\b")
_AFTER_CLAUSE = re.compile(r"[,;]|\b(?:after|when|as|following|before|while|since)\b")
_REGAIN = re.compile(r"liberat|recaptur|retook|retak|regain|تحرير|حرر|استعاد")
SUBJECT_REACH = 120  # characters before the trigger searched for its subject


def resolve_territory(folded: str, start: int, end: int) -> str:
    """The territory sub-type of the trigger at ``folded[start:end]``."""
    if _UNOPPOSED.search(folded, start) and not _FOUGHT.search(folded):
        return UNOPPOSED  # not "captured … after government forces withdrew following two days of fighting"
    if _FELL_TO.search(folded, start, end):  # "fell to IS this month": the taker follows
        return GOVERNMENT if first_taker(_taker_after(folded, end)) == "state" else NON_STATE
    agent = _BY_AGENT.match(folded, end)  # "was recaptured by the army"
    taker = first_taker(agent.group(1)) if agent else None
    if taker is None:
        before = folded[max(0, start - SUBJECT_REACH):start]
        opening = _CLAUSE_START.match(before)  # the clause of the verb: after the last ";" or ", and"
        taker = first_taker(before[opening.end() if opening else 0:] + folded[start:end])
    if taker == "state" or (taker is None and _REGAIN.search(folded, start, end)):
        return GOVERNMENT
    return NON_STATE


def _taker_after(folded: str, end: int) -> str:
    """The words after "fell to" up to the next clause ("fell to IS this month after Iraq's army
    withdrew": the army is not the taker); a bare "is" there is Islamic State, not a verb."""
    after = folded[end:end + 60]
    stop = _AFTER_CLAUSE.search(after)
    after = after[:stop.start()] if stop else after
    return " isis" + after[3:] if after.startswith(" is ") else after


def first_taker(text: str) -> str | None:
    """"state" or "non-state": the first actor ``text`` names that is not in an oblique or object
    phrase; a group "pro-government" or "allied" is on the state's side."""
    named = [(m.start(), "state") for m in _STATE.finditer(text)]
    for m in _NON_STATE.finditer(text):
        named.append((m.start(), "state" if _ON_THE_STATE_SIDE.search(text[:m.start()]) else "non-state"))
    subjects = sorted(n for n in named if not _NOT_THE_TAKER.search(text[:n[0]]))
    return subjects[0][1] if subjects else None
