"""Structural balance of the signed graph (Heider; Cartwright and Harary 1956).

A signed graph is balanced when its actors split into two camps with every positive
tie inside a camp and every negative tie across: "the enemy of my enemy is my
friend". Two measures:

* :func:`triangle_balance` -- the share of triangles whose product of signs is
  positive;
* :func:`frustration_index` -- the least number of edges (or total weight) whose
  removal, or sign flip, makes the graph balanced; 0 for a balanced graph. It is
  the minimum over all bipartitions of the edges that disagree with it, an NP-hard
  problem, solved here

  - ``"exhaustive"``: every bipartition of every connected component, for
    components of up to :data:`EXHAUSTIVE_LIMIT` nodes (exact);
  - ``"milp"``: the binary programme of Aref, Mason and Wilson (2018, "Computing
    the line index of balance using integer programming", Optimization Letters),
    solved by HiGHS through :func:`scipy.optimize.milp` (exact unless the time
    limit stops it; the result says which);
  - ``"local-search"``: descent over single-actor camp changes from the camps
    of the leading eigenvector of the signed adjacency matrix and from seeded
    random starts (an upper bound, not exact), for graphs above
    :data:`MILP_EDGE_LIMIT` edges, and to improve on a MILP stopped by its time
    limit.

networkx has none of these.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
from networkx.utils import not_implemented_for

__all__ = [
    "EXHAUSTIVE_LIMIT",
    "FrustrationResult",
    "MILP_EDGE_LIMIT",
    "frustration_index",
    "triangle_balance",
]

#: Largest connected component (in nodes) searched exhaustively: 2**(n-1) bipartitions.
EXHAUSTIVE_LIMIT = 18
#: Above this many edges ``method="auto"`` uses local search instead of the MILP.
MILP_EDGE_LIMIT = 5000


def _signs(S: nx.Graph) -> None:
    for u, v, sign in S.edges(data="sign"):
        if sign not in (1, -1):
            raise ValueError(f"edge ({u!r}, {v!r}) has sign {sign!r}; every edge needs sign +1 or -1")


@not_implemented_for("directed")
@not_implemented_for("multigraph")
def triangle_balance(S: nx.Graph) -> dict:
    """Count balanced and unbalanced triangles of the signed graph ``S``.

    A triangle is balanced when the product of its three signs is positive
    (+ + + or + - -).

    Returns
    -------
    dict
        ``triangles``, ``balanced``, ``unbalanced`` and ``ratio`` (balanced share,
        None without triangles).

    Examples
    --------
    >>> S = nx.Graph()
    >>> S.add_edges_from([("a", "b"), ("b", "c")], sign=-1)
    >>> S.add_edge("a", "c", sign=1)
    >>> triangle_balance(S)
    {'triangles': 1, 'balanced': 1, 'unbalanced': 0, 'ratio': 1.0}
    >>> S.edges["a", "c"]["sign"] = -1
    >>> triangle_balance(S)["unbalanced"]
    1
    """
    _signs(S)
    order = {node: i for i, node in enumerate(sorted(S, key=str))}
    balanced = unbalanced = 0
    for u, v in S.edges():
        if order[u] > order[v]:
            u, v = v, u
        for w in set(S[u]) & set(S[v]):
            if order[w] <= order[v]:
                continue
            product = S.edges[u, v]["sign"] * S.edges[v, w]["sign"] * S.edges[u, w]["sign"]
            if product > 0:
                balanced += 1
            else:
                unbalanced += 1
    total = balanced + unbalanced
    return {
        "triangles": total,
        "balanced": balanced,
        "unbalanced": unbalanced,
        "ratio": round(balanced / total, 6) if total else None,
    }


@dataclass(frozen=True)
class FrustrationResult:
    """The frustration index and how it was found.

    ``index`` is the number (or weight) of frustrated edges under ``partition``
    (node -> camp 0 or 1); ``exact`` says whether it is proven minimal; ``method``
    names the search; ``frustrated`` lists the edges that disagree with the camps.
    """

    index: float
    exact: bool
    method: str
    partition: dict = field(repr=False)
    frustrated: list = field(repr=False)

    def as_dict(self) -> dict:
        return {
            "index": self.index,
            "exact": self.exact,
            "method": self.method,
            "camps": [sorted(n for n, c in self.partition.items() if c == k) for k in (0, 1)],
            "frustrated": [list(edge) for edge in self.frustrated],
        }


def _edge_arrays(S: nx.Graph, nodes: list, weight: str | None):
    index = {node: i for i, node in enumerate(nodes)}
    us, vs, negative, weights = [], [], [], []
    for u, v, data in S.edges(data=True):
        if u == v:
            if data["sign"] < 0:  # a negative self-loop can never be satisfied
                us.append(index[u]), vs.append(index[v]), negative.append(True)
                weights.append(data.get(weight, 1) if weight else 1)
            continue
        us.append(index[u])
        vs.append(index[v])
        negative.append(data["sign"] < 0)
        weights.append(data.get(weight, 1) if weight else 1)
    return np.array(us, dtype=np.int64), np.array(vs, dtype=np.int64), np.array(negative, dtype=bool), np.array(weights, dtype=float)


def _cost(partition: np.ndarray, us, vs, negative, weights) -> float:
    differ = partition[us] != partition[vs]
    return float(weights[differ != negative].sum())


def _exhaustive(S: nx.Graph, weight: str | None) -> dict:
    partition: dict = {}
    for component in sorted((sorted(c, key=str) for c in nx.connected_components(S)), key=lambda c: str(c[0])):
        n = len(component)
        if n > EXHAUSTIVE_LIMIT:
            raise ValueError(
                f"a connected component has {n} nodes; exhaustive search stops at {EXHAUSTIVE_LIMIT}: "
                "use method='milp' or 'local-search'"
            )
        us, vs, negative, weights = _edge_arrays(S.subgraph(component), component, weight)
        # Node 0 stays in camp 0: a bipartition and its mirror image cost the same.
        codes = np.arange(2 ** (n - 1), dtype=np.int64) << 1
        cost = np.zeros(codes.shape, dtype=float)
        for u, v, neg, w in zip(us, vs, negative, weights):
            differ = ((codes >> u) ^ (codes >> v)) & 1
            cost += w * (differ != neg)
        best = int(codes[int(np.argmin(cost))])  # argmin takes the first: deterministic
        partition.update({node: (best >> i) & 1 for i, node in enumerate(component)})
    return partition


def _milp(S: nx.Graph, weight: str | None, time_limit: float) -> tuple[dict, bool]:
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import lil_matrix

    nodes = sorted(S, key=str)
    n = len(nodes)
    us, vs, negative, weights = _edge_arrays(S, nodes, weight)
    m = len(us)
    if m == 0:
        return {node: 0 for node in nodes}, True
    # variables: x_0..x_{n-1} (camps), then f_0..f_{m-1} (edge frustrated)
    c = np.concatenate([np.zeros(n), weights])
    A = lil_matrix((2 * m, n + m))
    lower = np.empty(2 * m)
    for e, (u, v, neg) in enumerate(zip(us, vs, negative)):
        f = n + e
        if not neg:  # f >= x_u - x_v and f >= x_v - x_u
            A[2 * e, f], A[2 * e, u], A[2 * e, v] = 1, -1, 1
            A[2 * e + 1, f], A[2 * e + 1, v], A[2 * e + 1, u] = 1, -1, 1
            if u == v:
                A[2 * e, u] = A[2 * e + 1, u] = 0
            lower[2 * e] = lower[2 * e + 1] = 0
        else:  # f >= x_u + x_v - 1 and f >= 1 - x_u - x_v
            A[2 * e, f] = 1
            A[2 * e, u] -= 1
            A[2 * e, v] -= 1
            lower[2 * e] = -1
            A[2 * e + 1, f] = 1
            A[2 * e + 1, u] += 1
            A[2 * e + 1, v] += 1
            lower[2 * e + 1] = 1
    upper_x = np.ones(n + m)
    # One node per component stays in camp 0 (the mirror partition costs the same).
    for component in nx.connected_components(S):
        upper_x[nodes.index(min(component, key=str))] = 0
    result = milp(
        c,
        constraints=LinearConstraint(A.tocsr(), lower, np.inf),
        integrality=np.ones(n + m),
        bounds=Bounds(np.zeros(n + m), upper_x),
        options={"time_limit": time_limit, "disp": False},
    )
    if result.x is None:
        raise RuntimeError(f"the MILP solver found no solution: {result.message}")
    x = np.round(result.x[:n]).astype(int)
    return {node: int(x[i]) for i, node in enumerate(nodes)}, result.status == 0


def _spectral_start(n: int, us, vs, negative, weights) -> list[int]:
    """Camps from the signs of the leading eigenvector of the signed adjacency
    matrix: in a balanced graph it separates the two camps exactly."""
    if n < 3 or len(us) == 0:
        return [0] * n
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import ArpackNoConvergence, eigsh

    values = np.where(negative, -weights, weights)
    A = coo_matrix((np.concatenate([values, values]), (np.concatenate([us, vs]), np.concatenate([vs, us]))),
                   shape=(n, n)).tocsr()
    try:
        _, vectors = eigsh(A.astype(float), k=1, which="LA", v0=np.ones(n), maxiter=5000)
    except (ArpackNoConvergence, ValueError):
        return [0] * n
    return [int(x < 0) for x in vectors[:, 0]]


def _local_search(S: nx.Graph, weight: str | None, restarts: int, seed: int) -> dict:
    nodes = sorted(S, key=str)
    us, vs, negative, weights = _edge_arrays(S, nodes, weight)
    neighbours: list[list[tuple[int, bool, float]]] = [[] for _ in nodes]
    for u, v, neg, w in zip(us, vs, negative, weights):
        if u != v:
            neighbours[u].append((int(v), bool(neg), float(w)))
            neighbours[v].append((int(u), bool(neg), float(w)))
    rng = random.Random(seed)

    def gain(part: list[int], i: int) -> float:
        # frustrated weight at i now, minus after moving i to the other camp
        g = 0.0
        for j, neg, w in neighbours[i]:
            frustrated = (part[i] != part[j]) != neg
            g += w if frustrated else -w
        return g

    best_part = [0] * len(nodes)
    best_cost = _cost(np.array(best_part), us, vs, negative, weights)
    starts = [[0] * len(nodes), _spectral_start(len(nodes), us, vs, negative, weights)]
    starts += [[rng.randint(0, 1) for _ in nodes] for _ in range(restarts)]
    for part in starts:
        improved = True
        while improved:
            improved = False
            for i in range(len(nodes)):
                if gain(part, i) > 0:
                    part[i] ^= 1
                    improved = True
        cost = _cost(np.array(part), us, vs, negative, weights)
        if cost < best_cost:
            best_part, best_cost = list(part), cost
    return {node: best_part[i] for i, node in enumerate(nodes)}


def _normalise(S: nx.Graph, partition: dict) -> dict:
    # Name camps so that the smallest node of each component sits in camp 0.
    out = {}
    for component in nx.connected_components(S):
        anchor = partition[min(component, key=str)]
        out.update({node: partition[node] ^ anchor for node in component})
    return dict(sorted(out.items(), key=lambda item: str(item[0])))


@not_implemented_for("directed")
@not_implemented_for("multigraph")
def frustration_index(
    S: nx.Graph,
    *,
    method: str = "auto",
    weight: str | None = None,
    time_limit: float = 30.0,
    restarts: int = 20,
    seed: int = 0,
) -> FrustrationResult:
    """The frustration index of the signed graph ``S`` (edge attribute ``sign``).

    Parameters
    ----------
    method : str
        ``"auto"`` (exhaustive if every component has at most
        :data:`EXHAUSTIVE_LIMIT` nodes, else the MILP up to
        :data:`MILP_EDGE_LIMIT` edges, else local search), ``"exhaustive"``,
        ``"milp"`` or ``"local-search"``.
    weight : str, optional
        Edge attribute to sum instead of counting edges.
    time_limit : float
        Seconds the MILP solver may take; if it stops early the result has
        ``exact=False``.
    restarts, seed : int
        Random restarts of the local search, and their seed.

    Examples
    --------
    Three mutual enemies cannot split into two camps without one pair of enemies
    sharing a camp:

    >>> S = nx.Graph()
    >>> S.add_edges_from([("a", "b"), ("b", "c"), ("a", "c")], sign=-1)
    >>> result = frustration_index(S)
    >>> result.index, result.exact, result.method
    (1.0, True, 'exhaustive')
    >>> frustration_index(S, method="milp").index
    1.0
    >>> S.edges["a", "b"]["sign"] = 1
    >>> frustration_index(S).index
    0.0
    """
    _signs(S)
    if method == "auto":
        largest = max((len(c) for c in nx.connected_components(S)), default=0)
        if largest <= EXHAUSTIVE_LIMIT:
            method = "exhaustive"
        elif S.number_of_edges() <= MILP_EDGE_LIMIT:
            method = "milp"
        else:
            method = "local-search"
    if method == "exhaustive":
        partition, exact = _exhaustive(S, weight), True
    elif method == "milp":
        partition, exact = _milp(S, weight, time_limit)
        if not exact:  # stopped by the time limit: keep the better of its incumbent and local search
            local = _local_search(S, weight, restarts, seed)
            us, vs, negative, weights = _edge_arrays(S, sorted(S, key=str), weight)
            order = sorted(S, key=str)
            if _cost(np.array([local[n] for n in order]), us, vs, negative, weights) < _cost(
                    np.array([partition[n] for n in order]), us, vs, negative, weights):
                partition = local
    elif method == "local-search":
        partition, exact = _local_search(S, weight, restarts, seed), False
    else:
        raise ValueError(f"unknown method {method!r}; use 'auto', 'exhaustive', 'milp' or 'local-search'")
    partition = _normalise(S, partition)
    frustrated = sorted(
        tuple(sorted((u, v), key=str))
        for u, v, sign in S.edges(data="sign")
        if (partition[u] != partition[v]) != (sign < 0)
    )
    if weight:
        index = float(sum(S.edges[u, v].get(weight, 1) for u, v in frustrated))
    else:
        index = float(len(frustrated))
    return FrustrationResult(index=index, exact=exact, method=method, partition=partition, frustrated=frustrated)
