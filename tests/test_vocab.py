"""vocab.py and ontology/graphbuild.ttl declare the same terms."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from graphbuild.vocab import GB

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "graphbuild.ttl"


def test_vocab_matches_ontology():
    graph = Graph().parse(ONTOLOGY, format="turtle")
    ns = str(GB._NS)
    declared = {str(s)[len(ns):] for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(ns)}
    in_vocab = set(GB.__annotations__)
    assert declared == in_vocab, f"only in ontology: {declared - in_vocab}; only in vocab.py: {in_vocab - declared}"


def test_misspelt_term_fails_loudly():
    with pytest.raises(AttributeError):
        GB.acuses  # noqa: B018
