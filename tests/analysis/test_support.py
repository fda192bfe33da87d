"""An outlet is credited with a fact only when its sentence states it."""

from __future__ import annotations

from newsprism.analysis.support import (
    LEANS_BACK,
    Coverage,
    doc_of,
    figures,
    parsed_ahead,
    reports,
    safe_shortenings,
    states,
    whole_clause,
    without_adjuncts,
)
from newsprism.model import Sentence
from newsprism.text.nlp import parse


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


def test_the_words_around_a_quotation_are_part_of_the_fact() -> None:
    quote = '"The harbour has never been busier, with 40 ships a day,"'
    shown = f"{quote} the minister boasted."
    assert not states(shown, f"{quote.replace(',', '')} Ilse Dorn told reporters.")
    assert states(shown, f"{quote} the minister boasted on Monday.")
    # the verb of saying is not the fact: 'said' and 'stated' report alike
    assert states(f"{quote} the minister said.", f"{quote} the minister stated on Monday.")


def test_a_figure_counts_the_same_thing() -> None:
    shown = "Voss was convicted on seven counts of fraud and bribery."
    assert not states(shown, "Voss faces 7 to 9 years in prison for fraud and bribery.")
    assert states(shown, "Voss was convicted on 7 counts of fraud and bribery in May.")
    assert states("A 20-minute detour slows the drivers.", "Drivers face a 20 minute detour.")


def test_another_subject_is_another_fact() -> None:
    shown = "The engineers called on the harbour master to resign in a letter."
    assert not states(shown, "Six pilots called on the harbour master to resign in a letter.")
    assert states(shown, "Forty engineers called on the harbour master to resign in a letter.")
    # under a verb of saying, the subject is the reported clause's
    assert states(
        "A swimmer missing off the north pier has been found, police say.",
        "The swimmer missing off the north pier has been found alive.",
    )


def test_a_lone_subordinate_clause_is_no_whole_clause() -> None:
    assert not whole_clause("If the lease is void because the mayor did not sign it.")
    assert not whole_clause("Because the bridge was closed.")
    assert not whole_clause("When the storm hit the coast.")
    assert whole_clause("If it rains, the match is off.")
    assert whole_clause("Because the bridge was closed, traffic stopped.")


def test_a_different_figure_a_negation_or_a_missing_detail_is_not_the_fact() -> None:
    shown = "Ivo Brandt was shot on May 29 outside a car wash on Harbour Road."
    assert not states(shown, "Ivo Brandt was shot on May 30 outside a car wash on Harbour Road.")
    assert not states(
        shown, "Ivo Brandt was not shot on May 29 outside a car wash on Harbour Road."
    )
    assert not states(shown, "Ivo Brandt was shot outside a car wash.")
    assert states(shown, "Ivo Brandt, 19, was shot on May 29 outside a car wash on Harbour Road.")


def test_a_cut_leaves_a_whole_clause() -> None:
    assert not whole_clause("One of these was that the harbour's former pilot Ivo Brandt")
    assert not whole_clause("A photo of the harbour at dawn, with the old crane")
    assert whole_clause("The pilot was convicted on two counts of fraud")
    sentence = "The worst was that the harbour's pilot Ivo Brandt, who pleaded guilty in May, fled."
    cuts = safe_shortenings(sentence)
    assert "The worst was that the harbour's pilot Ivo Brandt." not in cuts


def test_an_opening_that_points_back_leans_on_the_sentence_before() -> None:
    for text in ("One of these was the pier.", "Some of them fled.", "It closed.", "This hurt."):
        assert LEANS_BACK.match(text), text
    for text in ("One ship sank.", "Some pilots fled.", "Onerous rules apply."):
        assert not LEANS_BACK.match(text), text


def test_coverage_finds_the_outlets_reports_finds() -> None:
    texts = {
        "North Post": [
            "Storms hit the coast.",
            "The council closed the Orlen bridge for six weeks.",
        ],
        "East Star": ["The Orlen bridge shut.", "It stays closed for six weeks of repairs."],
        "West Wire": ["The council closed the Orlen bridge for nine weeks."],
        "South Bell": ["Ferries ran late on Tuesday."],
        "Empty": [],
    }
    by_outlet = {
        outlet: [Sentence(id=f"{n}.{k}", index=k, text=t) for k, t in enumerate(lines)]
        for n, (outlet, lines) in enumerate(texts.items())
    }
    coverage = Coverage(by_outlet)
    for shown in [
        "The Orlen bridge is closed for six weeks.",
        "The Orlen bridge is closed for nine weeks.",
        "Ferries ran late.",
        "Six weeks.",
        "The the of.",
    ]:
        expected = {o for o, sentences in by_outlet.items() if reports(shown, sentences)}
        assert coverage.reporting(shown) == expected, shown
    assert coverage.reporting("The Orlen bridge is closed for six weeks.") == {
        "North Post",
        "East Star",
    }


def test_a_parse_made_ahead_in_a_batch_is_the_parse_made_alone() -> None:
    texts = ["The council closed the Orlen bridge for six weeks.", "Ferries ran late again."]

    def reading(doc: object) -> list[tuple[str, str, str, int, str]]:
        return [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_) for t in doc]  # type: ignore[attr-defined]

    alone = [reading(parse([t])[0]) for t in texts]
    with parsed_ahead(texts):
        assert [reading(doc_of(t)) for t in texts] == alone
    assert [reading(doc_of(t)) for t in texts] == alone
