"""Extractions -> an rdflib Graph under the graphbuild ontology (no file I/O).

What the graph holds is described in ``docs/design.md``: actors with labels, aliases
and Wikidata links; a direct edge for every positively asserted relation; a
``gb:Statement`` with polarity and provenance for every relation read off a sentence;
articles with their metadata; dated posts as W3C ORG memberships.
"""
from __future__ import annotations

import hashlib
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, Namespace

from graphbuild import __version__
from graphbuild.extract import ArticleExtraction
from graphbuild.resolve import Resolution, slugify
from graphbuild.vocab import GB, RESOURCE, SCHEMA, WD, bind_prefixes

ORG = Namespace("http://www.w3.org/ns/org#")
PREDICATE = {"speaksFor": GB.speaksFor, "accuses": GB.accuses, "cooperatesWith": GB.cooperatesWith}
POLARITY = {"positive": GB.positive, "negative": GB.negative}
TYPE = {"Official": GB.Official, "Ministry": GB.Ministry, "Country": GB.Country, "Group": GB.Group}


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def build_iri() -> URIRef:
    return RESOURCE[f"build/graphbuild-{__version__}"]


def article_iri(article_id: str) -> URIRef:
    return RESOURCE[f"article/{slugify(article_id)}"]


def add_build(graph: Graph) -> URIRef:
    """The build activity and the software agent, identified by version."""
    build = build_iri()
    software = RESOURCE["software/graphbuild"]
    graph.add((build, RDF.type, GB.Build))
    graph.add((build, PROV.wasAssociatedWith, software))
    graph.add((build, SCHEMA.softwareVersion, Literal(__version__)))
    graph.add((software, RDF.type, PROV.SoftwareAgent))
    graph.add((software, RDFS.label, Literal("graphbuild")))
    return build


def to_graph(extractions: list[ArticleExtraction], resolution: Resolution) -> Graph:
    """The RDF graph of ``extractions`` resolved by ``resolution``."""
    graph = Graph()
    bind_prefixes(graph)
    build = add_build(graph)
    actors = resolution.actors

    def iri(key: str) -> URIRef:
        return RESOURCE[actors[key].slug]

    for key in sorted(actors):
        actor = actors[key]
        node = iri(key)
        graph.add((node, RDF.type, TYPE[actor.type]))
        graph.add((node, RDFS.label, Literal(actor.label)))
        for alias in sorted(actor.aliases):
            graph.add((node, SKOS.altLabel, Literal(alias)))
        if actor.qid:
            graph.add((node, OWL.sameAs, WD[actor.qid]))
        if ":" in key and not key.startswith(("official:", "group:", "ministry:")) or actor.qid:
            graph.add((node, GB.gazetteerKey, Literal(key)))
        if actor.mentions:
            graph.add((node, GB.mentionCount, Literal(actor.mentions)))
        if actor.of and actor.of in actors and actor.type in {"Ministry", "Group"}:
            graph.add((node, ORG.subOrganizationOf, iri(actor.of)))

    for ex in extractions:
        art = ex.article
        anode = article_iri(art.id)
        graph.add((anode, RDF.type, GB.Article))
        graph.add((anode, SCHEMA.identifier, Literal(art.id)))
        graph.add((anode, GB.contentHash, Literal(art.content_hash)))
        graph.add((anode, GB.sourcePath, Literal(art.source_path)))
        if art.title:
            graph.add((anode, SCHEMA.headline, Literal(art.title)))
        if art.date:
            graph.add((anode, SCHEMA.datePublished, Literal(art.date, datatype=XSD.date)))
        if art.url:
            graph.add((anode, SCHEMA.url, Literal(art.url, datatype=XSD.anyURI)))
        if art.author:
            graph.add((anode, SCHEMA.author, Literal(art.author)))
        if art.source:
            graph.add((anode, SCHEMA.publisher, Literal(art.source)))
        if art.dateline:
            graph.add((anode, GB.dateline, Literal(art.dateline)))
        local = resolution.keys[art.id]
        for ent in ex.entities:
            graph.add((anode, SCHEMA.mentions, iri(local[ent["id"]])))
        for rel in ex.relations:
            s, o = local[rel["subject"]], local[rel["object"]]
            if s == o:
                continue
            pred = PREDICATE[rel["predicate"]]
            stmt = RESOURCE[f"statement/{_hash(art.id, s, rel['predicate'], o, rel['polarity'], rel['sent_start'])}"]
            graph.add((stmt, RDF.type, GB.Statement))
            graph.add((stmt, RDF.subject, iri(s)))
            graph.add((stmt, RDF.predicate, pred))
            graph.add((stmt, RDF.object, iri(o)))
            graph.add((stmt, GB.polarity, POLARITY[rel["polarity"]]))
            graph.add((stmt, GB.evidence, Literal(rel["evidence"])))
            graph.add((stmt, GB.cue, Literal(rel["cue"])))
            graph.add((stmt, GB.startOffset, Literal(rel["sent_start"])))
            graph.add((stmt, GB.endOffset, Literal(rel["sent_end"])))
            graph.add((stmt, GB.method, Literal(rel["method"])))
            graph.add((stmt, GB.confidence, Literal(Decimal(str(round(rel["confidence"], 2))))))
            graph.add((stmt, PROV.wasDerivedFrom, anode))
            graph.add((stmt, PROV.wasGeneratedBy, build))
            if rel["polarity"] == "positive":
                graph.add((iri(s), pred, iri(o)))
        # dated posts: W3C ORG memberships attested by this article
        for ent in ex.entities:
            if ent["type"] != "Official" or not ent.get("posts"):
                continue
            person = local[ent["id"]]
            bodies = sorted({local[r["object"]] for r in ex.relations
                             if r["predicate"] == "speaksFor" and r["subject"] == ent["id"]
                             and r["polarity"] == "positive"})
            for post in ent["posts"]:
                post_node = RESOURCE[f"post/{slugify(post)}"]
                graph.add((post_node, RDF.type, GB.Post))
                graph.add((post_node, SKOS.prefLabel, Literal(post)))
                for body in bodies:
                    membership = RESOURCE[f"membership/{_hash(art.id, person, body, post)}"]
                    graph.add((membership, RDF.type, ORG.Membership))
                    graph.add((membership, ORG.member, iri(person)))
                    graph.add((membership, ORG.organization, iri(body)))
                    graph.add((membership, ORG.role, post_node))
                    graph.add((membership, PROV.wasDerivedFrom, anode))
                    if art.date:
                        graph.add((membership, DCTERMS.date, Literal(art.date, datatype=XSD.date)))
    return graph
