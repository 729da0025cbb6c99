"""Compare rdflib graphs by isomorphism, with a readable diff of what differs (used by the
tests; handy for checking a rebuilt graph against a golden file)."""
from __future__ import annotations

from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic


def assert_isomorphic(expected: Graph, actual: Graph, limit: int = 40) -> None:
    """Fail with the triples found only on each side when the graphs differ."""
    iso_expected, iso_actual = to_isomorphic(expected), to_isomorphic(actual)
    if iso_expected == iso_actual:
        return
    _, only_expected, only_actual = graph_diff(iso_expected, iso_actual)

    def show(graph: Graph) -> str:
        lines = sorted(graph.serialize(format="nt").splitlines())
        lines = [line for line in lines if line.strip()]
        more = f"\n  ... and {len(lines) - limit} more" if len(lines) > limit else ""
        return "\n".join("  " + line for line in lines[:limit]) + more

    raise AssertionError(
        f"graphs differ\nonly in expected ({len(only_expected)}):\n{show(only_expected)}\n"
        f"only in actual ({len(only_actual)}):\n{show(only_actual)}"
    )
