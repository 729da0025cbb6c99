"""The Dask engine: the model on the workers of a Dask cluster.

``graphbuild build ... --engine dask --scheduler tcp://host:8786`` sends articles in
partitions to the cluster's workers. Each worker process loads the model once (a
:class:`ModelPlugin` loads it when the worker joins; later tasks find it in
:func:`graphbuild.engine.model.shared_build_nlp`'s cache) and returns the partition's
extractions, never Docs. The client writes each partition as JSON Lines
(``part-00000.jsonl``, ...) into ``parts_dir`` and hands the extractions on to the
same resolution and graph writing as the local build: same IRIs, same triples.

Without a scheduler a :class:`distributed.LocalCluster` of ``workers`` processes (one
thread each) is started and stopped with the engine. Workers need graphbuild (and the
model) installed, and user gazetteer files at the same path.

Needs the ``dask`` extra: ``pip install 'graphbuild[dask]'``.
"""
from __future__ import annotations

import json
from collections import deque
from pathlib import Path
from typing import Iterable, Iterator

from graphbuild.cache import iter_chunks
from graphbuild.engine import default_jobs
from graphbuild.errors import GraphbuildError
from graphbuild.export import atomic_write_bytes
from graphbuild.extract import ArticleExtraction

#: Articles per partition (one task, one JSON Lines file).
PARTITION_SIZE = 128


class EngineError(GraphbuildError):
    """The distributed engine cannot start or reach its cluster."""


def _import_distributed():
    try:
        import distributed
    except ImportError as err:
        raise EngineError("--engine dask needs Dask: pip install 'graphbuild[dask]' "
                          "(or pip install 'dask[distributed]')") from err
    return distributed


def _extract_partition(articles: list, gazetteer: tuple[str, ...], batch_size: int) -> list[dict]:
    from graphbuild.engine.model import extract_batch

    return [ex.to_dict() for _, ex in extract_batch(enumerate(articles), gazetteer, batch_size)]


def _model_plugin(gazetteer: tuple[str, ...]):
    from distributed.diagnostics.plugin import WorkerPlugin

    class ModelPlugin(WorkerPlugin):
        """Loads graphbuild's pipeline once per worker process, when the worker starts."""

        name = "graphbuild-model-" + "-".join(gazetteer)

        def __init__(self, gazetteer_files: tuple[str, ...]):
            self.gazetteer_files = gazetteer_files

        def setup(self, worker) -> None:
            from graphbuild.engine.model import shared_build_nlp

            shared_build_nlp(self.gazetteer_files)

    return ModelPlugin(gazetteer)


def read_parts(parts_dir: str | Path) -> Iterator[ArticleExtraction]:
    """The extractions in the partition files of ``parts_dir``, partition by partition."""
    for path in sorted(Path(parts_dir).glob("part-*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield ArticleExtraction.from_dict(json.loads(line))


class DaskEngine:
    """Extraction on a Dask cluster (see the module docstring)."""

    def __init__(self, *, scheduler: str | None = None, workers: int | None = None,
                 gazetteer: tuple[str, ...] = (), batch_size: int = 32, parts_dir: str | Path | None = None,
                 partition_size: int = PARTITION_SIZE):
        self.scheduler = scheduler
        self.workers = max(1, workers or default_jobs())
        self.gazetteer = tuple(str(g) for g in gazetteer)
        self.batch_size = batch_size
        self.parts_dir = Path(parts_dir) if parts_dir is not None else None
        self.partition_size = partition_size
        self.client = None
        self._cluster = None

    def start(self) -> None:
        if self.client is not None:
            return
        distributed = _import_distributed()
        try:
            if self.scheduler:
                self.client = distributed.Client(self.scheduler, timeout="30s")
            else:
                self._cluster = distributed.LocalCluster(
                    n_workers=self.workers, threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=40)
                self.client = distributed.Client(self._cluster)
            self.client.register_plugin(_model_plugin(self.gazetteer))
        except (OSError, TimeoutError) as err:
            self.close()
            where = self.scheduler or "a local cluster"
            raise EngineError(f"Cannot start the Dask engine on {where}: {err}; check the "
                              "address (tcp://host:8786) and that the scheduler runs.") from err

    def extract(self, articles: Iterable) -> Iterator[ArticleExtraction]:
        """Extractions of ``articles``, in their order; partitions go to ``parts_dir``."""
        self.start()
        if self.parts_dir is not None:
            self.parts_dir.mkdir(parents=True, exist_ok=True)
            for old in self.parts_dir.glob("part-*.jsonl"):
                old.unlink()
        n_workers = max(1, len(self.client.scheduler_info().get("workers", {})) or self.workers)
        pending: deque = deque()
        number = 0

        def finish(item) -> Iterator[ArticleExtraction]:
            index, future = item
            rows = future.result()
            if self.parts_dir is not None:
                data = "".join(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n" for row in rows)
                atomic_write_bytes(self.parts_dir / f"part-{index:05d}.jsonl", data.encode("utf-8"))
            return map(ArticleExtraction.from_dict, rows)

        for partition in iter_chunks(articles, self.partition_size):
            future = self.client.submit(_extract_partition, partition, self.gazetteer, self.batch_size,
                                        pure=False)
            pending.append((number, future))
            number += 1
            while len(pending) >= 2 * n_workers:
                yield from finish(pending.popleft())
        while pending:
            yield from finish(pending.popleft())

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
