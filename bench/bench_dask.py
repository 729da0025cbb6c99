"""The Dask engine on a local cluster against the plain (local) build.

    .venv/bin/python bench/bench_dask.py [--limit N] [--workers N]

Builds the same articles with the local engine (``--jobs N``) and with ``--engine
dask`` on a ``LocalCluster`` of N worker processes (cluster start-up included), with
no cache; checks that the two graphs are isomorphic and prints the time ratio. Writes
``bench/results/dask.json``.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import load_articles, machine, save  # noqa: E402


def main() -> None:
    from graphbuild.build import build_to_file, extract_articles
    from graphbuild.compare import assert_isomorphic
    from graphbuild.engine import default_jobs
    from graphbuild.engine.dask import DaskEngine
    from graphbuild.export import read_graph

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=default_jobs())
    args = parser.parse_args()
    articles = load_articles(args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        start = time.perf_counter()
        build_to_file(extract_articles(articles, jobs=args.workers), tmp / "local.ttl")
        local = time.perf_counter() - start
        print(f"local engine, {args.workers} processes   {local:8.1f} s", flush=True)
        start = time.perf_counter()
        with DaskEngine(workers=args.workers, parts_dir=tmp / "parts") as engine:
            build_to_file(extract_articles(articles, engine=engine), tmp / "dask.ttl")
        dask = time.perf_counter() - start
        parts = len(list((tmp / "parts").glob("part-*.jsonl")))
        print(f"dask LocalCluster, {args.workers} workers  {dask:8.1f} s  ({parts} partitions)", flush=True)
        assert_isomorphic(read_graph(tmp / "local.ttl"), read_graph(tmp / "dask.ttl"))
        print(f"graphs isomorphic; ratio dask/local {dask / local:.2f}")
    save("dask", {"benchmark": "Dask LocalCluster against the local engine", "articles": len(articles),
                  "workers": args.workers, "local_seconds": round(local, 2), "dask_seconds": round(dask, 2),
                  "ratio": round(dask / local, 3), "partitions": parts, "isomorphic": True,
                  "machine": machine()})


if __name__ == "__main__":
    main()
