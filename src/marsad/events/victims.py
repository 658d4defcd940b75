"""One victim killed: the sentences that report a single death without a number.

"A journalist was shot dead", "gunmen killed him", "beat a street vendor to
death", "the killing of a cleric", "died in custody", "the murder of Raman
Bandarenka", "killed lawyer Abdul Karim Nasser"; Arabic اغتيال الناشط، لقي
مصرعه، عُثر على جثة، طعن حتى الموت، فارق الحياة، "بأن عالم دين قُتل".  English patterns read the folded
sentence; named victims are found in the sentence as written (capitals).
"""

from __future__ import annotations

import re
from functools import lru_cache

_EN_KILLED = (r"(?:killed|shot dead|murdered|slain|assassinated|beheaded|lynched|gunned down|executed|shot and killed|"
              r"found dead|(?:strangled|stabbed|hacked|beaten|burned|burnt|bludgeoned|stoned|tortured|shot|clubbed|kicked) to death)")
# "the village chief", "the driver": one person, not a group ("the men", "the police", "the soldiers")
_WORD_OF_ONE = (r"(?![a-z-]*men\b)(?!(?:people|police|staff|crew|family|families|children|men|women|personnel|youth|militia|population|"
                r"residents|army|military|government|regime|enemy|rest|majority|others|of|at|in|on|and|near|inside|with|"
                r"from|by|during|while)\b)[a-z-]*[a-rt-z-]")
_ONE_PERSON = rf"(?:{_WORD_OF_ONE} ){{0,2}}{_WORD_OF_ONE}\b(?! and\b)"
# " unknown number of", " few": what makes "a"/"an" no single victim and no count of one
UNKNOWN_SIZE = r" (?:[a-z-]+ )?(?:number|few|dozen|total|couple|series|hundred|score|handful)\b"
_NOT_ONE = rf"(?!{UNKNOWN_SIZE})"
_LONE_EN = (
    re.compile(rf"\b(?:was|has been|had been) (?:\w+ly )?(?:also )?{_EN_KILLED}\b"),
    re.compile(rf"\b(?:killed|shot dead|murdered|assassinated|beheaded|lynched|gunned down|strangled|shot and killed) (?:him|her|a|an|one)\b{_NOT_ONE}"
               rf"|\b(?:killed|shot dead|murdered|assassinated|gunned down|shot and killed) the {_ONE_PERSON}"),
    re.compile(r"\b(?:strangled|stabbed|hacked|beat|beaten|burned|burnt|bludgeoned|stoned|tortured|shot|clubbed|kicked) "
               r"(?:him|her|(?:a|an|the) (?:[a-z-]+ ){0,2}[a-z-]+(?<!s)) to death\b"
               r"|\bshot (?:him|her|(?:a|an|the) (?:[a-z-]+ ){0,2}[a-z-]+(?<!s)) dead\b"),
    re.compile(rf"\b(?:stabbed|beaten|hacked|burned|shot|clubbed) to death (?:him|her|a|an|one)\b{_NOT_ONE}"
               r"|\bexecuted (?:a|an) (?!(?:\S+ )?(?:attack|plan|operation|raid|strike|ambush|order|deal|search|warrant)\b)"),
    re.compile(rf"\b(?<!attempted )(?:killing|murder|assassination|lynching|beheading|slaying) of (?:a|an|one)\b{_NOT_ONE}"),
    re.compile(r"\b(?:he|she) died\b|\bsuccumbed to (?:his|her) (?:wounds|injuries)\b|^(?:a|an) (?:[\w-]+ ){0,4}?[a-z-]+(?<![^s]s) died\b|\bdied (?:after being|from (?:his|her)|of (?:his|her)|in (?:police |military |state )?(?:custody|detention))"),
    re.compile(r"\b(?:his|her) body was found\b|\bfound (?:his|her) body\b|\bthe body of (?:a|an)\b"),
    re.compile(r"^(?:a|an) [^.;]{0,100}?, [^,.;]{1,40}, died\b"),  # "A senior commander, Abdirahman Farah, died in a strike"
)
_ROLE = r"(?:[a-z]+ ){0,3}"
_NAME = r"[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,3}"
# "the murder of Raman Bandarenka", "killed human rights lawyer Abdul Karim Nasser"
_LONE_NAMED = (
    re.compile(rf"\b(?<!attempted )(?:murder|killing|assassination|lynching|beheading|slaying) of {_ROLE}{_NAME}\b"),
    re.compile(rf"\b(?:killed|shot dead|murdered|assassinated|gunned down|shot and killed|stabbed to death) {_ROLE}"
               rf"[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){{1,3}}(?=[,.;]| (?:in|on|at|near|outside|as|while|after|during)\b)"),
)
_AND_ANOTHER = re.compile(r",? (?:and|&) [A-Z]")
_LONE_AR = re.compile(
    r"(?<!\w)(?<!محاوله )(?:[وب])?(?:اغتيال|اغتال\w*)(?!\w)|لقي\w* (?:\S+ ){1,8}?(?:مصرعه|حتفه|مصرعها|حتفها)(?!\w)"
    r"|(?<!\w)فارق\w* (?:\S+ ){0,5}?الحياه(?!\w)|(?<!\w)ب?ان (?:\S+ ){1,2}(?:قتل|اغتيل)(?!\w)"
    r"|(?:توفي|مات|قضي)(?!\w) (?:\S+ ){0,3}?تحت التعذيب|عثر\w* علي جثه|جثه (?:\S+ )?مقتول|حتي الموت|استشهد (?:\S+ )?(?:عنصر|مدني|جندي|شاب|طفل)"
    # one victim in the accusative after a killing verb: "أعدم مسلحون … زعيماً قبلياً"
    r"|(?<!\w)(?:[وف])?(?:اعدم|ذبح|قتل|اغتال)\w* (?:\S+ ){0,10}?(?:زعيما|شيخا|رجلا|جنديا|مدنيا|شابا|طفلا|صحفيا|ناشطا|قاضيا|ضابطا|مسوولا|عنصرا|طبيبا|معلما|اماما|مزارعا|راعيا)(?!\w)"
)


def lone_victim(folded: str, text: str, lang: str) -> bool:
    """Whether a sentence reports one person killed, with no number given."""
    if lang == "ar":
        return bool(_LONE_AR.search(folded))
    if any(pattern.search(folded) for pattern in _LONE_EN):
        return True
    for pattern in _LONE_NAMED:
        named = pattern.search(text) if text else None
        if named is not None and not _AND_ANOTHER.match(text, named.end()):
            return True
    return False


# Who the dead were, by side: counts of different sides told apart are added ("7 soldiers were
# killed. FAMa said 15 militants were killed" -> 22); counts of one side, or of "people", may
# be the same dead told twice, so only the largest is kept.
_SIDE_WORDS = {
    "state": (r"soldiers?|troops?|servicem[ae]n|policem[ae]n|police ?officers?|police|gendarmes?|officers?|"
              r"security (?:forces|personnel|men|guards?|officers?|agents?)|guards?|peacekeepers?|marines?|conscripts?|"
              r"جندي|جنديا|جنديان|جنديين|جنود|جنوده|شرطي|شرطيا|شرطيين|شرطيان|ضابط|ضباط|افراد (?:ال)?امن|عناصر (?:ال)?(?:امن|شرطه|جيش)"),
    "armed": (r"militants?|insurgents?|fighters?|attackers?|assailants?|gunm[ae]n|rebels?|bandits?|jihadists?|terrorists?|"
              r"combatants?|militiam[ae]n|militia members?|extremists?|raiders?|kidnappers?|(?:suicide )?bombers?|gang members?|"
              r"مسلح|مسلحا|مسلحين|مسلحون|مهاجم|مهاجمين|المهاجمين|مقاتل|مقاتلا|مقاتلين|مقاتلان|ارهابي|ارهابيين|متشدد|متشددين|عناصر|عنصرا|عنصرين|انتحاري"),
    "civilian": (r"civilians?|villagers?|residents?|children|child|women|woman|girls?|boys?|farmers?|students?|pupils?|"
                 r"worshippers?|passengers?|workers?|miners?|herders?|guests?|patients?|shopkeepers?|vendors?|traders?|"
                 r"journalists?|teachers?|refugees?|relatives?|daughters?|sons?|wife|husband|mother|father|family members?|"
                 r"مدني|مدنيا|مدنيين|مدنيان|مدنيون|اطفال|طفل|طفلا|طفلان|طفلين|نساء|امراه|مسعف|مسعفين|مزارع|مزارعين|صحفي|سايق|رجل|رجلا"),
}


@lru_cache(maxsize=1)
def _side_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((side, re.compile(rf"(?<!\w)(?:[وبل]|ال)?(?:{words})(?!\w)")) for side, words in _SIDE_WORDS.items())


def sides_of(window: str) -> frozenset[str]:
    """The sides ("state", "armed", "civilian") a count's own words name: "7 soldiers" -> state,
    "two of the attackers" -> armed; "people", "others" name none."""
    return frozenset(side for side, pattern in _side_patterns() if pattern.search(window))
