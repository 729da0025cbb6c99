"""Peak memory of a build as the corpus doubles: 1/8, 1/4, 1/2 and all of it.

    .venv/bin/python bench/bench_memory.py [--limit N] [--jobs N]

Each size is built by ``graphbuild build --no-cache`` in a fresh subprocess, itself
started by a small wrapper that reports ``getrusage(RUSAGE_CHILDREN).ru_maxrss``: the
largest resident set of any process of that build (the main process or a model
worker), not mixed up with the other sizes. Prints each peak and its ratio to the 1/8
peak (goal: the whole corpus under 2x) and writes ``bench/results/memory.json``.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import load_articles, machine, save, write_jsonl  # noqa: E402

WRAPPER = """
import resource, subprocess, sys, time, json
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"max_rss_kb": usage.ru_maxrss, "seconds": time.perf_counter() - start}))
"""


def measure(corpus: Path, output: Path, jobs: int) -> dict:
    graphbuild = Path(sys.executable).with_name("graphbuild")
    command = [sys.executable, "-c", WRAPPER, str(graphbuild), "build", str(corpus), "-o", str(output),
               "--no-cache", "-q", "--jobs", str(jobs)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    from graphbuild.engine import default_jobs

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="treat the first N articles as the whole corpus")
    parser.add_argument("--jobs", type=int, default=default_jobs())
    args = parser.parse_args()
    articles = load_articles(args.limit)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for denominator in (8, 4, 2, 1):
            part = articles[:len(articles) // denominator]
            corpus = write_jsonl(part, Path(tmp) / f"part-{denominator}.jsonl")
            figures = measure(corpus, Path(tmp) / f"graph-{denominator}.ttl", args.jobs)
            row = {"fraction": f"1/{denominator}", "articles": len(part),
                   "max_rss_mb": round(figures["max_rss_kb"] / 1024, 1),
                   "seconds": round(figures["seconds"], 1)}
            rows.append(row)
            ratio = row["max_rss_mb"] / rows[0]["max_rss_mb"]
            row["ratio_to_eighth"] = round(ratio, 3)
            print(f"{row['fraction']:>4}  {row['articles']:6d} articles  {row['max_rss_mb']:8.1f} MB  "
                  f"x{ratio:5.2f}  {row['seconds']:7.1f} s", flush=True)
    ratio = rows[-1]["ratio_to_eighth"]
    print(f"whole / eighth peak memory: {ratio:.2f}  (goal < 2)")
    save("memory", {"benchmark": "peak memory as the corpus doubles", "jobs": args.jobs,
                    "measure": "max RSS of any process of the build (RUSAGE_CHILDREN)",
                    "rows": rows, "ratio": ratio, "goal": "< 2", "met": ratio < 2, "machine": machine()})


if __name__ == "__main__":
    main()
