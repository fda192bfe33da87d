"""Text normalisation: what reaches an Article is printable text."""

from __future__ import annotations

from newsprism.clean import clean_line, clean_text, for_terminal, replace_surrogates


def test_nul_zero_width_controls_and_escapes_are_removed() -> None:
    raw = "Bri\x00dge\u200b vote\x1b[2J\x1b]0;title\x07 passed\x08\x7f.\r\nNext\u2060 line\ufeff."
    assert clean_text(raw) == "Bridge vote passed.\nNext line."


def test_lone_surrogates_are_replaced() -> None:
    assert replace_surrogates("a\ud800b") == "a\ufffdb"
    clean_text("a\udfffb").encode("utf-8")  # encodable after cleaning


def test_line_breaks_and_tabs_survive_text_but_not_a_line() -> None:
    assert clean_text("a\n\n\tb") == "a\n\n\tb"
    assert clean_line("  Harbor\n\tDaily  ") == "Harbor Daily"


def test_terminal_output_loses_escapes() -> None:
    assert for_terminal("file\x1b[31mred\x1b[0m\x9b2J.txt\r") == "filered.txt"
