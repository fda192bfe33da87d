"""Key players built from stories written in code: merging, ambiguity, roles, title links."""

from __future__ import annotations

from tests.analysis.helpers import make_brief

from newsprism.analysis.entities import canonical_names
from newsprism.model import Brief, Entity

STAGES = ("sentences", "sources", "names", "entities")


def _brief(texts: dict[str, str]) -> Brief:
    return make_brief(texts, STAGES)


def _person(brief: Brief, name: str) -> Entity:
    found = [e for e in brief.entities if e.type == "PERSON" and e.name == name]
    assert len(found) == 1, [(e.name, e.aliases) for e in brief.entities]
    return found[0]


STORY = {
    "Northern Post": (
        "Attorney General Maria Olsen said the agency would review the case. "
        "Olsen spoke to reporters in Portland on Monday. "
        "The attorney general declined to answer further questions."
    ),
    "Southern Ledger": (
        "AG Olsen defended the review in a statement. "
        "Peter Vance, a spokesman for the city council, said the council backed the review. "
        "Maria Olsen was appointed two years ago."
    ),
}


def test_full_name_surname_and_title_forms_are_one_person() -> None:
    brief = _brief(STORY)
    olsen = _person(brief, "Maria Olsen")
    assert {"Olsen", "the attorney general"} <= set(olsen.aliases)
    assert olsen.outlets == ["Northern Post", "Southern Ledger"]
    assert olsen.mentions == 5
    assert not [e for e in brief.entities if e.name in ("Olsen", "AG Olsen")]


def test_roles_come_from_title_prefixes_and_appositions_with_their_outlets() -> None:
    brief = _brief(STORY)
    olsen = _person(brief, "Maria Olsen")
    titles = {r.text: r.outlets for r in olsen.roles}
    assert titles.get("Attorney General") == ["Northern Post"]
    vance = _person(brief, "Peter Vance")
    assert [r.text for r in vance.roles] == ["spokesman"]
    assert vance.roles[0].citations == vance.citations[:1]


def test_two_people_sharing_a_surname_are_kept_apart() -> None:
    brief = _brief(
        {
            "A": "Tom Reyes and Anna Reyes both ran for the seat. Reyes said the vote was fair.",
            "B": "Tom Reyes won the seat in Denver. Anna Reyes conceded on Tuesday.",
        }
    )
    tom, anna = _person(brief, "Tom Reyes"), _person(brief, "Anna Reyes")
    assert "Reyes" not in tom.aliases and "Reyes" not in anna.aliases


def test_an_acronym_in_brackets_joins_the_spelled_out_name() -> None:
    brief = _brief(
        {
            "A": "The National Transit Safety Board (NTSB) opened an inquiry in Chicago.",
            "B": "The NTSB said investigators from Chicago would arrive on Friday.",
        }
    )
    board = [e for e in brief.entities if "NTSB" in [e.name, *e.aliases]]
    assert len(board) == 1
    assert board[0].name == "National Transit Safety Board"
    assert board[0].outlets == ["A", "B"]


def test_entities_are_ranked_by_how_many_outlets_name_them() -> None:
    brief = _brief(STORY)
    ranked = [e.name for e in brief.entities]
    assert ranked.index("Maria Olsen") < ranked.index("Peter Vance")


def test_entity_names_map_every_written_form_to_the_canonical_name() -> None:
    names = canonical_names(_brief(STORY).entities)
    assert names["Olsen"] == "Maria Olsen"
    assert names["the attorney general"] == "Maria Olsen"


def test_a_quoted_nickname_joins_the_full_name_and_a_person_noun_is_a_title() -> None:
    brief = _brief(
        {
            "A": 'Elizabeth "Liz" Navarro won the race in Denver on Sunday.',
            "B": "Liz Navarro said she was grateful. Spokeswoman Dana Whitfield agreed.",
            "C": "Navarro thanked her team, Dana Whitfield said.",
        }
    )
    navarro = [e for e in brief.entities if "Navarro" in [e.name, *e.aliases]]
    assert len(navarro) == 1 and navarro[0].outlets == ["A", "B", "C"]
    whitfield = _person(brief, "Dana Whitfield")
    assert "Spokeswoman" in [r.text for r in whitfield.roles]


def test_a_lone_title_is_not_a_player_but_initials_are() -> None:
    from newsprism.analysis.entities import _is_a_name

    def person(name: str) -> Entity:
        return Entity(id="e", name=name, type="PERSON")

    assert not _is_a_name(person("Sgt"))
    assert not _is_a_name(person("Gov."))
    assert _is_a_name(person("JFK")) and _is_a_name(person("Olsen"))


def test_a_surname_spelled_one_letter_apart_under_one_first_name_is_one_person() -> None:
    brief = _brief(
        {
            "A": "Police chief Daniel Harkins said the search would go on. Harkins thanked volunteers.",
            "B": "Daniel Harkin told reporters the search would go on through the night.",
            "C": "Officers led by Daniel Harkinss searched the woods near the river.",
        }
    )
    harkins = [e for e in brief.entities if e.type == "PERSON" and "Daniel" in e.name]
    assert len(harkins) == 1, [(e.name, e.aliases) for e in brief.entities]
    assert harkins[0].outlets == ["A", "B", "C"]


def test_near_spellings_under_different_first_names_stay_apart() -> None:
    from newsprism.analysis.entity_merge import _one_edit

    brief = _brief(
        {
            "A": "Daniel Harkins said the search would go on. Martha Harkin joined the volunteers.",
            "B": "Daniel Harkins thanked Martha Harkin for her help on Monday.",
        }
    )
    assert _person(brief, "Daniel Harkins") is not _person(brief, "Martha Harkin")
    assert _one_edit("harkins", "harkin") and not _one_edit("dunn", "lunn")
    assert not _one_edit("harkins", "harkins")


def test_a_dateline_place_and_agency_are_players_cited_to_the_lead() -> None:
    """Splitting cuts the dateline off the lead sentence; its place and agency still count, and
    the place is one entity with the same place named in the text."""
    brief = _brief(
        {
            "Northern Post": "PORT ARVENNA (Meridian Wire) — Ferries stopped on Monday. "
            "The harbour board met.",
            "Southern Ledger": "Ferries in Port Arvenna stopped on Monday, the harbour said.",
        }
    )
    lead = brief.articles[0].sentences[0]
    assert lead.text.startswith("Ferries")
    places = [e for e in brief.entities if e.name == "Port Arvenna"]
    assert len(places) == 1 and places[0].type == "GPE"
    assert lead.id in places[0].citations and len(places[0].outlets) == 2
    agency = [e for e in brief.entities if e.name == "Meridian Wire"]
    assert len(agency) == 1 and agency[0].type == "ORG" and agency[0].citations == [lead.id]
