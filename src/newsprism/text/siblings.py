"""Punctuated sibling articles as evidence for repairing a degraded one.

Outlets covering one event share much wording (wire copy, quotes, press releases). We reduce each
sibling to the word stream a degraded text has (lowercase letters and digits, punctuation gone),
remember what each word looked like and what punctuation followed it, and align runs of the
degraded text to those streams by shared n-grams. Inside a run, the sibling shows the casing,
the commas and apostrophes, and where sentences end.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from newsprism.text.split import split_text
from newsprism.text.tokens import word_pattern

WORD = word_pattern()
_SPACE = re.compile(r"\s+")

MIN_RUN = 4  # shorter runs are too common ("of the department") to copy punctuation from
SEED = MIN_RUN  # n-gram length that starts a match


@dataclass(frozen=True)
class RefToken:
    """One word of a punctuated text and the punctuation around it."""

    low: str
    surface: str
    sentence_start: bool
    lead: str  # text before the word inside its sentence, for a sentence's first word ('"')
    after: str  # text up to the next word of the sentence, or the sentence's trailing '."'


@dataclass(frozen=True)
class Anchor:
    """Degraded word i is word ``pos`` of reference ``ref`` inside a shared run of ``length``."""

    ref: int
    pos: int
    length: int


def words_of(text: str) -> list[str]:
    """The word stream a degraded text is made of: lowercase letter/digit runs."""
    return [m.group().lower() for m in WORD.finditer(text)]


def strip_text(text: str) -> str:
    """What degradation does to text: lowercase, every punctuation mark gone."""
    return " ".join(words_of(text))


def reference_tokens(text: str) -> list[RefToken]:
    """Words of a punctuated text with their casing, punctuation and sentence starts."""
    tokens: list[RefToken] = []
    for _, sentence in split_text(text):
        matches = list(WORD.finditer(sentence))
        for k, m in enumerate(matches):
            end = matches[k + 1].start() if k + 1 < len(matches) else len(sentence)
            tokens.append(
                RefToken(
                    low=m.group().lower(),
                    surface=m.group(),
                    sentence_start=k == 0,
                    lead=_SPACE.sub(" ", sentence[: m.start()]).strip() if k == 0 else "",
                    after=_SPACE.sub(" ", sentence[m.end() : end]),
                )
            )
    return tokens


def _seed_index(
    words: list[str], refs: list[list[RefToken]]
) -> dict[tuple[str, ...], list[tuple[int, int]]]:
    """Where each n-gram of the degraded text occurs in the references."""
    wanted = {tuple(words[i : i + SEED]) for i in range(len(words) - SEED + 1)}
    firsts = {gram[0] for gram in wanted}
    index: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for r, tokens in enumerate(refs):
        lows = [t.low for t in tokens]
        for j in range(len(lows) - SEED + 1):
            if lows[j] in firsts:
                gram = tuple(lows[j : j + SEED])
                if gram in wanted:
                    index[gram].append((r, j))
    return index


def _longest_from(
    words: list[str], i: int, refs: list[list[RefToken]], starts: list[tuple[int, int]]
) -> tuple[int, int, int]:
    best = (0, -1, -1)
    for r, j in starts:
        ref = refs[r]
        n = SEED
        while i + n < len(words) and j + n < len(ref) and ref[j + n].low == words[i + n]:
            n += 1
        if n > best[0]:
            best = (n, r, j)
    return best


def align(words: list[str], refs: list[list[RefToken]]) -> list[Anchor | None]:
    """Map degraded words to reference words through the longest shared runs, longest first."""
    index = _seed_index(words, refs)
    runs = []
    covered_to = 0  # a run found at i covers i+1.. too; searching again there finds its tail
    for i in range(len(words) - SEED + 1):
        starts = index.get(tuple(words[i : i + SEED])) if i + SEED > covered_to else None
        if starts:
            n, r, j = _longest_from(words, i, refs, starts)
            if n >= MIN_RUN:
                runs.append((n, i, r, j))
                covered_to = i + n
    anchors: list[Anchor | None] = [None] * len(words)
    for n, i, r, j in sorted(runs, key=lambda run: (-run[0], run[1])):
        free = [k for k in range(n) if anchors[i + k] is None]
        # A run nested inside a longer one adds nothing; a partly covered one fills the rest.
        for k in free:
            anchors[i + k] = Anchor(ref=r, pos=j + k, length=len(free))
    return anchors


def bridge(
    i: int, words: list[str], anchors: list[Anchor | None], refs: list[list[RefToken]]
) -> tuple[int, int] | None:
    """(reference, position) of a reference word where words i and i+1 stand side by side.

    Inside one run that is the run's own reference; where two runs meet, either side's
    reference may still continue with the same word, and its punctuation applies there.
    """
    left, right = anchors[i], anchors[i + 1]
    if left is not None:
        tokens = refs[left.ref]
        if left.pos + 1 < len(tokens) and tokens[left.pos + 1].low == words[i + 1]:
            return left.ref, left.pos
    if right is not None and right.pos > 0 and refs[right.ref][right.pos - 1].low == words[i]:
        return right.ref, right.pos - 1
    return None
