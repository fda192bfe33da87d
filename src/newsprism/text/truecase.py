"""Display case for lowercase words.

In order of trust: the casing a sibling article uses for the same word in the same context (the
previous word), the sibling's casing for the word anywhere mid-sentence, then spaCy's named
entities and runs of proper nouns on the lowercase text (it tags "william barr" PERSON from
context; a name found once is capitalised throughout), then acronyms spaCy's
vocabulary only knows in capitals, then the few English words that are always capitalised (I,
weekdays, most months).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from newsprism.text.calendar_names import MONTHS, MONTHS_ALSO_WORDS, WEEKDAYS
from newsprism.text.siblings import RefToken

ALWAYS_CAPITAL = {
    "i": "I",
    **{name.lower(): name for name in (*WEEKDAYS, *MONTHS) if name not in MONTHS_ALSO_WORDS},
}
NAME_ENTITIES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART"}
NOMINAL = {"PROPN", "NOUN", "ADJ", "X", "NUM", "SYM"}
# Function words stay lowercase inside names ("Department of Justice", "the Daily Beast").
_MINOR = {"of", "the", "and", "for", "a", "an", "in", "on", "at", "to", "de", "s"}


class CaseTable:
    """Mid-sentence casings seen in references, by word and by (previous word, word)."""

    def __init__(self, references: Sequence[Sequence[RefToken]]) -> None:
        self.by_context: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self.by_word: dict[str, Counter[str]] = defaultdict(Counter)
        for tokens in references:
            for prev, tok in zip([None, *tokens], tokens, strict=False):
                if tok.sentence_start or not tok.surface[:1].isalpha():
                    continue
                self.by_word[tok.low][tok.surface] += 1
                if prev is not None:
                    self.by_context[(prev.low, tok.low)][tok.surface] += 1

    def lookup(self, prev: str | None, word: str, nominal: bool = True) -> str | None:
        """Casing after ``prev``, else anywhere; a capital seen only elsewhere needs a noun here.

        "states" is "States" in siblings' "United States" but a verb in "the letter states".
        """
        if prev is not None and (prev, word) in self.by_context:
            return self.by_context[(prev, word)].most_common(1)[0][0]
        if word in self.by_word:
            surface = self.by_word[word].most_common(1)[0][0]
            return surface if nominal or surface.islower() else word
        return None


def entity_words(doc: Any) -> set[int]:
    """Indices of words inside names spaCy finds in the lowercase text."""
    found: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in NAME_ENTITIES:
            found.update(t.i for t in ent if t.text not in _MINOR and t.text.isalpha())
    return found


def proper_noun_runs(doc: Any) -> set[int]:
    """Words inside runs of two or more proper nouns ("kerri kupec"), which NER often misses."""
    found: set[int] = set()
    for i in range(len(doc) - 1):
        if doc[i].pos_ == "PROPN" and doc[i + 1].pos_ == "PROPN":
            found.update(
                k for k in (i, i + 1) if doc[k].text.isalpha() and doc[k].text not in _MINOR
            )
    return found


def is_acronym(word: str, strings: Any) -> bool:
    """spaCy's vocabulary knows the word in capitals ("BBC", "FBI") but never capitalised.

    Words that are not acronyms occur capitalised at sentence starts, so they fail the test.
    """
    return (
        len(word) <= 5
        and word.isalpha()
        and word.upper() in strings
        and word.capitalize() not in strings
    )


def capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


def truecase(doc: Any, table: CaseTable, fixed: Sequence[str | None]) -> list[str]:
    """Cased words: ``fixed`` (from aligned sibling runs) first, then the table, names, rules."""
    words = [t.text for t in doc]
    # A name found once is a name everywhere in the article.
    names = {words[i] for i in entity_words(doc) | proper_noun_runs(doc)}
    cased = []
    for i, word in enumerate(words):
        nominal = doc[i].pos_ in NOMINAL
        known = fixed[i] or table.lookup(words[i - 1] if i else None, word, nominal)
        if known is not None:
            cased.append(known)
        elif is_acronym(word, doc.vocab.strings):
            cased.append(word.upper())
        elif word in names:
            cased.append(capitalise(word))
        else:
            cased.append(ALWAYS_CAPITAL.get(word, word))
    return cased
