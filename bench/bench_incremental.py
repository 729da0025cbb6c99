"""Cost of adding 1% new articles to an existing build, against the full build.

    .venv/bin/python bench/bench_incremental.py [--limit N] [--jobs N]

Side by side in one run, on the same machine:
(1) a full ``graphbuild build`` of 99% of the corpus with an empty cache, then the
same articles plus 1% new ones with the cache filled (``--cache``): only the new ones
are parsed, the graph is resolved and written whole;
(2) a full ``graphbuild build --store`` of the 99%, then ``--store`` with the 99% plus
the 1%: articles already in the store are skipped, only the new ones are written.
Prints the times and the ratios incremental/full (goal: under 5%) and writes
``bench/results/incremental.json``.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import load_articles, machine, save, write_jsonl  # noqa: E402


def run(*args: str) -> float:
    graphbuild = Path(sys.executable).with_name("graphbuild")
    start = time.perf_counter()
    subprocess.run([str(graphbuild), "build", *args, "-q"], check=True)
    return time.perf_counter() - start


def main() -> None:
    from graphbuild.engine import default_jobs

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="the first N articles only")
    parser.add_argument("--jobs", type=int, default=default_jobs())
    args = parser.parse_args()
    articles = load_articles(args.limit)
    n_new = max(1, len(articles) // 100)
    old, new = articles[:-n_new], articles[-n_new:]
    jobs = ["--jobs", str(args.jobs)]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_jsonl(old, tmp / "old.jsonl")
        (tmp / "more").mkdir()
        write_jsonl(new, tmp / "more" / "new.jsonl")
        cache = ["--cache", str(tmp / "cache")]
        full = run(str(tmp / "old.jsonl"), "-o", str(tmp / "a.ttl"), *cache, *jobs)
        print(f"full build, {len(old)} articles, empty cache   {full:8.1f} s", flush=True)
        again = run(str(tmp / "old.jsonl"), str(tmp / "more"), "-o", str(tmp / "b.ttl"), *cache, *jobs)
        print(f"+{n_new} new articles, cache             {again:8.1f} s  ({again / full:.1%})", flush=True)
        store = ["--store", str(tmp / "store"), "--no-cache"]
        full_store = run(str(tmp / "old.jsonl"), *store, *jobs)
        print(f"full build into a store                {full_store:8.1f} s", flush=True)
        add = run(str(tmp / "old.jsonl"), str(tmp / "more"), *store, *jobs)
        print(f"+{n_new} new articles, store             {add:8.1f} s  ({add / full_store:.1%})", flush=True)
        same = run(str(tmp / "old.jsonl"), str(tmp / "more"), *store, *jobs)
        print(f"the same articles again, store         {same:8.1f} s  ({same / full_store:.1%})", flush=True)
    result = {"benchmark": "adding 1% new articles against a full build", "articles": len(old),
              "new_articles": n_new, "jobs": args.jobs,
              "cache": {"full_seconds": round(full, 2), "incremental_seconds": round(again, 2),
                        "ratio": round(again / full, 4)},
              "store": {"full_seconds": round(full_store, 2), "incremental_seconds": round(add, 2),
                        "ratio": round(add / full_store, 4), "same_again_seconds": round(same, 2)},
              "goal": "< 0.05", "machine": machine()}
    for path in ("cache", "store"):
        result[path]["met"] = result[path]["ratio"] < 0.05
    # adding to a store is the incremental mode; the cache rebuild rewrites the whole file
    result["met"] = result["store"]["met"]
    save("incremental", result)


if __name__ == "__main__":
    main()
