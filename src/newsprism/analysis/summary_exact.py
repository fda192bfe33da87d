"""Budgeted concept coverage solved exactly, as an integer linear program (Gillick & Favre 2009).

The greedy selection (analysis/summary.py) takes the best gain per word at each step, so one
long sentence can use budget that two short ones would spend on more concepts. Here the same
objective (values of the concepts covered, plus each sentence's own bonuses) is maximised over
whole sets of sentences with scipy's HiGHS solver, under the greedy's rules: the word budget, the
quotations' share of it, a reprinted statement quoted at most `per_statement` times, at most
`per_speaker` quotations of one speaker, and never two candidates that restate each other.
Only the most promising candidates (by first-step greedy gain, plus whatever the greedy chose)
enter the program, so its size does not grow with the story; a program the solver does not
prove optimal within its limits returns None and the greedy choice stands. The time limit is the
one that binds (on 25-article clusters at 250 words about 1 program in 12), so on such stories the
choice can depend on the machine's speed. Measured on the Multi-News dev stories it scores below
the greedy (docs/summary-eval.md), so the summary uses it only when asked (`exact` knob).
"""

from __future__ import annotations

import ctypes
import os
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from newsprism.analysis.summary_pool import Pool

CANDIDATES = 100  # most promising rows the program chooses among
NODE_LIMIT = 5000  # branch-and-bound nodes (solved programs needed at most 57)
TIME_LIMIT = 1.0  # seconds per program (the greedy choice then stands)


@dataclass(frozen=True)
class Rules:
    """The greedy selection's limits, as the program states them."""

    words: int  # word budget
    quoting: float  # words of quotations allowed
    per_statement: int  # quotations of a reprinted statement (0: no limit)
    per_speaker: int  # quotations of one speaker (0: no limit)


def shortlist(
    free: np.ndarray, first_gain: np.ndarray, greedy: Sequence[int], size: int
) -> np.ndarray:
    """The rows the program considers: the `size` best first-step gains among the rows allowed,
    and every row the greedy chose (so the exact answer is never worse than the greedy one)."""
    allowed = np.flatnonzero(free)
    ranked = allowed[np.argsort(-first_gain[allowed], kind="stable")[:size]]
    return np.unique(np.concatenate([ranked, np.asarray(greedy, dtype=np.int64)]))


def solve(
    pool: Pool,
    rows: np.ndarray,
    cover: sparse.csr_matrix,
    weight: np.ndarray,
    bonus: np.ndarray,
    rules: Rules,
    kept: Sequence[int] = (),
) -> list[int] | None:
    """The rows (pool indices) of the best set that includes the `kept` rows, or None when the
    solver did not prove it best. `cover` is the pool's row x concept incidence and `weight`
    each concept's value."""
    sub, value = _concepts(cover[rows], weight)
    used = np.asarray(sub.sum(axis=0)).ravel()
    alone = used == 1  # a concept only one row carries is that row's own value
    own = bonus[rows] + sub[:, alone] @ value[alone]
    shared = np.flatnonzero(used > 1)
    n, m = len(rows), len(shared)
    limits, upper = _limits(pool, rows, rules)
    limits = sparse.hstack([limits, sparse.csr_matrix((limits.shape[0], m))])
    coverage = sparse.hstack([-sub[:, shared].T, sparse.identity(m)])  # c_j <= sum of its rows
    with _stdout_kept_clean():
        result = milp(
            -np.concatenate([own, value[shared]]),
            integrality=np.concatenate([np.ones(n), np.zeros(m)]),  # concepts follow the rows
            bounds=Bounds(np.concatenate([np.isin(rows, kept), np.zeros(m)]), 1.0),
            constraints=LinearConstraint(
                sparse.vstack([limits, coverage]).tocsr(), -np.inf, np.append(upper, np.zeros(m))
            ),
            options={"node_limit": NODE_LIMIT, "time_limit": TIME_LIMIT, "mip_rel_gap": 1e-6},
        )
    if result.status != 0 or result.x is None:
        return None
    return [int(r) for r in rows[result.x[:n] > 0.5]]


def _concepts(cover: sparse.csr_matrix, weight: np.ndarray) -> tuple[sparse.csr_matrix, np.ndarray]:
    """The concepts these rows carry that are worth something, those carried by the same rows
    merged into one (weights added): fewer variables, the same optimum."""
    columns = np.unique(cover.indices)
    columns = columns[weight[columns] > 0]
    cover = sparse.csc_matrix(cover[:, columns])
    keys: dict[bytes, int] = {}
    group = np.empty(len(columns), dtype=np.int64)
    for j in range(len(columns)):
        group[j] = keys.setdefault(cover.indices[cover.indptr[j] : cover.indptr[j + 1]].tobytes(),
                                   len(keys))  # fmt: skip
    merge = sparse.csr_matrix(
        (np.ones(len(group)), (np.arange(len(group)), group)), shape=(len(group), len(keys))
    )
    merged = (cover @ merge).tocsr()
    merged.data[:] = 1.0
    return merged, np.asarray(weight[columns] @ merge).ravel()


def _limits(pool: Pool, rows: np.ndarray, rules: Rules) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Constraint rows over the candidates (each row's sum at most its bound): budget,
    quotations' share, reprinted statement, speakers, restatements."""
    n = len(rows)
    words = pool.words[rows].astype(float)
    quotation = pool.quotation[rows] if pool.quotation is not None else np.zeros(n, dtype=bool)
    lines = [words, words * quotation]
    bounds = [float(rules.words), float(rules.quoting)]
    if rules.per_statement and pool.reprint is not None:
        lines.append(pool.reprint[rows].astype(float))
        bounds.append(float(rules.per_statement))
    if rules.per_speaker and pool.speaker is not None:
        speaker = np.where(quotation, pool.speaker[rows], -1)
        for who in np.unique(speaker[speaker >= 0]):
            lines.append((speaker == who).astype(float))
            bounds.append(float(rules.per_speaker))
    same = sparse.triu(pool.same[rows][:, rows], k=1).tocoo()  # restating pairs, once each
    pair = np.repeat(np.arange(same.nnz), 2)
    ends = np.column_stack([same.row, same.col]).ravel()
    pairs = sparse.csr_matrix((np.ones(len(ends)), (pair, ends)), shape=(same.nnz, n))
    matrix = sparse.vstack([sparse.csr_matrix(np.vstack(lines)), pairs]).tocsr()
    return matrix, np.concatenate([bounds, np.ones(same.nnz)])


_REDIRECT = threading.Lock()


@contextmanager
def _stdout_kept_clean() -> Iterator[None]:
    """HiGHS prints a few internal notes with a bare printf whatever its options say; send them
    to stderr, since stdout may carry a brief as JSON."""
    with _REDIRECT:
        sys.stdout.flush()
        try:
            saved = os.dup(1)
            os.dup2(2, 1)
        except OSError:  # no standard streams to guard
            yield
            return
        try:
            yield
        finally:
            ctypes.CDLL(None).fflush(None)
            os.dup2(saved, 1)
            os.close(saved)
