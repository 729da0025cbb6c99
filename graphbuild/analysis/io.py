"""Read an RDF graph file for the analyses, the viewer and the network exports."""
from __future__ import annotations

import os
from pathlib import Path

from rdflib import Graph
from rdflib.util import guess_format

from graphbuild.errors import GraphFileError

__all__ = ["atomic_write", "read_graph"]


def read_graph(path: str | os.PathLike) -> Graph:
    """Parse the RDF file at ``path`` (format guessed from its suffix, Turtle otherwise).

    Raises :class:`~graphbuild.errors.GraphFileError` naming the file when it is
    missing or does not parse.
    """
    path = Path(path)
    if not path.is_file():
        raise GraphFileError(f"Cannot read graph file {path}: no such file; give the .ttl a build wrote.")
    fmt = guess_format(str(path)) or "turtle"
    graph = Graph()
    try:
        graph.parse(path, format=fmt)
    except Exception as err:  # rdflib raises many kinds of parse errors
        raise GraphFileError(
            f"Cannot parse graph file {path} as {fmt}: {err}; check the file or its suffix."
        ) from err
    return graph


def atomic_write(path: str | os.PathLike, data: str | bytes) -> None:
    """Write ``data`` to ``path`` atomically (:func:`graphbuild.export.atomic_write_bytes`:
    temporary file, fsync, rename, the usual file mode), so a reader never sees half a
    file.

    Raises :class:`~graphbuild.errors.GraphFileError` naming the path on failure.
    """
    from graphbuild.export import atomic_write_bytes

    atomic_write_bytes(path, data.encode("utf-8") if isinstance(data, str) else data)