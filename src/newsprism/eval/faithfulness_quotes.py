"""``quote_not_verbatim``: a merged quotation whose shown text no outlet printed.

A quotation is shown in one outlet's own words: one stretch of its article, or several stretches
joined by ' … ' in the order printed. Written apart from the quotes stage: it only looks for the
shown pieces in the text of the articles the variants cite.
"""

from __future__ import annotations

import re

from newsprism.eval.faithfulness_base import Finding
from newsprism.model import Brief

GAP = " … "


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def printed_in_order(shown: str, text: str) -> bool:
    """Every ' … '-separated piece of ``shown`` occurs in ``text``, each after the previous one."""
    at = 0
    for piece in _flat(shown).split(GAP):
        piece = piece.strip()
        if not piece:
            continue
        found = text.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


def check_quotes(brief: Brief) -> list[Finding]:
    """One finding per quotation whose shown text is in no variant's article as printed."""
    text_of = {a.id: _flat(" ".join(s.text for s in a.sentences)) for a in brief.articles}
    findings = []
    for item, quote in enumerate(brief.quotes):
        sources = [text_of.get(v.article_id, "") for v in quote.variants]
        if not any(printed_in_order(quote.text, t) for t in sources):
            findings.append(
                Finding(
                    "quote_not_verbatim",
                    "quotes",
                    item,
                    quote.text,
                    "no variant's article prints this text (or its ' … ' pieces in order)",
                )
            )
    return findings
