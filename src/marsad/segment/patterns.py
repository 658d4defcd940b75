"""Compiled patterns that recognise the non-article lines of a news page.

Every pattern is matched against one line with its edges already trimmed.
The lists are deliberately about *kinds* of lines (share widgets, fair-use
notices, "Related News" headings, image placeholders, bylines) rather than
about any one page, so that they carry over to unseen pages of the same sort.
"""

from __future__ import annotations

import re

# Page chrome: lines that end whatever came before them (widgets, notices).
CHROME_LINE = re.compile(
    r"""^(?:
        advertisements?|sponsored(?:\s+content)?|print(?:\s+friendly)?
      | print\s+this(?:\s+(?:article|page|post))?|leave\s+a\s+(?:comment|reply)
      | \d*\s*comments?|no\s+comments?(?:\s+yet)?|%d\s+bloggers\s+like\s+this:?
      | share(?:\s+this)?(?:\s+(?:article|post|story))?(?:\s*:.{0,80})?|like\s+this(?::.{0,40})?
      | share(?:\s+on)?(?:\s+(?:facebook|twitter|x|whatsapp|telegram|email|linkedin|reddit)){1,8}
      | menu\b.{0,120}|forward\s+to\s+a\s+friend\b.{0,60}|unsubscribe\b.{0,60}
      | (?:like\s+)?loading\s*(?:\.\.\.|…)|tweet|email|e-mail|whatsapp|telegram
      | facebook|twitter|reddit|linkedin|pinterest|tumblr|pocket|skype|more
      | subscribe\b.{0,60}|follow\s+us\b.{0,60}|tags?\s*:.{0,200}
      | categories\s*:.{0,200}|filed\s+under\b.{0,120}|posted\s+in\s.{0,120}
      | (?:previous|next)\s+(?:post|article|story)\b.{0,150}
      | continue\s+reading\b.{0,100}|click\s+here\b.{0,100}
      | .{0,80}all\s+rights\s+reserved\.?.{0,40}|back\s+to\s+top
      | شارك(?:\s+\S+){0,2}|اطبع|طباعة|إعلان|اعلان
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Notices that may be long: disclaimers, copyright and fair-use paragraphs.
# NOTICE_START is matched at the line's start; NOTICE_WORDS (cheap literal
# test first, see NOTICE_HINTS) anywhere in the line's opening.
NOTICE_START = re.compile(
    r"""disclaimer\s*:|(?:note|editor'?s\s+note)\s*:.{60}
      | (?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\d{4}))
      | for\s+media\s+inquiries
      | the\s+views\s+(?:and\s+opinions\s+)?expressed\s+(?:in\s+this|here)
    """,
    re.IGNORECASE | re.VERBOSE,
)
NOTICE_HINTS = ("copyright", "fair use", "republication", "re-publication", "responsibility", "necessarily")
NOTICE_WORDS = re.compile(
    r"""copyrighted\s+material|fair\s+use["”]?.{0,200}copyright
      | re-?publications?\s+(?:are|is)\s+welcome
      | (?:are|is)\s+of\s+sole\s+responsibility|do\s+not\s+necessarily\s+(?:reflect|subscribe)
    """,
    re.IGNORECASE | re.VERBOSE,
)

# An author's one-line biography closing an article.
BIO_LINE = re.compile(
    r"^(?:[A-Z][\w’'.\-]*\s){1,4}is\s+an?\s.{0,100}?\b(?:journalist|writer|author|"
    r"analyst|editor|researcher|commentator|columnist|correspondent|contributor|"
    r"professor|expert|blogger)\b",
)

# Headings that introduce a list of teasers (not articles themselves).
MARKER_LINE = re.compile(
    r"""^(?:
        related(?:\s+(?:videos?|news|articles?|posts?|stories|content|topics|reading|items))?
      | r\s?e\s?l\s?a\s?t\s?e\s?d | more\s+on\s+(?:the|this)\s+(?:topic|subject|story)
      | (?:read|see)\s+also|read\s+more|you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you)?
      | articles|latest(?:\s+(?:news|articles|posts))?|recent\s+(?:posts|articles|news)
      | most\s+(?:read|popular|viewed)|popular\s+(?:posts|articles)|trending(?:\s+now)?
      | فيديوات?\s+متعلقة|فيديو\s+متعلق|مقالات?\s+متعلقة|مقالات\s+سابقة(?:\s+للكاتب)?
      | (?:مواضيع|أخبار|اخبار|مقالات)\s+ذات\s+صلة|اقرأ\s+أيضا[ًً]?|اقرأ\s+ايضا[ًً]?
      | (?:المزيد|اقرأ\s+المزيد)
    )\s*[:：.]?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Image placeholders and credits that sit inside an article's header or body.
IMAGE_LINE = re.compile(
    r"""^(?:
        visual\s+search\s+query\s+image|illustrative\s+(?:image|photo|picture)\.?
      | click\s+to\s+(?:see|enlarge|view|open)\b.{0,80}|(?:file\s+)?photo\s*:.{0,120}
      | (?:photo|image|picture)\s+(?:credit|courtesy|by)\b.{0,120}|image\s*:.{0,120}
      | \(?(?:file\s+photo|archive\s+photo|photo)\)?\.?
      | [\w.\-]*(?:\d{7,}|\.(?:jpe?g|png|gif|webp|svg))[\w.\-]*
      | (?:مصدر\s+)?الصورة\s*[:：].{0,120}|صورة\s+(?:أرشيفية|ارشيفية|تعبيرية)
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# An author's social-media profile line: "Name (@handle) | Twitter".
SOCIAL_PROFILE = re.compile(
    r"\(@\w{2,}\)|(?:^|\s)@\w{2,}\s*$|[|•·]\s*(?:twitter|x|facebook|instagram|telegram|youtube)\s*$",
    re.IGNORECASE,
)
# A caption sentence: "… (February 4, 2021 / photo by Reuters)." or "(archive)."
CAPTION_TAIL = re.compile(
    r"\((?:[^()]{0,80}\b)?(?:photo|archive|illustrative|image|picture)\b[^()]{0,40}\)\.?$",
    re.IGNORECASE,
)
# "Iraqi Popular Forces-3": an image name ending with a serial number.
SERIAL_CAPTION = re.compile(r"\S-\d{1,3}$")
# "تقرير / …", "Analysis / …": a kicker line over the headline.
KICKER_LINE = re.compile(
    r"^(?:تقرير|خاص|تحليل|رأي|مقال|متابعة|report|analysis|exclusive|opinion|"
    r"editorial|interview|feature)\s*[/|]\s+\S",
    re.IGNORECASE,
)

# "By Staff, Agencies", "Written by …", "Posted by … on …", "بقلم …".
BYLINE_LINE = re.compile(
    r"^(?:(?P<verb>written|posted|reported|authored|compiled|edited|submitted)\s+by"
    r"|by|bylined?|author|بقلم|كتب|كتبت|إعداد|اعداد)\s*:?\s+(?P<who>\S.*)$",
    re.IGNORECASE,
)
# "Posted on July 3, 2021 by admin", "Published: …", "نشر في …": dated credit lines.
DATED_CREDIT_LINE = re.compile(
    r"^(?:(?:posted|published|updated|last\s+updated)(?:\s+(?:on|at))?\s*:?"
    r"|نشر\s+في|تاريخ\s+النشر\s*:?)\s+\S.*\d",
    re.IGNORECASE,
)
# Menus and breadcrumbs: "Home | News | Iraq", "Home » World » Middle East",
# "Latest   Iraq   Syria   Archive" (words spaced out by runs of blanks).
MENU_LINE = re.compile(
    r"^(?:[^|•»›]{1,30}[|•»›]\s*){2,}[^|•»›]{0,30}$|^(?:\S+(?:\s\S+)?(?:\s{3,}|\t+)){3,}\S+(?:\s\S+)?$"
)
# Words that make a short capitalised line an outlet rather than a person.
OUTLET_WORDS = re.compile(
    r"\b(?:wire|monitor|news|agency|agencies|dispatch|digest|times|post|press|tv|front|network|media|"
    r"report|daily|herald|tribune|observer|gazette|journal|radio|channel|cent(?:er|re)|institute|website|"
    r"online|today|magazine|review|bulletin|weekly|service|desk|staff)\b"
    r"|(?:^|\s)(?:نيوز|مرصد|وكالة|قناة|موقع|صحيفة|جريدة|شبكة|إذاعة|اذاعة|تلفزيون|مركز)(?:\s|$)",
    re.IGNORECASE,
)
# "Kirkuk: Arab and Kurdish farmers agree …": a place or topic before a colon.
COLON_HEADLINE = re.compile(r"^[^\W\d][^:.!?]{1,30}:\s+\S")
# "1. Tarmiyah: …", "2) …": a numbered item of a bulletin.
NUMBERED_ITEM = re.compile(r"^\d{1,3}\s*[.)\-–]\s")
# "Source: Al Mayadeen", "SourceIRNA", "Articles by: Fars News Agency".
SOURCE_LINE = re.compile(
    r"^(?:(?i:source|المصدر|مصدر)(?:\s*[:：\-–—]\s*|\s+|(?=[A-Z])|\s*$)"
    r"|(?i:articles?\s+by)\s*:\s*)(?P<name>.{0,80}?)\s*$"
)
# A body that opens with its agency: "(FNA) ~ …", "BAGHDAD (Reuters) - …".
AGENCY_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z’',\- ]{0,40}\s)?\((?P<name>[A-Z][A-Za-z.\-& ]{0,30}[A-Za-z.])\)\s*[~–—\-:]"
)

# Normalising a headline for comparison: everything but letters and digits.
NON_ALNUM = re.compile(r"[\W_]+")


def outlet_key(name: str) -> str:
    """An outlet's name reduced for lookup: lower case, punctuation as spaces."""
    return " ".join(NON_ALNUM.sub(" ", name).casefold().split())


# Outlets that appear as a bare line under a headline (as outlet_key gives them).
KNOWN_OUTLETS = frozenset(
    outlet_key(name)
    for name in (
        "South Front", "SouthFront", "Al Mayadeen", "Al Mayadeen English", "Al-Mayadeen",
        "Press TV", "PressTV", "Al-Manar", "Al Manar", "Almanar", "Al-Manar English Website",
        "Fars News", "Fars News Agency", "FNA", "IRNA", "SANA", "Tasnim", "Tasnim News",
        "Mehr News", "ABNA", "Al-Akhbar", "Al Akhbar", "Reuters", "AFP", "AP", "Associated Press",
        "Sputnik", "RT", "Russia Today", "TASS", "Xinhua", "Anadolu", "Anadolu Agency", "Rudaw",
        "Kurdistan24", "Kurdistan 24", "Shafaq News", "Al Jazeera", "Al Arabiya", "BBC",
        "Middle East Eye", "The Cradle", "Al-Ahed", "Al-Ahed News", "Alahednews", "Al Mashhad",
        "Syria Direct", "Enab Baladi", "SOHR", "Antiwar.com", "Global Research", "Asia Times",
        "الأخبار", "الاخبار", "الميادين", "المنار", "العهد", "سانا", "البناء", "الراي", "روسيا اليوم",
        "الجزيرة", "العربية", "السومرية", "شفق نيوز", "فارس", "تسنيم", "إرنا", "ارنا",
    )
)

# Single capital-letter abbreviations closing a headline: "I.S.", "U.S.".
ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Jr|Sr|St|Dr|Mr|Mrs|Ms|Co|Inc|Ltd|No|vs)\.$")
# Closing quotes/brackets that may follow a sentence's terminal mark.
CLOSERS = "\"'”’“‘»«)]}›‹\u200f\u200e\u00a0 "
SENTENCE_END = frozenset(".:;。۔")
QUESTION_END = frozenset("?!؟")
ELLIPSIS_END = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])$")

ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w’'\-]*")
HAS_WORD_CHAR = re.compile(r"\w")
HAS_DIGIT = re.compile(r"\d")
FOUR_DIGITS = re.compile(r"\d{4}")
# What joins an outlet's name to a date on one line.
CREDIT_SEPARATORS = frozenset(",|•·–—-")
# An English personal name: two to four capitalised tokens ("Steven Sahiounie").
ENGLISH_NAME = re.compile(
    r"^(?:[A-Z][\w’'.\-]*|al-|el-|bin|ibn|de|van|von|abu)"
    r"(?:\s+(?:[A-Z][\w’'.\-]*|al-\w+|el-\w+|bin|ibn|de|van|von|abu)){1,3}$"
)
ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u0671-\u06d3]+(?:\s+[\u0621-\u064a\u0671-\u06d3]+){1,3}$")
# A byline glued to a credit: "Written by X" + "Originally appeared …".
GLUED_CREDIT = re.compile(r"(?<=[a-z.])(?:Originally|First)\s+(?:appeared|published)\b.*$")
