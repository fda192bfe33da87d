"""Word-choice contrasts: the same fact told with different words by different outlets.

Reads the shared cross-document alignment: for sentences of different outlets that say the same
thing, a word diff of the two keeps the short stretches where one outlet's words replace the
other's ('quit' / 'stepped down', 'asked' / 'demanded'). The rest of the sentence must match
well, so the pair tells one fact; names and numbers that differ are facts, not word choice, and
the discrepancy table covers them.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from newsprism.align import Alignment
from newsprism.analysis.framing_lexicon import NEUTRAL_REPORTING
from newsprism.model import Article, Contrast, ContrastVariant
from newsprism.text.terms import stem
from newsprism.text.tokens import GENERAL_STOP_WORDS

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
MAX_CHANGE = 3  # words on either side of a replacement
MIN_SHARED = 0.5  # share of the shorter sentence's words that must match around it
MAX_CONTRASTS = 10
CONTEXT = 3


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _word_choice(a: list[str], b: list[str]) -> bool:
    """Both sides are short runs of lower-case words with different stems, not names or numbers."""
    if not (1 <= len(a) <= MAX_CHANGE and 1 <= len(b) <= MAX_CHANGE):
        return False
    for side in (a, b):
        if not all(w.islower() and w.isalpha() for w in side):
            return False
        if all(w in GENERAL_STOP_WORDS for w in side):
            return False
    if all(w in NEUTRAL_REPORTING for w in a + b):
        return False  # 'says' / 'said': tense, not word choice
    content_a = {stem(w) for w in a if w not in GENERAL_STOP_WORDS}
    content_b = {stem(w) for w in b if w not in GENERAL_STOP_WORDS}
    return content_a != content_b  # 'is asking' / 'has asked' is tense, not word choice


def pair_contrasts(first: str, second: str) -> list[tuple[str, str, str]]:
    """(concept, wording in first, wording in second) for each word-choice difference."""
    a, b = _words(first), _words(second)
    matcher = SequenceMatcher(None, [w.lower() for w in a], [w.lower() for w in b], autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    if shared < MIN_SHARED * min(len(a), len(b)):
        return []
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace" or not _word_choice(a[i1:i2], b[j1:j2]):
            continue
        before, after = a[max(0, i1 - CONTEXT) : i1], a[i2 : i2 + CONTEXT]
        concept = " ".join([*before, "…", *after]).strip()
        out.append((concept, " ".join(a[i1:i2]), " ".join(b[j1:j2])))
    return out


def _pairs(articles: list[Article], alignment: Alignment, groups: list[list[str]]
           ) -> list[tuple[str, str, str, str]]:  # fmt: skip
    """(outlet, sentence id, outlet, sentence id) for sentences that tell the same fact: aligned
    pairs, and pairs inside one agreed fact's citations (grouped by meaning as well as words)."""
    outlet_of = {s.id: a.label for a in articles for s in a.sentences}
    ids = [s.id for s in alignment.sentences]
    pairs: dict[tuple[str, str], None] = {}
    for i, matches in enumerate(alignment.matches):
        for j, _ in matches:
            pairs.setdefault((ids[min(i, j)], ids[max(i, j)]), None)
    for cites in groups:
        for a in cites:
            for b in cites:
                if a < b and a in outlet_of and b in outlet_of:
                    pairs.setdefault((a, b), None)
    return [(outlet_of[a], a, outlet_of[b], b) for a, b in pairs if outlet_of[a] != outlet_of[b]]


def find_contrasts(
    articles: list[Article],
    alignment: Alignment,
    own: dict[str, str],
    groups: list[list[str]] | None = None,
) -> list[Contrast]:
    """One row per fact worded differently; each wording with its outlets and sentences.

    ``own`` maps a sentence id to the outlet's own words in it (quotations removed): a speaker's
    words are not the outlet's choice. ``groups`` are citation lists of sentences known to tell
    one fact (the agreed facts).
    """
    rows: dict[str, dict[str, tuple[dict[str, None], dict[str, None]]]] = {}
    diffs: dict[tuple[str, str], list[tuple[str, str, str]]] = {}  # copies repeat sentences
    for outlet_a, sa, outlet_b, sb in _pairs(articles, alignment, groups or []):
        texts = (own.get(sa, ""), own.get(sb, ""))
        if texts not in diffs:
            diffs[texts] = pair_contrasts(*texts) if texts[0] != texts[1] else []
        for concept, wa, wb in diffs[texts]:
            row = rows.setdefault(concept, {})
            for text, outlet, sid in ((wa, outlet_a, sa), (wb, outlet_b, sb)):
                outlets, cites = row.setdefault(text, ({}, {}))
                outlets.setdefault(outlet, None)
                cites.setdefault(sid, None)
    contrasts = [
        Contrast(
            concept=concept,
            variants=[
                ContrastVariant(text=t, outlets=list(o), citations=list(c))
                for t, (o, c) in row.items()
            ],
        )
        for concept, row in rows.items()
    ]
    contrasts.sort(key=lambda c: -len({o for v in c.variants for o in v.outlets}))
    return contrasts[:MAX_CONTRASTS]
