"""Fixtures of the analysis tests: the hand-written news graph and its projections."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "graphs"
RES = "https://w3id.org/graphbuild/resource/"


def iri(local: str) -> str:
    return RES + local


@pytest.fixture(scope="session")
def news_graph() -> Graph:
    return Graph().parse(FIXTURES / "news.ttl", format="turtle")
