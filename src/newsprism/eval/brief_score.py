"""Score one brief against one answer key (rules in docs/eval-brief.md).

Every rule compares the brief's own output (values, quote texts, cited sentences) with the key; none
looks at the articles beyond what the brief cites, so a section earns credit only for what it shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from newsprism.eval.keys import Cited, Key, normalise
from newsprism.model import Brief, Discrepancy, DiscrepancyValue
from newsprism.text.quantities import find_quantities
from newsprism.text.terms import content_stems, related

TOP = 5
COVER = 0.5  # share of a description's content words an unkeyed item or agreed fact must show
_PARENS = re.compile(r"\([^)]*\)")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


@dataclass
class Tally:
    """found / total for one section, with what was missed (for reading, not scoring)."""

    found: int = 0
    total: int = 0
    missed: list[str] = field(default_factory=list)

    def add(self, hit: bool, label: str) -> None:
        self.total += 1
        self.found += hit
        if not hit:
            self.missed.append(label)

    @property
    def rate(self) -> float | None:
        return self.found / self.total if self.total else None


def figures(text: str) -> set[str]:
    """Numbers a text states, normalised: '1,100' and 'one thousand one hundred' alike."""
    out = {m.group(0) for m in _CLOCK.finditer(text)}
    for m in _DIGITS.finditer(text):
        out.add(_num(float(m.group(0).replace(",", ""))))
    for q in find_quantities(text):
        if q.kind in {"count", "money", "percent", "duration"}:
            out |= {_num(v) for v in (q.low, q.high) if v not in (float("inf"), float("-inf"))}
    return out


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


@dataclass(frozen=True)
class Signature:
    """What a key value must show to be carried: its figures, else its distinctive words."""

    figures: frozenset[str]
    words: frozenset[str]
    all_words: bool  # no distinctive word: every content word must show


def signatures(values: dict[str, list[str]]) -> dict[str, Signature]:
    """Per value: figures when they tell it from the other values, else words the others lack."""
    core = {v: _PARENS.sub(" ", v) for v in values}
    figs = {v: frozenset(figures(core[v])) for v in values}
    stems = {v: set(content_stems(core[v])) for v in values}
    out = {}
    for v in values:
        others_figs = [figs[o] for o in values if o != v]
        if figs[v] and all(figs[v] != f for f in others_figs):
            out[v] = Signature(figs[v], frozenset(), False)
            continue
        others = set().union(*(stems[o] for o in values if o != v))
        own = frozenset(s for s in stems[v] if not any(related(s, o) for o in others))
        out[v] = Signature(figs[v], own or frozenset(stems[v]), not own)
    return out


def carries(sig: Signature, docs: set[str], side: DiscrepancyValue, cited: Cited) -> bool:
    """A reported side carries a key value: cited only from its documents, showing its signature."""
    side_docs = cited.docs(side.citations)
    if not side_docs or not side_docs <= docs:
        return False
    text = side.value + " " + cited.text(side.citations)
    if sig.figures and not sig.words:
        return sig.figures <= figures(text)
    have = content_stems(text)
    hits = [w for w in sig.words if any(related(w, h) for h in have)]
    return len(hits) == len(sig.words) if sig.all_words else bool(hits)


def matches(item: dict[str, Any], found: Discrepancy, cited: Cited) -> bool:
    """At least two of the key's values are carried, each by a different reported side."""
    values: dict[str, list[str]] = item.get("values") or {}
    sigs = signatures(values)
    pairs = {
        (v, i)
        for v in values
        for i, side in enumerate(found.values)
        if carries(sigs[v], set(values[v]), side, cited)
    }
    return any(a != b and x != y for a, x in pairs for b, y in pairs)  # two key values on two sides


def score_discrepancies(key: Key, brief: Brief, cited: Cited) -> dict[str, Any]:
    """Recall over the key's discrepancies (internal inconsistencies apart) and top-5 noise."""
    outlets = Tally()
    internal = Tally()
    for item in key.items("discrepancies"):
        hit = any(matches(item, d, cited) for d in brief.discrepancies)
        tally = internal if item.get("kind") == "internal_inconsistency" else outlets
        tally.add(hit, str(item.get("what")))
    known = key.items("discrepancies") + key.items("borderline_not_counted")
    top = brief.discrepancies[:TOP]
    noise = [d.what for d in top if not any(matches(item, d, cited) for item in known)]
    return {"recall": outlets, "internal": internal, "top": len(top), "noise": noise}


def score_quotes(key: Key, brief: Brief, cited: Cited) -> tuple[Tally, Tally]:
    """Fragment inside a reported quote (text, variants or cited sentences) citing every listed doc;
    the second tally also demands no other doc (the exact outlet set)."""
    cover, exact = Tally(), Tally()
    quotes = [
        (normalise(" ".join([q.text, *(v.text for v in q.variants), cited.text(q.citations)])),
         cited.docs(q.citations))
        for q in brief.quotes
    ]  # fmt: skip
    for item in key.items("shared_quotes"):
        fragment = normalise(item["fragment"])
        want = set(item["docs"])
        holding = [docs for text, docs in quotes if fragment in text]
        label = item["fragment"][:60]
        cover.add(any(want <= docs for docs in holding), label)
        exact.add(any(want == docs for docs in holding), label)
    return cover, exact


def whole_word(keyword: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(keyword.lower())}(?!\w)", text) is not None


_ALTERNATIVES = re.compile(r"([^\W_][\w'-]*)\s*/\s*([^\W_][\w'-]*)")


def slots(description: str) -> list[set[str]]:
    """The content words a paraphrase asks for; words the key writes as alternatives ('unconscious
    / incapacitated', 'remove / recall') fill one slot, as either word does."""
    out: list[set[str]] = []
    pending: set[str] = set()
    for k, part in enumerate(_ALTERNATIVES.split(_PARENS.sub(" ", description))):
        stems = {t for t in content_stems(part) if len(t) > 2}
        if k % 3 == 0:  # plain text between alternatives
            out += [{t} for t in content_stems(part) if len(t) > 2]
        elif k % 3 == 1:
            pending = stems
        elif stems | pending:
            out.append(stems | pending)
    return out


def covers(description: str, text: str, share: float = COVER) -> bool:
    """Most content words of a paraphrase show in the text (for items the key gives no keywords)."""
    want = slots(description)
    have = content_stems(text)
    hits = sum(any(related(w, h) for w in slot for h in have) for slot in want)
    return bool(want) and hits >= share * len(want)


def score_unique(key: Key, brief: Brief, cited: Cited) -> Tally:
    """A keyword, as a whole word, in the sentences the brief's unique items for that doc cite."""
    texts: dict[str, str] = {}
    for item in brief.unique:
        doc = cited.doc_of(item.article_id)
        if doc:
            texts[doc] = texts.get(doc, "") + " " + cited.text(item.citations).lower()
    tally = Tally()
    unique: dict[str, list[Any]] = key.data.get("unique_to_one_source") or {}
    for doc, items in unique.items():
        if doc not in key.docs:
            continue
        for item in items:
            text = texts.get(doc, "")
            if isinstance(item, str):  # older keys: a description, no keywords
                tally.add(covers(item, text), f"{doc}: {item[:60]}")
            else:
                hit = any(whole_word(k, text) for k in item.get("keywords", []))
                tally.add(hit, f"{doc}: {item['item'][:60]}")
    return tally


def score_agreed(key: Key, brief: Brief, cited: Cited) -> Tally:
    """A reported agreed item citing at least two of the fact's docs whose own text covers most of
    the fact's content words (a paraphrase check, so this is a lower bound)."""
    tally = Tally()
    for item in key.items("agreed_facts"):
        want = set(item["docs"]) & set(key.docs)
        hit = any(
            len(cited.docs(f.citations) & want) >= min(2, len(want))
            and covers(item["fact"], f.text)
            for f in brief.agreed
        )
        tally.add(hit, str(item["fact"])[:60])
    return tally
