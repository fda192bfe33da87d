"""Find quotations in one article: quote marks, block quotes, and (for degraded text) siblings.

* Every convention is read: straight and curly double quotes (paired in order inside a paragraph; an
  unclosed one runs to the paragraph end, the convention for quotes that continue in the next
  paragraph), ``wire/LaTeX'' marks, « guillemets », and single quotes ‘…’ or '…' where they are
  safely bounded: opening after a space or bracket, closing before a space or punctuation, never
  between two letters (an apostrophe), with no double quotation around them.
* A paragraph ending in a colon introduces a block quote: the next paragraph, and the ones after it
  while they speak in the first person or repeat a sibling's quotation.
* Degraded text has no quote marks: sibling quotations are aligned onto its words by shared
  trigrams on one diagonal, which tolerates partial quotes and small wording changes.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass, field
from functools import lru_cache

from newsprism.analysis.attribution import speaker_from_context
from newsprism.model import Article, Sentence
from newsprism.text.terms import words

MIN_WORDS = 4
_QUOTE_CHARS = re.compile(r"[\"“”«»]|``|''")
_DOUBLE = re.compile(r"[\"“”]")
_PAIRED = [re.compile(r"``(?P<q>.+?)''", re.DOTALL), re.compile(r"«\s?(?P<q>[^«»]+?)\s?»")]
_SINGLE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?P<q>[A-Za-z0-9][^‘’'\"“”]*?(?:[^\s‘'][’']s|[^\s‘'s]))[’']"
    r"(?=$|[\s,.;:!?)\]—–-])"
)
MAX_SINGLE_WORDS = 60
STRIP = " ,\"“”‘’'`«»"

_FIRST_PERSON = re.compile(r"\b(?:we|our|us|i|my|me)\b", re.IGNORECASE)
_INTRO = re.compile(r":\s*[\"“”]?\s*$")
_CLAUSE = re.compile(r",\s+(?:and|but)\s+|;\s+|\s*(?:…|\.\.\.+)\s*")
_ENDS = re.compile(r"[.]\s*$")
_CONTINUES = re.compile(r"\s*[,a-z]")
_CLITIC = {"s", "t", "ll", "re", "ve", "d", "m"}


@dataclass
class Segment:
    """The part of one quotation that lies in one sentence (or one degraded span)."""

    article: int
    text: str
    citations: list[str]
    tokens: list[str]
    quote: int  # index of the quotation it belongs to, per article
    source: str = ""  # the paragraph the text was cut from, when known: contiguous pieces rejoin
    start: int = -1  # where ``text`` lies in ``source``
    end: int = -1


@dataclass
class QuoteSpan:
    article: int
    text: str
    citations: list[str]
    speaker: str | None
    intro: str | None = None  # sentence introducing a block quote, for subject fallback
    share: float = 1.0  # how much of its sentences the quotation fills

    @property
    def whole(self) -> bool:
        """The quotation is its whole sentence(s): a continuation of the previous one."""
        return self.share >= 0.8

    segments: list[Segment] = field(default_factory=list)


def tokens(text: str) -> list[str]:
    """Comparison tokens: lower-case words, clitics split off by degradation dropped."""
    return list(_tokens(text))


@lru_cache(maxsize=1 << 19)
def _tokens(text: str) -> tuple[str, ...]:
    """Cached: a big story's sentences are tokenised by several passes (probes, echoes)."""
    return tuple(w.split("'")[0] for w in words(text) if w not in _CLITIC)


def _paragraphs(article: Article) -> list[list[Sentence]]:
    paras: dict[int, list[Sentence]] = {}
    for s in article.sentences:
        paras.setdefault(s.paragraph, []).append(s)
    return [paras[k] for k in sorted(paras)]


def _joined(sentences: list[Sentence]) -> tuple[str, list[tuple[int, int, Sentence]]]:
    text, spans, pos = "", [], 0
    for s in sentences:
        if text:
            text += " "
            pos += 1
        spans.append((pos, pos + len(s.text), s))
        text += s.text
        pos += len(s.text)
    return text, spans


def fragment_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of a quoted sentence ('..., and ...', ';', ellipses); a short
    clause is widened to take in the next one, so every fragment is a verbatim slice of ``text``.

    Outlets often quote one clause of a longer statement, so clauses are what gets matched.
    """
    out: list[tuple[int, int]] = []
    carry: int | None = None  # start of a short clause waiting for the next one
    pos = 0
    for cut in [*_CLAUSE.finditer(text), None]:
        lo, hi = _stripped(text, pos, cut.start() if cut else len(text))
        pos = cut.end() if cut else len(text)
        if hi <= lo:
            continue
        start = lo if carry is None else carry
        if len(text[start:hi].split()) < MIN_WORDS:
            carry = start
            continue
        out.append((start, hi))
        carry = None
    if carry is not None:
        end = _stripped(text, carry, len(text))[1]
        out = [*out[:-1], (out[-1][0], end)] if out else [(carry, end)]
    return out


def _stripped(text: str, lo: int, hi: int) -> tuple[int, int]:
    """``lo, hi`` narrowed past surrounding space and quote marks."""
    while lo < hi and text[lo] in STRIP:
        lo += 1
    while hi > lo and text[hi - 1] in STRIP:
        hi -= 1
    return lo, hi


def fragments(text: str) -> list[str]:
    """The clauses of a quoted sentence as written (see ``fragment_spans``)."""
    return [text[a:b] for a, b in fragment_spans(text)]


def _cut(k: int, q: int, text: str, start: int, end: int, spans: list[tuple[int, int, Sentence]]
         ) -> list[Segment]:  # fmt: skip
    out = []
    for s_start, s_end, sentence in spans:
        lo, hi = _stripped(text, max(start, s_start), min(end, s_end))
        if hi > lo and len(text[lo:hi].split()) >= 2:
            for a, b in fragment_spans(text[lo:hi]):
                fragment = text[lo + a : lo + b]
                out.append(Segment(k, fragment, [sentence.id], tokens(fragment), q,
                                   source=text, start=lo + a, end=lo + b))  # fmt: skip
    return out


def quote_pairs(text: str) -> list[tuple[int, int, int, int]]:
    """(open, inner start, inner end, close end) of each quotation, in every convention."""
    found: list[tuple[int, int, int, int]] = []
    for pattern in _PAIRED:
        found += [(m.start(), m.start("q"), m.end("q"), m.end()) for m in pattern.finditer(text)]
    taken = [(a, d) for a, _, _, d in found]
    marks = [m.start() for m in _DOUBLE.finditer(text) if not _inside(m.start(), taken)]
    pairs = list(zip(marks[0::2], marks[1::2], strict=False))
    if len(marks) % 2:
        pairs.append((marks[-1], len(text)))
    found += [(a, a + 1, b, min(b + 1, len(text))) for a, b in pairs]
    taken = [(a, d) for a, _, _, d in found]
    for m in _SINGLE.finditer(text):
        if not _inside(m.start(), taken) and len(m.group("q").split()) <= MAX_SINGLE_WORDS:
            found.append((m.start(), m.start("q"), m.end("q"), m.end()))
    return sorted(found)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def marked_quotes(k: int, article: Article, first: int = 0) -> list[QuoteSpan]:
    """Quotations inside quote marks, paragraph by paragraph, with their speakers."""
    out: list[QuoteSpan] = []
    for para in _paragraphs(article):
        text, spans = _joined(para)
        for start, lo, hi, stop in quote_pairs(text):
            end = hi
            inner = text[lo:hi].strip()
            if len(inner.split()) < MIN_WORDS:
                continue
            before = text[max(0, start - 160) : start]
            after = text[stop : stop + 160]
            cites = [s.id for a, b, s in spans if a < end and start < b]
            ends = _ENDS.search(inner) is not None and not _CONTINUES.match(after)
            span = QuoteSpan(k, inner, cites, speaker_from_context(before, after, ends))
            span.share = len(inner) / max(1, sum(b - a for a, b, s in spans if s.id in cites))
            span.segments = _cut(k, first + len(out), text, lo, hi, spans)
            out.append(span)
    return out


def block_quotes(k: int, article: Article, sibling_tokens: Container[tuple[str, ...]], first: int = 0
                 ) -> list[QuoteSpan]:  # fmt: skip
    """Paragraphs set off after an introducing colon, e.g. 'The statement reads:'."""
    out: list[QuoteSpan] = []
    paras = _paragraphs(article)
    for i, para in enumerate(paras[:-1]):
        intro = para[-1].text
        if not _INTRO.search(intro):
            continue
        for j, block in enumerate(paras[i + 1 :]):
            text, spans = _joined(block)
            if _QUOTE_CHARS.search(text) or _INTRO.search(text):
                break
            if j and not (_FIRST_PERSON.search(text) or _echoes(text, sibling_tokens)):
                break
            speaker = speaker_from_context(intro.rstrip(' :"“”'), "", ends_clause=True)
            span = QuoteSpan(k, text, [s.id for s in block], speaker, intro=intro)
            span.segments = _cut(k, first + len(out), text, 0, len(text), spans)
            out.append(span)
    return out


def _echoes(text: str, sibling_trigrams: Container[tuple[str, ...]], share: float = 0.5) -> bool:
    grams = trigrams(tokens(text))
    return bool(grams) and sum(g in sibling_trigrams for g in grams) >= share * len(grams)


def trigrams(toks: list[str]) -> set[tuple[str, ...]]:
    return {tuple(toks[i : i + 3]) for i in range(len(toks) - 2)}


ECHO_MIN_TOKENS = 6


def echo_quotes(k: int, article: Article, probes: list[Segment], first: int = 0
                ) -> list[QuoteSpan]:  # fmt: skip
    """Another outlet's quotation repeated word for word without marks: a reprinted statement or
    letter, or a release quoted as reporting. Only sentences with no quotation of their own are
    searched, and the shown text is the article's own wording."""
    plain = [s for s in article.sentences if not quote_pairs(s.text)]
    long_probes = [p for p in probes if len(p.tokens) >= ECHO_MIN_TOKENS]
    spans = degraded_quotes(k, article, long_probes, first, plain)
    text_of = {s.id: s.text for s in plain}
    for span in spans:
        joined = " ".join(text_of[c] for c in span.citations)
        found = _original(joined, span.text.split())
        if found:
            span.text = joined[found[0] : found[1]]
            for seg in span.segments:
                seg.text = span.text
            before, after = joined[: found[0]], joined[found[1] :]
            span.speaker = speaker_from_context(before[-160:], after[:160])  # as written
        span.share = len(span.text) / max(1, sum(len(text_of[c]) for c in span.citations))
    return spans


_NON_WORD_RUN = re.compile(r"\W+")
_WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=65536)
def _literal(token: str) -> re.Pattern[str]:
    """One token as a case-blind literal: compiled once per word, not once per quotation."""
    return re.compile(re.escape(token), re.IGNORECASE)


def _original(text: str, toks: list[str]) -> tuple[int, int] | None:
    """(start, end) of the first stretch of ``text`` whose words are ``toks`` in order, as written
    (case and punctuation kept), one extra word allowed between two of them.

    It finds exactly what ``re.search`` of the tokens joined by ``\\W+(?:\\w+\\W+)?`` (ignoring
    case) finds, trying the same alternatives in the same order, but compiles each token once:
    compiling one long pattern per quotation took most of a big story's quotes stage."""
    if not toks:
        return (0, 0)
    literals = [_literal(t) for t in toks]
    start = literals[0].search(text)
    while start is not None:
        end = _match_at(text, literals, start.start())
        if end is not None:
            return start.start(), end
        start = literals[0].search(text, start.start() + 1)
    return None


def _match_at(text: str, literals: list[re.Pattern[str]], at: int) -> int | None:
    """End of the joined pattern matched from ``at``: a depth-first search over the same choices
    as the regex engine's backtracking (longest gap first, the optional word before none)."""
    last = len(literals) - 1
    stack = [(0, at)]
    while stack:
        i, pos = stack.pop()
        found = literals[i].match(text, pos)
        if found is None:
            continue
        if i == last:
            return found.end()
        gap = _NON_WORD_RUN.match(text, found.end())
        if gap is None:
            continue
        choices = []  # in the engine's order of preference
        word = _WORD_RUN.match(text, gap.end())
        after = _NON_WORD_RUN.match(text, word.end()) if word else None
        if after is not None:
            choices += [(i + 1, q) for q in range(after.end(), after.start(), -1)]
        choices += [(i + 1, q) for q in range(gap.end(), gap.start(), -1)]
        stack += reversed(choices)
    return None


def degraded_quotes(k: int, article: Article, probes: list[Segment], first: int = 0,
                    sentences: list[Sentence] | None = None) -> list[QuoteSpan]:  # fmt: skip
    """Sibling quotations located in text that lost its quote marks."""
    chosen = article.sentences if sentences is None else sentences
    stream: list[tuple[str, str]] = [(t, s.id) for s in chosen for t in tokens(s.text)]
    index: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(stream) - 2):
        index.setdefault(tuple(w for w, _ in stream[i : i + 3]), []).append(i)
    hits = [h for p in probes if (h := _locate(p.tokens, index)) is not None]
    merged: list[list[int]] = []
    for lo, hi in sorted(hits):
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    merged = _unbroken(merged, stream, article)
    out = []
    all_words = [w for w, _ in stream]
    text_of = {s.id: s.text for s in chosen}
    for q, (lo, hi) in enumerate(merged):
        cites = list(dict.fromkeys(sid for _, sid in stream[lo:hi]))
        joined = " ".join(text_of[c] for c in cites)
        found = _original(joined, all_words[lo:hi])
        text = joined[found[0] : found[1]] if found else " ".join(all_words[lo:hi])  # as printed
        before, after = " ".join(all_words[max(0, lo - 8) : lo]), " ".join(all_words[hi : hi + 8])
        span = QuoteSpan(k, text, cites, speaker_from_context(before, after, before_first=True))
        span.segments = [Segment(k, text, cites, all_words[lo:hi], first + q)]
        out.append(span)
    return out


def _unbroken(
    spans: list[list[int]], stream: list[tuple[str, str]], article: Article
) -> list[list[int]]:
    """Spans cut where the searched sentences skip some of the article's (a quoted sentence left
    out between them): text joined across that gap is not what the outlet printed."""
    order = {s.id: n for n, s in enumerate(article.sentences)}
    gaps = [
        i for i in range(1, len(stream)) if order[stream[i][1]] - order[stream[i - 1][1]] > 1
    ]  # fmt: skip
    out = []
    for lo, hi in spans:
        cuts = [lo, *(g for g in gaps if lo < g < hi), hi]
        out += [[a, b] for a, b in itertools.pairwise(cuts)]
    return out


def _locate(probe: list[str], index: dict[tuple[str, ...], list[int]]) -> tuple[int, int] | None:
    """Span of the probe in the indexed stream: trigram hits along one diagonal (± 3 words)."""
    if len(probe) < MIN_WORDS + 1:
        return None
    diagonals: Counter[int] = Counter()
    hits: list[tuple[int, int]] = []
    for i in range(len(probe) - 2):
        for pos in index.get(tuple(probe[i : i + 3]), []):
            diagonals[pos - i] += 1
            hits.append((pos - i, pos))
    if not diagonals:
        return None
    best = max(diagonals, key=lambda d: sum(diagonals[d + e] for e in range(-3, 4)))
    on_line = [pos for d, pos in hits if abs(d - best) <= 3]
    if len(on_line) < max(3, 0.5 * (len(probe) - 2)):
        return None
    return min(on_line), max(on_line) + 3
