"""The one shared spaCy pipeline: loaded once, clear error when the model is missing."""

from __future__ import annotations

import pytest

from newsprism.errors import NewsprismError
from newsprism.text import nlp, syntax


def test_every_user_shares_one_loaded_pipeline() -> None:
    assert syntax.spacy_pipeline() is nlp.load() is nlp.pipeline()


def test_a_missing_model_is_a_user_error() -> None:
    with pytest.raises(NewsprismError) as info:
        nlp.load("no_such_model_abc")
    assert info.value.code == "nlp-model-missing"


def test_names_only_runs_the_recogniser() -> None:
    doc = nlp.names(["Maria Olsen flew to Denver on Sunday."])[0]
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Denver") == "GPE" and labels.get("Sunday") == "DATE"
    assert not doc.has_annotation("DEP")


def _annotations(doc: object) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, t.dep_, str(t.head.i), t.lemma_) for t in doc]  # type: ignore[attr-defined]


def test_a_batched_parse_gives_what_one_text_at_a_time_gives() -> None:
    texts = [
        "The council approved the new budget on Tuesday.",
        "She said the bridge would reopen in March.",
        "Police arrested two men after the fire.",
    ]
    one_by_one = [nlp.load()(t, disable=["ner"]) for t in texts]
    batched = nlp.parse(texts)
    assert [_annotations(d) for d in batched] == [_annotations(d) for d in one_by_one]
    assert nlp.parse([texts[1]])[0] is batched[1]  # read from the cache, not parsed again


def test_the_doc_cache_drops_the_least_recently_asked_text() -> None:
    runs: list[list[str]] = []

    def run(texts: list[str]) -> list[str]:
        runs.append(texts)
        return [t.upper() for t in texts]

    docs = nlp._Docs(run, size=2)
    assert docs.get(["a", "b", "a"]) == ["A", "B", "A"]
    assert runs == [["a", "b"]]  # each new text once, in one pass
    docs.get(["a"])  # 'a' now most recent
    docs.get(["c"])  # drops 'b'
    docs.get(["a", "b"])
    assert runs[-1] == ["b"]


def test_the_doc_cache_serves_threads_that_evict_each_others_texts() -> None:
    import sys
    from concurrent.futures import ThreadPoolExecutor

    docs = nlp._Docs(lambda texts: [t.upper() for t in texts], size=3)
    asks = [[f"t{(k * 7 + j) % 11}" for j in range(40)] for k in range(3000)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, so that lookups meet evictions
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            answers = list(pool.map(docs.get, asks))
    finally:
        sys.setswitchinterval(interval)
    assert answers == [[t.upper() for t in ask] for ask in asks]
