"""Whether a sentence states an agreed fact: same figures, same names, same polarity, most words.

Alignment finds sentences about the same thing; an agreed fact needs more. An outlet is credited
only when its cited sentence states what the shown text says: every figure of the shown text, every
name it gives, most of its content words, and a negation where the shown text has one (and none
where it has none). The shown text is the supporting sentence whose words the other supporters
share most, so one outlet's framing is not presented as everyone's. An outlet is listed as not
reporting a fact only when no sentence of it (or pair of adjacent sentences) carries the fact's
figures and most of its words.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import numpy as np

from newsprism.analysis.attribution import REPORTING
from newsprism.model import Sentence
from newsprism.text.nlp import load, parse
from newsprism.text.quantities import UNIT_WORDS
from newsprism.text.sparse import csr_rows
from newsprism.text.terms import STOP_WORDS, content_stems
from newsprism.text.tokens import word_tokens

COVERED = 0.67  # share of the shown text's content words a crediting sentence must state
FRAME = 0.5  # ... of the words around a quotation it shows (the speaker and how they said it)
MENTIONS = 0.4  # ... and that an outlet's text must hold for it to count as reporting the fact
_DIGITS = re.compile(r"\d[\d,.]*\d|\d")
# Number words that state a count on their own ('one' is too often a pronoun to count).
_NUMBER_VALUE = {w: str(v) for w, v in UNIT_WORDS.items() if 2 <= v <= 19}
_NEGATION = re.compile(r"\b(?:not|never|no|none|nor|without)\b|n't|n’t", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*")
# An opening that points back at what the article said before: a pronoun or demonstrative, or a
# part of a set named earlier ('One of these', 'Some of them').
_POINTER = r"he|she|they|it|this|that|these|those|such|his|her|their|its"
_PART = r"one|some|many|most|all|each|none|several|any|both|either|neither|few|two|three|four"
LEANS_BACK = re.compile(
    rf"^\W*(?:{_POINTER}|(?:{_PART})\s+of\s+(?:these|those|them|this|that|it|which))\b",
    re.IGNORECASE,
)
_QUOTATION = re.compile(r'"[^"]*"|“[^”]*”')
_SAYING = re.compile(rf"\b(?:{REPORTING}|according)\b", re.IGNORECASE)


_AHEAD: dict[str, Any] = {}  # texts parsed ahead in one batched pass, by text
AHEAD_BATCH = 64


def doc_of(text: str) -> Any:
    """The spaCy parse of one text (tags, dependencies, lemmas): parsed ahead, else cached."""
    found = _AHEAD.get(text)
    return found if found is not None else parse([text])[0]


@contextmanager
def parsed_ahead(texts: Iterable[str]) -> Iterator[None]:
    """Parse the texts a block is about to read in one batched pass (several times cheaper than
    one call each, and the same parse), and serve them while it runs."""
    new = [t for t in dict.fromkeys(texts) if t not in _AHEAD]
    _AHEAD.update(zip(new, load().pipe(new, disable=["ner"], batch_size=AHEAD_BATCH), strict=True))
    try:
        yield
    finally:
        for text in new:
            _AHEAD.pop(text, None)


# The word sets below are asked of one text many times (each claim against each partner, each
# partner against each claim), so each is worked out once per text.
CACHED_TEXTS = 1 << 16


def figures(text: str) -> set[str]:
    """Numbers as digits ('1,100' -> '1100', 'seven' -> '7')."""
    found = {m.group().replace(",", "").rstrip(".") for m in _DIGITS.finditer(text)}
    words = word_tokens(text, ascii_only=True, letters_only=True)
    return found | {_NUMBER_VALUE[w] for w in words if w in _NUMBER_VALUE}


def names(text: str) -> set[str]:
    """Capitalised words (the first one unless it is a function word): names of people, places
    and organisations."""
    found = [m.group().rstrip(".") for m in _TOKEN.finditer(text)]
    if found and found[0].lower() in STOP_WORDS:
        found = found[1:]
    return {re.sub(r"['’]s$", "", w).lower() for w in found if w[:1].isupper()}


@lru_cache(maxsize=CACHED_TEXTS)
def _figures(text: str) -> frozenset[str]:
    return frozenset(figures(text))


@lru_cache(maxsize=CACHED_TEXTS)
def _names(text: str) -> frozenset[str]:
    return frozenset(names(text))


@lru_cache(maxsize=CACHED_TEXTS)
def stem_set(text: str) -> frozenset[str]:
    """The text's content stems (text/terms.content_stems) as a set."""
    return frozenset(content_stems(text))


@lru_cache(maxsize=4096)
def name_modifiers(text: str) -> frozenset[str]:
    """Words that only modify a name stated by its head ('Vice', 'President', 'Joe' of 'Vice
    President Joe Biden'): the name is identified by its head (the surname), which stays required."""
    doc = doc_of(text)
    return frozenset(
        t.lower_
        for t in doc
        if t.dep_ == "compound" and t.pos_ == "PROPN" and t.head.pos_ == "PROPN" and t.head.i > t.i
        and t.lower_ != t.head.lower_
    )  # fmt: skip


@lru_cache(maxsize=CACHED_TEXTS)
def _words(text: str) -> frozenset[str]:
    return frozenset(
        {w.rstrip(".") for w in re.findall(r"[^\W_][\w'’.-]*", text.lower())}
        | set(word_tokens(text))
    )


@lru_cache(maxsize=CACHED_TEXTS)
def _prefixes(text: str) -> frozenset[str]:
    """First five letters of the text's words."""
    return frozenset(w[:5] for w in _words(text))


def states(shown: str, other: str, share: float = COVERED) -> bool:
    """``other`` states what ``shown`` says (see the module docstring)."""
    if not may_state(shown, other):
        return False
    if not _names_stated(shown, other):
        return False
    if not _subject_named(shown, other):
        return False
    mine = stem_set(shown)
    if not mine or len(mine & stem_set(other)) >= share * len(mine):
        return True
    lemmas = lemma_prefixes(shown)
    return bool(lemmas) and len(lemmas & lemma_prefixes(other)) >= share * len(lemmas)


def may_state(shown: str, other: str) -> bool:
    """The checks of `states` that need no parse: figures, negation, quotation frame, counts.
    When they pass, `states` parses the shown text."""
    if not _figures(shown) <= _figures(other):
        return False
    if bool(_NEGATION.search(shown)) != bool(_NEGATION.search(other)):
        return False
    return frame_stated(shown, other) and counted_alike(shown, other)


_WORD_OR_FIGURE = re.compile(r"\d[\d,.]*\d|\d|[a-z]+")
_RANGE = frozenset({"to", "or", "and"})


@lru_cache(maxsize=CACHED_TEXTS)
def _counted(text: str) -> frozenset[tuple[str, str]]:
    """(figure, first letters of the word it counts or measures): 'seven counts' -> ('7', 'coun'),
    '7 to 9 years' -> ('7', 'year') and ('9', 'year'), '20-minute' -> ('20', 'minu')."""
    toks = _WORD_OR_FIGURE.findall(text.lower())
    out = set()
    for i, tok in enumerate(toks):
        values = _figures(tok)
        if not values:
            continue
        j = i + 1
        while j < len(toks) and (_figures(toks[j]) or toks[j] in _RANGE):
            j += 1  # '7 to 9 years', '7-9 years': both count the years
        if j < len(toks) and toks[j] not in STOP_WORDS:
            out |= {(v, toks[j][:4]) for v in values}
    return frozenset(out)


def counted_alike(shown: str, other: str) -> bool:
    """Each figure of the shown text counts the same thing in the other ('seven counts' is not
    '7 to 9 years'): a bare number in common is not the same figure."""
    theirs = _counted(other)
    return all(pair in theirs for pair in _counted(shown))


@lru_cache(maxsize=8192)
def _subject_head(text: str) -> str | None:
    """First letters of the lemma of the main clause's subject noun ('officials' of 'The
    officials have called ...'); None for a pronoun or no subject."""
    doc = doc_of(text)
    if not len(doc):
        return None
    root = next(iter(doc.sents)).root
    if _SAYING.fullmatch(root.text):  # 'A man ... has been rescued, police say': the man
        root = next((c for c in root.children if c.dep_ == "ccomp"), root)
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return None
    return subject.lemma_.lower()[:5]


def _subject_named(shown: str, other: str) -> bool:
    """The other sentence names who or what the shown text is about: 'the officials called for
    his resignation' is not stated by 'eight analysts called for his resignation'."""
    head = _subject_head(shown)
    if head is None:
        return True
    return head in _prefixes(other) or head in lemma_prefixes(other)


def _names_stated(shown: str, other: str) -> bool:
    """Every name of the shown text, bar the words that only modify one, is in the other text;
    the shown text is parsed only when a name is missing (the checks above are cheaper first)."""
    missing = _names(shown) - _words(other)
    return not missing or missing <= name_modifiers(shown)


def frame_stated(shown: str, other: str, share: float = FRAME) -> bool:
    """The words around a quotation ('the president proudly stated') are part of what the text
    says: another sentence printing the same quoted words states it only if it also states most
    of them (the verb of saying aside: 'said', 'stated' and 'told' report alike)."""
    outside = _QUOTATION.sub(" ", shown)
    if outside == shown:
        return True
    mine = set(content_stems(_SAYING.sub(" ", outside)))
    return not mine or len(mine & stem_set(other)) >= share * len(mine)


_LEMMAS: dict[str, frozenset[str]] = {}  # text -> lemma_prefixes(text), oldest dropped first


def lemma_prefixes(text: str) -> frozenset[str]:
    """Content words as the first five letters of their lemmas, so inflections and derived forms
    of one word match ('arrested'/'arrest', 'investigation'/'investigating')."""
    found = _LEMMAS.get(text)
    if found is None:
        if len(_LEMMAS) >= CACHED_TEXTS:
            del _LEMMAS[next(iter(_LEMMAS))]
        found = _LEMMAS[text] = frozenset(
            t.lemma_.lower()[:5]
            for t in doc_of(text)
            if t.pos_ in {"NOUN", "VERB", "ADJ", "PROPN"} and not t.is_stop and t.is_alpha
        )
    return found


def reads_lemmas(shown: str, other: str) -> bool:
    """Whether `states(shown, other)` may read the other text's lemmas (once the shown text is
    parsed). It only decides what is parsed ahead: a wrong guess costs time, never a result."""
    if not (may_state(shown, other) and _names_stated(shown, other)):
        return False
    head = _subject_head(shown)
    if head is not None and head not in _prefixes(other):
        return True
    mine = stem_set(shown)
    return bool(mine) and len(mine & stem_set(other)) < COVERED * len(mine)


def lemmas_ahead(texts: Iterable[str]) -> None:
    """Work out the lemma prefixes of the texts not known yet from one batched parse."""
    new = [t for t in dict.fromkeys(texts) if t not in _LEMMAS]
    with parsed_ahead(new):
        for text in new:
            lemma_prefixes(text)


def common_core(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences ordered by how much of their wording the others share (most first)."""
    stems = {s.id: set(content_stems(s.text)) for s in sentences}

    def shared(s: Sentence) -> float:
        mine = stems[s.id]
        others = [stems[o.id] for o in sentences if o.id != s.id]
        if not mine or not others:
            return 0.0
        return sum(len(mine & o) / len(mine) for o in others) / len(others)

    return sorted(sentences, key=shared, reverse=True)


def reports(shown: str, sentences: Sequence[Sentence]) -> bool:
    """Some sentence of an outlet, or two adjacent ones, carries the fact's figures and most of
    its words: the outlet reports the fact even if the alignment did not cite it."""
    texts = [s.text for s in sentences]
    windows = texts + [f"{a} {b}" for a, b in itertools.pairwise(texts)]
    mine = set(content_stems(shown))
    need = figures(shown)
    for window in windows:
        has, stems = _window_terms(window)
        if need <= has and (not mine or len(mine & stems) >= MENTIONS * len(mine)):
            return True
    return False


@lru_cache(maxsize=1 << 17)
def _window_terms(window: str) -> tuple[frozenset[str], frozenset[str]]:
    """A window's figures and content stems, worked out once: every candidate fact is checked
    against every omitting outlet's windows, so one story asks this of each window many times."""
    return frozenset(figures(window)), frozenset(content_stems(window))


class Coverage:
    """Which outlets report a text (`reports`), for many texts: every outlet's windows (a sentence,
    or two adjacent ones) are worked out once and indexed by content stem, so a text meets only
    the windows holding enough of its words, not every window of the story."""

    def __init__(self, by_outlet: dict[str, list[Sentence]]) -> None:
        self.outlet_of: list[str] = []
        self.figures: list[frozenset[str]] = []
        stems: list[frozenset[str]] = []
        for outlet, sentences in by_outlet.items():
            texts = [s.text for s in sentences]
            for window in texts + [f"{a} {b}" for a, b in itertools.pairwise(texts)]:
                has, words = _window_terms(window)
                self.outlet_of.append(outlet)
                self.figures.append(has)
                stems.append(words)
        matrix, self.vocab = csr_rows(stems, binary=True)
        self.by_stem = matrix.tocsc()

    def reporting(self, shown: str) -> set[str]:
        """The outlets with a window carrying the text's figures and most of its words."""
        mine = set(content_stems(shown))
        need = figures(shown)
        windows: Iterable[int] = range(len(self.outlet_of))
        if mine:
            columns = [self.vocab[t] for t in mine if t in self.vocab]
            counts = np.asarray(self.by_stem[:, columns].sum(axis=1)).ravel()
            windows = np.flatnonzero(counts >= MENTIONS * len(mine)).tolist()
        return {self.outlet_of[w] for w in windows if need <= self.figures[w]}


# A clause may be cut before these words without changing what the kept part says: what follows
# adds a circumstance, a source or a description, not a qualifier of the kept claim.
_SAFE_TAIL = re.compile(
    r"(?:;\s+|,\s+(?=(?:which|who|whom|whose|where|according|saying|adding|as|while|after|before"
    r"|when|because|since|amid|following|including)\b))"
)


def safe_shortenings(text: str, min_words: int = 6) -> list[str]:
    """The sentence cut at each safe clause boundary (shortest first), then the whole sentence.
    A cut part ends with a full stop and keeps balanced quotation marks."""
    out = []
    for match in _SAFE_TAIL.finditer(text):
        head = text[: match.start()].rstrip(" ,;")
        if (
            len(head.split()) >= min_words
            and head.count('"') % 2 == 0
            and (head.count("“") == head.count("”"))
            and whole_clause(head)
        ):
            out.append(head + ".")
    return [*out, *without_adjuncts(text), text]


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_OPENS_CLAUSE = frozenset({"that", "whether", "because", "although", "though", "unless", "if"})


@lru_cache(maxsize=8192)
def whole_clause(text: str) -> bool:
    """A part shown on its own still says something whole: it has a finite verb (a caption or
    a name with a title has none), and no clause it opens ('was that ...', 'said that ...') lost
    its verb to a cut. Any finite verb will do: the tagger often misreads a long subject."""
    doc = doc_of(text)
    finite = [t.i for t in doc if t.tag_ in _FINITE]
    if not finite or _only_subordinate(doc):
        return False
    opens = [t.i for t in doc if t.lower_ in _OPENS_CLAUSE and _opens_clause(t)]
    return not opens or finite[-1] > opens[-1]


def _only_subordinate(doc: Any) -> bool:
    """The whole text is one subordinate clause ('If the deal is void because ...', 'When the
    storm hit'): its first word marks the main verb itself, so no claim is made on its own."""
    first = doc[0]
    root = next(iter(doc.sents)).root
    marks = first.dep_ == "mark" or (first.dep_ == "advmod" and first.tag_ == "WRB")
    return marks and first.head == root and first.lower_ not in {"how", "where", "why"}


def _opens_clause(t: Any) -> bool:
    """'that' as a conjunction ('said that', 'was that the pilot'), not 'because of' or 'bought
    that house'."""
    if t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "of":
        return False
    return (
        t.dep_ == "mark" or t.tag_ == "IN" or (t.dep_ == "det" and t.head.dep_ in {"attr", "ccomp"})
    )


_ADJUNCTS = frozenset({"prep", "npadvmod"})
_COMPLEMENTS = frozenset({"dobj", "obj", "attr", "acomp", "oprd", "xcomp", "ccomp", "dative"})


def bare(verb: Any) -> bool:
    """An active verb with no object or complement: its prepositions may be what it says ('ruled
    in favor of the officers'), so none is dropped."""
    return not any(c.dep_ in _COMPLEMENTS | {"auxpass", "nsubjpass"} for c in verb.children)


# Lower case only: 'May' is also a month.
_MODAL = re.compile(
    r"\b(?:may|might|could|would|should|must|if|unless|whether)\b|^\W*(?:If|Unless|Whether)\b"
)


def without_adjuncts(text: str) -> list[str]:
    """The sentence without optional circumstances of its main verb ('in November', 'on Monday',
    'within hours'), all at once and one at a time. Only for plain positive statements, where a
    shorter statement is implied by the longer one; never drops a negation, a modal's scope, an
    argument or a coordinated head."""
    if _NEGATION.search(text) or _MODAL.search(text):
        return []
    doc = doc_of(text)
    root = next(iter(doc.sents)).root if len(doc) else None
    if root is None or root.pos_ not in {"VERB", "AUX"}:
        return []
    spans = [
        (c.left_edge.i, c.right_edge.i)
        for c in root.children
        if c.dep_ in _ADJUNCTS and c.i != root.i
        and c.lower_ not in {"not", "never", "no", "according", "as"}
        and not (c.dep_ == "prep" and bare(root))
        and not any(t.pos_ == "VERB" and t.dep_ == "conj" for t in c.subtree)
    ]  # fmt: skip
    out = []
    for chosen in [spans, *([s] for s in spans)] if spans else []:
        drop = {i for a, b in chosen for i in range(a, b + 1)}
        kept = "".join(t.text_with_ws for t in doc if t.i not in drop)
        kept = re.sub(r"\s+([,.;:])", r"\1", re.sub(r",\s*,", ",", kept)).strip(" ,")
        kept = re.sub(r"^,\s*", "", kept)
        clean = kept[:1].isalpha() and kept.count('"') % 2 == 0 and kept[-1:] in ".!?"
        if clean and kept != text and len(kept.split()) >= 4 and kept.count("“") == kept.count("”"):
            out.append(kept[0].upper() + kept[1:])
    return list(dict.fromkeys(out))
