"""The `names` stage and name mentions: one batched spaCy NER pass over the story.

Both key players and the timeline read this one pass (people, organisations and places for the
first; dates and times for the second), so the story is tagged once. Only the recogniser runs (it
has its own token encoder), over short windows around the first occurrence of each candidate name
and around time words; names found there are carried to their other occurrences (``name_windows``
says what that approximates).
Mentions are cleaned here: a leading "the", a possessive "'s", honorifics and a trailing
parenthesis are dropped, and "Federal Bureau of Investigation (FBI" yields the acronym as an alias.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsprism.analysis.name_windows import carried, tag_windows, windows
from newsprism.model import Article
from newsprism.pipeline import Context
from newsprism.registry import stage
from newsprism.text.nlp import common_nouns, names
from newsprism.text.split import paragraphs, strip_dateline

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "LAW", "EVENT", "NORP"})
TIME_LABELS = frozenset({"DATE", "TIME"})
KEPT_TYPES = ENTITY_LABELS - {"NORP"}  # nationalities and groups help typing, not as players
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_SLASH = re.compile(r"(?<=\w)\s?/\s?(?=[A-Z])")
_OWNER = re.compile(r"^(.+?)['’]s\s+(?=[A-Z])")  # "Slate's Jacob Roe": the name is after it
_OFFICE = re.compile(r"\s+[A-Z]\w*['’]s(?:\s+[A-Z]\w*)+")
_DANGLING = re.compile(r"\s(?:of|on|for|and|the|de|del)$")
_CAPITALISED_RUN = re.compile(r"(?:\s+[A-Z][\w.&'’-]*)+")
_POSSESSIVE_INSIDE = re.compile(r"['’]s\b")
_PARTY_PLACE = re.compile(r"^[RDI]-(?=[A-Z][a-z])")  # "R-Texas", a legislator's state or town
_CREDIT = re.compile(r"^(?:Credits?|Photo|Photograph|Image|Courtesy)(?::|\s+by)?\s+", re.I)
_POSSESSIVE = re.compile(r"['’]s?$")
_PAREN = re.compile(r"\s*\(([^()]*)\)?\s*$")
_EDGE = re.compile(r"^[\W_]+|[^\w.]+$")
_TOKEN = re.compile(r"[\w.'’&-]+")
_BRACKETED = re.compile(r"\(([^()]*)\)")
_WORD = re.compile(r"[A-Za-z]+")

Span = tuple[str, int, int, str]  # label, start char, end char, text


@dataclass(frozen=True)
class Mention:
    """One name as written in one sentence, cleaned, with where it sits in its article."""

    sentence: str
    article: int
    position: float  # sentence index / sentence count: 0 is the lead
    label: str
    text: str
    start: int
    end: int
    acronym: str | None = None

    @property
    def tokens(self) -> list[str]:
        return name_tokens(self.text)


def name_tokens(text: str) -> list[str]:
    """Lower-case word tokens of a name, without honorifics or trailing dots ("J." -> "j")."""
    return list(_name_tokens(text))


@lru_cache(maxsize=1 << 16)
def _name_tokens(text: str) -> tuple[str, ...]:
    """Cached: the key players' passes ask each mention's tokens many times."""
    words = [t.strip(".'’").lower() for t in _TOKEN.findall(text)]
    words = [w for w in words if w]
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return tuple(words)


def tag_sentences(articles: list[Article]) -> dict[str, list[Span]]:
    """Sentence id -> entity and time spans (one batched recogniser pass over short windows,
    see ``name_windows``; names found there are carried to their other occurrences)."""
    texts = {s.id: s.text for a in articles for s in a.sentences}
    distinct = list(dict.fromkeys(texts.values()))
    wanted = windows(distinct)
    # "Name/Agency" photo credits: a comma (same length, so offsets hold) lets spaCy split them.
    credited = {t: _SLASH.sub(",", t) for t in distinct}
    found = tag_windows(
        [credited[t] for t in distinct],
        {credited[t]: w for t, w in wanted.items()},
        names,
        ENTITY_LABELS | TIME_LABELS,
    )
    tagged = {t: _spans_of(t, found.get(credited[t], [])) for t in distinct}
    spans = {sid: tagged[text] for sid, text in texts.items()}
    return carried(spans, texts, wanted, ENTITY_LABELS)


def _spans_of(text: str, found: list[tuple[str, int, int]]) -> list[Span]:
    ends = [(label, start, _completed(text, end, label)) for label, start, end in found]
    return [(label, start, end, text[start:end]) for label, start, end in _joined(text, ends)]


def _completed(text: str, end: int, label: str) -> int:
    """A name cut after a linking word ("the Commission on") runs on through the capitalised
    words that follow ("... on Judicial Performance"), and one cut before an office named by a
    possessive ("the County District" + "Attorney's Office") through it."""
    if label not in ENTITY_LABELS:
        return end
    if label == "ORG" and (office := _OFFICE.match(text, end)):
        return office.end()
    if not _DANGLING.search(text[:end]):
        return end
    more = _CAPITALISED_RUN.match(text, end)
    return more.end() if more else end


def _joined(text: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Neighbouring spans that are one name: two people's names with only a space between
    (a long name cut in two; a list would have a comma or "and"; "Petty Officer" + a name is a
    title, told by its last word being a common noun), an organisation "of" a place."""
    joined: list[tuple[str, int, int]] = []
    for label, start, end in found:
        if joined:
            last_label, last_start, last_end = joined[-1]
            gap = text[last_end:start]
            person = last_label == label == "PERSON" and gap == " "
            person = person and text[last_start:last_end].split()[-1].lower() not in common_nouns()
            branch = last_label == "ORG" and label == "GPE" and gap == " of "
            if person or branch:
                joined[-1] = (last_label, last_start, end)
                continue
        joined.append((label, start, end))
    return joined


def clean_mention(text: str, start: int) -> tuple[str, int, str | None] | None:
    """(cleaned name, its start, acronym in brackets) or None when nothing name-like is left."""
    acronym = None
    original = text
    bracket = _PAREN.search(text)
    if bracket and bracket.start() > 0:
        inner = bracket.group(1).strip()
        acronym = inner if inner.isupper() and 1 < len(inner) <= 8 else None
        text = text[: bracket.start()]
    name = _POSSESSIVE.sub("", _CREDIT.sub("", text.strip()))
    if name.lower().startswith("the "):
        name = name[4:]
    name = _EDGE.sub("", name)
    if not name or not any(c.isupper() for c in name):
        return None
    return name, start + max(original.find(name), 0), acronym


def _split(label: str, start: int, text: str) -> list[tuple[str, int, str]]:
    """(label, start, text) parts of a span: "Slate's Jacob Roe" is an owner and a person,
    "R-Texas" a place, "Roe/Agency" or "Roe / For The Times" a name and an organisation."""
    owner = _OWNER.match(text)
    tail = text[owner.end() :].split() if owner else []
    if owner and len(tail) >= 2 and not _POSSESSIVE_INSIDE.search(" ".join(tail)):
        return [("ORG", start, owner.group(1)), (label, start + owner.end(), text[owner.end() :])]
    party = _PARTY_PLACE.match(text)
    if party:
        return [("GPE", start + party.end(), text[party.end() :])]
    parts, offset = [], 0
    for i, piece in enumerate(re.split(r"\s?/\s?", text)):
        at = text.find(piece, offset)
        parts.append((label if i == 0 else "ORG", start + at, piece))
        offset = at + len(piece)
    return parts


def dateline_names(text: str) -> list[tuple[str, str]]:
    """(label, name) of the place and the credited outlet in the article's opening wire dateline
    ("PLACE (Agency) —"): sentence splitting cuts the dateline off the first sentence, so the
    tagger never sees them, yet they say where the story was reported and by whom."""
    first = next(iter(paragraphs(text)), "")
    cut = len(first) - len(strip_dateline(first))
    if cut <= 0:
        return []
    head = first[:cut]
    place = re.split(r"[,(]", head)[0].strip().rstrip("-–— ")
    place = _WORD.sub(lambda w: w.group().capitalize(), place)
    bracket = _BRACKETED.search(head)
    credit = bracket.group(1).strip() if bracket else ""
    found = [("GPE", place)] if sum(c.isalpha() for c in place) >= 2 else []
    if sum(c.isalpha() for c in credit) >= 2 and not any(c.isdigit() for c in credit):
        found.append(("ORG", credit))
    return found


def _dateline_mentions(article: Article, k: int) -> list[Mention]:
    """The dateline's names as mentions cited to the article's first sentence (the one the
    dateline opened); they have no offsets in it."""
    if not article.sentences:
        return []
    first = article.sentences[0]
    names = dateline_names(article.text)
    return [Mention(first.id, k, 0.0, label, name, 0, 0) for label, name in names]


def mentions_of(articles: list[Article], spans: dict[str, list[Span]]) -> list[Mention]:
    """Every cleaned entity mention, in article and reading order (dateline names first)."""
    found: list[Mention] = []
    for k, article in enumerate(articles):
        found.extend(_dateline_mentions(article, k))
        count = max(len(article.sentences), 1)
        for sentence in article.sentences:
            parts = [
                part
                for label, start, _end, text in spans.get(sentence.id, [])
                if label in ENTITY_LABELS
                for part in _split(label, start, text)
            ]
            for label, start, text in parts:
                cleaned = clean_mention(text, start)
                if cleaned is None:
                    continue
                name, begin, acronym = cleaned
                position = sentence.index / count
                found.append(
                    Mention(
                        sentence.id, k, position, label, name, begin, begin + len(name), acronym
                    )
                )
    return found


@stage("names", version="1.2", requires=("sentences",), assigns=("named_spans",))
def names_stage(ctx: Context) -> None:
    """Tag people, organisations, places, laws, dates and times in every sentence (spaCy NER)."""
    ctx.put("named_spans", tag_sentences(ctx.get("sentences")))
