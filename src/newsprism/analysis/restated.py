"""Agreed facts from claims that several outlets restate in their own sentences.

Alignment pairs whole sentences, and outlets rarely repeat each other's sentences: the shared fact is
usually one claim inside each ('Stone was convicted on seven counts' inside a sentence about the
sentencing). Here every sentence in an outlet's own voice is paired with the sentences of other
outlets that share its rarer words, names and figures (an inverted index, so the cost grows with the
story, not with its square). For each pair, the sentence's claim that the other states is cut out
(analysis/clauses.py); the claim is credited to every outlet whose sentence states it
(analysis/support.py), and kept when two or more independent outlets do and no outlet's evaluative
words ride along in it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from newsprism.analysis.clauses import claims, clause_verbs, main_verb, reads_as_sentence
from newsprism.analysis.support import (
    LEANS_BACK,
    doc_of,
    figures,
    lemma_prefixes,
    lemmas_ahead,
    may_state,
    parsed_ahead,
    reads_lemmas,
)
from newsprism.analysis.whole_credit import credits
from newsprism.model import Sentence
from newsprism.text.terms import content_stems, words
from newsprism.text.tokens import word_tokens

POSTINGS = 60  # a term in more sentences than this is the topic: it does not pair sentences
PARTNERS = 8  # sentences of other outlets tried as the source of a claim, most shared terms first
MIN_SHARED = 2  # terms two sentences must share to be paired
MIN_WORDS = 5
CHUNK = 256  # sentences whose parses are batched together (memory stays bounded)
_THERE = re.compile(r"^\W*there\b", re.IGNORECASE)


@dataclass(frozen=True)
class Entry:
    sentence: Sentence
    group: int  # independent source (syndicated copies and one outlet's articles share one)


@dataclass
class Claim:
    text: str
    source: Sentence
    supporters: list[Entry]
    support: int


def _terms(text: str) -> set[str]:
    return set(content_stems(text)) | {f"#{f}" for f in figures(text)}


def partners(entries: list[Entry]) -> list[list[int]]:
    """For each entry, the entries of other groups sharing most of its rarer terms (at most
    PARTNERS, each sharing at least MIN_SHARED)."""
    terms = [_terms(e.sentence.text) for e in entries]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, ts in enumerate(terms):
        for t in ts:
            postings[t].append(i)
    out = []
    for i, ts in enumerate(terms):
        shared: Counter[int] = Counter()
        for t in ts:
            if len(postings[t]) <= POSTINGS:
                shared.update(j for j in postings[t] if entries[j].group != entries[i].group)
        # ties go to the earlier entry: most_common() would order them by the hash order of
        # `ts`, so a brief would change from one process to the next
        ranked = sorted(
            (j for j, n in shared.items() if n >= MIN_SHARED), key=lambda j: (-shared[j], j)
        )
        out.append(ranked[:PARTNERS])
    return out


def restated_claims(
    entries: list[Entry],
    showable: Callable[[Sentence], bool],
    support_of: Callable[[list[Entry]], int],
) -> list[Claim]:
    """The best claim of each showable sentence that other independent outlets state: most
    independent outlets, then most content words.

    Sentences are taken CHUNK at a time, and what a chunk will parse is parsed in two batched
    passes (support.parsed_ahead): its sentences, then the claims cut from them that some
    partner may state, with those partners' lemmas."""
    near_of = partners(entries)
    todo = [i for i, near in enumerate(near_of) if near and showable(entries[i].sentence)]
    found = []
    for start in range(0, len(todo), CHUNK):
        chunk = todo[start : start + CHUNK]
        with parsed_ahead(entries[i].sentence.text for i in chunk):
            texts = {i: _candidates(entries[i], [entries[j] for j in near_of[i]]) for i in chunk}
            pairs = [
                (t, entries[j].sentence.text)
                for i in chunk for t in texts[i] for j in near_of[i]
                if may_state(t, entries[j].sentence.text)
            ]  # fmt: skip
            with parsed_ahead(t for t, _ in pairs):
                lemmas_ahead(other for t, other in pairs if reads_lemmas(t, other))
                for i in chunk:
                    near = [entries[j] for j in near_of[i]]
                    best = _best_claim(entries[i], near, texts[i], support_of)
                    if best is not None:
                        found.append(best)
    return found


def _candidates(entry: Entry, near: list[Entry]) -> list[str]:
    """The sentence and its claims fitted to each partner, long enough and not leaning back."""
    texts = [entry.sentence.text]
    for other in near:
        texts += claims(entry.sentence.text, other.sentence.text)
    return [
        text for text in dict.fromkeys(texts)
        if not (len(text.split()) < MIN_WORDS or LEANS_BACK.match(text) or _THERE.match(text))
    ]  # fmt: skip


def _best_claim(
    entry: Entry, near: list[Entry], texts: list[str], support_of: Callable[[list[Entry]], int]
) -> Claim | None:
    ranked: list[tuple[int, int, Claim]] = []
    for text in texts:
        kept = [o for o in near if credits(text, o.sentence.text)]
        if kept and text != entry.sentence.text and not reads_as_sentence(text):
            continue
        if kept and text != entry.sentence.text and _opens_with_participle(text):
            continue
        verb = main_verb(text) if kept else None
        also = clause_verbs(text) if kept else []
        kept = [
            o for o in kept
            if (verb is None or _says(verb, o.sentence.text))
            and all(_says(v, o.sentence.text) for v in also)
        ]  # fmt: skip
        if not kept:
            continue
        support = support_of([entry, *kept])
        ranked.append(
            (support, len(set(content_stems(text))), Claim(text, entry.sentence, kept, support))
        )
    ranked.sort(key=lambda r: (-r[0], -r[1]))
    for support, _, claim in ranked:
        if support >= 2 and not _own_evaluation(claim):
            return claim
    return None


def _opens_with_participle(text: str) -> bool:
    """A cut that opens with a participle ('Written after ..., Eichmann says'): the noun it
    described ('In the request, written ...') was cut away, so it now describes the subject."""
    doc = doc_of(text)
    return bool(len(doc)) and doc[0].tag_ in {"VBN", "VBG"}


def _says(verb: str, text: str) -> bool:
    """The text uses the claim's verb (or a word derived from it: 'convicted'/'conviction')."""
    return verb[:5] in {w[:5] for w in words(text.lower())} or verb[:5] in lemma_prefixes(text)


def _own_evaluation(claim: Claim) -> bool:
    """An adjective or adverb of the claim that no other credited outlet uses: one outlet's
    evaluation ('unprecedented', 'abuse of power decision'), not a shared fact."""
    theirs = set()
    for e in claim.supporters:
        theirs |= {w[:5] for w in word_tokens(e.sentence.text, ascii_only=True, letters_only=True)}
    doc = doc_of(claim.text)
    return any(
        t.pos_ in {"ADJ", "ADV"} and t.is_alpha and not t.is_stop and t.lower_[:5] not in theirs
        for t in doc
    )
