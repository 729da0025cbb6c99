"""Project the RDF graph onto networkx graphs of actors.

The projection reads the graph by predicate, as ``docs/design.md`` draws it, never as a
raw dump of triples:

* nodes are the actors (``gb:Official``, ``gb:Ministry``, ``gb:Country``,
  ``gb:Group``), keyed by their IRI as a string, with ``label``, ``type``,
  ``aliases``, ``qid`` and ``mentions``;
* edges come from the ``gb:Statement`` nodes, one edge per (subject, predicate,
  object, polarity) with the statements behind it as ``evidence``. A direct edge
  (``?s gb:accuses ?o``) that no statement backs still gives an edge, with
  ``support`` 1 and no evidence, so hand-written graphs project too.

:func:`to_multidigraph` keeps every relation; :func:`to_weighted_digraph` and
:func:`to_signed_graph` collapse it into the simple graphs most algorithms want.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import ORG, OWL, PROV, SKOS

from graphbuild.vocab import ACTOR_TYPES, GB, PREDICATES, SCHEMA, WD

__all__ = [
    "NEGATIVE_SUFFIX",
    "SIGNS",
    "edge_key",
    "to_multidigraph",
    "to_signed_graph",
    "to_weighted_digraph",
]

#: Appended to the predicate to key an edge of negative polarity
#: (``"accuses"`` is the key of the asserted edge, ``"accuses-negative"`` of the denied one).
NEGATIVE_SUFFIX = "-negative"

#: The sign each predicate gives a tie in the signed graph; ``speaksFor`` gives none.
SIGNS: dict[str, int] = {"accuses": -1, "cooperatesWith": 1}

#: Predicates that relate two actors as peers and so are lifted onto the bodies the
#: actors speak for; ``speaksFor`` itself is not lifted.
_LIFTED = ("accuses", "cooperatesWith")


def edge_key(predicate: str, polarity: str = "positive") -> str:
    """The key of the edge for ``predicate`` with ``polarity`` in the multigraph.

    >>> edge_key("accuses")
    'accuses'
    >>> edge_key("accuses", "negative")
    'accuses-negative'
    """
    if polarity not in ("positive", "negative"):
        raise ValueError(f"polarity must be 'positive' or 'negative', got {polarity!r}")
    return predicate if polarity == "positive" else predicate + NEGATIVE_SUFFIX


@dataclass(frozen=True)
class _Record:
    """One relation read off the graph: a statement, or a bare direct edge."""

    subject: str
    predicate: str
    object: str
    polarity: str
    statement: str | None
    sentence: str | None
    article: str | None
    headline: str | None
    date: str | None


def _local(iri: URIRef | str) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _one(graph: Graph, subject, predicate):
    """The first object of (subject, predicate), in a deterministic order, or None."""
    values = sorted(graph.objects(subject, predicate), key=str)
    return values[0] if values else None


def _actor_type(graph: Graph, actor: URIRef) -> str:
    types = {_local(t) for t in graph.objects(actor, RDF.type)}
    for name in ACTOR_TYPES:
        if name in types:
            return name
    return "Actor"


def _actor_attributes(graph: Graph, actor: URIRef) -> dict:
    label = _one(graph, actor, RDFS.label)
    aliases = sorted({str(a) for a in graph.objects(actor, SKOS.altLabel)} - {str(label)})
    qids = sorted(
        str(o)[len(str(WD)):] for o in graph.objects(actor, OWL.sameAs) if str(o).startswith(str(WD))
    )
    mentions = _one(graph, actor, GB.mentionCount)
    return {
        "label": str(label) if label is not None else _local(actor),
        "type": _actor_type(graph, actor),
        "aliases": aliases,
        "qid": qids[0] if qids else None,
        "mentions": int(mentions.toPython()) if mentions is not None else 0,
    }


def _actors(graph: Graph) -> set[URIRef]:
    actors: set[URIRef] = set()
    for name in ACTOR_TYPES:
        actors.update(s for s in graph.subjects(RDF.type, GB[name]) if isinstance(s, URIRef))
    return actors


def _article_info(graph: Graph, article, cache: dict) -> tuple[str | None, str | None]:
    if article is None:
        return None, None
    if article not in cache:
        headline = _one(graph, article, SCHEMA.headline)
        date = _one(graph, article, SCHEMA.datePublished)
        cache[article] = (
            str(headline) if headline is not None else None,
            _iso_date(date),
        )
    return cache[article]


def _iso_date(literal) -> str | None:
    if literal is None:
        return None
    value = literal.toPython()
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    text = str(value)
    return text[:10] if len(text) >= 10 else None


def _records(graph: Graph) -> list[_Record]:
    """Every statement about two actors, then the direct edges no statement backs."""
    predicates = {GB[name]: name for name in PREDICATES}
    polarities = {GB.positive: "positive", GB.negative: "negative"}
    articles: dict = {}
    records: list[_Record] = []
    backed: set[tuple[str, str, str]] = set()
    for statement in sorted(graph.subjects(RDF.type, GB.Statement), key=str):
        subject = _one(graph, statement, RDF.subject)
        predicate = predicates.get(_one(graph, statement, RDF.predicate))
        obj = _one(graph, statement, RDF.object)
        polarity = polarities.get(_one(graph, statement, GB.polarity), "positive")
        if subject is None or obj is None or predicate is None:
            continue
        sentence = _one(graph, statement, GB.evidence)
        article = _one(graph, statement, PROV.wasDerivedFrom)
        headline, date = _article_info(graph, article, articles)
        records.append(
            _Record(
                str(subject), predicate, str(obj), polarity, str(statement),
                str(sentence) if sentence is not None else None,
                str(article) if article is not None else None, headline, date,
            )
        )
        if polarity == "positive":
            backed.add((str(subject), predicate, str(obj)))
    for iri, name in sorted(predicates.items(), key=lambda item: item[1]):
        for subject, obj in sorted(graph.subject_objects(iri), key=lambda so: (str(so[0]), str(so[1]))):
            if (str(subject), name, str(obj)) not in backed:
                records.append(
                    _Record(str(subject), name, str(obj), "positive", None, None, None, None, None)
                )
    return records


def _tops(graph: Graph, actor: str, cache: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The top bodies or countries ``actor`` speaks for, following ``gb:speaksFor``
    and then ``org:subOrganizationOf`` as far up as they go (empty if none)."""
    if actor in cache:
        return cache[actor]
    node = URIRef(actor)
    start = set(graph.objects(node, GB.speaksFor)) | set(graph.objects(node, ORG.subOrganizationOf))
    roots: set[str] = set()
    seen = {node}
    stack = sorted(start, key=str)
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        parents = [p for p in graph.objects(current, ORG.subOrganizationOf) if p not in seen]
        if parents:
            stack.extend(sorted(parents, key=str))
        else:
            roots.add(str(current))
    cache[actor] = tuple(sorted(roots))
    return cache[actor]


def _lifted(graph: Graph, records: list[_Record]) -> list[tuple[_Record, str, str]]:
    """(record, lifted subject, lifted object) for every record whose actors speak for
    or belong to a larger body, without self-loops."""
    cache: dict[str, tuple[str, ...]] = {}
    out = []
    for record in records:
        if record.predicate not in _LIFTED:
            continue
        subjects = _tops(graph, record.subject, cache) or (record.subject,)
        objects = _tops(graph, record.object, cache) or (record.object,)
        for subject in subjects:
            for obj in objects:
                if (subject, obj) != (record.subject, record.object) and subject != obj:
                    out.append((record, subject, obj))
    return out


def to_multidigraph(graph: Graph, *, lift: bool = False, include_negative: bool = False) -> nx.MultiDiGraph:
    """Project ``graph`` onto a multigraph of actors, one edge per relation.

    Parameters
    ----------
    graph : rdflib.Graph
        A graph in the shape of ``docs/design.md``.
    lift : bool
        Also lift every ``accuses``/``cooperatesWith`` relation onto the top bodies
        its actors speak for: an official is followed along ``gb:speaksFor`` and
        then ``org:subOrganizationOf`` to the top body or country, so "Gatilov
        accuses United States" also gives "Russia accuses United States". A lifted
        statement adds to the support of the edge it lands on (each statement
        counted once per edge); an edge whose every statement was lifted has
        ``lifted=True``.
    include_negative : bool
        Keep statements of negative polarity (denials, refusals) as edges of their
        own with ``polarity="negative"`` and key ``"<predicate>-negative"``.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes are actor IRIs (str) with ``label``, ``type`` (``Official``,
        ``Ministry``, ``Country``, ``Group``), ``aliases`` (sorted list), ``qid``
        (Wikidata id or None) and ``mentions``. Edges are keyed by predicate (see
        :func:`edge_key`) and carry ``predicate``, ``polarity``, ``support`` (number
        of statements; a direct triple with no statement counts 1), ``evidence``
        (list of dicts with ``sentence``, ``article``, ``headline``, ``date``,
        ``statement``, ``subject``, ``object``, sorted by date), ``first`` and
        ``last`` (ISO dates or None) and ``lifted``.

    Examples
    --------
    >>> from rdflib import Graph
    >>> graph = Graph().parse(format="turtle", data='''
    ... @prefix gb: <https://w3id.org/graphbuild/ontology#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... <urn:a> a gb:Country ; rdfs:label "A" ; gb:accuses <urn:b> .
    ... <urn:b> a gb:Country ; rdfs:label "B" .
    ... ''')
    >>> MG = to_multidigraph(graph)
    >>> sorted(MG.edges(keys=True))
    [('urn:a', 'urn:b', 'accuses')]
    >>> MG.nodes["urn:a"]["label"], MG.edges["urn:a", "urn:b", "accuses"]["support"]
    ('A', 1)
    """
    MG = nx.MultiDiGraph(lift=lift, include_negative=include_negative)
    actors = _actors(graph)
    records = [r for r in _records(graph) if include_negative or r.polarity == "positive"]
    for record in records:
        actors.update((URIRef(record.subject), URIRef(record.object)))
    for actor in sorted(actors, key=str):
        MG.add_node(str(actor), **_actor_attributes(graph, actor))

    buckets: dict[tuple[str, str, str, str], dict] = {}

    def add(record: _Record, subject: str, obj: str, lifted: bool) -> None:
        key = (subject, record.predicate, obj, record.polarity)
        bucket = buckets.setdefault(key, {"statements": {}, "bare": 0, "direct": False})
        bucket["direct"] = bucket["direct"] or not lifted
        if record.statement is None:
            bucket["bare"] = 1
            return
        bucket["statements"].setdefault(
            record.statement,
            {
                "sentence": record.sentence,
                "article": record.article,
                "headline": record.headline,
                "date": record.date,
                "statement": record.statement,
                "subject": record.subject,
                "object": record.object,
            },
        )

    for record in records:
        add(record, record.subject, record.object, lifted=False)
    if lift:
        for record, subject, obj in _lifted(graph, records):
            add(record, subject, obj, lifted=True)

    for (subject, predicate, obj, polarity), bucket in sorted(buckets.items()):
        evidence = sorted(
            bucket["statements"].values(),
            key=lambda e: (e["date"] or "9999", e["article"] or "", e["statement"]),
        )
        dates = sorted(e["date"] for e in evidence if e["date"])
        MG.add_edge(
            subject,
            obj,
            key=edge_key(predicate, polarity),
            predicate=predicate,
            polarity=polarity,
            support=len(evidence) + bucket["bare"],
            evidence=evidence,
            first=dates[0] if dates else None,
            last=dates[-1] if dates else None,
            lifted=not bucket["direct"],
        )
    return MG


def _copy_nodes(source: nx.Graph, target: nx.Graph) -> None:
    target.add_nodes_from(source.nodes(data=True))


def to_weighted_digraph(
    MG: nx.MultiDiGraph,
    predicates: Iterable[str] | None = None,
    *,
    polarity: str = "positive",
) -> nx.DiGraph:
    """Collapse the multigraph into a weighted digraph.

    Parameters
    ----------
    MG : networkx.MultiDiGraph
        From :func:`to_multidigraph`.
    predicates : iterable of str, optional
        The relation layers to keep (``"accuses"``, ``"cooperatesWith"``,
        ``"speaksFor"``); all of them by default.
    polarity : str
        ``"positive"`` (default) or ``"negative"``.

    Returns
    -------
    networkx.DiGraph
        Every actor of ``MG``; an edge u -> v wherever ``MG`` has one of the kept
        layers, with ``weight`` and ``support`` the summed support and
        ``predicates`` the sorted layers behind it.

    Examples
    --------
    >>> MG = nx.MultiDiGraph()
    >>> MG.add_edge("a", "b", key="accuses", predicate="accuses", polarity="positive", support=2)
    'accuses'
    >>> MG.add_edge("a", "b", key="cooperatesWith", predicate="cooperatesWith",
    ...             polarity="positive", support=1)
    'cooperatesWith'
    >>> G = to_weighted_digraph(MG)
    >>> G.edges["a", "b"]["weight"], G.edges["a", "b"]["predicates"]
    (3, ['accuses', 'cooperatesWith'])
    >>> to_weighted_digraph(MG, ["accuses"]).edges["a", "b"]["weight"]
    2
    """
    keep = set(PREDICATES if predicates is None else predicates)
    unknown = keep - set(PREDICATES)
    if unknown:
        raise ValueError(f"unknown predicate(s) {sorted(unknown)}; expected some of {list(PREDICATES)}")
    G = nx.DiGraph(predicates=sorted(keep), polarity=polarity)
    _copy_nodes(MG, G)
    for u, v, data in MG.edges(data=True):
        if data["predicate"] not in keep or data.get("polarity", "positive") != polarity:
            continue
        if G.has_edge(u, v):
            edge = G.edges[u, v]
            edge["weight"] += data["support"]
            edge["support"] += data["support"]
            edge["predicates"] = sorted(set(edge["predicates"]) | {data["predicate"]})
        else:
            G.add_edge(u, v, weight=data["support"], support=data["support"], predicates=[data["predicate"]])
    return G


def to_signed_graph(MG: nx.MultiDiGraph) -> nx.Graph:
    """Collapse the multigraph into an undirected signed graph of actors.

    ``accuses`` counts -1 and ``cooperatesWith`` +1 per supporting statement, in
    either direction; ``speaksFor`` and statements of negative polarity (a denied
    accusation is not cooperation) count nothing. A pair with both kinds of tie
    takes the sign of the sum of signs weighted by support: two accusations and
    one offer of cooperation make a negative tie of weight 1. A pair whose sum is
    0 gets no edge and is listed in ``S.graph["ties"]``.

    Returns
    -------
    networkx.Graph
        Every actor of ``MG``; edges carry ``sign`` (+1 or -1), ``weight`` (the
        absolute sum), ``positive`` and ``negative`` (the support on each side).

    Examples
    --------
    >>> MG = nx.MultiDiGraph()
    >>> _ = MG.add_edge("a", "b", key="accuses", predicate="accuses", polarity="positive", support=2)
    >>> _ = MG.add_edge("b", "a", key="cooperatesWith", predicate="cooperatesWith",
    ...                 polarity="positive", support=1)
    >>> _ = MG.add_edge("b", "c", key="cooperatesWith", predicate="cooperatesWith",
    ...                 polarity="positive", support=1)
    >>> S = to_signed_graph(MG)
    >>> S.edges["a", "b"]["sign"], S.edges["a", "b"]["weight"], S.edges["b", "c"]["sign"]
    (-1, 1, 1)
    """
    totals: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: {"positive": 0, "negative": 0})
    for u, v, data in MG.edges(data=True):
        sign = SIGNS.get(data["predicate"])
        if sign is None or u == v or data.get("polarity", "positive") != "positive":
            continue
        pair = (u, v) if u <= v else (v, u)
        totals[pair]["positive" if sign > 0 else "negative"] += data["support"]
    S = nx.Graph(ties=[])
    _copy_nodes(MG, S)
    for (u, v), counts in sorted(totals.items()):
        total = counts["positive"] - counts["negative"]
        if total == 0:
            S.graph["ties"].append((u, v))
            continue
        S.add_edge(u, v, sign=1 if total > 0 else -1, weight=abs(total), **counts)
    return S
