"""Quote wording: one utterance that independent outlets quote in materially different words.

The `quotes` stage merges near-identical quotations and keeps only each outlet's distinct pieces, so
a line two outlets give in different words is lost inside a merged quote or left as a separate one,
and nothing says the versions differ. Here every quotation in quote marks is read again, sentence
by sentence, with the speaker the quotes stage resolved for it. One speaker says many things and
outlets often quote different parts of one statement, so a pair is reported only when:

* the versions come from different independent sources and name the same speaker;
* a sentence of each shares words with the other's but neither is a fragment of the other (a
  partial quote is not a conflict), and each has a content word the other lacks (a changed pronoun
  or hedge is not a material change);
* they fill the same slot of one utterance: both follow (or precede) one shared quoted sentence;
  or, for two one-sentence quotations, the sentences citing them are aligned to each other or share
  distinctive words outside the quotation marks.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from newsprism.align import Alignment
from newsprism.analysis.attribution import REPORTING, is_pronoun, speaker_key
from newsprism.analysis.quote_text import STRIP, marked_quotes
from newsprism.analysis.sources import Sources
from newsprism.analysis.speakers import QUOTED_SPANS
from newsprism.model import Brief, Discrepancy, DiscrepancyValue, Quote
from newsprism.text.sparse import csr_rows, shared_pairs
from newsprism.text.terms import content_stems, related

CONFIDENCE = 0.5  # wording is compared by words, not meaning: as sure as an attribution conflict
MIN_OVERLAP = 0.4  # share of the shorter piece's words the other piece also uses
SAME_PIECE = 0.9  # share of the shorter piece's words in order inside the longer: one piece
MAX_CHANGED = 0.3  # share of a piece's words the other lacks: more is a different sentence
MIN_PIECE = 5  # words in each compared piece
MIN_ANCHOR = 2  # distinctive words shared outside the quotation marks
_REPORTING = re.compile(rf"^(?:{REPORTING})$")


@dataclass
class Version:
    """One quotation in one article: its sentences (or clauses) in printed order."""

    article: int
    group: int
    speaker: str
    text: str
    citations: list[str]
    pieces: list[list[str]]  # comparison tokens of each segment


def in_order(short: list[str], long: list[str]) -> int:
    """How many of ``short``'s words appear in order inside ``long`` (a greedy subsequence)."""
    it = iter(long)
    return sum(1 for w in short if any(w == x for x in it))


def same_piece(a: list[str], b: list[str]) -> bool:
    """One sentence, or a fragment of the other: most of the shorter lies in order in the longer."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return bool(short) and in_order(short, long) >= SAME_PIECE * len(short)


def reworded(a: list[str], b: list[str]) -> bool:
    """Two renderings of one sentence in different words: shared words, at least one of them
    content, but neither the other's fragment."""
    if min(len(a), len(b)) < MIN_PIECE or same_piece(a, b):
        return False
    shared = set(a) & set(b)
    if len(shared) < MIN_OVERLAP * min(len(set(a)), len(set(b))):
        return False
    for piece in (a, b):
        changed = sum(1 for w in piece if w not in shared)
        if changed > max(3, MAX_CHANGED * len(piece)):
            return False  # a different sentence that shares a phrase, not a rewording
    if not set(content_stems(" ".join(shared))):
        return False
    return bool(_own_stems(a, b)) and bool(_own_stems(b, a))


def _own_stems(mine: list[str], other: list[str]) -> set[str]:
    """Content stems one piece has and the other lacks: a material change of wording, where a
    changed pronoun or hedge ('they are' / 'we have', 'quite' / 'very') is not."""
    theirs = content_stems(" ".join(other))
    return {s for s in content_stems(" ".join(mine)) if not any(related(s, t) for t in theirs)}


def _unmatched(mine: Version, other: Version) -> list[int]:
    """Positions of ``mine``'s pieces that ``other`` never prints."""
    return [
        i
        for i, piece in enumerate(mine.pieces)
        if not any(same_piece(piece, theirs) for theirs in other.pieces)
    ]


def slot_rewording(a: Version, b: Version) -> bool:
    """A differing piece of each that follows, or precedes, one shared piece in both."""
    for ia, ib in itertools.product(_unmatched(a, b), _unmatched(b, a)):
        if not reworded(a.pieces[ia], b.pieces[ib]):
            continue
        for step in (-1, 1):
            na, nb = ia + step, ib + step
            inside = 0 <= na < len(a.pieces) and 0 <= nb < len(b.pieces)
            if inside and same_piece(a.pieces[na], b.pieces[nb]):
                return True
    return False


def whole_rewording(a: Version, b: Version) -> bool:
    """Two one-sentence quotations, one reworded from the other."""
    return len(a.pieces) == 1 and len(b.pieces) == 1 and reworded(a.pieces[0], b.pieces[0])


def _outside_quotes(version: Version, text_of: dict[str, str]) -> set[str]:
    """Content stems its cited sentences use outside quotation marks, less the speaker's name and
    reporting verbs: the event words that tie two quotations to one moment."""
    cited = " ".join(text_of.get(c, "") for c in version.citations)
    bare = QUOTED_SPANS.sub(" ", cited)
    name = set(content_stems(version.speaker))
    return {s for s in content_stems(bare) if s not in name and not _REPORTING.match(s)}


def anchored(
    a: Version,
    b: Version,
    text_of: dict[str, str],
    rare: set[str],
    alignment: Alignment | None,
    position: dict[str, int] | None = None,
) -> bool:
    """The sentences citing the two quotations are aligned, or share distinctive event words.
    ``position``: the alignment's sentence positions, when the caller built them once."""
    if alignment is not None:
        position = alignment.position() if position is None else position
        mine = {position[c] for c in a.citations if c in position}
        for c in b.citations:
            j = position.get(c)
            if j is not None and any(i in mine for i, _ in alignment.matches[j]):
                return True
    shared = _outside_quotes(a, text_of) & _outside_quotes(b, text_of) & rare
    return len(shared) >= MIN_ANCHOR


def _rare_stems(brief: Brief, share: float = 0.1) -> set[str]:
    """Stems in at most ``share`` of the story's sentences (and never in only one)."""
    counts: dict[str, int] = {}
    total = 0
    for article in brief.articles:
        for sentence in article.sentences:
            total += 1
            for s in set(content_stems(sentence.text)):
                counts[s] = counts.get(s, 0) + 1
    cap = max(2, share * total)
    return {s for s, n in counts.items() if n <= cap}


def _speakers(brief: Brief, quotes: list[Quote]) -> dict[str, str]:
    """Sentence id -> the canonical speaker the `quotes` stage gave the quotation citing it."""
    out: dict[str, str] = {}
    for quote in quotes:
        for variant in quote.variants:
            speaker = quote.speaker or variant.speaker  # the outlets' vote first
            if speaker and not is_pronoun(speaker):
                for c in variant.citations:
                    out.setdefault(c, speaker)
    return out


def versions(brief: Brief, quotes: list[Quote], sources: Sources) -> list[Version]:
    """Every quotation in quote marks, with its source group and the speaker the quotes stage
    resolved for it (its variants keep only distinct pieces, so the full text is read again)."""
    speaker_of = _speakers(brief, quotes)
    out = []
    for k, article in enumerate(brief.articles):
        if article.degraded:
            continue
        for span in marked_quotes(k, article):
            named = Counter(speaker_of[c] for c in span.citations if c in speaker_of)
            pieces = [seg.tokens for seg in span.segments if seg.tokens]
            if named and pieces:
                speaker = named.most_common(1)[0][0]
                out.append(Version(k, sources.group_of[k], speaker, span.text.strip(STRIP),
                                   list(span.citations), pieces))  # fmt: skip
    return out


def quote_wording_conflicts(
    brief: Brief, quotes: list[Quote], sources: Sources, alignment: Alignment | None = None
) -> list[Discrepancy]:
    """One utterance quoted in different words by independent outlets, each version verbatim."""
    text_of = {s.id: s.text for a in brief.articles for s in a.sentences}
    rare = _rare_stems(brief)
    found: dict[frozenset[str], Discrepancy] = {}
    position = alignment.position() if alignment is not None else None
    for a, b in _candidate_pairs(versions(brief, quotes, sources)):
        key = frozenset(a.citations + b.citations)
        if key in found:
            continue
        if slot_rewording(a, b) or (
            whole_rewording(a, b) and anchored(a, b, text_of, rare, alignment, position)
        ):
            found[key] = _discrepancy(brief, [a, b], sources)
    return list(found.values())


def _candidate_pairs(found: list[Version]) -> list[tuple[Version, Version]]:
    """Pairs of versions from different sources naming one speaker that share a content word, in
    the order of all pairs: a rewording needs such a word in two of their pieces (``reworded``),
    so no other pair can conflict. A sparse product over (speaker, word) columns finds them."""
    columns = (
        {(speaker_key(v.speaker), w) for piece in v.pieces for w in piece if content_stems(w)}
        for v in found
    )
    incidence, _ = csr_rows(columns, binary=True)
    rows, cols, _ = shared_pairs(incidence)
    pairs = sorted(zip(rows.tolist(), cols.tolist(), strict=True))
    return [(found[i], found[j]) for i, j in pairs if found[i].group != found[j].group]


def _discrepancy(brief: Brief, sides: list[Version], sources: Sources) -> Discrepancy:
    values = [
        DiscrepancyValue(
            value=f"“{v.text}”", citations=list(v.citations), outlets=brief.outlets_of(v.citations)
        )
        for v in sides
    ]
    speaker = max((v.speaker for v in sides), key=len)
    return Discrepancy(
        what=f"quote wording: what {speaker} said",
        kind="quote",
        values=values,
        confidence=CONFIDENCE,
        importance=round(min(1.0, len(sides) / max(1, sources.count)), 3),
        note=f"the outlets quote {speaker} differently for what reads as one utterance",
        basis="the same speaker quoted by independent outlets in the same place of one statement "
        "(after or before a shared quoted sentence, or in aligned sentences with shared event "
        "words); the versions share words but neither is a fragment of the other",
    )
