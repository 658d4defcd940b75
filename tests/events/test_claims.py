"""Claims, statuses and how statements touch the events they concern."""

from marsad.events import EventExtractor
from marsad.models import Status

from .conftest import actor, make_doc, toponym


def _run(title: str, body: str, published: str = "2022-05-10", tops=(), acts=()):
    doc, article = make_doc(title, body, published=published)
    mentions, claims = EventExtractor().extract(doc, [article], list(tops(doc, article)) if callable(tops) else tops, list(acts(doc, article)) if callable(acts) else acts)
    return doc, mentions, claims


def _in(doc, records, words):
    return [r for r in records if words in doc.text[r.char_start:r.char_end]]


def test_party_sources_make_a_claim():
    doc, mentions, claims = _run("Hill", "According to pro-HTS sources, 15 SAA soldiers were killed during the clashes near the hill.")
    mention = _in(doc, mentions, "pro-HTS")[0]
    assert mention.status is Status.CLAIMED and mention.fatalities == 15
    claim = _in(doc, claims, "pro-HTS")[0]
    assert (claim.verb, claim.claimant, claim.status) == ("according to", "pro-HTS sources", Status.CLAIMED)
    assert claim.mention_id == mention.mention_id


def test_nobody_claiming_is_no_claimant():
    doc, mentions, claims = _run(
        "Drones downed near Erbil",
        "Air defences shot down two drones near Erbil airport on Tuesday. No group claimed responsibility.",
    )
    assert all(m.claimed_by is None for m in mentions)
    assert any(c.verb == "not claimed responsibility" for c in claims)


def test_denial_is_a_statement_not_an_event():
    doc, mentions, claims = _run(
        "Rockets hit base",
        "Three rockets struck the Ain al-Asad base on Monday, a military officer said.\n\n"
        "Kataib Hezbollah denied any role in the attack on Tuesday.",
    )
    assert not _in(doc, mentions, "denied")
    attack = _in(doc, mentions, "Three rockets")[0]
    assert attack.sub_event_type == "Shelling/artillery/missile attack"
    assert attack.status is Status.REPORTED  # a denial of one's role leaves the event standing
    denial = _in(doc, claims, "denied")[0]
    assert denial.status is Status.DENIED and denial.mention_id == attack.mention_id
    assert denial.claimant == "Kataib Hezbollah"


def test_denied_charges_leave_the_arrest_standing():
    """"over allegations, which she denies": she denies the charges; the detention is reported."""
    doc, mentions, claims = _run(
        "Trial postponed",
        "She has been detained in Iran since 2016, when she was sentenced to five years in prison over "
        "allegations, which she denies, of plotting against the government.",
        published="2020-11-02",
    )
    detention = _in(doc, mentions, "detained")[0]
    assert detention.sub_event_type == "Arrests" and detention.status is Status.REPORTED
    assert detention.date == "2016-01-01" and detention.background
    assert not _in(doc, claims, "denies")


def test_claimed_shoot_down_denied_by_the_other_side():
    doc, mentions, claims = _run(
        "Helicopter",
        "The group claimed that its fighters shot down an army helicopter near Hamrin on Monday.\n\n"
        "The Defence Ministry denied that any aircraft was lost.",
    )
    shoot = _in(doc, mentions, "shot down")[0]
    assert shoot.status is Status.DENIED


def test_reference_back_is_not_a_new_event():
    doc, mentions, _ = _run(
        "Police post attacked",
        "Militants attacked a police post south of Daquq on Monday night, killing two policemen.\n\n"
        "Reinforcements arrived forty minutes after the attack.",
    )
    assert not _in(doc, mentions, "Reinforcements")
    assert len(_in(doc, mentions, "Militants")) == 1


def test_quoted_speaker_after_the_verb():
    doc, _, claims = _run("Talks", '"What matters is whether anyone acts on them," said Rana Adel Hussein, a lecturer.')
    assert claims[0].claimant == "Rana Adel Hussein"


def test_listed_provinces_give_one_mention_each():
    def tops(doc, article):
        return [toponym(doc, article, "Babil", admin1="Babil", feature_class="A", occurrence=0),
                toponym(doc, article, "Baghdad", admin1="Baghdad", feature_class="P", occurrence=0)]

    doc, mentions, _ = _run("Convoys", "Two logistics convoys were targeted in the provinces of Babil and Baghdad on Wednesday.", tops=tops)
    assert sorted(m.admin1 for m in mentions) == ["Babil", "Baghdad"]
    assert len({m.mention_id for m in mentions}) == 2
    assert sum(m.lead for m in mentions) == 1


def test_named_province_stands_for_the_province():
    def tops(doc, article):
        return [toponym(doc, article, "al-Diwaniyah", name="Al Diwaniyah", admin1="Al-Qadisiyyah", feature_class="P")]

    doc, mentions, _ = _run("Convoy", "A convoy was targeted in al-Diwaniyah province on Tuesday.", tops=tops)
    assert (mentions[-1].location, mentions[-1].admin1, mentions[-1].geo_precision) == ("Al-Qadisiyyah", "Al-Qadisiyyah", 3)


def test_arabic_claim_of_responsibility_and_outlet():
    doc, mentions, claims = _run(
        "هجوم في ديالى",
        "قُتل عنصران من الحشد الشعبي بهجوم مسلح في قضاء المقدادية مساء أمس الإثنين.\n\n"
        "وتبنّى تنظيم داعش الهجوم في بيان نشرته وكالة «أعماق».",
        published="2021-04-13",
    )
    attack = _in(doc, mentions, "عنصران")[0]
    assert attack.fatalities == 2 and attack.date == "2021-04-12"
    assert attack.claimed_by is not None and "داعش" in attack.claimed_by
    claim = _in(doc, claims, "تبنّى")[0]
    assert claim.verb == "تبنى" and claim.status is Status.CLAIMED and claim.outlet == "أعماق"


def test_arabic_denial_and_threat_are_statements():
    doc, mentions, claims = _run(
        "تهديد",
        "توعدت الفصائل باستهداف القوات الأمريكية إذا لم تنسحب.\n\nونفت وزارة الدفاع وقوع أي هجوم.",
        published="2022-01-05",
    )
    # the threat is no event; the denied attack is kept as a denied mention, never as the lead
    assert not _in(doc, mentions, "توعدت")
    assert [(m.status, m.lead) for m in _in(doc, mentions, "نفت")] == [(Status.DENIED, False)]
    verbs = {c.verb for c in claims}
    assert "توعد" in verbs and "نفى" in verbs


def test_actor_roles_and_party_speaker():
    def acts(doc, article):
        return [actor(doc, article, "Islamic State", "Islamic State", "Political militias")]

    doc, mentions, claims = _run(
        "IS claims attack",
        "Gunmen attacked a checkpoint near Tarmiyah on Sunday.\n\nThe Islamic State claimed responsibility for the attack.",
        acts=acts,
    )
    attack = _in(doc, mentions, "Gunmen")[0]
    assert attack.claimed_by == "Islamic State" and attack.actor1 == "Islamic State"
    assert attack.sub_event_type == "Armed clash"


def test_details_carry_tags_and_date_source():
    doc, article = make_doc("Blast", "A roadside bomb hit an army convoy near Tarmiyah.")
    found = EventExtractor().extract_detailed(doc, [article], [], [])
    detail = next(d for d in found.details if d.trigger == "ied")
    assert "weapon: IED" in detail.tags and "target: convoy" in detail.tags
    assert detail.date_source == "article"
    mention = next(m for m in found.mentions if m.mention_id == detail.mention_id)
    assert (mention.date, mention.time_precision) == ("2022-03-17", 2)


def test_an_official_voice_reports_what_others_did_and_claims_what_its_own_side_did():
    gunmen = "Gunmen abducted 23 passengers from a bus near Kaduna on Sunday, a police spokesman said."
    army = "The Nigerian army said in a statement that its troops killed 19 insurgents near Maiduguri."

    def acts(doc, article):
        found = [actor(doc, article, "police", "Police Forces of Nigeria", "State forces", "NG")] if "police" in doc.text else []
        if "Nigerian army" in doc.text:
            found.append(actor(doc, article, "Nigerian army", "Military Forces of Nigeria", "State forces", "NG"))
        return found

    doc, mentions, _ = _run("Bus attacked", gunmen, acts=acts)
    (mention,) = _in(doc, mentions, "abducted")
    assert mention.status is Status.REPORTED and mention.actor2 != "Police Forces of Nigeria"
    doc, mentions, _ = _run("Insurgents killed", army, acts=acts)
    (mention,) = _in(doc, mentions, "killed")
    assert (mention.actor1, mention.status) == ("Military Forces of Nigeria", Status.CLAIMED)


def test_a_responsibility_claim_alone_leaves_the_event_claimed_until_someone_confirms_it():
    only = "Al-Shabaab claimed responsibility for a mortar attack on the presidential palace in Mogadishu."
    confirmed = ("Tehrik-i-Taliban Pakistan claimed the attack on a police checkpoint in Bannu, which killed three officers, "
                 "according to district police.")
    told_first = "A suicide bomber blew himself up in a mosque in Quetta, killing 30 people, and Islamic State claimed responsibility."
    statuses = [_in(*_run("Attack", body)[:2], "claim")[0].status for body in (only, confirmed, told_first)]
    assert statuses == [Status.CLAIMED, Status.REPORTED, Status.REPORTED]


def test_an_arabic_claimant_is_the_group_named_after_the_verb():
    body = "تبنى تنظيم داعش الهجوم الذي استهدف حاجزاً للجيش السوري في بادية حمص وأسفر عن مقتل سبعة جنود."

    def acts(doc, article):
        return [actor(doc, article, "تنظيم داعش", "Islamic State", "Rebel groups", None),
                actor(doc, article, "لجيش السوري", "Military Forces of Syria", "State forces", "SY")]

    doc, mentions, claims = _run("حمص", body, acts=acts)
    (mention,) = _in(doc, mentions, "الهجوم")
    assert (mention.claimed_by, mention.status) == ("Islamic State", Status.CLAIMED)
    assert _in(doc, claims, "الهجوم")[0].claimant == "Islamic State"


def test_a_denial_that_is_the_only_telling_of_its_event_is_a_denied_mention_never_the_lead():
    body = ("Palestinian media reported an Israeli airstrike on a UN-run school in Nuseirat that killed 14 people, "
            "but the Israeli military denied that any strike took place in the area.")
    doc, mentions, _ = _run("School", body)
    (mention,) = _in(doc, mentions, "airstrike")
    assert (mention.sub_event_type, mention.status, mention.lead) == ("Air/drone strike", Status.DENIED, False)


def test_a_denial_of_something_else_leaves_the_event_reported():
    taken = ("Men claiming to be from the Rapid Action Battalion took an opposition youth leader from his home in Dhaka; "
             "his family says his whereabouts remain unknown and police deny holding him.")
    charges = ("Sit Man-ying was jailed for 33 months after she pleaded guilty on Monday to five counts of theft. "
               "She denied five alternative counts of fraud.")
    for body, words in ((taken, "whereabouts"), (charges, "jailed")):
        doc, mentions, _ = _run("Case", body)
        assert _in(doc, mentions, words)[0].status is Status.REPORTED, body


def test_a_denial_after_a_responsibility_claim_denies_the_event():
    body = ("ISWAP claimed responsibility for kidnapping a district head in Yobe State, but the state police command "
            "denied the abduction, saying the official was safe at home.")
    doc, mentions, _ = _run("Yobe", body)
    assert _in(doc, mentions, "kidnapping")[0].status is Status.DENIED


def test_another_voice_that_answers_with_a_negation_or_a_doubt_disputes_the_account():
    contradicted = ("Nigerian social media accounts reported that an air force jet was shot down over Borno, "
                    "but the air force said no aircraft was lost.")
    unverified = ("Russian officials said Ukrainian forces shelled a bakery in Lysychansk, killing 28 people. "
                  "Kyiv did not comment, and the claim could not be independently verified.")
    arabic = "قال ناشطون إن غارة جوية استهدفت مستشفى في ريف إدلب، فيما قال مدير المستشفى إنه لم يسجل أي أضرار في المبنى."
    for body, words in ((contradicted, "shot down"), (unverified, "shelled"), (arabic, "غارة")):
        doc, mentions, _ = _run("Report", body)
        assert _in(doc, mentions, words)[0].status is Status.DISPUTED, body


def test_an_arabic_number_or_noun_beginning_with_sin_is_no_future_tense():
    body = "أكد مصدر طبي وصول جثث ستة مدنيين قتلوا في قصف مدفعي استهدف سوقاً شعبية في مديرية حيس."
    doc, mentions, _ = _run("حيس", body)
    (mention,) = _in(doc, mentions, "قصف")
    assert (mention.sub_event_type, mention.fatalities) == ("Shelling/artillery/missile attack", 6)
    doc, mentions, _ = _run("غدا", "سيقصف الجيش مواقع المسلحين غداً.")
    assert not _in(doc, mentions, "سيقصف")


def test_an_armed_group_telling_what_its_own_fighters_did_claims_it():
    english = "Hezbollah said it had targeted an Israeli tank near the border with a guided missile."
    arabic = "أكدت حركة الشباب في بيان أن مقاتليها نصبوا كميناً لقافلة عسكرية إثيوبية وقتلوا عدداً من الجنود."

    def acts(doc, article):
        if "Hezbollah" in doc.text:
            return [actor(doc, article, "Hezbollah", "Hezbollah", "Political militias", "LB")]
        return [actor(doc, article, "حركة الشباب", "Al Shabaab", "Rebel groups", "SO")]

    for body, words in ((english, "targeted"), (arabic, "كميناً")):
        doc, mentions, _ = _run("Claim", body, acts=acts)
        (mention,) = _in(doc, mentions, words)
        assert mention.claimed_by == mention.actor1 and mention.claimed_by in ("Hezbollah", "Al Shabaab")


def test_the_voice_that_reports_an_event_is_no_party_to_it():
    """The police tell of a car bomb; the group that claims it is its actor1, the police are neither side."""
    body = ("قالت الشرطة الصومالية إن سيارة مفخخة انفجرت قرب مبنى البلدية في مقديشو، ما أسفر عن مقتل أربعة أشخاص، "
            "فيما أعلنت حركة الشباب مسؤوليتها عن التفجير.")

    def acts(doc, article):
        return [actor(doc, article, "الشرطة الصومالية", "Police Forces of Somalia", "State forces", "SO"),
                actor(doc, article, "حركة الشباب", "Al Shabaab", "Rebel groups", "SO")]

    doc, mentions, claims = _run("مقديشو", body, acts=acts)
    (mention,) = _in(doc, mentions, "مفخخة")
    assert (mention.actor1, mention.actor1_type, mention.claimed_by) == ("Al Shabaab", "Rebel groups", "Al Shabaab")
    assert "Police Forces of Somalia" not in (mention.actor1, mention.actor2)
    assert _in(doc, claims, "مفخخة")[0].verb == "تبنى"  # فيما holds no negation

    def police(doc, article):
        return [actor(doc, article, "Police", "Police Forces of Somalia", "State forces", "SO")]

    doc, mentions, _ = _run("Blast", "Police said a car bomb exploded near the town hall in Mogadishu.", acts=police)
    (mention,) = _in(doc, mentions, "car bomb")
    assert mention.actor1 != "Police Forces of Somalia"


def test_said_it_was_behind_is_a_claim_of_responsibility():
    def acts(doc, article):
        return [actor(doc, article, "Al-Shabaab", "Al Shabaab", "Rebel groups", "SO")]

    doc, mentions, _ = _run("Blast", "Al-Shabaab said it was behind a car bomb that exploded outside a hotel in Mogadishu.", acts=acts)
    (mention,) = _in(doc, mentions, "car bomb")
    assert (mention.claimed_by, mention.actor1, mention.actor2) == ("Al Shabaab", "Al Shabaab", None)


def test_an_accusation_the_accused_answers_is_disputed():
    english = ("Residents accused soldiers of executing dozens of civilians in Moura, "
               "but Mali's army said all those killed were militants.")
    arabic = "اتهم سكان محليون الجيش المالي بإعدام 12 رجلاً في قرية قرب موبتي، في حين قال الجيش إن القتلى مسلحون."
    alone = "Activists accused the army of killing five protesters in Omdurman on Monday."
    statuses = [_in(*_run("Moura", body)[:2], words)[0].status for body, words in ((english, "executing"), (arabic, "بإعدام"), (alone, "killing"))]
    assert statuses == [Status.DISPUTED, Status.DISPUTED, Status.CLAIMED]


def test_a_denied_intention_is_no_event():
    for body in ("نفى الناطق باسم الجيش الوطني الليبي وجود أي نية لشن هجوم على العاصمة طرابلس.",
                 "The army denied any intention to attack the capital."):
        doc, mentions, claims = _run("Tripoli", body)
        assert not mentions
        assert claims and claims[0].mention_id is None


def test_students_and_the_taliban_demand_nothing():
    """طالب is "demanded"; طالبة (a schoolgirl), طالبات and طالبان (the Taliban) are not."""
    doc, mentions, claims = _run("تقرير", "اختطف مسلحون عشرين طالبة من مدرسة في قرية قرب مايدوغوري.")
    assert [m.sub_event_type for m in mentions if m.char_start > 5] == ["Abduction/forced disappearance"]
    assert not any(c.verb == "طالب" for c in claims)
    doc, mentions, claims = _run("تقرير", "هاجم مقاتلو طالبان حاجزا للشرطة في قندوز.")
    assert [m.sub_event_type for m in mentions if m.char_start > 5] == ["Armed clash"]
    doc, mentions, claims = _run("تقرير", "طالبت منظمات حقوقية بالإفراج عن المعتقلين.")
    assert [c.verb for c in claims] == ["طالب"] and not [m for m in mentions if m.char_start > 5]


def test_a_quoted_doubt_by_the_other_side_disputes_a_self_claim():
    body = ("Hezbollah said it had targeted an Israeli tank near the border with a guided missile. "
            "The Israeli army said it was 'not aware' of any such incident.")
    doc, mentions, claims = _run("Border", body)
    (tank,) = _in(doc, mentions, "targeted an Israeli tank")
    assert tank.status is Status.DISPUTED


def test_a_land_dispute_is_no_disputed_report():
    doc, mentions, _ = _run("Tribes", "Gunfire erupted between two clans over a land dispute in Kurram district, killing four.")
    assert [(m.sub_event_type, m.status, m.fatalities) for m in _in(doc, mentions, "Gunfire")] == [("Armed clash", Status.REPORTED, 4)]
    doc, mentions, _ = _run("Shelling", "Activists said troops shelled the village on Monday, killing five, a claim the army disputes.")
    assert [m.status for m in _in(doc, mentions, "shelled")] == [Status.DISPUTED]


def test_men_accused_of_a_crime_are_no_accusation():
    """"three men accused of spying" names the victims; nobody makes a claim there."""
    doc, mentions, claims = _run("Deir ez-Zor", "Islamic State militants executed three men accused of spying in Deir ez-Zor on Friday.")
    (mention,) = _in(doc, mentions, "executed")
    assert mention.status is Status.REPORTED and mention.claimed_by is None
    assert not [c for c in claims if c.verb == "accused"]
