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


def test_a_quotation_is_found_as_written_exactly_where_the_joined_regex_finds_it() -> None:
    """Oracle: ``re.search`` of the tokens joined by one gap (an optional word between), ignoring
    case, on generated texts with punctuation, curly quotes, dashes and repeated words."""
    import random
    import re

    from newsprism.analysis.quote_text import _original

    rng = random.Random(7)
    vocabulary = ["a", "b", "ab", "Ba", "the", "The", "“we", "go.”", "said,", "—", "é", "É"]
    gaps = [" ", ", ", " — ", "“", "”", ". ", "  ", "-", "'"]
    found = 0
    for _ in range(3000):
        written = [rng.choice(vocabulary) for _ in range(rng.randint(1, 10))]
        text = "".join(w + rng.choice(gaps) for w in written)
        at = rng.randrange(len(written))
        toks = written[at : at + rng.randint(1, 4)]
        if rng.random() < 0.3:
            toks = [rng.choice(vocabulary) for _ in range(rng.randint(1, 3))]
        joined = r"\W+(?:\w+\W+)?".join(re.escape(t) for t in toks)
        expected = re.search(joined, text, re.IGNORECASE)
        assert _original(text, toks) == (expected and (expected.start(), expected.end()))
        found += expected is not None
    assert found > 1000  # most cases do match, so the test compares positions, not misses
