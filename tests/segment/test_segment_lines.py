"""Line splitting and line classification."""

from __future__ import annotations

import pytest

from marsad.normalize.dates import looks_like_date_line
from marsad.segment.classify import Kind, classify_line, source_name
from marsad.segment.lines import split_lines, uses_blank_lines


def test_lines_are_trimmed_and_keep_offsets():
    text = "  First line\xa0\r\n\r\n\u200fسطر عربي\u200f\nThird\u2028Fourth"
    lines = split_lines(text)
    assert [line.text for line in lines] == ["First line", "سطر عربي", "Third", "Fourth"]
    for line in lines:
        assert text[line.start : line.end] == line.text
    assert [line.block for line in lines] == [0, 1, 1, 1]


def test_blank_separated_and_line_separated_texts():
    assert uses_blank_lines(split_lines("a\n\nb\n\nc\n\nd"))
    assert not uses_blank_lines(split_lines("a\nb\nc\nd\n\ne"))
    assert not uses_blank_lines(())


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Related News", Kind.MARKER),
        ("MORE ON THIS TOPIC:", Kind.MARKER),
        ("R E L A T E D :", Kind.MARKER),
        ("مقالات متعلقة", Kind.MARKER),
        ("Print Friendly", Kind.CHROME),
        ("%d bloggers like this:", Kind.CHROME),
        ("Share this: Twitter Facebook", Kind.CHROME),
        (", , , , , ,", Kind.CHROME),
        ("Disclaimer: the views belong to the writers.", Kind.CHROME),
        ("Jane Doe is an independent journalist based in Erbil", Kind.CHROME),
        ("Visual search query image", Kind.IMAGE),
        ("Illustrative image.", Kind.IMAGE),
        ("Click to see the full-size map", Kind.IMAGE),
        ("site-0123456789012", Kind.IMAGE),
        ("Troops at a checkpoint (archive).", Kind.IMAGE),
        ("March 30, 2022", Kind.DATE),
        ("Today 10/7/2021", Kind.DATE),
        ("الثلاثاء 13 نيسان 2021", Kind.DATE),
        ("By Staff, Agencies", Kind.BYLINE),
        ("Written by A. N. Writer", Kind.BYLINE),
        ("Posted by Desk Editor on", Kind.BYLINE),
        ("Source: Example Wire", Kind.SOURCE),
        ("SourceXNA", Kind.SOURCE),
        ("Al Mayadeen", Kind.SOURCE),
        ("Tigris Wire", Kind.SOURCE),
        ("Army Retakes Village Near the Border", Kind.HEADLINE),
        ("Will the Talks Resume This Week?", Kind.HEADLINE),
        ("Army pushes back I.S.", Kind.HEADLINE),
        ("جسر جديد… حقيقي أم وهمي؟", Kind.HEADLINE),
        ("Army Unit-4", Kind.MINOR),
        ("Border guards", Kind.MINOR),
        ("The army said the village was retaken on Monday.", Kind.BODY),
        ("By contrast, the council said nothing about the plan.", Kind.BODY),
        ("He said: “We will not leave. “", Kind.BODY),
        ("Here are the main points of the plan:", Kind.BODY),
    ],
)
def test_line_kinds(line, kind):
    assert classify_line(line, looks_like_date_line) is kind


def test_source_names():
    assert source_name("Source: Example Wire") == "Example Wire"
    assert source_name("SourceXNA") == "XNA"
    assert source_name("Source") == ""
    assert source_name("Sources said the talks had failed.") is None
