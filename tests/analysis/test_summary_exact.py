"""The exact (integer program) coverage selection: better sets than greedy, same rules, fallback."""

from __future__ import annotations

import itertools
import os
import random
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
from scipy import sparse

import newsprism.analysis.summary_exact as summary_exact
from newsprism.analysis.summary import SummaryParams, select
from newsprism.analysis.summary_pool import Pool, incidence

# Only concept coverage counts: a word pair is worth (articles using it - 1), nothing else scores.
PLAIN = SummaryParams(
    lead_mass=0.0, unigrams=0.0, position=0.0, centroid=0.0, quotes=0.0, figures=0.0, exact=1
)

Row = tuple[int, int, list[str]]  # (article, words, word pairs)


def pool_of(rows: list[Row], same: tuple[tuple[int, int], ...] = (), **extra: Any) -> Pool:
    n = len(rows)
    ends = [(a, b) for a, b in same] + [(b, a) for a, b in same]
    return Pool(
        index=np.arange(n),
        article=np.asarray([a for a, _, _ in rows]),
        position=np.zeros(n),
        relative=np.zeros(n),
        words=np.asarray([w for _, w, _ in rows], dtype=float),
        bigrams=incidence([c for _, _, c in rows]),
        unigrams=sparse.csr_matrix((n, 1)),
        centrality=np.zeros(n),
        quoted=np.zeros(n),
        shared_figures=np.zeros(n),
        same=sparse.csr_matrix(
            (np.ones(len(ends)), ([a for a, _ in ends], [b for _, b in ends])), shape=(n, n)
        ),
        **extra,
    )


def fillers(first_article: int, uses: dict[str, int]) -> list[Row]:
    """Rows too long for any budget here, from further articles, so that each pair is used by
    `uses[pair]` more articles (its value) without ever being chosen."""
    most = max(uses.values())
    return [
        (first_article + k, 500, [c for c, times in uses.items() if times > k]) for k in range(most)
    ]


def test_exact_takes_two_short_sentences_over_one_long() -> None:
    # row 0: 10 words, pairs worth 6 + 6 = 12 (12 / 10**0.75 = 2.13 per cost: the greedy's pick,
    # after which nothing fits); rows 1 and 2: 5 words each, 4 + 3 = 7 each (7 / 5**0.75 = 2.09),
    # 14 together in the same 10 words.
    rows: list[Row] = [(0, 10, ["p", "q"]), (1, 5, ["r1", "r2"]), (2, 5, ["s1", "s2"])]
    rows += fillers(3, {"p": 6, "q": 6, "r1": 4, "r2": 3, "s1": 4, "s2": 3})
    pool = pool_of(rows)
    assert select(pool, SummaryParams(**{**PLAIN.__dict__, "exact": 0}), 10) == [0]
    assert sorted(select(pool, PLAIN, 10)) == [1, 2]


def test_exact_never_chooses_two_restatements() -> None:
    rows: list[Row] = [(0, 10, ["p", "q"]), (1, 5, ["r1", "r2"]), (2, 5, ["s1", "s2"])]
    rows += fillers(3, {"p": 6, "q": 6, "r1": 4, "r2": 3, "s1": 4, "s2": 3})
    assert select(pool_of(rows, same=((1, 2),)), PLAIN, 10) == [0]


def value(rows: list[Row], chosen: tuple[int, ...]) -> int:
    """Sum over the pairs the chosen rows carry of (articles using the pair - 1)."""
    users: dict[str, set[int]] = {}
    for article, _, pairs in rows:
        for pair in pairs:
            users.setdefault(pair, set()).add(article)
    covered = {c for k in chosen for c in rows[k][2]}
    return sum(len(users[c]) - 1 for c in covered)


def best_by_enumeration(
    rows: list[Row], budget: int, same: set[frozenset[int]], quotation: list[bool], share: float
) -> int:
    best = 0
    for size in range(len(rows) + 1):
        for chosen in itertools.combinations(range(len(rows)), size):
            words = sum(rows[k][1] for k in chosen)
            quoted = sum(rows[k][1] for k in chosen if quotation[k])
            if words > budget or quoted > share * budget:
                continue
            if any(frozenset(p) in same for p in itertools.combinations(chosen, 2)):
                continue
            best = max(best, value(rows, chosen))
    return best


@pytest.mark.parametrize("seed", range(12))
def test_exact_matches_enumeration_on_small_pools(seed: int) -> None:
    rng = random.Random(seed)
    vocabulary = [f"c{k}" for k in range(12)]
    rows: list[Row] = [
        (rng.randrange(5), rng.randrange(3, 15), rng.sample(vocabulary, rng.randrange(1, 5)))
        for _ in range(9)
    ]
    pairs = {frozenset(rng.sample(range(9), 2)) for _ in range(2)}
    quotation = [rng.random() < 0.3 for _ in rows]
    budget = 30
    pool = pool_of(
        rows,
        same=tuple(tuple(sorted(p)) for p in pairs),  # type: ignore[misc]
        quotation=np.asarray(quotation),
    )
    chosen = select(pool, PLAIN, budget)
    assert sum(rows[k][1] for k in chosen) <= budget
    assert sum(rows[k][1] for k in chosen if quotation[k]) <= PLAIN.quotations * budget
    assert not any(frozenset(p) in pairs for p in itertools.combinations(chosen, 2))
    assert value(rows, tuple(chosen)) == best_by_enumeration(
        rows, budget, pairs, quotation, PLAIN.quotations
    )


def test_reprinted_statement_quoted_at_most_per_statement_times() -> None:
    rows: list[Row] = [(k, 5, [f"c{k}"]) for k in range(4)] + fillers(4, {"c0": 3, "c1": 3})
    reprint = np.asarray([True, True, True, False] + [False] * 3)
    pool = pool_of(rows, reprint=reprint)
    params = SummaryParams(**{**PLAIN.__dict__, "per_statement": 1})
    chosen = select(pool, params, 20)
    assert sum(bool(reprint[k]) for k in chosen) == 1


def test_unsolved_program_keeps_the_greedy_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    rows: list[Row] = [(0, 10, ["p", "q"]), (1, 5, ["r1", "r2"]), (2, 5, ["s1", "s2"])]
    rows += fillers(3, {"p": 6, "q": 6, "r1": 4, "r2": 3, "s1": 4, "s2": 3})
    stopped = SimpleNamespace(status=1, x=None)  # HiGHS: node or time limit reached
    monkeypatch.setattr(summary_exact, "milp", lambda *args, **kwargs: stopped)
    assert select(pool_of(rows), PLAIN, 10) == [0]
    assert select(pool_of(rows), PLAIN, 10) == [0]


def test_shortlist_keeps_the_best_and_the_greedy_rows() -> None:
    free = np.asarray([True, True, False, True, True])
    gain = np.asarray([5.0, 1.0, 9.0, 4.0, 3.0])
    assert summary_exact.shortlist(free, gain, [1], 2).tolist() == [0, 1, 3]


def test_rows_the_greedy_chose_first_are_kept() -> None:
    rows: list[Row] = [(0, 10, ["p", "q"]), (1, 5, ["r1", "r2"]), (2, 5, ["s1", "s2"])]
    rows += fillers(3, {"p": 6, "q": 6, "r1": 4, "r2": 3, "s1": 4, "s2": 3})
    pool = pool_of(rows)
    cover = pool.bigrams  # columns in order of first use: p, q, r1, r2, s1, s2
    weight = np.asarray([6.0, 6.0, 4.0, 3.0, 4.0, 3.0])
    rules = summary_exact.Rules(words=10, quoting=10.0, per_statement=0, per_speaker=0)
    rows_in = np.arange(3)
    bonus = np.zeros(len(rows))
    assert sorted(summary_exact.solve(pool, rows_in, cover, weight, bonus, rules) or []) == [1, 2]
    assert summary_exact.solve(pool, rows_in, cover, weight, bonus, rules, kept=[0]) == [0]


def test_solver_notes_never_reach_stdout(capfd: pytest.CaptureFixture[str]) -> None:
    with summary_exact._stdout_kept_clean():
        os.write(1, b"note from the solver\n")
    out, err = capfd.readouterr()
    assert out == "" and err == "note from the solver\n"
