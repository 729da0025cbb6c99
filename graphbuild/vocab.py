"""Every term of the graphbuild ontology, in one place.

``GB`` is an rdflib :class:`~rdflib.namespace.DefinedNamespace`: a misspelt term
(``GB.acuses``) raises :class:`AttributeError` instead of minting a new IRI.
``tests/test_vocab.py`` holds this module and ``ontology/graphbuild.ttl`` to the
same set of terms.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/graphbuild/ontology"
RESOURCE = Namespace("https://w3id.org/graphbuild/resource/")
WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("http://schema.org/")


class GB(DefinedNamespace):
    """The graphbuild ontology (``ontology/graphbuild.ttl``)."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI + "#")

    # classes
    Actor: URIRef
    Official: URIRef
    Ministry: URIRef
    Country: URIRef
    Group: URIRef
    Article: URIRef
    Statement: URIRef
    Polarity: URIRef
    Build: URIRef
    Post: URIRef
    # individuals
    positive: URIRef
    negative: URIRef
    polarities: URIRef
    # relations
    speaksFor: URIRef
    accuses: URIRef
    cooperatesWith: URIRef
    # statements
    polarity: URIRef
    evidence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    method: URIRef
    confidence: URIRef
    cue: URIRef
    # articles
    contentHash: URIRef
    sourcePath: URIRef
    dateline: URIRef
    # entities
    mentionCount: URIRef
    gazetteerKey: URIRef


#: The four actor types, in the order the guidelines list them.
ACTOR_TYPES: tuple[str, ...] = ("Official", "Ministry", "Country", "Group")
#: The three relation predicates.
PREDICATES: tuple[str, ...] = ("speaksFor", "accuses", "cooperatesWith")

#: Prefixes bound on every graph graphbuild writes, and used by shipped queries.
PREFIXES: dict[str, str] = {
    "dcterms": "http://purl.org/dc/terms/",
    "gb": str(GB._NS),
    "gbr": str(RESOURCE),
    "org": "http://www.w3.org/ns/org#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": str(SCHEMA),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "wd": str(WD),
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def bind_prefixes(graph) -> None:
    """Bind graphbuild's prefixes on ``graph`` (replacing rdflib's defaults)."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
