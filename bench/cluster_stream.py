"""Generate a large, time-ordered news stream with known stories and copies from dev articles.

Stories are resampled from ../shared/eval (AllSides stories and Multi-News clusters). Each resample
after the first is relexicalised: every content word (stop words stay) is mapped, consistently
within the resample, to a dev-vocabulary word of similar frequency chosen by a hash of
(resample, word), rare words becoming new words (each new story brings new names). Resamples of
one source are thus different stories that keep the source's structure (lengths, repetition,
facts shared between outlets), while articles of one resample share what the originals shared.
Articles lose a sentence now and then, spread over up to three days, and a share of them is
reprinted by another outlet with light edits.

    python bench/cluster_stream.py 100000 /tmp/stream.jsonl [--per-day 20000]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import zlib
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
_WORD = re.compile(r"[A-Za-z]{3,}")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
START = date(2024, 1, 1)


def load_sources(shared: Path = SHARED) -> list[list[tuple[str, str]]]:
    """Source stories as lists of (title, text)."""
    stories: dict[str, list[tuple[str, str]]] = {}
    with (shared / "allsides-articles.jsonl").open() as fh:
        for line in fh:
            row = json.loads(line)
            stories.setdefault(row["cluster"], []).append((row["title"], row["text"]))
    with (shared / "multinews-val250.jsonl").open() as fh:
        for line in fh:
            row = json.loads(line)
            docs = [d for d in row["documents"] if d.strip()]
            if docs:
                stories["mn-" + str(row["id"])] = [(d.split(". ")[0][:120], d) for d in docs]
    return list(stories.values())


class Relexicaliser:
    """Content word -> a word of similar corpus frequency, the same within one resample.

    Frequent and mid-frequency words map to other words of about the same rank, so the stream
    keeps news text's Zipf shape; rare words (names, mostly) become new words unique to the
    resample, as every new story brings names no earlier story had.
    """

    def __init__(self, sources: list[list[tuple[str, str]]], rare: int = 2) -> None:
        counts: dict[str, int] = {}
        for story in sources:
            for title, text in story:
                for w in _WORD.findall(title + " " + text):
                    lw = w.lower()
                    if lw not in ENGLISH_STOP_WORDS:
                        counts[lw] = counts.get(lw, 0) + 1
        self.by_rank = sorted(counts, key=lambda w: (-counts[w], w))
        self.rank = {w: i for i, w in enumerate(self.by_rank)}
        self.rare = {w for w, c in counts.items() if c <= rare}
        self.common = len(self.by_rank) - len(self.rare)

    def __call__(self, text: str, resample: int, key: int) -> str:
        """Resample 0 of a source is its original text; later ones are mapped by ``key``."""
        if resample == 0:
            return text

        def swap(m: re.Match[str]) -> str:
            w = m.group(0)
            lw = w.lower()
            if lw in ENGLISH_STOP_WORDS or lw not in self.rank:
                return w
            h = zlib.crc32(f"{key}:{lw}".encode())
            if lw in self.rare:
                new = lw[:5] + _base26(h % 17576)
            else:
                r = self.rank[lw]
                lo, hi = int(r / 1.5), min(self.common, int(r * 1.5) + 2)
                new = self.by_rank[lo + h % (hi - lo)]
            return new.capitalize() if w[0].isupper() else new

        return _WORD.sub(swap, text)


def _base26(n: int) -> str:
    return "".join(chr(97 + (n // 26**i) % 26) for i in range(3))


def light_edit(rng: random.Random, text: str) -> str:
    """A reprint: a few words changed and, sometimes, the last sentence cut."""
    sentences = _SENTENCE.split(text)
    if len(sentences) > 3 and rng.random() < 0.5:
        sentences = sentences[:-1]
    words = " ".join(sentences).split(" ")
    for _ in range(max(1, len(words) // 50)):
        words[rng.randrange(len(words))] = rng.choice(["said", "reported", "added", "noted"])
    return " ".join(words)


def drop_sentence(rng: random.Random, text: str) -> str:
    sentences = _SENTENCE.split(text)
    if len(sentences) >= 4 and rng.random() < 0.3:
        del sentences[rng.randrange(len(sentences))]
    return " ".join(sentences)


def generate(
    n: int, per_day: int = 20_000, copy_rate: float = 0.12, seed: int = 0, prefix: str = "s"
) -> Iterator[dict]:
    """Rows {id, cluster, title, text, source, date, duplicate_of} in date order."""
    rng = random.Random(seed)
    sources = load_sources()
    relex = Relexicaliser(sources)
    uses: dict[int, int] = {}
    pending: dict[int, list[dict]] = {}
    emitted, story, day = 0, 0, 0
    while emitted < n:
        today: list[dict] = pending.pop(day, [])
        while len(today) < per_day and emitted + len(today) < n:
            src = rng.randrange(len(sources))
            r = uses[src] = uses.get(src, -1) + 1
            for title, text in sources[src]:
                lag = rng.choices((0, 1, 2), weights=(70, 25, 5))[0]
                text = drop_sentence(rng, relex(text, r, story))
                row = _row(rng, f"{prefix}{story}", day + lag, relex(title, r, story), text)
                rows = [row]
                if rng.random() < copy_rate:
                    copy = _row(
                        rng, row["cluster"], day + lag, row["title"], light_edit(rng, row["text"])
                    )
                    copy["duplicate_of"] = row["id"]
                    rows.append(copy)
                (today if lag == 0 else pending.setdefault(day + lag, [])).extend(rows)
            story += 1
        rng.shuffle(today)
        for row in today[: n - emitted]:
            yield row
        emitted += min(len(today), n - emitted)
        day += 1


def _row(rng: random.Random, story: str, day: int, title: str, text: str) -> dict:
    return {
        "id": f"g{zlib.crc32(text.encode()):08x}{rng.randrange(1 << 24):06x}",
        "cluster": story,
        "title": title,
        "text": text,
        "source": f"Outlet {rng.randrange(300)}",
        "date": (START + timedelta(days=day)).isoformat(),
        "duplicate_of": None,
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--per-day", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--prefix", default="s", help="Story-label prefix (to combine several files).")
    args = ap.parse_args()
    with args.out.open("w") as fh:
        for row in generate(args.n, args.per_day, seed=args.seed, prefix=args.prefix):
            fh.write(json.dumps(row) + "\n")
    print(f"wrote {args.n} rows to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
