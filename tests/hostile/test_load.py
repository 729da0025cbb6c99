"""Load, reduced for the suite: 32 concurrent clients x 10 queries against the real
``graphbuild serve`` on loopback; every request answered, server memory bounded.
The full run (10,000 queries) is ``python bench/bench_endpoint_load.py``."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_endpoint_load.py"


@pytest.fixture(scope="module")
def bench():
    pytest.importorskip("psutil", reason="the load test samples the server's memory with psutil")
    spec = importlib.util.spec_from_file_location("bench_endpoint_load", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_32_clients_no_failed_request_bounded_memory(bench):
    figures = bench.run_load(bench.DEFAULT_GRAPH, clients=32, queries=320, timeout=30)
    assert figures["failures"] == 0, figures["failure_examples"]
    assert figures["succeeded"] == 320
    assert figures["server_up_after"] and figures["server_exit_status"] == 0
    assert figures["server_rss_mb"]["peak"] < 1000, figures["server_rss_mb"]
    assert figures["latency_ms"]["p95"] < 5000, figures["latency_ms"]


def test_workload_covers_the_shipped_queries_with_their_parameters(bench):
    from rdflib import Graph

    from graphbuild.query import list_queries

    requests = bench.workload(Graph().parse(bench.DEFAULT_GRAPH))
    names = {r.name.split("#")[0] for r in requests}
    assert {q.name for q in list_queries()} <= names
    said = [r for r in requests if r.name.startswith("said-about")]
    assert said and all("VALUES (?speaker ?target)" in r.query for r in said)


def test_a_failed_request_is_counted(bench):
    """The client's checks can fail: a truncated or cancelled answer is a failure."""
    request = bench.Request("x", "SELECT * {}", "application/sparql-results+json", "GET")
    assert bench.check_body(request, b'{"head":{"vars":[]},"results":{"bindings":[') is not None
    assert bench.check_body(request, b'{"head":{"vars":[]},"results":{"bindings":[]}}') is None
    cancelled = b'{"head":{"vars":["s"]},"results":{"bindings":[The SPARQL operation has been cancelled'
    assert bench.check_body(request, cancelled) == "cancelled by the server's timeout"
