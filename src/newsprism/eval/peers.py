"""Peer summarizers that newsprism is measured against, on the very same sentences.

Every peer ranks sentences and fills the word budget in rank order; the harness then cuts all
outputs to the same N words. `lead` is the classic news baseline, LexRank/TextRank/LSA come from
sumy, and `oracle` greedily maximises ROUGE against the references (an upper bound, not a system).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import zip_longest
from typing import Any

from newsprism.errors import NewsprismError
from newsprism.eval.data import Cluster
from newsprism.eval.rouge import ngram_counts, ngram_f1, tokenize

Peer = Callable[[Cluster, int], list[str]]


def fill(sentences: Sequence[str], order: Sequence[int], words: int) -> list[str]:
    """Sentences in `order` until the budget is reached (the harness trims the last one)."""
    out: list[str] = []
    total = 0
    for i in order:
        if total >= words:
            break
        out.append(sentences[i])
        total += len(sentences[i].split())
    return out


def lead(cluster: Cluster, words: int) -> list[str]:
    """Round-robin: first sentence of each article, then the second of each, and so on."""
    rounds = zip_longest(*cluster.sentences())
    ordered = [s for row in rounds for s in row if s is not None]
    return fill(ordered, range(len(ordered)), words)


@lru_cache(maxsize=1)
def _sumy_tools() -> tuple[Any, Any, frozenset[str]]:
    from newsprism.eval.nltk_data import ensure_punkt

    ensure_punkt()
    try:
        from sumy.nlp.stemmers import Stemmer
        from sumy.nlp.tokenizers import Tokenizer
        from sumy.utils import get_stop_words
    except ImportError as exc:
        raise NewsprismError("extra-missing", feature="sumy peers", extra="eval") from exc
    return Tokenizer("english"), Stemmer("english"), frozenset(get_stop_words("english"))


def sumy_document(articles: Sequence[Sequence[str]]) -> Any:
    """One sumy paragraph per article, built from our sentences (no re-splitting)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = _sumy_tools()[0]
    paragraphs = [Paragraph([Sentence(s, tokenizer) for s in art]) for art in articles if art]
    return ObjectDocumentModel(paragraphs)


def sumy_ranking(algorithm: str, document: Any) -> list[int]:
    """Indices of document.sentences, best first, as the sumy summarizer rates them."""
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    classes = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer}
    _, stemmer, stop_words = _sumy_tools()
    summarizer = classes[algorithm](stemmer)
    summarizer.stop_words = stop_words
    ranked: list[Any] = []

    def keep_all(infos: list[Any]) -> list[Any]:
        ranked.extend(infos)  # sumy passes every sentence, sorted best first
        return infos

    summarizer(document, keep_all)
    return [info.order for info in ranked]


def sumy_peer(algorithm: str) -> Peer:
    def run(cluster: Cluster, words: int) -> list[str]:
        document = sumy_document(cluster.sentences())
        texts = [str(s) for s in document.sentences]
        if not texts:
            return []
        return fill(texts, sumy_ranking(algorithm, document), words)

    run.__name__ = algorithm
    return run


Gain = Callable[[list[str], list[tuple[Counter[str], Counter[Any]]]], float]


def _oracle_gain(tokens: list[str], refs: list[tuple[Counter[str], Counter[Any]]]) -> float:
    uni, bi = ngram_counts(tokens)
    return sum(ngram_f1(uni, r1) + ngram_f1(bi, r2) for r1, r2 in refs)


def _word_tokens(text: str) -> list[list[str]]:
    """rouge tokens of each whitespace word, so a cut sentence's tokens are a prefix."""
    return [tokenize(word) for word in text.split()]


def oracle(cluster: Cluster, words: int, gain: Gain = _oracle_gain) -> list[str]:
    """Greedy ROUGE oracle under the same word cut (by default ROUGE-1 + ROUGE-2 F1 summed over
    the references); stops when nothing helps."""
    sentences = list(dict.fromkeys(s for art in cluster.sentences() for s in art))
    per_word = [_word_tokens(s) for s in sentences]
    refs = [ngram_counts(tokenize(" ".join(ref))) for ref in cluster.references]
    chosen: list[int] = []
    tokens: list[str] = []
    best, left = 0.0, words
    while left > 0:
        pick, pick_tokens = -1, tokens
        for i, word_tokens in enumerate(per_word):
            if i in chosen:
                continue
            cand = tokens + [t for w in word_tokens[:left] for t in w]
            score = gain(cand, refs)
            if score > best:
                best, pick, pick_tokens = score, i, cand
        if pick < 0:
            break
        chosen.append(pick)
        tokens = pick_tokens
        left -= len(per_word[pick])
    return [sentences[i] for i in chosen]


PEERS: dict[str, Peer] = {
    "lead": lead,
    "lexrank": sumy_peer("lexrank"),
    "textrank": sumy_peer("textrank"),
    "lsa": sumy_peer("lsa"),
    "oracle": oracle,
}
