"""Which mention leads an article, and where it lies (marsad.events.lead, marsad.events.geo)."""

import pytest

from marsad.events import EventExtractor
from marsad.events.lead import person_names

from .conftest import make_doc, toponym


def _lead(title: str, body: str, places=(), published: str = "2021-03-08"):
    doc, article = make_doc(title, body, published=published)
    toponyms = [toponym(doc, article, text, **kwargs) for text, kwargs in places]
    mentions, _ = EventExtractor().extract(doc, [article], toponyms, [])
    return next((m for m in mentions if m.lead), None), mentions


def test_a_follow_up_story_is_led_by_the_attack_it_follows():
    """A campaign for a detainee, with her arrest told as background: the arrest leads, with its own date."""
    lead, mentions = _lead(
        "Family of jailed aid worker Nadia Karimi stage protest outside embassy",
        "The family of Nadia Karimi will protest outside the embassy on Monday, campaigners said. "
        "Karimi was arrested by intelligence agents at the airport in Tehran in April 2016. "
        "She has been held ever since.",
        [("Tehran", {"country": "IR", "admin1": "Tehran"})],
    )
    assert lead is not None
    assert lead.date == "2016-04-01" and lead.background and lead.country == "IR"
    assert sum(m.lead for m in mentions) == 1


def test_a_lead_from_the_first_paragraph_takes_the_count_only_its_headline_gives():
    lead, _ = _lead("Gunmen kill 7 in Zamfara", "The attack happened on Tuesday, police said.")
    assert lead is not None and lead.fatalities == 7
    assert lead.char_start == 0 and lead.char_end > len("Gunmen kill 7 in Zamfara")  # evidence over both
    told, _ = _lead("Gunmen kill 7 in Zamfara", "Clashes with gunmen killed five people on Tuesday, police said.")
    assert told is not None and told.fatalities == 5  # the body's own count stands


def test_a_news_event_keeps_the_lead_over_history_that_names_the_same_man():
    """No follow-up in the headline: the 2020 strike that killed a commander stays background."""
    lead, _ = _lead(
        "Militia convoy hit by roadside bomb",
        "A roadside bomb struck a convoy of the Hashd on the road to Qaim on Tuesday, killing two. "
        "The group's founder Muhandis was killed in a drone strike near Baghdad airport in January 2020.",
        [("Qaim", {"country": "IQ", "admin1": "Anbar"}), ("Baghdad", {"country": "IQ", "admin1": "Baghdad"})],
    )
    assert lead.sub_event_type == "Remote explosive/landmine/IED" and not lead.background


def test_names_skip_places_calendar_and_institution_words():
    text = "Relatives of Nadia Karimi met Human Rights Watch in Tehran on Monday."
    assert person_names(text, {"Tehran"}) == {"Nadia", "Karimi"}


def test_a_lead_placed_at_its_country_takes_the_article_town_there():
    doc_places = [("ANKARA", {"name": "Ankara", "country": "TR", "admin1": "Ankara"}),
                  ("Turkey", {"country": "TR", "admin1": None, "feature_class": "A"})]
    lead, _ = _lead("Trade unionists detained", "ANKARA - The union said on Monday that its members would march again. "
                    "Police detained 12 trade unionists in Turkey on Monday.", doc_places, published="2021-01-11")
    assert (lead.country, lead.location, lead.geo_precision) == ("TR", "Ankara", 2)


def test_a_lead_placed_at_its_province_takes_the_article_town_in_that_province():
    """"arrested in Cross River State" in an article that names Calabar there: the lead lies in Calabar; a
    town of another province is no narrowing."""
    doc_places = [("Cross River State", {"name": "Cross River", "country": "NG", "admin1": "Cross River", "feature_class": "A"}),
                  ("Lagos", {"country": "NG", "admin1": "Lagos"}),
                  ("Calabar", {"country": "NG", "admin1": "Cross River"})]
    lead, _ = _lead("Publisher arrested", "Police arrested a publisher in Cross River State on Monday. "
                    "His lawyer in Lagos said he was flown to Calabar and held there.", doc_places, published="2021-01-11")
    assert (lead.country, lead.admin1, lead.location, lead.geo_precision) == ("NG", "Cross River", "Calabar", 2)


def test_an_old_arrest_leading_the_article_narrows_to_its_town_too():
    """The lead is a background event (an arrest months before the article): it still lies in Calabar."""
    doc_places = [("Cross River State", {"name": "Cross River", "country": "NG", "admin1": "Cross River", "feature_class": "A"}),
                  ("Calabar", {"country": "NG", "admin1": "Cross River"})]
    lead, _ = _lead("Family of jailed publisher Agu Bassey stage protest",
                    "The family of Agu Bassey will protest outside the court on Monday, campaigners said. "
                    "Bassey was arrested by police in Cross River State on August 22, 2019. "
                    "He was later moved to a police cell in Calabar.", doc_places, published="2020-03-11")
    assert lead.background and lead.date == "2019-08-22" and lead.sub_event_type == "Arrests"
    assert (lead.admin1, lead.location, lead.geo_precision) == ("Cross River", "Calabar", 2)


def test_hong_kong_is_a_province_of_china_as_acled_codes_it():
    lead, _ = _lead("Media tycoon arrested", "Police arrested a media tycoon in Hong Kong on Monday.",
                    [("Hong Kong", {"country": "HK", "admin1": None, "feature_class": "A"})], published="2020-08-10")
    assert (lead.country, lead.admin1, lead.location, lead.geo_precision) == ("CN", "Hong Kong", "Hong Kong", 1)


def test_where_a_person_lives_is_not_where_the_arrest_was():
    lead, _ = _lead("Aid worker arrested", "Nadia Karimi, of north London, was arrested in Tehran on Monday.",
                    [("London", {"country": "GB", "admin1": "England"}), ("Tehran", {"country": "IR", "admin1": "Tehran"})])
    assert lead.location == "Tehran"


def test_a_detention_told_by_its_length_is_an_arrest_dated_when_it_began():
    lead, mentions = _lead("Rights update", "The poet has been in prison since 2009, campaigners said.")
    arrests = [m for m in mentions if m.sub_event_type == "Arrests"]
    assert arrests and arrests[0].date == "2009-01-01" and arrests[0].time_precision == 3 and arrests[0].background


def test_a_court_naming_an_old_crime_dates_the_crime_by_its_own_year():
    """"ruled in late 2017 that he took part in the 2008 hostage-taking": the hostage-taking is of 2008."""
    _, mentions = _lead("Kidnapper loses appeal",
                        "A judge ruled in late 2017 that Ader was a willing participant in the 2008 hostage-taking of a reporter.")
    taken = [m for m in mentions if m.sub_event_type == "Abduction/forced disappearance"]
    assert taken and taken[0].date.startswith("2008")


@pytest.mark.parametrize(
    ("title", "body", "places", "published", "expected"),
    [
        # an undated headline arrest keeps its article's day: "so far in 2019" only names its year
        ("Police arrest truck driver smuggling 41 migrants",
         "Police stopped the truck near Xanthi for a routine check, arresting the driver. "
         "Police have arrested dozens of people believed to be smugglers so far in 2019.",
         [("Xanthi", {"country": "GR", "admin1": "East Macedonia and Thrace"})], "2019-11-04", "2019-11-04"),
        # an undated lead borrows the day the article gives it elsewhere
        ("Three journalists arrested over critical reporting",
         "Three journalists were arrested for their critical reporting of the authorities, a press group said. "
         "They were arrested on December 28 in Hargeisa.", [], "2022-01-05", "2021-12-28"),
        # China's formal arrest follows a criminal detention: ACLED dates the arrest at the detention
        ("Pastor arrested for subversion",
         "The pastor of a house church was arrested on April 2 in Changsha, after being criminally detained "
         "since March 14 for inciting subversion of state power.",
         [("Changsha", {"country": "CN", "admin1": "Hunan"})], "2020-04-30", "2020-03-14"),
    ],
)
def test_the_date_of_an_arrest_lead(title, body, places, published, expected):
    lead, _ = _lead(title, body, places, published=published)
    assert lead is not None
    assert lead.date == expected


def test_the_lead_keeps_its_own_day_over_a_vaguer_date_of_the_same_kind():
    """A recalled month ("since the TTP ended a ceasefire in November 2022") lends the lead nothing."""
    _, mentions = _lead(
        "TTP claims attack on police post in Lakki Marwat, three policemen killed",
        "Militants armed with rifles attacked a police post in Lakki Marwat district late on Thursday, killing three policemen.\n\n"
        "Militant attacks in the province have risen sharply since the TTP ended a ceasefire with the government in November 2022.",
        published="2023-03-10",
    )
    lead = next(m for m in mentions if m.lead)
    assert (lead.date, lead.time_precision) == ("2023-03-09", 1)


def test_a_catch_all_lead_borrows_no_date_from_another_catch_all():
    """A sentencing told today is not dated by the coup "in early 2021" the next sentence recalls."""
    lead, mentions = _lead(
        "Former leader sentenced to five years in first corruption case",
        "A court in Myanmar has sentenced deposed leader Aung San Suu Kyi to five years in jail after finding her guilty "
        "in the first of 11 corruption cases against her. The Nobel laureate, who led Myanmar for five years before "
        "being forced from power in a coup in early 2021, has been charged with at least 18 offences.",
        published="2022-04-27",
    )
    assert lead is not None and lead.sub_event_type == "Other"
    assert any(m.date.startswith("2021") for m in mentions if not m.lead)
    assert lead.date == "2022-04-27"


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("الخارجية: على مجلس الأمن التحرك لوقف الاعتداءات على المدنيين",
         "طالبت وزارة الخارجية مجلس الأمن الدولي باتخاذ إجراءات عاجلة لوقف الاعتداءات على المدنيين.\n\n"
         "وقالت الوزارة في رسالة إلى الأمين العام إن القصف الذي استهدف أمس سوق البلدة يمثل جريمة حرب."),
        ("Faction leader: foreign troops will not stay",
         "The faction's leader said on Monday that no foreign troops would be allowed to remain in the country.\n\n"
         "He added that the group would decide its response in its own time.\n\n"
         "His remarks came after US aircraft bombed the group's headquarters near al-Qaim on Sunday."),
    ],
)
def test_an_article_opening_with_a_statement_reports_the_statement(title, body):
    """The attack named later as the statement's occasion is not the article's lead."""
    lead, mentions = _lead(title, body, published="2019-12-31")
    assert mentions and lead is None


def test_a_speech_verb_in_a_relative_clause_opens_no_statement():
    lead, _ = _lead("Activist charged with subversion",
                    "An outspoken rights activist who called for the president to step down has been charged with subversion.\n\n"
                    "He has been detained since February 15, his lawyer said.", published="2020-02-17")
    assert lead is not None
