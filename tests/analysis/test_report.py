from __future__ import annotations

import csv
import json

import networkx as nx
from rdflib import Graph

from graphbuild.analysis import analyse

from .conftest import FIXTURES


def test_report_of_the_news_graph(news_graph):
    report = analyse(news_graph, lift=True)
    json.dumps(report)  # JSON-ready
    assert report["summary"]["actors"] == 11 and report["summary"]["statements"] == 13
    assert report["errors"] == []
    assert report["balance"]["triangles"] == {"triangles": 2, "balanced": 1, "unbalanced": 1, "ratio": 0.5}
    frustration = report["balance"]["frustration"]
    assert frustration["index"] == 1 and frustration["exact"]
    assert "NATO" not in frustration["camps"][0] + frustration["camps"][1]
    assert [c["members"] for c in report["communities"]["louvain"]["communities"]] and all(
        c["size"] == 2 for c in report["communities"]["louvain"]["communities"])
    top = report["centrality"]["accuses"]["scores"][0]
    assert top["label"] == "Islamic State"
    assert report["dyads"]["accuses"][0]["support"] == 3


def test_metrics_that_cannot_be_computed_are_recorded(monkeypatch):
    from graphbuild.analysis import centrality

    def no_convergence(G, **kwargs):
        raise nx.PowerIterationFailedConvergence(1000)

    monkeypatch.setattr(centrality, "eigenvector", no_convergence)
    graph = Graph().parse(format="turtle", data="""
        @prefix gb: <https://w3id.org/graphbuild/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <urn:a> a gb:Country ; rdfs:label "A" ; gb:accuses <urn:b> .
        <urn:b> a gb:Country ; rdfs:label "B" ; gb:accuses <urn:c> .
        <urn:c> a gb:Country ; rdfs:label "C" .
    """)
    report = analyse(graph)
    metrics = {e["metric"]: e["error"] for e in report["errors"]}
    assert "no edges" in metrics["centrality[cooperatesWith]"]
    assert "no edges" in metrics["centrality[speaksFor]"]
    assert "communities[louvain]" in metrics
    assert "PowerIterationFailedConvergence" in metrics["eigenvector[accuses]"]
    assert report["centrality"]["accuses"]["scores"][0]["eigenvector"] is None
    assert report["centrality"]["accuses"]["scores"][0]["pagerank"] > 0
    assert report["balance"]["frustration"]["index"] == 0
    empty = analyse(Graph())
    assert empty["summary"]["actors"] == 0
    assert "balance[frustration]" in {e["metric"] for e in empty["errors"]}


def test_cli_prints_tables_and_writes_json_and_csv(tmp_path):
    from click.testing import CliRunner

    from graphbuild.cli import main

    out = tmp_path / "report.json"
    result = CliRunner().invoke(main, ["analyse", str(FIXTURES / "news.ttl"), "--lift", "-o", str(out),
                                       "--csv", str(tmp_path / "csv")])
    assert result.exit_code == 0, result.output
    assert "Top dyads: accuses" in result.output and "Russia" in result.output
    assert "frustration index" in result.output
    assert json.loads(out.read_text())["summary"]["lifted"] is True
    with open(tmp_path / "csv" / "dyads.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert (rows[0]["source_label"], rows[0]["target_label"], rows[0]["support"]) == ("Russia", "United States", "3")
    assert {p.name for p in (tmp_path / "csv").iterdir()} == {
        "balance.csv", "centrality.csv", "communities.csv", "dyads.csv", "errors.csv", "timeline.csv"}
    missing = CliRunner().invoke(main, ["analyse", str(tmp_path / "nope.ttl")])
    assert missing.exit_code == 2 and "no such file" in missing.output
