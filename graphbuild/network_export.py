"""Export the actor network for Gephi (GEXF, with dates) and other tools (GraphML).

Both formats hold scalar attributes only, so lists become ``"; "``-joined strings
and missing values are left out. In GEXF every dated relation gets ``start`` and
``end`` (its first and last article date), which makes the file dynamic: Gephi's
timeline then shows relations appear and fade. Undated relations have no interval
and so exist at all times. Files are written atomically.
"""
from __future__ import annotations

import io
import os
from pathlib import Path

import networkx as nx
from rdflib import Graph

from graphbuild.analysis.io import atomic_write
from graphbuild.analysis.projection import to_multidigraph
from graphbuild.errors import GraphFileError

__all__ = ["FORMATS", "flatten", "write_gexf", "write_graphml", "write_network"]

FORMATS = ("gexf", "graphml")
#: Evidence sentences kept in an edge's ``evidence`` attribute.
MAX_EVIDENCE = 20


def _scalar(value):
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in value)
    return value


def flatten(MG: nx.MultiDiGraph, *, dynamic: bool = False) -> nx.MultiDiGraph:
    """A copy of ``MG`` with only scalar attributes, ready for GEXF or GraphML.

    Edges get ``weight`` (their support), ``label`` (the predicate), ``evidence``
    (up to :data:`MAX_EVIDENCE` sentences) and ``articles``; with ``dynamic`` also
    ``start``/``end`` from their first/last date.

    Examples
    --------
    >>> MG = nx.MultiDiGraph()
    >>> MG.add_node("a", label="A", aliases=["x", "y"], qid=None)
    >>> _ = MG.add_edge("a", "a", key="accuses", predicate="accuses", polarity="positive", support=2,
    ...                 evidence=[{"sentence": "s", "article": "urn:art", "date": "2014-10-29"}],
    ...                 first="2014-10-29", last="2014-10-29", lifted=False)
    >>> F = flatten(MG, dynamic=True)
    >>> F.nodes["a"]
    {'label': 'A', 'aliases': 'x; y'}
    >>> sorted(F.edges["a", "a", "accuses"].items())  # doctest: +NORMALIZE_WHITESPACE
    [('articles', 'urn:art'), ('end', '2014-10-29'), ('evidence', 's'), ('label', 'accuses'),
     ('lifted', False), ('polarity', 'positive'), ('predicate', 'accuses'), ('start', '2014-10-29'),
     ('support', 2), ('weight', 2)]
    """
    F = nx.MultiDiGraph()
    for node, data in MG.nodes(data=True):
        F.add_node(node, **{k: _scalar(v) for k, v in data.items() if v is not None})
    for u, v, key, data in MG.edges(keys=True, data=True):
        attrs = {
            k: _scalar(val) for k, val in data.items()
            if val is not None and k not in ("evidence", "first", "last")
        }
        evidence = data.get("evidence", [])
        attrs["weight"] = data.get("support", 1)
        attrs["label"] = key
        attrs["evidence"] = " | ".join(e["sentence"] for e in evidence[:MAX_EVIDENCE] if e.get("sentence"))
        attrs["articles"] = "; ".join(sorted({e["article"] for e in evidence if e.get("article")}))
        if dynamic and data.get("first"):
            attrs["start"] = data["first"]
            attrs["end"] = data.get("last") or data["first"]
        elif not dynamic:
            attrs["first"] = data.get("first") or ""
            attrs["last"] = data.get("last") or ""
        F.add_edge(u, v, key=key, **attrs)
    return F


def write_gexf(MG: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    """Write ``MG`` as GEXF 1.2 with edge ``start``/``end`` dates, atomically."""
    buffer = io.BytesIO()
    nx.write_gexf(flatten(MG, dynamic=True), buffer, version="1.2draft")
    atomic_write(path, buffer.getvalue())


def write_graphml(MG: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    """Write ``MG`` as GraphML (dates as ``first``/``last`` strings), atomically."""
    buffer = io.BytesIO()
    nx.write_graphml(flatten(MG, dynamic=False), buffer)
    atomic_write(path, buffer.getvalue())


def write_network(
    graph: Graph | nx.MultiDiGraph,
    path: str | os.PathLike,
    *,
    fmt: str | None = None,
    negative: bool = False,
    lift: bool = False,
) -> dict[str, int]:
    """Project ``graph`` (see :func:`~graphbuild.analysis.projection.to_multidigraph`)
    and write it to ``path`` as ``fmt`` (``"gexf"`` or ``"graphml"``, by default
    from the suffix). Returns the number of ``nodes`` and ``edges`` written.
    """
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise GraphFileError(f"Cannot write {path}: unknown network format {fmt!r}; use .gexf or .graphml.")
    MG = graph if isinstance(graph, nx.MultiDiGraph) else to_multidigraph(
        graph, lift=lift, include_negative=negative)
    (write_gexf if fmt == "gexf" else write_graphml)(MG, path)
    return {"nodes": MG.number_of_nodes(), "edges": MG.number_of_edges()}
