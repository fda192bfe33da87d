"""What makes a sentence fit to show a reader on its own: complete, clean, in the outlet's words.

Agreed facts cite many sentences but show one. The shown one should start like a sentence (a capital
or a figure, not 'has left ...' or 'most recently ...'), keep its quotation marks balanced, end like a
sentence (captions and headlines do not), and come from punctuated text rather than text whose
boundaries were restored.
"""

from __future__ import annotations

import re

from newsprism.model import Sentence
from newsprism.text.terms import STOP_WORDS, words

_OPEN_QUOTES = '"“”'
_TERMINAL = re.compile(r"[.!?][\"'”’)\]]*\s*$")
_LEADING_QUOTE = re.compile(r"^\s*[\"“”]")
# Words that only place a passage in time: a sentence of nothing else ('It is seven minutes past
# seven.') carries no news.
_TIME_TEXT = (
    "minute minutes hour hours past half quarter o'clock oclock clock time morning afternoon "
    "evening night today tonight tomorrow yesterday now am pm gmt bst utc noon midnight "
    "monday tuesday wednesday thursday friday saturday sunday zero one two three four five six "
    "seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
    "nineteen twenty thirty forty fifty"
)
_TIME_WORDS = frozenset(_TIME_TEXT.split())


def starts_cleanly(text: str) -> bool:
    """Begins like a sentence: a capital letter, a digit or a currency sign after any opening mark."""
    stripped = text.lstrip(" \"“‘'(*-–—")
    return bool(stripped) and (
        stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in "$£€"
    )


def balanced_quotes(text: str) -> bool:
    """Straight quotes pair up and curly ones open and close equally often."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def ends_cleanly(text: str) -> bool:
    return bool(_TERMINAL.search(text))


def flaws(sentence: Sentence) -> tuple[bool, bool, bool, bool, bool]:
    """Sort key, best first: restored text, fragment start, quotation start, unbalanced quotes,
    no sentence ending (a caption or headline)."""
    text = sentence.text
    return (
        sentence.repaired,
        not starts_cleanly(text),
        bool(_LEADING_QUOTE.match(text)),
        not balanced_quotes(text),
        not ends_cleanly(text),
    )


def complete_clause(clause: str, sentence: str) -> str:
    """The clause when it reads as a sentence on its own (it opens the sentence, with a capital,
    quotes balanced), else the whole sentence."""
    clause = clause.strip()
    whole = sentence.strip()
    if clause == whole:
        return whole
    if whole.startswith(clause) and starts_cleanly(clause) and balanced_quotes(clause):
        return clause
    return whole


def only_time(text: str) -> bool:
    """No content word beyond numbers and time expressions ('It is seven minutes past seven.')."""
    content = [w for w in words(text) if w not in STOP_WORDS and w not in {"is", "it"}]
    return all(w.isdigit() or w in _TIME_WORDS for w in content)
