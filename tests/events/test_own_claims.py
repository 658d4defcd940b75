"""An armed group telling its own deed: the claim, its claimant and claimed_by (real actor dictionary)."""

import pytest

from marsad.actors import ActorRecognizer
from marsad.events import EventExtractor
from marsad.events.attribution import attribution_of
from marsad.events.lexicon import lexicon
from marsad.models import Status
from marsad.normalize.arabic import normalize_for_matching

from .conftest import lang_of, make_doc


@pytest.fixture(scope="module")
def recognizer() -> ActorRecognizer:
    return ActorRecognizer()


def _lead(recognizer, sentence: str):
    doc, article = make_doc("Report", sentence)
    extractor = EventExtractor()
    actors = recognizer.mentions(doc, [article], extractor.event_sentences(doc, [article]))
    mentions, claims = extractor.extract(doc, [article], [], actors)
    told = [m for m in mentions if m.char_start >= doc.text.index(sentence)]
    return told[0] if told else None, claims


def _speaker(recognizer, sentence: str):
    doc, article = make_doc("Report", sentence)
    actors = recognizer.mentions(doc, [article], [(0, len(doc.text))])
    lang = lang_of(sentence)
    return attribution_of(sentence, normalize_for_matching(sentence), lexicon(lang), actors, doc.text.index(sentence))


@pytest.mark.parametrize(("sentence", "side"), [
    ("The Qassam Brigades, Hamas's armed wing, said its fighters blew up a tunnel shaft in Rafah.", "Hamas"),
    ("Yahya Saree, the Houthis' military spokesman, said their naval forces fired two missiles at a tanker.", "Ansar Allah"),
])
def test_the_subject_before_an_appositive_speaks(recognizer, sentence, side):
    said = _speaker(recognizer, sentence)
    assert said is not None and said.side[0] == side and said.speaker == side


def test_an_appositive_of_a_named_group_does_not_take_its_place(recognizer):
    said = _speaker(recognizer, "JNIM, al-Qaeda's affiliate in the Sahel, claimed responsibility for the ambush near Boni.")
    assert said.side[0] == "Jama'at Nusrat al-Islam wal-Muslimin"


def test_a_plain_subject_still_speaks(recognizer):
    said = _speaker(recognizer, "Police in Kano, the state capital, said gunmen killed three traders on Monday.")
    assert said.side[0].startswith("Police Forces")


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("The Qassam Brigades, Hamas's armed wing, said its fighters blew up a tunnel shaft as Israeli soldiers entered it in Rafah.", "Hamas"),
    ("The Arakan Army said the last military base in Paletwa township had fallen to its forces after weeks of fighting.", "Arakan Army"),
    ('"Our fighters ambushed an Israeli force east of Jabalia and inflicted casualties," Abu Obeida, the Qassam Brigades spokesman, said.', "Hamas"),
    ("أعلن حزب الله في بيان أن مقاتليه استهدفوا تجمعاً لجنود الجيش الإسرائيلي في محيط موقع المالكية بالأسلحة الصاروخية.", "Hezbollah"),
    ("أعلنت قوات الدعم السريع سيطرتها على مدينة بارا في شمال كردفان بعد معارك مع الجيش.", "Rapid Support Forces"),
])
def test_a_group_telling_its_own_deed_claims_it(recognizer, sentence, claimant):
    lead, _ = _lead(recognizer, sentence)
    assert lead is not None and lead.status is Status.CLAIMED
    assert lead.claimed_by == claimant and lead.actor1 == claimant


def test_the_target_named_as_actor_moves_to_actor2(recognizer):
    lead, _ = _lead(recognizer, "أعلن حزب الله في بيان أن مقاتليه استهدفوا تجمعاً لجنود الجيش الإسرائيلي في محيط موقع المالكية.")
    assert lead.actor2.startswith("Military Forces")


def test_a_group_telling_what_it_suffered_claims_nothing(recognizer):
    lead, _ = _lead(recognizer, "Hezbollah said it had been targeted by an Israeli drone strike near Tyre.")
    assert lead is not None and lead.claimed_by is None and lead.actor1 == "Military Forces of Israel"


@pytest.mark.parametrize("sentence", [
    "The M23 said it had repelled a Congolese army offensive near Sake, while the army said it had retaken two hills; neither account could be verified.",
    "Al-Shabaab said it killed 47 Ugandan soldiers when it overran an AU base in Lower Shabelle; Uganda's army put its losses at 12, and the figures could not be reconciled.",
    "قالت الحكومة الصومالية إن 70 من مسلحي حركة الشباب قُتلوا في عملية عسكرية بإقليم هيران، بينما قالت الحركة إنها صدت الهجوم، ولم يتسن التأكد من الحصيلة.",
])
def test_accounts_that_cannot_be_checked_against_each_other_are_disputed(recognizer, sentence):
    lead, _ = _lead(recognizer, sentence)
    assert lead is not None and lead.status is Status.DISPUTED


def test_a_disputed_own_claim_keeps_its_claimant(recognizer):
    lead, _ = _lead(recognizer, "Al-Shabaab said it killed 47 Ugandan soldiers when it overran an AU base in Lower Shabelle; "
                                "Uganda's army put its losses at 12, and the figures could not be reconciled.")
    assert lead.claimed_by == "Al Shabaab"


def test_a_party_telling_what_was_done_to_it_reports_it(recognizer):
    lead, _ = _lead(recognizer, "A Turkish drone struck a military vehicle east of Qamishli, killing two members of the "
                                "Syrian Democratic Forces, the SDF media centre said.")
    assert lead.status is Status.REPORTED and lead.actor2 == "Syrian Democratic Forces"


@pytest.mark.parametrize(("sentence", "status"), [
    # a state's own routine record is reported
    ("أعلنت خلية الإعلام الأمني القبض على ثلاثة متهمين بالانتماء إلى داعش في الجانب الأيمن من الموصل.", Status.REPORTED),
    ("The Iraqi army said it arrested four suspected ISIS members in Kirkuk.", Status.REPORTED),
    # the Security Media Cell is the state's voice, no party outlet
    ("سقطت ثلاثة صواريخ داخل المنطقة الخضراء وسط بغداد، بحسب خلية الإعلام الأمني.", Status.REPORTED),
    # a neutral source shares the telling with a party
    ("Turkish artillery shelled villages west of Ain Issa on Tuesday, local sources and the SDF said.", Status.REPORTED),
    ("Turkish artillery shelled villages west of Ain Issa on Tuesday, the SDF said.", Status.CLAIMED),
])
def test_whose_word_an_event_rests_on(recognizer, sentence, status):
    mention, _ = _lead(recognizer, sentence)
    assert mention is not None and mention.status is status
