"""Which stretches of a story the recogniser reads, and the names it found carried to the rest.

Running spaCy's recogniser over every sentence costs more than the rest of the brief, so it reads
short windows only: a few words either side of the FIRST occurrence of each distinct candidate
name and of each word a timeline date can hang on (a month, weekday, year, "ago", "last week",
"within days"). A candidate is a run of capitalised words; one that opens a sentence counts when
it has two words or more or the story also writes it capitalised elsewhere (mid-sentence or
inside a longer run). The small model's token encoder sees four tokens either side of a word, so
a window of ``MARGIN`` words gives it nearly the context the whole sentence would (on the dev
keys the results were identical). Every later occurrence of a name found in a window is then
marked by plain string matching with the label the recogniser gave it (its majority label).

What this approximates: a name the recogniser misses at its first occurrence but would have found
in a later sentence is missed, and a later occurrence always gets the story-wide label of its
written form, never a label that differs by context.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from newsprism.text.terms import FUNCTION_WORDS

MARGIN = 4  # words each side of a time word: the small model's encoder sees four tokens each way
NAME_MARGIN = 4  # each side of a name: the nearest three words carry nearly all of the typing
_UPPER = "A-ZÀ-ÖØ-Þ"
CANDIDATE = re.compile(
    rf"[{_UPPER}][\w.&'’-]*(?:\s+(?:(?:of|the|for|and|on|de|del|von|van|al)\s+)*[{_UPPER}][\w.&'’-]*)*"
)
_MONTH = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
_PERIOD = r"(?:week|month|year|weekend|night|morning|afternoon|evening|season|decade)"
TIME_CUE = re.compile(  # what a timeline date can hang on: see dates.resolve and time_frame
    rf"\b(?:{_MONTH}|{_WEEKDAY})\b|\b(?:1[6-9]\d\d|20\d\d)s?\b|"
    rf"\b(?i:today|tonight|yesterday|tomorrow|ago|(?:last|next|this|previous|past)\s+{_PERIOD}|"
    r"(?:in|within|over|during)\s+(?:\w+\s+){0,3}(?:days?|weeks?|months?))\b"
)
_WORD = re.compile(r"\S+")
_NAME_WORD = re.compile(rf"[{_UPPER}](?:[a-zà-öø-ÿ]+(?:['’-][{_UPPER}]?[a-zà-öø-ÿ]+)?|\.)$")
_OPENING = " \"'“‘(-—–"

Span = tuple[str, int, int, str]  # label, start char, end char, text
Window = tuple[int, int]  # start and end char in the sentence


def _opens_sentence(text: str, start: int) -> bool:
    return not text[:start].strip(_OPENING)


@lru_cache(maxsize=8192)
def _runs(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, run) of each candidate name; a sentence's full stop is not part of it.
    Cached: three readers scan each sentence."""
    return tuple((m.start(), m.end(), m.group().rstrip(".")) for m in CANDIDATE.finditer(text))


def capitalised_mid_sentence(texts: Sequence[str]) -> set[str]:
    """Candidate runs the story writes capitalised away from a sentence's start, and the words
    of those runs and of longer runs after their first word ("Olsen" of "AG Olsen")."""
    found = set()
    for text in texts:
        for start, _end, run in _runs(text):
            words = run.split()
            if not _opens_sentence(text, start):
                found |= {run, *words}
            found.update(words[1:])
    return found


def last_words(texts: Sequence[str]) -> set[str]:
    """Last words of the story's candidates shaped like a person's full name ("Roe" of "Jane
    K. Roe": two or three title-case words or initials): alone, such a word is read as that
    name's surname when the recogniser tags the full name a person (``carried``)."""
    found = set()
    for text in texts:
        for _s, _e, run in _runs(text):
            words = run.split()
            if 2 <= len(words) <= 3 and all(_NAME_WORD.match(w) for w in words):
                found.add(words[-1])
    return {w for w in found if not w.endswith(".")}


def windows(texts: Sequence[str]) -> dict[str, list[Window]]:
    """Sentence text -> merged char windows to tag: first occurrences of each candidate name
    (a word that ends a longer name is left to ``carried``) and every time word, ``MARGIN``
    words either side."""
    mid = capitalised_mid_sentence(texts)
    seen: set[str] = last_words(texts)
    found: dict[str, list[Window]] = {}
    for text in texts:
        words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        if not words:
            continue
        starts = [w[0] for w in words]
        ranges: list[tuple[int, int]] = []
        for start, end, run in _runs(text):
            opening = _opens_sentence(text, start)
            if run in seen or (
                " " not in run and (run.lower() in FUNCTION_WORDS or (opening and run not in mid))
            ):
                continue
            seen.add(run)
            ranges.append(_word_range(starts, start, end, NAME_MARGIN))
        ranges += [_word_range(starts, m.start(), m.end(), MARGIN) for m in TIME_CUE.finditer(text)]
        if ranges:
            found[text] = _merged(ranges, words)
    return found


def _word_range(starts: list[int], begin: int, end: int, margin: int) -> tuple[int, int]:
    first = max(bisect.bisect_right(starts, begin) - 1, 0)
    last = max(bisect.bisect_left(starts, end), first + 1)
    return max(first - margin, 0), min(last + margin, len(starts))


def _merged(ranges: list[tuple[int, int]], words: list[tuple[int, int]]) -> list[Window]:
    """Overlapping or touching word ranges as one char window each."""
    merged: list[list[int]] = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return [(words[a][0], words[b - 1][1]) for a, b in merged]


def tag_windows(
    texts: Sequence[str],
    wanted: dict[str, list[Window]],
    recognise: Callable[[list[str]], list[Any]],
    labels: frozenset[str],
) -> dict[str, list[tuple[str, int, int]]]:
    """Sentence text -> (label, start, end) of each span the recogniser finds in its windows,
    in sentence offsets; identical window texts are tagged once."""
    pieces = list(dict.fromkeys(text[a:b] for text in texts for a, b in wanted.get(text, [])))
    docs = dict(zip(pieces, recognise(pieces), strict=True))
    found: dict[str, list[tuple[str, int, int]]] = {}
    for text in texts:
        spans = found.setdefault(text, [])
        for a, b in wanted.get(text, []):
            spans += [
                (e.label_, a + e.start_char, a + e.end_char)
                for e in docs[text[a:b]].ents
                if e.label_ in labels
            ]
    return found


def carried(
    spans: dict[str, list[Span]],
    texts: dict[str, str],
    windows_of: dict[str, list[Window]],
    labels: frozenset[str],
) -> dict[str, list[Span]]:
    """Sentence id -> its spans plus every occurrence outside its windows of a name found in
    some window, labelled as the recogniser labels that written form most often; the last word
    of a person's full name, alone, is that person's surname."""
    votes: dict[str, Counter[str]] = {}
    for found in spans.values():
        for label, _start, _end, text in found:
            if label in labels:
                votes.setdefault(_bare(text), Counter())[label] += 1
    known = {form: c.most_common(1)[0][0] for form, c in votes.items() if len(form) > 1}
    surnames = {f.split()[-1] for f, label in known.items() if label == "PERSON" and " " in f}
    known |= {word: "PERSON" for word in surnames - set(known) if len(word) > 1}
    if not known:
        return spans
    find = FormFinder(known)
    result = {}
    done: dict[tuple[str, tuple[Span, ...]], list[Span]] = {}  # repeated sentences: looked up once
    for sid, text in texts.items():
        own = spans.get(sid, [])
        key = (text, tuple(own))
        if key not in done:
            taken = [(a, b) for a, b in windows_of.get(text, [])] + [(s, e) for _l, s, e, _t in own]
            extra = [
                (known[form], start, end, form)
                for form, start, end in find(text)
                if not any(start < b and a < end for a, b in taken)
            ]
            done[key] = sorted(own + extra, key=lambda sp: sp[1])
        result[sid] = list(done[key])
    return result


_NAME_START = r"(?<![\w.&'’-])"  # a written form starts where no word or name character precedes
_NAME_END = re.compile(r"(?![\w&'’-]|\.\w)")  # ... and ends where none follows


class FormFinder:
    """Occurrences of known written forms, left to right, the longest form at each start, none
    overlapping: what one regex alternation of every form (longest first) finds, but looked up
    by the form's first two characters and then by length (a set lookup per distinct length, not
    a comparison per form: a big story has thousands of names sharing a head like "Jo")."""

    def __init__(self, forms: Iterable[str]) -> None:
        self.by_head: dict[str, tuple[set[str], list[int]]] = {}
        for form in forms:  # forms have two characters or more
            found, lengths = self.by_head.setdefault(form[:2], (set(), []))
            found.add(form)
            lengths.append(len(form))
        for _forms, lengths in self.by_head.values():
            lengths[:] = sorted(set(lengths), reverse=True)
        heads = "".join(sorted({re.escape(head[0]) for head in self.by_head}))
        self.starts = re.compile(rf"{_NAME_START}(?=[{heads}])")

    def __call__(self, text: str) -> list[tuple[str, int, int]]:
        out: list[tuple[str, int, int]] = []
        after = 0
        for start in (m.start() for m in self.starts.finditer(text)):
            if start < after:
                continue
            found, lengths = self.by_head.get(text[start : start + 2], (set(), []))
            for length in lengths:
                end = start + length
                if end <= len(text) and text[start:end] in found and _NAME_END.match(text, end):
                    out.append((text[start:end], start, end))
                    after = end
                    break
        return out


def _bare(text: str) -> str:
    return text[4:] if text[:4] in ("the ", "The ") else text
