from __future__ import annotations

import networkx as nx
import pytest

from graphbuild.analysis.dyads import dyads, reciprocity
from graphbuild.analysis.ego import ego_network, find_actor
from graphbuild.analysis.projection import to_multidigraph
from graphbuild.analysis.timeline import timeline

from .conftest import iri


def test_dyads_sorted_by_support_with_returns(news_graph):
    MG = to_multidigraph(news_graph, lift=True)
    rows = dyads(MG, "accuses")
    assert (rows[0].source_label, rows[0].target_label, rows[0].support, rows[0].returned) == (
        "Russia", "United States", 3, 1)
    assert [r.support for r in rows] == sorted((r.support for r in rows), reverse=True)
    assert [(r.source_label, r.target_label) for r in rows[1:3]] == [
        ("Gennady Gatilov", "United States"), ("Ilya Rogachev", "Islamic State")]
    assert dyads(MG, "cooperatesWith")[0].as_dict()["first"] == "2014-10-29"
    with pytest.raises(ValueError):
        dyads(MG, "likes")
    with pytest.raises(nx.NetworkXNotImplemented):
        reciprocity(nx.Graph([("a", "b")]))


def test_ego_network_by_label_or_alias(news_graph):
    MG = to_multidigraph(news_graph)
    ego = ego_network(MG, "Moscow")
    # org:subOrganizationOf is not a relation edge: the ministry is not in Russia's ego network
    assert set(ego) == {iri("country/russia"), iri("country/syria"), iri("country/united-states"),
                        iri("official/jen-psaki")}
    assert find_actor(MG, "islamic state") == iri("group/islamic-state")
    with pytest.raises(nx.NodeNotFound, match="did you mean Russia"):
        find_actor(MG, "Russ")


def test_timeline_counts_each_statement_once(news_graph):
    MG = to_multidigraph(news_graph, lift=True, include_negative=True)
    rows = timeline(MG)
    assert {"period": "2014-11", "predicate": "accuses", "polarity": "positive", "statements": 3} in rows
    assert {"period": "2015-01", "predicate": "cooperatesWith", "polarity": "negative", "statements": 1} in rows
    assert rows[-1]["period"] == "undated"
    total = sum(r["statements"] for r in rows)
    assert total == 13  # every statement of the fixture, lifted repeats not counted
    with pytest.raises(ValueError):
        timeline(MG, period="week")
