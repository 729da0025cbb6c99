"""graphbuild.serve: a read-only SPARQL endpoint, queried with a real client (SPARQLWrapper)."""
from __future__ import annotations

import io
import json
import socket
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import rdflib
from SPARQLWrapper import CSV, GET, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from graphbuild.errors import GraphbuildError, GraphFileError
from graphbuild.serve import free_port, serve
from graphbuild.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "graphs" / "query-example.ttl"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ACCUSERS = """PREFIX gb: <https://w3id.org/graphbuild/ontology#>
SELECT DISTINCT ?s WHERE { ?s gb:accuses ?o } ORDER BY ?s"""


@pytest.fixture(scope="module")
def server():
    running = serve(FIXTURE, port=free_port(), timeout=10)
    yield running
    running.stop()
    assert not running.running()


def client(server, method=GET, fmt=JSON, query=COUNT) -> SPARQLWrapper:
    wrapper = SPARQLWrapper(server.query_url)
    wrapper.setMethod(method)
    wrapper.setReturnFormat(fmt)
    wrapper.setQuery(query)
    return wrapper


def test_binds_loopback_with_the_timeout(server):
    assert server.host == "127.0.0.1"
    assert server.query_url == f"http://127.0.0.1:{server.port}/query"
    assert server.process.args[-2:] == ["--timeout-s", "10"]


@pytest.mark.parametrize("method", [GET, POST])
def test_select_by_get_and_post(server, method):
    answer = client(server, method).query().convert()
    assert answer["results"]["bindings"][0]["n"]["value"] == "284"


def test_prefixed_select(server):
    answer = client(server, query=ACCUSERS).query().convert()
    assert [b["s"]["value"].rsplit("/", 1)[1] for b in answer["results"]["bindings"]] == [
        "united-states", "gennady-gatilov", "sergei-lavrov"]


@pytest.mark.parametrize(("fmt", "content_type", "body"), [
    (JSON, "application/sparql-results+json", None),
    (XML, "application/sparql-results+xml", None),
    (CSV, "text/csv", b"n\r\n284\r\n"),
    (TSV, "text/tab-separated-values", b"?n\n284\n"),
])
def test_content_negotiation(server, fmt, content_type, body):
    response = client(server, fmt=fmt).query()
    assert response.info()["content-type"].startswith(content_type)
    converted = response.convert()
    if body is not None:
        assert converted == body


def test_construct_as_turtle(server):
    query = """PREFIX gb: <https://w3id.org/graphbuild/ontology#>
    CONSTRUCT { ?s gb:accuses ?o } WHERE { ?s gb:accuses ?o }"""
    response = client(server, fmt=TURTLE, query=query).query()
    assert response.info()["content-type"].startswith("text/turtle")
    assert len(rdflib.Graph().parse(io.BytesIO(response.convert()), format="turtle")) == 4


def test_updates_are_refused(server):
    wrapper = SPARQLWrapper(server.query_url, updateEndpoint=server.url + "/update")
    wrapper.setMethod(POST)
    wrapper.setQuery("INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }")
    with pytest.raises((urllib.error.HTTPError, SPARQLWrapperException)) as info:
        wrapper.query()
    assert getattr(info.value, "code", 403) == 403
    request = urllib.request.Request(
        server.url + "/store?default", data=b"<http://example.org/a> <http://example.org/b> <http://example.org/c> .",
        headers={"Content-Type": "application/n-triples"}, method="POST")
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=5)
    assert info.value.code == 403
    answer = client(server).query().convert()
    assert answer["results"]["bindings"][0]["n"]["value"] == "284"


def test_serves_a_store_directory(tmp_path):
    with Store.open(tmp_path / "store") as store:
        store.load(FIXTURE)
    with serve(tmp_path / "store", port=free_port()) as running:
        answer = client(running).query().convert()
        assert answer["results"]["bindings"][0]["n"]["value"] == "284"
    assert not running.running()


def test_port_in_use(server):
    with pytest.raises(GraphbuildError, match=rf"Cannot listen on 127\.0\.0\.1:{server.port}: .*another --port"):
        serve(FIXTURE, port=server.port)


def test_bad_sources(tmp_path):
    with pytest.raises(GraphFileError, match="is not a graphbuild store"):
        serve(tmp_path, port=free_port())
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(GraphFileError, match="Cannot load"):
        serve(bad, port=free_port())


def test_free_port_is_free():
    port = free_port()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", port))


def test_cli_serve_runs_until_interrupted():
    import signal
    import subprocess
    import sys
    import time

    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "graphbuild", "serve", str(FIXTURE), "--port", str(port)],
        stderr=subprocess.PIPE, text=True)
    try:
        line = process.stderr.readline()
        assert f"SPARQL endpoint (read-only): http://127.0.0.1:{port}/query" in line
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=5) as response:
            assert json.load(response) == {"head": {}, "boolean": True}
        process.send_signal(signal.SIGINT)
        assert process.wait(10) == 0
        time.sleep(0.2)
        with pytest.raises(urllib.error.URLError):  # the oxigraph child is gone too
            urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=2)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stderr.close()
