"""The `quotes` stage: quotations merged across outlets, with speaker, outlets and variants.

Quotations are compared sentence by sentence (segments), so a partial quote, one cut by an ellipsis
or a bracketed paraphrase still meets its fuller variant through shared word bigrams; a long passage
that contains several shorter quotes joins each of them.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from newsprism.analysis.attribution import (
    canonical_speaker,
    folded_names,
    fullest_name,
    is_pronoun,
    name_forms,
    nearest_name,
    speaker_key,
    subject_of,
)
from newsprism.analysis.quote_text import (
    MIN_WORDS,
    QuoteSpan,
    Segment,
    block_quotes,
    degraded_quotes,
    echo_quotes,
    marked_quotes,
    tokens,
    trigrams,
)
from newsprism.analysis.sources import Sources, independent_sources
from newsprism.model import Article, Brief, Quote, QuoteVariant
from newsprism.pipeline import Context
from newsprism.registry import stage
from newsprism.text.nlp import parse_ahead
from newsprism.text.sparse import components, csr_rows, linked_across, shared_pairs

SAME_QUOTE = 0.5
MAX_PARSED = 6  # sentences parsed per story for speaker fallback, longest quotations first


def extract_spans(brief: Brief) -> list[QuoteSpan]:
    """Every quotation of every article; degraded articles get their siblings' quotations."""
    articles = brief.articles
    marked = {k: marked_quotes(k, a) for k, a in enumerate(articles) if not a.degraded}
    own = {k: {g for s in ss for g in _grams(s)} for k, ss in marked.items()}
    in_articles = Counter(g for grams in own.values() for g in grams)
    spans: list[QuoteSpan] = []
    for k, article in enumerate(articles):
        if article.degraded:
            continue
        others = _Elsewhere(in_articles, own[k])
        blocks = block_quotes(k, article, others, first=len(marked[k]))
        spans += _in_order(marked[k] + blocks)
    probes = [seg for s in spans for seg in s.segments if len(seg.tokens) > MIN_WORDS]
    last: dict[int, int] = {}  # article -> its last quotation number so far
    for seg in (seg for s in spans for seg in s.segments):
        last[seg.article] = max(last.get(seg.article, -1), seg.quote)
    for k, elsewhere in enumerate(_probes_in(articles, probes)):
        if articles[k].degraded:
            spans += degraded_quotes(k, articles[k], elsewhere)
        else:
            spans += echo_quotes(k, articles[k], elsewhere, 1 + last.get(k, -1))
    return spans


class _Elsewhere:
    """The quotation trigrams of every other article, without building that set per article."""

    def __init__(self, in_articles: Counter[tuple[str, ...]], own: set[tuple[str, ...]]) -> None:
        self.in_articles, self.own = in_articles, own

    def __contains__(self, gram: object) -> bool:
        return self.in_articles.get(gram, 0) > (gram in self.own)  # type: ignore[call-overload]


def _probes_in(articles: list[Article], probes: list[Segment]) -> list[list[Segment]]:
    """Per article, the other articles' quotation segments sharing at least three word trigrams
    with its text: only those can be located in it, so each article meets only them (an index).
    Only a segment's words are located, so one segment stands for each wording: a quotation
    reprinted by many outlets is searched for once per article, not once per copy."""
    wordings: dict[tuple[str, ...], list[int]] = {}
    for p, seg in enumerate(probes):
        wordings.setdefault(tuple(seg.tokens), []).append(p)
    index: dict[tuple[str, ...], list[int]] = {}
    for w, wording in enumerate(wordings):
        for gram in _trigram_list(list(wording)):
            index.setdefault(gram, []).append(w)
    copies = list(wordings.values())
    out = []
    for k, article in enumerate(articles):
        stream = [t for s in article.sentences for t in tokens(s.text)]
        hits = Counter(w for gram in _trigram_list(stream) for w in index.get(gram, ()))
        found = (next((p for p in copies[w] if probes[p].article != k), None)
                 for w in hits if hits[w] >= 3)  # fmt: skip
        out.append([probes[p] for p in sorted(p for p in found if p is not None)])
    return out


def _trigram_list(toks: list[str]) -> list[tuple[str, ...]]:
    return [tuple(toks[i : i + 3]) for i in range(len(toks) - 2)]


def _grams(span: QuoteSpan) -> set[tuple[str, ...]]:
    return {g for seg in span.segments for g in trigrams(seg.tokens)}


def _in_order(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    for q, span in enumerate(spans):
        for seg in span.segments:
            seg.quote = q
    return spans


def resolve_speakers(brief: Brief, spans: list[QuoteSpan]) -> None:
    """Pronouns take the previous quotation's speaker; unattributed ones the sentence subject."""
    position = {s.id: (k, s.index) for k, a in enumerate(brief.articles) for s in a.sentences}
    text_of = {s.id: s.text for a in brief.articles for s in a.sentences}
    ordered = sorted(spans, key=lambda sp: position.get(sp.citations[0], (sp.article, 0)))
    unattributed = [
        sp for sp in ordered
        if sp.speaker is None
        and (sp.intro or not sp.whole)
        and not brief.articles[sp.article].degraded
    ]  # fmt: skip
    read = sorted(unattributed, key=lambda sp: -len(sp.text))[:MAX_PARSED]
    contexts = [span.intro or text_of.get(span.citations[0]) for span in read]
    parse_ahead(c for c in contexts if c)
    for span, context in zip(read, contexts, strict=True):
        span.speaker = subject_of(context) if context else None
    previous: dict[int, str] = {}
    for span in ordered:
        if span.speaker is None and span.whole and span.article in previous:
            span.speaker = previous[span.article]
        if span.speaker and span.speaker.lower() in {"he", "she"}:
            name = nearest_name(_text_before(brief, span, position))
            if name:
                span.speaker = name
        if is_pronoun(span.speaker) and span.article in previous:
            span.speaker = previous[span.article]
        if span.speaker and span.speaker.lower() in {"i", "we", "you"}:
            span.speaker = None  # the quotation's own voice, not an attribution
        if span.speaker and not is_pronoun(span.speaker):
            previous[span.article] = span.speaker


def _text_before(brief: Brief, span: QuoteSpan, position: dict[str, tuple[int, int]]) -> str:
    """The article's text from two sentences before the quotation up to its opening."""
    article = brief.articles[span.article]
    _, index = position.get(span.citations[0], (span.article, 0))
    window = [s.text for s in article.sentences[max(0, index - 2) : index + 1]]
    text = " ".join(window)
    opening = r"\W+".join(re.escape(w) for w in span.text.split()[:4])
    found = list(re.finditer(opening, text, re.IGNORECASE)) if opening else []
    return text[: found[-1].start()] if found else text


def _bigrams(tokens: list[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(tokens))


def same_quote(a: Segment, b: Segment, threshold: float = SAME_QUOTE) -> bool:
    """Shared bigrams cover most of the shorter segment (partial quotes, small edits)."""
    ga, gb = _bigrams(a.tokens), _bigrams(b.tokens)
    if len(ga) < 2 or len(gb) < 2:
        return False
    shared = len(ga & gb)
    return shared >= 3 and shared >= threshold * min(len(ga), len(gb))


def group_segments(segments: list[Segment]) -> list[list[int]]:
    """Segments of one quotation across outlets: connected through ``same_quote`` pairs of
    segments in different articles. ``same_quote`` reads only the words, so it is decided once
    per pair of distinct wordings that share at least 3 bigrams (an index, not all pairs), and a
    quotation reprinted by many outlets is not compared copy by copy."""
    wordings: dict[tuple[str, ...], list[int]] = {}
    for i, seg in enumerate(segments):
        wordings.setdefault(tuple(seg.tokens), []).append(i)
    members = list(wordings.values())
    first = [segments[m[0]] for m in members]
    shared, _ = csr_rows([_bigrams(seg.tokens) for seg in first], binary=True)
    rows, cols, _ = shared_pairs(shared, min_shared=3)
    article_of = [seg.article for seg in segments]
    edges: list[tuple[int, int]] = []
    for m, seg in zip(members, first, strict=True):
        if same_quote(seg, seg):
            edges += linked_across(article_of, m, m)
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        if same_quote(first[i], first[j]):
            edges += linked_across(article_of, members[i], members[j])
    return components(len(segments), [i for i, _ in edges], [j for _, j in edges])


def _join_same_spans(groups: list[list[int]], segments: list[Segment]) -> list[list[int]]:
    """Clause groups drawn from exactly the same quotations are one quote ('A. B.' in both)."""
    joined: dict[frozenset[tuple[int, int]], list[int]] = {}
    for group in groups:
        key = frozenset((segments[i].article, segments[i].quote) for i in group)
        joined.setdefault(key, []).extend(group)
    return [sorted(g) for g in joined.values()]


def _speaker_vote(speakers: list[str | None]) -> str | None:
    """Most variants' speaker, keyed on the last word; shown in its fullest capitalised form."""
    named = [s for s in speakers if s and not is_pronoun(s)]
    if not named:
        return next((s for s in speakers if s), None)
    best = Counter(speaker_key(s) for s in named).most_common(1)[0][0]
    forms = [s for s in named if speaker_key(s) == best]
    return max(forms, key=lambda s: (s != s.lower(), len(s.split()) <= 6, len(s)))


def distinct_segments(segments: list[Segment], inside: float = 0.8) -> list[Segment]:
    """One article's pieces of a quotation, minus any repeating a longer piece (a pull quote, the
    same words quoted twice): joining them must never show 'X … X'. Of two equal pieces, the one
    inside the longer quotation stays, so its neighbours still read as one verbatim passage."""
    size = Counter(id(g.source) for g in segments if g.source)
    kept: list[Segment] = []
    for seg in sorted(segments, key=lambda g: (-len(g.tokens), -size.get(id(g.source), 0))):
        grams = _bigrams(seg.tokens)
        if any(grams and len(grams & _bigrams(k.tokens)) >= inside * len(grams) for k in kept):
            continue
        kept.append(seg)
    order = {id(g): n for n, g in enumerate(segments)}
    return sorted(kept, key=lambda g: order[id(g)])


_JOINABLE = re.compile(r"[\W_]*(?:(?:and|but)\b[\W_]*)?", re.IGNORECASE)


def verbatim_text(pieces: list[Segment]) -> str:
    """One outlet's pieces of a quotation as it printed them: neighbouring clauses of one quotation
    are shown with the words and punctuation between them (', and', '; ', a sentence break), and
    only pieces with something left out between them are joined by ' … '."""
    runs: list[list[Segment]] = []
    for seg in pieces:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and seg.source
            and seg.source is last.source
            and seg.quote == last.quote
            and last.end <= seg.start
            and _JOINABLE.fullmatch(seg.source[last.end : seg.start])
        ):
            runs[-1].append(seg)
        else:
            runs.append([seg])
    return " … ".join(
        run[0].source[run[0].start : run[-1].end] if run[0].source else run[0].text for run in runs
    )


class StoryLookup:
    """Sentence indexes of one story, built once for a stage that asks per quotation."""

    def __init__(self, brief: Brief) -> None:
        self.index = brief.sentence_index()
        self.positions: dict[int, dict[str, int]] = {}  # article -> sentence id -> position


def build_quote(
    brief: Brief,
    members: list[Segment],
    speaker_of: dict[tuple[int, int], str | None],
    explicit: set[tuple[int, int]] | None = None,
    lookup: StoryLookup | None = None,
) -> Quote:
    """One quotation from its segments; its speaker is voted among the outlets that name one next
    to the quotation, before those whose speaker was carried over from a pronoun or earlier quote.
    ``lookup`` keeps sentence indexes between calls (built once per story, not per quote)."""
    variants = []
    stated: list[str | None] = []
    lookup = lookup or StoryLookup(brief)
    positions = lookup.positions
    by_article: dict[int, list[Segment]] = {}
    for seg in members:
        by_article.setdefault(seg.article, []).append(seg)
    for k, own in by_article.items():
        mine = distinct_segments(own)
        if k not in positions:
            positions[k] = {s.id: s.index for s in brief.articles[k].sentences}
        index = positions[k]
        mine.sort(key=lambda g: (index.get(g.citations[0], 0), g.start))  # as printed
        cites = list(dict.fromkeys(c for seg in own for c in seg.citations))
        text = verbatim_text(mine)
        speakers = [speaker_of.get((k, seg.quote)) for seg in mine]
        variants.append(QuoteVariant(article_id=brief.articles[k].id, text=text, citations=cites,
                                     speaker=_speaker_vote(speakers)))  # fmt: skip
        stated += [speaker_of.get((k, g.quote)) for g in mine if (k, g.quote) in (explicit or ())]
    clean = [v for v, k in zip(variants, by_article, strict=True)
             if not brief.articles[k].degraded] or variants  # fmt: skip
    # The fullest variant; of equal ones, the one printing the passage unbroken.
    canonical = max(
        clean, key=lambda v: (len(v.text.split()) - v.text.count(" … "), -v.text.count(" … "))
    )
    citations = [c for v in variants for c in v.citations]
    return Quote(
        text=canonical.text,
        speaker=_speaker_vote(stated) or _speaker_vote([v.speaker for v in variants]),
        citations=citations,
        outlets=brief.outlets_of(citations, lookup.index),
        variants=variants,
    )


def find_quotes(
    brief: Brief, sources: Sources | None = None, entity_names: dict[str, str] | None = None
) -> tuple[list[Quote], set[str]]:
    """Merged quotations, and the ids of sentences that are wholly quotation; speakers take the
    key players' canonical names (``entity_names``) where the story names them."""
    sources = sources or independent_sources(brief.articles)
    spans = extract_spans(brief)
    quoted = {c for span in spans if span.share >= 0.5 or span.intro for c in span.citations}
    named = {id(sp): sp.speaker for sp in spans if sp.speaker and not is_pronoun(sp.speaker)}
    resolve_speakers(brief, spans)
    speaker_of: dict[tuple[int, int], str | None] = {}
    explicit: set[tuple[int, int]] = set()  # named by the outlet next to the quotation itself
    segments: list[Segment] = []
    for span in spans:
        for seg in span.segments:
            speaker_of[(seg.article, seg.quote)] = span.speaker
            if named.get(id(span)) == span.speaker:
                explicit.add((seg.article, seg.quote))
            segments.append(seg)
    forms = name_forms([a.text for a in brief.articles if not a.degraded])
    folded = folded_names(entity_names or {})
    for key, speaker in speaker_of.items():
        speaker_of[key] = canonical_speaker(
            fullest_name(speaker, forms), entity_names or {}, folded
        )
    quotes = []
    lookup = StoryLookup(brief)
    for group in _join_same_spans(group_segments(segments), segments):
        members = [segments[i] for i in group]
        if max(len(m.tokens) for m in members) < MIN_WORDS:
            continue
        quote = build_quote(brief, members, speaker_of, explicit, lookup)
        support = len({sources.group_of[m.article] for m in members})
        quotes.append((support, len(quote.text), quote))
    quotes.sort(key=lambda t: (-t[0], -t[1]))
    return [q for _, _, q in quotes], quoted


@stage(
    "quotes",
    version="2.4",
    requires=("sentences", "sources", "entity_names"),
    assigns=("quotes", "quoted"),
    on_error="skip",
)
def quotes_stage(ctx: Context) -> None:
    """Quotations merged across outlets: canonical text, speaker, outlets and variants."""
    quotes, quoted = find_quotes(ctx.brief, ctx.get("sources"), ctx.get("entity_names"))
    ctx.put("quotes", quotes)
    ctx.put("quoted", quoted)
