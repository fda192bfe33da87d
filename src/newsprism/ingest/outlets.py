"""Outlet names from what an input carries besides metadata: its URL, an agency cue in its first
lines, or a credit line at its end. A file name is the last resort and stays with `Article.label`.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

# Hosts' leading labels that name a rendering of a site, not the outlet.
_SUBDOMAINS_DROPPED = {"www", "www2", "www3", "m", "mobile", "amp", "edition", "news", "en"}
# News agencies named in datelines and bylines: "(AP)", "(Reuters) -", "— AFP".
AGENCIES = (
    "AP",
    "Associated Press",
    "Reuters",
    "AFP",
    "Agence France-Presse",
    "Bloomberg",
    "UPI",
    "dpa",
    "EFE",
    "ANSA",
    "Kyodo",
    "Xinhua",
    "AAP",
    "Press Association",
)
_AGENCY = "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))
_DASH = r"[-–—]"
# "PLACE, Month 5 (Name) -": a dateline credits whoever is in the brackets, agency or not.
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{1,40}(?:,[A-Za-z .'’-]{0,40})?(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?"
    rf"\s*\(([A-Z][\w.&'’ -]{{1,40}}?)\)\s*{_DASH}"
)
_AGENCY_IN_BRACKETS = re.compile(rf"\(({_AGENCY})\)")
_AGENCY_AT_LINE_END = re.compile(rf"(?:{_DASH}|\bBy\b.*,)\s*({_AGENCY})\s*$", re.MULTILINE)
CUE_CHARS = 400  # a cue sits in the dateline or byline, within the first lines
# A credit line in an article's last lines names who published it: "Published with permission of
# X.", "This article originally appeared in X.", "© 2024 X", "Write to Jo Roe at jo.roe@x.com".
_WORD = r"[A-Z](?:[\w&'’-]|\.(?=\w))*"
_NAME_RUN = rf"(?:[Tt]he\s+)?{_WORD}(?:\s+(?:of\s+|and\s+|&\s+)?{_WORD}){{0,5}}"
_CREDIT = re.compile(
    r"(?:(?:re)?published|reprinted|used)\s+(?:here\s+)?with\s+(?:the\s+)?"
    r"(?:kind\s+)?permission\s+(?:of|from)\s+"
    r"|(?:this|the)\s+(?:article|story|piece|post)\s+(?:was\s+)?(?:originally|first)\s+"
    r"(?:appeared|published|ran)\s+(?:in|on|by|at)\s+(?:the\s[^\n]{0,30}?\bissue\s+of\s+)?"
    # a copyright line of its own, not a photo credit or a citation inside a sentence
    r"|(?:^|\n)[ \t]*(?:©|\([Cc]\)|[Cc]opyright)(?:\s*©)?\s*(?:(?:19|20)\d\d\s+)?",
    re.IGNORECASE,
)
_CREDIT_NAME = re.compile(_NAME_RUN)
_CONTACT_EMAIL = re.compile(
    r"\b[Ww]rite\s+to\s+[^@\n]{1,60}?\s+at\s+[\w.+-]+@([\w-]+(?:\.[\w-]+)+)"
)


def agency_cue(text: str) -> str | None:
    """The outlet a dateline or byline names in the first lines, e.g. '(Reuters) -'."""
    head = text[:CUE_CHARS]
    first = head.lstrip().split("\n", 1)[0]
    for pattern in (_DATELINE, _AGENCY_IN_BRACKETS):
        found = pattern.search(first)
        if found:
            return found.group(1).strip()
    found = _AGENCY_IN_BRACKETS.search(head) or _AGENCY_AT_LINE_END.search(head)
    return found.group(1).strip() if found else None


def credit_cue(text: str) -> str | None:
    """The publisher a credit line names in the last lines, e.g. 'Published with permission of X.'"""
    tail = text[-CUE_CHARS:]
    found = _last(_CREDIT.finditer(tail))
    if found is not None:
        name = _CREDIT_NAME.match(tail, found.end())
        if name:
            return name.group().rstrip(".")
    email = _last(_CONTACT_EMAIL.finditer(tail))
    return name_from_url("//" + email.group(1)) if email else None


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    """The last match: a credit closes the article, so an earlier one is body text."""
    last = deque(matches, maxlen=1)
    return last[0] if last else None


def outlet_cue(text: str) -> str | None:
    """The outlet named in the text itself: a dateline or byline first, else a closing credit."""
    return agency_cue(text) or credit_cue(text)


def name_from_url(url: str) -> str | None:
    """'https://www.example-news.co.uk/x' -> 'Example News': the registered domain, made readable."""
    try:
        host = urlsplit(url.strip()).netloc.rsplit("@", 1)[-1].split(":", 1)[0]
    except ValueError:
        return None
    if not host or not any(c.isalpha() for c in host):
        return None
    return _name_of_host(host)


@lru_cache(maxsize=1024)
def _name_of_host(host: str) -> str | None:
    domain = _registered_domain(host)
    if not domain:
        return None
    words = [w for part in re.split(r"[-_.]+", domain) for w in _camel_words(part) if w]
    return " ".join(_word(w) for w in words) or None


def _registered_domain(host: str) -> str:
    """The part of the host before its public suffix ('news.bbc.co.uk' -> 'bbc')."""
    found = _extractor()(host)
    if found.domain:
        return str(found.domain)
    labels = [p for p in host.split(".") if p and p.lower() not in _SUBDOMAINS_DROPPED]
    return labels[0] if labels else ""


@lru_cache(maxsize=1)
def _extractor() -> Any:
    """The public suffix list bundled with tldextract: never fetched over the network."""
    import tldextract  # imported on first use: loading the list costs start-up time

    return tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
    )


def _camel_words(part: str) -> list[str]:
    return re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+", part) or [part]


def _word(word: str) -> str:
    """Vowel-less or two-letter words are initials ('cnn' -> 'CNN', 'cnbc' -> 'CNBC', 'ap')."""
    if word.isupper() or word.isdigit():
        return word
    low = word.lower()
    if len(low) <= 2 or (len(low) <= 5 and not re.search(r"[aeiouy]", low)):
        return low.upper()
    return low.capitalize()
