from __future__ import annotations

import networkx as nx
import pytest

from graphbuild.analysis import communities


def two_blocs() -> nx.Graph:
    G = nx.Graph()
    G.add_edges_from(nx.complete_graph(["a1", "a2", "a3", "a4"]).edges(), weight=1)
    G.add_edges_from(nx.complete_graph(["b1", "b2", "b3", "b4"]).edges(), weight=1)
    G.add_edge("a1", "b1", weight=1)
    G.add_node("loner")
    return G


def test_louvain_is_seeded_and_finds_the_blocs():
    G = two_blocs()
    found = communities.louvain(G, seed=1)
    assert found == [["a1", "a2", "a3", "a4"], ["b1", "b2", "b3", "b4"]]
    assert found == communities.louvain(G, seed=1)
    assert communities.modularity(G, found) > 0.3
    assert communities.louvain(nx.Graph([("x", "y")]).subgraph([])) == []


def test_leiden_when_installed():
    pytest.importorskip("leidenalg", reason="the optional extra graphbuild[leiden] is not installed")
    assert communities.leiden(two_blocs()) == [["a1", "a2", "a3", "a4"], ["b1", "b2", "b3", "b4"]]


def test_positive_layer_and_graph_kinds():
    S = nx.Graph()
    S.add_edge("a", "b", sign=1)
    S.add_edge("b", "c", sign=-1)
    S.add_node("d")
    P = communities.positive_layer(S)
    assert sorted(P.edges()) == [("a", "b")] and set(P) == {"a", "b", "c", "d"}
    with pytest.raises(nx.NetworkXNotImplemented):
        communities.louvain(nx.DiGraph([("a", "b")]))
