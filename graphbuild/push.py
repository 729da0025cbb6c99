"""Push a graph into a remote triple store over the SPARQL 1.1 Graph Store HTTP Protocol.

:func:`push` sends the triples of a graph file, a store directory, an
:class:`rdflib.Graph` or a :class:`pyoxigraph.Store` (its default graph) to a Graph
Store endpoint (Oxigraph ``/store``, Fuseki ``/DATASET/data``, GraphDB
``/repositories/R/rdf-graphs/service``, Virtuoso ``/sparql-graph-crud`` ...) in batches:
each batch is an N-Triples document POSTed to ``URL?graph=IRI`` (a named graph) or
``URL?default`` (the default graph). POST merges into what is there; ``replace=True``
sends the first batch with PUT, which replaces the graph.

Blank nodes are scoped to one document, so every triple that shares a blank node
(directly or through a chain of blank nodes) goes in the same batch; a batch can then
hold more than ``batch`` triples. graphbuild's own graphs have no blank nodes.
"""
from __future__ import annotations

import itertools
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import httpx
import pyoxigraph as ox
import rdflib

from graphbuild.errors import GraphFileError

__all__ = ["PushReport", "graph_store_url", "push"]

NTRIPLES = "application/n-triples"


@dataclass(frozen=True)
class PushReport:
    """What :func:`push` sent: triples, batches (HTTP requests) and where."""

    triples: int
    batches: int
    url: str


def graph_store_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL of ``graph`` (``None``: the default graph).

    >>> graph_store_url("http://localhost:7878/store", "https://example.org/g#1")
    'http://localhost:7878/store?graph=https%3A%2F%2Fexample.org%2Fg%231'
    >>> graph_store_url("http://localhost:7878/store", None)
    'http://localhost:7878/store?default'
    """
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise GraphFileError(
            f"{endpoint!r} is not an http(s) URL; give the Graph Store endpoint, e.g. "
            "http://localhost:7878/store."
        )
    if graph is None:
        query = "default"
    else:
        if not urllib.parse.urlsplit(graph).scheme:
            raise GraphFileError(f"Graph name {graph!r} is not an absolute IRI.")
        query = "graph=" + urllib.parse.quote(graph, safe="")
    joined = f"{parts.query}&{query}" if parts.query else query
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, joined, ""))


def push(
    source: Any,
    endpoint: str,
    *,
    graph: str | None = None,
    batch: int = 10_000,
    replace: bool = False,
    timeout: float = 60.0,
    client: httpx.Client | None = None,
) -> PushReport:
    """Send the triples of ``source`` to the Graph Store at ``endpoint``.

    ``source``: a graph file, a store directory, an :class:`rdflib.Graph` or a
    :class:`pyoxigraph.Store`. ``graph``: the named graph IRI, ``None`` for the
    default graph. Raises :class:`GraphFileError` when the server cannot be reached or
    refuses a batch (with its status and message); batches sent before stay.
    """
    if batch < 1:
        raise GraphFileError(f"Batch size must be at least 1, not {batch}.")
    url = graph_store_url(endpoint, graph)
    triples = _triples(source)
    owns_client = client is None
    client = client or httpx.Client(timeout=timeout)
    sent = batches = 0
    try:
        for chunk in _batches(triples, batch):
            body = ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES)
            method = "PUT" if replace and batches == 0 else "POST"
            _send(client, method, url, body)
            sent += len(chunk)
            batches += 1
        if batches == 0 and replace:
            _send(client, "PUT", url, b"")
            batches = 1
    finally:
        if owns_client:
            client.close()
    return PushReport(sent, batches, url)


def _send(client: httpx.Client, method: str, url: str, body: bytes) -> None:
    try:
        response = client.request(method, url, content=body, headers={"Content-Type": NTRIPLES})
    except httpx.HTTPError as err:
        raise GraphFileError(f"Cannot reach {url}: {err}; is the store running?") from err
    if response.status_code >= 400:
        detail = " ".join(response.text.split())[:300]
        raise GraphFileError(
            f"{url} refused the triples: HTTP {response.status_code} {response.reason_phrase}"
            + (f": {detail}" if detail else "")
        )


def _triples(source: Any) -> list[ox.Triple]:
    if isinstance(source, rdflib.Graph):
        from graphbuild.query import to_oxigraph

        return [ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in source]
    if isinstance(source, (str, Path)):
        from graphbuild.query import load_source

        source = load_source(source)
    store = getattr(source, "oxigraph", source)
    if not isinstance(store, ox.Store):
        raise TypeError(f"Cannot push a {type(source).__name__}.")
    return [q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())]


def _batches(triples: list[ox.Triple], size: int) -> Iterator[list[ox.Triple]]:
    """Batches of ``size`` triples; triples linked by blank nodes stay together."""
    plain: list[ox.Triple] = []
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    linked: list[tuple[ox.Triple, str]] = []
    for triple in triples:
        blanks = [t.value for t in (triple.subject, triple.object) if isinstance(t, ox.BlankNode)]
        if not blanks:
            plain.append(triple)
            continue
        for blank in blanks:
            parent.setdefault(blank, blank)
        if len(blanks) == 2:
            parent[find(blanks[0])] = find(blanks[1])
        linked.append((triple, blanks[0]))
    groups: dict[str, list[ox.Triple]] = {}
    for triple, blank in linked:
        groups.setdefault(find(blank), []).append(triple)

    current: list[ox.Triple] = []
    for group in itertools.chain(([t] for t in plain), groups.values()):
        if current and len(current) + len(group) > size:
            yield current
            current = []
        current.extend(group)
    if current:
        yield current

