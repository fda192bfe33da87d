"""Who said it: one quotation that outlets attribute to different named people.

A quotation merged across outlets (the `quotes` stage) keeps each outlet's variant and speaker. When
independent outlets name different people for the same words, that is a discrepancy a reader must
see. Only explicit attributions count: each speaker is a capitalised name that appears in the
sentences the variant cites, so a speaker carried over from an earlier quotation or guessed from a
pronoun never makes a conflict.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsprism.analysis.attribution import REPORTING, is_pronoun, speaker_key
from newsprism.analysis.sources import Sources
from newsprism.model import Brief, Discrepancy, DiscrepancyValue, Quote, QuoteVariant

_TITLES = {"mr", "mrs", "ms", "dr", "sgt", "lt", "rep", "sen", "gov", "gen", "col", "capt", "det",
           "insp", "cpl", "prof", "st", "sr", "jr", "officer", "chief", "police"}  # fmt: skip
# Quotation marks of every convention: what is inside is the speaker's, outside the outlet's.
QUOTED_SPANS = re.compile(r"[\"“][^\"“”]*[\"”]|``.*?''|«[^»]*»|‘[^’]*’")
CONFIDENCE = 0.5  # attribution is read from patterns: surer than a parse, less than a figure
SHOWN_WORDS = 10


def _named(variant: QuoteVariant, text_of: dict[str, str]) -> str | None:
    """The variant's speaker key when it is a full name (two words or more, no abbreviation) that
    its own cited sentences write outside quotation marks, next to a reporting verb."""
    speaker = variant.speaker
    if not speaker or is_pronoun(speaker):
        return None
    words = speaker.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words) or words[-1].endswith("."):
        return None  # 'Paula', 'the Department', 'Islands Del.': not a person's full name
    if speaker_key(speaker) in _TITLES:
        return None  # 'Police Sgt': a title cut from its name
    cited = QUOTED_SPANS.sub(" ", " ".join(text_of.get(c, "") for c in variant.citations))
    near = _reported_near(words[-1]).search(cited)
    return speaker_key(speaker) if near else None


@lru_cache(maxsize=4096)
def _reported_near(name: str) -> re.Pattern[str]:
    """The name within a few words of a reporting verb (compiled once per name: the pattern is
    long, and a big story's other patterns push it out of ``re``'s own cache)."""
    return re.compile(
        rf"{re.escape(name)}\W+(?:\w+\W+){{0,3}}?(?:{REPORTING})\b"
        rf"|\b(?:{REPORTING})\W+(?:\w+\W+){{0,4}}?{re.escape(name)}\b"
    )


def speaker_conflicts(brief: Brief, quotes: list[Quote], sources: Sources) -> list[Discrepancy]:
    """Quotations whose variants name different speakers in independent outlets."""
    text_of = {s.id: s.text for a in brief.articles for s in a.sentences}
    group_of = {a.id: sources.group_of[k] for k, a in enumerate(brief.articles)}
    out = []
    for quote in quotes:
        sides: dict[str, list[QuoteVariant]] = {}
        for variant in quote.variants:
            key = _named(variant, text_of)
            if key:
                sides.setdefault(key, []).append(variant)
        groups = {k: {group_of.get(v.article_id) for v in vs} for k, vs in sides.items()}
        if len(sides) < 2 or any(
            a & b for a in groups.values() for b in groups.values() if a is not b
        ):
            continue  # one speaker, or one source naming both
        if _spelling_variants(list(sides)):
            continue
        out.append(_discrepancy(brief, quote, sides, sources))
    return out


def _spelling_variants(keys: list[str]) -> bool:
    """'Mullin' and 'Mullins': one name spelt two ways, not two people."""
    return any(_near(a, b) for i, a in enumerate(keys) for b in keys[i + 1 :])


def _near(a: str, b: str) -> bool:
    if a.startswith(b) or b.startswith(a):
        return abs(len(a) - len(b)) <= 2
    if len(a) != len(b):
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) <= 1


def _discrepancy(
    brief: Brief, quote: Quote, sides: dict[str, list[QuoteVariant]], sources: Sources
) -> Discrepancy:
    values = []
    for variants in sorted(sides.values(), key=len, reverse=True):
        citations = list(dict.fromkeys(c for v in variants for c in v.citations))
        speaker = max((v.speaker or "" for v in variants), key=len)
        values.append(
            DiscrepancyValue(
                value=speaker, citations=citations, outlets=brief.outlets_of(citations)
            )
        )
    words = quote.text.split()
    shown = " ".join(words[:SHOWN_WORDS]) + (" …" if len(words) > SHOWN_WORDS else "")
    n = len({v.article_id for vs in sides.values() for v in vs})
    return Discrepancy(
        what=f"who said “{shown}”",
        kind="claim",
        values=values,
        confidence=CONFIDENCE,
        importance=round(min(1.0, n / max(1, sources.count)), 3),
        basis="the same quotation, attributed by name in each outlet's own sentence to a "
        "different person",
    )
