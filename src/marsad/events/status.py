"""The status of an event mention: reported, claimed, disputed or denied.

Read from the sentence alone: who says it (:mod:`marsad.events.attribution`), whether a party
tells its own deed ("the Qassam Brigades said its fighters blew up a tunnel shaft"), whether a
denial names the event or only one's part in it ("denied responsibility for the attack"), and
whether another voice doubts, contradicts or confirms it.  The claims stage then adjusts the
status across sentences.
"""

from __future__ import annotations

import re

from marsad.events.attribution import Attribution
from marsad.events.detect import find_hits
from marsad.events.views import View
from marsad.models import Status

# verbs by which a group claims an act as its own: its claim names who did it, not whether it happened
RESPONSIBILITY_VERBS = frozenset({"claimed responsibility", "تبنى"})
DENIAL_VERBS = frozenset({"denied", "rejected", "نفى"})
# one's part in an event, which a denial takes as having happened ("denied responsibility for the
# drone attack on Khor Mor", نفت مسؤوليتها عن الهجوم; folded: مسؤولية -> مسووليه)
_PART_EN = r"role|involvement|involved|responsib\w*|behind|part in|to do with"
_PART_AR = r"علاق[هت]|مسوولي[هت]|تورط"
_PART_DENIED = re.compile(rf"\b(?:{_PART_EN})\b|(?:{_PART_AR})")
# a denial of one's part in an event ("denies role") or of the charges over it ("She denied five
# alternative counts of fraud") leaves the event standing
DENIED_ROLE = re.compile(rf"\b(?:{_PART_EN}|link\w*|connection|participat\w*|"
                         r"carried out|carrying out|accusations?|charges?|counts?|allegations?|wrongdoing|guilt\w*|"
                         r"intentions?|intent|plans?|planning)\b"  # "denied any intention to attack": no event told
                         # "denied firing them": its own part, not the event
                         r"|\bden(?:y|ies|ied|ying) (?:ever |having )?(?:firing|launching|carrying|attacking|shelling|targeting|bombing|"
                         r"striking|staging|conducting|ordering|orchestrating|sending|deploying|using|committing|perpetrating|planting)\b"
                         rf"|(?:{_PART_AR}|تهم\w*|(?<!\w)(?:نيه|نوايا|خطط|خطه)(?!\w))")


# what a state's official voice reports of its own forces as routine record, not as a claim: arrests,
# weapons seized or bombs defused, a post set up ("The Security Media Cell announced the arrest of three
# suspects"); a toll it claims in combat ("The army said it killed 19 insurgents") stays a claim
ROUTINE_OWN_REPORTS = frozenset({"Arrests", "Disrupted weapons use", "Headquarters or base established"})


def status_of(view: View, said: Attribution | None, actor1: str | None = None, actor1_country: str | None = None) -> Status:
    """The mention's own status: claimed when a party's outlet says so, or a party's official
    voice tells what its own side did ("The army said it killed 19 insurgents"; "a police
    spokesman said gunmen abducted 23 passengers" stays reported); disputed when the sentence
    doubts it."""
    if view.reading.hit is not None and _DENIED_AFTER.match(view.folded, view.reading.hit.end):
        return Status.DENIED
    contradicted = _CONTRADICTED.search(view.folded, view.reading.hit.end if view.reading.hit else 0) or _OTHER_CAUSE.search(view.folded)
    doubted = view.lex.dispute.search(view.folded) is not None
    if doubted and said is not None and not contradicted and _alleged_by_a_party(said, view):
        return Status.CLAIMED  # "RSF fighters allegedly executed 14 soldiers, according to a video shared by army-aligned accounts"
    if doubted or contradicted or _ANSWERED_ACCUSATION.search(view.folded):
        return Status.DISPUTED
    if said is None or said.negated:
        return Status.REPORTED
    if said.status != "denied" and _denied_later(view, said):
        return Status.DENIED
    if said.status == "denied":
        # the denial names an event ("denied that any strike took place", "denied the abduction"), not
        # something else ("... took him from his home, and police deny holding him")
        return Status.DENIED if denies_event(view, said) and not part_denied(view) and not _role_denied_after(view, said) else Status.REPORTED
    if view.lex.partisan.search(view.folded):
        return Status.CLAIMED  # a party's own outlet: "according to pro-HTS sources", "its Amaq agency"
    if said.status == "reported" and own_fighters_told(view, said):
        return Status.CLAIMED  # an armed group tells its own act: "the Qassam Brigades said its fighters blew up a tunnel shaft"
    if _CONFIRMED.search(view.folded, _folded_at(view, said.verb_end)):
        return Status.REPORTED  # another source confirms it after the first speaker
    if said.verb in RESPONSIBILITY_VERBS:
        # "Al-Shabaab claimed responsibility for a mortar attack on the palace": the attack rests on its word
        return Status.CLAIMED if view.trigger_start >= view.start + said.verb_start else Status.REPORTED
    if said.status == "claimed" or (said.status == "reported" and said.official and _own_side(said, actor1, actor1_country)
                                    and view.reading.sub_event_type not in ROUTINE_OWN_REPORTS):
        return Status.CLAIMED
    return Status.REPORTED


# a group's own fighters, told after the speaker's verb
_OWN_FIGHTERS = re.compile(r"\b(?:its|their|our) (?:own )?(?:\w+ )?(?:fighters|mujahideen|militants|naval forces|missile forces|drone units?)\b"
                           r"|\b(?:fallen|fell|came) (?:to|under) (?:its|their) (?:forces|fighters|control)\b"
                           r"|(?<!\w)(?:مقاتلي|مقاتلو|مجاهدي|مجاهدو)(?:ه|ها|هم|نا)(?!\w)")
_SELF_SUFFERED = re.compile(r"\s*(?:that )?(?:it|they|its|their)\b(?: \w+)?(?: (?:had|has|have))? (?:been|was|were|lost|suffered)\b")
# أعلنت قوات الدعم السريع سيطرتها على مدينة بارا: the speaker's own capture, told right after it
_OWN_GAIN = re.compile(r"\s*(?:\S+ ){0,5}?(?:سيطرت|استعادت|تحرير|اسقاط)(?:ه|ها|هم)(?!\w)")
_OUR_FIGHTERS_QUOTED = re.compile(r"^\W{0,3}(?:\w+ ){0,3}our (?:\w+ )?(?:fighters|mujahideen|forces|units)\b|^\W{0,3}(?:\S+ ){0,3}(?:مقاتلونا|مجاهدونا|قواتنا)(?!\w)")


def own_fighters_told(view: View, said: Attribution) -> bool:
    """The speaker names its own fighters doing the deed: after its verb ("said its fighters blew
    up"), or in the quotation that opens the sentence ('"Our fighters ambushed an Israeli force," the
    spokesman said')."""
    after = _folded_at(view, said.verb_end)
    if _OWN_FIGHTERS.search(view.folded, after) or _OWN_GAIN.match(view.folded, after):
        return True
    return said.verb_start > 0 and view.text[:said.verb_start].rstrip().endswith(("\"", "\u201d", "\u2019", "'", ",")) \
        and _OUR_FIGHTERS_QUOTED.search(view.folded) is not None


def own_deed_told(view: View, said: Attribution) -> bool:
    """The speaker tells what its own side did, by name of its fighters or by pronoun ("Al-Shabaab
    said it killed 47 soldiers"; not "Hezbollah said it had been targeted")."""
    if own_fighters_told(view, said):
        return True
    return tells_own_deed(view, said) and not _SELF_SUFFERED.match(view.folded, _folded_at(view, said.verb_end))


_TOLD_AFTER = re.compile(r"\s+(?:on|in|at|near|against|targeting|that|which|who|killing)\b|\s+(?:\w+\s+)?(?:علي|في|ضد|قرب|الذي|التي)(?!\w)")


def _told_before(view: View, said: Attribution) -> bool:
    """The event's trigger comes before the speaker's verb."""
    return view.trigger_start - view.start < said.verb_start


def _role_denied_after(view: View, said: Attribution) -> bool:
    """The event is told before a denial of one's part in it ("… killing four patients, while the
    RSF denied responsibility for the attack"): the denial leaves the event as it was told."""
    return _told_before(view, said) and _PART_DENIED.search(view.folded, _folded_at(view, said.verb_start)) is not None


def part_denied(view: View) -> bool:
    """A denial of one's part in an event the sentence tells ("denied responsibility for the drone
    attack on the Khor Mor gas field"); "denied any role in the attack" tells none."""
    hit = view.reading.hit
    return hit is not None and _PART_DENIED.search(view.folded) is not None and _TOLD_AFTER.match(view.folded, hit.end) is not None


# accusations, reports or claims that the event happened: their denial denies the event
_ACCUSED_THAT = re.compile(r"\b(?:accusations?|allegations?|reports?|claims?)\b(?: [^\s,;]+){0,6}? that\b")


def denies_a_role(view: View, said: Attribution) -> bool:
    """Whether a denial denies one's role, the charges or a plan (:data:`DENIED_ROLE`) in the words
    from its verb up to the event it names ("denied any role in the attack", "denied the charges"),
    not the event ("denied that its forces shelled a maternity hospital, calling Ukrainian
    accusations a provocation"; "denied accusations that its fighters shelled a camp")."""
    if _told_before(view, said):
        return False  # the event is told before its denial: "… killing four patients, while the RSF denied responsibility"
    denied = view.folded[_folded_at(view, said.verb_start):_folded_at(view, view.trigger_start - view.start)]
    return bool(DENIED_ROLE.search(_ACCUSED_THAT.sub(" ", denied)))


def denies_event(view: View, said: Attribution) -> bool:
    """What the (denial) verb denies is an event: a trigger word or an occurrence ("that any
    strike took place", نفت وقوع أي هجوم) follows it in the sentence."""
    return _event_named_from(view, _folded_at(view, said.verb_end))


def _event_named_from(view: View, at: int) -> bool:
    """An occurrence or a trigger word from folded position ``at`` on."""
    return bool(_OCCURRENCE.search(view.folded, at)) or any(hit.start >= at for hit in find_hits(view.folded, view.lex))


def _folded_at(view: View, text_at: int) -> int:
    """The folded position of a position in the written sentence (folding drops Arabic marks)."""
    return next((i for i, at in enumerate(view.offsets) if at >= text_at), len(view.folded)) if view.offsets else text_at


def _denied_later(view: View, said: Attribution) -> bool:
    """A denial of the event follows the first speaker's account ("ISWAP claimed responsibility for
    kidnapping a district head, but the state police command denied the abduction")."""
    after = _folded_at(view, said.verb_end)
    for verb in view.lex.verbs:
        if verb.status == "denied" and (found := verb.pattern.search(view.folded, after)) is not None:
            return _event_named_from(view, found.end())
    return False


_OCCURRENCE = re.compile(r"\b(?:took place|had taken place|occurred|had occurred|happened|any (?:[\w-]+ )?(?:strike|raid|attack|"
                         r"incident|blast|explosion|shelling|abduction|operation)s?)\b|(?<!\w)(?:وقوع|حدوث|سقوط)(?!\w)")


# another voice answers the account with a negation or a smaller figure ("..., but the air force said no
# aircraft was lost", "but the Observatory said only four fighters died", "فيما قال مدير المستشفى إنه لم يسجل")
_CONTRADICTED = re.compile(
    r"[,;] (?:but|while|whereas|although|though) [^.;]{0,80}?\b(?:said|says|insisted|maintained|stated)\b(?: that)? "
    r"[^.;]{0,60}?\b(?:no|not|none|never|only)\b"
    r"|[،,] ?(?:لكن|ولكن|فيما|في حين|بينما) [^.]{0,80}?(?:قال|اكد|افاد|ذكر)\w* [^.]{0,60}?(?<!\w)(?:لم|لا|ليس|فقط)(?!\w)"
)
# another voice, in a later clause, tells another cause ("; a ministry source told state media the blasts were
# caused by a fire", قال مصدر إن الانفجار ناجم عن مخلفات حرب) or, set against the account, a calm or intact place
# ("while officials said the area had been calm", في حين قال مسؤول إن المستودعات سليمة); the blast it names may be
# the sentence's strongest trigger, so it is looked for from the sentence's start
_OTHER_CAUSE = re.compile(
    r"[,;] ?(?:but |while |whereas )?[^.;]{0,80}?\b(?:said|says|insisted|maintained|stated|told|saying)\b[^.;]{0,80}?"
    r"\b(?:(?:was|were|had been|may have been|might have been) caused by|came from (?:a |an )?(?:gas|fire|accident|cooking))\b"
    r"|[,;] ?(?:but|while|whereas) [^.;]{0,80}?\b(?:said|says|insisted|maintained|stated|told)\b[^.;]{0,80}?"
    r"\b(?:had been|was|were|remained) (?:calm|intact|normal)\b"
    r"|[،,] ?(?:لكن |ولكن |فيما |في حين |بينما |غير ان )?[^.]{0,80}?(?<!\w)(?:قال|اكد|افاد|ذكر|اوضح)\w* [^.]{0,80}?(?:ناجم\w* عن|ناتج\w* عن)"
    r"|[،,] ?(?:لكن|ولكن|فيما|في حين|بينما|غير ان) [^.]{0,80}?(?<!\w)(?:قال|اكد|افاد|ذكر|اوضح)\w* [^.]{0,80}?(?:سليم\w*|هادي\w*|طبيعي\w*)(?!\w)"
)
_ALLEGED = re.compile(r"alleged(?:ly)?")


def _alleged_by_a_party(said: Attribution, view: View) -> bool:
    """The only doubt of the sentence is "alleged(ly)", and a party to the conflict alleges it (its
    outlet, its official voice, or an armed actor speaking): the allegation is that party's claim.
    Alleged on a neutral source's word ("according to residents") stays disputed."""
    party = said.partisan or said.official or said.side[0] is not None
    return party and not said.negated and all(_ALLEGED.fullmatch(d.group()) for d in view.lex.dispute.finditer(view.folded))


# a relative clause after the event denies it ("the 2018 chemical attack on Douma, which the Assad government
# always denied", "the massacre in Axum, which Eritrea rejected as a fabrication", غارة … نفى الجيش وقوعها،
# الهجوم … الذي طالما نفته حكومة الأسد)
_DENIED_AFTER = re.compile(
    r"[^.;]{0,60}?,? (?:which|that) (?!den)[^.;,]{0,50}?\b(?:has |have |had )?(?:always |repeatedly |consistently |long |strongly |flatly |since )*"
    r"(?:denied|rejected)\b(?! (?:any )?(?:role|involvement|responsibility))"
    r"|[^.]{0,80}?(?<!\w)(?:الذي|التي|وهي \S+|وهو ما) (?:\S+ ){0,3}?(?:نفت|نفي|نفاه|نفته|نفتها|نفاها)(?!\w)"
    r"|[^.]{0,80}?[،,] ?و?(?:نفت|نفي) [^.]{0,40}?وقوع(?:ها|ه)(?!\w)"
)
# the accused answers the accusation ("Residents accused soldiers of executing dozens of civilians, but
# Mali's army said all those killed were militants", اتهم سكان الجيش بإعدام 12 رجلاً، في حين قال الجيش إن …)
_ANSWERED_ACCUSATION = re.compile(
    r"\baccus(?:e|es|ed|ing)\b[^.;]{0,160}?[,;] (?:but|while|whereas) [^.;]{0,80}?\b(?:said|says|insisted|maintained|stated|denied)\b"
    r"|\b(?:accus|alleg)\w*\b[^.]{0,200}?[,;] [^.;]{0,60}?\b(?:called|dismissed|rejected) (?:the|these|those|this) (?:allegations?|accusations?|claims?|reports?)(?: as)? (?:baseless|false|unfounded|fabricated|lies|propaganda)\b"
    r"|(?<!\w)[وف]?اتهم\w*[^.]{0,160}?(?:لكن|ولكن|فيما|في حين|بينما) [^.]{0,80}?(?<!\w)(?:قال|اكد|افاد|ذكر|نفى|نفت)\w*"
)
# a source with no stake in the event confirms it, later in the same sentence
_CONFIRMED = re.compile(
    r"\b(?:police|army|military|officials?|spokes\w+|ministry|governor|sources?|medics|residents|witnesses|observatory)"
    r"(?: [\w-]+){0,3} (?:confirmed|said)\b(?! (?:it|its|they|their)\b)"
    r"|\baccording to (?:[\w-]+ ){0,2}(?:police|security sources|officials|medics|hospital|residents|witnesses|sources|observatory)\b"
    r"|(?:بحسب|حسب|وفقا ل|وفق ما (?:افاد|ذكر)\w*(?: به)?) ?(?:ال)?(?:شرطه|مرصد|مصادر|مصدر|مسؤول)"
)


def _own_side(said: Attribution, actor1: str | None, actor1_country: str | None) -> bool:
    """The speaker is the event's actor1 (or a state force of the same country as a state actor1)."""
    speaker, country = said.side
    if speaker is None or actor1 is None:
        return False
    same_state = speaker.startswith(("Military Forces of", "Police Forces of")) and actor1.startswith(
        ("Military Forces of", "Police Forces of")) and country == actor1_country
    return speaker == actor1 or same_state


# after the speaker's verb, the speaker's own side does what is told ("ISWAP said its fighters attacked",
# "Hezbollah said it had targeted", أكدت حركة الشباب أن مقاتليها نصبوا كميناً)
_SELF_TOLD = re.compile(
    r"\s*(?:(?:[\w\s,-]{0,40}?\b)?(?:that )?(?<!\bon )(?<!\bin )(?<!\bvia )(?<!\bfrom )(?<!\bthrough )(?<!\bat )(?<!\bof )(?<!\bwith )(?<!\bto )"
    r"(?:it|they|its|their)\b"  # not "said on their social media pages that ..."
    r"|(?:\S+ ){0,5}?(?:ان|بان)(?:ه|ها|هم)(?!\w)|(?:\S+ ){0,5}?(?:ان|بان) (?:\S+ )?(?:مقاتلي|عناصر|قوات|دفاعات|وحدات|طائرات|مسيرات)(?:ه|ها|هم)(?!\w))"
)


def tells_own_deed(view: View, said: Attribution) -> bool:
    """The speaker tells what its own side did: the self-reference comes before the trigger."""
    found = _SELF_TOLD.match(view.folded, _folded_at(view, said.verb_end))
    hit = view.reading.hit
    return found is not None and (hit is None or found.end() <= hit.start)
