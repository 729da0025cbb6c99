"""Writing graphs: deterministic Turtle, written atomically.

A file is written to a temporary file beside it and renamed into place, so a build
killed at any moment leaves the previous file intact.
"""
from __future__ import annotations

import glob
import os
import stat
import tempfile
from pathlib import Path

from rdflib import Graph

from graphbuild.errors import GraphFileError
from graphbuild.vocab import bind_prefixes

FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld",
           ".rdf": "xml", ".xml": "xml", ".n3": "n3"}


def serialize(graph: Graph, fmt: str = "turtle") -> bytes:
    """The graph in ``fmt``; Turtle is canonical: same graph, same bytes."""
    bind_prefixes(graph)
    if fmt == "turtle":
        # longturtle sorts subjects, predicates and objects: stable diffs
        return graph.serialize(format="longturtle", encoding="utf-8")
    if fmt == "nt":
        lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
        return ("\n".join(sorted(line for line in lines if line.strip())) + "\n").encode("utf-8")
    return graph.serialize(format=fmt, encoding="utf-8")


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    The temporary file, ``.{name}.{pid}.XXXX.tmp`` beside ``path``, is fsynced before
    the rename, so ``path`` holds the old bytes or the new ones, never a mixture.
    Temporary files left by a writer that was killed (its process is gone) are removed.
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        _remove_stale_temporaries(directory, path.name)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=directory)
    except OSError as err:
        raise GraphFileError(f"Cannot write {path}: {err.strerror or err}; check the folder exists "
                             "and is writable") from err
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException as err:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(err, OSError):  # disk full, quota, a folder where the file should be
            raise GraphFileError(f"Cannot write {path}: {err.strerror or err}; the previous "
                                 "file is unchanged") from err
        raise
    _fsync_directory(directory)


def _remove_stale_temporaries(directory: Path, name: str) -> None:
    """Remove ``.{name}.{pid}.*.tmp`` files whose writing process no longer runs."""
    for leftover in directory.glob(f".{glob.escape(name)}.*.tmp"):
        pid = leftover.name[len(name) + 2:].split(".", 1)[0]
        if not pid.isdigit() or _running(int(pid)):
            continue
        try:
            leftover.unlink()
        except OSError:
            pass


def _running(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # on Windows os.kill(pid, 0) kills
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or a platform that cannot tell: keep
    return True


def _fsync_directory(directory: Path) -> None:
    # The rename is durable once the folder's entry is on disk (POSIX; not on Windows).
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, else those of a new file under the umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def write_graph(graph: Graph, path: str | os.PathLike, fmt: str | None = None) -> None:
    """Write ``graph`` to ``path`` (format from the file ending unless given)."""
    path = Path(path)
    if fmt is None:
        fmt = FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise GraphFileError(f"cannot tell the RDF format of {path}: use one of {', '.join(sorted(FORMATS))}")
    atomic_write_bytes(path, serialize(graph, fmt))


def read_graph(path: str | os.PathLike) -> Graph:
    """Read an RDF file; a corrupt or unknown file is a :class:`GraphFileError`."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GraphFileError(f"cannot tell the RDF format of {path}: use one of {', '.join(sorted(FORMATS))}")
    if not path.is_file():
        raise GraphFileError(f"{path}: no such file")
    graph = Graph()
    try:
        graph.parse(path, format=fmt)
    except Exception as err:  # rdflib raises many kinds for bad syntax
        message = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise GraphFileError(f"{path} is not valid {fmt}: {message}") from err
    bind_prefixes(graph)
    return graph
