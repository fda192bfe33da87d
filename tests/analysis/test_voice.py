"""Whose voice a sentence is in: reporting, or quoted / reprinted / advocacy words."""

from __future__ import annotations

from newsprism.analysis.voice import (
    as_quotation,
    attributed,
    outside_quotes,
    own_voice,
    printed_as_quotation,
    speaks_as_someone,
    statement_sentences,
)
from newsprism.model import Article, Sentence


def _article(paragraphs: list[list[str]], outlet: str = "Wire") -> Article:
    text = "\n\n".join(" ".join(p) for p in paragraphs)
    article = Article.create(text, outlet=outlet)
    k = 0
    for number, paragraph in enumerate(paragraphs):
        for sentence in paragraph:
            article.sentences.append(
                Sentence(id=f"{article.id}.{k}", index=k, text=sentence, paragraph=number)
            )
            k += 1
    return article


def test_quotes_are_masked_and_attribution_found() -> None:
    text = '"We will rebuild," the mayor said.'
    assert "We" not in outside_quotes(text)
    assert attributed(text)
    assert not attributed('"We will rebuild."')


def test_first_person_and_obligations_speak_as_someone() -> None:
    assert speaks_as_someone("We call on the board to resign.")
    assert speaks_as_someone("The minister must resign at once.")
    assert not speaks_as_someone("The minister resigned on Friday.")


def test_reprinted_letter_after_a_colon_is_a_statement() -> None:
    article = _article(
        [
            ["The group published its letter on Sunday:"],
            ["The director's conduct is a disgrace to the office.", "He has to go."],
            ["The director did not respond to requests for comment."],
        ]
    )
    statements = statement_sentences(article)
    ids = [s.id for s in article.sentences]
    assert ids[1] in statements and ids[2] in statements
    assert ids[3] not in statements


def test_sentence_inside_an_open_quotation_is_not_own_voice() -> None:
    article = _article([['"The river rose fast.', 'Nobody expected it," the warden said.']])
    first, second = article.sentences
    statements = statement_sentences(article)
    assert not own_voice(first, statements, set())  # unbalanced, part of a quotation
    assert second.id in statements


def test_words_another_outlet_prints_as_a_quotation_are_not_own_voice() -> None:
    quoting = _article([['The letter said: "The director has betrayed the trust of the staff."']])
    reprint = _article([["The director has betrayed the trust of the staff."]], outlet="Post")
    quoted = printed_as_quotation([quoting, reprint])
    assert not own_voice(reprint.sentences[0], set(), quoted)


def test_as_quotation_names_the_speaker() -> None:
    assert as_quotation("The director has to go.", "the letter") == (
        "A letter said: “The director has to go.”"
    )
    assert as_quotation("We stand firm.", "Ada Brook") == "Ada Brook said: “We stand firm.”"
    assert as_quotation("We stand firm.", "the officials") == "Officials said: “We stand firm.”"


def test_a_stray_mark_in_a_long_paragraph_does_not_open_a_quotation() -> None:
    facts = [f"The council met {day} and approved the budget." for day in ("Monday", "Friday")]
    article = _article(
        [['The report called the plan a "bold step.', *facts, *facts, "The vote was close."]]
    )
    assert not statement_sentences(article) & {s.id for s in article.sentences[1:]}


def test_a_quotation_spanning_sentences_in_a_long_paragraph_stays_open() -> None:
    article = _article(
        [
            [
                '"The river rose fast.',
                "Nobody expected it.",
                'We ran," the warden said.',
                "The council met on Monday.",
                "The council met on Friday.",
                "The vote was close.",
            ]
        ]
    )
    ids = [s.id for s in article.sentences]
    statements = statement_sentences(article)
    assert ids[1] in statements and ids[2] in statements
    assert not statements & set(ids[3:])
