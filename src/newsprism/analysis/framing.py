"""The `framing` stage: how each outlet tells the story, at the level of words and sentences.

Per outlet: loaded terms in its own voice (quotations kept apart), ranked by how loaded a word is
in general lexicons times how distinctive it is for this outlet within the story (a word every
outlet uses is the story's vocabulary, not one outlet's framing); the labels it gives the main
entities; its tone; what it leads with and what agreed facts or disputed figures it leaves out.
Across outlets: word-choice contrasts over aligned sentences and coverage by stance.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from newsprism.align import Alignment
from newsprism.analysis.attribution import REPORTING, canonical_speaker, folded_names
from newsprism.analysis.framing_contrasts import find_contrasts
from newsprism.analysis.framing_labels import (
    Entity,
    entity_labels,
    main_entities,
    mention_fragments,
    parse_sentences,
)
from newsprism.analysis.framing_lexicon import sentence_tone
from newsprism.analysis.framing_stance import coverage
from newsprism.analysis.framing_text import TermHit, article_terms, own_voice, quoted_ranges
from newsprism.analysis.sources import Sources
from newsprism.model import (
    AgreedFact,
    Article,
    Discrepancy,
    Framing,
    LoadedTerm,
    OutletFraming,
    OutletTone,
)
from newsprism.pipeline import Context
from newsprism.registry import stage

# Chosen by 5-fold cross-validation over BASIL dev events (docs/framing.md), not per event.
MIN_SCORE = 0.35
DISTINCT_FLOOR = 0.3  # weight left to a term every other outlet uses too
REPEAT_DAMPING = 0.5  # score / (times the outlet uses the word) ** this
MAX_TERMS = 40
MAX_QUOTED = 20
LEAD_MIN_WORDS = 8
LABELLED_ENTITIES = 4  # parsing costs ~3 ms a sentence: labels for the main entities only
TONE_SCALE = "VADER compound, -1 (most negative) to +1 (most positive); 0 is neutral"
METHOD = (
    "Loaded terms: words rated by VADER (vaderSentiment) or Pattern's subjectivity lexicon "
    "(textblob), intensifiers, hedges, emotive speech verbs and scare quotes; score = loadedness "
    "x distinctiveness against the other outlets. Labels: spaCy parse of each outlet's first "
    "mention of a main entity. "
    "Tone: VADER compound of the outlet's own (non-quoted) sentences."
)
_ATTRIBUTION = re.compile(rf"\b(?:{REPORTING})\b|\baccording to\b", re.IGNORECASE)


def _by_outlet(articles: list[Article]) -> dict[str, list[Article]]:
    groups: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        groups[article.label].append(article)
    return groups


def score_terms(
    hits: dict[str, list[TermHit]], group: dict[str, int] | None = None
) -> dict[str, list[tuple[float, TermHit]]]:
    """Each outlet's hits with loadedness x distinctiveness against the other outlets.

    ``group`` maps an outlet to its independent source, so a syndicated copy using the same word
    does not make it look common.
    """
    group = group or {outlet: i for i, outlet in enumerate(hits)}
    users: dict[str, set[int]] = defaultdict(set)
    for outlet, mine in hits.items():
        for h in mine:
            users[h.key].add(group[outlet])
    others = max(len(set(group.values())) - 1, 0)
    scored: dict[str, list[tuple[float, TermHit]]] = {}
    for outlet, mine in hits.items():
        rows = []
        repeats = Counter(h.key for h in mine)
        for h in mine:
            other_users = len(users[h.key] - {group[outlet]})
            shared = other_users / others if others else 0.0
            distinct = DISTINCT_FLOOR + (1 - DISTINCT_FLOOR) * (1 - shared)
            # A word the outlet repeats is the story's subject (a flood, a strike), not a slant.
            rows.append((round(h.load * distinct / repeats[h.key] ** REPEAT_DAMPING, 3), h))
        scored[outlet] = rows
    return scored


def _term(score: float, h: TermHit) -> LoadedTerm:
    return LoadedTerm(text=h.text, sentence_id=h.sentence.id, start=h.start, end=h.end,
                      quoted=h.quoted, score=score, load=h.load, polarity=round(h.polarity, 3),
                      category=h.category)  # fmt: skip


def loaded_terms(
    scored: list[tuple[float, TermHit]], min_score: float, limit: int = MAX_TERMS
) -> list[LoadedTerm]:
    """The outlet's own-voice terms at or above ``min_score``, best first, then quoted ones."""
    own = sorted((r for r in scored if not r[1].quoted and r[0] >= min_score), key=lambda r: -r[0])
    quoted = sorted((r for r in scored if r[1].quoted and r[0] >= min_score), key=lambda r: -r[0])
    return [_term(s, h) for s, h in own[:limit]] + [_term(s, h) for s, h in quoted[:MAX_QUOTED]]


def outlet_tone(
    articles: list[Article],
    entities: list[Entity],
    own_terms: set[str],
    quotes: dict[str, dict[str, list[tuple[int, int]]]],
) -> OutletTone:
    """Tone of the outlet's own sentences, overall and where each main entity is named."""
    tones: list[float] = []
    toward: dict[str, list[float]] = defaultdict(list)
    named = [(e.name, e.name.split()[-1]) for e in entities]
    patterns = {last: re.compile(rf"\b{re.escape(last)}\b") for _, last in named}
    chars = quoted_chars = attributed = opinion = sentences = 0
    for article in articles:
        ranges = quotes[article.id]
        for s in article.sentences:
            quoted = ranges.get(s.id, [])
            own = own_voice(s, quoted)
            sentences += 1
            chars += len(s.text)
            quoted_chars += sum(hi - lo for lo, hi in quoted)
            attributed += bool(_ATTRIBUTION.search(s.text))
            opinion += s.id in own_terms
            if len(own.split()) < 3:
                continue
            tone = sentence_tone(own)
            tones.append(tone)
            for name, last in named:
                if last in own and patterns[last].search(own):
                    toward[name].append(tone)
    return OutletTone(
        overall=round(sum(tones) / len(tones), 3) if tones else 0.0,
        scale=TONE_SCALE,
        toward={name: round(sum(v) / len(v), 3) for name, v in toward.items()},
        quotation_share=round(quoted_chars / chars, 3) if chars else 0.0,
        attribution_share=round(attributed / sentences, 3) if sentences else 0.0,
        opinion_share=round(opinion / sentences, 3) if sentences else 0.0,
    )


def lead_sentence(articles: list[Article]) -> str | None:
    """The first substantive sentence: long enough to state something, not a title-case line."""
    for article in articles:
        for s in article.sentences:
            words = s.text.split()
            lower = sum(w[:1].islower() for w in words)
            if len(words) >= LEAD_MIN_WORDS and lower >= len(words) / 3:
                return s.id
    return None


def omissions(outlet: str, agreed: list[AgreedFact], discrepancies: list[Discrepancy]
              ) -> list[str]:  # fmt: skip
    refs = [f"agreed:{i}" for i, f in enumerate(agreed) if outlet in f.omitted_by]
    refs += [
        f"discrepancies:{j}"
        for j, d in enumerate(discrepancies)
        if not any(outlet in v.outlets for v in d.values)
    ]
    return refs


def build_framing(
    articles: list[Article],
    alignment: Alignment,
    agreed: list[AgreedFact],
    discrepancies: list[Discrepancy],
    sources: Sources | None = None,
    min_score: float = MIN_SCORE,
    max_terms: int = MAX_TERMS,
    entity_names: dict[str, str] | None = None,
) -> Framing:
    """The framing section; ``min_score`` and ``max_terms`` bound each outlet's own-voice terms.
    ``entity_names`` (the key players' written forms) names each labelled entity as the key
    players table does, so one person has one name in the whole brief."""
    groups = _by_outlet(articles)
    quotes = {a.id: quoted_ranges(a) for a in articles}
    hits = {
        outlet: [h for a in arts for h in article_terms(a, quotes[a.id])]
        for outlet, arts in groups.items()
    }
    position = {a.id: k for k, a in enumerate(articles)}
    source_of = {
        outlet: sources.group_of[position[arts[0].id]] if sources else i
        for i, (outlet, arts) in enumerate(groups.items())
    }
    scored = score_terms(hits, source_of)
    entities = main_entities(articles)
    folded = folded_names(entity_names or {})
    for entity in entities:
        entity.name = canonical_speaker(entity.name, entity_names or {}, folded) or entity.name
    labelled = entities[:LABELLED_ENTITIES]
    parse_texts = [w for a in articles for ms in mention_fragments(a, labelled).values()
                   for _, w in ms]  # fmt: skip
    docs = parse_sentences(parse_texts)
    outlets = []
    for outlet, arts in groups.items():
        terms = loaded_terms(scored[outlet], min_score, max_terms)
        own_ids = {t.sentence_id for t in terms if not t.quoted}
        outlets.append(
            OutletFraming(
                article_ids=[a.id for a in arts],
                outlet=outlet,
                stance=next((a.stance for a in arts if a.stance), None),
                headline=next((a.title for a in arts if a.title), None),
                loaded_terms=terms,
                labels=[lab for a in arts for lab in entity_labels(a, labelled, docs)],
                tone=outlet_tone(arts, entities, own_ids, quotes),
                lead_sentence_id=lead_sentence(arts),
                omits=omissions(outlet, agreed, discrepancies),
            )
        )
    own = {}
    for article in articles:
        ranges = quotes[article.id]
        own.update({s.id: own_voice(s, ranges.get(s.id, [])) for s in article.sentences})
    return Framing(
        outlets=outlets,
        entities=[e.name for e in entities],
        contrasts=find_contrasts(articles, alignment, own, [f.citations for f in agreed]),
        coverage=coverage(outlets, agreed, discrepancies),
        method=METHOD,
    )


@stage(
    "framing",
    version="1.1",
    requires=("sentences", "sources", "alignment", "agreed", "discrepancies", "entity_names"),
    assigns=("framing",),
    on_error="skip",
)
def framing_stage(ctx: Context) -> None:
    """How each outlet tells the story: loaded terms, labels, tone, contrasts, coverage by stance."""
    options = ctx.config.options.get("framing", {})
    ctx.put(
        "framing",
        build_framing(
            ctx.get("sentences"),
            ctx.get("alignment"),
            ctx.get("agreed"),
            ctx.get("discrepancies"),
            ctx.get("sources"),
            min_score=float(options.get("min_score", MIN_SCORE)),
            max_terms=int(options.get("max_terms", MAX_TERMS)),
            entity_names=ctx.get("entity_names"),
        ),
    )
