"""The data-loss cases: inputs never overwritten, a failed run leaves the previous output."""

from __future__ import annotations

import json
from pathlib import Path

from tests.commands.conftest import Cli

BODY = "The council approved the new bridge on Monday. Work starts in May and ends in 2027."


def articles(tmp_path: Path) -> list[Path]:
    paths = []
    for i, day in enumerate(["Monday", "Tuesday"]):
        path = tmp_path / f"a{i}.txt"
        path.write_text(BODY.replace("Monday", day))
        paths.append(path)
    return paths


def test_brief_refuses_to_write_over_an_input(tmp_path: Path, cli: Cli) -> None:
    a, b = articles(tmp_path)
    code, _, err = cli(["brief", str(a), str(b), "-o", str(a), "--force"])
    assert code == 2 and "output is also an input" in err
    assert a.read_text() == BODY


def test_brief_needs_force_to_overwrite(tmp_path: Path, cli: Cli) -> None:
    a, b = articles(tmp_path)
    out = tmp_path / "out" / "brief.md"
    out.parent.mkdir()
    out.write_text("previous")
    code, _, err = cli(["brief", str(a), str(b), "-o", str(out)])
    assert code == 2 and "--force" in err and out.read_text() == "previous"
    code, _, _ = cli(["brief", str(a), str(b), "-o", str(out), "--force"])
    assert code == 0 and out.read_text() != "previous"


def test_failed_brief_leaves_the_previous_output(tmp_path: Path, cli: Cli) -> None:
    out = tmp_path / "brief.md"
    out.write_text("previous")
    code, _, err = cli(["brief", str(tmp_path / "missing.txt"), "-o", str(out), "--force"])
    assert code == 2 and "missing.txt" in err
    assert out.read_text() == "previous"


def test_brief_output_errors_are_one_line(tmp_path: Path, cli: Cli) -> None:
    a, b = articles(tmp_path)
    for out in [tmp_path, tmp_path / "nope" / "b.md", a / "b.md"]:
        code, _, err = cli(["brief", str(a), str(b), "-o", str(out)])
        assert code == 2 and err.count("\n") == 1 and "Traceback" not in err, out


def test_a_brief_written_into_the_folder_is_not_read_next_time(tmp_path: Path, cli: Cli) -> None:
    articles(tmp_path)
    out = tmp_path / "brief.html"
    assert cli(["brief", str(tmp_path), "-o", str(out), "-f", "html"])[0] == 0
    code, text, err = cli(["brief", str(tmp_path), "-f", "json"])
    assert code == 0 and "newsprism output" in err
    assert len(json.loads(text)["articles"]) == 2


def feed(tmp_path: Path) -> Path:
    rows = [{"text": BODY.replace("Monday", d), "date": "2024-03-04"} for d in ("Monday", "Friday")]
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_cluster_refuses_its_input_as_output(tmp_path: Path, cli: Cli) -> None:
    path = feed(tmp_path)
    before = path.read_text()
    code, _, err = cli(["cluster", str(path), "--out", str(path), "-q", "--force"])
    assert code == 2 and "output is also an input" in err
    assert path.read_text() == before


def test_failed_cluster_leaves_the_previous_stories(tmp_path: Path, cli: Cli) -> None:
    out = tmp_path / "stories.jsonl"
    out.write_text("previous\n")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    for extra in ([], ["--strict"]):
        code, _, _ = cli(["cluster", str(bad), "--out", str(out), "-q", "--force", *extra])
        assert code == 2
        assert out.read_text() == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl", "stories.jsonl"]


def test_a_bad_line_in_cluster_input_is_a_notice(tmp_path: Path, cli: Cli) -> None:
    path = feed(tmp_path)
    path.write_text(path.read_text() + '{"text": ["not", "text"]}\n{broken\n')
    out = tmp_path / "stories.jsonl"
    code, _, err = cli(["cluster", str(path), "--out", str(out), "-q"])
    assert code == 0 and f"{path}:3" in err and f"{path}:4" in err
    assert json.loads(out.read_text().splitlines()[-1])["complete"] is True


def test_bad_cluster_options_are_config_errors(tmp_path: Path, cli: Cli) -> None:
    path = feed(tmp_path)
    for option in (["--day-penalty", "0"], ["--threshold", "1.5"], ["--reorder", "-1"]):
        code, _, err = cli(["cluster", str(path), "-o", str(tmp_path / "s.jsonl"), *option])
        assert code == 2 and "invalid configuration" in err, option


def test_late_arrivals_are_reported_without_a_reorder_buffer(tmp_path: Path, cli: Cli) -> None:
    rows = [
        {"text": f"{BODY} Item {i}.", "date": f"2024-03-{day:02d}"}
        for i, day in enumerate([10, 2, 9, 1, 8])
    ]
    path = tmp_path / "shuffled.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    code, _, err = cli(
        ["cluster", str(path), "-o", str(tmp_path / "s.jsonl"), "-q", "--reorder", "0"]
    )
    assert code == 0 and "out of date order" in err


def test_terminal_escapes_in_names_never_reach_stderr(tmp_path: Path, cli: Cli) -> None:
    articles(tmp_path)
    odd = tmp_path / "bad\x1b[2Jname.docx"
    odd.write_text(BODY)
    code, _, err = cli(["brief", str(tmp_path), "-f", "json"])
    assert code == 0 and "\x1b" not in err and "badname.docx" in err.replace("[2J", "")


def test_an_empty_output_path_is_named_as_empty(tmp_path: Path, cli: Cli) -> None:
    a, _ = articles(tmp_path)
    for argv in (["brief", str(a), "-o", ""], ["cluster", str(a), "--out", ""]):
        code, _, err = cli(argv)
        assert code == 2 and "the path is empty" in err, argv


def test_brief_refuses_a_stories_file_cut_short(tmp_path: Path, cli: Cli) -> None:
    out = tmp_path / "stories.jsonl"
    assert cli(["cluster", str(feed(tmp_path)), "--out", str(out), "-q"])[0] == 0
    *stories, _ = out.read_text().splitlines()
    story_id = json.loads(stories[0])["id"]
    assert cli(["brief", "--stories", str(out), "--story", story_id])[0] == 0
    out.write_text("".join(line + "\n" for line in stories))  # killed before the last line
    code, _, err = cli(["brief", "--stories", str(out), "--story", story_id])
    assert code == 2 and "cut short" in err


def test_limits_are_options(tmp_path: Path, cli: Cli) -> None:
    a, _ = articles(tmp_path)
    deep = tmp_path / "deep.jsonl"
    deep.write_text('{"text": "' + BODY + ' Deep.", "x": ' + "[" * 10 + "]" * 10 + "}\n")
    code, _, err = cli(["brief", str(a), str(deep), "--max-depth", "5"])
    assert code == 0 and "nested deeper than 5" in err
    code, _, err = cli(["brief", str(a), str(deep), "--max-articles", "1"])
    assert code == 2 and "limit 1" in err
    code, _, err = cli(["brief", str(a), "--max-depth", "0"])
    assert code == 2 and "invalid configuration" in err
