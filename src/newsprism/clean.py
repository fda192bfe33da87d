"""Text normalisation every reader applies: what reaches an Article is printable Unicode text.

Inputs carry NUL bytes, zero-width characters, terminal escape sequences and lone surrogates
(from JSON "\\ud800" escapes); left in, they crash the renderers, corrupt a terminal or make a
zero-width-only "article". Line breaks and tabs are kept: paragraphs depend on them.
"""

from __future__ import annotations

import re
import unicodedata

# ANSI/VT escape sequences (CSI, OSC, charset switches and lone ESC codes): a terminal obeys them.
ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clear screen
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window titles, hyperlinks
    r"|\x1b[ -/]*[0-~]?"  # two-byte escapes, charset switches
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
# C0/C1 controls except tab, newline and carriage return; DEL; zero-width and bidi controls;
# the BOM; Unicode noncharacters that some exporters leave behind.
_INVISIBLE_CHARS = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff"
)
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Every character clean_text removes or replaces: an escape starts with ESC or CSI (both
# invisible), line endings lose their \r. Text without one of them only needs NFC.
_TOUCHED = re.compile(f"[{_INVISIBLE_CHARS}\r\ud800-\udfff]")
# The ASCII part of _TOUCHED, as the bytes that are NOT in it (tab, newline, printable).
_ASCII_UNTOUCHED = bytes([0x09, 0x0A, *range(0x20, 0x7F)])


def replace_surrogates(text: str) -> str:
    """Lone surrogates cannot be encoded as UTF-8: each becomes U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def clean_text(text: str) -> str:
    """Printable text: surrogates replaced, escapes and invisible characters removed, NFC."""
    if not _needs_cleaning(text):  # most text: one scan instead of four
        return unicodedata.normalize("NFC", text)
    text = replace_surrogates(text)
    text = ESCAPES.sub("", text)
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return unicodedata.normalize("NFC", text)


def _needs_cleaning(text: str) -> bool:
    """Whether text holds a character clean_text changes; ASCII text is checked as bytes,
    whose translate is ~8x faster than a regex scan."""
    if text.isascii():
        return bool(text.encode("ascii").translate(None, _ASCII_UNTOUCHED))
    return _TOUCHED.search(text) is not None


def clean_line(text: str) -> str:
    """A metadata value (title, outlet, author) on one line, whitespace collapsed."""
    return " ".join(clean_text(text).split())


def for_terminal(text: str) -> str:
    """What may be printed to a terminal: no escape sequences or control characters."""
    return _INVISIBLE.sub("", ESCAPES.sub("", replace_surrogates(text)).replace("\r", ""))
