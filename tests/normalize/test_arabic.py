"""Folding text for matching: Arabic variants, case, marks, offsets back to the original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.normalize.arabic import (
    normalize_arabic,
    normalize_for_matching,
    normalize_with_offsets,
    original_span,
)


def test_alef_forms_and_final_letters() -> None:
    assert normalize_arabic("أحمد إبراهيم آل ٱلرحمن") == "احمد ابراهيم ال الرحمن"
    assert normalize_arabic("مستشفى") == "مستشفي"
    assert normalize_arabic("مدينة الموصل") == "مدينه الموصل"
    assert normalize_arabic("مؤتمر هيئة") == "موتمر هييه"


def test_marks_tatweel_and_digits() -> None:
    assert normalize_arabic("فُتِحَتْ الطريقُ") == "فتحت الطريق"
    assert normalize_arabic("حرّرتْ") == "حررت"
    assert normalize_arabic("الحشـــد") == "الحشد"
    assert normalize_arabic("هٰذا") == "هذا"
    assert normalize_arabic("قتل ١٢ وجرح ۳۴") == "قتل 12 وجرح 34"


def test_persian_letters_become_arabic() -> None:
    assert normalize_arabic("کرکوک") == "كركوك"
    assert normalize_arabic("ایران") == "ايران"


def test_latin_text_is_left_alone_by_normalize_arabic() -> None:
    assert normalize_arabic("Kata’ib Hezbollah — Qaïm") == "Kata’ib Hezbollah — Qaïm"


def test_matching_form_folds_case_accents_quotes_and_dashes() -> None:
    assert normalize_for_matching("Kata’ib Hezbollah") == "kata'ib hezbollah"
    assert normalize_for_matching("Kata`ib") == "kata'ib"
    assert normalize_for_matching("Qaïm – Albu Kamal") == "qaim - albu kamal"
    assert normalize_for_matching("Deir ez‑Zor") == "deir ez-zor"
    assert normalize_for_matching("ÉLYSÉE") == "elysee"
    assert normalize_for_matching("الأنبار") == "الانبار"


def test_same_name_in_different_spellings_matches() -> None:
    spellings = ["البوكمال", "البوكمـــال", "ﺍﻟﺒﻮﻛﻤﺎﻝ"]  # tatweel; presentation forms
    assert len({normalize_for_matching(s) for s in spellings}) == 1
    assert normalize_for_matching("الرمادى") == normalize_for_matching("الرمادي")


def test_offsets_map_a_match_back_to_the_original() -> None:
    text = "قصفت القوات مدينةَ الفلّوجة يوم الثلاثاء"
    folded, offsets = normalize_with_offsets(text)
    assert folded == normalize_for_matching(text)
    start = folded.index("الفلوجه")
    span = original_span(offsets, start, start + len("الفلوجه"), len(text))
    assert text[span[0] : span[1]] == "الفلّوجة"


def test_offsets_through_expanding_characters() -> None:
    text = "ﷺ Straße"
    folded, offsets = normalize_with_offsets(text)
    assert len(offsets) == len(folded)
    start = folded.index("strasse")
    span = original_span(offsets, start, start + len("strasse"), len(text))
    assert text[span[0] : span[1]] == "Straße"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_offsets_are_valid_and_non_decreasing(text: str) -> None:
    folded, offsets = normalize_with_offsets(text)
    assert folded == normalize_for_matching(text)
    assert len(offsets) == len(folded)
    assert all(0 <= index < len(text) for index in offsets)
    assert offsets == sorted(offsets)


ARABIC_ALPHABET = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(ARABIC_ALPHABET, st.characters()), max_size=120))
def test_normalize_arabic_is_idempotent(text: str) -> None:
    once = normalize_arabic(text)
    assert normalize_arabic(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ARABIC_ALPHABET, max_size=60))
def test_matching_form_of_arabic_is_stable(text: str) -> None:
    once = normalize_for_matching(text)
    assert normalize_for_matching(once) == once


@given(st.text(alphabet=st.sampled_from(
    [chr(c) for c in range(0x0600, 0x06FF)] + list("abc XYZ 0123 ’-\n")), max_size=200))
def test_fast_fold_equals_the_character_table(text):
    from marsad.normalize.arabic import _arabic_table

    assert normalize_arabic(text) == text.translate(_arabic_table())
