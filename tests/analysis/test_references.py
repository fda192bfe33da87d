"""Summary sentences must be readable where they stand; people are named in full once."""

from __future__ import annotations

from newsprism.analysis.references import dangling, resolve_lead, resolve_speaker, with_full_name


def test_pronoun_needs_its_person_in_the_previous_summary_sentence() -> None:
    before = "Mayor Ida Korr announced the closure on Monday."
    assert dangling("She said repairs would take weeks.", before, "", "", False)
    previous = "Mayor Ida Korr closed the bridge."
    assert not dangling("She said repairs would take weeks.", before, previous, previous, False)
    assert not dangling("She said repairs would take weeks.", before, "", "", True)


def test_definite_noun_from_the_article_needs_the_summary_to_have_it() -> None:
    before = "The council made a decision to close the bridge."
    assert dangling("The decision angered drivers.", before, "", "", False)
    earlier = "The council's decision closed the bridge."
    assert not dangling("The decision angered drivers.", before, earlier, earlier, False)


def test_commands_cannot_stand_in_a_summary() -> None:
    assert dangling("Check the website for updates.", "", "", "", False)


def test_full_name_at_first_mention_only() -> None:
    names = {"Korr": ("Ida Korr", "Mayor Ida Korr spoke to reporters on Monday.")}
    first, mentioned = with_full_name("Korr closed the bridge.", names, set())
    assert first == "Ida Korr closed the bridge."
    second, _ = with_full_name("Korr said it would reopen.", names, mentioned)
    assert second == "Korr said it would reopen."


def test_demonstrative_later_in_the_sentence_needs_its_thing_in_the_summary() -> None:
    before = "Ada Velt cleared five metres at the county games."
    assert dangling("Velt repeated that feat in Lisbon last spring.", before, "", "", False)
    earlier = "Velt's best feat was clearing five metres."
    assert not dangling("Velt repeated that feat in Lisbon.", before, earlier, earlier, False)
    # times point at the calendar, quotations keep their own words
    assert not dangling("Velt trained in Lisbon this year.", before, "", "", False)
    assert not dangling('Velt said: "I will repeat that feat."', before, "", "", False)


def test_demonstrative_needs_the_same_word_not_another_sense() -> None:
    before = "The board's cuts closed two schools."
    earlier = "Parents asked the board to take action."
    assert dangling("Those actions hurt every family.", before, earlier, earlier, False)
    assert not dangling("Those cuts hurt every family.", before, "The cuts", "The cuts", False)


def test_opening_pronoun_named_from_the_subject_of_the_previous_sentence() -> None:
    previous = "Coached by her uncle, Mira Tosk won the regional title in 2019."
    assert resolve_lead("She repeated the win a year later.", previous) == (
        "Mira Tosk repeated the win a year later."
    )
    assert (
        resolve_lead("Her coach called it luck.", previous) == "Mira Tosk’s coach called it luck."
    )
    quoted = '"Every citizen counts," the charter reads.'
    assert resolve_lead('It continues, "No vote is wasted."', quoted) == (
        'The charter continues, "No vote is wasted."'
    )


def test_opening_pronoun_left_alone_when_the_antecedent_is_not_plain() -> None:
    two_people = "Mira Tosk beat Lena Orr in the final."
    assert resolve_lead("She said the wind helped.", two_people) is None
    thing = "The regional title was decided on Sunday."
    assert resolve_lead("She said the wind helped.", thing) is None  # 'she' is no thing
    person = "Mira Tosk won the regional title."
    assert resolve_lead("It was decided on Sunday.", person) is None
    assert resolve_lead("The wind helped.", person) is None


def test_opening_pronoun_needs_gender_evidence_and_no_contraction_or_named_thing() -> None:
    no_gender = "Mira Tosk was charged with fraud on Monday."
    assert resolve_lead("He was 14 years old at the time.", no_gender) is None
    other = "Mira Tosk told his lawyer she would appeal."
    assert resolve_lead("She said the wind helped.", other) is None  # both genders there
    assert resolve_lead("It's not clear whether the title counts.", "The title was new.") is None
    company = "Kellan's sold a new sandwich in March."
    assert resolve_lead("It looks like a pork roll.", company) is None


def test_a_pronoun_speaker_needs_a_person_the_summary_named() -> None:
    before = "Mayor Ana Colt visited the harbour on Monday. The pier was shut after a storm."
    quote = '"We will reopen the pier by spring," she said.'
    assert dangling(quote, before, "The pier was shut.", "The pier was shut.", False)
    earlier = "Mayor Ana Colt visited the harbour on Monday."
    assert not dangling(quote, before, earlier, earlier, False)
    named = '"We will reopen the pier by spring," Colt said, and she smiled.'
    assert not dangling(named, before, "The pier was shut.", "The pier was shut.", False)
    assert not dangling(quote, before, "", "", True)  # follows its own article's sentence


def test_a_pronoun_speaker_is_named_when_its_article_names_one_person_just_before() -> None:
    before = "The pier was shut after a storm. Mayor Ana Colt visited the harbour on Monday."
    quote = '"We will reopen the pier by spring," she said.'
    assert resolve_speaker(quote, before) == '"We will reopen the pier by spring," Ana Colt said.'
    two = "Ana Colt met Ivo Brand at the harbour on Monday."
    assert resolve_speaker(quote, two) is None  # two people: not plain
    other = "Ana Colt visited the harbour with her deputy; he spoke first."
    assert resolve_speaker(quote, other) is None  # a pronoun of the other gender points elsewhere
    assert resolve_speaker('"We will reopen it," they said.', before) is None
