"""Speakers: a name or noun phrase, never a cut phrase or a bare pronoun in the summary's voice."""

from __future__ import annotations

from newsprism.analysis.attribution import clean_speaker
from newsprism.analysis.summary_voice import quote_speakers
from newsprism.model import Quote, QuoteVariant


def test_a_phrase_cut_after_a_function_word_is_not_a_speaker() -> None:
    assert clean_speaker("the loudspeaker at") is None
    assert clean_speaker("a spokesman for") is None


def test_names_and_noun_phrases_stay_speakers() -> None:
    assert clean_speaker("Mayor Ann Lee") == "Mayor Ann Lee"
    assert clean_speaker("the harbour board") == "the harbour board"
    assert clean_speaker("He") == "He"  # kept for the quotes stage to resolve


def test_summary_never_attributes_a_quotation_to_a_bare_pronoun() -> None:
    quotes = [
        Quote(
            text="We will rebuild",
            speaker="It",
            citations=["a:1"],
            variants=[QuoteVariant(article_id="a", text="We will rebuild", citations=["a:1"])],
        ),
        Quote(
            text="The pier opens in May",
            speaker="Ann Lee",
            citations=["b:2"],
            variants=[
                QuoteVariant(article_id="b", text="The pier opens in May", citations=["b:2"])
            ],
        ),
    ]
    assert quote_speakers(quotes) == {"b:2": "Ann Lee"}
