"""Load on the SPARQL endpoint: many concurrent clients against ``graphbuild serve``.

    python bench/bench_endpoint_load.py                        # 32 clients, 10,000 queries
    python bench/bench_endpoint_load.py graph.ttl --clients 64 --queries 20000
    python bench/bench_endpoint_load.py --synthetic 200 --queries 2000   # seeded graph, 200 articles

(The shipped queries without parameters walk property paths over the whole graph: on a
synthetic graph of 2,000 articles each takes seconds, so keep --synthetic small or
--queries low there.)

Starts the real command (``graphbuild serve GRAPH --port P --timeout T``) on 127.0.0.1,
then ``--clients`` threads, each with its own keep-alive HTTP connection, send
``--queries`` queries in all: the shipped queries (those with parameters get them as a
``VALUES`` clause naming actors of the graph), a count, an ASK and a CONSTRUCT, by GET
and POST, asking for JSON, CSV or Turtle. A request fails if its status is not 200, its
body does not parse, or Oxigraph reports the query cancelled. The RSS of the server's
process tree is sampled every 50 ms. Prints and writes requests/s, latency p50/p95/p99,
failures and peak RSS to bench/results/endpoint_load.json. Only loopback traffic.
"""
from __future__ import annotations

import argparse
import csv
import http.client
import io
import json
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from graphbuild.export import write_graph
from graphbuild.query import list_queries
from graphbuild.serve import LOOPBACK, free_port
from graphbuild.vocab import GB, PREFIXES

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "endpoint_load.json"
DEFAULT_GRAPH = ROOT / "tests" / "fixtures" / "graphs" / "query-example.ttl"
PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(PREFIXES.items()))
SCHEMA = Namespace(PREFIXES["schema"])
PROV = Namespace(PREFIXES["prov"])
GBR = Namespace(PREFIXES["gbr"])


@dataclass(frozen=True)
class Request:
    name: str
    query: str
    accept: str
    method: str


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ workload


def actor_pairs(graph: Graph, n: int = 8) -> list[tuple[URIRef, URIRef]]:
    """Subject/object actors of statements, most frequent first."""
    counts: dict[tuple[URIRef, URIRef], int] = {}
    for statement in graph.subjects(RDF.type, GB.Statement):
        pair = (graph.value(statement, RDF.subject), graph.value(statement, RDF.object))
        if all(isinstance(x, URIRef) for x in pair):
            counts[pair] = counts.get(pair, 0) + 1
    return [pair for pair, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def workload(graph: Graph) -> list[Request]:
    pairs = actor_pairs(graph) or [(GBR["country/russia"], GBR["country/ukraine"])]
    requests = []
    for shipped in list_queries():
        names = [p.name for p in shipped.params if not p.optional]
        text = PROLOGUE + shipped.text
        variants = [text]
        if names:
            variants = []
            for speaker, target in pairs[:4]:
                values = [speaker, target][: len(names)]
                variants.append(text + "\nVALUES (" + " ".join(f"?{n}" for n in names) + ") { ("
                                + " ".join(v.n3() for v in values) + ") }\n")
        for i, variant in enumerate(variants):
            for accept in ("application/sparql-results+json", "text/csv"):
                requests.append(Request(f"{shipped.name}#{i}", variant, accept, "GET"))
                requests.append(Request(f"{shipped.name}#{i}", variant, accept, "POST"))
    requests.append(Request("count", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                            "application/sparql-results+json", "GET"))
    requests.append(Request("ask", PROLOGUE + "ASK { ?s a gb:Statement }", "application/sparql-results+json", "GET"))
    requests.append(Request("construct", PROLOGUE + "CONSTRUCT { ?s ?p ?o } WHERE { ?s a gb:Country ; ?p ?o } "
                            "LIMIT 500", "text/turtle", "POST"))
    return requests


def check_body(request: Request, body: bytes) -> str | None:
    """Why ``body`` is not a complete answer, or None."""
    text = body.decode("utf-8")
    if "cancelled" in text[-200:]:
        return "cancelled by the server's timeout"
    try:
        if request.accept.endswith("json"):
            answer = json.loads(text)
            if "boolean" not in answer and "results" not in answer:
                return "JSON without results"
        elif request.accept == "text/csv":
            rows = list(csv.reader(io.StringIO(text)))
            if not rows:
                return "empty CSV"
        else:
            Graph().parse(data=text, format="turtle")
    except Exception as err:  # noqa: BLE001 - any parse failure is a failed request
        return f"unparsable body ({type(err).__name__})"
    return None


# --------------------------------------------------------------------- client


def client(port: int, requests: list[Request], tally: Tally, lock: threading.Lock) -> None:
    connection = http.client.HTTPConnection(LOOPBACK, port, timeout=60)
    latencies, failures = [], []
    for request in requests:
        if request.method == "GET":
            path, body, headers = "/query?" + urllib.parse.urlencode({"query": request.query}), None, {}
        else:
            path, body = "/query", request.query.encode("utf-8")
            headers = {"Content-Type": "application/sparql-query"}
        headers["Accept"] = request.accept
        start = time.perf_counter()
        try:
            connection.request(request.method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            elapsed = time.perf_counter() - start
            if response.status != 200:
                failures.append(f"{request.name}: HTTP {response.status} {data[:100]!r}")
            elif (problem := check_body(request, data)) is not None:
                failures.append(f"{request.name}: {problem}")
            else:
                latencies.append(elapsed)
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
        except (OSError, http.client.HTTPException) as err:
            failures.append(f"{request.name}: {type(err).__name__}: {err}")
            connection.close()
            connection = http.client.HTTPConnection(LOOPBACK, port, timeout=60)
    connection.close()
    with lock:
        tally.latencies.extend(latencies)
        tally.failures.extend(failures)


# --------------------------------------------------------------------- server


def tree_rss(process: psutil.Process) -> int:
    total = 0
    for proc in [process, *process.children(recursive=True)]:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            pass
    return total


def start_server(graph_file: Path, port: int, timeout: int) -> subprocess.Popen:
    graphbuild = Path(sys.executable).parent / "graphbuild"
    process = subprocess.Popen([str(graphbuild), "serve", str(graph_file), "--port", str(port),
                                "--timeout", str(timeout)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"graphbuild serve stopped: {process.stderr.read()}")
        try:
            connection = http.client.HTTPConnection(LOOPBACK, port, timeout=2)
            connection.request("GET", "/query?" + urllib.parse.urlencode({"query": "ASK {}"}))
            if connection.getresponse().status == 200:
                connection.close()
                return process
        except OSError:
            pass
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("graphbuild serve did not answer within 60 s")


def stop_server(process: subprocess.Popen) -> int:
    process.send_signal(signal.SIGINT)
    try:
        return process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.wait()
    finally:
        process.stderr.close()


# ------------------------------------------------------------------------ run


def run_load(graph_file: Path, *, clients: int = 32, queries: int = 10_000, timeout: int = 30,
             seed: int = 0) -> dict:
    """Serve ``graph_file``, send ``queries`` from ``clients`` threads; return the figures."""
    graph = Graph().parse(graph_file)
    requests = workload(graph)
    rng = random.Random(seed)
    plan = [rng.choice(requests) for _ in range(queries)]
    port = free_port()
    server = start_server(graph_file, port, timeout)
    tree = psutil.Process(server.pid)
    rss_start = tree_rss(tree)
    samples: list[int] = []
    sampling = threading.Event()

    def sample() -> None:
        while not sampling.is_set():
            samples.append(tree_rss(tree))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    tally, lock = Tally(), threading.Lock()
    threads = [threading.Thread(target=client, args=(port, plan[i::clients], tally, lock))
               for i in range(clients)]
    try:
        sampler.start()
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - start
        sampling.set()
        sampler.join()
        rss_end = tree_rss(tree)
        still_up = server.poll() is None
    finally:
        sampling.set()
        status = stop_server(server)
    latencies = sorted(tally.latencies)
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) >= 2 else [float("nan")] * 99
    return {
        "graph": str(graph_file),
        "triples": len(graph),
        "clients": clients,
        "queries": queries,
        "distinct_requests": len(requests),
        "succeeded": len(latencies),
        "failures": len(tally.failures),
        "failure_examples": sorted(set(tally.failures))[:10],
        "seconds": round(wall, 3),
        "requests_per_second": round(queries / wall, 1),
        "latency_ms": {"p50": round(cuts[49] * 1000, 2), "p95": round(cuts[94] * 1000, 2),
                       "p99": round(cuts[98] * 1000, 2),
                       "max": round(latencies[-1] * 1000, 2) if latencies else None},
        "server_rss_mb": {"start": round(rss_start / 1e6, 1), "peak": round(max(samples + [rss_end]) / 1e6, 1),
                          "end": round(rss_end / 1e6, 1)},
        "server_up_after": still_up,
        "server_exit_status": status,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "system": platform.system()},
    }


def synthetic_graph(articles: int, seed: int = 0) -> Graph:
    """A seeded graph shaped like a build's: actors, articles, statements."""
    rng = random.Random(seed)
    graph = Graph()
    actors = [GBR[f"country/country-{i}"] for i in range(150)]
    for i, actor in enumerate(actors):
        graph.add((actor, RDF.type, GB.Country))
        graph.add((actor, RDFS.label, Literal(f"Country {i}")))
    for a in range(articles):
        article = GBR[f"article/synthetic-{a}"]
        graph.add((article, RDF.type, GB.Article))
        graph.add((article, SCHEMA.headline, Literal(f"Headline {a}")))
        graph.add((article, SCHEMA.datePublished, Literal(f"20{10 + a % 10}-0{1 + a % 9}-1{a % 9}", datatype=XSD.date)))
        for s in range(5):
            subject, obj = rng.sample(actors, 2)
            predicate = rng.choice([GB.accuses, GB.cooperatesWith])
            statement = GBR[f"statement/{a:06d}{s}"]
            graph.add((statement, RDF.type, GB.Statement))
            graph.add((statement, RDF.subject, subject))
            graph.add((statement, RDF.predicate, predicate))
            graph.add((statement, RDF.object, obj))
            graph.add((statement, GB.polarity, GB.positive))
            graph.add((statement, GB.evidence, Literal(f"Country {subject} and {obj}, sentence {s}.")))
            graph.add((statement, PROV.wasDerivedFrom, article))
            graph.add((article, SCHEMA.mentions, subject))
            graph.add((subject, predicate, obj))
    return graph


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", nargs="?", type=Path, default=DEFAULT_GRAPH)
    parser.add_argument("--synthetic", type=int, metavar="ARTICLES", help="serve a seeded synthetic graph instead")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--queries", type=int, default=10_000)
    parser.add_argument("--timeout", type=int, default=30, help="server query timeout, seconds")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    graph_file = args.graph
    if args.synthetic:
        import tempfile

        graph_file = Path(tempfile.mkdtemp(prefix="graphbuild-load-")) / "synthetic.nt"
        write_graph(synthetic_graph(args.synthetic), graph_file)
    figures = run_load(graph_file, clients=args.clients, queries=args.queries, timeout=args.timeout)
    print(json.dumps(figures, indent=2))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    previous = json.loads(args.output.read_text()) if args.output.exists() else {}
    previous = previous if isinstance(previous, dict) and "runs" in previous else {"runs": {}}
    previous["runs"][f"{Path(figures['graph']).name}, {args.clients} clients"] = figures
    args.output.write_text(json.dumps(previous, indent=2, sort_keys=True) + "\n")
    return 1 if figures["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
