"""graphbuild.push: load a graph into an Oxigraph server over the Graph Store Protocol."""
from __future__ import annotations

import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from SPARQLWrapper import JSON, SPARQLWrapper

from graphbuild.cli import main
from graphbuild.errors import GraphFileError
from graphbuild.push import graph_store_url, push
from graphbuild.serve import free_port, oxigraph_executable
from graphbuild.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "graphs" / "query-example.ttl"
NAMED = "https://example.org/graphs/news"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    """A read-write Oxigraph server on a free loopback port; its URL base."""
    location = tmp_path_factory.mktemp("oxigraph") / "store"
    port = free_port()
    process = subprocess.Popen(
        [oxigraph_executable(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).close()
                break
            except (urllib.error.URLError, OSError):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the oxigraph server did not start")
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        process.wait(10)


def count(base: str, graph: str | None) -> int:
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    wrapper = SPARQLWrapper(base + "/query")
    wrapper.setReturnFormat(JSON)
    wrapper.setQuery(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
    return int(wrapper.query().convert()["results"]["bindings"][0]["n"]["value"])


def clear(base: str) -> None:
    request = urllib.request.Request(base + "/update", data=b"CLEAR ALL",
                                     headers={"Content-Type": "application/sparql-update"}, method="POST")
    urllib.request.urlopen(request, timeout=5).close()


@pytest.fixture
def server(endpoint):
    clear(endpoint)
    return endpoint


def test_push_into_a_named_graph_in_batches(server):
    report = push(FIXTURE, server + "/store", graph=NAMED, batch=50)
    assert (report.triples, report.batches) == (284, 6)
    assert count(server, NAMED) == 284
    assert count(server, None) == 0  # nothing in the default graph


def test_push_twice_merges_and_replace_replaces(server):
    push(FIXTURE, server + "/store", graph=NAMED)
    push(FIXTURE, server + "/store", graph=NAMED, batch=100)
    assert count(server, NAMED) == 284
    small = rdflib.Graph().parse(data="<http://example.org/a> <http://example.org/b> 1 .", format="turtle")
    report = push(small, server + "/store", graph=NAMED, replace=True)
    assert report.batches == 1
    assert count(server, NAMED) == 1


def test_push_to_the_default_graph_from_a_store(server, tmp_path):
    with Store.open(tmp_path / "store") as store:
        store.load(FIXTURE)
    report = push(tmp_path / "store", server + "/store")
    assert report.url.endswith("/store?default")
    assert count(server, None) == 284


def test_blank_node_groups_stay_in_one_batch(server):
    graph = rdflib.Graph().parse(data="""
        @prefix ex: <http://example.org/> .
        ex:a ex:p [ ex:q [ ex:r 1 ] ; ex:s 2 ] .
        ex:b ex:p [ ex:q 3 ] .
        ex:c ex:p ex:d .
        """, format="turtle")
    report = push(graph, server + "/store", graph=NAMED, batch=1)
    assert report.triples == 7
    assert report.batches == 3  # ex:c's triple, then the two blank-node groups
    wrapper = SPARQLWrapper(server + "/query")
    wrapper.setReturnFormat(JSON)
    wrapper.setQuery(f"""PREFIX ex: <http://example.org/>
        SELECT ?r ?s WHERE {{ GRAPH <{NAMED}> {{ ex:a ex:p ?x . ?x ex:q/ex:r ?r ; ex:s ?s }} }}""")
    rows = wrapper.query().convert()["results"]["bindings"]
    assert [(r["r"]["value"], r["s"]["value"]) for r in rows] == [("1", "2")]


def test_unreachable_or_refusing_endpoints(server):
    with pytest.raises(GraphFileError, match=r"Cannot reach .*is the store running"):
        push(FIXTURE, f"http://127.0.0.1:{free_port()}/store", timeout=2)
    with pytest.raises(GraphFileError, match=r"refused the triples: HTTP 4\d\d"):
        push(FIXTURE, server + "/query")
    with pytest.raises(GraphFileError, match="not an http"):
        push(FIXTURE, "localhost:7878/store")
    with pytest.raises(GraphFileError, match="not an absolute IRI"):
        push(FIXTURE, server + "/store", graph="news")


def test_graph_store_url_keeps_existing_query():
    assert graph_store_url("http://h/ds/data?x=1", "urn:g") == "http://h/ds/data?x=1&graph=urn%3Ag"


def test_cli_push(server):
    result = CliRunner().invoke(main, ["push", str(FIXTURE), "--endpoint", server + "/store",
                                       "--graph", NAMED, "--batch", "100"])
    assert result.exit_code == 0, result.output
    assert "pushed 284 triples in 3 requests" in result.output
    assert count(server, NAMED) == 284
