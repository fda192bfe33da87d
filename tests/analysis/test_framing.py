"""The framing section on stories built in code: voice, labels, contrasts, coverage by stance."""

from __future__ import annotations

from tests.analysis.helpers import make_brief
from tests.expect import the

from newsprism.analysis.framing import build_framing
from newsprism.analysis.framing_contrasts import pair_contrasts
from newsprism.analysis.framing_labels import Entity, labels_in, parse_sentences
from newsprism.analysis.framing_stance import blindspot, coverage
from newsprism.analysis.framing_text import article_terms
from newsprism.model import AgreedFact, Article, OutletFraming, OutletTone

OWN = "The senator gave a outrageous speech on Monday."
QUOTED = 'The mayor said the plan was "a outrageous waste of money" for the city.'


def _terms(text: str) -> list[tuple[str, bool]]:
    brief = make_brief({"Paper": text}, stages=("sentences",))
    return [(h.text.lower(), h.quoted) for h in article_terms(brief.articles[0])]


def test_loaded_word_in_the_outlets_voice_is_not_quoted() -> None:
    assert ("outrageous", False) in _terms(OWN)


def test_the_same_word_inside_a_quotation_belongs_to_the_speaker() -> None:
    terms = _terms(QUOTED)
    assert ("outrageous", True) in terms
    assert ("outrageous", False) not in terms


def test_a_quotation_running_over_sentences_keeps_its_words_quoted() -> None:
    text = 'The mayor spoke. "It was fine. It was a outrageous mess." Then she left.'
    assert ("outrageous", True) in _terms(text)


def test_emotive_speech_verb_and_hedge_get_categories() -> None:
    brief = make_brief(
        {"Paper": '"We will not resign," Smith fumed. The deal reportedly collapsed.'},
        stages=("sentences",),
    )
    cats = {h.text.lower(): h.category for h in article_terms(brief.articles[0])}
    assert cats.get("fumed") == "emotive verb"
    assert cats.get("reportedly") == "speculation"


def test_scare_quotes_are_short_unattributed_quotations() -> None:
    brief = make_brief({"Paper": 'The council unveiled its "reform" of the bus network.'},
                       stages=("sentences",))  # fmt: skip
    cats = {h.text.lower(): (h.category, h.quoted) for h in article_terms(brief.articles[0])}
    assert cats["reform"] == ("scare quotes", False)  # the quote marks are the outlet's choice


def test_labels_from_modifiers_and_appositions() -> None:
    docs = parse_sentences(
        [
            "Prosecutors charged longtime party ally Edwin Hart on Monday.",
            "Edwin Hart, a former lobbyist for the mining industry, denied wrongdoing.",
        ]
    )
    hart = Entity("hart", "Edwin Hart", __import__("collections").Counter(), set(), 2)
    found = [lab for doc in docs.values() for lab in labels_in(doc, hart)]
    texts = [t for _, t in found]
    assert any("ally" in t for t in texts), found
    assert any("former lobbyist" in t for t in texts), found


def test_contrast_is_a_word_choice_in_an_otherwise_shared_sentence() -> None:
    rows = pair_contrasts(
        "The minister quit the cabinet on Friday after the vote.",
        "The minister resigned from the cabinet on Friday after the vote.",
    )
    assert rows and rows[0][1] == "quit"


def test_different_names_are_facts_not_word_choice() -> None:
    assert pair_contrasts("Smith won the vote on Friday.", "Jones won the vote on Friday.") == []


def _outlet(name: str, stance: str | None) -> OutletFraming:
    return OutletFraming(
        article_ids=[name], outlet=name, stance=stance, tone=OutletTone(overall=0.0, scale="s")
    )


def test_coverage_counts_stances_and_flags_a_one_sided_story() -> None:
    outlets = [_outlet("A", "left"), _outlet("B", "lean left"), _outlet("C", None)]
    fact = AgreedFact(text="x", outlets=["A", "C"], citations=[], omitted_by=["B"])
    cov = coverage(outlets, [fact], [])
    assert cov.by_stance == {"left": 1, "lean left": 1}
    assert cov.unrated == ["C"]
    assert cov.blindspot == "left"
    assert cov.facts[0].sides == {"left": ["A"]}


def test_no_blindspot_when_both_sides_cover_it() -> None:
    assert blindspot({"A": "left", "B": "right", "C": "center"}) == (None, None)
    assert blindspot({"A": "center", "B": "center"}) == (None, None)
    assert blindspot({"A": "right"}) == (None, None)  # one rated outlet proves nothing


def test_framing_section_ranks_distinctive_terms_first() -> None:
    texts = {
        "Alpha": "Officials warned of a disaster in the valley. The reckless plan failed.",
        "Beta": "Officials warned of a disaster in the valley. The plan failed on Monday.",
    }
    brief = make_brief(texts, stages=("sentences", "align"))
    framing = build_framing(brief.articles, _alignment(brief.articles), [], [], min_score=0.0)
    alpha = the(framing.outlets, "outlet Alpha", lambda o: o.outlet == "Alpha")
    scores = {t.text.lower(): t.score for t in alpha.loaded_terms}
    assert scores["reckless"] > scores["disaster"]  # both outlets say 'disaster'
    assert all(t.sentence_id.startswith(alpha.article_ids[0]) for t in alpha.loaded_terms)


def _alignment(articles: list[Article]):  # type: ignore[no-untyped-def]
    from newsprism.align import align

    return align(articles)


def test_contrasts_also_come_from_agreed_facts() -> None:
    from newsprism.analysis.framing_contrasts import find_contrasts

    texts = {
        "Alpha": "The union called for a strike at the port on Friday morning.",
        "Beta": "On Friday morning the union demanded a strike at the port.",
    }
    brief = make_brief(texts, stages=("sentences",))
    ids = [a.sentences[0].id for a in brief.articles]
    own = {s.id: s.text for a in brief.articles for s in a.sentences}
    unaligned = _alignment([])  # as if the alignment had not paired them
    assert find_contrasts(brief.articles, unaligned, own) == []
    rows = find_contrasts(brief.articles, unaligned, own, [ids])
    wordings = {v.text for c in rows for v in c.variants}
    assert {"called for", "demanded"} <= wordings or {"called", "demanded"} <= wordings


def test_title_before_a_name_is_a_label() -> None:
    from collections import Counter

    docs = parse_sentences(["Finance Minister Clara Voss announced the budget on Tuesday."])
    voss = Entity("voss", "Clara Voss", Counter({"Clara Voss": 1}), set(), 2)
    found = [lab for doc in docs.values() for lab in labels_in(doc, voss)]
    assert ("title", "Finance Minister") in found


def test_one_outlet_and_wordless_text_still_give_a_section() -> None:
    brief = make_brief(
        {"Solo": "The outrageous plan failed.", "Blank": "..."}, stages=("sentences",)
    )
    framing = build_framing(brief.articles, _alignment(brief.articles), [], [])
    assert [o.outlet for o in framing.outlets] == ["Solo", "Blank"]
    solo, blank = framing.outlets
    assert solo.loaded_terms and not blank.loaded_terms
    assert blank.tone.overall == 0.0 and framing.coverage.by_stance == {}


def test_default_pipeline_declares_what_framing_reads() -> None:
    from newsprism.pipeline import DEFAULT_PIPELINE, Pipeline

    spec = the(
        Pipeline(DEFAULT_PIPELINE).stages, "the framing stage", lambda s: s.name == "framing"
    )
    assert spec.assigns == ("framing",)
    assert {"sentences", "alignment", "agreed", "discrepancies", "sources", "entity_names"} == set(
        spec.requires
    )


def test_labelled_entities_take_the_key_players_name() -> None:
    texts = {
        "Alpha": "Governor Voss vetoed the harbour bill on Monday. Voss called it wasteful.",
        "Beta": "The reckless Voss vetoed the harbour bill. Critics said Voss had no plan.",
    }
    brief = make_brief(texts, stages=("sentences", "align"))
    names = {"Voss": "Marta Voss", "Governor Voss": "Marta Voss", "Marta Voss": "Marta Voss"}
    plain = build_framing(brief.articles, _alignment(brief.articles), [], [])
    named = build_framing(brief.articles, _alignment(brief.articles), [], [], entity_names=names)
    assert "Marta Voss" not in plain.entities
    assert "Marta Voss" in named.entities
    labels = [lab for o in named.outlets for lab in o.labels]
    assert all(lab.entity == "Marta Voss" for lab in labels if "voss" in lab.entity.lower())
