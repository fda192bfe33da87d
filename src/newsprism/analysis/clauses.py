"""Claims inside a sentence: shorter statements that are true whenever the sentence is.

Outlets rarely repeat a whole sentence, but they often share one of its claims: 'Stone was
convicted in November on seven counts of obstruction ...' and 'Stone, who was found guilty of seven
counts, ...' share 'Stone was convicted on seven counts'. A claim keeps the sentence's own words in
order and drops only parts whose loss the kept text still implies:

- another clause joined by 'and'/'but' (each conjunct of a positive statement holds on its own);
- a non-restrictive relative clause, or the claim it makes about its antecedent
  ('X, who was found guilty ...' -> 'X was found guilty ...');
- circumstances of the verb ('in November', 'within hours') and the 'of'/'in' complements of an
  object ('seven counts of obstruction' -> 'seven counts'), an apposition to a name.

Negated, modal, conditional and questioned sentences are only cut at clause boundaries, never
thinned: dropping words under a negation or a modal can turn a true text false.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from newsprism.analysis.support import bare, doc_of, figures
from newsprism.text.terms import content_stems, words

MIN_CLAIM_WORDS = 5
_NEGATION = re.compile(r"\b(?:not|never|no|none|nor|without|neither)\b|n't|n’t", re.IGNORECASE)
# Lower case only: 'May' is also a month.
_HEDGED = re.compile(
    r"\b(?:may|might|could|would|should|must|if|unless|whether|only|few|little)\b"
    r"|^\W*(?:If|Unless|Whether|Only|Few)\b"
)
_REPORTING = frozenset(["say", "tell", "add", "report", "state", "write", "announce", "confirm"])
_VERB_ADJUNCTS = frozenset({"prep", "npadvmod", "advcl", "advmod"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Nouns that only measure or select what their 'of' complement names: '30 percent of voters' says
# nothing once 'of voters' is gone.
_MEASURE_NOUNS = frozenset(
    [
        "percent",
        "per",
        "cent",
        "number",
        "majority",
        "minority",
        "part",
        "half",
        "rest",
        "lot",
        "lots",
        "bulk",
        "share",
        "fraction",
        "portion",
        "most",
        "some",
        "all",
        "none",
        "any",
        "each",
        "group",
        "kind",
        "sort",
        "type",
        "amount",
        "total",
        "couple",
        "dozen",
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "series",
        "pair",
        "member",
        "members",
    ]
)
# Words heading a part that carries the claim's truth, degree, source or role ('not', 'only',
# 'nearly', 'according to', 'regarded as'); the part is never dropped.
_KEEP_ADVERBS = frozenset(
    [
        "not",
        "never",
        "no",
        "only",
        "nearly",
        "almost",
        "about",
        "around",
        "roughly",
        "just",
        "still",
        "already",
        "also",
        "again",
        "allegedly",
        "reportedly",
        "apparently",
        "according",
        "as",
    ]
)


def claims(text: str, other: str) -> list[str]:
    """Claims of ``text`` fitted to ``other``: each clause without the parts ``other`` does not
    state (see the module docstring), in ``text``'s own words; the whole sentence excluded."""
    parsed = _structure(text)
    if parsed is None:
        return []
    doc, clauses, _thin = parsed
    theirs = _terms(other)
    out = []
    for head, keep, spans in clauses:
        if head.dep_ != "relcl" and not any(
            doc[i].dep_ in _SUBJECTS | {"expl", "csubj"} for i in keep
        ):
            continue  # a verb phrase without its subject is no claim
        dropped: set[int] = set()
        for span in sorted(spans, key=len):  # inner parts first, then what is left around them
            if not _stated(doc, span - dropped, theirs):
                dropped |= span
        rendered = render(doc, keep - dropped)
        if rendered and rendered != text.strip():
            out.append(rendered)
    return list(dict.fromkeys(out))


@lru_cache(maxsize=4096)
def _structure(text: str) -> tuple[Any, list[tuple[Any, set[int], list[set[int]]]], bool] | None:
    """(parse, clauses as (head, token ids, droppable spans), whether parts may be dropped)."""
    doc = doc_of(text)
    sents = list(doc.sents)
    if len(sents) != 1 or text.rstrip(" \"'”’)").endswith("?"):
        return None
    root = sents[0].root
    if root.pos_ not in {"VERB", "AUX"}:
        return None
    thin = not _NEGATION.search(text) and not _HEDGED.search(text)
    clauses = []
    for head, keep in _clauses(doc, root):
        keep = keep - {i for i in keep if doc[i].dep_ == "punct" and i == max(keep)}
        clauses.append((head, keep, _droppable(doc, head, keep) if thin else []))
    return doc, clauses, thin


@lru_cache(maxsize=1 << 16)
def _terms(text: str) -> frozenset[str]:
    """Content stems and five-letter word prefixes of a text (asked of each partner many times)."""
    stems = set(content_stems(text)) | figures(text)
    return frozenset(stems | {w[:5] for w in words(text) if len(w) >= 5})


def _stated(doc: Any, span: set[int], theirs: frozenset[str]) -> bool:
    """The other text states most of a span's content words."""
    text = " ".join(doc[i].text for i in sorted(span))
    mine = set(content_stems(text)) | set(figures(text))
    if not mine:
        return True
    hits = sum(1 for w in mine if w in theirs or w[:5] in theirs)
    return 2 * hits >= len(mine) if len(mine) <= 2 else 3 * hits >= 2 * len(mine)


def _subtree(token: Any) -> set[int]:
    return {t.i for t in token.subtree}


def _clauses(doc: Any, root: Any) -> list[tuple[Any, set[int]]]:
    """(head verb, token ids) of each clause: the main one, each conjoined clause or verb phrase
    (a shared subject copied in), each non-restrictive relative clause on its antecedent."""
    conjuncts = [
        c for c in root.children
        if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and _after_conjunction(doc, c)
        and _ends_at_break(doc, _subtree(c))
    ]  # fmt: skip
    relatives = [
        t for t in doc
        if t.dep_ == "relcl" and _non_restrictive(doc, t) and _ends_at_break(doc, _subtree(t))
    ]  # fmt: skip
    main = _subtree(root)
    for c in conjuncts:
        main -= _subtree(c)
        main -= {t.i for t in root.children if t.dep_ == "cc" and t.i < c.i}
    for r in relatives:
        main -= _with_commas(doc, _subtree(r))
    out = [(root, main)]
    subject = [t for t in root.children if t.dep_ in _SUBJECTS]
    for c in conjuncts:
        own = _subtree(c) - {t.i for r in relatives for t in r.subtree}
        if not any(t.dep_ in _SUBJECTS for t in c.children):
            if not subject:
                continue
            own |= _subtree(subject[0]) - {t.i for r in relatives for t in r.subtree}
        out.append((c, own))
    for r in relatives:
        claim = _relative_claim(r)
        if claim:
            out.append((r, claim))
    return out


_BREAKS = frozenset({",", ".", ";", ":", "!", "?", "—", "–"})
# Traces of a cut that went wrong: a conjunction left before punctuation or at an end, two commas.
_BROKEN = re.compile(
    r"\b(?:and|or|but|nor)\s*[,.;:]|,\s*(?:and|or|but)\s*,|,\s*,|^\W*(?:and|or|but)\b"
)


def _ends_at_break(doc: Any, span: set[int]) -> bool:
    """A run of words followed by a comma, a stop or the end: its own part of the sentence."""
    lo, hi = min(span), max(span)
    return len(span) == hi - lo + 1 and (hi + 1 >= len(doc) or doc[hi + 1].text in _BREAKS)


def reads_as_sentence(text: str) -> bool:
    """A claim parses as one sentence whose verb has a subject, with no trace of a bad cut and no
    dangling last word ('shown in this.')."""
    parsed = _structure(text)
    if parsed is None or _BROKEN.search(text):
        return False
    doc = parsed[0]
    root = next(iter(doc.sents)).root
    if any(c.dep_ == "mark" for c in root.children):
        return False  # a subordinate clause ('Since X would testify.')
    words = [t for t in doc if not t.is_punct]
    if not words or words[-1].pos_ in {"ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX", "PART"}:
        return False
    return any(c.dep_ in _SUBJECTS | {"expl", "csubj"} for c in root.children)


def main_verb(text: str) -> str | None:
    """Lemma of the verb a claim asserts (under a reporting verb, the reported one); None for
    'be'/'have' or no verb."""
    parsed = _structure(text)
    if parsed is None:
        return None
    root = next(iter(parsed[0].sents)).root
    if root.lemma_ in _REPORTING:
        said = [c for c in root.children if c.dep_ in {"ccomp", "xcomp"} and c.pos_ == "VERB"]
        root = said[0] if said else root
    return None if root.lemma_ in {"be", "have"} or root.pos_ != "VERB" else root.lemma_.lower()


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def clause_verbs(text: str) -> list[str]:
    """Lemmas of the finite verbs heading a claim's adverbial clauses ('walk' of 'As Smith walked
    away, he was shot'): each states an event of its own, besides the main verb. A purpose
    ('wanted to meet to discuss the offer') is not one: it names no event that happened."""
    parsed = _structure(text)
    if parsed is None:
        return []
    return [
        t.lemma_.lower() for t in parsed[0]
        if t.dep_ == "advcl" and t.pos_ == "VERB" and t.tag_ in _FINITE_TAGS
        and t.lemma_ not in {"be", "have", "do"}
    ]  # fmt: skip


def _after_conjunction(doc: Any, conj: Any) -> bool:
    """A conjoined clause the parser did not invent: 'and'/'but' (after an optional comma) right
    before it."""
    before = [t for t in doc[max(0, conj.left_edge.i - 2) : conj.left_edge.i] if t.text != ","]
    return bool(before) and before[-1].dep_ == "cc"


def _non_restrictive(doc: Any, relcl: Any) -> bool:
    """'X, who ...': a comma right before the clause, whose relative pronoun is its subject."""
    first = relcl.left_edge
    pronoun = [t for t in relcl.children if t.dep_ in _SUBJECTS and t.tag_ in {"WP", "WDT"}]
    return bool(pronoun) and first.i > 0 and doc[first.i - 1].text == "," and first == pronoun[0]


def _relative_claim(relcl: Any) -> set[int] | None:
    """'Roger Stone, who was found guilty of seven counts' -> 'Roger Stone was found guilty ...':
    the antecedent (a name) without its other modifiers, then the clause without its pronoun."""
    antecedent = relcl.head
    if antecedent.pos_ != "PROPN":
        return None
    name = {antecedent.i}
    while min(name) > 0 and antecedent.doc[min(name) - 1].pos_ == "PROPN":
        name.add(min(name) - 1)
    body = {t.i for t in relcl.subtree if not (t.dep_ in _SUBJECTS and t.tag_ in {"WP", "WDT"})}
    return name | body


def _droppable(doc: Any, head: Any, keep: set[int]) -> list[set[int]]:
    """Parts of a clause whose loss its remaining text implies, and whose removal leaves the rest
    joined as it was (what follows the part is punctuation or another part of the verb)."""
    verbs = [head, *(c for c in head.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"})]
    verbs = [
        v for v in verbs if v.lemma_ != "be"
    ]  # 'was there for a trial': the place is the claim
    spans = [
        (verb, _subtree(c) & keep)
        for verb in verbs for c in verb.children
        if c.i in keep and c.dep_ in _VERB_ADJUNCTS and c.lower_ not in _KEEP_ADVERBS
        and not _holds_verb(c, verb) and not (c.dep_ == "prep" and bare(verb))
    ]  # fmt: skip
    for t in doc:
        if t.i not in keep:
            continue
        if t.dep_ == "prep" and t.head.pos_ == "NOUN" and _loose_complement(t):
            spans.append((t.head, _with_list(doc, t) & keep))
        elif (
            t.dep_ == "appos" and t.left_edge.i > 0 and doc[t.left_edge.i - 1].text == ","
            and not any(c.dep_ == "prep" and c.i < t.i for c in t.head.children)
        ):  # fmt: skip
            spans.append((t.head, _with_commas(doc, _subtree(t)) & keep))
    return [
        s for verb, s in spans
        if s and _detachable(doc, verb, s, keep) and not _attributes(doc, s)
    ]  # fmt: skip


def _attributes(doc: Any, span: set[int]) -> bool:
    """The part says whose claim this is ('according to police', 'as officials said'): without it
    the claim would be stated in the tool's own voice."""
    return any(doc[i].lower_ == "according" or doc[i].lemma_ in _REPORTING for i in span)


def _detachable(doc: Any, head: Any, span: set[int], keep: set[int]) -> bool:
    """The span is one run of words, and the word after it is punctuation, the end, or starts
    another part of the same verb: dropping it does not glue two unrelated pieces together."""
    lo, hi = min(span), max(span)
    if len(span) != hi - lo + 1:
        return False
    after = [i for i in keep if i > hi]
    if not after:
        return True
    nxt = doc[min(after)]
    if nxt.text in _BREAKS or nxt.dep_ == "cc":
        return True
    if nxt.left_edge == nxt and (
        (nxt.head == head and nxt.dep_ in _VERB_ADJUNCTS) or nxt.dep_ == "appos"
    ):
        return True
    # the next word opens another circumstance of the verb, whose head comes later ('in the
    # block | about 11 a.m.': 'about' hangs on '11', the circumstance on the verb)
    part = next((c for c in head.children if c.left_edge == nxt), None)
    return part is not None and part.dep_ in _VERB_ADJUNCTS


def _loose_complement(prep: Any) -> bool:
    """'of'/'in' after a counted noun that is not a measure ('seven counts of fraud', 'seven
    years in prison'): the count still says something without it. Not after other nouns ('on
    suspicion of murder', 'the course of the probe' say nothing without it)."""
    noun = prep.head
    if noun.lower_ in _MEASURE_NOUNS or noun.dep_ in _SUBJECTS or noun.head.dep_ in _SUBJECTS:
        return False
    if any(c.dep_ == "conj" for c in noun.children):
        return False  # 'seven counts of A, B and C': the list would lose its head
    return prep.lower_ in {"of", "in"} and any(c.dep_ == "nummod" for c in noun.children)


def _with_list(doc: Any, prep: Any) -> set[int]:
    """A noun's complement with the list items the parser hung on the noun after it ('counts of
    A, B, and C'): they belong to the complement, and go with it."""
    span = _subtree(prep)
    for c in prep.head.children:
        if c.i > prep.i and c.dep_ in {"appos", "conj"}:
            span |= _subtree(c)
    lo, hi = min(span), max(span)
    return span | {i for i in range(lo, hi + 1) if doc[i].is_punct or doc[i].dep_ == "cc"}


def _holds_verb(token: Any, head: Any) -> bool:
    return any(t.pos_ == "VERB" and t.dep_ == "conj" and t.head == head for t in token.subtree)


def _with_commas(doc: Any, span: set[int]) -> set[int]:
    """A parenthetical with the commas around it."""
    lo, hi = min(span), max(span)
    extra = {i for i in (lo - 1, hi + 1) if 0 <= i < len(doc) and doc[i].text == ","}
    return span | extra


def render(doc: Any, keep: set[int]) -> str | None:
    """The kept tokens as a sentence, or None when they do not read as one (no verb, too short,
    unbalanced quotes)."""
    tokens = [t for t in doc if t.i in keep]
    if not any(t.pos_ in {"VERB", "AUX"} for t in tokens):
        return None
    text = "".join(
        t.text + (" " if t.whitespace_ or (t.i + 1 not in keep) else "") for t in tokens
    ).strip()
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"[,;:]+\s*([.!?])", r"\1", text)
    text = re.sub(r"^[\W_]+(?=\w)", "", text).rstrip(" ,;:—-")
    text = re.sub(r"\s{2,}", " ", text)
    if not text or not text[0].isalnum():
        return None
    if text[-1] not in ".!?\"”’'":
        text += "."
    if (
        len(text.split()) < MIN_CLAIM_WORDS
        or text.count('"') % 2
        or text.count("“") != text.count("”")
    ):
        return None
    return text[0].upper() + text[1:]
