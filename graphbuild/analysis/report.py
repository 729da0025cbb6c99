"""Run every analysis on a graph and gather the results in one JSON-ready dict.

A metric that cannot be computed (an empty layer, a power iteration that does not
converge, an optional library that is not installed) is recorded as
``{"metric": name, "error": why}`` in place of its value; :func:`analyse` never
fails because one metric did.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import networkx as nx
from rdflib import RDF, Graph

from graphbuild.analysis import balance, centrality, communities, dyads, timeline
from graphbuild.analysis.projection import to_multidigraph, to_signed_graph, to_weighted_digraph
from graphbuild.vocab import GB, PREDICATES

__all__ = ["analyse", "errors"]

#: The relation layers scored separately, plus all of them together.
LAYERS: tuple[str, ...] = (*PREDICATES, "all")


def _failure(metric: str, err: BaseException) -> dict:
    message = str(err) or type(err).__name__
    return {"metric": metric, "error": f"{type(err).__name__}: {message}"}


def _safe(metric: str, compute: Callable):
    try:
        return compute()
    except (nx.NetworkXException, ValueError, ImportError, RuntimeError, ArithmeticError) as err:
        return _failure(metric, err)


def errors(report: dict) -> list[dict]:
    """Every ``{"metric", "error"}`` record in ``report``, depth first.

    >>> errors({"a": {"metric": "x", "error": "why"}, "b": [1, {"c": 2}]})
    [{'metric': 'x', 'error': 'why'}]
    """
    found = []
    if isinstance(report, dict):
        if set(report) == {"metric", "error"}:
            return [report]
        for value in report.values():
            found.extend(errors(value))
    elif isinstance(report, list):
        for value in report:
            found.extend(errors(value))
    return found


def _actor_row(MG: nx.MultiDiGraph, node: str) -> dict:
    data = MG.nodes[node]
    return {"actor": node, "label": data.get("label", node), "type": data.get("type", "Actor")}


def _scores_table(MG: nx.MultiDiGraph, scores: dict[str, dict]) -> list[dict]:
    """One row per actor with every metric, ranked by PageRank, then degree."""
    nodes = set()
    for values in scores.values():
        if isinstance(values, dict) and "error" not in values:
            nodes.update(values)
    rows = []
    for node in nodes:
        row = _actor_row(MG, node)
        for metric, values in scores.items():
            ok = isinstance(values, dict) and "error" not in values
            row[metric] = values.get(node) if ok else None
        rows.append(row)
    return sorted(
        rows,
        key=lambda r: (-(r.get("pagerank") or 0), -(r.get("degree") or 0), str(r["label"]), r["actor"]),
    )


def _layer(MG: nx.MultiDiGraph, layer: str, seed: int) -> dict:
    predicates = PREDICATES if layer == "all" else (layer,)
    G = to_weighted_digraph(MG, predicates)
    G.remove_nodes_from([n for n in list(G) if G.degree(n) == 0])
    if G.number_of_edges() == 0:
        return {
            "metric": f"centrality[{layer}]",
            "error": f"the {layer} layer has no edges (no positive {'/'.join(predicates)} statements)",
        }
    scores = {
        "degree": _safe(f"degree[{layer}]", lambda: centrality.degree(G)),
        "betweenness": _safe(f"betweenness[{layer}]", lambda: centrality.betweenness(G, seed=seed)),
        "pagerank": _safe(f"pagerank[{layer}]", lambda: centrality.pagerank(G)),
        "eigenvector": _safe(f"eigenvector[{layer}]", lambda: centrality.eigenvector(G)),
    }
    return {
        "actors": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "reciprocity": dyads.reciprocity(G),
        "errors": [v for v in scores.values() if isinstance(v, dict) and "error" in v],
        "scores": _scores_table(MG, scores),
    }


def _communities(MG: nx.MultiDiGraph, S: nx.Graph, seed: int) -> dict:
    P = communities.positive_layer(S)

    def named(found: list[list]) -> dict:
        if not found:
            raise ValueError("the positive (cooperation) layer has no edges, so no communities")
        return {
            "modularity": communities.modularity(P, found),
            "communities": [
                {"size": len(c), "members": [_actor_row(MG, n) for n in sorted(c, key=lambda n: (MG.nodes[n].get("label", n), n))]}
                for c in found
            ],
        }

    return {
        "louvain": _safe("communities[louvain]", lambda: named(communities.louvain(P, seed=seed))),
        "leiden": _safe("communities[leiden]", lambda: named(communities.leiden(P, seed=seed))),
    }


def _balance(MG: nx.MultiDiGraph, S: nx.Graph) -> dict:
    def frustration() -> dict:
        if S.number_of_edges() == 0:
            raise ValueError("the signed graph has no edges (no positive accuses/cooperatesWith statements)")
        # Isolated actors belong to either camp; leave them out of the camps.
        tied = S.subgraph([n for n in S if S.degree(n) > 0])
        result = balance.frustration_index(tied, time_limit=10).as_dict()
        result["camps"] = [[MG.nodes[n].get("label", n) for n in camp] for camp in result["camps"]]
        result["frustrated"] = [[MG.nodes[n].get("label", n) for n in edge] for edge in result["frustrated"]]
        result["edges"] = S.number_of_edges()
        return result

    return {
        "signed_edges": {
            "positive": sum(1 for *_, s in S.edges(data="sign") if s > 0),
            "negative": sum(1 for *_, s in S.edges(data="sign") if s < 0),
            "ties": len(S.graph.get("ties", [])),
        },
        "triangles": _safe("balance[triangles]", lambda: balance.triangle_balance(S)),
        "frustration": _safe("balance[frustration]", frustration),
    }


def _summary(graph: Graph, MG: nx.MultiDiGraph) -> dict:
    types = Counter(data.get("type", "Actor") for _, data in MG.nodes(data=True))
    edges = Counter(k for *_, k in MG.edges(keys=True))
    return {
        "actors": MG.number_of_nodes(),
        "actors_by_type": dict(sorted(types.items())),
        "articles": len(set(graph.subjects(RDF.type, GB.Article))),
        "statements": len(set(graph.subjects(RDF.type, GB.Statement))),
        "edges_by_key": dict(sorted(edges.items())),
        "lifted": bool(MG.graph.get("lift")),
    }


def analyse(graph: Graph, *, lift: bool = False, top: int = 20, seed: int = 0) -> dict:
    """Run every analysis on ``graph`` and return a JSON-serialisable report.

    Parameters
    ----------
    graph : rdflib.Graph
        A graphbuild graph.
    lift : bool
        Lift officials' relations onto the bodies they speak for (see
        :func:`~graphbuild.analysis.projection.to_multidigraph`).
    top : int
        Rows kept in each dyad table.
    seed : int
        Seed of every randomised algorithm (Louvain, Leiden, sampled betweenness).

    Returns
    -------
    dict
        ``summary``, ``centrality`` (per layer: ranked ``scores`` rows with
        degree, betweenness, PageRank and eigenvector, plus ``reciprocity``),
        ``communities`` (``louvain``, ``leiden``), ``balance``, ``dyads`` (per
        predicate), ``timeline`` (statements per month) and ``errors`` (every
        metric that could not be computed, with why).

    Examples
    --------
    >>> from rdflib import Graph
    >>> graph = Graph().parse(format="turtle", data='''
    ... @prefix gb: <https://w3id.org/graphbuild/ontology#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... <urn:a> a gb:Country ; rdfs:label "A" ; gb:accuses <urn:b> .
    ... <urn:b> a gb:Country ; rdfs:label "B" ; gb:accuses <urn:a> .
    ... ''')
    >>> report = analyse(graph)
    >>> report["centrality"]["accuses"]["reciprocity"]
    1.0
    >>> report["dyads"]["accuses"][0]["source_label"], report["dyads"]["accuses"][0]["returned"]
    ('A', 1)
    >>> report["communities"]["louvain"]["error"]
    'ValueError: the positive (cooperation) layer has no edges, so no communities'
    """
    MG = to_multidigraph(graph, lift=lift)
    S = to_signed_graph(MG)
    report = {
        "summary": _summary(graph, MG),
        "centrality": {layer: _layer(MG, layer, seed) for layer in LAYERS},
        "communities": _communities(MG, S, seed),
        "balance": _balance(MG, S),
        "dyads": {
            predicate: [d.as_dict() for d in dyads.dyads(MG, predicate)[:top]]
            for predicate in ("accuses", "cooperatesWith")
        },
        "timeline": timeline.timeline(MG, period="month"),
    }
    found = errors(report)
    unique = {(e["metric"], e["error"]): e for e in found}
    report["errors"] = [unique[k] for k in sorted(unique)]
    return report
