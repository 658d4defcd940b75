"""Date expressions in article bodies, resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.models import DatePrecision
from marsad.normalize.dates import latest_month_day, weekday_before, weekday_on_or_before
from marsad.normalize.relative import ResolvedDate, resolve_dates_in_text

D = dt.date
WEDNESDAY = D(2021, 9, 22)  # a Wednesday
TUESDAY = D(2021, 9, 21)


def only(text: str, anchor: dt.date | None = WEDNESDAY, lang: str = "en") -> ResolvedDate:
    found = resolve_dates_in_text(text, anchor, lang=lang)
    assert len(found) == 1, found
    assert text[found[0].start : found[0].end] == found[0].text
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected", "phrase"),
    [
        ("Officials said on Tuesday that a convoy was hit.", D(2021, 9, 21), "on Tuesday"),
        ("Rockets struck the airbase Wednesday morning.", D(2021, 9, 22), "Wednesday morning"),
        ("The attack came on Thursday night near Tikrit.", D(2021, 9, 16), "on Thursday night"),
        ("A patrol was ambushed on Sunday.", D(2021, 9, 19), "on Sunday"),
        ("Talks broke down last Wednesday.", D(2021, 9, 15), "last Wednesday"),
        ("A vote is due next Monday.", D(2021, 9, 27), "next Monday"),
    ],
)
def test_weekdays_follow_the_news_rule(text: str, expected: dt.date, phrase: str) -> None:
    found = only(text)
    assert found.date == expected and found.text == phrase
    assert found.precision is DatePrecision.DAY and found.kind == "relative"


def test_monday_night_in_an_article_of_tuesday_is_monday() -> None:
    assert only("Drones struck on Monday night.", TUESDAY).date == D(2021, 9, 20)


def test_weekday_helpers() -> None:
    assert weekday_on_or_before(WEDNESDAY, 2) == WEDNESDAY
    assert weekday_before(WEDNESDAY, 2) == D(2021, 9, 15)
    assert weekday_on_or_before(WEDNESDAY, 3) == D(2021, 9, 16)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen attacked a checkpoint yesterday.", D(2021, 9, 21)),
        ("A bomb went off last night in Kirkuk.", D(2021, 9, 21)),
        ("The day before yesterday a mortar fell on the camp.", D(2021, 9, 20)),
        ("Police said today that two were arrested.", D(2021, 9, 22)),
        ("Two days ago a soldier was killed.", D(2021, 9, 20)),
        ("A shepherd died 3 days ago.", D(2021, 9, 19)),
    ],
)
def test_days_relative_to_the_anchor(text: str, expected: dt.date) -> None:
    found = only(text)
    assert found.date == expected and found.precision is DatePrecision.DAY


def test_weeks_months_years() -> None:
    last_week = only("Fighting resumed last week in Deir Ezzor.")
    assert (last_week.date, last_week.date_end) == (D(2021, 9, 13), D(2021, 9, 19))
    assert last_week.precision is DatePrecision.WEEK
    this_week = only("Earlier this week, two fighters died.")
    assert (this_week.date, this_week.date_end, this_week.precision) == (D(2021, 9, 20), WEDNESDAY, DatePrecision.WEEK)
    ago = only("Three weeks ago the town fell.")
    assert (ago.date, ago.precision) == (D(2021, 8, 30), DatePrecision.WEEK)
    this_month = only("Earlier this month the army moved in.")
    assert (this_month.date, this_month.precision) == (D(2021, 9, 1), DatePrecision.MONTH)
    last_month = only("Last month it was quiet.")
    assert (last_month.date, last_month.date_end) == (D(2021, 8, 1), D(2021, 8, 31))
    last_year = only("The base was hit twice last year.")
    assert (last_year.date, last_year.precision) == (D(2020, 1, 1), DatePrecision.YEAR)


def test_month_without_year_is_the_latest_not_after_the_anchor() -> None:
    july = only("In July, Iraqi forces launched an operation.")
    assert (july.date, july.date_end, july.precision) == (D(2021, 7, 1), D(2021, 7, 31), DatePrecision.MONTH)
    assert only("In November, the militia withdrew.").date == D(2020, 11, 1)
    assert only("The city fell in September.").date == D(2021, 9, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On March 29th the talks began.", D(2021, 3, 29)),
        ("The militants struck on November 23.", D(2020, 11, 23)),
        ("A blast was heard on August 4 in the port.", D(2021, 8, 4)),
        ("Elections are set for September 26.", D(2021, 9, 26)),  # within the grace days
        ("Forces entered the town on the 3rd of May.", D(2021, 5, 3)),
    ],
)
def test_day_without_year(text: str, expected: dt.date) -> None:
    assert only(text).date == expected


def test_a_count_after_the_day_is_no_year() -> None:
    """"On 4 October 100,000 people marched": 100 is no year, so the day stands alone."""
    assert only("On 4 October 100,000 people marched through Minsk.").date == D(2020, 10, 4)
    assert only("On September 12, 2,500 workers walked out.").date == D(2021, 9, 12)
    assert only("On 4 October 2019 people marched.").date == D(2019, 10, 4)  # a year still is one


def test_latest_month_day_skips_missing_leap_days() -> None:
    assert latest_month_day(D(2021, 9, 22), 2, 29) == D(2020, 2, 29)


def test_absolute_dates_in_text() -> None:
    text = "He was killed on January 3, 2020, and in January 2020 parliament voted; in early 2020 protests grew; the city fell in 2014."
    found = resolve_dates_in_text(text, WEDNESDAY)
    values = [(f.text, f.date, f.precision, f.kind) for f in found]
    assert values == [
        ("January 3, 2020", D(2020, 1, 3), DatePrecision.DAY, "absolute"),
        ("January 2020", D(2020, 1, 1), DatePrecision.MONTH, "absolute"),
        ("in early 2020", D(2020, 1, 1), DatePrecision.YEAR, "absolute"),
        ("in 2014", D(2014, 1, 1), DatePrecision.YEAR, "absolute"),
    ]


def test_absolute_date_wins_over_an_overlapping_weekday() -> None:
    found = only("The raid happened on Tuesday, April 13, 2021.")
    assert found.date == D(2021, 4, 13) and found.kind == "absolute"


def test_may_the_verb_is_not_a_month() -> None:
    assert resolve_dates_in_text("Officials may 5 times revise the toll, in may or not.", WEDNESDAY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Armistice Day, 1919, a mob raided the union hall.", D(1919, 11, 11)),
        ("Gunmen attacked a church on Christmas Eve.", D(2020, 12, 24)),
        ("Police detained dozens after May Day clashes.", D(2021, 5, 1)),
        ("The army shelled the town on New Year\u2019s Day 2020.", D(2020, 1, 1)),
    ],
)
def test_named_days_of_the_year(text: str, expected: dt.date) -> None:
    found = only(text)
    assert (found.date, found.precision) == (expected, DatePrecision.DAY)


def test_a_holiday_word_alone_is_no_date() -> None:
    assert resolve_dates_in_text("Crowds filled the Christmas market.", WEDNESDAY) == []
    assert resolve_dates_in_text("He may day-dream of peace.", WEDNESDAY) == []


def test_without_an_anchor_relative_expressions_keep_their_span() -> None:
    found = resolve_dates_in_text("Yesterday, on 4 Sep 2021, and on Tuesday", None)
    assert [(f.text, f.date) for f in found] == [
        ("Yesterday", None),
        ("4 Sep 2021", D(2021, 9, 4)),
        ("on Tuesday", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("قال مصدر أمني أمس إن الهجوم وقع.", D(2021, 9, 21), DatePrecision.DAY),
        ("وقع الانفجار يوم أمس قرب السوق.", D(2021, 9, 21), DatePrecision.DAY),
        ("هدأت الجبهة بالأمس.", D(2021, 9, 21), DatePrecision.DAY),
        ("قصفت الطائرات مساء أمس مواقع التنظيم.", D(2021, 9, 21), DatePrecision.DAY),
        ("أعلنت القوات فجر اليوم بدء العملية.", D(2021, 9, 22), DatePrecision.DAY),
        ("قال المتحدث اليوم إن القوات تقدمت.", D(2021, 9, 22), DatePrecision.DAY),
        ("وقصفت الطائرات يوم الأربعاء مواقع التنظيم.", D(2021, 9, 22), DatePrecision.DAY),
        ("وقعت الاشتباكات الأربعاء الماضي.", D(2021, 9, 15), DatePrecision.DAY),
        ("هدأت الجبهة الثلاثاء الماضي.", D(2021, 9, 21), DatePrecision.DAY),
        ("انفجرت عبوة صباح الخميس.", D(2021, 9, 16), DatePrecision.DAY),
        ("سقطت قذيفة أول أمس.", D(2021, 9, 20), DatePrecision.DAY),
        ("سقطت قذيفة أمس الأول.", D(2021, 9, 20), DatePrecision.DAY),
        ("وصلت التعزيزات قبل يومين.", D(2021, 9, 20), DatePrecision.DAY),
        ("جرت المعارك خلال الأسبوع الماضي.", D(2021, 9, 13), DatePrecision.WEEK),
        ("تراجعت الهجمات الشهر الماضي.", D(2021, 8, 1), DatePrecision.MONTH),
        ("بدأت العملية مطلع الشهر الجاري.", D(2021, 9, 1), DatePrecision.MONTH),
        ("انسحبت القوات في تموز.", D(2021, 7, 1), DatePrecision.MONTH),
        ("اندلعت المعارك في 4 أيلول 2021.", D(2021, 9, 4), DatePrecision.DAY),
        ("اندلعت المعارك في الرابع من أيلول.", D(2021, 9, 4), DatePrecision.DAY),
        ("سقطت المدينة عام 2014.", D(2014, 1, 1), DatePrecision.YEAR),
    ],
)
def test_arabic_expressions(text: str, expected: dt.date, precision: DatePrecision) -> None:
    found = only(text, lang="ar")
    assert found.date == expected and found.precision is precision


def test_arabic_words_that_only_look_like_dates() -> None:
    text = "قال الأمين العام السابق إن الاتفاق بين الاثنين صامد، وفي اليوم التالي لامس الجنود الحدود."
    assert resolve_dates_in_text(text, WEDNESDAY, lang="ar") == []


def test_mixed_text_uses_both_rule_sets() -> None:
    text = "Officials said on Tuesday: قصفت الطائرات أمس"
    found = resolve_dates_in_text(text, WEDNESDAY, lang="mixed")
    assert [f.date for f in found] == [D(2021, 9, 21), D(2021, 9, 21)]


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("onTuesday yesterday lastweek July 4 2021 أمس الثلاثاء الماضي 0123456789,./")), max_size=80),
    st.dates(min_value=D(1950, 1, 1), max_value=D(2090, 12, 31)),
)
def test_spans_are_sorted_and_disjoint(text: str, anchor: dt.date) -> None:
    found = resolve_dates_in_text(text, anchor, lang="mixed")
    for earlier, later in zip(found, found[1:]):
        assert earlier.end <= later.start
    for item in found:
        assert text[item.start : item.end] == item.text
        if item.kind == "relative" and item.date is not None and item.precision is DatePrecision.DAY:
            assert item.date <= anchor + dt.timedelta(days=7)
