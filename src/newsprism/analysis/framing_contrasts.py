"""Word-choice contrasts: the same fact told with different words by different outlets.

Reads the shared cross-document alignment: for sentences of different outlets that say the same
thing, a word diff of the two keeps the short stretches where one outlet's words replace the
other's ('resigned' / 'withdrew', 'called for' / 'demanded'). The rest of the sentence must match
well, so the pair tells one fact; names and numbers that differ are facts, not word choice, and
the discrepancy table covers them.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsprism.align import Alignment
from newsprism.analysis.framing_lexicon import NEUTRAL_REPORTING
from newsprism.model import Article, Contrast, ContrastVariant
from newsprism.text.terms import stem

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
        if all(w in ENGLISH_STOP_WORDS for w in side):
            return False
    if all(w in NEUTRAL_REPORTING for w in a + b):
        return False  # 'says' / 'said': tense, not word choice
    return {stem(w) for w in a} != {stem(w) for w in b}


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


def find_contrasts(articles: list[Article], alignment: Alignment, own: dict[str, str]
                   ) -> list[Contrast]:  # fmt: skip
    """One row per fact worded differently; each wording with its outlets and sentences.

    ``own`` maps a sentence id to the outlet's own words in it (quotations removed): a speaker's
    words are not the outlet's choice.
    """
    rows: dict[str, dict[str, tuple[list[str], list[str]]]] = {}
    label = [articles[k].label for k in alignment.article_of]
    for i, matches in enumerate(alignment.matches):
        for j, _ in matches:
            if j <= i or label[i] == label[j]:
                continue
            si, sj = alignment.sentences[i], alignment.sentences[j]
            for concept, wa, wb in pair_contrasts(own.get(si.id, ""), own.get(sj.id, "")):
                row = rows.setdefault(concept, {})
                for text, outlet, sid in ((wa, label[i], si.id), (wb, label[j], sj.id)):
                    outlets, cites = row.setdefault(text, ([], []))
                    if outlet not in outlets:
                        outlets.append(outlet)
                    if sid not in cites:
                        cites.append(sid)
    contrasts = [
        Contrast(
            concept=concept,
            variants=[ContrastVariant(text=t, outlets=o, citations=c) for t, (o, c) in row.items()],
        )
        for concept, row in rows.items()
    ]
    contrasts.sort(key=lambda c: -len({o for v in c.variants for o in v.outlets}))
    return contrasts[:MAX_CONTRASTS]
