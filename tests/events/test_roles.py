"""ACLED's generic actors filling the roles of an event (marsad.events.roles)."""

from marsad.events.roles import Roles, with_generics


def test_state_forces_who_demonstrate_are_protesters():
    retired = Roles("Military Forces of Iraq", "State forces")
    assert with_generics(retired, "Protests", "Peaceful protest", "IQ") == Roles("Protesters (Iraq)", "Protesters")
    assert with_generics(retired, "Riots", "Violent demonstration", "IQ") == Roles("Rioters (Iraq)", "Rioters")


def test_forces_that_act_against_a_protest_keep_their_role():
    police = Roles("Police Forces of Iraq", "State forces", "Protesters (Iraq)", "Protesters")
    assert with_generics(police, "Protests", "Protest with intervention", "IQ") == police


def test_missing_roles_get_the_generic_actor_of_the_event():
    assert with_generics(Roles(), "Violence against civilians", "Attack", "NG") == Roles(
        "Unidentified Armed Group (Nigeria)", "Political militias", "Civilians (Nigeria)", "Civilians")
    assert with_generics(Roles(), "Strategic developments", "Arrests", "IQ").actor1 == "Police Forces of Iraq"
