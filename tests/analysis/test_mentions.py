"""Name mentions: cleaning and splitting spaCy's spans before they are merged."""

from __future__ import annotations

from newsprism.analysis.mentions import clean_mention, dateline_names, mentions_of, tag_sentences
from newsprism.model import Article, Sentence


def _article(*texts: str) -> Article:
    sentences = [Sentence(id=f"a.{i}", index=i, text=t) for i, t in enumerate(texts)]
    return Article(id="a", text=" ".join(texts), outlet="A", sentences=sentences)


def test_a_leading_the_a_possessive_and_a_bracketed_acronym_are_cleaned() -> None:
    assert clean_mention("the Federal Aviation Bureau (FAB", 10) == (
        "Federal Aviation Bureau",
        14,
        "FAB",
    )
    assert clean_mention("Olsen's", 0) == ("Olsen", 0, None)
    assert clean_mention("the", 0) is None


def test_photo_credits_owners_and_party_places_are_split() -> None:
    article = _article(
        "(Jane Roberts/Getty Images)",
        "Rep. Tom Hale, R-Ohio, spoke.",
        "It was first reported by Harbor Weekly's Paul Lindqvist on Monday.",
    )
    found = {(m.label, m.text) for m in mentions_of([article], tag_sentences([article]))}
    texts = {text for _, text in found}
    assert {"Jane Roberts", "Getty Images", "Paul Lindqvist", "Harbor Weekly"} <= texts
    assert ("GPE", "Ohio") in found


def test_a_name_cut_after_a_linking_word_runs_on() -> None:
    article = _article("The complaint went to the Ohio Commission on Judicial Conduct last year.")
    texts = {m.text for m in mentions_of([article], tag_sentences([article]))}
    assert "Ohio Commission on Judicial Conduct" in texts


def test_the_run_on_stops_at_the_first_lowercase_word() -> None:
    from newsprism.analysis.mentions import _completed

    text = "the Commission on Judicial Conduct met"
    assert _completed(text, len("the Commission on"), "ORG") == len(
        "the Commission on Judicial Conduct"
    )
    assert _completed(text, len("the Commission"), "ORG") == len("the Commission")


def test_neighbouring_spans_that_are_one_name_are_joined() -> None:
    from newsprism.analysis.mentions import _joined

    text = "Nur Aina Binti Rahman and CASA of Ohio and Petty Officer Dana Kell spoke."
    found = [
        ("PERSON", 0, 8),  # Nur Aina
        ("PERSON", 9, 21),  # Binti Rahman
        ("ORG", 26, 30),  # CASA
        ("GPE", 34, 38),  # Ohio
        ("PERSON", 43, 56),  # Petty Officer
        ("PERSON", 57, 66),  # Dana Kell
    ]
    assert [text[s:e] for _, s, e in _joined(text, found)] == [
        "Nur Aina Binti Rahman",
        "CASA of Ohio",
        "Petty Officer",
        "Dana Kell",
    ]


def test_a_credit_label_is_not_part_of_a_name() -> None:
    assert clean_mention("Credit Dana Kell", 0) == ("Dana Kell", 7, None)


def test_a_wire_dateline_gives_its_place_and_credited_outlet() -> None:
    assert dateline_names("PORT ARVENNA (Meridian Wire) — Ferries stopped on Monday.") == [
        ("GPE", "Port Arvenna"),
        ("ORG", "Meridian Wire"),
    ]
    assert dateline_names("NORTH-VALE, Ky., March 5 — Ferries stopped.") == [("GPE", "North-Vale")]
    assert dateline_names("Talks on the US - China deal resumed.") == []
    assert dateline_names("Ferries stopped on Monday in Port Arvenna.") == []
