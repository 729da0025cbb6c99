"""Actors of a graph that the gazetteer does not know: what to add to it.

An analyst grows the gazetteer from the actors that take part in relations but matched
no gazetteer entry, most frequent first, each with an example sentence.
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS

from graphbuild.vocab import GB

_TYPES = (GB.Official, GB.Ministry, GB.Country, GB.Group)


@dataclass(frozen=True)
class UnknownActor:
    """An actor with no gazetteer entry, and how often it took part in a statement."""

    iri: str
    label: str
    type: str
    statements: int
    example: str
    article: str


def unknown_actors(graph: Graph, *, limit: int | None = None) -> list[UnknownActor]:
    """Actors in statements that matched no gazetteer entry, most frequent first.

    >>> from rdflib import Literal, URIRef
    >>> from rdflib.namespace import PROV
    >>> graph = Graph()
    >>> a, b, s = URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:s")
    >>> for node, label in ((a, "Ken Kato"), (b, "Japan")):
    ...     _ = graph.add((node, RDF.type, GB.Official)).add((node, RDFS.label, Literal(label)))
    >>> _ = graph.add((b, GB.gazetteerKey, Literal("country:JPN")))
    >>> _ = graph.add((s, RDF.subject, a)).add((s, RDF.object, b))
    >>> _ = graph.add((s, GB.evidence, Literal("Kato criticised Japan."))).add((s, PROV.wasDerivedFrom, URIRef("urn:art")))
    >>> [(u.label, u.statements, u.example) for u in unknown_actors(graph)]
    [('Ken Kato', 1, 'Kato criticised Japan.')]
    """
    from rdflib.namespace import PROV

    counts: dict = {}
    examples: dict = {}
    for stmt in sorted(set(graph.subjects(RDF.subject, None))):
        evidence = str(graph.value(stmt, GB.evidence) or "")
        article = str(graph.value(stmt, PROV.wasDerivedFrom) or "")
        for role in (RDF.subject, RDF.object):
            node = graph.value(stmt, role)
            if node is None or (node, GB.gazetteerKey, None) in graph or (node, OWL.sameAs, None) in graph:
                continue
            counts[node] = counts.get(node, 0) + 1
            examples.setdefault(node, (evidence, article))
    out = []
    for node, n in counts.items():
        type_ = next((t for t in _TYPES if (node, RDF.type, t) in graph), None)
        out.append(UnknownActor(str(node), str(graph.value(node, RDFS.label) or node),
                                type_.split("#")[-1] if type_ else "", n, *examples[node]))
    out.sort(key=lambda u: (-u.statements, u.label, u.iri))
    return out[:limit] if limit else out
