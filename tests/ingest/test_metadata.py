"""Outlets, stances, titles and dates from metadata: doc_meta, manifests, front matter, URLs,
agency cues; a file with no cue keeps its stem."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from newsprism.api import load_inputs
from newsprism.ingest import read_inputs

BODY = "The council approved the new bridge on Monday. Work starts in May and ends in 2027."


def test_allsides_style_documents_take_doc_meta_and_headline(tmp_path: Path) -> None:
    record = {
        "id": "story-1",
        "headline": "Council Approves Bridge",
        "date": "2024-03-04T10:00:00-05:00",
        "documents": [BODY, BODY.replace("Monday", "Tuesday"), BODY.replace("May", "June")],
        "doc_meta": [
            {
                "outlet": "Harbor Daily (News)",
                "stance": "Lean Left",
                "title": "Bridge approved",
                "url": "https://www.harbor-daily.com/a",
            },
            {"outlet": "Valley Post", "stance": "right", "url": "https://valleypost.com/b"},
            {"stance": "center", "url": "https://www.river-times.com/c"},
        ],
    }
    path = tmp_path / "stories.jsonl"
    path.write_text(json.dumps(record) + "\n")
    result = load_inputs([path])
    assert [a.label for a in result.articles] == [
        "Harbor Daily (News)",
        "Valley Post",
        "River Times",
    ]
    assert [a.stance for a in result.articles] == ["lean left", "right", "center"]
    assert result.articles[0].title == "Bridge approved"
    assert result.title == "Council Approves Bridge"
    assert result.notices == []


def test_folder_of_text_files_with_a_csv_manifest(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(BODY)
    (tmp_path / "two.txt").write_text(BODY.replace("Monday", "Friday"))
    (tmp_path / "three.txt").write_text(BODY.replace("May", "July"))
    (tmp_path / "articles.csv").write_text(
        "file,outlet,date,url,stance,title\n"
        "one.txt,Harbor Daily,2024-03-04,,lean left,Bridge approved\n"
        "two.txt,,2024-03-05,https://www.valley-post.com/x,,\n"
    )
    result = read_inputs([tmp_path])
    by_file = {Path(a.source).name: a for a in result.articles}
    assert by_file["one.txt"].label == "Harbor Daily"
    assert (
        by_file["one.txt"].stance == "lean left" and by_file["one.txt"].title == "Bridge approved"
    )
    assert by_file["one.txt"].date == date(2024, 3, 4)
    assert by_file["two.txt"].label == "Valley Post"  # from the manifest's URL
    assert by_file["three.txt"].label == "three"  # no entry, no cue: the stem
    assert result.notices == []  # the manifest is metadata, not a skipped input


def test_yaml_manifest_as_mapping_and_as_list(tmp_path: Path) -> None:
    for layout, text in [
        ("map", "a.txt:\n  outlet: Harbor Daily\n  date: 2024-03-04\nb.txt: Valley Post\n"),
        (
            "list",
            "- file: a.txt\n  outlet: Harbor Daily\n  date: 2024-03-04\n"
            "- {file: b.txt, outlet: Valley Post}\n",
        ),
    ]:
        folder = tmp_path / layout
        folder.mkdir()
        (folder / "a.txt").write_text(BODY)
        (folder / "b.txt").write_text(BODY.replace("Monday", "Friday"))
        (folder / "articles.yaml").write_text(text)
        articles = read_inputs([folder]).articles
        assert [a.label for a in articles] == ["Harbor Daily", "Valley Post"], layout
        assert articles[0].date == date(2024, 3, 4)


def test_manifest_applies_to_a_file_named_on_its_own(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "articles.yaml").write_text("a.txt: {outlet: Harbor Daily}\n")
    assert read_inputs([tmp_path / "a.txt"]).articles[0].label == "Harbor Daily"


def test_bad_manifest_fields_are_notices_naming_the_manifest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "articles.yaml").write_text("a.txt: {outlet: [1, 2], date: 123}\n- broken")
    result = read_inputs([tmp_path])
    assert [a.label for a in result.articles] == ["a"]
    assert any("articles.yaml" in (n.source or "") for n in result.notices)


def test_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "---\noutlet: Harbor Daily\ndate: 2024-03-04\nstance: center\ntitle: Bridge\n"
        "url: https://harbor.example/a\n---\n" + BODY
    )
    article = read_inputs([path]).articles[0]
    assert (article.label, article.stance, article.title) == ("Harbor Daily", "center", "Bridge")
    assert article.date == date(2024, 3, 4) and article.url == "https://harbor.example/a"
    assert article.text == BODY  # the block is not part of the article


def test_front_matter_beats_an_agency_cue_and_a_cue_beats_the_stem(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("---\noutlet: Harbor Daily\n---\nLONDON (Reuters) - " + BODY)
    (tmp_path / "b.txt").write_text("LONDON (Reuters) - " + BODY)
    (tmp_path / "c_0123abcd.txt").write_text(BODY)
    labels = [a.label for a in read_inputs([tmp_path]).articles]
    assert labels == ["Harbor Daily", "Reuters", "c_0123abcd"]


def test_url_domain_names_a_json_record_without_outlet(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": BODY, "url": "https://www.example-news.com/x"}) + "\n")
    assert read_inputs([path]).articles[0].label == "Example News"


def test_stdin_documents_are_numbered_not_hashed() -> None:
    from newsprism.ingest.text import articles_from_text

    articles = articles_from_text(f"{BODY} ||||| {BODY.replace('May', 'June')}", "stdin")
    assert [a.label for a in articles] == ["stdin #1", "stdin #2"]


def test_news_api_shapes_outlet_object_author_list_and_date_key(tmp_path: Path) -> None:
    record = {
        "content": BODY,
        "source": {"id": None, "name": "Harbor Daily"},
        "authors": ["Ana Ruiz", "Li Wei"],
        "publishedAt": "2024-03-04T09:00:00Z",
    }
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(record))
    result = read_inputs([path])
    article = result.articles[0]
    assert (article.label, article.author, article.date) == (
        "Harbor Daily",
        "Ana Ruiz, Li Wei",
        date(2024, 3, 4),
    )
    assert result.notices == []


def test_names_from_metadata_and_file_names_never_become_markup(tmp_path: Path) -> None:
    from newsprism.api import brief
    from newsprism.render import render

    (tmp_path / "a.txt").write_text(
        '---\noutlet: "<img src=x onerror=alert(1)>"\ntitle: "<script>alert(2)</script>"\n---\n'
        + BODY
    )
    (tmp_path / "b<svg onload=alert(3)>.txt").write_text(BODY.replace("Monday", "Friday"))
    made = brief([tmp_path], stages=["sentences"])
    assert "<img src=x onerror=alert(1)>" in [a.label for a in made.articles]
    page, text = render(made, "html"), render(made, "md")
    for payload in ("<img src=x", "<script>alert", "<svg onload"):
        assert payload not in page
        assert payload not in text.replace("\\<", "&lt;")  # Markdown escapes '<' as '\<'
