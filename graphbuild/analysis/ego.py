"""Ego networks: an actor and the actors within a few ties of it."""
from __future__ import annotations

import networkx as nx

__all__ = ["ego_network", "find_actor"]


def find_actor(G: nx.Graph, name: str) -> str:
    """The node of ``G`` whose IRI, label or alias is ``name`` (case-insensitive).

    Raises :class:`networkx.NodeNotFound` naming the close candidates when no or
    several actors match.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_node("urn:ru", label="Russia", aliases=["Moscow"])
    >>> G.add_node("urn:us", label="United States", aliases=["Washington"])
    >>> find_actor(G, "moscow")
    'urn:ru'
    >>> find_actor(G, "urn:us")
    'urn:us'
    """
    if name in G:
        return name
    wanted = name.casefold().strip()
    hits = sorted(
        node
        for node, data in G.nodes(data=True)
        if wanted == str(data.get("label", "")).casefold()
        or wanted in (str(a).casefold() for a in data.get("aliases", []))
    )
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise nx.NodeNotFound(f"{name!r} names several actors: {', '.join(hits)}; give the IRI")
    close = sorted(
        str(data.get("label", node)) for node, data in G.nodes(data=True)
        if wanted in str(data.get("label", "")).casefold()
    )
    hint = f"; did you mean {', '.join(close[:5])}?" if close else ""
    raise nx.NodeNotFound(f"no actor named {name!r} in the graph{hint}")


def ego_network(G: nx.Graph, actor: str, *, radius: int = 1, undirected: bool = True) -> nx.Graph:
    """The subgraph of ``G`` within ``radius`` ties of ``actor`` (an IRI, label or alias).

    By default ties count in either direction, so the ego network of an accused
    actor holds its accusers too; ``undirected=False`` follows out-ties only.
    The result is a copy carrying all node and edge attributes.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b"), ("c", "a"), ("c", "d")])
    >>> sorted(ego_network(G, "a"))
    ['a', 'b', 'c']
    >>> sorted(ego_network(G, "a", undirected=False))
    ['a', 'b']
    >>> sorted(ego_network(G, "a", radius=2))
    ['a', 'b', 'c', 'd']
    """
    node = find_actor(G, actor)
    return nx.ego_graph(G, node, radius=radius, undirected=undirected).copy()
