"""Text normalisation: what reaches an Article is printable text."""

from __future__ import annotations

import unicodedata

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


# The characters clean_text must remove, written out here from its contract (not its code).
_REMOVED = [
    *range(0x00, 0x09),
    0x0B,
    0x0C,
    *range(0x0E, 0x20),
    *range(0x7F, 0xA0),
    *range(0x200B, 0x2010),
    *range(0x202A, 0x202F),
    *range(0x2060, 0x2065),
    *range(0x2066, 0x2070),
    0xFEFF,
    0xFFF9,
    0xFFFA,
    0xFFFB,
    0xFFFE,
    0xFFFF,
]


def _expected(c: str) -> str:
    """What one character between a letter and a line break becomes (ESC and CSI start no
    escape sequence before a line break)."""
    if ord(c) in _REMOVED:
        return ""
    if c == "\r":
        return ""  # CR LF: one line break
    if 0xD800 <= ord(c) <= 0xDFFF:
        return "\ufffd"
    return c


def test_every_bmp_character_is_kept_or_cleaned_as_the_contract_says() -> None:
    # Covers the one-scan shortcut for ASCII (checked as bytes) and for other text (a regex):
    # a character the shortcut missed would survive here.
    for code in range(0x10000):
        c = chr(code)
        for left in ("x", "é"):  # ASCII text, and the same character in non-ASCII text
            expected = unicodedata.normalize("NFC", f"{left}{_expected(c)}\n")
            assert clean_text(f"{left}{c}\n") == expected, hex(code)


def test_clean_text_is_nfc_even_when_nothing_is_removed() -> None:
    assert clean_text("Cafe\u0301 opens") == "Caf\u00e9 opens"
    assert clean_text("a\u030a\x00") == "\u00e5"
    assert clean_text("a\rb") == "a\nb"
    assert clean_text("é\rb") == "é\nb"
