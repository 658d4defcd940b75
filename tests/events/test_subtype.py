"""The learned sub-event-type classifier: the shipped model, the arbitration policy, reproducible training."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from marsad.events.subtype import (
    NONE_CLASS,
    FeatureConfig,
    Policy,
    SubtypeModel,
    SubtypePrediction,
    arbitrate,
    confusable,
    hashed_chargrams,
    hashed_ngrams,
    role_grams,
    tokens,
)
from marsad.events.taxonomy import taxonomy

REPO = Path(__file__).resolve().parents[2]
TRAINING = REPO / "training" / "subtype"

# Written for these tests; none of them is in the training notes.
CLEAR = [
    ("On 4 May 2023, Turkish warplanes bombed a farm near Amadiya, killing two shepherds.", "Air/drone strike"),
    ("Around 300 nurses rallied outside the health directorate in Mosul to demand their overdue wages.", "Peaceful protest"),
    ("A roadside bomb tore through an army pickup outside Kidal, killing three soldiers.", "Remote explosive/landmine/IED"),
    ("Gunmen abducted a pharmacist from his shop in Zamfara and asked his family for a ransom.", "Abduction/forced disappearance"),
    ("Police fired tear gas to scatter students protesting peacefully outside the ministry in Tunis.", "Protest with intervention"),
    ("A suicide bomber blew himself up at the gate of a police academy in Quetta, killing six recruits.", "Suicide bomb"),
    ("قصفت طائرات حربية بلدة سراقب بريف إدلب، ما أدى إلى مقتل أربعة مدنيين.", "Air/drone strike"),
    ("تظاهر مئات الموظفين أمام مبنى المحافظة في البصرة للمطالبة بصرف رواتبهم.", "Peaceful protest"),
    ("اعتقلت قوات الأمن ناشطاً في مدينة الحلة بسبب منشور على فيسبوك.", "Arrests"),
]
VOWS = [
    "Al Shabaab threatened to attack any school that teaches the government curriculum.",
    "هدد قائد الفصيل باقتحام المدينة إذا لم ينسحب الجيش منها.",
]


@pytest.fixture(scope="module")
def model() -> SubtypeModel:
    return SubtypeModel.load()


@pytest.fixture(scope="module")
def predictions(model: SubtypeModel) -> list[SubtypePrediction]:
    return model.predict([text for text, _ in CLEAR] + VOWS)


def test_the_shipped_model_knows_every_acled_sub_type_and_none(model: SubtypeModel) -> None:
    expected = {sub.sub_event_type for sub in taxonomy().sub_types} | {NONE_CLASS}
    assert set(model.classes) == expected
    assert model.weights.shape == (model.config.dim, len(model.classes))


def test_clear_notes_get_their_sub_type(predictions: list[SubtypePrediction]) -> None:
    got = [p.sub_event_type for p in predictions[: len(CLEAR)]]
    assert got == [label for _, label in CLEAR]


def test_a_threat_is_not_an_event(predictions: list[SubtypePrediction]) -> None:
    for prediction in predictions[len(CLEAR):]:
        assert prediction.sub_event_type is None
        assert prediction.ranked[0][0] == NONE_CLASS


def test_a_prediction_ranks_every_class_and_sums_to_one(predictions: list[SubtypePrediction]) -> None:
    for prediction in predictions:
        probabilities = [p for _, p in prediction.ranked]
        assert probabilities == sorted(probabilities, reverse=True)
        assert prediction.probability == probabilities[0]
        assert sum(probabilities) == pytest.approx(1.0, abs=1e-4)


def test_predictions_are_deterministic(model: SubtypeModel, predictions: list[SubtypePrediction]) -> None:
    again = model.predict([text for text, _ in CLEAR] + VOWS)
    assert again == predictions
    alone = model.predict([CLEAR[2][0]])[0]
    assert alone.sub_event_type == predictions[2].sub_event_type
    assert alone.probability == pytest.approx(predictions[2].probability, abs=1e-4)


def test_no_texts_no_predictions(model: SubtypeModel) -> None:
    assert model.predict([]) == []


def test_tokens_fold_case_digits_and_the_arabic_article() -> None:
    assert tokens("On 12 March, the IED") == ["on", "00", "march", "the", "ied"]
    assert tokens("والجيش العراقي") == ["جيش", "عراقي"]


def test_hashed_ngrams_are_unit_rows() -> None:
    rows = hashed_ngrams(["a drone strike hit a car", ""], 10)
    assert rows.shape == (2, 1024)
    assert np.linalg.norm(rows[0]) == pytest.approx(1.0)
    assert not rows[1].any()


def test_hashed_chargrams_are_unit_rows_and_share_a_stem() -> None:
    rows = hashed_chargrams(["shelled", "shelling", "protest", ""], 12)
    assert rows.shape == (4, 4096)
    assert np.linalg.norm(rows[0]) == pytest.approx(1.0)
    assert not rows[3].any()
    assert rows[0] @ rows[1] > 0.3 > rows[0] @ rows[2]
    arabic = hashed_chargrams(["اشتباكات", "اشتبك", "مظاهرة"], 12)
    assert arabic[0] @ arabic[1] > arabic[0] @ arabic[2]


def test_role_grams_tell_who_takes_a_town() -> None:
    regains = role_grams(tokens("FARDC troops dislodged M23 rebels from the hills around Sake"))
    overtakes = role_grams(tokens("M23 rebels dislodged FARDC troops from the hills around Sake"))
    assert "§first §S" in regains and "from §N" not in regains and "dislodged §N" in regains
    assert "§first §N" in overtakes and "dislodged §S" in overtakes
    assert "§first §N" in role_grams(tokens("The Arakan Army captured Paletwa from the junta"))
    assert "من §N" in role_grams(tokens("تمكنت قوات الجيش السوداني من تحرير مدينة نيالا من عناصر الدعم السريع"))
    assert role_grams(tokens("Teachers held a sit-in in Basra.")) == []


def test_feature_config_round_trips_and_reads_older_models() -> None:
    config = FeatureConfig(hash_bits=12, hash_weight=1.0, char_bits=11, char_weight=1.5, roles=True)
    assert FeatureConfig.from_json(config.to_json()) == config
    assert config.dim == 512 + 4096 + 2048
    older = FeatureConfig.from_json('{"hash_bits": 12, "hash_weight": 1.0}')
    assert older == FeatureConfig(12, 1.0) and older.dim == 512 + 4096 and not older.roles


def _prediction(*ranked: tuple[str, float]) -> SubtypePrediction:
    best, probability = ranked[0]
    return SubtypePrediction(None if best == NONE_CLASS else best, probability, ranked)


POLICY = Policy(switch=0.2, override=0.4, supply=0.3, veto=0.5)


def test_arbitrate_keeps_the_rules_when_the_model_agrees_or_is_unsure() -> None:
    agree = _prediction(("Attack", 0.7), ("Armed clash", 0.2))
    unsure = _prediction(("Attack", 0.4), ("Armed clash", 0.35))
    assert arbitrate("Attack", agree, policy=POLICY) == "Attack"
    assert arbitrate("Armed clash", unsure, policy=POLICY) == "Armed clash"


def test_arbitrate_switches_to_a_confident_confusable_type() -> None:
    assert confusable("Shelling/artillery/missile attack", "Air/drone strike")
    prediction = _prediction(("Air/drone strike", 0.6), ("Shelling/artillery/missile attack", 0.3))
    assert arbitrate("Shelling/artillery/missile attack", prediction, policy=POLICY) == "Air/drone strike"


def test_the_rules_say_who_took_a_place() -> None:
    """The model may say a place was taken unopposed, but not overrule the taker the rules read."""
    taker = _prediction(("Government regains territory", 0.8), ("Non-state actor overtakes territory", 0.1))
    assert arbitrate("Non-state actor overtakes territory", taker, policy=POLICY) == "Non-state actor overtakes territory"
    unopposed = _prediction(("Non-violent transfer of territory", 0.8), ("Non-state actor overtakes territory", 0.1))
    assert arbitrate("Non-state actor overtakes territory", unopposed, policy=POLICY) == "Non-violent transfer of territory"


def test_a_far_type_needs_a_larger_margin() -> None:
    assert not confusable("Agreement", "Air/drone strike")
    prediction = _prediction(("Air/drone strike", 0.5), ("Agreement", 0.2))
    assert arbitrate("Agreement", prediction, policy=POLICY) == "Agreement"
    sure = _prediction(("Air/drone strike", 0.7), ("Agreement", 0.2))
    assert arbitrate("Agreement", sure, policy=POLICY) == "Air/drone strike"


def test_an_attack_on_a_base_is_no_base_set_up() -> None:
    """The model's "base established" (it reads the word "base") replaces the rules' violence only when sure."""
    policy = Policy(switch=0.2, override=0.3, calm=0.5)
    unsure = _prediction(("Headquarters or base established", 0.51), ("Armed clash", 0.11))
    sure = _prediction(("Headquarters or base established", 0.8), ("Armed clash", 0.1))
    assert arbitrate("Armed clash", unsure, policy=policy) == "Armed clash"
    assert arbitrate("Armed clash", sure, policy=policy) == "Headquarters or base established"
    assert arbitrate("Agreement", unsure, policy=policy) == "Headquarters or base established"  # not violence
    # nor is a group's claimed attack on a tank a change to the group
    vague = _prediction(("Change to group/activity", 0.45), ("Armed clash", 0.1))
    assert arbitrate("Armed clash", vague, policy=policy) == "Armed clash"


def test_arbitrate_supplies_an_event_the_rules_missed_only_when_confident() -> None:
    protest = _prediction(("Peaceful protest", 0.8), (NONE_CLASS, 0.1))
    weak = _prediction(("Peaceful protest", 0.25), (NONE_CLASS, 0.2))
    nothing = _prediction((NONE_CLASS, 0.9), ("Peaceful protest", 0.05))
    assert arbitrate(None, protest, policy=POLICY) == "Peaceful protest"
    assert arbitrate(None, weak, policy=POLICY) is None
    assert arbitrate(None, nothing, policy=POLICY) is None


def test_a_sentence_the_rules_read_needs_a_surer_model() -> None:
    policy = Policy(switch=0.2, override=0.4, supply=0.3, veto=0.5, supply_read=0.7)
    fair = _prediction(("Looting/property destruction", 0.6), (NONE_CLASS, 0.3))
    sure = _prediction(("Looting/property destruction", 0.8), (NONE_CLASS, 0.1))
    assert arbitrate(None, fair, policy=policy) == "Looting/property destruction"
    assert arbitrate(None, fair, policy=policy, rules_read=True) is None
    assert arbitrate(None, sure, policy=policy, rules_read=True) == "Looting/property destruction"
    never = dataclasses.replace(policy, supply_read=1.01)
    assert arbitrate(None, sure, policy=never, rules_read=True) is None


def test_arbitrate_vetoes_only_when_none_wins_by_a_wide_margin() -> None:
    vow = _prediction((NONE_CLASS, 0.85), ("Armed clash", 0.1))
    doubt = _prediction((NONE_CLASS, 0.5), ("Armed clash", 0.3))
    assert arbitrate("Armed clash", vow, policy=POLICY) is None
    assert arbitrate("Armed clash", doubt, policy=POLICY) == "Armed clash"


def test_the_shipped_model_fills_the_gap_the_rules_leave(model: SubtypeModel) -> None:
    (prediction,) = model.predict(["Some 150 pensioners held a protest in front of the governorate building in Kut over late payments."])
    assert arbitrate(None, prediction) == "Peaceful protest"


@pytest.mark.parametrize(("headline", "sub_type"), [
    ("Israeli strike kills three in southern Lebanon", "Air/drone strike"),
    ("Jihadists kill 12 soldiers in northern Burkina Faso", "Attack"),
    ("Shelling kills six civilians in Donetsk", "Shelling/artillery/missile attack"),
    ("غارة إسرائيلية تقتل ثلاثة في جنوب لبنان", "Air/drone strike"),
    ("آلاف يتظاهرون في تبليسي ضد قانون العملاء الأجانب", "Peaceful protest"),
    ("الجيش السوري يستعيد تدمر من تنظيم الدولة", "Government regains territory"),
])
def test_the_shipped_model_reads_a_present_tense_headline(model: SubtypeModel, headline: str, sub_type: str) -> None:
    # none of these is a training note; the model shipped before session 15 read four of them as no event
    (prediction,) = model.predict([headline])
    assert prediction.sub_event_type == sub_type


@pytest.fixture(scope="module")
def train_module():
    sys.path.insert(0, str(TRAINING))
    import train

    return train


def test_training_is_reproducible(train_module, tmp_path: Path) -> None:
    rows = train_module.load_rows([TRAINING / "notes_en.jsonl"])
    by_class: dict[str, list] = {}
    for row in rows:
        by_class.setdefault(row.label, []).append(row)
    subset = [row for label in sorted(by_class)[:6] for row in by_class[label][:4]]
    vectors = train_module.embed([row.text for row in subset])
    config = SubtypeModel.load().config
    first = train_module.train(subset, config, steps=30, embeddings=vectors)
    second = train_module.train(subset, config, steps=30, embeddings=vectors)
    assert first.classes == second.classes
    assert np.array_equal(first.weights, second.weights) and np.array_equal(first.bias, second.bias)
    paths = [tmp_path / "a.npz", tmp_path / "b.npz"]
    for path, trained in zip(paths, (first, second)):
        train_module.save(path, trained)
    assert paths[0].read_bytes() == paths[1].read_bytes()
    loaded = SubtypeModel.load(paths[0])
    assert loaded.classes == first.classes and loaded.config == config


def test_training_notes_use_acled_spellings() -> None:
    names = {sub.sub_event_type for sub in taxonomy().sub_types}
    for name in ("notes_en.jsonl", "notes_ar.jsonl"):
        for line in (TRAINING / name).read_text(encoding="utf-8").splitlines():
            label = json.loads(line)["sub_event_type"]
            assert label is None or label in names
