"""How the summary shows a row: an outlet's own attributed printing before a speaker prefix."""

from __future__ import annotations

from scipy import sparse

from newsprism.align import Alignment
from newsprism.analysis.summary_voice import Voices, self_attributed
from newsprism.model import Sentence

WORDS = "The bridge stays shut until the spring thaw."


def _alignment(printed: str) -> Alignment:
    sentences = [
        Sentence(id="a.0", index=0, text=WORDS),
        Sentence(id="b.0", index=0, text=printed),
    ]
    matches = [[(1, 0.9)], [(0, 0.9)]]
    return Alignment(sentences, [0, 1], sparse.csr_matrix((2, 2)), matches)


def test_an_outlets_own_attributed_printing_is_preferred() -> None:
    al = _alignment(f'"{WORDS}" Mayor Una Pell said on Monday.')
    voice = Voices(own={1}, speaker={0: "Mayor Una Pell"}, reopened={})
    assert self_attributed(al, voice, 0) == 1


def test_no_variant_without_quotation_marks_or_for_an_own_voice_row() -> None:
    al = _alignment("The bridge stays shut until the thaw, officials said.")
    voice = Voices(own={1}, speaker={0: "Mayor Una Pell"}, reopened={})
    assert self_attributed(al, voice, 0) is None  # no quotation: not the same words
    quoted = _alignment(f'"{WORDS}" Mayor Una Pell said on Monday.')
    assert self_attributed(quoted, Voices(own={0, 1}, speaker={}, reopened={}), 0) is None
