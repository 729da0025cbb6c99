"""Time every shipped query with rdflib's engine and with Oxigraph, side by side.

    python bench/bench_queries.py graph.ttl            # a built graph (e.g. all of Reuters)
    python bench/bench_queries.py --synthetic 1000000  # a seeded synthetic graph of that size

Loads the graph into an in-memory rdflib.Graph and an in-memory pyoxigraph.Store, runs
each query of graphbuild/queries with both through graphbuild.query.run_query, checks
that both give the same rows, and prints load and query times and the ratio. rdflib
queries run in a forked child so that one can be stopped at --rdflib-timeout seconds
(then the time is reported as "> T"). Results go to bench/results/queries.json.

Parameters for the queries that need them are taken from the graph: the actor with the
most statements, the most frequent accusation dyad, and the middle year of the dates.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

from graphbuild.query import list_queries, run_query, shipped_query
from graphbuild.vocab import PREFIXES

RESULTS = Path(__file__).parent / "results" / "queries.json"
GB, GBR = PREFIXES["gb"], PREFIXES["gbr"]
RDF, RDFS, SKOS = PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["skos"]
PROV, SCHEMA, ORG, OWL, XSD = PREFIXES["prov"], PREFIXES["schema"], PREFIXES["org"], PREFIXES["owl"], PREFIXES["xsd"]
DCTERMS = PREFIXES["dcterms"]


# ---------------------------------------------------------------- synthetic graph
def synthetic_graph(path: Path, triples: int, seed: int = 7) -> int:
    """Write an N-Triples graph shaped like graphbuild's (docs/design.md) of about
    ``triples`` triples; return the number written."""
    rng = random.Random(seed)
    # Per statement ~15 triples, per article ~18; about 4 statements per article.
    n_articles = max(10, triples // 78)
    n_statements = n_articles * 4
    kinds = {"country": max(5, n_articles // 200), "ministry": max(5, n_articles // 60),
             "official": max(10, n_articles // 8), "group": max(5, n_articles // 30)}
    actors = {kind: [f"{GBR}{kind}/{kind}-{i}" for i in range(n)] for kind, n in kinds.items()}
    every = [a for kind in actors for a in actors[kind]]
    # Zipf-like popularity: news talks about few actors a lot.
    weights = [1 / (rank + 1) for rank in range(len(every))]
    rng.shuffle(weights)
    lines: list[str] = []

    def iri(value: str) -> str:
        return f"<{value}>"

    def lit(value: str, datatype: str | None = None) -> str:
        text = value.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{text}"' + (f"^^<{XSD}{datatype}>" if datatype else "")

    def add(s: str, p: str, o: str) -> None:
        lines.append(f"{s} {p} {o} .")

    type_class = {"country": "Country", "ministry": "Ministry", "official": "Official", "group": "Group"}
    for kind, members in actors.items():
        for index, actor in enumerate(members):
            add(iri(actor), iri(RDF + "type"), iri(GB + type_class[kind]))
            add(iri(actor), iri(RDFS + "label"), lit(f"{kind.title()} {index}"))
            for alias in range(rng.randint(0, 3)):
                add(iri(actor), iri(SKOS + "altLabel"), lit(f"{kind} {index} alias {alias}"))
            if rng.random() < 0.5:
                add(iri(actor), iri(OWL + "sameAs"), iri(f"http://www.wikidata.org/entity/Q{rng.randint(1, 10**7)}"))
            add(iri(actor), iri(GB + "mentionCount"), lit(str(rng.randint(1, 500)), "integer"))
            if kind == "ministry":
                add(iri(actor), iri(ORG + "subOrganizationOf"), iri(rng.choice(actors["country"])))
    articles = []
    for index in range(n_articles):
        article = f"{GBR}article/synthetic-{index}"
        day = f"{rng.randint(2010, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        articles.append((article, day))
        add(iri(article), iri(RDF + "type"), iri(GB + "Article"))
        add(iri(article), iri(SCHEMA + "identifier"), lit(f"synthetic-{index}"))
        add(iri(article), iri(SCHEMA + "headline"), lit(f"Headline {index}"))
        add(iri(article), iri(SCHEMA + "datePublished"), lit(day, "date"))
        add(iri(article), iri(SCHEMA + "publisher"), lit(rng.choice(["Reuters", "Sputnik", "AP"])))
        add(iri(article), iri(GB + "contentHash"), lit(f"sha256:{rng.getrandbits(256):064x}"))
        add(iri(article), iri(GB + "sourcePath"), lit(f"corpus/{index}.txt"))
        for actor in set(rng.choices(every, weights, k=10)):
            add(iri(article), iri(SCHEMA + "mentions"), iri(actor))
    predicates = ["accuses", "cooperatesWith", "speaksFor"]
    for index in range(n_statements):
        article, day = rng.choice(articles)
        predicate = rng.choices(predicates, [0.45, 0.35, 0.2])[0]
        if predicate == "speaksFor":
            subject = rng.choice(actors["official"])
            obj = rng.choice(actors["ministry"] + actors["country"])
        else:
            subject, obj = rng.choices(every, weights, k=2)
        positive = rng.random() < 0.9
        statement = f"{GBR}statement/{index:016x}"
        for p, o in [(RDF + "type", iri(GB + "Statement")), (RDF + "subject", iri(subject)),
                     (RDF + "predicate", iri(GB + predicate)), (RDF + "object", iri(obj)),
                     (GB + "polarity", iri(GB + ("positive" if positive else "negative"))),
                     (GB + "evidence", lit(f"Sentence {index} where {subject[-12:]} meets {obj[-12:]}.")),
                     (GB + "cue", lit(predicate)), (GB + "startOffset", lit(str(index % 900), "integer")),
                     (GB + "endOffset", lit(str(index % 900 + 120), "integer")),
                     (GB + "method", lit("rule:verb-cue")), (GB + "confidence", lit("0.8", "decimal")),
                     (PROV + "wasDerivedFrom", iri(article)),
                     (PROV + "wasGeneratedBy", iri(GBR + "build/graphbuild-0.1.0"))]:
            add(iri(statement), iri(p), o)
        if positive:
            add(iri(subject), iri(GB + predicate), iri(obj))
        if predicate == "speaksFor" and rng.random() < 0.5:
            membership = f"{GBR}membership/{index:016x}"
            add(iri(membership), iri(RDF + "type"), iri(ORG + "Membership"))
            add(iri(membership), iri(ORG + "member"), iri(subject))
            add(iri(membership), iri(ORG + "organization"), iri(obj))
            add(iri(membership), iri(ORG + "role"), iri(f"{GBR}post/post-{index % 40}"))
            add(iri(membership), iri(DCTERMS + "date"), lit(day, "date"))
            add(iri(membership), iri(PROV + "wasDerivedFrom"), iri(article))
    for index in range(40):
        add(iri(f"{GBR}post/post-{index}"), iri(RDF + "type"), iri(GB + "Post"))
        add(iri(f"{GBR}post/post-{index}"), iri(SKOS + "prefLabel"), lit(f"Post {index}"))
    lines = sorted(set(lines))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


# ---------------------------------------------------------------- parameters
def choose_params(store: ox.Store) -> dict[str, dict[str, str]]:
    top = run_query(store, """
        SELECT ?s ?o (COUNT(*) AS ?n) WHERE {
          ?st rdf:predicate gb:accuses ; rdf:subject ?s ; rdf:object ?o }
        GROUP BY ?s ?o ORDER BY DESC(?n) STR(?s) STR(?o) LIMIT 1""").rows
    busiest = run_query(store, """
        SELECT ?a (COUNT(*) AS ?n) WHERE { ?article schema:mentions ?a }
        GROUP BY ?a ORDER BY DESC(?n) STR(?a) LIMIT 1""").rows
    years = run_query(store, """
        SELECT (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE { ?a schema:datePublished ?d }""").rows
    params: dict[str, dict[str, str]] = {}
    if top:
        params["said-about"] = {"speaker": f"<{top[0][0]}>", "target": f"<{top[0][1]}>"}
    if busiest:
        params["articles-mentioning"] = {"actor": f"<{busiest[0][0]}>"}
    if years and years[0][0] is not None:
        first, last = int(str(years[0][0])[:4]), int(str(years[0][1])[:4])
        middle = (first + last) // 2
        params["cooperation-network"] = {"start": f"{middle}-01-01", "end": f"{middle}-12-31"}
    return params


# ---------------------------------------------------------------- timing
_GRAPH: rdflib.Graph | None = None


def _rdflib_child(name: str, params: dict, conn) -> None:
    start = time.perf_counter()
    try:
        result = run_query(_GRAPH, shipped_query(name), params)
        conn.send((time.perf_counter() - start, result.rows, None))
    except Exception as err:  # reported, not raised: the bench goes on
        conn.send((time.perf_counter() - start, None, f"{type(err).__name__}: {err}"))
    conn.close()


def time_rdflib(name: str, params: dict, timeout: float):
    """(seconds, rows, error); seconds is None when the query passed ``timeout``."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_rdflib_child, args=(name, params, child))
    process.start()
    child.close()
    if parent.poll(timeout):
        seconds, rows, error = parent.recv()
        process.join()
        return seconds, rows, error
    process.kill()
    process.join()
    return None, None, f"stopped after {timeout:.0f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", nargs="?", type=Path, help="an RDF graph file (Turtle, N-Triples ...)")
    parser.add_argument("--synthetic", type=int, metavar="TRIPLES",
                        help="generate a seeded synthetic graph of about this many triples instead")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rdflib-timeout", type=float, default=600.0, metavar="SECONDS")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    if (args.graph is None) == (args.synthetic is None):
        parser.error("give a graph file or --synthetic TRIPLES")

    global _GRAPH
    with tempfile.TemporaryDirectory() as scratch:
        path = args.graph
        if args.synthetic is not None:
            path = Path(scratch) / "synthetic.nt"
            started = time.perf_counter()
            written = synthetic_graph(path, args.synthetic, args.seed)
            print(f"generated {written:,} triples in {time.perf_counter() - started:.1f} s -> {path}")
        started = time.perf_counter()
        store = ox.Store()
        store.load(path=str(path), format=ox.RdfFormat.from_extension(path.suffix.lstrip(".")))
        load_oxigraph = time.perf_counter() - started
        started = time.perf_counter()
        _GRAPH = rdflib.Graph().parse(str(path))
        load_rdflib = time.perf_counter() - started
    size = len(store)
    print(f"{size:,} triples; load: rdflib {load_rdflib:.2f} s, Oxigraph {load_oxigraph:.2f} s "
          f"({load_rdflib / max(load_oxigraph, 1e-9):.0f}x)")

    params = choose_params(store)
    records = []
    print(f"{'query':<22}{'rows':>8}{'rdflib s':>12}{'Oxigraph s':>12}{'ratio':>9}  same")
    for query in list_queries():
        bound = params.get(query.name, {})
        started = time.perf_counter()
        answer = run_query(store, query, bound)
        ox_seconds = time.perf_counter() - started
        rdf_seconds, rdf_rows, error = time_rdflib(query.name, bound, args.rdflib_timeout)
        same = None if rdf_rows is None else rdf_rows == answer.rows
        ratio = None if rdf_seconds is None else rdf_seconds / max(ox_seconds, 1e-9)
        shown = f"> {args.rdflib_timeout:.0f}" if rdf_seconds is None else f"{rdf_seconds:.3f}"
        print(f"{query.name:<22}{len(answer.rows):>8}{shown:>12}{ox_seconds:>12.3f}"
              f"{'' if ratio is None else f'{ratio:.0f}x':>9}  {'-' if same is None else same}"
              + (f"  ({error})" if error else ""))
        records.append({"query": query.name, "params": bound, "rows": len(answer.rows),
                        "rdflib_seconds": rdf_seconds, "oxigraph_seconds": ox_seconds,
                        "ratio": ratio, "same_rows": same, "rdflib_error": error})
    slowest = max(records, key=lambda r: r["oxigraph_seconds"])
    under = all(r["oxigraph_seconds"] < 1.0 for r in records)
    print(f"slowest on Oxigraph: {slowest['query']} {slowest['oxigraph_seconds']:.3f} s; "
          f"every query under 1 s: {'yes' if under else 'no'}; rows the same on both engines "
          f"wherever rdflib finished: {'yes' if all(r['same_rows'] is not False for r in records) else 'NO'}")
    report = {
        "graph": str(args.graph) if args.graph else f"synthetic({args.synthetic}, seed={args.seed})",
        "every_query_under_1s_on_oxigraph": under,
        "triples": size,
        "load_seconds": {"rdflib": load_rdflib, "oxigraph": load_oxigraph},
        "rdflib_timeout": args.rdflib_timeout,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "rdflib": rdflib.__version__, "pyoxigraph": ox.__version__ if hasattr(ox, "__version__") else None},
        "queries": records,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
