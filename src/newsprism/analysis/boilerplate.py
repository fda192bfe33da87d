"""The `boilerplate` stage: lines that are page furniture, not reporting, learned from the cluster.

Scraped articles keep captions, credits, bylines, contact lines, share prompts and embed signatures
between the paragraphs. No list of phrases can follow every publisher, so a line is judged by
* its shape: contact details (links, e-mail, handles, phone numbers), a photo-credit slash
  ('Name/Agency'), a line wholly in brackets, 'LABEL |' navigation, shouting or title case, no
  sentence end, an imperative addressed to the reader ('Follow us', 'Share your ...'), or no main verb;
* its position: furniture sits at an article's head or tail, where weak cues count more;
* repetition learned from the cluster: a line (figures masked) that recurs in several articles or
  within one, and tail lines sharing their opening words with another article's tail lines.
``is_boilerplate(text)`` is the shape-only test, kept for stages that judge one line at a time.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

from newsprism.model import Article, Sentence
from newsprism.pipeline import Context
from newsprism.registry import stage
from newsprism.text.nlp import parse
from newsprism.text.sparse import csr_rows
from newsprism.text.terms import FUNCTION_WORDS, STOP_WORDS, stem, words

MIN_WORDS = 6
EDGE = 3  # sentences at an article's head and tail where furniture sits
THRESHOLD = 1.0
MAX_CAPTION_WORDS = 30
OFF_TOPIC = 0.08  # share of an article's distinctive words found in its closest other source

_LINK = re.compile(
    r"https?://|www\.|\b[\w.+-]+@[\w-]+\.[\w.]+|(?<!\w)@\w{2,}|\bpic\.twitter|\b\w+\.(?:com|org|net)/"
)
_PHONE = re.compile(r"\(?\b\d{3}\)?[-.\s]\d{3}[-.]\d{4}\b")
_CREDIT = re.compile(r"\b[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s?/\s?(?:[A-Z][\w&'’.-]*\s*)+")
_BRACKETED = re.compile(r"^\s*[(\[].*[)\]]\s*[.]?\s*$", re.DOTALL)
_LABEL = re.compile(r"^[A-Z][A-Z &'’-]{2,}\s*(?:[|:]|[-–—]\s)")
_CAPTION = re.compile(
    r"^(?:FILE\s*[-–—]|\(?(?:photo|image|credit)s?\b)|\bfile photo\b", re.IGNORECASE
)
# Words of web-page furniture in any publisher's pages (sign-up, subscription, newsletter, cookie
# and script prompts, navigation, rights notices): one cue among the others, never dataset-specific.
_CHROME = re.compile(
    r"\b(?:sign[ -]?up|subscri(?:be|bing|ption)|unsubscribe|newsletters?|click here|read more"
    r"|continue reading|all rights reserved|copyright|cookies?|javascript|advertisement"
    r"|contributed (?:to )?(?:this|the) (?:report|story|article))\b|©"
)
_PIPE = re.compile(r"\s\|\s")
_READER = re.compile(r"\b(?:you|your|us|our)\b", re.IGNORECASE)
_CLOSERS = "\"'”’)]"
_PARTICLES = {"up", "out", "in", "on", "off", "down", "back", "here", "more", "now"}
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does)\b", re.I)
_DIGIT = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+")
Parsed = Callable[[str], Any]  # text -> spaCy Doc with tags and parse


def _tokens(text: str) -> list[str]:
    return text.split()


def _shouting(text: str, tokens: list[str]) -> bool:
    """All caps, or a headline's title case (a sentence full of names still ends like one)."""
    letters = [t for t in tokens if any(c.isalpha() for c in t)]
    if not letters:
        return True
    upper = sum(1 for t in letters if t.isupper() and len(t) > 1)
    capitalised = sum(1 for t in letters if t[:1].isupper())
    headline = capitalised > 0.7 * len(letters) and (_unfinished(text) or len(letters) < 12)
    return upper > 0.5 * len(letters) or headline


def _unfinished(text: str) -> bool:
    return text.rstrip().rstrip(_CLOSERS)[-1:] not in (".", "!", "?")


def _addresses_reader(
    text: str, contact: bool = False, exact: bool = False, parsed: Parsed | None = None
) -> bool:
    """An imperative aimed at the reader: 'Sign up for our ...', 'Share your ...', 'Follow us',
    or one giving contact details ('Write to ... at ...'). ``exact`` confirms the imperative
    with a parse (the stage, at an article's edges); otherwise the word shapes decide."""
    if not _may_address_reader(text, contact):
        return False
    if not exact:
        return _looks_imperative(text)
    doc = (parsed or _parse)(_bare(text))
    first = next((t for t in doc if not t.is_punct), None)
    return first is not None and first.tag_ == "VB" and first.dep_ == "ROOT"


def _may_address_reader(text: str, contact: bool) -> bool:
    """Short, with a reader word or contact details, not speech nor a continuation ('we' and
    'our' there are the speaker's)."""
    if len(_tokens(text)) > 25 or not (contact or _READER.search(text)):
        return False
    return not re.search(r"[\"“”«»]", text) and text.lstrip()[:1].isupper()


def _bare(text: str) -> str:
    return text.strip(" \"'“‘")


def _parse(text: str) -> Any:
    return parse([text])[0]


class Batched:
    """Parses fetched in batches before they are asked for: one spaCy pass over many lines costs
    about half of parsing them one by one (same tags and parse). Through the shared parse cache:
    the later stages parse many of the same sentences."""

    def __init__(self) -> None:
        self.docs: dict[str, Any] = {}

    def fetch(self, texts: Iterable[str]) -> None:
        new = [t for t in dict.fromkeys(texts) if t not in self.docs]
        self.docs.update(zip(new, parse(new), strict=True))

    def __call__(self, text: str) -> Any:
        if text not in self.docs:
            self.docs[text] = _parse(text)
        return self.docs[text]


def _looks_imperative(text: str) -> bool:
    """Without a parse: a bare verb-like first word ('Sign', 'Follow', 'Share'), then a function
    word ('up', 'us', 'your'), and no finite auxiliary in the line."""
    words = _WORD.findall(text)
    if len(words) < 2:
        return False
    first, second = words[0].lower(), words[1]
    if first in FUNCTION_WORDS or first.endswith(("s", "ed", "ing", "ly")) or second[:1].isupper():
        return False
    return second.lower() in FUNCTION_WORDS | _PARTICLES and not _FINITE.search(text)


def shape_score(text: str, exact: bool = False, parsed: Parsed | None = None) -> float:
    """Evidence, from the line alone, that it is furniture (>= 1.0 means sure); ``exact`` allows a
    parse where word shapes are not enough."""
    tokens = _tokens(text)
    score = 0.0
    details = _details(text)
    contact = details > 0
    if contact:
        score += 0.6 if details == 1 else 1.0  # two ways to reach someone: a contact line
    if _CREDIT.search(text) and len(tokens) <= 12:
        score += 1.0
    if (_BRACKETED.match(text) and len(tokens) <= 12) or _CAPTION.search(text):
        score += 1.0  # a short line in brackets is a credit; a long one is an aside
    if _LABEL.match(text) or _PIPE.search(text):
        score += 0.6
    if _CHROME.search(text.lower()):
        score += 0.7  # at an article's head or tail, enough on its own
    if _shouting(text, tokens):
        score += 1.0
    if _unfinished(text):
        score += 0.6
    if len(tokens) < MIN_WORDS:
        score += 0.5
    if _addresses_reader(text, contact, exact, parsed):
        score += 1.0
    return score


def _details(text: str) -> int:
    """Links, e-mail addresses, handles and phone numbers in the line."""
    return len(_LINK.findall(text)) + len(_PHONE.findall(text))


def is_boilerplate(text: str, min_words: int = MIN_WORDS) -> bool:
    """One line alone, for stages that judge lines one at a time: too short, unfinished, shouting,
    a credit, contact or furniture line, a reader prompt. Without the cluster's evidence a furniture
    word is enough here; the `boilerplate` stage weighs it with position and repetition."""
    if len(_tokens(text)) < min_words or _unfinished(text):
        return True
    return shape_score(text) >= THRESHOLD or bool(_CHROME.search(text.lower()))


def _may_be_caption(text: str) -> bool:
    """Short enough, and not a quotation (one may be elliptic and still be speech)."""
    return len(_tokens(text)) <= MAX_CAPTION_WORDS and text.lstrip()[:1] not in "\"“‘'"


def _no_main_verb(text: str, parsed: Parsed | None = None) -> bool:
    """A caption or label: no finite verb heads the line ('Mayor Ann Lee at the dock in May.')."""
    if not _may_be_caption(text):
        return False
    doc = (parsed or _parse)(text)
    return not any(t.dep_ == "ROOT" and t.pos_ in {"VERB", "AUX"} for t in doc)


def _template(text: str) -> str:
    """The line with figures masked and case folded, so 'Posted 3 May' and 'Posted 9 June' meet."""
    return " ".join(_WORD.findall(_DIGIT.sub("0", text.lower())))


def _opening(text: str, n: int = 3) -> str:
    return " ".join(_WORD.findall(text.lower())[:n])


def _edge(index: int, count: int) -> bool:
    return index < EDGE or index >= count - EDGE


def learned_repeats(articles: list[Article], group_of: list[int]) -> tuple[set[str], set[str]]:
    """Templates that recur (in two sources, or twice in one article) and tail openings that two
    sources share: the cluster's own furniture."""
    sources_of: dict[str, set[int]] = {}
    within: Counter[tuple[int, str]] = Counter()
    tails: dict[str, set[int]] = {}
    for k, article in enumerate(articles):
        n = len(article.sentences)
        for s in article.sentences:
            t = _template(s.text)
            if not t:
                continue
            sources_of.setdefault(t, set()).add(group_of[k])
            within[(k, t)] += 1
            if s.index >= n - EDGE and len(_WORD.findall(t)) >= 3:
                tails.setdefault(_opening(s.text), set()).add(group_of[k])
    repeated = {t for t, g in sources_of.items() if len(g) > 1}
    repeated |= {t for (_, t), c in within.items() if c > 1}
    shared_tails = {o for o, g in tails.items() if len(g) > 1}
    return repeated, shared_tails


def sentence_score(
    sentence: Sentence,
    count: int,
    repeated: set[str],
    shared_tails: set[str],
    parsed: Parsed | None = None,
) -> float:
    """Shape evidence, raised at the head or tail and by repetition the cluster shows."""
    shape = shape_score(sentence.text, _edge(sentence.index, count), parsed)
    score = _evidence(sentence, count, repeated, shared_tails, shape)
    return _with_caption_test(sentence, count, score, parsed)


def _evidence(
    sentence: Sentence, count: int, repeated: set[str], shared_tails: set[str], shape: float
) -> float:
    """The line's shape score (``shape_score`` with a parse at the edges), weighed by position
    and repetition."""
    text = sentence.text
    edge = _edge(sentence.index, count)
    score = shape
    if edge:
        score *= 1.5
    template = _template(text)
    if template in repeated and (score > 0 or (edge and len(_tokens(text)) < 2 * MIN_WORDS)):
        score += 1.0
    if sentence.index >= count - EDGE and score > 0 and _opening(text) in shared_tails:
        score += 1.0
    return score


def _caption_test_due(sentence: Sentence, count: int, score: float) -> bool:
    """Whether a line short of the threshold is tried as a caption (which takes a parse)."""
    return score < THRESHOLD and (_edge(sentence.index, count) or score > 0)


def _with_caption_test(
    sentence: Sentence, count: int, score: float, parsed: Parsed | None = None
) -> float:
    if _caption_test_due(sentence, count, score) and _no_main_verb(sentence.text, parsed):
        score += 1.0
    return score


def off_topic(articles: list[Article], group_of: list[int]) -> set[int]:
    """Articles that share almost none of their distinctive words with any other source: a
    sign-in page, an archive notice or another story swept into the cluster."""
    bags = [
        {stem(w) for w in words(a.text) if w not in STOP_WORDS and len(w) > 3} for a in articles
    ]
    out = {k for k in _unmatched(bags, group_of) if bags[k]}
    on_topic = {group_of[k] for k in range(len(articles)) if k not in out}
    if len(on_topic) >= 2:
        return out
    return _stray_of_two(bags, group_of)


NEIGHBOURS = 8  # articles tried beside each one before all others are counted
CHUNK = 500  # articles counted against all others at once


def _unmatched(bags: list[set[str]], group_of: list[int]) -> list[int]:
    """Articles whose best overlap with another source's words (shared / the smaller bag) stays
    below OFF_TOPIC. Near neighbours in the story's order are tried first, as one usually clears
    it; only the rest are counted against every article at once (a sparse product), not pair by
    pair in Python, which grew with the square of the story."""
    n = len(bags)
    if len(set(group_of)) < 2:
        return []
    unsure = [k for k in range(n) if not any(_overlap(bags, group_of, k, j) for j in _near(k, n))]
    if not unsure:
        return []
    incidence, _ = csr_rows(bags, binary=True)
    sizes = np.maximum(np.asarray([len(b) for b in bags], dtype=float), 1.0)
    groups = np.asarray(group_of)
    best: list[float] = []
    for start in range(0, len(unsure), CHUNK):  # bounded memory: CHUNK rows against all
        rows = np.asarray(unsure[start : start + CHUNK])
        shared = (incidence[rows] @ incidence.T).tocoo()
        ratio = shared.data / np.minimum(sizes[rows[shared.row]], sizes[shared.col])
        other = groups[rows[shared.row]] != groups[shared.col]
        top = np.zeros(len(rows))
        np.maximum.at(top, shared.row[other], ratio[other])
        best += top.tolist()
    return [k for k, b in zip(unsure, best, strict=True) if b < OFF_TOPIC]


def _near(k: int, n: int) -> list[int]:
    return [j for d in range(1, NEIGHBOURS + 1) for j in (k + d, k - d) if 0 <= j < n]


def _overlap(bags: list[set[str]], group_of: list[int], k: int, j: int) -> bool:
    if group_of[j] == group_of[k] or not bags[k]:
        return False
    return len(bags[k] & bags[j]) / min(len(bags[k]), len(bags[j]) or 1) >= OFF_TOPIC


STRAY_SHARE = 0.5  # of two unrelated sources, one with at most this share of the other's words


def _stray_of_two(bags: list[set[str]], group_of: list[int]) -> set[int]:
    """Two sources that share almost nothing: no telling which is off, unless one is much the
    smaller (a notice or sign-in page beside a report); then the smaller one is."""
    groups = sorted(set(group_of))
    if len(groups) != 2:
        return set()
    size = {
        g: len(set().union(*(b for b, h in zip(bags, group_of, strict=True) if h == g)))
        for g in groups
    }
    small, large = sorted(groups, key=lambda g: size[g])
    if size[small] > STRAY_SHARE * size[large]:
        return set()
    return {k for k, g in enumerate(group_of) if g == small}


def find_boilerplate(articles: list[Article], group_of: list[int]) -> set[str]:
    """Ids of the sentences that are furniture, judged with what the whole cluster shows. The
    lines that need a parse are parsed in two batches: reader prompts at the edges, then the
    lines still short of the threshold that may be captions."""
    repeated, shared_tails = learned_repeats(articles, group_of)
    out = {s.id for k in off_topic(articles, group_of) for s in articles[k].sentences}
    lines = [(s, len(a.sentences)) for a in articles for s in a.sentences]
    parsed = Batched()
    parsed.fetch(
        _bare(s.text)
        for s, count in lines
        if _edge(s.index, count) and _may_address_reader(s.text, _details(s.text) > 0)
    )
    shapes: dict[tuple[str, bool], float] = {}  # a repeated line is judged once
    for s, count in lines:
        key = (s.text, _edge(s.index, count))
        if key not in shapes:
            shapes[key] = shape_score(*key, parsed)
    scores = [
        _evidence(s, count, repeated, shared_tails, shapes[(s.text, _edge(s.index, count))])
        for s, count in lines
    ]
    parsed.fetch(
        s.text
        for (s, count), score in zip(lines, scores, strict=True)
        if _caption_test_due(s, count, score) and _may_be_caption(s.text)
    )
    for (s, count), score in zip(lines, scores, strict=True):
        if _with_caption_test(s, count, score, parsed) >= THRESHOLD:
            out.add(s.id)
    return out


@stage("boilerplate", version="1.1", requires=("sentences", "sources"), assigns=("boilerplate",))
def boilerplate_stage(ctx: Context) -> None:
    """Mark captions, credits, contact and share lines, learned from the cluster's own repetition."""
    articles: list[Article] = ctx.get("sentences")
    ctx.put("boilerplate", find_boilerplate(articles, ctx.get("sources").group_of))
