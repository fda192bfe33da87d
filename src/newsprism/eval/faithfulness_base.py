"""What the faithfulness checker reports, and the text helpers its two halves share."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from newsprism.text.tokens import word_tokens

CATEGORIES = (
    "unbalanced_quotes",
    "unresolved_reference",
    "unattributed_opinion",
    "unsupported_agreed",
    "wrong_omitted_by",
    "count_label",
    "quote_not_verbatim",
    "agreed_reference",
    "agreed_fragment",
)

# Reporting verbs and phrases that attribute what follows (or precedes) to a speaker or document.
REPORTING = frozenset(
    [
        "say",
        "tell",
        "write",
        "state",
        "add",
        "argue",
        "claim",
        "accuse",
        "call",
        "allege",
        "assert",
        "insist",
        "note",
        "warn",
        "declare",
        "announce",
        "tweet",
        "post",
        "read",
        "conclude",
        "contend",
        "maintain",
        "charge",
        "urge",
        "demand",
        "describe",
        "explain",
        "acknowledge",
        "admit",
        "deny",
        "suggest",
        "complain",
        "ask",
        "reply",
        "respond",
        "testify",
        "report",
        "confirm",
        "continue",
        "recall",
        "according",
    ]
)


@dataclass(frozen=True)
class Finding:
    category: str
    section: str  # "summary" or "agreed"
    item: int  # position in its section
    text: str
    detail: str
    outlet: str | None = None


def unbalanced(text: str) -> bool:
    """Straight quotes come in pairs; curly ones open and close equally often and in order."""
    if text.count('"') % 2:
        return True
    depth = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth -= 1
            if depth < 0:
                return True
    return depth != 0


def tokens(text: str) -> list[str]:
    return word_tokens(text, ascii_only=True)


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    tally = Counter(f.category for f in findings)
    return {c: tally.get(c, 0) for c in CATEGORIES}
