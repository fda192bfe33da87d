"""Which encoding detector to use behind the UTF-8/UTF-16/32 and cp1252 paths: accuracy and time.

Texts are written here (not taken from any dataset), encoded in the legacy encodings news files
arrive in, and decoded by `newsprism.ingest.encoding.decode` with each detector plugged in, and by
the detector alone. A decode is right when it returns the original text exactly.

    .venv/bin/python bench/encodings.py
"""

from __future__ import annotations

import time
from collections.abc import Callable

from newsprism.errors import NewsprismError
from newsprism.ingest import encoding

TEXTS = {
    "en": "The mayor’s office said the “new” budget — €4.2m in total — would be voted on Monday.",
    "fr": "Le maire a déclaré que le pont coûterait plus cher que prévu. Les élus ont voté à "
    "l'unanimité après un débat houleux sur la sécurité des piétons.",
    "de": "Die Bürgermeisterin erklärte, die Brücke werde größer und teurer. Der Stadtrat "
    "stimmte nach einer langen Debatte über Fußgänger zu.",
    "es": "El alcalde afirmó que el puente costará más de lo previsto. Los concejales votaron "
    "por unanimidad tras un debate sobre la seguridad de los peatones.",
    "pt": "O prefeito disse que a ponte custará mais do que o previsto. Os vereadores votaram "
    "após uma discussão sobre a segurança dos pedestres e a situação das obras.",
    "pl": "Burmistrz powiedział, że most będzie kosztował więcej. Radni głosowali jednogłośnie "
    "po długiej dyskusji o bezpieczeństwie pieszych i źródłach finansowania.",
    "ru": "Мэр заявил, что мост обойдётся дороже, чем планировалось. Депутаты проголосовали "
    "единогласно после долгого обсуждения безопасности пешеходов.",
    "el": "Ο δήμαρχος δήλωσε ότι η γέφυρα θα κοστίσει περισσότερο από ό,τι είχε προβλεφθεί. "
    "Οι σύμβουλοι ψήφισαν ομόφωνα μετά από μακρά συζήτηση.",
    "zh": "市长表示，这座桥的造价将高于预期。议员们在就行人安全问题进行长时间辩论后一致投票通过。",
    "ja": "市長は、橋の建設費が予想を上回ると述べた。議員たちは歩行者の安全について長い議論の後、"
    "全会一致で可決した。",
}
CASES = [
    ("en", "cp1252"),
    ("fr", "cp1252"),
    ("fr", "latin-1"),
    ("de", "cp1252"),
    ("de", "latin-1"),
    ("es", "cp1252"),
    ("pt", "latin-1"),
    ("pl", "cp1250"),
    ("pl", "iso-8859-2"),
    ("ru", "cp1251"),
    ("ru", "koi8-r"),
    ("el", "cp1253"),
    ("zh", "gb18030"),
    ("ja", "shift_jis"),
    ("en", "utf-16"),
    ("fr", "utf-16-le"),
    ("de", "utf-16-be"),
    ("fr", "utf-32"),
    ("de", "utf-32-le"),
    ("fr", "utf-8-sig"),
    ("fr", "mixed"),  # UTF-8 with one paragraph pasted in cp1252
    ("de", "mixed"),
]


def encode(text: str, enc: str) -> bytes:
    if enc != "mixed":
        return text.encode(enc)
    first, rest = text.split("\n", 1)
    return first.encode("cp1252") + b"\n" + rest.encode("utf-8")


def charset_normalizer_guess(sample: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    return None if best is None else best.encoding


def chardet_guess(sample: bytes) -> str | None:
    import chardet

    return chardet.detect(sample)["encoding"]


def cp1252_only(sample: bytes) -> str | None:
    return None


def run(name: str, guess: Callable[[bytes], str | None], alone: bool) -> tuple[int, float]:
    right, start = 0, time.perf_counter()
    for lang, enc in CASES:
        text = (TEXTS[lang] + "\n") * 3
        data = encode(text, enc)
        if alone:
            found = guess(data)
            try:
                got = data.decode(found or "utf-8")
            except (UnicodeDecodeError, LookupError):
                got = ""
            got = got.removeprefix("\ufeff")
        else:
            encoding._detect = guess  # type: ignore[assignment]
            try:
                got = encoding.decode(data, "bench")
            except NewsprismError:
                got = ""
        right += got == text
    return right, (time.perf_counter() - start) * 1000 / len(CASES)


def main() -> None:
    print(f"| detector | alone: right of {len(CASES)} | in decode(): right | ms per file |")
    print("|---|---|---|---|")
    for name, guess in [
        ("charset-normalizer", charset_normalizer_guess),
        ("chardet", chardet_guess),
        ("none (cp1252 fallback)", cp1252_only),
    ]:
        try:
            run(name, guess, False)  # warm-up: imports and model loading are not per-file costs
        except ImportError:
            print(f"| {name} | not installed | | |")
            continue
        alone = run(name, guess, True)[0] if name != "none (cp1252 fallback)" else "-"
        right, ms = run(name, guess, False)
        print(f"| {name} | {alone} | {right} | {ms:.2f} |")


if __name__ == "__main__":
    main()
