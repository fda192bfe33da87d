"""Claims cut out of a sentence keep its meaning (analysis/clauses.py); inputs are invented."""

from newsprism.analysis.clauses import claims, main_verb, reads_as_sentence


def test_counted_complement_and_circumstance_go_with_what_the_other_lacks() -> None:
    text = "Jones was convicted in March on four counts of fraud, bribery and perjury."
    assert "Jones was convicted on four counts." in claims(text, "Jones faces four counts.")


def test_a_list_never_loses_its_head() -> None:
    text = "Jones was convicted in March on four counts of fraud, bribery and perjury."
    for claim in claims(text, "Jones was convicted of fraud."):
        assert "counts, bribery" not in claim
        assert "counts of fraud." not in claim  # the list cut down to its first item is false


def test_non_restrictive_relative_clause_is_a_claim_about_its_name() -> None:
    text = "The board thanked Maria Lopez, who was elected mayor in 2019."
    found = claims(text, "Maria Lopez was elected mayor last spring.")
    assert "Maria Lopez was elected mayor." in found


def test_negated_sentence_is_not_thinned() -> None:
    text = "The mayor did not attend the budget meeting in March."
    assert claims(text, "The mayor attended the budget meeting.") == []


def test_modal_sentence_is_not_thinned() -> None:
    text = "The company could close three factories in the north next year."
    assert all("next year" in c for c in claims(text, "The company will close three factories."))


def test_main_verb_looks_through_reporting() -> None:
    assert main_verb("Police said the suspect fled the scene on foot.") == "flee"
    assert main_verb("The suspect is a former teacher from the town.") is None


def test_attribution_is_never_cut() -> None:
    text = "According to the report, the driver had twice the legal limit in his blood."
    for claim in claims(text, "The driver had twice the legal limit."):
        assert "According to the report" in claim


def test_a_clause_without_its_subject_is_no_claim() -> None:
    # spaCy reads the name as an apposition of 'the step': the verb is left with no subject
    text = "With the step, Norland, the first state to close its ports, is again first across a new line."
    assert all(not c.startswith("Is ") for c in claims(text, "Norland is across a new line."))


def test_relative_clause_goes_with_its_commas() -> None:
    text = "Lopez, who would have turned 40 this month, died at a hospital."
    assert "Lopez died at a hospital." in claims(text, "Lopez died at a hospital in the city.")


def test_a_cut_claim_must_read_as_a_sentence() -> None:
    assert reads_as_sentence("The council approved the budget on Tuesday.")
    assert not reads_as_sentence("The mayor was shown in this.")
    assert not reads_as_sentence("Lopez was convicted of two counts and, will pay a fine.")
    assert not reads_as_sentence("Approved the budget on Tuesday.")


def test_what_follows_be_is_the_claim() -> None:
    text = "The jurors were there for an unrelated theft case."
    assert all("for an unrelated" in c for c in claims(text, "The jurors were there."))


def test_an_uncounted_noun_keeps_its_complement() -> None:
    text = "Lopez was arrested last week on suspicion of arson."
    assert all(
        "suspicion of arson" in c or "suspicion" not in c
        for c in claims(text, "Lopez was arrested on suspicion.")
    )


def test_a_bare_active_verb_keeps_its_prepositions() -> None:
    text = "In a short opinion on Monday, the court ruled in favor of the tenants."
    assert all("in favor of the tenants" in c for c in claims(text, "The court ruled on Monday."))


def test_a_subordinate_clause_is_no_claim() -> None:
    assert not reads_as_sentence("Since the mayor would testify in the capital.")


def test_a_circumstance_goes_when_the_next_one_starts_with_a_modifier() -> None:
    # 'about' hangs on '11', not on the verb: the block before it is still one circumstance
    text = (
        "Ivo Brandt was shot in front of his mother in the 300 block of Harbour Road "
        "about 11 a.m. Monday, police said."
    )
    other = "As Brandt stood in front of his mother, he was shot, police said."
    assert "Ivo Brandt was shot in front of his mother, police said." in claims(text, other)
