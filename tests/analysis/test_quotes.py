"""Quote extraction, alignment across outlets (incl. degraded text) and attribution."""

from __future__ import annotations

import random

import pytest
from tests.analysis.helpers import make_brief
from tests.expect import groups_linked, the

from newsprism.analysis.attribution import speaker_from_context
from newsprism.analysis.quote_text import Segment
from newsprism.analysis.quotes import find_quotes, group_segments
from newsprism.model import Quote, QuoteVariant

QUOTE = "Our pumps were never designed for a spill of this size and we need help now"


def _shared_pair(wire: str, herald: str) -> tuple[Quote, QuoteVariant]:
    """The quotation Wire and Herald share, and Herald's variant of it."""
    brief = make_brief({"Wire": wire, "Herald": herald}, ("sentences",))
    quotes, _ = find_quotes(brief)
    shared = the(quotes, "a quote from two outlets", lambda q: len(q.outlets) == 2)
    herald_id = the(brief.articles, "the Herald article", lambda a: a.outlet == "Herald").id
    return shared, the(shared.variants, "the Herald variant", lambda v: v.article_id == herald_id)


@pytest.mark.parametrize(
    ("before", "after", "speaker"),
    [
        ("", ", said Mayor Ilse Varga.", "Mayor Ilse Varga"),
        ("", " the council statement reads.", "the council statement"),
        ("The engineer wrote, ", "", "The engineer"),
        ("", " in the United States.", None),
        ("", " according to the harbour office.", "the harbour office"),
        ("", " Ivo Brandt was recorded saying, the indictment says.", "Ivo Brandt"),
        ("", " Ivo Brandt allegedly told the tenant.", "Ivo Brandt"),
        ("Court papers say Ivo Brandt tells the tenant ", "", "Ivo Brandt"),
        ("In the harbour case the letter also said that ", "", "the letter"),
    ],
)
def test_speaker_patterns(before: str, after: str, speaker: str | None) -> None:
    assert speaker_from_context(before, after) == speaker


def test_merges_variants_and_attributes() -> None:
    brief = make_brief(
        {
            "Wire": f'"{QUOTE}," said Mayor Ilse Varga on Monday. Crews worked overnight.',
            "Herald": "Varga was blunt. “Our pumps were never designed for a spill of this size…"
            " we need help now,” Mayor Ilse Varga told reporters. Schools stayed open.",
            "Daily": "The harbour reopened. Fishing boats returned to the quay on Tuesday morning.",
        },
        ("sentences",),
    )
    quotes, _ = find_quotes(brief)
    shared = [q for q in quotes if len(q.outlets) > 1]
    assert len(shared) == 1
    assert set(shared[0].outlets) == {"Wire", "Herald"}
    assert shared[0].speaker == "Mayor Ilse Varga"
    assert len(shared[0].variants) == 2


def test_pronoun_takes_previous_speaker_and_block_quotes() -> None:
    text = (
        '"The reservoir is safe to drink from again and testing continues," the utility said.\n\n'
        'It added, "Residents should still run their taps for two minutes before use."\n\n'
        "The utility's notice reads:\n\n"
        "We apologise to every household that went without water this week.\n\n"
        "Schools reopen on Monday."
    )
    brief = make_brief({"Post": text}, ("sentences",))
    quotes, quoted = find_quotes(brief)
    speakers = {q.text.split()[0]: q.speaker for q in quotes}
    assert speakers["Residents"] == "the utility"
    assert speakers["We"] == "The utility's notice"
    assert not any(q.text.startswith("Schools") for q in quotes)
    assert quoted


def test_degraded_text_aligns_against_sibling_quotes() -> None:
    degraded = (
        "the mayor spoke to reporters on the quay this morning about the spill and the clean up "
        "our pumps were never designed for a spill of this size and we need help now the mayor "
        "said adding that crews from two neighbouring towns had arrived overnight to assist the "
        "harbour workers who had been on duty since the weekend began"
    )
    brief = make_brief(
        {"Wire": f'"{QUOTE}," said Mayor Ilse Varga. Crews worked overnight.', "Radio": degraded},
        ("sentences",),
    )
    assert the(brief.articles, "the Radio article", lambda a: a.outlet == "Radio").degraded
    quotes, _ = find_quotes(brief)
    shared = [q for q in quotes if len(q.outlets) == 2]
    assert shared and shared[0].speaker == "Mayor Ilse Varga"
    radio_id = the(brief.articles, "the Radio article", lambda a: a.outlet == "Radio").id
    radio = the(shared[0].variants, "the Radio variant", lambda v: v.article_id == radio_id)
    assert radio.speaker == "the mayor"
    radio_text = " ".join(s.text for a in brief.articles if a.id == radio_id for s in a.sentences)
    assert radio.text in radio_text  # the degraded outlet's words as the brief reads them


@pytest.mark.parametrize(
    "marked",
    [
        "``Our pumps were never designed for a spill of this size,'' said Mayor Ilse Varga.",
        "« Our pumps were never designed for a spill of this size », said Mayor Ilse Varga.",
        "‘Our pumps were never designed for a spill of this size,’ said Mayor Ilse Varga.",
        "'Our pumps were never designed for a spill of this size,' said Mayor Ilse Varga.",
    ],
)
def test_every_quotation_convention_meets_its_double_quoted_variant(marked: str) -> None:
    brief = make_brief(
        {
            "Wire": marked + " Crews worked overnight.",
            "Herald": '"Our pumps were never designed for a spill of this size," Varga said.',
        },
        ("sentences",),
    )
    quotes, _ = find_quotes(brief)
    shared = [q for q in quotes if len(q.outlets) == 2]
    assert shared and shared[0].speaker == "Mayor Ilse Varga"
    assert "`" not in shared[0].text and "«" not in shared[0].text


def test_apostrophes_are_not_quotation_marks() -> None:
    from newsprism.analysis.quote_text import quote_pairs

    text = "The girls' phones were found, and it's the boys' bikes that weren't moved at all."
    assert quote_pairs(text) == []


def test_an_unmarked_verbatim_reprint_is_the_same_quotation() -> None:
    letter = "Every household on the east bank deserves clean water before the winter comes"
    shared, herald = _shared_pair(
        f'The council wrote: "{letter}," in its letter to the minister.',
        f"The letter in full reads as follows. {letter}. It is signed by nine members.",
    )
    assert letter in shared.text
    assert herald.text.startswith("Every household")  # the outlet's own wording, case kept


def test_a_repeated_pull_quote_is_shown_once() -> None:
    words = "We will rebuild the pier before the first storm of the winter"
    shared, _ = _shared_pair(
        f'"{words}," said Gideon Marsh, the harbour master. "{words}."',
        f'Marsh said: "{words}." The quay stays closed.',
    )
    assert all(v.text.count("rebuild") == 1 for v in shared.variants)
    assert shared.speaker == "Gideon Marsh"


def test_the_fullest_name_the_story_uses() -> None:
    from newsprism.analysis.attribution import fullest_name, name_forms

    forms = name_forms(["Harbour master Gideon Marsh spoke.", "Later, Gideon Marsh left."])
    assert fullest_name("Marsh", forms) == "Gideon Marsh"
    assert fullest_name("harbour master Gideon Marsh", forms) == "Gideon Marsh"
    assert fullest_name("Mayor Gideon Marsh", forms) == "Mayor Gideon Marsh"
    assert fullest_name("the council", forms) == "the council"


def test_an_unmarked_echo_takes_its_speaker_from_the_outlets_own_words() -> None:
    words = "every household on the east bank deserves clean water before the winter comes"
    _, herald = _shared_pair(
        f'"{words.capitalize()}," said Ivo Brandt, the water board chair.',
        f"Water board chair Ivo Brandt said that {words}.",
    )
    assert herald.speaker and herald.speaker.endswith("Ivo Brandt")


def test_a_speaker_named_at_the_quotation_outvotes_one_carried_from_a_pronoun() -> None:
    words = "Mama, will the river reach our house before the morning comes"
    shared, _ = _shared_pair(
        f'Young Tomas Price was carried out by a neighbour. "{words}?" she said.',
        f'"{words}?" said Ann Rivers, his mother, at the shelter.',
    )
    assert shared.speaker == "Ann Rivers"


def _verbatim_in(shown: str, source: str) -> bool:
    """The shown text is one slice of the source, or slices of it joined by ' … ', in order."""
    at = 0
    for piece in shown.split(" … "):
        found = source.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


def test_merged_partial_quotes_show_one_outlets_words_verbatim() -> None:
    """Partial quotes starting mid-clause must not cost the fuller variant its ', and' or ';'."""
    passage = (
        "Those repairs, and the delays they have caused to every ferry on the north route, "
        "leave the harbour board no choice. We asked for a plan; none came, and the tenants "
        "of the quay are still waiting for an answer from the board."
    )
    brief = make_brief(
        {
            "Wire": f'"{passage}" the tenants association wrote in a statement on Friday.',
            "Herald": "The tenants said the delays they have caused to every ferry on the north "
            'route "leave the harbour board no choice." They added: "none came, and the tenants '
            'of the quay are still waiting for an answer from the board."',
            "Daily": "A letter from the tenants said “the delays they have caused to every ferry on"
            " the north route, leave the harbour board no choice.” The board did not reply.",
        },
        ("sentences",),
    )
    quotes, _ = find_quotes(brief)
    shared = [q for q in quotes if len(q.outlets) > 1]
    assert shared
    text_of = {a.id: " ".join(s.text for s in a.sentences) for a in brief.articles}
    for quote in shared:
        assert any(_verbatim_in(quote.text, text_of[v.article_id]) for v in quote.variants), (
            quote.text
        )
        for variant in quote.variants:
            assert _verbatim_in(variant.text, text_of[variant.article_id]), variant.text
    assert any("Those repairs, and the delays" in q.text for q in shared)
    assert any(q.text.startswith("none came, and the tenants") for q in shared)


def test_a_speaker_takes_the_key_players_name() -> None:
    from newsprism.analysis.attribution import canonical_speaker

    names = {"Gideon Marsh": "Gideon Marsh", "Marsh": "Gideon Marsh", "the harbour master": "Gideon Marsh",
             "Harbour Board": "Harbour Board of Eastport"}  # fmt: skip
    assert canonical_speaker("Mayor Gideon Marsh", names) == "Gideon Marsh"
    assert canonical_speaker("Then Marsh", names) == "Gideon Marsh"
    assert canonical_speaker("The harbour master", names) == "Gideon Marsh"
    assert canonical_speaker("the Harbour Board", names) == "Harbour Board of Eastport"
    assert canonical_speaker("a lawyer for Gideon Marsh", names) == "a lawyer for Gideon Marsh"
    assert canonical_speaker("Ann Lee and Marsh", names) == "Ann Lee and Marsh"
    assert canonical_speaker("Ann Lee", names) == "Ann Lee"
    assert canonical_speaker("he", names) == "he"


def test_a_written_form_two_entities_share_names_neither() -> None:
    from newsprism.analysis.attribution import canonical_speaker

    names = {"Marsh": "Gideon Marsh", "marsh": "Marsh Holdings"}
    assert canonical_speaker("Marsh", names) == "Marsh"


def test_the_quotes_stage_gives_one_speaker_the_key_players_name() -> None:
    said = "the quay will reopen to ferries within a fortnight of the repairs"
    texts = {
        "Wire": f'Mayor Gideon Marsh spoke at the harbour. "{said.capitalize()}," Mayor Marsh said.',
        "Herald": f'Gideon Marsh visited the quay. "{said.capitalize()}," said Mayor Marsh.',
    }
    brief = make_brief(texts, ("sentences", "sources", "names", "entities", "quotes"))
    assert [q.speaker for q in brief.quotes] == ["Gideon Marsh"]
    assert {v.speaker for v in brief.quotes[0].variants} == {"Gideon Marsh"}


def _groups_of_all_pairs(segments: list[Segment]) -> list[list[int]]:
    """Oracle: every pair of segments in different articles whose word bigrams share at least 3
    and half of the smaller set, linked into groups."""
    grams = [set(zip(s.tokens, s.tokens[1:], strict=False)) for s in segments]

    def linked(i: int, j: int) -> bool:
        shared, small = len(grams[i] & grams[j]), min(len(grams[i]), len(grams[j]))
        apart = segments[i].article != segments[j].article
        return apart and small >= 2 and shared >= 3 and shared >= 0.5 * small

    return groups_linked(len(segments), linked)


def test_copies_of_a_wording_group_as_comparing_every_pair_of_segments_does() -> None:
    rng = random.Random(5)
    base = QUOTE.lower().split()
    wordings = [base[a : a + n] for a in range(0, 8, 2) for n in (3, 5, 8)] + [["x", "y"] * 3]
    for _ in range(60):
        segments = [
            Segment(rng.randrange(4), "", [], list(rng.choice(wordings)), 0)
            for _ in range(rng.randint(1, 14))
        ]
        assert sorted(group_segments(segments)) == sorted(_groups_of_all_pairs(segments))
