from __future__ import annotations

import networkx as nx
import pytest
from rdflib import Graph

from graphbuild.analysis.projection import to_multidigraph, to_signed_graph, to_weighted_digraph

from .conftest import iri

RU, US, IS = iri("country/russia"), iri("country/united-states"), iri("group/islamic-state")
GATILOV, PSAKI, NATO = iri("official/gennady-gatilov"), iri("official/jen-psaki"), iri("group/nato")


def test_nodes_are_the_actors_with_their_attributes(news_graph):
    MG = to_multidigraph(news_graph)
    assert MG.number_of_nodes() == 11
    assert not any("/statement/" in n or "/article/" in n or "/build/" in n for n in MG)
    assert MG.nodes[RU] == {
        "label": "Russia", "type": "Country", "aliases": ["Moscow", "Russian Federation"],
        "qid": "Q159", "mentions": 9,
    }
    assert MG.nodes[iri("ministry/russia-foreign-ministry")]["qid"] is None
    # an alias equal to the label is not repeated
    assert MG.nodes[iri("ministry/russia-foreign-ministry")]["aliases"] == ["the Russian Foreign Ministry's"]
    assert MG.nodes[GATILOV]["type"] == "Official"


def test_one_edge_per_relation_with_support_and_evidence(news_graph):
    MG = to_multidigraph(news_graph)
    assert sorted(MG[RU][US]) == ["accuses"]
    edge = MG.edges[RU, US, "accuses"]
    assert edge["support"] == 2
    assert edge["predicate"] == "accuses" and edge["polarity"] == "positive" and edge["lifted"] is False
    assert edge["first"] == edge["last"] == "2014-11-05"
    assert [e["sentence"] for e in edge["evidence"]] == [
        "Moscow blamed Washington for the crisis in Ukraine.",
        "Russia also accused the US of double standards.",
    ]
    assert {e["article"] for e in edge["evidence"]} == {iri("article/wire-2014-11-05-psaki")}
    assert edge["evidence"][0]["headline"].startswith("<script>")
    undated = MG.edges[US, IS, "accuses"]
    assert (undated["first"], undated["last"], undated["support"]) == (None, None, 1)
    # negative statements are left out by default, and never become positive edges
    assert not MG.has_edge(RU, NATO)
    assert sorted(k for *_, k in MG.edges(keys=True)) == sorted(
        ["accuses"] * 6 + ["cooperatesWith"] * 2 + ["speaksFor"] * 3)


def test_negative_statements_on_request(news_graph):
    MG = to_multidigraph(news_graph, include_negative=True)
    edge = MG.edges[RU, NATO, "cooperatesWith-negative"]
    assert edge["polarity"] == "negative" and edge["support"] == 1
    assert "<img src=x onerror=alert(1)>" in edge["evidence"][0]["sentence"]
    assert not MG.has_edge(RU, NATO, "cooperatesWith")


def test_lift_puts_officials_relations_on_their_countries(news_graph):
    MG = to_multidigraph(news_graph, lift=True)
    # Gatilov -> Russian Foreign Ministry -> Russia
    edge = MG.edges[RU, US, "accuses"]
    assert edge["support"] == 3 and edge["lifted"] is False
    assert GATILOV in {e["subject"] for e in edge["evidence"]}
    # Psaki -> US State Department -> United States: only lifted statements
    lifted = MG.edges[US, RU, "accuses"]
    assert lifted["lifted"] is True and lifted["support"] == 1
    assert MG.has_edge(GATILOV, US, "accuses")  # the official's own edge stays
    assert not any(k == "speaksFor" and MG.nodes[u]["type"] != "Official" for u, _, k in MG.edges(keys=True))
    assert all(u != v for u, v in MG.edges())


def test_bare_direct_edges_and_lift_cycles():
    graph = Graph().parse(format="turtle", data="""
        @prefix gb: <https://w3id.org/graphbuild/ontology#> .
        @prefix org: <http://www.w3.org/ns/org#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <urn:o> a gb:Official ; rdfs:label "O" ; gb:speaksFor <urn:m1> ; gb:accuses <urn:x> .
        <urn:m1> a gb:Ministry ; org:subOrganizationOf <urn:m2> .
        <urn:m2> a gb:Ministry ; org:subOrganizationOf <urn:m1> .
        <urn:x> a gb:Group ; rdfs:label "X" .
    """)
    MG = to_multidigraph(graph, lift=True)
    assert MG.edges["urn:o", "urn:x", "accuses"]["support"] == 1
    assert MG.edges["urn:o", "urn:x", "accuses"]["evidence"] == []
    # the cycle m1 <-> m2 ends the walk; the label falls back to the IRI's last segment
    assert MG.has_edge("urn:m1", "urn:x") or MG.has_edge("urn:m2", "urn:x")
    assert MG.nodes["urn:m1"]["label"] == "urn:m1"


def test_weighted_digraph_layers(news_graph):
    MG = to_multidigraph(news_graph, lift=True)
    G = to_weighted_digraph(MG, ["accuses"])
    assert set(G) == set(MG)
    assert G.edges[RU, US]["weight"] == 3
    assert not G.has_edge(RU, iri("country/syria"))
    assert to_weighted_digraph(MG).edges[RU, iri("country/syria")]["predicates"] == ["cooperatesWith"]
    with pytest.raises(ValueError, match="unknown predicate"):
        to_weighted_digraph(MG, ["likes"])


def test_signed_graph_sums_signs_and_drops_ties():
    MG = nx.MultiDiGraph()
    for u, v, p, n in [("a", "b", "accuses", 2), ("b", "a", "cooperatesWith", 1),
                       ("a", "c", "accuses", 1), ("c", "a", "cooperatesWith", 1),
                       ("c", "d", "cooperatesWith", 1), ("d", "e", "speaksFor", 1)]:
        MG.add_edge(u, v, key=p, predicate=p, polarity="positive", support=n)
    MG.add_edge("b", "d", key="accuses-negative", predicate="accuses", polarity="negative", support=5)
    S = to_signed_graph(MG)
    assert isinstance(S, nx.Graph) and not S.is_directed()
    assert S.edges["a", "b"] == {"sign": -1, "weight": 1, "positive": 1, "negative": 2}
    assert not S.has_edge("a", "c") and S.graph["ties"] == [("a", "c")]
    assert S.edges["c", "d"]["sign"] == 1
    assert not S.has_edge("d", "e") and not S.has_edge("b", "d")
    assert set(S) == {"a", "b", "c", "d", "e"}
