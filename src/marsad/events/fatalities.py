"""Fatality counts, read the conservative way ACLED reads them.

* "at least 5 killed" -> 5; "between 5 and 10 killed", "5-10 dead" -> min 5,
  max 10, fatalities 5 (the lower bound); Arabic "بين 5 و10", "من 3 إلى 6" too;
* number words ("three soldiers", "twenty-one"), vague quantities from the
  lexicon (several = 3, dozens = 12, hundreds = 100), Arabic digits and words;
* a year is no count ("On 14 February 2022 gunmen killed ...");
* "killed or injured", "killed and wounded six" give no death count;
* "no casualties" gives 0;
* groups are added up: "killed five soldiers and three civilians" -> 8,
  "two policemen and a soldier were killed" -> 3, "مقتل جنديين وثلاثة مسلحين"
  -> 5 ("including four children", "nine of them soldiers" add nothing);
* counts of different sides are added, in one sentence ("killing an Iraqi
  soldier; two of the attackers were killed" -> 3) as across the sentences of
  one event (``elaborate``), but a side counted twice, "people", or a part
  ("four soldiers among them") adds nothing; one person and their kin ("a
  chief and his two sons were shot dead" -> 3, "رجلاً وولديه" -> 3);
* a toll takes its latest figure: "the death toll rose to 25", "climbed from
  6 to 10" -> 10, "ارتفع عدد القتلى إلى 13";
* one victim is one death: "a journalist was shot dead", "gunmen killed him",
  "beaten to death", "the murder of Raman Bandarenka", اغتيال، لقي مصرعه -> 1
  (``lone=True``: the caller says whether the event is one that kills; an
  arrest sentence that recalls a murder is no death in the arrest).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.events.lexicon import Lexicon
from marsad.events.victims import UNKNOWN_SIZE, lone_victim, sides_of


@dataclass(frozen=True, slots=True)
class Fatalities:
    """A death count: the value kept (the lower bound) and the range read."""

    fatalities: int
    minimum: int | None
    maximum: int | None
    sides: frozenset[str] = frozenset()  # who the dead counted were (victims.sides_of), when the words say


_QUALIFIER = {
    "en": r"(?:(?:at least|between|from|some|about|around|nearly|almost|approximately|more than|over|up to|as many as|an estimated|a total of) )?",
    "ar": r"(?:(?:اكثر من|ما لا يقل عن|ما يزيد علي|نحو|حوالي|قرابه|زهاء|ما بين|بين|من) )?",
}
_EN_DEATH = (r"(?:killed|dead|died|die|perished|slain|neutrali[sz]ed|shot dead|lost (?:their|his|her) lives?|executed|murdered|massacred|slaughtered|"
             r"beheaded|assassinated|lynched|to death|succumbed to (?:their|his|her) (?:wounds|injuries))")
_AR_DEATH = r"(?:قتيل\w*|قتلي|قتلوا|لقوا حتفهم|حتفهم|مصرعهم|مصرع\w*|شهداء|شهيدا|جثث)"
_EN_VERB_FIRST = (r"killing|killed|(?<!to )(?<!ll )(?<!ld )(?<!not )(?<!n't )kills?|neutrali[sz](?:ed|ing)|shot dead|shooting dead|murdered|assassinated|massacred|slaughtered|gunned down|beheaded|lynched|"
                  r"(?:hacked|hacking|stabbed|stabbing|beat|beaten|beating|burned|burning|burnt|clubbed|stoned|bludgeoned) to death|"
                  r"(?:the )?bodies of|"
                  r"executed(?! an? )|(?<!to )(?<!ll )(?<!ld )(?<!not )(?<!n't )executes?(?! an? )|leaving|left|claimed the lives of|dead numbered")
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_COMPOUND = rf"(?:{'|'.join(_TENS)})-(?:{'|'.join(_UNITS)})"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?![\d,]*\d)"
_SELF = r"(?:himself|herself)"  # the bomber who died with his victims
_KIN = r"(?:his|her|their) (?:driver|son|daughter|wife|husband|brother|sister|father|mother|grand(?:mother|father|son|daughter)|uncle|aunt|bodyguard|guard|companion|nephew|niece|cousin|child)"
# Arabic kin and companions with a possessive: وابنه، وزوجته، مع شقيقه، وسائقه
_AR_KIN = r"(?:ابن|ابنت|نجل|شقيق|شقيقت|زوج|زوجت|والد|والدت|اخي|اخت|سائق|مرافق|حارس)(?:ه|ها)"
# one more person joined to a counted group: "ثلاثة مسعفين … ومدني" (three paramedics and a civilian)
_AR_ONE = r"(?:مدني|طفل|طفله|امراه|رجل|جندي|شرطي|مسعف|صحفي|مسلح|عنصر)"
_AR_KIN_TWO = r"(?:ولدي|ابني|ابنتي|نجلي|شقيقي|طفلي)(?:ه|ها)"  # the dual: وولديه "and his two sons"
_AR_CHILDREN = r"(?:اطفال|ابناء|ابناو|ابناي|بنات|اشقاء|اشقاو|اشقاي)(?:ه|ها|هما|هم)"  # "وأطفالهما الثلاثة" (and their three children)
_AR_THE_ATTACKER = r"ال(?:مهاجم|انتحاري|منفذ|مسلح)"  # "… إضافة إلى المهاجم": the attacker himself
_MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
           r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?")
_MONTH_BEFORE = re.compile(
    rf"\b{_MONTHS} (?:\d{{1,2}}(?:st|nd|rd|th)?,? )?$"
    r"|(?:\b(?:in|since|of|year|until|from|before|after|early|late|mid)|\d{1,2}) $")
_MONTH_AFTER = re.compile(rf" {_MONTHS}(?![\w-])(?! (?:of|people|civilians|be|have)\b)")
_DEATH_GATE = re.compile(r"kill|dead|die|perish|neutrali|death|slain|lives|execut|murder|massacr|slaughter|behead|assassin|lynch|gunned down|"
                         r"strangl|slaying|bodies|body|fatalit|toll|succumbed|قتل|قتيل|مصرع|حتف|اعدم|قضي|قضت|ابيد|اودي|اودت|ذبح|فارق|ضحي|استشهاد|استشهد|شهداء|شهيد|وفاه|اعدام|اغتي|اغتال|جث|الموت|توفي|تحت التعذيب")
_KILLER_TOO = re.compile(r"\bbefore (?:being|he was|she was|himself being) (?:killed|shot dead)\b|\bblew (?:himself|herself) up\b"
                         r"|\bthe (?:suicide |car )?(?:bomber|attacker|assailant|gunman) (?:also |himself |herself )?(?:died|was killed|was shot dead)\b"
                         r"|(?<!\w)(?:لقي|قتل|مصرع|مقتل)\S* ال(?:انتحاري|مهاجم|منفذ)\S*(?: (?:مصرعه|حتفه))?(?!\w)"
                         r"|\b(?:turn(?:ed|ing) (?:the|his|her) (?:gun|weapon|rifle|pistol) on|(?:killed|shot)) (?:himself|herself)\b"
                         r"|قبل ان (?:ت|ي)?\S*قتل(?:ه|ها)(?!\w)")
# a count of the killed and the wounded (or captured) together, with the words before it
_KILLED_OR_HURT = re.compile(
    r"(?:\S+ ){0,4}(?:killed (?:or|and/or) (?:injured|wounded|captured|hurt|arrested)|killed and (?:injured|wounded))\b.*"
    r"|(?:\S+ ){0,2}بين (?:قتيل|قتلي) و(?:جريح|جرحي|مصاب)")
_GROUP_OF_UNKNOWN_SIZE = re.compile(UNKNOWN_SIZE)
_HURT = r"(?:wounded|injured|hurt|missing|arrested|detained|abducted|kidnapped)"
_STOP = r"(?:on|in|at|near|by|from|during|after|before|while|when|as|said|says|including|of|the|a|an|according|to|with)"


def _number(lex: Lexicon) -> str:
    words = "|".join(re.escape(w) for w in sorted(lex.numbers, key=len, reverse=True))
    return rf"(?:{_DIGITS}|{_COMPOUND}|{words}|{_SELF})" if lex.lang == "en" else rf"(?:{_DIGITS}|{words})"


def _quantity(lex: Lexicon) -> str:
    number = _number(lex)
    joiner = r"(?: to | or | and |-|–)" if lex.lang == "en" else r"(?: و ?| الي | او |-|–)"
    before = r"\b" if lex.lang == "en" else r"(?<!\w)(?:[وب])?(?:ال)?"
    after = r"(?!\w)" if lex.lang == "en" else r"ا?(?!\w)"  # Arabic accusative: قتلوا رجلاً
    return rf"(?P<q>{_QUALIFIER[lex.lang]}){before}(?P<a>{number}){after}(?:{joiner}(?P<b>{number}))?"


_VERB_FIRST, _COUNT_FIRST = True, False


@lru_cache(maxsize=4)
def _patterns(lang: str) -> tuple[tuple[re.Pattern[str], bool], ...]:
    """The count patterns of ``lang``, each with whether its death verb comes before the count."""
    from marsad.events.lexicon import lexicon

    quantity = _quantity(lexicon(lang))
    if lang == "ar":
        not_a_date = r"(?!(?:في|يوم|منذ|عام|خلال|شهر)\b)(?![\d٠-٩])(?!و?(?:اصيب|جرح|اصابه))"
        return (
            (re.compile(rf"(?:مقتل|قتل[تو]?|مصرع|استشهاد|استشهد|وفاه|توفي|توفيت|اعدام|اغتيال|قضي|جثث|جثامين) {quantity}"), _VERB_FIRST),
            (re.compile(rf"(?<!\w)(?:[وب])?(?:قتل|اعدم|ذبح|اود[يت]\w* (?:[^\s،,.]+ ){{0,10}}?بحياه|راح (?:\S+ )?ضحي\w*)\w* (?:{not_a_date}[^\s،,.]+ ){{0,8}}?{quantity}"), _VERB_FIRST),
            (re.compile(rf"{quantity} (?:\S+ ){{0,2}}?(?:من (?:[^\s،,.]+ ){{1,4}}?)?(?:ال)?{_AR_DEATH}"), _COUNT_FIRST),
            # "قضت عائلة مؤلفة من ستة أفراد": a family of six
            (re.compile(rf"(?<!\w)(?:[وف])?(?:قضت|قضي|استشهدت|قتلت|لقيت|ابيدت) (?:\S+ ){{0,2}}?(?:عايله|اسره) (?:مولفه |مكونه )?من {quantity} (?:افراد|اشخاص)"), _VERB_FIRST),
            (re.compile(rf"(?<!\w)(?:فقد|خسر)\w* {quantity} من (?:جنود|عناصر|مقاتلي|افراد|رجال)\w*"), _VERB_FIRST),  # "lost 9 of its soldiers"
            (re.compile(r"(?<!\w)(?:مقتل|قتل\w*|مصرع|استشهاد|استشهد) (?P<q>)(?P<a>احد|احدي)(?P<b>) (?=ال)"), _VERB_FIRST),  # "مقتل أحد المهاجمين"
            (re.compile(r"(?<!\w)[وب]?(?P<q>)(?P<a>قتيلين|قتيلان|شهيدين|شهيدان)(?P<b>)(?!\w)"), _VERB_FIRST),  # the dual: "سقوط قتيلين" (two dead)
            # the noun, then "two": "استشهاد عسكريين اثنين" (two soldiers)
            (re.compile(r"(?<!\w)(?:مقتل|قتل\w*|استشهاد|استشهد\w*|مصرع) (?:[^\s،,.]+ ){1,2}?(?P<q>)(?P<a>اثنين|اثنان)(?P<b>)(?!\w)"), _VERB_FIRST),
            # one body recovered: "انتشلت طواقم الدفاع المدني جثمان مواطن من تحت الأنقاض"
            (re.compile(r"(?<!\w)(?:انتشل\w*|انتشال|عثر\w* علي|العثور علي) (?:\S+ ){0,4}?(?P<q>)(?P<a>جثمان|جثه)(?P<b>)(?!\w)"), _VERB_FIRST),
        )
    number = _number(lexicon(lang))
    # "Two men on a motorcycle shot dead a health worker": a death verb with an object after it
    # counts its victims, not the men before it
    active = rf"(?! (?:an?|the|his|her|their|its|at least|{number})\b)"
    return (
        (re.compile(rf"{quantity} (?:(?!{_HURT}\b(?! and (?:then |later )?{_EN_DEATH}))[^\s,.;]+ ){{0,6}}?"
                    rf"(?:(?:were|was|have been|had been|are|is|being) (?:reportedly |all |also )?{_EN_DEATH}|(?:reportedly |all |also )?{_EN_DEATH}{active})"
                    rf"(?! or (?:injured|wounded|hurt))"), _COUNT_FIRST),
        (re.compile(rf"\b(?:{_EN_VERB_FIRST}) (?:at least )?{quantity}(?!(?: (?!and\b)[^\s,.;]+){{0,2}} (?:wounded|injured|hurt))"), _VERB_FIRST),
        # "A family of five, including three children, was killed"
        (re.compile(rf"\bfamily of {quantity}\b(?:,[^.;]{{1,60}}?,)? (?:[^\s,.;]+ ){{0,4}}?{_EN_DEATH}"), _COUNT_FIRST),
        (re.compile(rf"{quantity} (?:people |civilians |soldiers |fighters |militants |persons )?(?:deaths|fatalities|bodies|dead)\b"), _COUNT_FIRST),
        # "Three people, including a 10-year-old girl, were killed"
        (re.compile(rf"{quantity}(?: [^\s,.;]+){{0,3}}, [^.;]{{1,80}}?, (?:(?:were|have been|had been) (?:reportedly |all |also )?{_EN_DEATH}|died|lost their lives)"), _COUNT_FIRST),
        # one person named by a role, then a group: "killing the groom and nine guests" -> 10
        (re.compile(rf"\b(?:{_EN_VERB_FIRST}) (?P<q>)(?P<a>the)(?P<b>) (?=(?:[a-z-]+ ){{0,2}}?[a-z-]+(?<!s) and (?:his |her |their )?{_number(lexicon(lang))}\b)"), _VERB_FIRST),
    )


@lru_cache(maxsize=4)
def _toll_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The head of a toll ("the death toll", "عدد القتلى") and the figure after it."""
    from marsad.events.lexicon import lexicon

    quantity = _quantity(lexicon(lang))
    if lang == "ar":
        return re.compile(r"(?:عدد (?:ال)?(?:قتلي|ضحايا)|حصيله (?!اوليه|مبدئيه)(?:ال)?\S+)"), re.compile(rf" (?:[^\s،,.]+ ){{0,12}}?(?:الي |ل|بلغت |بلغ )?{quantity}")
    head = re.compile(r"\b(?:death toll|toll|bringing (?:the|its) total|fatalities (?:are|were) (?:estimated|put|believed|thought|said)|number of (?:people |those |civilians )?(?:killed|dead)|"
                      r"(?:corrected|revised|lowered|updated) (?:the |its )?(?:figure|count|number))\b")
    return head, re.compile(rf"[^.;]{{0,120}}?(?P<up>\b(?:rose|risen|climbed|increased|jumped|went up) )?(?:\bto|\bat|\breached|\bhit|\bfrom|\bbetween|\bof) (?!an? |the ){quantity}")


def _value(text: str, lex: Lexicon) -> int | None:
    text = text.replace(",", "").strip()
    if text.isdigit():
        return int(text)
    if re.fullmatch(_SELF, text) or re.fullmatch(_KIN, text) or re.fullmatch(_AR_KIN, text):
        return 1
    if re.fullmatch(_AR_KIN_TWO, text):
        return 2
    if re.fullmatch(_AR_THE_ATTACKER, text) or re.fullmatch(_AR_ONE, text):
        return 1
    if text in {"احد", "احدي", "جثمان", "جثه"}:  # "one of the attackers" (never the day: "الأحد"); one body
        return 1
    if text == "the":  # "killing the groom and nine guests": only ever read before a group
        return 1
    if "-" in text and (parts := text.split("-")) and parts[0] in _TENS:
        return _TENS[parts[0]] + _UNITS.get(parts[1], 0)
    return lex.numbers.get(text)


def _more_groups(rest: str, lex: Lexicon) -> int:
    """The counts of further groups joined to a first: " soldiers and three civilians" -> 3.
    Groups joined by commas count only when an "and" closes the list."""
    group = _group_pattern(lex.lang)
    total, closed, at = 0, 0, 0
    while (match := group.match(rest, at)) is not None:
        value = _value(match.group("n"), lex)
        if value is None or value > 1000:
            break
        total, at = total + value, match.end()
        closed = total if match.group("j").strip(" ,") else closed
    return closed


@lru_cache(maxsize=4)
def _group_pattern(lang: str) -> re.Pattern[str]:
    from marsad.events.lexicon import lexicon

    number = _number(lexicon(lang))
    if lang == "ar":
        return re.compile(rf"(?: [^\s،,.]+){{0,5}}?(?P<j> و|،? اضافه الي|،? بالاضافه الي) ?(?:{_AR_CHILDREN} ال)?"
                          rf"(?P<n>{number}|{_AR_KIN_TWO}|{_AR_KIN}|{_AR_THE_ATTACKER}|{_AR_ONE})(?!\w)")
    word = rf"(?!{_STOP}\b)(?:\d+-)?[a-z'-]+"
    return re.compile(rf"(?: {word}){{0,3}}?(?P<j>,? and|, and|,| as well as| along with) (?:at least |another |a further |(?:his|her|their) )?(?P<n>{number}|{_KIN})\b(?! of (?!(?:his|her|their) ))(?!(?: \S+){{0,3}} {_HURT})")


def _is_date(match: re.Match[str], folded: str, value: int) -> bool:
    """Whether a number is part of a date, not a count: "On 14 February 2022", "in 2019"."""
    if _MONTH_AFTER.match(folded, match.end("a")):
        return True
    if not 1900 <= value <= 2100 or len(match.group("a").strip()) != 4:
        return False
    return bool(_MONTH_BEFORE.search(folded[max(0, match.start("a") - 24):match.start("a")]))


# a number of days, hours or kilometres is no count: "ten days after a blast there killed nine"
_SPAN_OF_TIME = re.compile(r" (?:days?|weeks?|months?|years?|hours?|minutes?|decades?|km|kilometres?|kilometers?|miles?)\b"
                           r"| (?:ايام|يوما|اسابيع|اسبوعا|اشهر|شهرا|سنوات|اعوام|عاما|ساعات|ساعه|دقائق|دقيقه|كيلومتر\w*|كلم)(?!\w)")


def _arabic_and(match: re.Match[str], folded: str) -> bool:
    """Arabic "و" joins two groups unless "بين" opens a range ("بين 5 و10")."""
    joiner = folded[match.end("a"):match.start("b")]
    return "و" in joiner and "بين" not in match.group("q") and "بين" not in folded[max(0, match.start("a") - 8):match.start("a")]


def _from_match(match: re.Match[str], lex: Lexicon, folded: str, verb_first: bool) -> Fatalities | None:
    low = _value(match.group("a"), lex)
    if low is None or low > 100000 or _is_date(match, folded, low) or _SPAN_OF_TIME.match(folded, match.end("a")):
        return None
    if match.group("a").strip() in {"himself", "herself"} and not verb_first:
        return None
    if match.group("a").strip() in {"a", "an"} and not verb_first:
        return _one_and_more(match, lex, folded)  # "a convoy ... killed": the article alone is no count
    if match.group("a").strip() in {"a", "an"} and _GROUP_OF_UNKNOWN_SIZE.match(folded, match.end("a")):
        return None  # "killing an unknown number of militants", "a few"
    high = _value(match.group("b"), lex) if match.group("b") else None
    qualifier = match.group("q").strip()
    if high is not None and _arabic_and(match, folded):  # "جنديين وثلاثة مسلحين": two groups, and any after them
        both = low + high + (_more_groups(folded[match.end("b"):match.end("b") + 80], lex) if verb_first else 0)
        return Fatalities(both, both, None)
    if high is not None and high > low:
        return Fatalities(low, low, high)
    if qualifier == "up to":
        return Fatalities(1, 1, low)
    counted_to = match.end("a") + (folded.startswith("ا", match.end("a")) and lex.lang == "ar")
    more = _more_groups(folded[counted_to:counted_to + 80] if verb_first else folded[counted_to:match.end()], lex)
    first, before = match.start("a"), 0
    if (more or _CLOSES_LIST.search(folded, 0, first)) and not verb_first:
        first, before = _list_before(folded, first, lex)
    return Fatalities(low + more + before, low + more + before, None, sides_of(_own_words(match, folded, verb_first, first)))


def _list_before(folded: str, start: int, lex: Lexicon) -> tuple[int, int]:
    """A list of groups that opens the sentence before the count an "and" closes: "5 FARDC
    soldiers, 3 Wazalendo and 8 M23 combatants were killed" -> (0, 5).  Returns where the list
    starts and what its earlier groups add (nothing unless it opens the sentence or a clause)."""
    pattern = _list_item_pattern(lex.lang)
    at, total = start, 0
    while (item := pattern.search(folded, 0, at)) is not None and (value := _value(item.group("n"), lex)) is not None:
        if value > 1000:
            break
        at, total = item.start(), total + value
    opens = not folded[:at].strip() or folded[:at].rstrip().endswith((":", ";"))
    return (at, total) if total and opens else (start, 0)


# the "and" that closes a list just before a count: "a teacher and four students", "a man, his wife and their three children"
_CLOSES_LIST = re.compile(r",? and (?:his |her |their )?$")


@lru_cache(maxsize=4)
def _list_item_pattern(lang: str) -> re.Pattern[str]:
    from marsad.events.lexicon import lexicon

    if lang == "ar":
        return re.compile(rf"(?<!\S)(?P<n>{_number(lexicon(lang))})(?: [^\s،,.\d]+){{1,3}}[,،] $")
    # an item: "two police officers, ", "a teacher and ", "his wife and their " (no verb: "3 soldiers were wounded and ")
    word = r"(?!(?:were|was|are|is|been|being|have|has|had|died|killed|wounded|injured|hurt|missing)\b)[a-z][a-z0-9-]*"
    return re.compile(rf"(?<!\S)(?P<n>{_number(lexicon(lang))}|{_KIN})(?: {word}){{0,3}}(?:, |,? and (?:his |her |their )?)$")


_OPENS_CLAUSE = re.compile(r"(?:^|[,;:] |\b(?:and|when|while|after|as|but|that|said|says|say|reported|told) )$")
_PASSIVE_DEATH = re.compile(r"\b(?:were|have been|had been|are|died|dead)\b")


def _one_and_more(match: re.Match[str], lex: Lexicon, folded: str) -> Fatalities | None:
    """"A traditional chief and his two sons were shot dead" -> 3, "a soldier and a civilian were
    killed" -> 2: one person and those joined to them, as the subject of a passive death."""
    told = folded[match.end("a"):match.end()]
    more = _more_groups(told, lex)
    if not more or not _PASSIVE_DEATH.search(told):
        return None
    if not _OPENS_CLAUSE.search(folded, 0, match.start("a")):  # "attacked a village and three soldiers were killed"
        return Fatalities(more, more, None, sides_of(told))
    _, before = _list_before(folded, match.start("a"), lex)  # "two police officers, a teacher and four students"
    return Fatalities(1 + more + before, 1 + more + before, None, sides_of(folded[match.start("a"):match.end()]))


_WINDOW_END = re.compile(rf"[,.;:،؛]| (?:in|on|at|near|when|as|while|after|during|before|said|says|according|{_HURT}|و?(?:اصيب|جرح)|في|علي|قرب|بعد|خلال)(?!\w)")


_OF_WHOM = re.compile(r" of (?:the )?(?:[^\s,.;]+ ){0,2}[^\s,.;]+")


def _own_words(match: re.Match[str], folded: str, verb_first: bool, first: int) -> str:
    """The words that say who a count's dead were: from ``first`` (the count, or the list it
    closes) up to the death word ("seven of its soldiers died"), or after the number when the verb
    comes first ("killed 12 of the attackers as …")."""
    if not verb_first:  # "eight bodies of Fano fighters": who they were may follow the count's noun
        after = _OF_WHOM.match(folded, match.end())
        return folded[first:after.end() if after else match.end()]
    window = folded[match.start("a"):match.end("a") + 60]
    cut = _WINDOW_END.search(window, match.end("a") - match.start("a"))
    return window[:cut.start()] if cut else window


_CORRECTED = re.compile(r"\b(?:corrected|revised|lowered|updated|reduced)\b|(?<!\w)(?:عدل|صحح|خفض)\w*")


def _corrected(folded: str, lex: Lexicon) -> Fatalities | None:
    """A toll corrected or updated ("later corrected the figure to seven", "the toll was updated
    to 4"): it replaces every figure told before it."""
    head = _toll_patterns(lex.lang)[0].search(folded)
    toll = _toll(folded, lex) if head is not None and _CORRECTED.search(folded, max(0, head.start() - 30)) else None
    return toll if toll is not None and toll.maximum is None else None


def toll_in(folded: str, lex: Lexicon) -> Fatalities | None:
    """The figure a sentence's death toll gives ("the death toll has since risen to 12"), or None."""
    return _toll(folded, lex)


def _toll(folded: str, lex: Lexicon) -> Fatalities | None:
    """The figure a death toll gives: the latest when it rose ("from 6 to 10" -> 10)."""
    head_pattern, figure_pattern = _toll_patterns(lex.lang)
    head = head_pattern.search(folded)
    figure = figure_pattern.match(folded, head.end()) if head else None
    if figure is None or figure.group("a").strip() in {"a", "an"} or _CUMULATIVE.match(folded, head.end()) or _CUMULATIVE.match(folded, figure.end()):
        return None
    low, high = _value(figure.group("a"), lex), _value(figure.group("b"), lex) if figure.group("b") else None
    if low is None or _is_date(figure, folded, low):
        return None
    rose = figure.groupdict().get("up") or _FROM_TO.search(figure.group()) or _AR_ROSE.search(folded, head.start(), figure.start("a"))
    if high is not None and rose:
        return Fatalities(high, high, None)  # "rose to", "revised down from seven to six": the latest
    if high is not None and high > low:
        return Fatalities(low, low, high)
    return Fatalities(low, low, None)


_AR_ROSE = re.compile(r"(?<!\w)(?:ارتفع|ترتفع|يرتفع|ارتفاع|زاد|زادت|تزايد|صعد|قفز|عدل)\w*")
_FROM_TO = re.compile(r"\b(?:down|up|revised|lowered|raised|corrected|updated|dropped|fell|reduced) (?:\S+ ){0,3}?from \S+ to \S+$")


def fatalities_in(folded: str, lex: Lexicon, text: str = "", lone: bool = False) -> Fatalities | None:
    """The death count a folded sentence gives (the largest it reports), or None.

    ``lone``: the sentence's event is one that kills, so one victim killed counts 1
    (``text``, the sentence as written, finds "the murder of" a named person).
    """
    if lex.no_casualties.search(folded):
        return Fatalities(0, 0, 0)
    if not _DEATH_GATE.search(folded):
        return None
    folded = _KILLED_OR_HURT.sub("", folded)  # "35 soldiers killed or wounded": a total, not deaths
    if (corrected := _corrected(folded, lex)) is not None:
        return corrected
    further = _further_deaths(folded, lex)
    found = [
        (value, match.start("a"))
        for pattern, verb_first in _patterns(lex.lang)
        for match in pattern.finditer(folded)
        if not any(start <= match.start("a") < end for start, end, _ in further)
        and not _CUMULATIVE.match(folded, match.end())
        and (value := _from_match(match, lex, folded, verb_first)) is not None
    ]
    if (toll := _toll(folded, lex)) is not None:
        found.append((toll, -1))
    found = [item for item in found if item[1] < 0 or not _INITIAL.search(folded, max(0, item[1] - 40), item[1])] or found
    if found:
        most = _sides_added(found, folded)
        if (least := _least_of_conflicting(found, most, folded)) is not None:
            return least
        if most.maximum is None:
            more = sum(value for _, _, value in further) + _killer_too(folded)
            return Fatalities(most.fatalities + more, most.fatalities + more, None, most.sides) if more else most
        return most
    if further:  # a further group told alone is the count
        start, end, most_further = max(further, key=lambda item: item[2])
        return Fatalities(most_further, most_further, None, sides_of(folded[start:end]))
    if lone and lone_victim(folded, text, lex.lang):
        one = 1 + _companions(folded, lex)
        return Fatalities(one, one, None)
    return None


# a count of many events: "bringing to 57 the number of troops killed in Borno since January"
_CUMULATIVE = re.compile(
    rf"[^.;,]{{0,60}}?\b(?:since (?:the (?:start|beginning) of (?:the year|{_MONTHS})|(?:early |late |mid-)?{_MONTHS}|\d{{4}})|so far this year|this year|in \d{{4}} alone)\b"
    r"|[^.;,،؛]{0,60}?(?<!\w)منذ (?:بدايه|مطلع|بدء) (?:العام|السنه|هذا العام)")


# a count told as a part of another ("including four children", "four soldiers among them")
PART_OF = re.compile(r"\b(?:includ\w*|among (?:them|whom|those|the)|of (?:them|whom|those))\b|(?<!\w)(?:بينهم|منهم|من بينهم)(?!\w)")


def _sides_added(found: list[tuple[Fatalities, int]], folded: str) -> Fatalities:
    """The largest count, plus the counts of other sides told apart in the sentence: "killing an
    Iraqi soldier; two of the attackers were killed" -> 3.  A count of a side already counted, of
    no side ("people"), or a part of another ("including four children") adds nothing."""
    ranked = sorted(found, key=lambda item: -item[0].fatalities)
    most, at = ranked[0]
    if most.maximum is not None or not most.sides:
        return most
    total, counted = most.fatalities, set(most.sides)
    for other, start in ranked[1:]:
        if other.maximum is not None or not other.sides or other.sides & counted or start < 0:
            continue
        if PART_OF.search(folded, min(at, start), max(at, start) + 16):
            continue
        total, counted = total + other.fatalities, counted | other.sides
    return Fatalities(total, total, None, frozenset(counted)) if total != most.fatalities else most


# a first figure the sentence says was superseded: "after an initial toll of 31", "بعد أن أشارت حصيلة أولية إلى 31"
_INITIAL = re.compile(r"\b(?:initial(?:ly)?|preliminary|earlier) (?:\S+ ){0,4}$|(?<!\w)(?:اوليه|مبدئيه|سابقه|البدايه)(?: \S+){0,3} $")


# a second source giving its own figure: "Police said six people died, while local elders put the toll at nine"
_CONFLICTING = re.compile(
    r"\b(?:while|whereas|but)\b(?: \S+){0,6}? (?:said|say|says|put|puts|reported|gave|give|claimed|claim|estimated|counted|told)\b"
    r"|\b(?:differing|conflicting) (?:estimates|figures|accounts|tolls)\b"
    r"|(?<!\w)(?:فيما|بينما|في حين)(?: \S+){0,6}? (?:افاد|قال|اكد|ذكر|اشار|اعلن|قدر|تحدث)\w*")


def _least_of_conflicting(found: list[tuple[Fatalities, int]], most: Fatalities, folded: str) -> Fatalities | None:
    """The lowest of the figures two sources give for the same dead (ACLED's most conservative
    reading), or None when the sentence adds counts of different sides or gives one figure."""
    figures = [value for value, _ in found if value.maximum is None]
    if len(figures) < 2 or most.maximum is not None or most.fatalities != max(f.fatalities for f in figures):
        return None
    if not _CONFLICTING.search(folded):
        return None
    least = min(figures, key=lambda f: f.fatalities)
    return Fatalities(least.fatalities, least.fatalities, None, least.sides)


def _killer_too(folded: str) -> int:
    """1 when the killer died too ("blew himself up", "turning the weapon on himself"), unless a
    group already counted him ("killing four policemen and himself")."""
    return 1 if _KILLER_TOO.search(folded) and not _SELF_COUNTED.search(folded) else 0


_SELF_COUNTED = re.compile(r"(?:,|\band|\bas well as) (?:himself|herself)\b")


def _further_deaths(folded: str, lex: Lexicon) -> list[tuple[int, int, int]]:
    """Deaths told as a further group beside a first figure, as (start, end, count): "… killed 18
    soldiers, and 10 of the assailants also died", "… and lost four of its own men", "…
    مقتل 11 من المهاجمين واستشهاد ثلاثة جنود"."""
    found = []
    for pattern in _further_patterns(lex.lang):
        for match in pattern.finditer(folded):
            value = _value(match.group("a"), lex)
            overlaps = any(start < match.end() and match.start() < end for start, end, _ in found)
            if value is not None and value <= 100000 and not overlaps and not _is_date(match, folded, value):
                found.append((match.start(), match.end(), value))
    return found


@lru_cache(maxsize=4)
def _further_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    from marsad.events.lexicon import lexicon

    quantity = _quantity(lexicon(lang))
    if lang == "ar":
        return (re.compile(rf"(?<!\w)و(?:استشهاد|مقتل|مصرع) {quantity}(?!\w)"),
                re.compile(rf"(?<!\w)(?:كما |و)(?:قتل|استشهد|لقي)\S* {quantity} (?:من [^\s،,.]+|\S+ (?:حتفه|مصرعه|حتفهم|مصرعهم))(?!\w)"),  # "كما قُتل اثنان من عناصرها"
                re.compile(rf"(?<!\w)(?:كما |و)(?:قتل|استشهد) (?P<q>)(?P<a>{_AR_ONE})(?P<b>)(?!\w)"))  # "وقُتل جندي إسرائيلي"
    return (
        re.compile(rf"{quantity} (?:[^\s,.;]+ ){{0,4}}?(?:(?:were|was|had) )?also (?:died|dead|killed|been killed|lost their lives)\b"),
        # one more, in a later clause: ", and an Israeli soldier was killed in the exchange of fire", "; a child
        # wounded in the attack died the following day"
        re.compile(rf"(?:[,;] (?:and |while |but )?|; )(?P<a>an?|one|another) (?:(?!and\b|who\b|which\b)[^\s,.;]+ ){{1,7}}?"
                   rf"(?:was (?:also |later )?(?:killed|shot dead)|(?:later |also |subsequently )?(?:died|succumbed))\b"),
        re.compile(rf"\blost {quantity} (?:of (?:its|their) (?:own )?)?(?:men|soldiers|troops|fighters|members|personnel|policemen|officers)\b"),
    )


def _companions(folded: str, lex: Lexicon) -> int:
    """Those killed with a lone victim: "shot him dead along with his two sons" -> 2."""
    match = _companion_pattern(lex.lang).search(folded)
    value = _value(match.group("n"), lex) if match is not None else None
    if value is None or value > 1000:
        return 0
    return value + _more_groups(folded[match.end("n"):match.end("n") + 80], lex)  # "… his driver and a bodyguard"


@lru_cache(maxsize=4)
def _companion_pattern(lang: str) -> re.Pattern[str]:
    from marsad.events.lexicon import lexicon

    number = _number(lexicon(lang))
    if lang == "ar":
        return re.compile(rf"(?:مع|برفقه) (?P<n>{number}|{_AR_KIN})(?!\w)")
    return re.compile(rf"\b(?:along|together) with (?:(?:his|her|their) )?(?P<n>{number}|{_KIN})\b(?! (?:\S+ ){{0,2}}{_HURT})")
