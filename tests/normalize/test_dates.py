"""Publication-date parsing: every form the seed pages print, order, date lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.models import DatePrecision
from marsad.normalize.dates import infer_order, looks_like_date_line, parse_date

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("27 Jul 2021", D(2021, 7, 27)),
        ("18/07/2021", D(2021, 7, 18)),
        ("Today 10/7/2021", D(2021, 7, 10)),
        ("MARCH 30, 2021", D(2021, 3, 30)),
        ("September 22, 2021", D(2021, 9, 22)),
        (" July 25, 2021", D(2021, 7, 25)),
        ("22 Jul 21", D(2021, 7, 22)),
        ("31.12.2017", D(2017, 12, 31)),
        ("February 5, 2018", D(2018, 2, 5)),
        ("Sep 21, 2021", D(2021, 9, 21)),
        ("Sept. 3, 2019", D(2019, 9, 3)),
        ("أيلول 4 2021", D(2021, 9, 4)),
        ("الثلاثاء 13 نيسان 2021", D(2021, 4, 13)),
        ("2021-07-27", D(2021, 7, 27)),
        ("2021-07-27T10:32:00Z", D(2021, 7, 27)),
        ("Tuesday, April 13, 2021", D(2021, 4, 13)),
        ("Wed 1st December 2021", D(2021, 12, 1)),
        ("27-Jul-2021", D(2021, 7, 27)),
    ],
)
def test_seed_forms_parse_to_the_day(text: str, expected: dt.date) -> None:
    found = parse_date(text)
    assert found is not None
    assert found.date == expected
    assert found.precision is DatePrecision.DAY
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("كانون الثاني 9 2020", D(2020, 1, 9)),
        ("9 كانون الأول 2020", D(2020, 12, 9)),
        ("1 شباط 2019", D(2019, 2, 1)),
        ("1 آذار 2019", D(2019, 3, 1)),
        ("2 أيار 2019", D(2019, 5, 2)),
        ("2 حزيران 2019", D(2019, 6, 2)),
        ("3 تموز 2019", D(2019, 7, 3)),
        ("3 آب 2019", D(2019, 8, 3)),
        ("5 تشرين الأول 2019", D(2019, 10, 5)),
        ("5 تشرين الثاني 2019", D(2019, 11, 5)),
        ("7 يناير 2020", D(2020, 1, 7)),
        ("7 فبراير 2020", D(2020, 2, 7)),
        ("7 مارس 2020", D(2020, 3, 7)),
        ("7 أبريل 2020", D(2020, 4, 7)),
        ("7 إبريل 2020", D(2020, 4, 7)),
        ("7 مايو 2020", D(2020, 5, 7)),
        ("7 يونيو 2020", D(2020, 6, 7)),
        ("7 يونيه 2020", D(2020, 6, 7)),
        ("7 يوليو 2020", D(2020, 7, 7)),
        ("7 يوليه 2020", D(2020, 7, 7)),
        ("7 أغسطس 2020", D(2020, 8, 7)),
        ("7 سبتمبر 2020", D(2020, 9, 7)),
        ("7 أكتوبر 2020", D(2020, 10, 7)),
        ("7 نوفمبر 2020", D(2020, 11, 7)),
        ("7 ديسمبر 2020", D(2020, 12, 7)),
        ("الأربعاء ٢٢ أيلول ٢٠٢١", D(2021, 9, 22)),
        ("يوم الإثنين 5 تموز 2021", D(2021, 7, 5)),
        ("٤ أيلول/سبتمبر ٢٠٢١", D(2021, 9, 4)),
        ("۱۲/۰۵/۲۰۲۰", D(2020, 5, 12)),
        ("13 من نيسان سنة 2021", D(2021, 4, 13)),
        ("نيسان، 13، 2021", D(2021, 4, 13)),
        ("13 نيسان عام 2021", D(2021, 4, 13)),
    ],
)
def test_arabic_month_names_and_digits(text: str, expected: dt.date) -> None:
    found = parse_date(text)
    assert found is not None and found.date == expected


def test_date_inside_a_short_line_keeps_its_span() -> None:
    line = "Militia convoy hit near the border Sep 21, 2021"
    found = parse_date(line)
    assert found is not None
    assert found.date == D(2021, 9, 21)
    assert line[found.start : found.end] == "Sep 21, 2021"


def test_month_precision_and_bare_years() -> None:
    found = parse_date("July 2021")
    assert found is not None and found.precision is DatePrecision.MONTH
    assert found.date == D(2021, 7, 1)
    assert parse_date("2014") is None
    year = parse_date("2014", allow_year=True)
    assert year is not None and year.precision is DatePrecision.YEAR and year.date == D(2014, 1, 1)


@pytest.mark.parametrize("text", ["31 Feb 2021", "30/02/2020", "12 Jan 1850", "2021-13-01", "Jul 2150", "45/13/2020"])
def test_impossible_dates_are_rejected(text: str) -> None:
    assert parse_date(text) is None


def test_numeric_order() -> None:
    assert parse_date("10/7/2021").date == D(2021, 7, 10)  # type: ignore[union-attr]
    assert parse_date("10/7/2021", order="MDY").date == D(2021, 10, 7)  # type: ignore[union-attr]
    # An unambiguous date ignores the requested order.
    assert parse_date("18/07/2021", order="MDY").date == D(2021, 7, 18)  # type: ignore[union-attr]
    assert parse_date("07/18/2021").date == D(2021, 7, 18)  # type: ignore[union-attr]


def test_infer_order_from_unambiguous_dates() -> None:
    assert infer_order(["Posted 18/07/2021", "10/7/2021"]) == "DMY"
    assert infer_order(["07/18/2021", "also 3/4/2021"]) == "MDY"
    assert infer_order(["3/4/2021", "5.6.2020"]) is None
    assert infer_order([]) is None
    assert infer_order(["18/07/2021", "07/19/2021"]) is None


@pytest.mark.parametrize(
    "line",
    [
        "27 Jul 2021",
        "Today 10/7/2021",
        "Updated: 22 Jul 21 10:32",
        "Posted on July 7, 2021",
        "Wednesday, September 22, 2021 - 14:05 GMT",
        "الثلاثاء 13 نيسان 2021",
        "آخر تحديث: ١٢ آب ٢٠٢١ - الساعة 10:30",
    ],
)
def test_date_lines(line: str) -> None:
    assert looks_like_date_line(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Al-Sumaria 27 Jul 2021",
        "27 Jul 2021 Reuters",
        "Rockets hit the base on 27 Jul 2021",
        "Posted on July 7, 2021 by admin",
        "2021",
        "Related Videos",
        "",
        "The city fell on 27 Jul 2021 after weeks of fighting in the western desert of Anbar",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert looks_like_date_line(line) is None


SEED_DATE_LINES = {
    "27 Jul 2021": D(2021, 7, 27),
    "18/07/2021": D(2021, 7, 18),
    "Today 10/7/2021": D(2021, 7, 10),
    "MARCH 30, 2021": D(2021, 3, 30),
    "أيلول 4 2021": D(2021, 9, 4),
    "الثلاثاء 13 نيسان 2021": D(2021, 4, 13),
    "31.12.2017": D(2017, 12, 31),
}


def test_seed_pages_date_lines(seeds_dir: Path) -> None:
    found: dict[str, dt.date] = {}
    pages = sorted(seeds_dir.glob("*.txt"))
    assert pages
    for page in pages:
        for line in page.read_text(encoding="utf-8").splitlines():
            parsed = looks_like_date_line(line)
            if parsed is None:
                continue
            assert len(line.strip()) <= 60, line
            found[line.strip()] = parsed.date
    for line, expected in SEED_DATE_LINES.items():
        assert line in found, f"date line {line!r} not found"
        assert found[line] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789/.-, :JulyMarchأيلولنيسان٤٢ \nTodayاليومabc"), max_size=60))
def test_parse_date_never_raises_on_date_like_text(text: str) -> None:
    found = parse_date(text, allow_year=True)
    if found is not None:
        assert 0 <= found.start < found.end <= len(text)
        assert 1900 <= found.date.year <= 2100
    looks_like_date_line(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_parse_date_never_raises(text: str) -> None:
    parse_date(text)
    parse_date(text, order="MDY", allow_year=True)


def test_dateparser_fallback_reads_other_languages() -> None:
    assert parse_date("27 juillet 2021") is None
    found = parse_date("27 juillet 2021", fallback=True)
    assert found is not None and found.date == D(2021, 7, 27)


@pytest.mark.parametrize("line", ["Thu 27 Apr 2023 11.02 BST", "Thursday 27 April 2023 11:02 CEST"])
def test_a_date_line_with_a_dotted_clock_and_a_time_zone_is_a_date_line(line):
    found = looks_like_date_line(line)
    assert found is not None and found.date == dt.date(2023, 4, 27)


def test_a_decimal_number_beside_a_date_is_no_date_line():
    assert looks_like_date_line("Population 27 Apr 2023 12.5") is None
