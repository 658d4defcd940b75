from marsad.events.taxonomy import civilian_targeting, inter_code, interaction, sub_type, taxonomy


def test_six_types_and_twenty_five_sub_types():
    table = taxonomy()
    assert table.event_types == (
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments",
    )
    assert len(table.sub_types) == 25
    assert [s.sub_event_type for s in table.of_type("Battles")] == [
        "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    ]
    assert len({s.sub_event_type for s in table.sub_types}) == 25


def test_disorder_type_and_codes():
    assert sub_type("Excessive force against protesters").disorder_type == "Political violence; Demonstrations"
    assert sub_type("Protest with intervention").disorder_type == "Political violence; Demonstrations"
    assert sub_type("Peaceful protest").disorder_type == "Demonstrations"
    assert sub_type("Arrests").disorder_type == "Strategic developments"
    ied = sub_type("Remote explosive/landmine/IED")
    assert ied.event_type == "Explosions/Remote violence" and ied.cameo == "18" and ied.plover == "ASSAULT"
    assert sub_type("Agreement").plover == "AGREE"


def test_interaction_codes():
    assert inter_code("State forces") == 1 and inter_code("External/Other forces") == 8
    assert interaction("Civilians", "State forces") == "17"
    assert interaction("Protesters", None) == "60"
    assert interaction(None, None) is None
    assert civilian_targeting("Attack", "Civilians") == "Civilian targeting"
    assert civilian_targeting("Armed clash", "State forces") is None
