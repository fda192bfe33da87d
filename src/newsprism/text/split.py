"""Sentence splitting of punctuated text, paragraph by paragraph.

nupunkt was chosen over pysbd by measured boundary F1 and speed (see bench/sentence_split.py).
"""

from __future__ import annotations

import re

import nupunkt

_PARAGRAPH = re.compile(r"\n\s*\n|\r\n\s*\r\n")
_LINE = re.compile(r"\s*\n\s*")


def paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; single newlines inside a paragraph are soft wraps."""
    parts = [p.strip() for p in _PARAGRAPH.split(text)]
    if len(parts) == 1 and text.count("\n") >= 2:
        # Text with one paragraph per line (common in scraped and JSONL input).
        parts = [p.strip() for p in text.split("\n")]
    return [_LINE.sub(" ", p) for p in parts if p]


def split_sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in nupunkt.sent_tokenize(paragraph) if s.strip()]


def split_text(text: str) -> list[tuple[int, str]]:
    """(paragraph number, sentence) pairs for punctuated text."""
    return [(i, s) for i, para in enumerate(paragraphs(text)) for s in split_sentences(para)]
