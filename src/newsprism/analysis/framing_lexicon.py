"""How loaded a single word is, from general lexical resources shipped on PyPI.

* VADER (Hutto & Gilbert 2014, MIT, ``vaderSentiment``): 7,500 words rated -4..+4 by ten raters each;
  its booster list gives the intensifiers ("utterly", "deeply").
* Pattern's subjectivity lexicon (De Smedt & Daelemans 2012, PDDL, shipped inside ``textblob``):
  2,900 adjectives and adverbs with polarity and subjectivity 0..1.

Neither knows the story: a word's loadedness here is the same in every brief. Closed-class cues
(hedges, neutral reporting verbs, partisan prefixes) are general English grammar, not story words.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from xml.etree import ElementTree

from newsprism.text.tokens import GENERAL_STOP_WORDS

VADER_MAX = 4.0
# Hedges and evidentials: the outlet signals doubt or rumour instead of stating.
HEDGES = frozenset(
    [
        "reportedly",
        "allegedly",
        "apparently",
        "seemingly",
        "supposedly",
        "purportedly",
        "ostensibly",
        "presumably",
        "arguably",
        "possibly",
        "perhaps",
        "likely",
        "unlikely",
        "rumored",
        "rumoured",
        "so-called",
        "self-described",
        "self-proclaimed",
        "self-styled",
        "alleged",
        "purported",
    ]
)
# Reporting verbs that carry no attitude; any other verb that introduces speech is emotive.
NEUTRAL_REPORTING = frozenset(
    [
        "say",
        "says",
        "said",
        "tell",
        "tells",
        "told",
        "add",
        "adds",
        "added",
        "state",
        "states",
        "stated",
        "note",
        "notes",
        "noted",
        "write",
        "writes",
        "wrote",
        "report",
        "reports",
        "reported",
        "announce",
        "announces",
        "announced",
        "explain",
        "explains",
        "explained",
        "ask",
        "asks",
        "asked",
        "reply",
        "replies",
        "replied",
        "respond",
        "responds",
        "responded",
        "continue",
        "continues",
        "continued",
        "comment",
        "comments",
        "commented",
        "testify",
        "testified",
        "read",
        "reads",
        "describe",
        "describes",
        "described",
        "mention",
        "mentions",
        "mentioned",
        "confirm",
        "confirms",
        "confirmed",
        "tweet",
        "tweets",
        "tweeted",
        "post",
        "posts",
        "posted",
    ]
)
# Word-forming prefixes that make a partisan label ("anti-war", "pro-choice", "far-left").
LABEL_PREFIXES = ("anti-", "pro-", "far-", "ultra-", "hard-line", "hardline", "arch-")
_ALPHA = re.compile(r"^[a-z][a-z'-]*[a-z]$")


@dataclass(frozen=True)
class WordLoad:
    """A word's loadedness (0..1), its polarity (-1..+1) and its category when one is clear."""

    load: float
    polarity: float
    category: str | None = None
    adjective: bool = False


@lru_cache(maxsize=1)
def vader() -> tuple[dict[str, float], frozenset[str]]:
    """VADER's word valences (single words only) and its booster (intensifier) words."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer

    lexicon = {w: float(v) for w, v in SentimentIntensityAnalyzer().lexicon.items() if " " not in w}
    boosters = frozenset(w for w in BOOSTER_DICT if " " not in w and BOOSTER_DICT[w] > 0)
    return lexicon, boosters


def _pattern_xml() -> bytes:
    """The lexicon file inside the installed textblob, found without importing textblob (whose
    import pulls in NLTK and costs seconds)."""
    spec = find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("textblob (Pattern's lexicon) is not installed")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return (folder / "en" / "en-sentiment.xml").read_bytes()


@lru_cache(maxsize=1)
def pattern_subjectivity() -> dict[str, tuple[float, float, bool]]:
    """Word -> (polarity, subjectivity, is adjective), averaged over senses, from Pattern's lexicon."""
    senses: dict[str, list[tuple[float, float, bool]]] = {}
    for node in ElementTree.fromstring(_pattern_xml()).iter("word"):
        form = (node.get("form") or "").lower()
        pos = node.get("pos") or ""
        polarity, subjectivity = float(node.get("polarity", 0)), float(node.get("subjectivity", 0))
        senses.setdefault(form, []).append((polarity, subjectivity, pos.startswith("JJ")))
    return {
        w: (
            sum(p for p, _, _ in s) / len(s),
            sum(q for _, q, _ in s) / len(s),
            any(a for _, _, a in s),
        )
        for w, s in senses.items()
    }


@lru_cache(maxsize=1)
def sentiment_analyzer() -> object:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def sentence_tone(text: str) -> float:
    """VADER's compound score of a text: -1 (most negative) .. +1 (most positive).

    VADER scores only words in its lexicon (negations and boosters just scale them), so a text
    with none of them is 0 without running the analyzer: most news sentences, at no cost.
    """
    valences, _ = vader()
    words = text.split()
    if not any(w in valences or w.strip(string.punctuation).lower() in valences for w in words):
        return 0.0
    return float(sentiment_analyzer().polarity_scores(text)["compound"])  # type: ignore[attr-defined]


@lru_cache(maxsize=65536)
def word_load(word: str) -> WordLoad | None:
    """Loadedness of one lower-case word, or None when no resource marks it."""
    if word in HEDGES:
        return WordLoad(0.5, 0.0, "speculation")
    if not _ALPHA.match(word) or word in GENERAL_STOP_WORDS:
        return None
    if word.startswith(LABEL_PREFIXES) and len(word) > 5:
        return WordLoad(0.6, 0.0, "labelling")
    valences, boosters = vader()
    if word in boosters:
        return WordLoad(0.5, 0.0, "intensifier")
    vader_load = abs(valences.get(word, 0.0)) / VADER_MAX
    polarity, subjectivity, adjective = pattern_subjectivity().get(word, (0.0, 0.0, False))
    # Subjective but not polar is description, not loading: both must be high.
    pattern_load = min(1.0, 2 * subjectivity * abs(polarity))
    load = max(vader_load, pattern_load)
    if load <= 0:
        return None
    sign = valences.get(word, 0.0) / VADER_MAX if word in valences else polarity
    return WordLoad(round(load, 3), max(-1.0, min(1.0, sign)), None, adjective)


def pattern_tone(text: str) -> float:
    """Mean Pattern polarity of the rated words in a text (-1..+1): the alternative to VADER
    that `eval framing` measures tone against."""
    lexicon = pattern_subjectivity()
    values = [lexicon[w][0] for w in re.findall(r"[a-z][a-z'-]*", text.lower()) if w in lexicon]
    return sum(values) / len(values) if values else 0.0
