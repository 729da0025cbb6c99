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
    """Write ``data`` to ``path`` through a temporary file in the same folder and
    :func:`os.replace`, so a reader never sees half a file.

    Raises :class:`~graphbuild.errors.GraphFileError` naming the path on failure.
    """
    import tempfile

    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            raise
    except OSError as err:
        raise GraphFileError(f"Cannot write {path}: {err.strerror or err}; check the folder exists and is writable.") from err
