"""Features for an ordered stream, computed by helper processes while the main one clusters.

Online clustering is sequential, but tokenising, stemming, MinHash signing and TF-IDF weighting
are not, and they are about half the work: on two cores one helper process roughly doubles the
rate. Each helper learns IDF from the articles it sees, and batches go to helpers in turn (not
to whichever is free), so a run is reproducible for a given number of helpers; with one helper
it equals the inline run exactly. Only a few batches are in flight, so memory stays bounded on
endless streams.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import queue
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue

from newsprism.cluster.config import ClusterConfig
from newsprism.cluster.features import DocFrequency, Features, Featurizer, weigh
from newsprism.cluster.semantic import embed_articles
from newsprism.errors import NewsprismError
from newsprism.model import Article

BATCH = 256
PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>
PARENT_CHECK_SECONDS = 2.0
Texts = list[tuple[str, str | None]]


def default_jobs() -> int:
    """Helper processes worth starting: one per spare core."""
    return max(0, (os.cpu_count() or 1) - 1)


class StreamFeaturizer:
    """Features with the article's weighted vector, IDF learnt from the articles seen so far.

    The term counts are dropped once weighted: the clusterer needs only the vector, and they
    would double what travels between processes.
    """

    def __init__(self, config: ClusterConfig) -> None:
        self.featurizer = Featurizer(config)
        self.df = DocFrequency()
        self.keep = config.article_terms
        self.semantic = config.embeds

    def __call__(self, text: str, title: str | None) -> Features:
        feats = self.featurizer.of_text(text, title)
        counts = self.df.add(feats.terms)
        return Features({}, feats.signature, weigh(feats.terms, self.df, self.keep, counts))

    def batch(self, texts: Texts) -> list[Features]:
        feats = [self(text, title) for text, title in texts]
        if not self.semantic or not feats:
            return feats
        embs = embed_articles(texts)
        return [replace(f, embedding=e) for f, e in zip(feats, embs, strict=True)]


def _serve(config: ClusterConfig, inbox: Queue[Texts | None], outbox: Connection) -> None:
    parent = os.getppid()
    _die_with_parent()
    gc.freeze()  # the heap inherited from the parent: never walked, so its pages stay shared
    work = StreamFeaturizer(config)
    while True:
        try:
            texts = inbox.get(timeout=PARENT_CHECK_SECONDS)
        except queue.Empty:
            if os.getppid() != parent:  # orphaned where the kernel cannot tell us (not Linux)
                return
            continue
        if texts is None:
            return
        outbox.send(work.batch(texts))


def _die_with_parent() -> None:
    """On Linux, ask the kernel to kill this helper when its parent dies, even by SIGKILL."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return


def featurized(
    articles: Iterable[Article], config: ClusterConfig, jobs: int = 0
) -> Iterator[tuple[Article, Features]]:
    """(article, features) in input order; ``jobs`` helper processes (0: compute inline)."""
    batches = _batches(articles)
    if jobs <= 0:
        work = StreamFeaturizer(config)
        for batch in batches:
            yield from zip(batch, work.batch(_texts(batch)), strict=True)
        return
    yield from _with_helpers(batches, config, jobs)


def _with_helpers(
    batches: Iterator[list[Article]], config: ClusterConfig, jobs: int
) -> Iterator[tuple[Article, Features]]:
    helpers = _Helpers(config, jobs)
    inflight: deque[tuple[list[Article], int]] = deque()
    try:
        for n, batch in enumerate(batches):
            helpers.send(n % jobs, _texts(batch))
            inflight.append((batch, n % jobs))
            while len(inflight) > 2 * jobs + 1:
                batch, helper = inflight.popleft()
                yield from zip(batch, helpers.receive(helper), strict=True)
        while inflight:
            batch, helper = inflight.popleft()
            yield from zip(batch, helpers.receive(helper), strict=True)
    finally:
        helpers.stop()


class _Helpers:
    """Helper processes, each with its own queue in and pipe out, so batch n always goes to
    helper n % jobs. Only the helper holds its pipe's sending end: if it dies, even in the middle
    of a message, the main process reads end-of-file instead of waiting forever."""

    def __init__(self, config: ClusterConfig, jobs: int) -> None:
        ctx = multiprocessing.get_context()
        self.inboxes: list[Queue[Texts | None]] = [ctx.Queue() for _ in range(jobs)]
        pipes = [ctx.Pipe(duplex=False) for _ in range(jobs)]
        self.outboxes: list[Connection] = [reader for reader, _ in pipes]
        self.processes: list[BaseProcess] = [
            ctx.Process(target=_serve, args=(config, inbox, writer), daemon=True)
            for inbox, (_, writer) in zip(self.inboxes, pipes, strict=True)
        ]
        self.failed = False
        for process, (_, writer) in zip(self.processes, pipes, strict=True):
            process.start()
            writer.close()

    def send(self, helper: int, texts: Texts) -> None:
        self.inboxes[helper].put(texts)

    def receive(self, helper: int) -> list[Features]:
        outbox, process = self.outboxes[helper], self.processes[helper]
        while True:
            try:
                if outbox.poll(1.0):
                    features: list[Features] = outbox.recv()
                    return features
            except (EOFError, OSError):
                pass  # the helper is gone: its end of the pipe closed
            else:
                if process.is_alive():
                    continue
            self.failed = True
            process.join(timeout=5)
            raise NewsprismError("helper-failed", detail=f"died (exit code {process.exitcode})")

    def stop(self) -> None:
        """Helpers end; after a failure no queue waits at exit for a reader that is gone."""
        for inbox in self.inboxes:
            inbox.put(None)
        for process in self.processes:
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join(timeout=5)
        for outbox in self.outboxes:
            outbox.close()
        if self.failed:
            for inbox in self.inboxes:
                inbox.cancel_join_thread()


def _batches(articles: Iterable[Article]) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, BATCH)):
        yield batch


def _texts(batch: list[Article]) -> Texts:
    return [(a.text, a.title) for a in batch]
