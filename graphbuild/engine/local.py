"""The local engine: the model in this process, or in a pool of worker processes.

With ``jobs > 1`` articles go to the workers in chunks; each worker loads the model
once (:func:`graphbuild.engine.model.shared_build_nlp`) and returns only extractions,
never Docs. At most ``2 * jobs`` chunks are in flight, so memory does not grow with
the corpus; results come back in input order.
"""
from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Iterator

from graphbuild.cache import iter_chunks
from graphbuild.engine import default_jobs
from graphbuild.engine.model import extract_batch, shared_build_nlp
from graphbuild.extract import ArticleExtraction


def _init_worker(gazetteer: tuple[str, ...]) -> None:
    shared_build_nlp(gazetteer)


def _extract_chunk(articles: list, gazetteer: tuple[str, ...], batch_size: int) -> list[dict]:
    return [ex.to_dict() for _, ex in extract_batch(enumerate(articles), gazetteer, batch_size)]


class LocalEngine:
    """Extraction on this machine with ``jobs`` processes (default: every core)."""

    def __init__(self, *, jobs: int | None = None, gazetteer: tuple[str, ...] = (), batch_size: int = 32,
                 chunk_size: int | None = None):
        self.jobs = max(1, jobs or default_jobs())
        self.gazetteer = tuple(str(g) for g in gazetteer)
        self.batch_size = batch_size
        self.chunk_size = chunk_size or max(batch_size, 64)
        self._pool: ProcessPoolExecutor | None = None

    def extract(self, articles: Iterable) -> Iterator[ArticleExtraction]:
        """Extractions of ``articles``, in their order."""
        if self.jobs == 1:
            for _, ex in extract_batch(enumerate(articles), self.gazetteer, self.batch_size):
                yield ex
            return
        chunks = iter_chunks(articles, self.chunk_size)
        first = next(chunks, None)
        if first is None:
            return
        if len(first) < self.chunk_size:
            # the whole input is one chunk: starting workers (each loading the model)
            # would cost more than it saves
            for _, ex in extract_batch(enumerate(first), self.gazetteer, self.batch_size):
                yield ex
            return
        chunks = itertools.chain([first], chunks)
        if self._pool is None:
            # fork where there is one: works from scripts and notebooks without a
            # ``__main__`` guard, and the workers do not import graphbuild again
            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context(method),
                                             initializer=_init_worker, initargs=(self.gazetteer,))
        pending: deque = deque()
        for chunk in chunks:
            pending.append(self._pool.submit(_extract_chunk, chunk, self.gazetteer, self.batch_size))
            while len(pending) >= 2 * self.jobs:
                yield from map(ArticleExtraction.from_dict, pending.popleft().result())
        while pending:
            yield from map(ArticleExtraction.from_dict, pending.popleft().result())

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
