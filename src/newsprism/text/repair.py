"""Repair of degraded text: restore sentence boundaries, display case and punctuation.

Degraded text (all lowercase, punctuation stripped) is first aligned to its punctuated sibling
articles (``siblings.align``). Inside shared runs, and where runs meet or end, we copy the
sibling's casing, its commas, quotes, apostrophes and digit groups ("president s" ->
"president's", "1 100" -> "1,100") and its sentence ends. Other gaps get boundary odds from a
classifier trained on the siblings at run time (``boundaries.BoundaryModel``) plus the parse's
hand-weighted cues (``syntax``), the parse alone without siblings; ``boundaries.decode`` picks
the sentences. Case outside runs: the siblings' casing table, then spaCy's names (``truecase``).

``bench/repair_f1.py`` (120 held-out Multi-News clusters; busy 2-core machine): boundary F1 0.38
with siblings and 0.33 alone, against 0.05 for the first version (a stop every 20 words) and 0.04
for spaCy's parser; word case accuracy 0.91 / 0.89; 0.30 s per 500 words with siblings, about
2x one spaCy parse, linear in length. Leave-one-out on a cluster that shares much wording (the
DOJ letter): F1 0.55 with siblings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from newsprism.text.boundaries import BoundaryModel, decode, logit, sigmoid
from newsprism.text.siblings import (
    WORD,
    Anchor,
    RefToken,
    align,
    bridge,
    reference_tokens,
    words_of,
)
from newsprism.text.syntax import BASE, parse_words, syntax_log_odds
from newsprism.text.truecase import CaseTable, capitalise, truecase

Refs = list[list[RefToken]]
COPIED_BOUNDARY = 0.995  # a sibling with the same wording ends its sentence here
COPIED_CONTINUATION = 0.003  # ... or runs on
RUN_EDGE = 4.0  # log-odds a sibling sentence start or end at a shared run edge adds (dev set)
MAX_REFERENCES = 6
SYNTAX_WEIGHT = 1.0  # the parse's hand-weighted odds added to the sibling-trained model
_TERMINAL = re.compile(r"[.!?]")
_CONTRACTED = {
    "t": {"don", "doesn", "didn", "can", "couldn", "won", "wouldn", "shouldn", "isn", "aren"}
    | {"wasn", "weren", "hasn", "haven", "hadn", "ain", "mustn", "needn"},
    "m": {"i"},
    "re": {"you", "we", "they", "who", "what"},
    "ve": {"i", "you", "we", "they", "could", "would", "should", "might", "must", "who"},
    "ll": {"i", "you", "he", "she", "it", "we", "they", "that", "there", "who"},
    "d": {"i", "you", "he", "she", "we", "they", "who"},
}


def closest_references(
    words: Sequence[str], references: Sequence[str], limit: int = MAX_REFERENCES
) -> list[str]:
    """The references sharing most word trigrams with the text: repair stays linear in siblings."""
    grams = set(zip(words, words[1:], words[2:], strict=False))

    def shared(text: str) -> int:
        lows = words_of(text)
        return sum(1 for g in zip(lows, lows[1:], lows[2:], strict=False) if g in grams)

    return sorted(references, key=shared, reverse=True)[:limit]


def boundary_probabilities(
    words: list[str], refs: list[list[RefToken]], anchors: list[Anchor | None], doc: Any
) -> np.ndarray:
    """Per-gap boundary probability: sibling runs where they speak, the learned model elsewhere."""
    model = BoundaryModel.train(refs)
    odds = syntax_log_odds(doc)
    if model is not None:
        odds = model.log_odds(words) + SYNTAX_WEIGHT * (odds - BASE)
    probs = 1.0 / (1.0 + np.exp(-odds))
    probs[0] = 1.0
    for g in range(1, len(words)):
        left, right = anchors[g - 1], anchors[g]
        if _plain_join(words[g - 1], words[g]) != " ":
            probs[g] = COPIED_CONTINUATION  # "don | t", "mayor | s", "1 | 100" are one word
        elif (link := bridge(g - 1, words, anchors, refs)) is not None:
            starts = refs[link[0]][link[1] + 1].sentence_start
            probs[g] = COPIED_BOUNDARY if starts else COPIED_CONTINUATION
        else:
            probs[g] = _edge_evidence(float(probs[g]), refs, left, right)
    return probs


def _edge_evidence(
    prob: float, refs: list[list[RefToken]], left: Anchor | None, right: Anchor | None
) -> float:
    """A shared run that ends (or starts) where a sibling's sentence does raises the odds."""
    x = logit(prob)
    if left is not None and _ends_sentence(refs[left.ref], left.pos):
        x += RUN_EDGE
    if right is not None and refs[right.ref][right.pos].sentence_start:
        x += RUN_EDGE
    return sigmoid(x)


def _ends_sentence(tokens: list[RefToken], pos: int) -> bool:
    return pos + 1 == len(tokens) or tokens[pos + 1].sentence_start


def _is_contraction(word: str, following: str) -> bool:
    return word in _CONTRACTED.get(following, ())


def _plain_join(word: str, following: str) -> str:
    """Separator between two words no sibling vouches for: contractions, possessives, 1,100."""
    if following == "s" and word.isalpha():
        return "'"
    if _is_contraction(word, following):
        return "'"
    if word.isdigit() and len(word) <= 3 and following.isdigit() and len(following) == 3:
        return ","
    return " "


def _separator(i: int, words: list[str], anchors: list[Anchor | None], refs: Refs) -> str:
    link = bridge(i, words, anchors, refs)
    if link is not None:
        after = refs[link[0]][link[1]].after
        return " " if _TERMINAL.search(after) else after
    plain = _plain_join(words[i], words[i + 1])
    return plain if plain != " " else _run_edges(anchors[i], anchors[i + 1], refs)


def _run_edges(left: Anchor | None, right: Anchor | None, refs: Refs) -> str:
    """Where shared wording ends or starts, the sibling's marks there usually still apply.

    'in the Stone case," said the letter' vs degraded 'stone case the letter states': the
    quoted words end at 'case' in both, so ',"' is copied; an opening quote likewise.
    """
    closing = refs[left.ref][left.pos].after if left is not None else " "
    closing = _TERMINAL.sub(",", closing.rstrip()).rstrip("“‘(") or ""
    opening = ""
    if right is not None and right.pos > 0 and not refs[right.ref][right.pos].sentence_start:
        opening = refs[right.ref][right.pos - 1].after.lstrip()[-1:]
        opening = opening if opening in '"“(' else ""
    return f"{closing} {opening}".replace("  ", " ") if closing or opening else " "


def _ending(last: int, words: list[str], anchors: list[Anchor | None], refs: Refs) -> str:
    """A copied sentence end ('."', '?') where a sibling ends the same words, else '.'."""
    link = bridge(last, words, anchors, refs) if last + 1 < len(words) else None
    anchor = anchors[last]
    if link is None and anchor is not None:
        link = (anchor.ref, anchor.pos)
    if link is not None and _ends_sentence(refs[link[0]], link[1]):
        after = refs[link[0]][link[1]].after.strip()
        if _TERMINAL.search(after):
            return after
    return "."


def _lead(first: int, words: list[str], anchors: list[Anchor | None], refs: Refs) -> str:
    """An opening quote where a sibling's sentence starts with the same word."""
    link = bridge(first - 1, words, anchors, refs) if first else None
    anchor = anchors[first]
    token = (
        refs[link[0]][link[1] + 1] if link else (refs[anchor.ref][anchor.pos] if anchor else None)
    )
    return token.lead if token is not None and token.sentence_start else ""


def balance_quotes(sentence: str) -> str:
    """Drop quote marks and brackets a partial copy left without their partner."""
    for opening, closing in (('"', '"'), ("“", "”"), ("(", ")")):
        count_open, count_close = sentence.count(opening), sentence.count(closing)
        unbalanced = count_open % 2 if opening == closing else count_open != count_close
        if unbalanced:
            sentence = sentence.replace(opening, "").replace(closing, "")
    return re.sub(r"\s{2,}", " ", sentence).replace(" ,", ",").strip()


def assemble(
    words: list[str],
    cased: Sequence[str],
    starts: Sequence[int],
    anchors: list[Anchor | None],
    refs: list[list[RefToken]],
) -> list[str]:
    """Sentences as readers see them: cased words, copied punctuation, a final stop."""
    sentences = []
    ends = [*starts[1:], len(words)]
    for start, end in zip(starts, ends, strict=True):
        parts = [_lead(start, words, anchors, refs), capitalise(cased[start])]
        for i in range(start + 1, end):
            parts += [_separator(i - 1, words, anchors, refs), cased[i]]
        parts.append(_ending(end - 1, words, anchors, refs))
        sentences.append(without_quote_marks(balance_quotes("".join(parts))))
    return sentences


_QUOTE_MARKS = re.compile(r"[\"“”‘]|(?<![A-Za-z])’|(?<=\s)'|^'|(?<!s)'(?=\s|$|[.,;:!?])")


def without_quote_marks(sentence: str) -> str:
    """Degraded text has no quotation marks, so the repair shows none: copied from a sibling at
    the edge of a shared run they can enclose words the degraded speaker never quoted, or pin one
    speaker's words on another. Apostrophes (president's, don't) stay."""
    return re.sub(r"\s{2,}", " ", _QUOTE_MARKS.sub("", sentence)).replace(" ,", ",").strip()


def _kept_case(surfaces: list[str]) -> list[str | None]:
    """Text that lost only its punctuation keeps its casing; all-lower or all-caps text does not."""
    capitals = sum(1 for s in surfaces if s[:1].isupper())
    shouting = sum(1 for s in surfaces if len(s) > 1 and s.isupper())
    if capitals * 50 < len(surfaces) or shouting * 2 > len(surfaces):
        return [None] * len(surfaces)
    return list(surfaces)


def repair_degraded(text: str, references: Sequence[str]) -> list[str]:
    """Sentences for degraded ``text``, using punctuated articles on the same story if any."""
    surfaces = [m.group() for m in WORD.finditer(text)]
    if not surfaces:
        return []
    words = [s.lower() for s in surfaces]
    closest = closest_references(words, references)
    refs = [tokens for tokens in (reference_tokens(r) for r in closest) if tokens]
    anchors = align(words, refs)
    doc = parse_words(words)
    starts = decode(boundary_probabilities(words, refs, anchors, doc))
    fixed = _kept_case(surfaces)
    for i, anchor in enumerate(anchors):
        if fixed[i] is None and anchor is not None:
            token = refs[anchor.ref][anchor.pos]
            fixed[i] = None if token.sentence_start else token.surface
        elif fixed[i] is None and i + 1 < len(words) and _is_contraction(words[i], words[i + 1]):
            # "don t" is not the name Don.
            fixed[i] = "I" if words[i] == "i" else words[i]
            fixed[i + 1] = fixed[i + 1] or words[i + 1]
    cased = truecase(doc, CaseTable(refs), fixed)
    return assemble(words, cased, starts, anchors, refs)
