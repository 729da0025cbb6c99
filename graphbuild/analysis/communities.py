"""Blocs of actors: communities of the positive (cooperation) layer of the signed graph.

Louvain (networkx) is always there and seeded. Leiden needs the optional extra
``graphbuild[leiden]`` (``leidenalg`` and ``igraph``); :func:`leiden` raises
:class:`ImportError` saying so when they are missing.
"""
from __future__ import annotations

import networkx as nx
from networkx.utils import not_implemented_for

__all__ = ["leiden", "louvain", "modularity", "positive_layer"]


@not_implemented_for("directed")
@not_implemented_for("multigraph")
def positive_layer(S: nx.Graph) -> nx.Graph:
    """The positive ties of the signed graph ``S``, every node kept.

    Examples
    --------
    >>> S = nx.Graph()
    >>> S.add_edge("a", "b", sign=1, weight=2)
    >>> S.add_edge("b", "c", sign=-1, weight=1)
    >>> sorted(positive_layer(S).edges(data="weight"))
    [('a', 'b', 2)]
    """
    P = nx.Graph()
    P.add_nodes_from(S.nodes(data=True))
    P.add_edges_from((u, v, d) for u, v, d in S.edges(data=True) if d.get("sign", 1) > 0)
    return P


def _sorted_communities(communities) -> list[list]:
    return sorted((sorted(c) for c in communities), key=lambda c: (-len(c), c))


@not_implemented_for("directed")
@not_implemented_for("multigraph")
def louvain(G: nx.Graph, *, weight: str | None = "weight", resolution: float = 1.0, seed: int = 0) -> list[list]:
    """Louvain communities of ``G``, largest first, each a sorted list of nodes.

    Isolated nodes are left out: a community of one says nothing.

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("y", "z"), ("z", "x"), ("c", "x")])
    >>> louvain(G)
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    H = G.subgraph([n for n in G if G.degree(n) > 0])
    if H.number_of_edges() == 0:
        return []
    return _sorted_communities(nx.community.louvain_communities(H, weight=weight, resolution=resolution, seed=seed))


@not_implemented_for("directed")
@not_implemented_for("multigraph")
def leiden(G: nx.Graph, *, weight: str | None = "weight", seed: int = 0) -> list[list]:
    """Leiden communities (modularity) of ``G`` via ``leidenalg``, largest first.

    Raises :class:`ImportError` when ``leidenalg`` or ``igraph`` is not installed
    (``pip install 'graphbuild[leiden]'``).

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("y", "z"), ("z", "x"), ("c", "x")])
    >>> leiden(G)  # doctest: +SKIP
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    try:
        import igraph
        import leidenalg
    except ImportError as err:
        raise ImportError(
            "Leiden communities need leidenalg and igraph: pip install 'graphbuild[leiden]'"
        ) from err
    H = G.subgraph([n for n in G if G.degree(n) > 0])
    if H.number_of_edges() == 0:
        return []
    nodes = sorted(H)
    index = {node: i for i, node in enumerate(nodes)}
    edges = sorted((min(index[u], index[v]), max(index[u], index[v])) for u, v in H.edges())
    ig = igraph.Graph(n=len(nodes), edges=edges)
    weights = None
    if weight is not None:
        weights = [H.edges[nodes[u], nodes[v]].get(weight, 1) for u, v in edges]
    partition = leidenalg.find_partition(ig, leidenalg.ModularityVertexPartition, weights=weights, seed=seed)
    return _sorted_communities([{nodes[i] for i in members} for members in partition])


def modularity(G: nx.Graph, communities: list[list], *, weight: str | None = "weight") -> float:
    """Modularity of ``communities`` on ``G`` (isolated nodes as singletons).

    Examples
    --------
    >>> G = nx.Graph([("a", "b"), ("x", "y")])
    >>> modularity(G, [["a", "b"], ["x", "y"]])
    0.5
    """
    covered = {n for c in communities for n in c}
    partition = [set(c) for c in communities] + [{n} for n in G if n not in covered]
    if G.number_of_edges() == 0:
        return 0.0
    return round(nx.community.modularity(G, partition, weight=weight), 6)
