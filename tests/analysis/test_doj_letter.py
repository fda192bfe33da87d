"""The Done-when criteria of the cross-source analysis on ../shared/clusters/doj-letter.

Reads the articles and expected.json at run time (nothing is copied into the repo). Document keys
are the file-name prefixes ('000', ...). Matching is by meaning-bearing words, not exact strings.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from tests.expect import covers, named_as_agent, stated_numbers, stems

from newsprism.api import brief
from newsprism.eval.faithfulness import check_agreed, check_quotes, check_summary, counts
from newsprism.model import Brief

LETTER = re.compile(r"letter|petition|statement|officials|signatories|signees|alumni", re.I)


@lru_cache(maxsize=1)
def _run(path: str) -> Brief:
    return brief(path)


@pytest.fixture(scope="module")
def doj(doj_dir: Path) -> tuple[Brief, dict[str, Any], dict[str, str]]:
    result = _run(str(doj_dir))
    expected = json.loads((doj_dir / "expected.json").read_text())
    keys = {a.label: Path(a.source).name.split("_")[0] for a in result.articles}
    return result, expected, keys


def _docs(outlets: list[str], keys: dict[str, str]) -> set[str]:
    return {keys[o] for o in outlets}


def _numbers(text: str) -> set[tuple[float, float]]:
    return stated_numbers(text)  # the test's own reading, not the code under test


def _covers(description: str, text: str, share: float = 0.5) -> bool:
    return covers(description, text, share)


def _figure_expectations(expected: dict[str, Any]) -> list[dict[str, Any]]:
    return [d for d in expected["discrepancies"] if all(_numbers(v) for v in d["values"])]


def _matches(disc: Any, exp: dict[str, Any], keys: dict[str, str]) -> bool:
    """Every expected value appears with exactly its sources (matched by number and bound)."""
    mine = {(v.value, frozenset(_docs(v.outlets, keys))) for v in disc.values}
    for value, docs in exp["values"].items():
        target = _numbers(value)
        bound = value.split()[0] in {"more", "up"}
        if not any(_numbers(v) == target and (v.split()[0] in {"more", "up"}) == bound
                   and d == frozenset(docs) for v, d in mine):  # fmt: skip
            return False
    return True


def test_figure_discrepancies_with_their_sources(doj) -> None:
    result, expected, keys = doj
    for exp in _figure_expectations(expected):
        assert any(_matches(d, exp, keys) for d in result.discrepancies), exp["what"]


def test_no_invented_discrepancy_in_top_five(doj) -> None:
    result, expected, keys = doj
    figures = _figure_expectations(expected)
    claims = [
        {frozenset(docs) for docs in d["values"].values()}
        for d in expected["discrepancies"]
        if not all(_numbers(v) for v in d["values"])
    ]
    for disc in result.discrepancies[:5]:
        if disc.kind == "figure":
            assert any(_matches(disc, exp, keys) for exp in figures), disc.what
        else:
            assert {frozenset(_docs(v.outlets, keys)) for v in disc.values} in claims, disc.what


def test_claim_discrepancy_with_both_sides(doj) -> None:
    """'resigned' vs 'withdrew from / quit the case': each side with exactly its sources."""
    result, expected, keys = doj
    claims = [d for d in expected["discrepancies"] if not all(_numbers(v) for v in d["values"])]
    for exp in claims:
        sides = {frozenset(docs) for docs in exp["values"].values()}
        assert any(
            d.kind == "claim" and {frozenset(_docs(v.outlets, keys)) for v in d.values} == sides
            for d in result.discrepancies
        ), exp["what"]


def test_shared_quotes_outlets_and_speaker(doj) -> None:
    result, expected, keys = doj
    found = 0
    for exp in expected["shared_quotes"]:
        fragment = " ".join(stems(exp["fragment"]))
        for quote in result.quotes:
            texts = [quote.text] + [v.text for v in quote.variants]
            if any(fragment in " ".join(stems(t)) for t in texts):
                found += _docs(quote.outlets, keys) == set(exp["docs"]) and bool(
                    LETTER.search(quote.speaker or "")
                )
                break
    assert found >= 6


def test_unique_items_attributed(doj) -> None:
    result, expected, keys = doj
    by_doc: dict[str, list[str]] = {}
    for item in result.unique:
        by_doc.setdefault(keys[item.outlet], []).append(item.text)
    hits = sum(
        any(_covers(description, text) for text in by_doc.get(doc, []))
        for doc, descriptions in expected["unique_to_one_source"].items()
        for description in descriptions
    )
    assert hits >= 8


@pytest.mark.xfail(
    strict=True,
    reason="agreed items are now credited only when an outlet's sentence states the shown text "
    "(same figures and names, most words); the key's facts are abstractions no outlet sentence "
    "states alone, so recall fell (issue 9 report)",
)
def test_agreed_facts(doj) -> None:
    result, expected, keys = doj
    for exp in expected["agreed_facts"]:
        want = set(exp["docs"])
        assert any(
            _covers(exp["fact"], fact.text)
            and len(_docs(fact.outlets, keys) & want) >= max(2, round(2 * len(want) / 3))
            for fact in result.agreed
        ), exp["fact"]


def test_agreed_items_are_supported_by_every_credited_outlet(doj) -> None:
    """Done-when of the faithfulness issue: the independent checker finds no unsupported credit,
    no wrong 'not reported by' and no count mismatch in the seed's agreed items."""
    result, _, _ = doj
    found = counts(check_agreed(result))
    assert found["unsupported_agreed"] == 0
    assert found["wrong_omitted_by"] == 0
    assert found["count_label"] == 0
    # each item reads on its own: a whole sentence pointing back at nothing ('One of these ...')
    assert found["agreed_reference"] == found["agreed_fragment"] == 0


def test_summary_has_no_unattributed_opinion_or_dangling_reference(doj) -> None:
    """Issue 9 on the seeds: the letter's words appear only with its attribution."""
    result, _, _ = doj
    found = counts(check_summary(result))
    assert found["unbalanced_quotes"] == found["unresolved_reference"] == 0
    assert found["unattributed_opinion"] == 0
    assert any(s.note for s in result.summary) or not result.discrepancies


def test_every_quotation_is_shown_as_one_outlet_printed_it(doj) -> None:
    """Issue 10: merged partial quotes keep one outlet's words, punctuation and conjunctions."""
    result, _, _ = doj
    assert result.quotes
    assert check_quotes(result) == []


def test_summary_names_who_made_the_letter(doj, doj_dir: Path) -> None:
    """Issue 9: the summary names who organised the letter. The oracle: an organisation of the
    expected key players that at least two articles name after 'by' (compiled, maintained by)."""
    result, expected, _ = doj
    texts = [p.read_text(encoding="utf-8") for p in sorted(doj_dir.glob("*.txt"))]
    makers = [o for o in expected["entities"]["ORG"] if named_as_agent(o, texts) >= 2]
    assert makers, "the oracle finds the organiser"
    summary = " ".join(s.text for s in result.summary).lower()
    assert any(m.lower() in summary for m in makers)
    assert sum(len(s.text.split()) for s in result.summary) <= 250
