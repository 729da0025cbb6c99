"""Build throughput against bare ``nlp.pipe`` of the same model, same texts, same processes.

    .venv/bin/python bench/bench_build.py [--limit N] [--jobs N]

Runs, side by side in one process: (1) the spaCy model alone (``spacy.load`` of the
model graphbuild uses) over the article texts with ``nlp.pipe(n_process=jobs)``;
(2) graphbuild's build of the same articles (extraction on ``jobs`` processes,
resolution, SHACL check, Turtle written through the store), with no cache. Prints
both times and their ratio (goal: at most 1.3) and writes
``bench/results/build.json``. The other benchmarks import the helpers below.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "reuters" / "reuters21578_articles.jsonl"
RESULTS = ROOT / "bench" / "results"


def load_articles(limit: int | None = None, corpus: Path = CORPUS, offset: int = 0) -> list:
    """The Reuters-21578 articles with a body (the first ``limit`` after ``offset``)."""
    from graphbuild.articles import read_articles

    if not corpus.is_file():
        sys.exit(f"bench: the corpus {corpus} is missing (see bench/README or the issue)")
    articles = read_articles([str(corpus)], skip_bad=True, on_skip=lambda path, message: None)
    stop = None if limit is None else offset + limit
    return list(itertools.islice(articles, offset, stop))


def write_jsonl(articles: list, path: Path) -> Path:
    """``articles`` as a JSON Lines file graphbuild reads back unchanged."""
    with open(path, "w", encoding="utf-8") as out:
        for art in articles:
            record = {"id": art.id, "text": art.text, "title": art.title, "date": art.date,
                      "source": art.source, "dateline": art.dateline}
            out.write(json.dumps({k: v for k, v in record.items() if v is not None}) + "\n")
    return path


def machine() -> dict:
    from graphbuild.engine import default_jobs

    return {"python": platform.python_version(), "cores": default_jobs(), "platform": platform.platform()}


def save(name: str, result: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path


def time_bare(texts: list[str], jobs: int, batch_size: int) -> float:
    import spacy

    from graphbuild.nlp.pipeline import MODEL

    nlp = spacy.load(MODEL)
    start = time.perf_counter()
    kwargs = {"batch_size": batch_size}
    if jobs > 1:
        kwargs["n_process"] = jobs
    for _ in nlp.pipe(texts, **kwargs):
        pass
    return time.perf_counter() - start


def time_build(articles: list, jobs: int, batch_size: int, validate: bool = True) -> tuple[float, dict]:
    from graphbuild.build import build_to_file, extract_articles

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        stats = build_to_file(extract_articles(articles, jobs=jobs, batch_size=batch_size),
                              Path(tmp) / "graph.ttl", validate=validate)
        return time.perf_counter() - start, stats


def main() -> None:
    from graphbuild.engine import default_jobs

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="the first N articles only (default: all 19,043)")
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--name", default="build", help="result file name in bench/results/")
    args = parser.parse_args()
    articles = load_articles(args.limit)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(articles)} articles, {words} words, {args.jobs} processes", flush=True)
    bare = time_bare(texts, args.jobs, args.batch_size)
    print(f"bare nlp.pipe      {bare:8.1f} s  {words / bare:8.0f} words/s", flush=True)
    build, stats = time_build(articles, args.jobs, args.batch_size)
    print(f"graphbuild build   {build:8.1f} s  {words / build:8.0f} words/s  "
          f"({stats['triples']} triples)", flush=True)
    ratio = build / bare
    print(f"ratio build/bare   {ratio:8.2f}   (goal <= 1.3)")
    save(args.name, {"benchmark": "build throughput against bare nlp.pipe", "articles": len(articles),
                     "words": words, "jobs": args.jobs, "batch_size": args.batch_size,
                     "bare_seconds": round(bare, 2), "build_seconds": round(build, 2),
                     "ratio": round(ratio, 3), "goal": "<= 1.3", "met": ratio <= 1.3,
                     "triples": stats["triples"], "statements": stats["statements"],
                     "machine": machine(), "os_cpu_count": os.cpu_count()})


if __name__ == "__main__":
    main()
