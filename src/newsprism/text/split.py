"""Sentence splitting of punctuated text, paragraph by paragraph.

The splitter is nupunkt with its abbreviation list tuned for news. nupunkt's default model was
trained on legal text and lists ordinary words ("chest", "found", "day", "york", "so") as
abbreviations, so it missed boundaries such as "on her chest. His effort failed.". We keep only
abbreviations that have internal periods ("u.s", "a.m"), single letters (initials), nupunkt's own
general list, and the titles, ranks and AP state abbreviations news uses.

Measured with ``bench/sentence_split.py`` (boundary F1; sentences per second, 2 busy cores, noisy):

==============  =========  =============  ===========
splitter        tricky F1  Multi-News F1  speed
==============  =========  =============  ===========
nupunkt (news)  0.974      0.999          ~20,000/s
nupunkt         0.949      0.989          ~20,000/s
pysbd           0.988      0.983          ~800/s
spaCy parser    0.975      0.991          ~200/s
spaCy senter    0.950      0.991          ~250/s
==============  =========  =============  ===========

pysbd is best on the hand-written tricky set (it also catches "6 p.m. Passengers") but moves
closing quotes onto the next sentence and misses curly-quote boundaries; tuned nupunkt is ~25x
faster and best on real news.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib.resources import files

import nupunkt
from nupunkt.tokenizers.sentence_tokenizer import PunktSentenceTokenizer

_PARAGRAPH = re.compile(r"\n\s*\n|\r\n\s*\r\n")
# A line break with the spaces around it. Matching starts only where a run of spaces starts:
# r"\s*\n\s*" tried every position of a long run without a line break (quadratic); same matches.
_LINE = re.compile(r"(?<![^\S\n])[^\S\n]*\n\s*")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


NEWS_ABBREVIATIONS = _words(
    # Titles and ranks that precede names.
    "mr mrs ms dr prof rev hon gov sen rep lt col gen capt sgt maj adm cmdr cpl pvt sgts messrs "
    "pres supt atty insp det brig reps sens govs drs profs gens cols lts capts mmes "
    # AP-style state abbreviations and places.
    "ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb "
    "nev okla ore pa tenn va vt wash wis wyo ft mt st "
    # Organisations, units and references.
    "univ corp inc ltd co bros assn dept govt no nos vol fig ch pp mo jr sr vs etc approx est "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)


# News never abbreviates weekdays, but sentences often end with "Sun." (papers) or "wed."
NOT_ABBREVIATIONS = _words("mon tue tues wed thu thur thurs fri sat sun min sec hr")


def _keep_abbreviation(abbrev: str, general: frozenset[str]) -> bool:
    if abbrev in NOT_ABBREVIATIONS:
        return False
    return "." in abbrev or len(abbrev) == 1 or abbrev in general or abbrev in NEWS_ABBREVIATIONS


@lru_cache(maxsize=1)
def news_tokenizer() -> PunktSentenceTokenizer:
    """nupunkt's default model, its abbreviations cut down to real ones and the news set added."""
    tokenizer = nupunkt.load_default_model()
    data = files("nupunkt").joinpath("data/general_abbreviations.json").read_text(encoding="utf-8")
    general = frozenset(a.lower().rstrip(".") for a in json.loads(data))
    for abbrev in tokenizer.abbreviations:
        if not _keep_abbreviation(abbrev, general):
            tokenizer.remove_abbreviation(abbrev)
    tokenizer.add_abbreviations(sorted(NEWS_ABBREVIATIONS - tokenizer.abbreviations))
    return tokenizer


def paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; single newlines inside a paragraph are soft wraps."""
    parts = [p.strip() for p in _PARAGRAPH.split(text)]
    if len(parts) == 1 and text.count("\n") >= 2:
        # Text with one paragraph per line (common in scraped and JSONL input).
        parts = [p.strip() for p in text.split("\n")]
    return [_LINE.sub(" ", p) for p in parts if p]


# Words that precede a name: a period after one never ends a sentence, even when punctuation
# hides it from the tokenizer ('“Mr. Barr', '(Sen. Ortiz').
TITLES = _words(
    "mr mrs ms mx dr prof rev hon gov sen rep lt col gen capt sgt maj adm cmdr cpl pvt messrs "
    "pres supt atty insp det brig reps sens govs drs profs gens cols lts capts mmes"
)
_OPENERS = "\"“‘'([{"
# 'PORT ARVENNA, March 5 (Meridian Wire) - ', 'WASHINGTON (AP) — ', 'LONDON, Jan. 3 — ': a place
# in capitals, an optional date and agency, then a dash.
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3})"
    r"(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,2})?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"(?:\s*\([^()]{1,40}\))?\s*[-–—]+\s+(?=[A-Z“\"‘'])"
)


def strip_dateline(sentence: str) -> str:
    """The sentence without a leading wire dateline; unchanged when it has none."""
    match = DATELINE.match(sentence)
    if match is None or not any(c.isalpha() for c in match.group()):
        return sentence
    found = match.group()
    place = found.split(",")[0].split("(")[0].split("-")[0].split("–")[0].split("—")[0]
    letters = [c for c in place if c.isalpha()]
    # A plain hyphen also joins words ('US - China talks'): then a date or agency must show.
    marked = "(" in found or any(c.isdigit() for c in found) or "—" in found or "–" in found
    if len(letters) < 2 or not all(c.isupper() for c in letters) or not marked:
        return sentence
    return sentence[match.end() :]


def _ends_with_title(sentence: str) -> bool:
    last = sentence.rsplit(None, 1)[-1]
    return last.endswith(".") and last.lstrip(_OPENERS).rstrip(".").lower() in TITLES


def _join_after_titles(pieces: list[str]) -> list[str]:
    """Undo splits after a title ('Reps.', '“Mr.'): the name follows in the same sentence."""
    out: list[str] = []
    for piece in pieces:
        if out and _ends_with_title(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def split_sentences(paragraph: str) -> list[str]:
    pieces = [s.strip() for s in news_tokenizer().tokenize(paragraph) if s.strip()]
    return _join_after_titles(pieces)


def split_text(text: str) -> list[tuple[int, str]]:
    """(paragraph number, sentence) pairs for punctuated text; a wire dateline opening a
    paragraph is not part of its first sentence."""
    out = []
    for i, para in enumerate(paragraphs(text)):
        for k, sentence in enumerate(split_sentences(para)):
            out.append((i, strip_dateline(sentence) if k == 0 else sentence))
    return out
