"""Whether a summary sentence can be read where it stands, and the full name at first mention.

An extractive summary lifts sentences out of their articles. One that opens with "He", "This",
"Those actions" or "The decision" points back at something its article said before; if the
summary has not said it, the reader cannot follow. A surname alone ("Barr said") needs the full
name the first time the summary mentions the person; we substitute it when the story names
exactly one person with that surname.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsprism.model import Article, Sentence
from newsprism.text.syntax import spacy_pipeline
from newsprism.text.terms import STOP_WORDS, stem

_LEAD_SKIP = frozenset("and but yet so also still however meanwhile then".split())
_PERSONAL = frozenset("he she they him her his their them it its".split())
_DEMONSTRATIVE = frozenset("this that these those such".split())
_EXTRAPOSED = re.compile(
    r"^it(?:'s|’s| is| was| has been| had been| will be| would be| seems| seemed| remains)\b"
    r".*\b(?:to|that|for|whether|how|why|what|when|if)\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[A-Za-z][\w’'-]*")
_NAME = re.compile(r"\b([A-Z][a-z]+(?:[-'][A-Z][a-z]+)?)((?:\s+[A-Z]\.)?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def _stems(text: str) -> set[str]:
    return {stem(w.lower().rstrip("’'s")) for w in _TOKEN.findall(text)}


def _opening(text: str) -> list[str]:
    tokens = _TOKEN.findall(text)
    while tokens and tokens[0].lower() in _LEAD_SKIP:
        tokens = tokens[1:]
    return tokens


def _head_words(tokens: Sequence[str]) -> list[str]:
    """Lowercase words after a determiner, up to the first function word: the noun phrase."""
    out = []
    for t in tokens:
        if not t[:1].islower() or t.lower() in STOP_WORDS:
            break
        out.append(t.lower())
    return out[:3]


def dangling(text: str, before: str, earlier: str, follows_source: bool) -> bool:
    """The sentence opens with a reference its article resolved (``before``: the article's earlier
    text) but the summary so far (``earlier``) does not. ``follows_source``: the summary's
    previous sentence is the article's own previous sentence."""
    if follows_source:
        return False
    tokens = _opening(text)
    if not tokens:
        return False
    first = tokens[0].lower()
    said = _stems(earlier)
    if first in _PERSONAL:
        if first in {"it", "its"} and _EXTRAPOSED.search(" ".join(tokens)):
            return False
        names = {stem(w.lower()) for w in _TOKEN.findall(_last_sentences(before)) if w[0].isupper()}
        return not (names & said)
    if first in _DEMONSTRATIVE:
        heads = _head_words(tokens[1:])
        return not heads or not ({stem(h) for h in heads} & said)
    possessive = first.endswith(("'s", "’s")) and tokens[0][0].isupper()
    if first == "the" or possessive:
        heads = _head_words(tokens[1:])
        known = {stem(h) for h in heads}
        return bool(known & _stems(before)) and not (known & said)
    return False


def _last_sentences(before: str, n: int = 2) -> str:
    parts = re.split(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+", before.strip())
    return " ".join(parts[-n:])


def source_before(article: Article, sentence: Sentence) -> str:
    return " ".join(s.text for s in article.sentences[: sentence.index])


# ---- full names ------------------------------------------------------------------------------


def full_names(articles: Sequence[Article]) -> dict[str, tuple[str, str]]:
    """Surname -> (the one full name 'First Last' the story uses for it, a sentence using it);
    ambiguous surnames (two first names) are left out."""
    seen: dict[str, dict[str, str]] = {}
    for article in articles:
        if article.degraded:
            continue
        for sentence in article.sentences:
            for match in _NAME.finditer(sentence.text):
                first, rest = match.group(1), match.group(2)
                if first.lower() in STOP_WORDS or first.lower() in _TITLE_WORDS:
                    continue
                last = rest.split()[-1]
                seen.setdefault(last, {}).setdefault(f"{first}{rest}", sentence.text)
    return {last: next(iter(n.items())) for last, n in seen.items() if len(n) == 1}


# Words that capitalise before a name without being one ('President Trump', 'Judge Amy Berman').
_TITLE_WORDS = frozenset(
    "mr mrs ms dr president senator sen rep representative governor gov judge justice mayor "
    "secretary attorney general chief minister prime king queen prince pope sir lord lady "
    "former said says told when after before while during in on at by for from with the a an "
    "new north south east west united".split()
)


def is_person(full: str, sentence: str) -> bool:
    """spaCy's entity recogniser reads the full name as a person in the sentence that uses it."""
    doc = spacy_pipeline()(sentence)
    return any(e.label_ == "PERSON" and e.text.endswith(full.split()[-1]) for e in doc.ents)


def with_full_name(
    text: str, names: dict[str, tuple[str, str]], mentioned: set[str]
) -> tuple[str, set[str]]:
    """The text with the first bare surname of each not-yet-mentioned person given in full, and
    the surnames now mentioned."""
    mentioned = set(mentioned)
    out = text
    for last, (full, example) in names.items():
        match = re.search(rf"\b{re.escape(last)}\b", out)
        if last in mentioned or match is None:
            continue
        mentioned.add(last)
        if full in out or _after_capital(out, match.start()) or not is_person(full, example):
            continue
        out = out[: match.start()] + full + out[match.end() :]
    return out, mentioned


def _after_capital(text: str, start: int) -> bool:
    """The surname follows another capitalised word (a title or first name already there)."""
    before = text[:start].rstrip()
    word = before.rsplit(None, 1)[-1] if before else ""
    return bool(word) and word[0].isupper() and not before.endswith((",", ":", ";"))
