"""The normalize stage: publication dates, date expressions, language, and
text folding for matching.

Heavy libraries (dateparser, lingua) load only when first needed.
"""

from marsad.normalize.arabic import (
    normalize_arabic,
    normalize_for_matching,
    normalize_with_offsets,
    original_span,
)
from marsad.normalize.dates import ParsedDate, infer_order, looks_like_date_line, parse_date
from marsad.normalize.lang import LanguageDetector, detect_language
from marsad.normalize.relative import ResolvedDate, resolve_dates_in_text

__all__ = [
    "LanguageDetector",
    "ParsedDate",
    "ResolvedDate",
    "detect_language",
    "infer_order",
    "looks_like_date_line",
    "normalize_arabic",
    "normalize_for_matching",
    "normalize_with_offsets",
    "original_span",
    "parse_date",
    "resolve_dates_in_text",
]
