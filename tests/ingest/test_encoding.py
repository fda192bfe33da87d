"""Decoding: BOMs, UTF-16/32 with and without BOM, legacy encodings, mixed and cut UTF-8."""

from __future__ import annotations

import codecs

import pytest

from newsprism.errors import NewsprismError
from newsprism.ingest.encoding import decode, looks_garbled

FRENCH = "Le maire a déclaré que le pont coûterait plus cher. Les élus ont voté à l'unanimité.\n"
ENGLISH = "The mayor’s office said the “new” budget — €4.2m in total — was approved.\n"
RUSSIAN = "Мэр заявил, что мост обойдётся дороже, чем планировалось. Депутаты проголосовали.\n"


@pytest.mark.parametrize(
    "encoding",
    ["utf-8-sig", "utf-16", "utf-32", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"],
)
def test_unicode_encodings_with_and_without_bom(encoding: str) -> None:
    assert decode((FRENCH * 3).encode(encoding), "x") == FRENCH * 3


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(FRENCH, "latin-1"), (FRENCH, "cp1252"), (ENGLISH, "cp1252"), (RUSSIAN, "cp1251")],
)
def test_legacy_encodings(text: str, encoding: str) -> None:
    assert decode((text * 3).encode(encoding), "x") == text * 3


def test_mixed_utf8_and_cp1252_keeps_both() -> None:
    data = FRENCH.encode("cp1252") + (FRENCH * 2).encode("utf-8")
    assert decode(data, "x") == FRENCH * 3


def test_utf8_cut_inside_a_character_keeps_the_rest() -> None:
    data = (FRENCH * 3).encode("utf-8") + "é".encode()[:1]
    assert decode(data, "x").startswith(FRENCH * 3)


def test_truncated_utf16_keeps_the_rest() -> None:
    data = codecs.BOM_UTF16_LE + (FRENCH * 3).encode("utf-16-le") + b"\x41"
    assert decode(data, "x").startswith(FRENCH * 3)


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"", "input-empty"), (b"  \n\t", "input-empty"), (bytes(range(256)) * 4, "input-binary")],
)
def test_empty_and_binary_are_named_errors(data: bytes, code: str) -> None:
    with pytest.raises(NewsprismError) as err:
        decode(data, "in/file.txt")
    assert err.value.code == code and "in/file.txt" in err.value.message


def test_mojibake_check() -> None:
    assert looks_garbled("Le maire a dйclarй que le pont coыterait plus cher. " * 3)
    assert not looks_garbled(FRENCH + RUSSIAN)  # two scripts, each in its own words
