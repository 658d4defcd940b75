"""The story tier on small invented articles: two outlets' reports of one incident,
an Arabic and an English version of one report, and a different incident."""

from __future__ import annotations

from marsad.dedup import link_articles, links_of, similarity
from marsad.dedup.anchors import arabic_skeleton, english_skeleton, extract_anchors
from marsad.dedup.memory import add_articles, open_database

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


def link(items):
    conn = open_database()
    rids = add_articles(conn, items)
    conn.execute("BEGIN")
    outcome = link_articles(conn, rids)
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


def test_two_reports_of_one_incident_are_a_story_link_not_a_copy():
    assert similarity(EN_A, EN_B) < 0.4
    conn, (a, b, other), outcome = link([("Convoy hit", EN_A, "en"), ("Drivers killed", EN_B, "en"),
                                         ("Checkpoint attacked", OTHER, "en")])
    assert outcome.copies == 0
    assert [(l.article_id, l.other_id, l.tier) for l in links_of(conn, b)] == [(b, a, "story")]
    assert links_of(conn, other) == []


def test_an_arabic_version_is_a_translation_link():
    conn, (en, ar, other), outcome = link([("Convoy hit", EN_A, "en"), ("رتل", AR_A, "ar"),
                                           ("Checkpoint attacked", OTHER, "en")])
    assert [(l.article_id, l.other_id, l.tier) for l in links_of(conn, ar)] == [(ar, en, "translation")]
    assert outcome.translation_links == 1 and links_of(conn, other) == []
