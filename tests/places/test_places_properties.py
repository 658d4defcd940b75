"""Property tests: recognition never raises and spans map to the exact original substring."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.places import recognize, sentence_spans

_WORDS = ["Baghdad", "al-Yusufiya", "Deir ez-Zor", "البوكمال", "والبوكمال", "محافظة", "الأنبار", "Hope", "Ark.",
          "Mosul's", "U.S.", "province", "north of", "Ma'arat al-Numan", "\u064b", "ـ", "ﻻ", "Ǆ", "İ", "ß", "\u200f"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=12)), max_size=25),
       st.sampled_from([" ", ", ", "\n", " - ", "  "]))
def test_recognition_spans_are_exact(gazetteer, parts, sep):
    text = sep.join(parts)
    for mention in recognize(gazetteer, text):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.text
    for start, end in sentence_spans(text):
        assert 0 <= start < end <= len(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_parse_never_raises(geoparser, text):
    for place in geoparser.parse(text):
        assert text[place.start:place.end] == place.text
        assert 0.0 <= place.score <= 1.0
