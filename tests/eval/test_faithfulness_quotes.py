"""``quote_not_verbatim`` flags shown quotation text that no variant's outlet printed."""

from __future__ import annotations

from tests.analysis.helpers import make_brief

from newsprism.eval.faithfulness import check_brief, counts
from newsprism.eval.faithfulness_quotes import printed_in_order
from newsprism.model import Quote, QuoteVariant

TEXT = (
    "The ferry board met on Monday. "
    '"Those repairs, and the delays they caused, leave us no choice," the board chair said. '
    '"We asked for a plan; none came."'
)


def _brief_with_quote(shown: str):  # type: ignore[no-untyped-def]
    brief = make_brief({"Wire": TEXT, "Herald": "The board met. Repairs continue at the quay."})
    wire = brief.articles[0]
    brief.quotes = [
        Quote(
            text=shown,
            citations=[wire.sentences[1].id],
            outlets=["Wire"],
            variants=[QuoteVariant(article_id=wire.id, text=shown, citations=[])],
        )
    ]
    return brief


def test_pieces_must_appear_in_the_printed_order() -> None:
    assert printed_in_order("Those repairs … none came", TEXT)
    assert not printed_in_order("none came … Those repairs", TEXT)


def test_a_dropped_conjunction_is_flagged_and_a_verbatim_quote_is_not() -> None:
    flagged = _brief_with_quote("Those repairs the delays they caused, leave us no choice")
    assert counts(check_brief(flagged))["quote_not_verbatim"] == 1
    verbatim = _brief_with_quote("Those repairs, and the delays they caused … a plan; none came.")
    assert counts(check_brief(verbatim))["quote_not_verbatim"] == 0
