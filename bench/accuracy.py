"""Accuracy on the development gold sets: build each set's graph from its texts and
score it with graphbuild's own evaluation (``graphbuild evaluate``).

usage: python bench/accuracy.py [GOLD_DIR] [--out bench/results/accuracy.json]

GOLD_DIR defaults to ../shared/gold. Prints one table and writes the figures as JSON;
``docs/accuracy.md`` quotes them. Cross-check with the referee:
``python ../shared/gold/score.py GOLD GRAPH`` on the graphs saved under
``bench/results/graphs/``.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from graphbuild.articles import article_from_record
from graphbuild.build import build_articles
from graphbuild.evaluate import evaluate, read_gold
from graphbuild.export import write_graph

SETS = ("dev-seeds", "dev-news", "dev-dwie")


def main(argv=None) -> dict:
    root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir", nargs="?", type=Path, default=root.parent / "shared" / "gold")
    ap.add_argument("--out", type=Path, default=root / "bench" / "results" / "accuracy.json")
    args = ap.parse_args(argv)
    results = {}
    print(f"{'set':<11}{'entities':>10}{'speaksFor':>11}{'accuses':>9}{'coopWith':>10}{'articles':>10}{'s':>7}")
    for name in SETS:
        path = args.gold_dir / f"{name}.jsonl"
        gold = read_gold(path)
        start = time.perf_counter()
        articles = [article_from_record(a.record(), f"{path}:{a.line}") for a in gold.articles]
        graph = build_articles(articles, jobs=1)
        seconds = time.perf_counter() - start
        write_graph(graph, args.out.parent / "graphs" / f"{name}.ttl")
        report = evaluate(gold, graph)
        figures = report.to_dict(errors=False)
        results[name] = {"seconds": round(seconds, 1), "articles": len(articles),
                         "entities": figures.get("entities"), "relations": figures.get("relations")}
        ent = figures.get("entities", {}) or {}

        def f1(group, key):
            item = (group or {}).get(key)
            return f"{item['f1']:.3f}" if item else "-"

        print(f"{name:<11}{f1(ent, 'all'):>10}{f1(figures['relations'], 'speaksFor'):>11}"
              f"{f1(figures['relations'], 'accuses'):>9}{f1(figures['relations'], 'cooperatesWith'):>10}"
              f"{len(articles):>10}{seconds:>7.1f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    return results


if __name__ == "__main__":
    main()
