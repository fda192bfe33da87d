"""Seeds and sample: the framing named by hand appears under the right outlets (general rules only).

The seeds' expected.json describes each outlet's framing with quoted phrases; a phrase is found when
one of its lower-case content words is in that outlet's own-voice loaded terms or labels.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsprism.analysis.framing_ratings import read_ratings
from newsprism.api import brief
from newsprism.model import Brief, OutletFraming
from newsprism.samples import sample_paths, sample_ratings
from newsprism.text.terms import stem

_PHRASE = re.compile(r"(?<!\w)'(.+?)'(?!\w)")


@lru_cache(maxsize=2)
def _brief(path: str) -> Brief:
    return brief(path)


def _words(outlet: OutletFraming) -> set[str]:
    """Stems of the outlet's own-voice loaded terms and its labels."""
    texts = [t.text for t in outlet.loaded_terms if not t.quoted]
    texts += [lab.text for lab in outlet.labels]
    return {stem(w.lower()) for t in texts for w in re.findall(r"[\w-]+", t)}


def _content(phrase: str) -> set[str]:
    """Stems of a phrase's common words (names are not framing)."""
    words = re.findall(r"[\w-]+", phrase)
    keep = [w for w in words if (w.islower() or "-" in w) and w not in ENGLISH_STOP_WORDS]
    return {stem(w.lower()) for w in keep}


def test_seed_phrases_appear_under_their_outlets(doj_dir: Path) -> None:
    result = _brief(str(doj_dir))
    expected = json.loads((doj_dir / "expected.json").read_text())["framing"]
    assert result.framing is not None
    by_key = {Path(a.source).name.split("_")[0]: a.label for a in result.articles}
    outlets = {o.outlet: o for o in result.framing.outlets}
    checked = 0
    for key, description in expected.items():
        phrases = _PHRASE.findall(description)
        if not phrases:
            continue
        have = _words(outlets[by_key[key]])
        assert any(_content(p) & have for p in phrases), (key, phrases, sorted(have))
        checked += 1
    assert checked >= 3


def test_sample_slants_are_visible() -> None:
    paths = [str(p) for p in sample_paths()]
    result = brief(paths)
    assert result.framing is not None
    expected = json.loads((sample_paths()[0].parent / "expected.json").read_text())
    by_stem = {Path(a.source).stem: a.label for a in result.articles}
    outlets = {o.outlet: o for o in result.framing.outlets}
    slanted = [k for k, terms in expected["framing_terms"].items() if len(terms) >= 3]
    for key in slanted:
        have = _words(outlets[by_stem[key]])
        assert any(_content(t) & have for t in expected["framing_terms"][key]), key
    neutral = outlets[by_stem["meridian-wire"]]
    tabloid = outlets[by_stem["daily-bulwark"]]
    assert tabloid.tone.overall < neutral.tone.overall  # the tabloid sounds angrier


def test_sample_ratings_give_every_outlet_a_stance() -> None:
    result = brief([str(p) for p in sample_paths()])
    ratings = read_ratings(sample_ratings())
    assert all(ratings.stance_of(a) for a in result.articles)
