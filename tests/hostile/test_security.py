"""Nothing let in: the endpoint listens on loopback and refuses writes, parameters are
bound as terms, the HTML page escapes article text, links out of the given paths are
not followed unless asked."""
from __future__ import annotations

import os
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph

from graphbuild.serve import LOOPBACK, free_port, serve

from .conftest import ACCUSATION, GRAPHS, cli, error_line

FIXTURE = GRAPHS / "query-example.ttl"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
TRIPLE = "<http://example.org/a> <http://example.org/b> <http://example.org/c>"


@pytest.fixture(scope="module")
def server():
    running = serve(FIXTURE, port=free_port())  # defaults: as graphbuild serve runs it
    yield running
    running.stop()


def http(url: str, data: bytes | None = None, method: str | None = None,
         headers: dict | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def count(server) -> int:
    status, body = http(server.query_url + "?" + urllib.parse.urlencode({"query": COUNT}),
                        headers={"Accept": "text/csv"})
    assert status == 200, body
    return int(body.decode().split()[-1])


def listening_addresses(port: int) -> set[str]:
    """Local addresses a TCP socket listens on at ``port`` (Linux /proc/net/tcp)."""
    found = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                found.add(address if width == 32 else socket.inet_ntoa(bytes.fromhex(address)[::-1]))
    return found


def outward_address() -> str | None:
    """This machine's address on its default route (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("10.255.255.255", 1))
            address = sock.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


# ------------------------------------------------------------------ endpoint


def test_endpoint_listens_on_loopback_only(server):
    assert server.host == LOOPBACK
    if not os.path.exists("/proc/net/tcp"):
        pytest.skip("no /proc/net/tcp to read listening sockets from")
    assert listening_addresses(server.port) == {"127.0.0.1"}
    address = outward_address()
    if address is None:
        pytest.skip("this machine has no address besides loopback to try a connection from")
    with pytest.raises(OSError):
        socket.create_connection((address, server.port), timeout=2).close()


def test_cli_serve_defaults_to_loopback():
    from graphbuild.cli.store import serve_command

    host = next(p for p in serve_command.params if p.name == "host")
    assert host.default == "127.0.0.1"


@pytest.mark.parametrize(
    ("path", "method", "body", "content_type"),
    [
        ("/update", "POST", f"INSERT DATA {{ {TRIPLE} }}", "application/sparql-update"),
        ("/update", "POST", urllib.parse.urlencode({"update": "DROP ALL"}), "application/x-www-form-urlencoded"),
        ("/update", "POST", "LOAD <file:///etc/passwd>", "application/sparql-update"),
        ("/query", "POST", f"INSERT DATA {{ {TRIPLE} }}", "application/sparql-query"),
        ("/query", "POST", urllib.parse.urlencode({"update": "CLEAR ALL"}), "application/x-www-form-urlencoded"),
        ("/store?default", "PUT", f"{TRIPLE} .", "application/n-triples"),
        ("/store?default", "POST", f"{TRIPLE} .", "application/n-triples"),
        ("/store?default", "DELETE", "", None),
        ("/store?graph=http://example.org/g", "PUT", f"{TRIPLE} .", "application/n-triples"),
        ("/store", "POST", f"{TRIPLE} .", "application/n-triples"),
    ],
    ids=["insert", "drop-form", "load-file", "update-as-query", "update-form-on-query",
         "put-default", "post-default", "delete-default", "put-named", "post-new-graph"],
)
def test_endpoint_refuses_every_write(server, path, method, body, content_type):
    before = count(server)
    headers = {"Content-Type": content_type} if content_type else {}
    status, answer = http(server.url + path, data=body.encode() or None, method=method, headers=headers)
    assert 400 <= status < 500, (status, answer[:200])
    assert count(server) == before == 284


def test_update_sent_by_get_is_refused(server):
    before = count(server)
    status, _ = http(server.query_url + "?" + urllib.parse.urlencode({"update": "DROP ALL"}))
    assert status >= 400 or count(server) == before
    status, _ = http(server.query_url + "?" + urllib.parse.urlencode({"query": "DROP ALL"}))
    assert 400 <= status < 500
    assert count(server) == before


class Listener:
    """A local HTTP server that records every connection made to it (and answers
    like an empty SPARQL endpoint, so a server that did call it would succeed)."""

    def __init__(self):
        self.hits: list[bytes] = []
        self.socket = socket.create_server((LOOPBACK, 0))
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/sparql"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except OSError:
                continue
            with connection:
                connection.settimeout(2)
                try:
                    self.hits.append(connection.recv(200))
                    body = b'{"head":{"vars":[]},"results":{"bindings":[{}]}}'
                    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json"
                                       b"\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(body), body))
                except OSError:
                    pass

    def close(self) -> list[bytes]:
        time.sleep(0.3)  # a request the server sent late still arrives
        self._stop.set()
        self._thread.join(2)
        self.socket.close()
        return self.hits


@pytest.fixture
def listener():
    running = Listener()
    yield running
    running.close()


SERVICE_QUERIES = {
    "plain": "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "silent": "SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
    "lowercase": "select * where {{ service <{url}> {{ ?s ?p ?o }} }}",
    "no-space": "SELECT * WHERE {{ ?a ?b ?c .SERVICE<{url}>{{ ?s ?p ?o }} }}",
    "in-optional": "SELECT * WHERE {{ ?x a ?t OPTIONAL {{ SERVICE <{url}> {{ ?x ?p ?o }} }} }}",
    "in-subquery": "SELECT ?s WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
    "in-exists": "ASK {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
    "in-construct": "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "variable": "SELECT * WHERE {{ VALUES ?e {{ <{url}> }} SERVICE ?e {{ ?s ?p ?o }} }}",
    "prefixed": "PREFIX remote: <{url}/..> SELECT * WHERE {{ SERVICE remote:sparql {{ ?s ?p ?o }} }}",
    "unicode-escape": "SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
    "after-comment": "SELECT * WHERE {{ # a comment }}\n SERVICE <{url}> {{ ?s ?p ?o }} }}",
}


@pytest.mark.parametrize("how", ["get", "post-query", "post-form"])
@pytest.mark.parametrize("name", sorted(SERVICE_QUERIES))
def test_endpoint_refuses_service_and_sends_no_request(server, listener, name, how):
    """A federated query would make the server send a request wherever the client
    says (server-side request forgery): the endpoint refuses it, and the address it
    names sees no request."""
    query = SERVICE_QUERIES[name].format(url=listener.url)
    if how == "get":
        status, body = http(server.query_url + "?" + urllib.parse.urlencode({"query": query}))
    elif how == "post-query":
        status, body = http(server.query_url, query.encode(), "POST",
                            {"Content-Type": "application/sparql-query"})
    else:
        status, body = http(server.query_url, urllib.parse.urlencode({"query": query}).encode(),
                            "POST", {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400, (status, body[:300])
    assert b"does not run federated queries: SERVICE" in body
    assert listener.close() == []
    assert count(server) == 284  # the endpoint still answers


@pytest.mark.parametrize("query", [
    "SELECT (COUNT(*) AS ?n) FROM <{url}> WHERE {{ ?s ?p ?o }}",
    "SELECT (COUNT(*) AS ?n) FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{url}> {{ ?s ?p ?o }} }}",
], ids=["from", "from-named", "graph"])
def test_dataset_iris_are_not_fetched(server, listener, query):
    """FROM, FROM NAMED and GRAPH name graphs of the store; nothing is fetched."""
    status, body = http(server.query_url + "?" + urllib.parse.urlencode({"query": query.format(url=listener.url)}),
                        headers={"Accept": "text/csv"})
    assert status == 200, body[:300]
    assert body.decode().split() == ["n", "0"]
    status, body = http(server.query_url + "?" + urllib.parse.urlencode(
        {"query": COUNT, "default-graph-uri": listener.url, "named-graph-uri": listener.url}),
        headers={"Accept": "text/csv"})
    assert status == 200 and body.decode().split() == ["n", "0"], body[:300]
    assert listener.close() == []


def test_the_word_service_elsewhere_is_not_refused(server):
    """Only the keyword is refused: not a variable, a string, an IRI or a prefixed name."""
    query = """PREFIX service: <http://example.org/service#>
    SELECT ?service WHERE { BIND("SERVICE <http://x/> {}" AS ?service)
      OPTIONAL { ?service service:service <http://example.org/service> } } # SERVICE"""
    status, body = http(server.query_url + "?" + urllib.parse.urlencode({"query": query}),
                        headers={"Accept": "text/csv"})
    assert status == 200, body[:300]
    assert body.decode().splitlines() == ["service", "SERVICE <http://x/> {}"]


# ---------------------------------------------------------------- parameters

INJECTIONS = [
    'Russia" } UNION { ?s ?p ?o } #',
    "Russia> } ; DROP ALL ; SELECT * { <x",
    "gbr:country/russia } UNION { ?s ?p ?o",
    '"""\n} INSERT DATA { <a> <b> <c> } #',
    "<http://example.org/x> . ?s ?p ?o",
]


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    from graphbuild.store import Store

    location = tmp_path_factory.mktemp("store") / "graph.store"
    with Store.open(location) as store:
        store.load(FIXTURE)
    return location


def store_count(location: Path) -> int:
    from graphbuild.store import Store

    with Store.open(location, read_only=True) as store:
        return store.triple_count()


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("source", ["file", "store"])
def test_parameter_with_sparql_cannot_change_the_query(store_dir, source, value):
    where = FIXTURE if source == "file" else store_dir
    before = store_count(store_dir)
    run = cli("query", where, "said-about", "-p", f"speaker={value}", "-p", "target=Ukraine", "-f", "csv")
    if run.code == 0:
        rows = run.stdout.strip().splitlines()[1:]
        assert rows == [], f"an injected parameter returned rows: {rows[:3]}"
    else:
        message = error_line(run)
        assert "speaker" in message or repr(value)[1:-1][:10] in message, message
    assert store_count(store_dir) == before


@pytest.mark.parametrize("value", INJECTIONS)
def test_free_parameter_is_a_literal(value):
    query = "SELECT ?actor ?name WHERE { ?actor rdfs:label ?name }"
    run = cli("query", FIXTURE, query, "-p", f"name={value}", "-f", "csv")
    if run.code == 0:
        assert run.stdout.strip().splitlines() == ["actor,name"], run.stdout[:300]
    else:
        assert "not a valid IRI" in error_line(run)
    # the same query with an honest value finds the actor: the binding does bind
    honest = cli("query", FIXTURE, query, "-p", "name=Russia", "-f", "csv")
    assert honest.code == 0 and len(honest.stdout.strip().splitlines()) == 2, honest.stdout


# ---------------------------------------------------------------- HTML page

HEADLINE = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def test_html_page_escapes_article_text(tmp_path):
    article = tmp_path / "xss.txt"
    article.write_text(
        f"{HEADLINE}\n\nRussian Foreign Minister Sergei Lavrov accused the United States of "
        f"posting {IMG} on Tuesday. Lavrov said \"</script><script>alert(2)</script>\" "
        "and accused Ukraine of shelling.\n", encoding="utf-8")
    graph_file = tmp_path / "graph.ttl"
    assert cli("build", article, "-o", graph_file).code == 0
    graph_text = graph_file.read_text(encoding="utf-8")
    assert HEADLINE in graph_text and IMG in graph_text  # the hostile text reached the graph

    page = tmp_path / "page.html"
    run = cli("view", graph_file, "-o", page)
    assert run.code == 0, run.stderr
    html = page.read_text(encoding="utf-8")
    for hostile in (HEADLINE, IMG, "<img", "alert(2)</script>", "</script><script>", "onerror=alert(1)>"):
        assert hostile not in html, f"{hostile!r} reached the page unescaped"
    assert "alert(1)" in html  # present, escaped: the test looked at the right page

    benign = tmp_path / "benign.txt"
    benign.write_text(f"Talks\n\n{ACCUSATION}\n", encoding="utf-8")
    cli("build", benign, "-o", tmp_path / "benign.ttl")
    cli("view", tmp_path / "benign.ttl", "-o", tmp_path / "benign.html")
    benign_html = (tmp_path / "benign.html").read_text(encoding="utf-8")
    tags = re.compile(r"<(script|img|iframe|object|embed)\b", re.I)
    assert len(tags.findall(html)) == len(tags.findall(benign_html)), "article text added elements"


# ------------------------------------------------------------------ symlinks


@pytest.fixture
def linked_corpus(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(
        "Secret memo\n\nGerman Chancellor Angela Merkel accused Poland of spying on Tuesday.\n",
        encoding="utf-8")
    (outside / "private").mkdir()
    (outside / "private" / "more.txt").write_text(
        "More\n\nFrench President Francois Hollande accused Spain of lying on Friday.\n", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(f"Talks\n\n{ACCUSATION}\n", encoding="utf-8")
    os.symlink(outside / "secret.txt", corpus / "linked.txt")
    os.symlink(outside / "private", corpus / "linked-folder")
    return corpus


def test_symlinks_out_of_the_given_paths_are_not_followed(tmp_path, linked_corpus):
    out = tmp_path / "graph.ttl"
    run = cli("build", linked_corpus, "-o", out)
    assert run.code == 0, run.stderr
    text = out.read_text(encoding="utf-8")
    assert "Poland" not in text and "Spain" not in text and "Secret memo" not in text
    assert "hypocrisy" in text
    for name in ("linked.txt", "linked-folder"):
        assert f"{linked_corpus / name}: symbolic link to" in run.stderr, run.stderr
    assert run.stderr.count("not followed (use --follow-symlinks to read it)") == 2


def test_symlinks_are_followed_when_asked(tmp_path, linked_corpus):
    out = tmp_path / "graph.ttl"
    run = cli("build", linked_corpus, "-o", out, "--follow-symlinks")
    assert run.code == 0, run.stderr
    text = out.read_text(encoding="utf-8")
    assert "Secret memo" in text and "Hollande accused Spain" in text
    assert "3 articles" in run.stderr


def test_symlink_inside_the_given_paths_is_read_once(tmp_path, linked_corpus):
    os.symlink(linked_corpus / "good.txt", linked_corpus / "again.txt")
    out = tmp_path / "graph.ttl"
    run = cli("build", linked_corpus, "-o", out)
    assert run.code == 0 and "1 articles" in run.stderr, run.stderr
    graph = Graph().parse(out)
    assert len(graph) > 10
