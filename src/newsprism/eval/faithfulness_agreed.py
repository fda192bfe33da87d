"""Faithfulness checks of agreed items: is each credited outlet's sentence the same fact, and
does each outlet listed as not reporting an item really not report it? (eval/faithfulness.py)"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any

from text_to_num import text2num

from newsprism.eval.faithfulness_base import REPORTING, Finding, tokens, unbalanced
from newsprism.model import AgreedFact, Brief, Sentence
from newsprism.text.nlp import parse

_NEGATION = frozenset(["not", "n't", "never", "no", "without", "neither", "nor", "none"])
MAX_NUMBER_WORD = 20  # number words read as figures: "seven counts"; "hundreds" is no figure
_NUMERAL = re.compile(r"\d[\d,]*(?:\.\d+)?")
MIN_COVERAGE = 0.6  # share of an item's content words a crediting outlet must state


def numbers(text: str) -> set[float]:
    """Figures stated in digits or in number words up to twenty ('one' is too often no count)."""
    out = {float(m.group().replace(",", "")) for m in _NUMERAL.finditer(text)}
    out |= {v for w in tokens(text) if w != "one" and (v := _number_word(w)) is not None}
    return out


def _number_word(word: str) -> float | None:
    if not word.isalpha():
        return None
    try:
        value = text2num(word, "en")
    except ValueError:
        return None
    return float(value) if value <= MAX_NUMBER_WORD else None


def _stem(word: str) -> str:
    return word[:5] if len(word) > 5 else word


def content_terms(doc: Any) -> tuple[set[str], list[set[str]]]:
    """(content stems, names as sets of their parts) of an item."""
    terms = {
        _stem(t.lemma_.lower())
        for t in doc
        if t.pos_ in {"NOUN", "VERB", "ADJ", "PROPN"}
        and not t.is_stop
        and t.lemma_.lower() not in REPORTING
        and t.is_alpha
    }
    names: list[set[str]] = []
    for t in doc:
        if t.pos_ == "PROPN" and t.dep_ != "compound":
            parts = {c.lower_ for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"}
            names.append(parts | {t.lower_})
    return terms, names


def negated(doc: Any) -> set[str]:
    """Lemmas of the words a negation modifies."""
    return {t.head.lemma_.lower() for t in doc if t.dep_ == "neg" or t.lower_ in {"never"}}


def support_problems(item: Any, texts: Sequence[str], whole: bool = True) -> list[str]:
    """What the outlet's sentences lack of the item (empty: they state it).

    ``whole``: a credit needs every content word of the item and every source it names (no extra
    claim); without it, most of the words do (an outlet that says this much reports the fact, so
    listing it as omitting the fact is wrong)."""
    joined = " ".join(texts)
    theirs = parse([joined])[0]
    their_words = {t.lower_ for t in theirs} | {t.lemma_.lower() for t in theirs}
    problems = []
    missing_figures = numbers(item.text) - numbers(joined)
    if missing_figures:
        problems.append(f"figures {sorted(missing_figures)} missing")
    terms, names = content_terms(item)
    missing_names = [sorted(n)[0] for n in names if not n & their_words]
    if missing_names:
        problems.append(f"names {missing_names} missing")
    if whole:
        problems += _whole_item_problems(item, theirs, joined)
    elif terms:
        covered = len(terms & {_stem(w) for w in their_words}) / len(terms)
        if covered < MIN_COVERAGE:
            problems.append(f"only {covered:.0%} of the item's content words")
    item_lemmas = {t.lemma_.lower() for t in item if t.is_alpha and not t.is_stop}
    if negated(item) & item_lemmas != negated(theirs) & item_lemmas:
        problems.append("opposite polarity")
    return problems


_CONTENT_POS = frozenset(["NOUN", "VERB", "ADJ", "PROPN", "NUM"])
# Verbs that only attribute ('X said', 'according to X'): the source check reads them. Other
# reporting verbs ('accused', 'charged', 'announced') say something and must be stated.
_ATTRIBUTING = frozenset(["say", "tell", "add", "according", "state", "report", "write", "note"])
_WORD_PARTS = re.compile(r"[-‐‑–/]")


def _forms(doc: Any) -> set[str]:
    """Every word form and lemma of a text, and the parts of hyphenated words ('public-school'
    states 'public' and 'school')."""
    out: set[str] = set()
    for t in doc:
        for form in (t.lower_, t.lemma_.lower()):
            out.add(form)
            out.update(p for p in _WORD_PARTS.split(form) if p)
    return out


def content_words(item: Any) -> list[Any]:
    """The item's tokens that carry its claim: nouns, verbs, adjectives, names and numbers, not
    stop words and not the reporting verb (which the source check reads)."""
    return [
        t
        for t in item
        if t.pos_ in _CONTENT_POS
        and not t.is_stop
        and t.lemma_.lower() not in _ATTRIBUTING
        and t.lower_ not in _ATTRIBUTING
        and (t.is_alpha or t.like_num or any(c.isalpha() for c in t.text))
    ]


def _stated(t: Any, forms: set[str], figures: set[float]) -> bool:
    if t.lower_ in forms or t.lemma_.lower() in forms:
        return True
    if t.pos_ == "NUM" and (numbers(t.text) or {-1.0}) <= figures:
        return True
    parts = [p for p in _WORD_PARTS.split(t.lower_) if p]
    return len(parts) > 1 and all(p in forms or (numbers(p) and numbers(p) <= figures)
                                  for p in parts)  # fmt: skip


def _whole_item_problems(item: Any, theirs: Any, joined: str) -> list[str]:
    """Every content word of the item stated by lemma or word form, and the item's source named."""
    forms, figures = _forms(theirs), numbers(joined)
    missing = list(dict.fromkeys(t.text for t in content_words(item)
                                 if not _stated(t, forms, figures)))  # fmt: skip
    problems = [f"words {missing} not stated"] if missing else []
    theirs_sources = named_sources(theirs)
    their_speakers = {
        w.lower() for s in [*theirs_sources, *_said_in(theirs)] for t in s.subtree
        for w in (t.text, t.lemma_)
    }  # fmt: skip
    for source in named_sources(item):
        if source.pos_ == "PRON":
            named = bool(theirs_sources)
        else:
            named = bool({source.lower_, source.lemma_.lower()} & their_speakers)
        if not named:
            problems.append(f"source '{source.text}' not named as a source")
    return problems


def named_sources(doc: Any) -> list[Any]:
    """Heads of who the text says states it: the subject of a reporting verb ('X said'), the
    object of 'according to X'. An outlet names the item's source only as a source of its own:
    'Colbert' in 'the Colbert Report' is no one speaking."""
    out = []
    for t in doc:
        if (t.lemma_.lower() in REPORTING or t.lower_ in REPORTING) and t.pos_ in {"VERB", "AUX"}:
            out += [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if t.lower_ == "according":
            to = [c for c in t.children if c.lower_ == "to"]
            out += [c for p in to for c in p.children if c.dep_ == "pobj"]
    return out


def _said_in(doc: Any) -> list[Any]:
    """Where a reporting verb says its words come from: 'said in a written statement'."""
    return [
        c for t in doc
        if (t.lemma_.lower() in REPORTING or t.lower_ in REPORTING) and t.pos_ in {"VERB", "AUX"}
        for c in t.children if c.dep_ == "prep" and c.lower_ in {"in", "through", "via"}
    ]  # fmt: skip


def _outlet_sentences(brief: Brief, citations: Sequence[str]) -> dict[str, list[str]]:
    index = brief.sentence_index()
    out: dict[str, list[str]] = {}
    for cid in citations:
        if cid in index:
            article, sentence = index[cid]
            out.setdefault(article.label, []).append(sentence.text)
    return out


def reports(item_doc: Any, article_sentences: Sequence[Sentence]) -> bool:
    """Some sentence of the outlet, or two adjacent ones, states the item."""
    texts = [s.text for s in article_sentences]
    windows = texts + [f"{a} {b}" for a, b in itertools.pairwise(texts)]
    cheap_terms, _ = content_terms(item_doc)
    for window in windows:
        stems = {_stem(w) for w in tokens(window)}
        if cheap_terms and len(cheap_terms & stems) < MIN_COVERAGE * len(cheap_terms) - 1:
            continue  # prefilter without a parse
        if not support_problems(item_doc, [window], whole=False):
            return True
    return False


def check_agreed(brief: Brief) -> list[Finding]:
    findings = []
    by_label: dict[str, list[Sentence]] = {}
    for article in brief.articles:
        by_label.setdefault(article.label, []).extend(article.sentences)
    for k, fact in enumerate(brief.agreed):
        doc = parse([fact.text])[0]
        if unbalanced(fact.text):
            findings.append(Finding("unbalanced_quotes", "agreed", k, fact.text, "quotes"))
        findings += standing_alone(k, fact.text, doc)
        cited = _outlet_sentences(brief, fact.citations)
        for outlet, texts in cited.items():
            problems = support_problems(doc, texts)
            if problems:
                detail = "; ".join(problems)
                findings.append(
                    Finding("unsupported_agreed", "agreed", k, fact.text, detail, outlet)
                )
        for outlet in fact.omitted_by:
            if reports(doc, by_label.get(outlet, [])):
                findings.append(
                    Finding("wrong_omitted_by", "agreed", k, fact.text, "reports it", outlet)
                )
        findings += _count_findings(brief, k, fact, set(cited))
    return findings


_FINITE = frozenset(["VBD", "VBZ", "VBP", "MD"])
_SUBORDINATORS = frozenset(["that", "whether", "because", "although", "though", "unless", "if"])


def standing_alone(k: int, text: str, doc: Any) -> list[Finding]:
    """An agreed item is read on its own: a whole sentence that points back at nothing."""
    from newsprism.eval.faithfulness import leading_reference  # the summary's reading of it

    out = []
    ref = leading_reference(doc)
    if ref is not None and ref[0] in {"pronoun", "demonstrative"}:
        detail = f"{ref[0]} '{ref[1].text}' with nothing before it"
        out.append(Finding("agreed_reference", "agreed", k, text, detail))
    bare = bare_subject(doc)
    if bare is not None:
        detail = f"subject '{bare}' names no one the item has mentioned"
        out.append(Finding("agreed_reference", "agreed", k, text, detail))
    problem = _fragment(doc)
    if problem:
        out.append(Finding("agreed_fragment", "agreed", k, text, problem))
    return out


_QUANTIFIERS = frozenset(["both", "all", "each", "either", "neither"])
_SET_NOUNS = frozenset(["pair", "duo", "trio", "couple"])  # 'the pair': a set told of before
_POINTING = frozenset(["the", "these", "those", "this", "that"])


def bare_subject(doc: Any) -> str | None:
    """The main clause's subject when it is a set the reader was told of before and the item
    never names: 'the three' (a determiner and a number with no noun), 'both'/'all'/'each' alone,
    'the pair'. 'The three suspects' and 'both of the suspects' name what they count."""
    for subj in (c for t in doc if t.dep_ == "ROOT" for c in t.children):
        if subj.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        named = any(w.pos_ in {"NOUN", "PROPN"} for w in subj.subtree if w is not subj)
        pointed = any(c.dep_ == "det" and c.lower_ in _POINTING for c in subj.children)
        word = subj.lower_
        counted = subj.pos_ == "NUM" and (pointed or subj.is_alpha) and bool(numbers(word))
        if named:
            continue
        if counted or word in _QUANTIFIERS or (word in _SET_NOUNS and pointed):
            return " ".join(w.text for w in subj.subtree)
    return None


def _fragment(doc: Any) -> str | None:
    """Why the item is not a whole sentence; None when it is."""
    if not len(doc):
        return "empty"
    if not any(t.tag_ in _FINITE for t in doc):
        return "no finite verb"
    for t in doc:
        after = doc[t.i + 1].lower_ if t.i + 1 < len(doc) else ""
        opens = (
            t.lower_ in _SUBORDINATORS
            and after != "of"
            and (
                t.dep_ == "mark"
                or t.tag_ == "IN"
                or (t.dep_ == "det" and t.head.dep_ in {"attr", "ccomp"})
            )
        )
        if opens and not any(w.tag_ in _FINITE for w in doc[t.i + 1 :]):
            return f"'{t.text}' opens a clause that has no verb"
    return None


def _count_findings(brief: Brief, k: int, fact: AgreedFact, cited: set[str]) -> list[Finding]:
    """The count shown ('N outlets') is the number of distinct outlets the item cites, at most."""
    problems = []
    if fact.support > len(cited):
        problems.append(f"count {fact.support} > {len(cited)} outlets cited")
    if set(fact.outlets) != cited:
        problems.append("listed outlets differ from cited outlets")
    if set(fact.omitted_by) & cited:
        problems.append("an outlet both reports and omits it")
    all_outlets = {a.label for a in brief.articles}
    if fact.support > len(all_outlets):
        problems.append(f"count {fact.support} > {len(all_outlets)} outlets in the brief")
    return [Finding("count_label", "agreed", k, fact.text, p) for p in problems]
