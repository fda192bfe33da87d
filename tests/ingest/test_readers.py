"""Readers: every supported format, metadata kept, and bad inputs reported without aborting."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from newsprism.errors import NewsprismError
from newsprism.ingest import iter_articles, read_inputs
from newsprism.ingest.base import parse_date

STORY = "The council approved the new bridge on Monday. Work starts in May and ends in 2027."

PAGE = """<html><head><title>Bridge approved | Harbor Daily</title>
<meta name="author" content="Ana Ruiz"><meta property="og:site_name" content="Harbor Daily">
<meta property="article:published_time" content="2024-03-04"></head>
<body><nav>Home | Sports | Weather | Subscribe</nav>
<article><h1>Bridge approved</h1>
<p>The council approved the new harbor bridge on Monday after a four-hour debate.</p>
<p>"This bridge will connect two halves of our town," the mayor said after the vote.</p>
<p>Construction is expected to begin in May and to last about three years.</p></article>
<footer>Copyright Harbor Daily. All rights reserved.</footer></body></html>"""


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_text_file_becomes_one_article(tmp_path: Path) -> None:
    result = read_inputs([write(tmp_path, "a.txt", STORY)])
    assert [a.text for a in result.articles] == [STORY]
    assert result.notices == []


def test_encoding_is_guessed(tmp_path: Path) -> None:
    text = "Le maire a déclaré que le pont coûtera plus cher. Les élus ont voté à l'unanimité."
    result = read_inputs([write(tmp_path, "fr.txt", text.encode("cp1252"))])
    assert result.articles[0].text == text


def test_html_keeps_metadata_and_drops_boilerplate(tmp_path: Path) -> None:
    article = read_inputs([write(tmp_path, "page.html", PAGE)]).articles[0]
    assert article.title == "Bridge approved"
    assert article.author == "Ana Ruiz"
    assert article.outlet == "Harbor Daily"
    assert article.date == date(2024, 3, 4)
    assert "four-hour debate" in article.text
    assert "Subscribe" not in article.text and "All rights reserved" not in article.text


def test_jsonl_fields_and_bad_line_does_not_abort(tmp_path: Path) -> None:
    rows = [
        json.dumps({"text": STORY, "title": "T1", "outlet": "Wire", "url": "https://x.test/1"}),
        "{not json",
        json.dumps({"title": "no text here"}),
        json.dumps({"text": STORY + " More.", "source": "Gazette", "date": "2024-03-05T10:00:00Z"}),
    ]
    result = read_inputs([write(tmp_path, "feed.jsonl", "\n".join(rows))])
    assert [a.outlet for a in result.articles] == ["Wire", "Gazette"]
    assert result.articles[1].date == date(2024, 3, 5)
    assert [Path(str(n.source)).name for n in result.notices] == ["feed.jsonl:2", "feed.jsonl:3"]
    assert {n.code for n in result.notices} == {"input-format"}


def test_json_array_and_multinews_documents(tmp_path: Path) -> None:
    doc = [{"text": STORY, "outlet": "A"}, {"documents": ["First doc. It is here.", "Second doc."]}]
    result = read_inputs([write(tmp_path, "set.json", json.dumps(doc))])
    assert len(result.articles) == 3


def test_multinews_separator_in_text(tmp_path: Path) -> None:
    text = "First story text. NEWLINE_CHAR More. ||||| Second outlet text. |||||"
    result = read_inputs([write(tmp_path, "mn.txt", text)])
    assert [a.text for a in result.articles] == [
        "First story text. \n More.",
        "Second outlet text.",
    ]


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", "Bravo text. " * 5)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "a.txt", "Alpha text. " * 5)
    write(tmp_path, ".hidden.txt", "Hidden. " * 5)
    result = read_inputs([tmp_path])
    assert [Path(a.source).name for a in result.articles] == ["b.txt", "a.txt"]


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class FakeStdin:
        buffer = io.BytesIO(STORY.encode())

    monkeypatch.setattr("sys.stdin", FakeStdin())
    result = read_inputs(["-"])
    assert result.articles[0].source == "stdin"


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.txt", b"  \n", "input-empty"),
        ("blob.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" * 20, "input-binary"),
        ("table.csv", b"a,b\n1,2\n", "reader-unknown"),
        ("page.html", b"<html><body><nav>menu</nav></body></html>", "input-no-text"),
    ],
)
def test_bad_input_is_a_notice_naming_the_file(
    tmp_path: Path, name: str, data: bytes, code: str
) -> None:
    good = write(tmp_path, "good.txt", STORY)
    bad = write(tmp_path, name, data)
    result = read_inputs([good, bad])
    assert len(result.articles) == 1
    assert [n.code for n in result.notices] == [code]
    assert name in result.notices[0].message


def test_missing_file_is_reported(tmp_path: Path) -> None:
    result = read_inputs([tmp_path / "nope.txt"])
    assert result.articles == [] and result.notices[0].code == "input-not-found"


def test_strict_raises_on_first_bad_input(tmp_path: Path) -> None:
    with pytest.raises(NewsprismError) as err:
        read_inputs([write(tmp_path, "empty.txt", "")], strict=True)
    assert err.value.code == "input-empty" and "empty.txt" in str(err.value)


def test_ids_are_stable_and_duplicates_dropped(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", STORY)
    first = read_inputs([a, a]).articles
    second = read_inputs([a]).articles
    assert len(first) == 1 and first[0].id == second[0].id


def test_iter_articles_streams_skips_repeats_and_reports_bad_rows(tmp_path: Path) -> None:
    row = {
        "id": "x1",
        "cluster": "c1",
        "title": "T",
        "text": STORY,
        "source": "Wire",
        "date": "2021-05-04",
    }
    rows = [row, {"id": "x2", "cluster": "c1", "title": "T"}, row]
    path = write(tmp_path, "in.jsonl", "\n".join(json.dumps(r) for r in rows))
    notices: list[str] = []
    got = list(iter_articles([path], on_notice=lambda n: notices.append(n.code)))
    assert [(a.outlet, str(a.date)) for a in got] == [("Wire", "2021-05-04")]
    assert notices == ["input-format"]
    with pytest.raises(NewsprismError):
        list(iter_articles([path], strict=True))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-10-18", date(2021, 10, 18)),
        ("2021-10-18T23:30:00+00:00", date(2021, 10, 18)),
        ("2021-10-18T23:30:00Z", date(2021, 10, 18)),
        ("Oct 18, 2021", date(2021, 10, 18)),
        ("18 October 2021 10:00", date(2021, 10, 18)),
        ("not a date", None),
        ("", None),
    ],
)
def test_dates_in_iso_and_other_forms(value: str, expected: date | None) -> None:
    assert parse_date(value) == expected
