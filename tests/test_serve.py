"""graphbuild.serve: a read-only SPARQL endpoint, queried with a real client (SPARQLWrapper)."""
from __future__ import annotations

import io
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import rdflib
from SPARQLWrapper import CSV, GET, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from graphbuild.errors import GraphbuildError, GraphFileError, QueryError
from graphbuild.serve import check_query, free_port, serve
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


# ------------------------------------------------------------------ the guard
def test_post_form_and_direct(server):
    from SPARQLWrapper import POSTDIRECTLY, URLENCODED

    for request_method in (URLENCODED, POSTDIRECTLY):
        wrapper = client(server, POST, CSV, ACCUSERS)
        wrapper.setRequestMethod(request_method)
        assert wrapper.query().convert().decode().split()[0] == "s"


def test_oxigraph_sits_on_loopback_behind_the_guard(server):
    assert server.backend_port not in (0, server.port)
    assert server.backend_url == f"http://127.0.0.1:{server.backend_port}"
    assert server.process.args[server.process.args.index("--bind") + 1] == \
        f"127.0.0.1:{server.backend_port}"


def test_service_is_refused_with_a_message(server):
    wrapper = client(server, query="SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    with pytest.raises(SPARQLWrapperException, match="does not run federated queries"):
        wrapper.query()
    assert client(server).query().convert()["results"]["bindings"][0]["n"]["value"] == "284"


def test_bad_sparql_is_refused_with_the_parser_message(server):
    wrapper = client(server, query="SELECT ?s WHERE { ?s ?p }")
    with pytest.raises(SPARQLWrapperException, match=r"Not a SPARQL query \(line 1, column \d+\)"):
        wrapper.query()


def fetch(url: str, data: bytes | None = None, headers: dict | None = None,
          method: str | None = None) -> tuple[int, bytes, object]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as err:
        return err.code, err.read(), err.headers


@pytest.mark.parametrize(("path", "data", "headers", "status", "message"), [
    ("/query?query=ASK%7B%7D&query=ASK%7B%7D", None, {}, 400, b"one 'query' parameter (got 2)"),
    ("/query", None, {}, 400, b"(got 0)"),
    ("/query", b"ASK {}", {"Content-Type": "text/plain"}, 415, b"application/sparql-query"),
    ("/query", b"DELETE WHERE { ?s ?p ?o }", {"Content-Type": "application/sparql-update"}, 403, b"read-only"),
    ("/query?update=CLEAR%20ALL", None, {}, 403, b"read-only"),
    ("/query", b"\xff\xfe", {"Content-Type": "application/sparql-query"}, 400, b"Cannot decode"),
    ("/update?update=CLEAR%20ALL", None, {}, 403, b"read-only"),
], ids=["two-queries", "no-query", "content-type", "update-body", "update-param", "bad-utf8", "get-update"])
def test_malformed_requests(server, path, data, headers, status, message):
    code, body, answer_headers = fetch(server.url + path, data, headers)
    assert (code, message in body) == (status, True), body
    assert answer_headers["Content-Type"].startswith("text/plain")


def test_reads_of_the_store_pass(server):
    code, body, headers = fetch(server.url + "/store?default", headers={"Accept": "application/n-triples"})
    assert code == 200 and headers["Content-Type"].startswith("application/n-triples")
    assert len(rdflib.Graph().parse(data=body.decode(), format="nt")) == 284


def test_other_protocol_parameters_are_forwarded(server):
    query = urllib.parse.urlencode({"query": COUNT, "default-graph-uri": "http://example.org/none"})
    code, body, _ = fetch(server.query_url + "?" + query, headers={"Accept": "text/csv"})
    assert (code, body) == (200, b"n\r\n0\r\n")  # counted in an empty graph: the parameter reached Oxigraph


def test_keep_alive_and_chunked_answers(server):
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        for accept, expected in [("text/csv", b"n\r\n284\r\n"), ("text/tab-separated-values", b"?n\n284\n")] * 3:
            connection.request("GET", "/query?" + urllib.parse.urlencode({"query": COUNT}),
                               headers={"Accept": accept})
            response = connection.getresponse()
            assert (response.status, response.read()) == (200, expected)
            assert response.getheader("Connection", "").lower() != "close"
        connection.request("HEAD", "/query?" + urllib.parse.urlencode({"query": COUNT}),
                           headers={"Accept": "text/csv"})
        response = connection.getresponse()
        assert (response.status, response.read()) == (200, b"")
    finally:
        connection.close()


def test_answer_larger_than_the_limit_is_cut(tmp_path):
    import http.client

    with serve(FIXTURE, port=free_port(), max_result_bytes=4000) as limited:
        code, body, _ = fetch(limited.query_url + "?" + urllib.parse.urlencode({"query": COUNT}))
        assert code == 200 and b"284" in body  # small answers pass
        everything = urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"})
        request = urllib.request.Request(limited.query_url + "?" + everything,
                                         headers={"Accept": "text/csv"})
        with pytest.raises(http.client.IncompleteRead):
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()
        code, body, _ = fetch(limited.query_url + "?" + urllib.parse.urlencode({"query": COUNT}))
        assert code == 200  # and the endpoint goes on


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
    "ASK { ?s ?p ?o }",
    "CONSTRUCT WHERE { ?s ?p ?o }",
    "DESCRIBE <http://example.org/a>",
    "PREFIX service: <http://example.org/service/> SELECT ?service WHERE { ?service service:x 'SERVICE' }",
    "SELECT * WHERE { ?s <http://example.org/service> ?o } # SERVICE <http://x/> {}",
    "SELECT * WHERE { ?s ?p \"\"\"multi\nline SERVICE <http://x/> {}\"\"\" }",
    "SELECT * WHERE { ?s ?p 'it''s' }".replace("''", "\\'"),
    'SELECT * WHERE { ?s ?p "x"@en }',
    "SELECT * WHERE { ?s <http://example.org/my-service> _:service }",
])
def test_check_query_accepts(query):
    check_query(query)


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
    "SELECT * WHERE { Service ?x { ?s ?p ?o } VALUES ?x { <http://x/> } }",
    "SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0073ervice <http://x/> { ?s ?p ?o } }",
    "SELECT * WHERE { ?a ?b ?c .SERVICE<http://x/>{ ?s ?p ?o } }",
    "SELECT * WHERE { MINUS { SERVICE <http://x/> { ?s ?p ?o } } }",
    "SELECT * WHERE { FILTER NOT EXISTS { SERVICE SILENT <http://x/> { ?s ?p ?o } } }",
    "DESCRIBE ?s WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
])
def test_check_query_refuses_service(query):
    with pytest.raises(QueryError, match="does not run federated queries"):
        check_query(query)


@pytest.mark.parametrize("text", [
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "LOAD <http://example.org/graph.ttl>",
    "DROP ALL",
    "SELECT ?s WHERE { ?s ?p }",
    "",
])
def test_check_query_refuses_what_is_not_a_query(text):
    with pytest.raises(QueryError, match="Not a SPARQL query"):
        check_query(text)
