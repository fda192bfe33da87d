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
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """Lone surrogates cannot be encoded as UTF-8: each becomes U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def clean_text(text: str) -> str:
    """Printable text: surrogates replaced, escapes and invisible characters removed, NFC."""
    text = replace_surrogates(text)
    text = ESCAPES.sub("", text)
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return unicodedata.normalize("NFC", text)


def clean_line(text: str) -> str:
    """A metadata value (title, outlet, author) on one line, whitespace collapsed."""
    return " ".join(clean_text(text).split())


def for_terminal(text: str) -> str:
    """What may be printed to a terminal: no escape sequences or control characters."""
    return _INVISIBLE.sub("", ESCAPES.sub("", replace_surrogates(text)).replace("\r", ""))
