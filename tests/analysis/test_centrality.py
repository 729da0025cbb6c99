from __future__ import annotations

import networkx as nx

from graphbuild.analysis import centrality
from graphbuild.analysis.projection import to_multidigraph

from .conftest import iri


def test_sampled_betweenness_is_seeded_and_close():
    G = nx.barabasi_albert_graph(300, 2, seed=1)
    exact = centrality.betweenness(G)
    sampled = centrality.betweenness(G, exact_limit=100, k=150, seed=3)
    assert sampled == centrality.betweenness(G, exact_limit=100, k=150, seed=3)
    assert sampled != exact
    top_exact = {n for n, _ in centrality.rank(exact, 5)}
    top_sampled = {n for n, _ in centrality.rank(sampled, 5)}
    assert len(top_exact & top_sampled) >= 3


def test_layers_of_the_news_graph(news_graph):
    MG = to_multidigraph(news_graph, lift=True)
    layers = centrality.layer_centrality(MG)
    assert set(layers) == {"speaksFor", "accuses", "cooperatesWith", "all"}
    accused = centrality.rank(layers["accuses"]["pagerank"], 1)[0][0]
    assert accused == iri("group/islamic-state")
    assert set(layers["cooperatesWith"]["degree"]) == {
        iri("country/russia"), iri("country/syria"), iri("country/united-states"), iri("country/ukraine")}
    assert layers["speaksFor"]["betweenness"][iri("ministry/russia-foreign-ministry")] == 0.0


def test_eigenvector_fails_loudly_on_an_acyclic_digraph():
    import pytest

    with pytest.raises((nx.PowerIterationFailedConvergence, nx.NetworkXException)):
        centrality.eigenvector(nx.DiGraph([("a", "b"), ("b", "c")]), max_iter=50)
    with pytest.raises(nx.NetworkXPointlessConcept):
        centrality.eigenvector(nx.DiGraph())
