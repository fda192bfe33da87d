"""Detection of text that lost punctuation and case, and of text that merely looks unusual."""

from __future__ import annotations

from newsprism.text.degraded import is_degraded
from newsprism.text.siblings import strip_text

PROSE = (
    "The city council of Port Arvenna approved a new harbour budget on Monday. "
    "Mayor Lena Ostrova said the vote ended months of debate over dredging costs. "
    "Opponents argued that the plan favours large shipping firms, and they promised "
    "to challenge it in court. The budget takes effect in April, officials said. "
    "Residents will be able to comment on the dredging schedule at a public hearing "
    "next month, according to the council's website."
)


def test_normal_news_prose_is_not_degraded() -> None:
    assert not is_degraded(PROSE)


def test_stripped_prose_is_degraded() -> None:
    assert is_degraded(strip_text(PROSE))


def test_punctuation_lost_but_case_kept_is_degraded() -> None:
    no_marks = PROSE.replace(".", "").replace(",", "").replace("'", " ")
    assert is_degraded(no_marks)


def test_lowercase_but_punctuated_text_is_not_degraded() -> None:
    assert not is_degraded(PROSE.lower())


def test_short_texts_are_never_degraded() -> None:
    assert not is_degraded("breaking council approves harbour budget after months of debate")
    assert not is_degraded("")


def test_all_caps_headline_and_punctuated_caps_text_are_not_degraded() -> None:
    assert not is_degraded("PORT ARVENNA COUNCIL APPROVES HARBOUR BUDGET")
    assert not is_degraded(PROSE.upper())


def test_list_of_headlines_one_per_line_is_not_degraded() -> None:
    lines = [
        "Council approves harbour budget after long debate over dredging",
        "Mayor says vote ends months of argument about costs and timing",
        "Shipping firms welcome plan while residents ask for a public hearing",
        "Opponents promise a court challenge before the budget takes effect",
        "Dredging schedule to be published on the council website next month",
    ]
    assert not is_degraded("\n".join(lines))
