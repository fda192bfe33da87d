"""Quote wording: one utterance that independent outlets quote in different words."""

from __future__ import annotations

from tests.analysis.helpers import aligned

from newsprism.analysis.quote_wording import quote_wording_conflicts, reworded, same_piece
from newsprism.analysis.quotes import find_quotes
from newsprism.model import Discrepancy

LEAD = "A warehouse fire burned through the night in the town of Dunmore on the river."
SECOND = "Firefighters from three counties fought the blaze for eleven hours before dawn."
FIRST_LINE = "The crews held the line all night."
SAID = "The roof could collapse on the crews at noon."
RETOLD = "The roof could fall on the crews before noon."
OTHER = (
    "Crews from a neighbouring district later arrived with a ladder truck and spare hoses. "
    "Local shops on the main street stayed closed for the whole day."
)


def _run(texts: dict[str, str]) -> list[Discrepancy]:
    brief, alignment, sources = aligned(texts)
    quotes, _ = find_quotes(brief, sources)
    return quote_wording_conflicts(brief, quotes, sources, alignment)


def _courier(quoted: str) -> str:
    return f'{LEAD} Fire chief Marta Quell spoke to reporters on Friday. "{quoted}" Quell said.'


def _harbor(quoted: str) -> str:
    return (
        f"{SECOND} Speaking at the scene on Friday, chief Marta Quell warned residents. "
        f'"{quoted}" Quell said. Nearby families were told to keep their windows shut.'
    )


def test_one_line_given_in_different_words_is_reported_with_both_versions() -> None:
    found = _run(
        {
            "Valley Courier": _courier(f"{FIRST_LINE} {SAID}"),
            "Harbor Times": _harbor(f"{FIRST_LINE} {RETOLD}"),
        }
    )
    assert len(found) == 1
    disc = found[0]
    assert disc.kind == "quote" and "Quell" in disc.what
    assert {v.value.strip("“”") for v in disc.values} == {
        f"{FIRST_LINE} {SAID}",
        f"{FIRST_LINE} {RETOLD}",
    }
    assert sorted(o for v in disc.values for o in v.outlets) == ["Harbor Times", "Valley Courier"]
    assert "differently" in (disc.note or "") and "neither is a fragment" in disc.basis


def test_a_partial_quote_is_not_a_conflict() -> None:
    found = _run(
        {
            "Valley Courier": _courier(f"{FIRST_LINE} {SAID}"),
            "Harbor Times": _harbor(f"{FIRST_LINE} The roof could collapse on the crews"),
        }
    )
    assert found == []


def test_two_parts_of_one_longer_statement_are_not_a_conflict() -> None:
    later = "We asked the owners to keep everyone away from the loading docks."
    found = _run(
        {
            "Valley Courier": _courier(f"{FIRST_LINE} {SAID}"),
            "Harbor Times": _harbor(f"{SAID} {later}"),
        }
    )
    assert found == []


def test_different_things_one_speaker_says_are_not_a_conflict() -> None:
    found = _run(
        {
            "Valley Courier": _courier(FIRST_LINE),
            "Harbor Times": _harbor("The crews need more water pumps for the night shift."),
        }
    )
    assert found == []


def test_a_syndicated_copy_with_an_edited_quote_is_one_source() -> None:
    body = f"{OTHER} {SECOND} {OTHER}"
    found = _run(
        {
            "Valley Courier": f"{_courier(f'{FIRST_LINE} {SAID}')} {body}",
            "Courier Wire Reprint": f"{_courier(f'{FIRST_LINE} {RETOLD}')} {body}",
        }
    )
    assert found == []


def _words(sentence: str) -> list[str]:
    return sentence.lower().rstrip(".").split()


def test_pieces_compare_by_words_in_order() -> None:
    crews = _words(FIRST_LINE)
    assert same_piece(crews[:4], crews)  # a fragment is the same piece
    roof, retold = _words(SAID), _words(RETOLD)
    assert reworded(roof, retold)
    hedged = _words("The roof could quite likely collapse on the crews at noon.")
    assert not reworded(roof, hedged)  # the same sentence with words added: one piece
    they = _words("They are a very good crew and they know the building.")
    we = _words("We have a very good crew and they know the building.")
    assert not reworded(they, we)  # only a pronoun and verb changed: no content word differs


def test_only_pairs_sharing_a_content_word_are_compared_and_none_that_reword_is_missed() -> None:
    """The blocked pairs, in all-pairs order, hold every pair an all-pairs scan finds reworded."""
    import itertools
    import random

    from newsprism.analysis.quote_wording import (
        Version,
        _candidate_pairs,
        slot_rewording,
        whole_rewording,
    )

    rng = random.Random(3)
    vocabulary = ["we", "will", "the", "harbour", "rebuild", "fund", "town", "new", "pier", "soon"]
    found = []
    for n in range(60):
        pieces = [rng.choices(vocabulary, k=rng.randint(4, 8)) for _ in range(rng.randint(1, 3))]
        speaker = rng.choice(["Mayor Ann Lee", "Lee", "Tom Park"])
        found.append(Version(n, n % 4, speaker, "", [f"s{n}"], pieces))
    blocked = [(a.article, b.article) for a, b in _candidate_pairs(found)]
    conflicting = [
        (a.article, b.article)
        for a, b in itertools.combinations(found, 2)
        if a.group != b.group
        and a.speaker.split()[-1] == b.speaker.split()[-1]
        and (slot_rewording(a, b) or whole_rewording(a, b))
    ]
    assert conflicting
    assert set(conflicting) <= set(blocked)
    assert blocked == sorted(blocked)
    assert all(found[i].speaker.split()[-1] == found[j].speaker.split()[-1] for i, j in blocked)
