"""One event told over several sentences stays one mention (marsad.events.elaborate)."""

from marsad.events import EventExtractor

from .conftest import actor, make_doc, toponym


def _extract(title: str, body: str, places: list[tuple[str, dict]] = ()):
    doc, article = make_doc(title, body, published="2021-07-18")
    toponyms = [toponym(doc, article, text, **kwargs) for text, kwargs in places]
    mentions, claims = EventExtractor().extract(doc, [article], toponyms, [])
    return doc, mentions, claims


def test_a_protest_that_turns_violent_is_one_event_coded_by_what_it_became():
    doc, mentions, _ = _extract(
        "Power cuts in Nasiriyah",
        "Hundreds of people protested outside the electricity office in Nasiriyah yesterday evening over power cuts. "
        "Riot police fired tear gas to disperse the protesters.",
        [("Nasiriyah", {"admin1": "Dhi Qar"})],
    )
    body = [m for m in mentions if m.char_start > len("Power cuts in Nasiriyah")]
    assert len(body) == 1
    assert body[0].sub_event_type == "Protest with intervention" and body[0].date == "2021-07-17"
    assert doc.text[body[0].char_start:].startswith("Hundreds of people protested")


def test_another_attack_in_the_same_paragraph_stays_its_own_event():
    _, mentions, _ = _extract(
        "Convoys hit",
        "A roadside bomb struck a supply convoy near Hillah. Another roadside bomb struck a second convoy near Hillah.",
        [("Hillah", {"admin1": "Babil"}), ("Hillah", {"admin1": "Babil", "occurrence": 1})],
    )
    body = [m for m in mentions if m.char_start > len("Convoys hit")]
    assert len(body) == 2 and {m.sub_event_type for m in body} == {"Remote explosive/landmine/IED"}


def test_sentences_with_their_own_different_dates_are_different_events():
    _, mentions, _ = _extract(
        "Clashes near Ramadi",
        "Iraqi troops clashed with Islamic State fighters near Ramadi on Monday. "
        "Troops clashed with the militants again near Ramadi on Friday.",
        [("Ramadi", {"admin1": "Anbar"}), ("Ramadi", {"admin1": "Anbar", "occurrence": 1})],
    )
    body = [m for m in mentions if m.char_start > len("Clashes near Ramadi")]
    assert sorted(m.date for m in body) == ["2021-07-12", "2021-07-16"]


def test_rockets_defused_after_an_attack_are_an_event_of_their_own():
    _, mentions, _ = _extract(
        "Rockets near the base",
        "Three rockets struck open ground near Ain al-Asad air base late on Monday night. "
        "Two further rockets were found on the launcher and were defused by army engineers.",
        [("Ain al-Asad air base", {"admin1": "Anbar", "feature_class": "S"})],
    )
    body = [m for m in mentions if m.char_start > len("Rockets near the base")]
    assert [m.sub_event_type for m in body] == ["Shelling/artillery/missile attack", "Disrupted weapons use"]


def test_the_blast_and_its_victims_are_one_event_named_by_its_weapon():
    _, mentions, _ = _extract(
        "Convoy hit near Hillah",
        "Gunmen attacked a supply convoy near Hillah on Wednesday morning. "
        "A roadside bomb planted by the attackers struck the lead truck near Hillah, killing two drivers.",
        [("Hillah", {"admin1": "Babil"}), ("Hillah", {"admin1": "Babil", "occurrence": 1})],
    )
    body = [m for m in mentions if m.char_start > len("Convoy hit near Hillah")]
    assert [(m.sub_event_type, m.fatalities) for m in body] == [("Remote explosive/landmine/IED", 2)]


def test_the_lead_lies_in_the_country_the_article_is_about():
    """A Washington dateline on a story about Mosul: the lead event is placed in Iraq."""
    body = ("WASHINGTON - Gunmen abducted two aid workers on Tuesday, the State Department said. "
            "The men were seized at a checkpoint near Mosul. Relatives in Mosul said the kidnappers "
            "had demanded a ransom, and officials in Nineveh province said a search was under way.")
    doc, article = make_doc("Aid workers abducted", body, published="2021-07-18")
    toponyms = [
        toponym(doc, article, "WASHINGTON", name="Washington", country="US", admin1="District of Columbia"),
        toponym(doc, article, "Mosul", country="IQ", admin1="Nineveh"),
        toponym(doc, article, "Mosul", country="IQ", admin1="Nineveh", occurrence=1),
        toponym(doc, article, "Nineveh", country="IQ", admin1="Nineveh", feature_class="A"),
    ]
    mentions, _ = EventExtractor().extract(doc, [article], toponyms, [])
    lead = next(m for m in mentions if m.lead)
    assert lead.sub_event_type == "Abduction/forced disappearance"
    assert (lead.country, lead.admin1) == ("IQ", "Nineveh")


def test_where_a_convoy_came_from_is_not_where_it_was_hit():
    _, mentions, _ = _extract(
        "Convoy hit",
        "A roadside bomb struck a supply convoy near Hillah on Wednesday. "
        "The blast hit the trucks as they were heading south from Baghdad, and one driver was wounded.",
        [("Hillah", {"admin1": "Babil"}), ("Baghdad", {"admin1": "Baghdad"})],
    )
    body = [m for m in mentions if m.char_start > len("Convoy hit")]
    assert [(m.sub_event_type, m.location) for m in body] == [("Remote explosive/landmine/IED", "Hillah")]


def test_the_dead_of_the_other_side_told_next_are_added_to_the_toll():
    _, mentions, _ = _extract(
        "Post attacked near Mopti",
        "JNIM militants attacked an army post near Mopti. 7 soldiers were killed. "
        "The army said 15 militants were killed in the counter-attack.",
        [("Mopti", {"country": "ML", "admin1": "Mopti"})],
    )
    body = [m for m in mentions if m.char_start > len("Post attacked near Mopti")]
    assert [(m.sub_event_type, m.fatalities) for m in body] == [("Armed clash", 22)]


def test_dead_told_again_or_in_part_are_not_added():
    _, mentions, _ = _extract(
        "Village attacked",
        "Gunmen killed 12 people in a village near Mopti. Four of them were soldiers killed in their homes. "
        "Five soldiers were also killed, the army said.",
        [("Mopti", {"country": "ML", "admin1": "Mopti"})],
    )
    body = [m for m in mentions if m.char_start > len("Village attacked")]
    assert [m.fatalities for m in body] == [12]


def test_a_change_of_territory_takes_the_toll_told_after_it_but_not_a_later_clash():
    _, mentions, _ = _extract(
        "Outpost overrun",
        "Arakan Army fighters overran a military outpost in Paletwa. 14 soldiers and 3 AA fighters were killed.\n\n"
        "The army regained ground east of Paletwa. Fighting was reported near Paletwa the next day.",
        [("Paletwa", {"country": "MM", "admin1": "Chin"}), ("Paletwa", {"country": "MM", "admin1": "Chin", "occurrence": 1}),
         ("Paletwa", {"country": "MM", "admin1": "Chin", "occurrence": 2})],
    )
    body = [(m.sub_event_type, m.fatalities) for m in mentions if m.char_start > len("Outpost overrun")]
    assert body == [("Non-state actor overtakes territory", 17), ("Government regains territory", None), ("Armed clash", None)]


def test_a_report_is_not_folded_into_a_disputed_claim():
    _, mentions, _ = _extract(
        "Helicopter down",
        "Militants shot down an army helicopter near Baiji, a claim that could not be independently verified. "
        "Troops clashed with the militants near Baiji.",
        [("Baiji", {"country": "IQ", "admin1": "Salah ad Din"}), ("Baiji", {"country": "IQ", "admin1": "Salah ad Din", "occurrence": 1})],
    )
    body = [m for m in mentions if m.char_start > len("Helicopter down")]
    assert len(body) == 2 and len({m.status for m in body}) == 2


def test_the_other_side_reporting_its_kills_after_a_raid_is_the_same_event():
    _, mentions, _ = _extract(
        "Base raided",
        "ISWAP fighters raided an army base near Damboa. 6 soldiers were killed. The army said it killed 19 insurgents.",
        [("Damboa", {"country": "NG", "admin1": "Borno"})],
    )
    body = [m for m in mentions if m.char_start > len("Base raided")]
    assert [(m.sub_event_type, m.fatalities) for m in body] == [("Armed clash", 25)]


def test_a_place_name_inside_a_known_actor_from_elsewhere_is_no_event_place():
    doc, article = make_doc("Lalibela", "Ethiopian troops and Fano militiamen fought for control of Lalibela.", published="2021-07-18")
    places = [toponym(doc, article, "Fano", country="IT", admin1="Marche"), toponym(doc, article, "Lalibela", country="ET", admin1="Amhara")]
    fano = actor(doc, article, "Fano militiamen", "Fano Militia", "Identity militias", country="ET")
    mentions, _ = EventExtractor().extract(doc, [article], places, [fano])
    body = [m for m in mentions if m.char_start > len("Lalibela")]
    assert [(m.actor1, m.location, m.country) for m in body] == [("Fano Militia", "Lalibela", "ET")]


def _body_tolls(title: str, body: str, place: str, country: str = "NG", admin1: str = "Borno") -> list[tuple[str, int | None]]:
    _, mentions, _ = _extract(title, body, [(place, {"country": country, "admin1": admin1})])
    return [(m.sub_event_type, m.fatalities) for m in mentions if m.char_start > len(title)]


def test_a_later_larger_toll_replaces_the_first_figure():
    risen = _body_tolls("Market hit", "An airstrike hit a market in Idlib on Monday, killing 7 civilians. "
                        "The death toll has since risen to 12, according to the White Helmets.", "Idlib", "SY", "Idlib")
    assert risen == [("Air/drone strike", 12)]
    in_all = _body_tolls("Village attacked", "Gunmen attacked a village near Maiduguri on Sunday, killing five people. "
                         "Officials said 20 people were killed altogether.", "Maiduguri")
    assert in_all == [("Attack", 20)]
    arabic = _body_tolls("غارة على سوق", "قصفت طائرات حربية سوقاً في إدلب يوم الاثنين، ما أدى إلى مقتل 7 مدنيين. "
                         "وارتفعت حصيلة القتلى لاحقاً إلى 12 قتيلاً.", "إدلب", "SY", "Idlib")
    assert arabic == [("Air/drone strike", 12)]


def test_more_dead_of_the_same_event_are_added():
    english = _body_tolls("Village attacked", "Gunmen attacked a village near Maiduguri on Sunday, killing five people. "
                          "Two more people later died of their wounds in hospital.", "Maiduguri")
    assert english == [("Attack", 7)]
    arabic = _body_tolls("غارة على سوق", "قصفت طائرات حربية سوقاً في إدلب يوم الاثنين، ما أدى إلى مقتل 7 مدنيين. "
                         "وتوفي ثلاثة آخرون متأثرين بجراحهم.", "إدلب", "SY", "Idlib")
    assert arabic == [("Air/drone strike", 10)]


def test_the_toll_of_a_whole_war_is_no_toll_of_the_event():
    for sentence in ("The insurgency has killed more than 35,000 people since 2009.",
                     "Boko Haram's insurgency has killed more than 35,000 people and displaced two million.",
                     "The death toll of the conflict rose to 35,000 this year."):
        tolls = _body_tolls("Village attacked", f"Gunmen attacked a village near Maiduguri on Sunday, killing five people. {sentence}",
                            "Maiduguri")
        assert tolls == [("Attack", 5)], sentence


def test_the_side_the_first_sentence_left_unnamed_fights_the_same_clash():
    tolls = _body_tolls("Patrol ambushed", "NPA rebels ambushed an army patrol in Las Navas. "
                        "2 soldiers were killed, while 1 NPA fighter died in the firefight.", "Las Navas", "PH", "Eastern Visayas")
    assert tolls == [("Armed clash", 3)]


def _body(title: str, body: str, places: list[tuple[str, dict]] = ()):
    doc, mentions, _ = _extract(title, body, places)
    return doc, [m for m in mentions if m.char_start > len(title)]


def test_a_note_s_closing_count_is_its_first_event_s_even_after_another_sentence():
    _, body = _body("Post attacked", "On 2 June 2021, gunmen attacked a police post in Tal Afar. The attackers seized "
                    "weapons and a vehicle before fleeing. Fatalities: 3.", [("Tal Afar", {"admin1": "Nineveh"})])
    assert body[0].fatalities == 3 and all(m.fatalities is None for m in body[1:])
    _, arabic = _body("هجوم", "في 2 حزيران 2021، هاجم مسلحون نقطة للشرطة في تلعفر. عدد القتلى: 5.")
    assert [m.fatalities for m in arabic] == [5]


def test_the_dead_told_in_a_sentence_without_an_event_join_the_event_before():
    _, body = _body("Village struck", "Warplanes struck a village in Idlib on Sunday. Several farmers died and about "
                    "twenty people were wounded, rescuers said.", [("Idlib", {"country": "SY", "admin1": "Idlib"})])
    assert [(m.sub_event_type, m.fatalities) for m in body] == [("Air/drone strike", 3)]
    _, sides = _body("Clash", "The army said it killed 9 militants in a clash near Hawija. Two soldiers also died in the "
                     "fighting, a local officer said.", [("Hawija", {"admin1": "Kirkuk"})])
    assert [m.fatalities for m in sides] == [11]


def test_gunmen_killing_at_a_vigil_is_an_attack_and_the_attackers_shot_dead_after_are_its_dead_too():
    _, body = _body("Church attacked", "Gunmen killed 6 worshippers during a prayer vigil at a church near Jos. Police said "
                    "two of the attackers were shot dead as officers arrived.")
    assert [(m.sub_event_type, m.fatalities) for m in body] == [("Attack", 8)]  # not force against a protest
