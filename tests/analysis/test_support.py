"""An outlet is credited with a fact only when its sentence states it."""

from __future__ import annotations

from newsprism.analysis.support import figures, reports, safe_shortenings, states, without_adjuncts
from newsprism.model import Sentence


def test_figures_digits_and_words() -> None:
    assert figures("More than 1,100 officials and seven counts") == {"1100", "7"}


def test_same_fact_needs_same_figures_names_and_polarity() -> None:
    shown = "The council closed the Orlen bridge for six weeks."
    assert states(shown, "The council has closed the Orlen bridge for six weeks of repairs.")
    assert not states(shown, "The council closed the Orlen bridge for four weeks.")
    assert not states(shown, "The council did not close the Orlen bridge for six weeks.")
    assert not states(shown, "The council closed the Varna bridge for six weeks.")


def test_a_name_is_stated_by_its_surname_but_never_by_another_name() -> None:
    shown = "Mayor Ilse Varkonen closed the Orlen bridge for six weeks."
    assert states(shown, "Varkonen closed the Orlen bridge for six weeks of repairs.")
    assert not states(shown, "Mayor Ilse Branek closed the Orlen bridge for six weeks.")
    assert not states(shown, "The mayor closed the Orlen bridge for six weeks.")


def test_coverage_counts_inflected_forms_of_one_word() -> None:
    shown = "The council bought the mill."
    assert states(shown, "The council buys the mill.")
    assert not states(shown, "The council sold the mill.")


def test_shortening_never_drops_a_coordinated_head_or_negation() -> None:
    text = "Kell was convicted in May on four counts of fraud, perjury and bribery."
    cuts = safe_shortenings(text)
    assert "Kell was convicted on four counts of fraud, perjury and bribery." in cuts
    assert not any(c.endswith("of fraud.") for c in cuts)
    assert without_adjuncts("Kell was not convicted in May.") == []


def test_reports_checks_the_whole_text() -> None:
    sentences = [
        Sentence(id="a.0", index=0, text="Storms hit the coast."),
        Sentence(id="a.1", index=1, text="The council closed the Orlen bridge for six weeks."),
    ]
    assert reports("The Orlen bridge is closed for six weeks.", sentences)
    assert not reports("The Orlen bridge is closed for nine weeks.", sentences)


def test_shortening_keeps_attribution_role_and_a_bare_verbs_complement() -> None:
    from newsprism.analysis.support import without_adjuncts

    for cut in without_adjuncts("According to the report, the driver fled the scene on Monday."):
        assert cut.startswith("According to the report")
    for cut in without_adjuncts("Lopez was regarded as the best climber in the region."):
        assert "as the best climber" in cut
    for cut in without_adjuncts("On Monday, the court ruled in favor of the tenants."):
        assert "in favor of the tenants" in cut
