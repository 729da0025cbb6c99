"""Dyads: who accuses (or cooperates with) whom most, and how often it is returned."""
from __future__ import annotations

from dataclasses import asdict, dataclass

import networkx as nx
from networkx.utils import not_implemented_for

from graphbuild.analysis.projection import edge_key
from graphbuild.vocab import PREDICATES

__all__ = ["Dyad", "dyads", "reciprocity"]


@dataclass(frozen=True)
class Dyad:
    """One ordered pair of actors in one relation layer."""

    source: str
    target: str
    source_label: str
    target_label: str
    predicate: str
    support: int
    returned: int
    first: str | None
    last: str | None

    def as_dict(self) -> dict:
        return asdict(self)


@not_implemented_for("undirected")
def dyads(MG: nx.MultiDiGraph, predicate: str = "accuses", *, polarity: str = "positive") -> list[Dyad]:
    """The ordered pairs of ``predicate``, most supported first.

    ``returned`` is the support of the same relation in the other direction.
    Ties in support are broken by labels, so the table is stable.

    Examples
    --------
    >>> MG = nx.MultiDiGraph()
    >>> MG.add_nodes_from([("a", {"label": "A"}), ("b", {"label": "B"}), ("c", {"label": "C"})])
    >>> for u, v, n in [("a", "b", 3), ("b", "a", 1), ("c", "b", 1)]:
    ...     _ = MG.add_edge(u, v, key="accuses", predicate="accuses", polarity="positive", support=n)
    >>> [(d.source_label, d.target_label, d.support, d.returned) for d in dyads(MG)]
    [('A', 'B', 3, 1), ('B', 'A', 1, 3), ('C', 'B', 1, 0)]
    """
    if predicate not in PREDICATES:
        raise ValueError(f"unknown predicate {predicate!r}; expected one of {list(PREDICATES)}")
    key = edge_key(predicate, polarity)
    rows = []
    for u, v, k, data in MG.edges(keys=True, data=True):
        if k != key:
            continue
        back = MG.get_edge_data(v, u, key)
        rows.append(
            Dyad(
                source=u,
                target=v,
                source_label=str(MG.nodes[u].get("label", u)),
                target_label=str(MG.nodes[v].get("label", v)),
                predicate=predicate,
                support=int(data.get("support", 1)),
                returned=int(back.get("support", 1)) if back else 0,
                first=data.get("first"),
                last=data.get("last"),
            )
        )
    return sorted(rows, key=lambda d: (-d.support, d.source_label, d.target_label, d.source, d.target))


@not_implemented_for("undirected")
def reciprocity(G: nx.DiGraph) -> float | None:
    """The share of ties that are returned (networkx's overall reciprocity), None
    for a graph without edges.

    Examples
    --------
    >>> reciprocity(nx.DiGraph([("a", "b"), ("b", "a"), ("a", "c")]))
    0.666667
    >>> reciprocity(nx.DiGraph()) is None
    True
    """
    if G.number_of_edges() == 0:
        return None
    return round(nx.overall_reciprocity(G), 6)
