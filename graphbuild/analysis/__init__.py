"""ANALYSE: networkx projections of the RDF graph and analyses over them.

:mod:`~graphbuild.analysis.projection` turns the rdflib graph into networkx graphs;
the other modules are plain functions of ``G``; :func:`analyse` runs them all.
"""
from __future__ import annotations

from graphbuild.analysis.io import read_graph
from graphbuild.analysis.projection import to_multidigraph, to_signed_graph, to_weighted_digraph
from graphbuild.analysis.report import analyse

__all__ = sorted(["analyse", "read_graph", "to_multidigraph", "to_signed_graph", "to_weighted_digraph"])
