"""SHACL validation of graphs against ``ontology/shapes.ttl`` (pyshacl)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph

from graphbuild.errors import OntologyError

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The ontology (``ontology/graphbuild.ttl``)."""
    return Graph().parse(ONTOLOGY_DIR / "graphbuild.ttl", format="turtle")


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes (``ontology/shapes.ttl``)."""
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")


def validate(graph: Graph) -> tuple[bool, str]:
    """Check ``graph`` against the shapes: (conforms, report text)."""
    from pyshacl import validate as shacl_validate

    conforms, _, text = shacl_validate(
        graph, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none",
        advanced=True, allow_warnings=True,
    )
    return bool(conforms), text


def check(graph: Graph) -> None:
    """Raise :class:`OntologyError` with the report when ``graph`` does not conform."""
    conforms, text = validate(graph)
    if not conforms:
        raise OntologyError("the graph does not conform to ontology/shapes.ttl:\n" + text)
