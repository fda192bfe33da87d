"""A generated malformed-input suite: every case is read beside a good article and must give no
traceback, no hang (a time budget per case), the good article, and a notice naming the source.

Cases are built here, by class: JSON fields of the wrong type, junk `documents`, deep nesting and
huge numbers, surrogates, encodings, empty and invisible content, separators only, many tiny
lines, terminal escapes in text and names, broken HTML; `hypothesis` adds random records and bytes.
"""

from __future__ import annotations

import json
import math
import signal
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.expect import the

from newsprism.errors import NewsprismError
from newsprism.ingest import read_inputs
from newsprism.ingest.base import StoryTitle
from newsprism.ingest.jsonl import read_jsonl
from newsprism.ingest.text import read_text
from newsprism.model import Article

GOOD = "The council approved the new bridge on Monday. Work starts in May and ends in 2027."
OTHER = "The harbour board delayed the ferry contract on Friday. A new vote is due in June."
BUDGET_SECONDS = 10


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    data: bytes
    notice: bool = True  # the case must be named in a notice
    articles: int | None = None  # how many articles the case itself gives, when known
    in_folder: bool = False  # read as part of a folder of good articles, not named alone


def jsonl(*records: object) -> bytes:
    return b"".join(json.dumps(r, allow_nan=True).encode() + b"\n" for r in records)


BAD_VALUES = {
    "number": 123,
    "float": 1.5,
    "nan": math.nan,
    "infinity": math.inf,
    "bool": True,
    "list": [1, "b"],
    "nested-list": [[["deep"]]],
    "dict": {"a": 1},
    "empty-dict": {},
}
FIELDS = ("title", "url", "author", "outlet", "date", "stance", "source", "published")


def field_cases() -> Iterator[Case]:
    for field in FIELDS:
        for kind, value in BAD_VALUES.items():
            data = jsonl({"text": GOOD + " Second.", field: value})
            yield Case(f"field-{field}-{kind}", "feed.jsonl", data, articles=1)
        yield Case(
            f"field-{field}-huge-int",
            "feed.jsonl",
            b'{"text": "'
            + GOOD.encode()
            + b' 2", "'
            + field.encode()
            + b'": '
            + b"9" * 5000
            + b"}\n",
            articles=1,
        )
    for kind, value in BAD_VALUES.items():
        yield Case(f"text-{kind}", "feed.jsonl", jsonl({"text": value, "title": "T"}), articles=0)
    for value in (123, "123", "Monday", "13/45/2020", "0000-00-00", "tomorrow"):
        yield Case(
            f"date-{type(value).__name__}-{value}",
            "feed.jsonl",
            jsonl({"text": GOOD + " D.", "date": value}),
            articles=1,
        )


def document_cases() -> Iterator[Case]:
    docs: dict[str, object] = {
        "null-number-bool": [None, 123, True],
        "dicts": [{"text": GOOD + " Dict.", "outlet": "Harbor Daily"}, {"nope": 1}],
        "nested-lists": [["a", ["b"]], GOOD + " Plain."],
        "number": 5,
        "dict": {"a": GOOD},
        "empty": [],
        "blank-strings": ["", "   "],
    }
    for kind, value in docs.items():
        notice = kind not in ("empty", "blank-strings")
        yield Case(f"documents-{kind}", "story.json", jsonl({"documents": value}), notice=notice)
    metas: dict[str, object] = {
        "not-a-list": "CNN",
        "short": [{"outlet": "A"}],
        "junk-items": [None, 5],
        "bad-fields": [{"outlet": ["x"], "stance": "sideways"}, {"url": 9}],
    }
    for kind, value in metas.items():
        record = {"documents": [GOOD + " One.", GOOD + " Two."], "doc_meta": value}
        yield Case(
            f"doc-meta-{kind}", "story.json", jsonl(record), notice=kind != "short", articles=2
        )


def structure_cases() -> Iterator[Case]:
    for depth in (70, 1_000, 100_000):
        nested = "[" * depth + "]" * depth
        yield Case(
            f"nested-line-{depth}",
            "feed.jsonl",
            f'{{"text": "{GOOD}", "x": {nested}}}\n'.encode(),
            articles=0,
        )
        yield Case(f"nested-document-{depth}", "doc.json", nested.encode(), articles=0)
    yield Case(
        "brackets-inside-strings",
        "feed.jsonl",
        jsonl({"text": GOOD + " " + "[" * 500}),
        notice=False,
        articles=1,
    )
    for kind, data in {
        "not-json": b"{not json\n",
        "truncated": b'{"text": "' + GOOD.encode() + b"\n",
        "array-of-junk": b'[1, null, "x", []]',
        "scalar": b"42\n",
        "top-null": b"null\n",
        "trailing-garbage": jsonl({"text": GOOD + " T."}) + b"}}}\n",
    }.items():
        yield Case(f"json-{kind}", "feed.jsonl", data)
    for text in ("\ud800", "a\udfffb", "\udbff\udc00"):
        record = json.dumps({"text": GOOD + " S" + text, "title": "T" + text})
        yield Case(
            f"surrogate-{len(text)}-{text.encode('utf-8', 'backslashreplace').decode()}",
            "feed.jsonl",
            record.encode() + b"\n",
            notice=False,
            articles=1,
        )


ENCODED = (
    "Le maire a déclaré que le pont coûterait plus cher. Les élus ont voté à l'unanimité.\n" * 3
)


def encoding_cases() -> Iterator[Case]:
    for encoding in (
        "utf-8",
        "utf-8-sig",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "utf-32-le",
        "utf-32-be",
        "latin-1",
        "cp1252",
    ):
        yield Case(
            f"encoding-{encoding}", "fr.txt", ENCODED.encode(encoding), notice=False, articles=1
        )
        record = json.dumps({"text": ENCODED}, ensure_ascii=False)
        yield Case(
            f"json-encoding-{encoding}",
            "fr.jsonl",
            record.encode(encoding),
            notice=False,
            articles=1,
        )
    yield Case(
        "mixed-utf8-latin1",
        "fr.txt",
        ENCODED.encode("latin-1") + ENCODED.encode(),
        notice=False,
        articles=1,
    )
    yield Case(
        "cut-utf8", "fr.txt", ENCODED.encode()[:-3] + "é".encode()[:1], notice=False, articles=1
    )


def content_cases() -> Iterator[Case]:
    junk = {
        "empty": b"",
        "spaces": b"   \n\t \n",
        "nul-only": b"\x00" * 100,
        "zero-width-only": "\u200b\u200c\u200d\ufeff\u2060".encode() * 20,
        "separators-only": b"|||||" * 10,
        "separators-and-space": b"||||| \n |||||",
        "controls-only": bytes(range(1, 9)) * 20,
        "binary": bytes(range(256)) * 8,
        "escapes-only": b"\x1b[2J\x1b[H\x1b]0;title\x07" * 10,
    }
    for kind, data in junk.items():
        yield Case(f"junk-{kind}", "junk.txt", data, articles=0)
        if kind not in ("binary", "nul-only"):
            yield Case(
                f"junk-json-{kind}",
                "junk.jsonl",
                jsonl({"text": data.decode("utf-8", "replace")}),
                articles=0,
            )
    yield Case(
        "nul-inside-text",
        "a.txt",
        OTHER.encode() + b"\x00 More words.\x00",
        notice=False,
        articles=1,
    )
    yield Case(
        "escapes-inside-text",
        "a.txt",
        b"\x1b[31m" + OTHER.encode() + b"\x1b[0m\x08",
        notice=False,
        articles=1,
    )
    yield Case("tiny-lines", "lines.txt", b"a\n" * 100_000, notice=False, articles=1)
    yield Case("tiny-jsonl-lines", "lines.jsonl", b"{}\n" * 20_000)
    yield Case("one-huge-line", "huge.txt", b"word " * 200_000, articles=0)  # over the byte limit
    yield Case("front-matter-broken", "fm.txt", b"---\n: : [\n---\n" + OTHER.encode(), articles=1)
    yield Case("front-matter-list", "fm.txt", b"---\n- a\n- b\n---\n" + OTHER.encode(), articles=1)
    yield Case(
        "front-matter-bad-fields",
        "fm.txt",
        b"---\ndate: 123\noutlet: [1]\n---\n" + OTHER.encode(),
        articles=1,
    )
    yield Case("escape-in-file-name", "bad\x1b[2Jname.txt", b"", articles=0)


def html_cases() -> Iterator[Case]:
    pages = {
        "empty-page": b"<html></html>",
        "script-only": b"<html><body><script>alert(1)</script></body></html>",
        "deep-divs": b"<html><body>" + b"<div>" * 5000 + OTHER.encode() + b"</div>" * 5000,
        "unclosed": b"<html><body><p>" + GOOD.encode()[:20],
        "binary-in-html": b"<html>" + bytes(range(256)) * 4,
        "huge-page": b"<html><body>" + (b"<p>" + OTHER.encode() + b"</p>") * 40_000,
    }
    for kind, data in pages.items():
        yield Case(f"html-{kind}", "page.html", data)


ALONE = [
    *field_cases(),
    *document_cases(),
    *structure_cases(),
    *encoding_cases(),
    *content_cases(),
    *html_cases(),
]
# The same files again inside a folder of good articles (fields are per record, so skipped).
IN_FOLDER = [
    replace(c, name=f"folder-{c.name}", in_folder=True)
    for c in ALONE
    if not c.name.startswith(("field-", "text-"))
]
CASES = ALONE + IN_FOLDER


def test_the_suite_is_large_enough() -> None:
    assert len(CASES) >= 200
    assert len({c.name for c in CASES}) == len(CASES)


class Hang(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Hang(f"over {BUDGET_SECONDS} s")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_malformed_input_is_read_beside_a_good_article(case: Case, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "0-good.txt").write_text(GOOD)
    bad = folder / case.file
    bad.write_bytes(case.data)
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(BUDGET_SECONDS)
    try:
        result = read_inputs([folder] if case.in_folder else [folder / "0-good.txt", bad])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert result.articles[0].text == GOOD  # the good article survives
    mine = [a for a in result.articles if a.source.startswith(str(bad))]
    if case.articles is not None:
        assert len(mine) == case.articles
    for article in mine:  # what is kept is printable, encodable text
        for value in (article.text, article.title or "", article.outlet or "", article.label):
            value.encode("utf-8")
            assert "\x00" not in value and "\x1b" not in value
    named = [n for n in result.notices if (n.source or "").startswith(str(bad))]
    if case.notice:
        assert named, f"no notice names {bad.name}"
    assert all(n.message.startswith(n.source or "") for n in named)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
RECORDS = st.dictionaries(
    st.sampled_from(
        [
            "text",
            "title",
            "outlet",
            "url",
            "date",
            "author",
            "stance",
            "documents",
            "doc_meta",
            "headline",
            "source",
            "body",
        ]
    ),
    JSON_VALUES | st.text(min_size=1, max_size=80),
    max_size=6,
)


def _items_are_sound(items: list[object], source: str) -> None:
    for item in items:
        assert isinstance(item, Article | NewsprismError | StoryTitle)
        if isinstance(item, StoryTitle):
            item.title.encode("utf-8")
        elif isinstance(item, NewsprismError):
            assert (item.source or "").startswith(source)
        else:
            item.model_dump_json()  # renders: no surrogates, valid fields


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(RECORDS, max_size=4))
def test_random_json_records_never_raise(records: list[dict[str, object]]) -> None:
    data = b"".join(json.dumps(r).encode() + b"\n" for r in records)
    try:
        items = list(read_jsonl(data, "random.jsonl"))
    except NewsprismError as exc:  # only a whole-file problem (here: no records) ends the file
        assert exc.code == "input-empty" and not records
        return
    _items_are_sound(items, "random.jsonl")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(data: bytes) -> None:
    for reader in (read_text, read_jsonl):
        try:
            items = list(reader(data, "random.bin"))
        except NewsprismError as exc:  # a whole-file error is a named error, not a traceback
            assert exc.source == "random.bin"
            continue
        _items_are_sound(items, "random.bin")


END_TO_END = [  # a few classes through the whole pipeline and every rendering
    "field-title-nan",
    "documents-null-number-bool",
    "surrogate-1-\\ud800",
    "nul-inside-text",
    "escapes-inside-text",
]


@pytest.mark.parametrize("name", END_TO_END)
def test_whole_brief_survives_and_renders(name: str, tmp_path: Path) -> None:
    from newsprism.api import brief
    from newsprism.render import render

    case = the(ALONE, f"case {name}", lambda c: c.name == name)
    (tmp_path / "0-good.txt").write_text(GOOD + " The mayor said it will cost $4 million.")
    (tmp_path / "1-other.txt").write_text(OTHER + " The mayor said it will cost $5 million.")
    (tmp_path / case.file).write_bytes(case.data)
    made = brief(sorted(tmp_path.iterdir()))
    for fmt in ("md", "html", "json"):
        render(made, fmt).encode("utf-8")
