"""What the summary may show and how: each candidate's voice, and notes on disputed values.

See analysis/voice.py for the signals. Here they are applied to a story's alignment rows: rows in an
outlet's own voice are shown as they are; rows that are wholly someone's words are shown with their
speaker (from the quotes stage) or, for a writer's first person, as the outlet's words.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprism.align import Alignment
from newsprism.analysis.attribution import is_pronoun
from newsprism.analysis.voice import (
    closed,
    own_voice,
    printed_as_quotation,
    reopened,
    statement_sentences,
    whole_quotation,
    writers_voice,
)
from newsprism.model import Article, Discrepancy, Quote


@dataclass
class Voices:
    """Which candidates may be shown, and how: rows in an outlet's own voice (some with a
    quotation's opening mark restored), and rows that are someone's quoted words, by speaker."""

    own: set[int]
    speaker: dict[int, str]
    reopened: dict[int, str]


def voices(al: Alignment, articles: list[Article], speakers: dict[str, str]) -> Voices:
    """Sort the alignment's rows by voice (analysis/voice.py); speakers come from the quotes."""
    statements: set[str] = set()
    for article in articles:
        statements |= statement_sentences(article)
    quoted = printed_as_quotation(articles)
    out = Voices(set(), {}, {})
    outlet = {s.id: a.outlet for a in articles for s in a.sentences}
    for i, s in enumerate(al.sentences):
        fixed = reopened(s, statements) or closed(s.text)
        if s.repaired and all(al.sentences[j].repaired for j in al.supporters(i)):
            continue  # restored boundaries can cut mid-clause: shown only in an outlet's own
        if own_voice(s, statements, quoted):
            out.own.add(i)
        elif fixed is not None and own_voice(s.model_copy(update={"text": fixed}), set(), quoted):
            out.own.add(i)
            out.reopened[i] = fixed
        elif s.id in speakers and whole_quotation(s, statements, quoted):
            out.speaker[i] = speakers[s.id]
        elif writers_voice(s, statements, quoted):
            out.speaker[i] = f"{outlet.get(s.id) or 'One report'} writes"
    return out


def self_attributed(al: Alignment, voice: Voices, row: int) -> int | None:
    """For a row shown only with its speaker prefixed: an aligned sentence in which an outlet
    quotes the same words and says itself who spoke ('"...," the mayor said.'), if any. Showing
    that one attributes the words in the outlet's own, shorter way."""
    if row not in voice.speaker or row in voice.own:
        return None
    for j in al.supporters(row)[1:]:
        sentence = al.sentences[j]
        clean = j in voice.own and j not in voice.reopened and not sentence.repaired
        if clean and any(mark in sentence.text for mark in '"“”'):
            return j
    return None


def quote_speakers(quotes: list[Quote]) -> dict[str, str]:
    """Sentence id -> who is quoted in it, per article variant where the quotes stage says."""
    out: dict[str, str] = {}
    for quote in quotes:
        for variant in quote.variants:
            speaker = variant.speaker or quote.speaker
            if speaker and not is_pronoun(speaker):  # 'It said:' names nobody
                for cid in variant.citations:
                    out.setdefault(cid, speaker)
    return out


def dispute_notes(discrepancies: list[Discrepancy]) -> dict[str, str]:
    """Sentence id -> 'Outlets differ on <what>: <value> (outlets); ...' for every sentence that
    states one side of a discrepancy, so the summary never states a disputed value flatly."""
    notes: dict[str, str] = {}
    for d in discrepancies:
        sides = "; ".join(f"{v.value} ({', '.join(v.outlets) or 'unnamed'})" for v in d.values)
        text = f"Outlets differ on {d.what}: {sides}."
        for value in d.values:
            for cid in value.citations:
                notes[cid] = f"{notes[cid]} {text}" if cid in notes else text
    return notes
