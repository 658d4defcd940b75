"""Language per article and per paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.normalize.lang import LanguageDetector, count_scripts, detect_language

ENGLISH = "Iraqi forces launched an operation against the militants in the western province on Tuesday, officials said."
ARABIC = "قال مصدر أمني إن القوات العراقية شنت هجوماً على مواقع التنظيم في محافظة الأنبار يوم الثلاثاء."
PERSIAN = "نیروهای عراقی روز سه‌شنبه عملیاتی را علیه شبه‌نظامیان در استان غربی آغاز کردند، مقامات گفتند."
FRENCH = "Les forces irakiennes ont lancé mardi une opération contre les militants dans la province occidentale."
GERMAN = "Irakische Streitkräfte haben am Dienstag eine Operation gegen die Milizen in der westlichen Provinz begonnen."
TURKISH = "Irak güçleri salı günü batı vilayetindeki militanlara karşı bir operasyon başlattı, yetkililer açıkladı."


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


def test_script_counts() -> None:
    counts = count_scripts("Abc دمشق 2021 Ünal")
    assert (counts.latin, counts.arabic, counts.cyrillic) == (7, 4, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ENGLISH, "en"),
        (ARABIC, "ar"),
        (PERSIAN, "fa"),
        (ENGLISH + "\n\n" + ARABIC, "mixed"),
        (ENGLISH * 5 + " " + "قال مصدر", "en"),  # a few Arabic words do not make it mixed
        ("OK 12 ..", "und"),
        ("", "und"),
        ("٢٠٢١/٠٩/٢٢ — 10:32", "und"),
    ],
)
def test_script_decides_common_cases(detector: LanguageDetector, text: str, expected: str) -> None:
    assert detector.detect(text) == expected


def test_kurdish_letters() -> None:
    sorani = "هێزەکانی عێراق ئۆپەراسیۆنێکیان لە پارێزگای ئەنبار دەستپێکرد دژی چەکدارەکان."
    assert detect_language(sorani) == "ku"


@pytest.mark.parametrize(("text", "expected"), [(FRENCH, "fr"), (GERMAN, "de"), (TURKISH, "tr")])
def test_other_latin_languages_go_to_lingua(detector: LanguageDetector, text: str, expected: str) -> None:
    assert detector.detect(text) == expected


def test_english_never_loads_lingua() -> None:
    detector = LanguageDetector()
    assert detector.detect(ENGLISH) == "en"
    assert detector.detect(ARABIC) == "ar"
    assert detector._lingua is None


def test_paragraph_spans(detector: LanguageDetector) -> None:
    text = f"  {ENGLISH}\nsecond line of it\n\n \t\n{ARABIC}\n\n\nok\n"
    spans = detector.paragraphs(text)
    assert [lang for *_, lang in spans] == ["en", "ar", "und"]
    first_start, first_end, _ = spans[0]
    assert text[first_start:first_end] == f"{ENGLISH}\nsecond line of it"
    assert text[spans[1][0] : spans[1][1]] == ARABIC


def test_seed_pages(seeds_dir: Path) -> None:
    by_page = {page.name: detect_language(page.read_text(encoding="utf-8")) for page in seeds_dir.glob("*.txt")}
    assert by_page["000_af09a78c8251b2fb.txt"] == "en"
    assert by_page["004_f6c98671be36c8db.txt"] == "en"
    detector = LanguageDetector()
    text = (seeds_dir / "003_ee85a602ba24a7e5.txt").read_text(encoding="utf-8")
    languages = {lang for *_, lang in detector.paragraphs(text)}
    assert {"ar", "en"} <= languages
