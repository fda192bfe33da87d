"""JSON and JSON Lines: one document or one record a line, decided without reading the file twice."""

from __future__ import annotations

import json

from newsprism.errors import NewsprismError
from newsprism.ingest.jsonl import loads, read_jsonl
from newsprism.model import Article


def _read(text: str) -> tuple[list[str], list[str]]:
    """The articles' texts and the notices' sources, in order."""
    items = list(read_jsonl(text.encode("utf-8"), "in.jsonl"))
    texts = [i.text for i in items if isinstance(i, Article)]
    sources = [str(i.source) for i in items if isinstance(i, NewsprismError)]
    return texts, sources


def test_json_lines_yield_one_article_a_line_and_notices_name_the_line() -> None:
    good = json.dumps({"text": "The bridge opens today."})
    deep = "[" * 100 + "]" * 100
    texts, sources = _read(f"{good}\n{deep}\nnot json\n\n{good.replace('today', 'again')}\n")
    assert texts == ["The bridge opens today.", "The bridge opens again."]
    assert sources == ["in.jsonl:2", "in.jsonl:3"]


def test_a_document_spread_over_lines_is_read_whole() -> None:
    records = [{"text": "First report."}, {"text": "Second report."}]
    texts, sources = _read(json.dumps(records, indent=2))
    assert texts == ["First report.", "Second report."] and sources == []
    texts, _ = _read(json.dumps({"text": "One record\nover lines."}, indent=1))
    assert texts == ["One record\nover lines."]


def test_a_one_line_document_with_trailing_blank_lines_is_read_whole() -> None:
    doc = json.dumps([{"text": "Alpha report."}, {"text": "Beta report."}])
    assert _read(doc + "\n\n  \n")[0] == ["Alpha report.", "Beta report."]


def test_a_first_line_cut_short_falls_back_to_lines() -> None:
    texts, sources = _read('{"text": "cut\n' + json.dumps({"text": "Whole record."}) + "\n")
    assert texts == ["Whole record."] and sources == ["in.jsonl:1"]


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    many = "é" + "[" * 200  # more brackets than the depth limit, all inside a string
    texts, sources = _read(json.dumps({"text": f"Opens {many} today."}, ensure_ascii=False))
    assert texts == [f"Opens {many} today."] and sources == []
    # A decoded line may hold lone surrogates; counting brackets must not trip on them.
    assert loads('["\ud800' + "{" * 100 + '"]', "x") == ["\ud800" + "{" * 100]
