"""GEXF and GraphML exports, read back with networkx."""
from __future__ import annotations

import os
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from graphbuild.errors import GraphFileError
from graphbuild.network_export import write_network

NEWS = Path(__file__).resolve().parent / "fixtures" / "graphs" / "news.ttl"
RES = "https://w3id.org/graphbuild/resource/"


@pytest.fixture(scope="module")
def news_graph() -> Graph:
    return Graph().parse(NEWS, format="turtle")


def test_gexf_is_dynamic_with_article_dates(news_graph, tmp_path):
    path = tmp_path / "g.gexf"
    counts = write_network(news_graph, path, negative=True, lift=True)
    assert counts == {"nodes": 11, "edges": 14}
    text = path.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    G = nx.read_gexf(path)
    assert (G.number_of_nodes(), G.number_of_edges()) == (11, 14)
    edge = G.edges[RES + "country/russia", RES + "country/united-states"]
    assert (edge["start"], edge["end"], edge["weight"], edge["label"]) == ("2014-10-29", "2014-11-05", 3.0, "accuses")
    assert "Moscow blamed Washington" in edge["evidence"]
    denied = G.edges[RES + "country/russia", RES + "group/nato"]
    assert denied["polarity"] == "negative" and "<img src=x onerror=alert(1)>" in denied["evidence"]
    undated = G.edges[RES + "country/united-states", RES + "group/islamic-state"]
    assert "start" not in undated
    assert G.nodes[RES + "country/russia"]["label"] == "Russia"
    assert G.nodes[RES + "country/russia"]["qid"] == "Q159"
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_graphml_keeps_parallel_relations(tmp_path):
    graph = Graph().parse(format="turtle", data="""
        @prefix gb: <https://w3id.org/graphbuild/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <urn:a> a gb:Country ; rdfs:label "A" ; gb:accuses <urn:b> ; gb:cooperatesWith <urn:b> .
        <urn:b> a gb:Group ; rdfs:label "B" .
    """)
    path = tmp_path / "g.graphml"
    write_network(graph, path)
    G = nx.read_graphml(path, force_multigraph=True)
    assert sorted(k for *_, k in G.edges(keys=True)) == ["accuses", "cooperatesWith"]
    assert G.nodes["urn:b"]["type"] == "Group"
    assert G.edges["urn:a", "urn:b", "accuses"]["first"] == ""
    with pytest.raises(GraphFileError, match="unknown network format"):
        write_network(graph, tmp_path / "g.csv")


def test_network_command(tmp_path):
    from click.testing import CliRunner

    from graphbuild.cli import main

    out = tmp_path / "g.gexf"
    result = CliRunner().invoke(main, ["network", str(NEWS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "11 actors, 11 relations" in result.output
    assert nx.read_gexf(out).number_of_edges() == 11
    bad = CliRunner().invoke(main, ["network", str(NEWS), "-o", str(tmp_path / "g.txt")])
    assert bad.exit_code == 2 and "--format" in bad.output
