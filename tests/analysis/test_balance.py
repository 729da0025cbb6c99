from __future__ import annotations

import itertools
import random

import networkx as nx
import pytest

from graphbuild.analysis.balance import frustration_index, triangle_balance


def brute_force(S: nx.Graph) -> int:
    nodes = sorted(S)
    best = None
    for colours in itertools.product((0, 1), repeat=len(nodes)):
        camp = dict(zip(nodes, colours))
        cost = sum((camp[u] != camp[v]) != (s < 0) for u, v, s in S.edges(data="sign"))
        best = cost if best is None else min(best, cost)
    return best


def random_signed(n: int, p: float, seed: int) -> nx.Graph:
    rng = random.Random(seed)
    S = nx.gnp_random_graph(n, p, seed=seed)
    for u, v in S.edges():
        S.edges[u, v]["sign"] = rng.choice((1, -1))
    return S


@pytest.mark.parametrize("seed", range(12))
def test_exact_methods_agree_with_brute_force(seed):
    S = random_signed(8, 0.5, seed)
    expected = brute_force(S)
    exhaustive = frustration_index(S, method="exhaustive")
    milp = frustration_index(S, method="milp")
    local = frustration_index(S, method="local-search", seed=seed)
    assert exhaustive.index == milp.index == expected
    assert exhaustive.exact and milp.exact and not local.exact
    assert local.index >= expected
    # the index is the number of edges the camps leave frustrated
    for result in (exhaustive, milp, local):
        assert len(result.frustrated) == result.index
        for u, v in result.frustrated:
            assert (result.partition[u] != result.partition[v]) != (S.edges[u, v]["sign"] < 0)


def test_planted_camps_are_recovered_by_the_milp():
    rng = random.Random(7)
    S = nx.Graph()
    camp = {i: i % 2 for i in range(40)}
    for u, v in itertools.combinations(range(40), 2):
        if rng.random() < 0.2:
            S.add_edge(u, v, sign=1 if camp[u] == camp[v] else -1)
    flipped = rng.sample(sorted(S.edges()), 3)
    for u, v in flipped:
        S.edges[u, v]["sign"] *= -1
    result = frustration_index(S)  # one component of 40 nodes: the MILP
    assert result.method == "milp" and result.exact
    assert result.index <= 3
    assert frustration_index(S, method="local-search").index >= result.index


def test_weighted_and_balanced_graphs():
    S = nx.Graph()
    S.add_edge("a", "b", sign=-1, weight=5)
    S.add_edge("b", "c", sign=-1, weight=1)
    S.add_edge("a", "c", sign=-1, weight=2)
    assert frustration_index(S, weight="weight").index == 1.0
    assert frustration_index(S, weight="weight").frustrated == [("b", "c")]
    assert frustration_index(S, method="milp", weight="weight").index == 1.0
    balanced = nx.complete_graph(["x1", "x2", "y1", "y2"])
    for u, v in balanced.edges():
        balanced.edges[u, v]["sign"] = 1 if u[0] == v[0] else -1
    result = frustration_index(balanced)
    assert result.index == 0 and result.as_dict()["camps"] == [["x1", "x2"], ["y1", "y2"]]
    assert triangle_balance(balanced) == {"triangles": 4, "balanced": 4, "unbalanced": 0, "ratio": 1.0}


def test_triangles_match_a_direct_count():
    S = random_signed(12, 0.5, 3)
    balanced = unbalanced = 0
    for a, b, c in itertools.combinations(sorted(S), 3):
        if S.has_edge(a, b) and S.has_edge(b, c) and S.has_edge(a, c):
            product = S.edges[a, b]["sign"] * S.edges[b, c]["sign"] * S.edges[a, c]["sign"]
            balanced += product > 0
            unbalanced += product < 0
    result = triangle_balance(S)
    assert (result["balanced"], result["unbalanced"]) == (balanced, unbalanced)
    assert balanced + unbalanced > 0


def test_refuses_what_makes_no_sense():
    with pytest.raises(nx.NetworkXNotImplemented):
        frustration_index(nx.DiGraph([("a", "b")]))
    with pytest.raises(nx.NetworkXNotImplemented):
        triangle_balance(nx.MultiGraph())
    with pytest.raises(ValueError, match="sign"):
        frustration_index(nx.Graph([("a", "b")]))
    with pytest.raises(ValueError, match="unknown method"):
        frustration_index(nx.Graph(), method="magic")
    big = nx.path_graph(30)
    nx.set_edge_attributes(big, -1, "sign")
    with pytest.raises(ValueError, match="exhaustive search stops"):
        frustration_index(big, method="exhaustive")
    assert frustration_index(nx.Graph()).index == 0


def test_local_search_finds_the_camps_of_a_large_balanced_graph():
    S = nx.gnm_random_graph(3000, 9000, seed=5)
    camp = {n: n % 3 == 0 for n in S}
    for u, v in S.edges():
        S.edges[u, v]["sign"] = 1 if camp[u] == camp[v] else -1
    S.remove_nodes_from([n for n in list(S) if S.degree(n) == 0])
    big = max(nx.connected_components(S), key=len)
    S = S.subgraph(big).copy()
    result = frustration_index(S)
    assert result.method == "local-search" and not result.exact
    assert result.index == 0
    S.edges[next(iter(S.edges()))]["sign"] *= -1
    # one flipped tie: a single-node move cannot always undo it, but the bound stays small
    assert frustration_index(S).index <= 3
