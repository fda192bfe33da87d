"""Quotations found without quote marks are shown only as the outlet printed them."""

from __future__ import annotations

from tests.analysis.helpers import make_brief

from newsprism.analysis.quotes import find_quotes

FIRST = "We were only testing ideas in the little studio that spring"
SECOND = "My eagerness often got in the way of any finesse back then"


def _pieces_in_order(shown: str, printed: str) -> bool:
    at = 0
    for piece in shown.split(" … "):
        found = printed.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


def test_an_unmarked_echo_is_not_joined_across_a_sentence_left_out() -> None:
    """The other outlet prints the two sentences apart, a quoted one between them: they are not
    shown as one stretch of its text."""
    brief = make_brief(
        {
            "Wire": f'"{FIRST}. {SECOND}," said the singer, looking back on the record.',
            "Herald": f'{FIRST}. "I kind of overcooked the whole thing," the singer admitted. '
            f"{SECOND}. The band plays Leeds on Friday.",
        },
        ("sentences",),
    )
    quotes, _ = find_quotes(brief)
    text_of = {a.id: " ".join(s.text for s in a.sentences) for a in brief.articles}
    variants = [v for q in quotes for v in q.variants]
    assert any("eagerness" in v.text for v in variants)
    for quote in quotes:
        for variant in quote.variants:
            assert _pieces_in_order(variant.text, text_of[variant.article_id]), variant.text
        assert any(_pieces_in_order(quote.text, text_of[v.article_id]) for v in quote.variants)
