"""Engines run the language model over articles and hand back extractions.

* :class:`~graphbuild.engine.local.LocalEngine`: in this process (``jobs=1``) or in a
  pool of worker processes with one model each (``jobs=N``);
* :class:`~graphbuild.engine.dask.DaskEngine`: on a Dask cluster (``--engine dask``),
  one model per worker process, partitions written as JSON Lines.

Every engine has ``extract(articles) -> Iterator[ArticleExtraction]`` (in input order)
and is a context manager that releases its workers. What an engine returns does not
depend on the engine: the same articles give the same extractions.
"""
from __future__ import annotations

import os

ENGINES = ("local", "dask")


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def make_engine(name: str = "local", *, jobs: int | None = None, gazetteer: tuple[str, ...] = (),
                batch_size: int = 32, scheduler: str | None = None, parts_dir=None):
    """The engine called ``name`` (one of :data:`ENGINES`)."""
    if name == "local":
        from graphbuild.engine.local import LocalEngine

        return LocalEngine(jobs=jobs, gazetteer=gazetteer, batch_size=batch_size)
    if name == "dask":
        from graphbuild.engine.dask import DaskEngine

        return DaskEngine(scheduler=scheduler, workers=jobs, gazetteer=gazetteer,
                          batch_size=batch_size, parts_dir=parts_dir)
    raise ValueError(f"unknown engine {name!r}; use one of {', '.join(ENGINES)}")
