"""Shorter candidate sentences that still say only what their sources say.

Multi-News-style references are short abstracts: an extractive summary spends words on asides that a
reader of the summary does not need. Each cut removes material whose removal leaves the rest of the
sentence exactly as true and still a whole sentence, so the selection can fit one more fact:

- ``parenthetical``: a bracketed aside ("(AP)", "(pictured)", "[sic]");
- ``relative``: a non-restrictive relative clause set off by a comma (", who ...,", ", which ...");
  a restrictive one (no comma, or "that") picks out which thing is meant and stays;
- ``appositive``: a descriptive noun phrase set off by commas (", a 45-year-old teacher,"), when
  it opens with a determiner or possessive and its head is a common noun: a name in apposition
  ("his lawyer, John Fuller,") is who is meant and stays;
- ``connective``: an opening discourse word that points outside the summary ("However,", "But").

A cut never touches words inside quotation marks, an attribution (a reporting verb), a negation,
a figure or a name (two capitalised words in a row), and it is undone when what is left is not a
whole sentence (a capital, the main verb and its subject kept, closing punctuation, quotation marks
balanced) or no longer stands in the outlet's own voice. On the Multi-News dev stories no cut type
moved ROUGE beyond noise, so `SummaryParams.shorten` is empty by default (docs/summary-eval.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from newsprism.align import Alignment
from newsprism.analysis.readable import balanced_quotes, ends_cleanly, starts_cleanly
from newsprism.analysis.summary_pool import Pool, with_variants
from newsprism.analysis.summary_voice import Voices
from newsprism.analysis.voice import own_voice, quote_spans
from newsprism.errors import NewsprismError
from newsprism.text.nlp import parse

CUTS = ("parenthetical", "relative", "appositive", "connective")
_BRACKETED = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])")
_CONNECTIVE = re.compile(
    r"^(?:(?:However|Meanwhile|Also|In addition|Additionally|Moreover|Furthermore|Still|Yet|So"
    r"|Nevertheless|Nonetheless|Indeed|Besides|Separately|Instead)\s*,|But|And)\s+(?=[\w\"“$£€])"
)
_REPORTING = re.compile(
    r"\b(?:said|says|say|saying|told|tells|tell|wrote|writes|stated|states|added|adds|according"
    r"|claimed|claims|alleged|alleges|reported|reports|announced|announces|noted|notes|asked"
    r"|tweeted|posted|insisted|argued|warned|confirmed|denied|explained|testified|acknowledged)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:not|never|no|none|nobody|nothing|neither|nor|without)\b|n['’]t\b", re.I
)
_FIGURE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty"
    r"|fifty|hundred|thousand|million|billion|trillion|dozen|half|once|twice)\b",
    re.IGNORECASE,
)
_NAME = re.compile(r"\b[A-Z][\w'’.-]*\s+[A-Z][\w'’-]*")
_RELATIVE = frozenset(["who", "whom", "whose", "which", "where"])
_FINITE = frozenset(["VBD", "VBZ", "VBP", "MD"])
_SUBJECTS = frozenset(["nsubj", "nsubjpass", "expl", "csubj"])
_OPENERS = frozenset(["DET", "PRON"])  # 'a', 'the', 'his': a described thing, not a name or list

Span = tuple[int, int]


def cut_names(spec: str) -> frozenset[str]:
    """The cut types a knob's text names (space or comma separated); unknown names refused."""
    names = frozenset(w for w in re.split(r"[\s,]+", spec) if w)
    unknown = sorted(names - set(CUTS))
    if unknown:
        detail = f"unknown summary 'shorten' cut(s): {', '.join(unknown)}; known: {', '.join(CUTS)}"
        raise NewsprismError("option-invalid", detail=detail)
    return names


def shorten_all(texts: Sequence[str], cuts: frozenset[str]) -> list[str]:
    """Each text shortened (or as it is); the texts that may change are parsed in one pass."""
    if not cuts:
        return list(texts)
    needs_parse = cuts & {"relative", "appositive"}
    wanted = [t for t in texts if needs_parse and "," in t]
    docs = dict(zip(wanted, parse(wanted), strict=True)) if wanted else {}
    return [shorten(t, cuts, docs.get(t)) for t in texts]


def shorten(text: str, cuts: frozenset[str], doc: Any | None = None) -> str:
    """The sentence with the named cuts made where they are safe; the text itself otherwise."""
    protected = quote_spans(text)
    spans: list[Span] = []
    if "parenthetical" in cuts:
        spans += [(m.start(), m.end()) for m in _BRACKETED.finditer(text) if m.start() > 0]
    if cuts & {"relative", "appositive"} and "," in text:
        doc = doc if doc is not None else parse([text])[0]
        if not _whole(doc, []):
            return text
        spans += _clauses(doc, cuts)
    spans = [s for s in spans if _safe(text, s, protected)]
    out = _remove(text, spans)
    if "connective" in cuts:
        out = _drop_connective(out)
    if out == text or not _reads_whole(out):
        return text
    if doc is not None and spans and not _whole(doc, spans):
        return text
    return out


def _safe(text: str, span: Span, protected: Iterable[Span]) -> bool:
    """Outside every quotation, and no attribution, negation, figure, quotation mark or name
    (two capitalised words in a row: 'Vivien Leigh', 'Simon Anholt') in it."""
    a, b = span
    if any(a < qb and qa < b for qa, qb in protected):
        return False
    piece = text[a:b]
    return not (
        _REPORTING.search(piece)
        or _NEGATION.search(piece)
        or _FIGURE.search(piece)
        or re.search(r"[\"“”]", piece)
        or _NAME.search(piece)
    )


def _clauses(doc: Any, cuts: frozenset[str]) -> list[Span]:
    """Character spans of comma-bounded relative clauses and descriptive appositives, each with
    the comma before it (and the one after it when it describes a subject)."""
    out = []
    for token in doc:
        if token.dep_ == "relcl" and "relative" in cuts:
            first = doc[token.left_edge.i]
            if first.lower_ not in _RELATIVE:
                continue
        elif token.dep_ == "appos" and "appositive" in cuts:
            first = doc[token.left_edge.i]
            if token.pos_ != "NOUN" or first.pos_ not in _OPENERS or first.lower_ in _RELATIVE:
                continue
            if any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in token.subtree):
                continue
        else:
            continue
        span = _bounded(doc, token)
        if span is not None:
            out.append(span)
    return _outermost(out)


def _bounded(doc: Any, token: Any) -> Span | None:
    """The clause's span with its commas, when a comma opens it and a comma, the sentence's end
    or closing punctuation closes it; None when it is not set off that way."""
    left, right = token.left_edge.i, token.right_edge.i
    if left == 0 or doc[left - 1].text != ",":
        return None
    start = doc[left - 1].idx
    end = doc[right].idx + len(doc[right].text)
    after = doc[right + 1] if right + 1 < len(doc) else None
    if after is not None and after.text == ",":
        return start, after.idx + len(after.text) if _in_subject(token.head) else end
    if after is None or after.text in {".", "!", "?", ";", ":"}:
        return start, end
    return None


def _in_subject(anchor: Any) -> bool:
    """The clause describes (a noun within) a subject: 'Ada Vrell, the engineer, said ...' loses
    both commas. Elsewhere the closing comma stays, since what follows it may be another aside
    ('in Las Vegas, where ..., featuring ...' must not become 'Las Vegas featuring')."""
    token = anchor
    while token.pos_ not in {"VERB", "AUX"} and token.head is not token:
        if token.dep_ in {"nsubj", "nsubjpass"}:
            return True
        token = token.head
    return False


def _outermost(spans: list[Span]) -> list[Span]:
    """Drop spans nested inside another one."""
    spans = sorted(set(spans), key=lambda s: (s[0], -s[1]))
    out: list[Span] = []
    for a, b in spans:
        if out and a < out[-1][1]:
            continue
        out.append((a, b))
    return out


def _remove(text: str, spans: list[Span]) -> str:
    out, at = [], 0
    for a, b in sorted(spans):
        if a < at:
            continue
        out.append(text[at:a])
        at = b
    out.append(text[at:])
    return re.sub(r"\s{2,}", " ", "".join(out)).strip()


def _drop_connective(text: str) -> str:
    match = _CONNECTIVE.match(text)
    if match is None:
        return text
    rest = text[match.end() :]
    word = rest.split(" ", 1)[0]
    if any(c.isupper() for c in word[1:]):  # 'eBay', 'iPhone': no safe capital
        return text
    return rest[:1].upper() + rest[1:]


def _reads_whole(text: str) -> bool:
    return starts_cleanly(text) and ends_cleanly(text) and balanced_quotes(text)


def _whole(doc: Any, spans: list[Span]) -> bool:
    """The first sentence's main verb is finite (or has a finite auxiliary) and it and its subject
    lie outside the cut spans."""
    sents = list(doc.sents)
    if not sents:
        return False
    root = sents[0].root

    def kept(t: Any) -> bool:
        return not any(a <= t.idx < b for a, b in spans)

    finite = root.tag_ in _FINITE or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in _FINITE for c in root.children
    )
    subject = [c for c in root.children if c.dep_ in _SUBJECTS]
    return finite and kept(root) and bool(subject) and all(kept(s) for s in subject)


SHORTLIST = 150  # candidates, best first-step gain first, that the cuts are tried on


def with_shortened(al: Alignment, pool: Pool, voice: Voices, cuts: frozenset[str],
                   gain: np.ndarray) -> tuple[Pool, dict[int, str]]:  # fmt: skip
    """The pool with a shortened variant beside each of its SHORTLIST most promising candidates
    (by first-step `gain`) that a cut applies to, and the variants' texts (new row -> text). The
    selection takes the shorter one where what the cut leaves out is worth less than the words it
    frees; a bounded shortlist keeps the parsing cost constant however large the story."""
    best = np.argsort(-gain, kind="stable")[:SHORTLIST]
    short = shortened_rows(al, voice, (int(pool.index[k]) for k in best), cuts)
    changed = {int(k): short[int(pool.index[k])] for k in best if int(pool.index[k]) in short}
    return with_variants(pool, changed)


def shortened_rows(
    al: Alignment, voice: Voices, rows: Iterable[int], cuts: frozenset[str]
) -> dict[int, str]:
    """Alignment row -> its shortened text, for the rows shown in their outlet's own words as
    printed (no restored quotation mark, no restored boundaries), when a cut applies and the
    shorter text still stands in the tool's voice."""
    rows = [
        r
        for r in dict.fromkeys(rows)
        if r in voice.own and r not in voice.reopened and not al.sentences[r].repaired
    ]
    texts = shorten_all([al.sentences[r].text for r in rows], cuts)
    out = {}
    for r, text in zip(rows, texts, strict=True):
        sentence = al.sentences[r]
        if text != sentence.text and own_voice(sentence.model_copy(update={"text": text}),
                                                set(), voice.printed):  # fmt: skip
            out[r] = text
    return out
