"""A persistent graph: an on-disk Oxigraph store that grows article by article.

The API a build uses (``graphbuild build --store DIR``)::

    from graphbuild.store import Store

    with Store.open("graph.store") as store:          # created when missing
        for article, article_graph in ...:
            if store.has_article(article.content_hash):   # "sha256:<hex>"
                continue                                  # read before: skip it
            store.add_graph(article_graph)                # one transaction
        store.export("graph.ttl")                         # deterministic, atomic

* :meth:`Store.has_article` asks whether an article with that ``gb:contentHash`` is in
  the store (the hash is bound into the query, never pasted).
* :meth:`Store.add_graph` adds an :class:`rdflib.Graph` or any iterable of rdflib
  triples to the default graph in one transaction: all or nothing. RDF is a set, so
  adding the same article graph twice adds no triple. Graph-level triples shared by
  articles (an actor's ``rdfs:label``) merge; counters such as ``gb:mentionCount`` are
  the caller's to keep right (remove the old value first, :meth:`Store.remove`).
* :meth:`Store.query` runs SPARQL with graphbuild's prefixes and bound parameters
  (:func:`graphbuild.query.run_query`), :meth:`Store.triple_count` counts triples,
  :meth:`Store.export` writes a file.

One process at a time may open a store read-write; :meth:`Store.open` with
``read_only=True`` reads while nothing writes (``graphbuild query DIR``). A directory
that is not an Oxigraph store, or a damaged one, raises
:class:`~graphbuild.errors.GraphFileError`.

>>> import tempfile, rdflib
>>> from rdflib import Literal, URIRef
>>> from graphbuild.vocab import GB
>>> graph = rdflib.Graph()
>>> article = URIRef("https://w3id.org/graphbuild/resource/article/a")
>>> graph.add((article, GB.contentHash, Literal("sha256:" + "0" * 64)))
<Graph identifier=... (<class 'rdflib.graph.Graph'>)>
>>> with tempfile.TemporaryDirectory() as tmp:
...     with Store.open(tmp + "/store") as store:
...         store.add_graph(graph), store.add_graph(graph), store.triple_count()
...         store.has_article("sha256:" + "0" * 64)
(1, 0, 1)
True
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Mapping

import pyoxigraph as ox
import rdflib
from rdflib.term import Literal, Node

from graphbuild.errors import GraphFileError
from graphbuild.vocab import PREFIXES

__all__ = ["EXPORT_FORMATS", "Store", "is_store"]

#: File formats :meth:`Store.export` writes, by name, with their usual extension.
EXPORT_FORMATS: dict[str, tuple[ox.RdfFormat, str]] = {
    "turtle": (ox.RdfFormat.TURTLE, ".ttl"),
    "nt": (ox.RdfFormat.N_TRIPLES, ".nt"),
    "nq": (ox.RdfFormat.N_QUADS, ".nq"),
    "trig": (ox.RdfFormat.TRIG, ".trig"),
    "xml": (ox.RdfFormat.RDF_XML, ".rdf"),
    "json-ld": (ox.RdfFormat.JSON_LD, ".jsonld"),
}
_BY_SUFFIX = {suffix: name for name, (_, suffix) in EXPORT_FORMATS.items()}
_BY_SUFFIX.update({".turtle": "turtle", ".owl": "xml", ".xml": "xml", ".json": "json-ld"})



def is_store(directory: str | Path) -> bool:
    """Whether ``directory`` holds an Oxigraph (RocksDB) store."""
    path = Path(directory)
    return (path / "CURRENT").is_file() and any(path.glob("MANIFEST-*"))


class Store:
    """An on-disk Oxigraph store of graphbuild graphs (see the module docstring)."""

    def __init__(self, store: ox.Store, path: Path, read_only: bool):
        self._store = store
        self.path = path
        self.read_only = read_only

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, directory: str | Path, *, read_only: bool = False, create: bool = True) -> Store:
        """Open the store in ``directory``, creating it when missing (if ``create``).

        Raises :class:`GraphFileError` when the directory holds something else, the
        store is damaged or another process has it open for writing.
        """
        path = Path(directory)
        if path.exists() and not path.is_dir():
            raise GraphFileError(f"{path} is a file, not a store directory.")
        exists = path.is_dir() and any(path.iterdir())
        if exists and not is_store(path):
            raise GraphFileError(
                f"{path} is not a graphbuild store (no Oxigraph database in it); give a "
                "new or empty directory, or one made by graphbuild build --store."
            )
        if not exists and (read_only or not create):
            raise GraphFileError(
                f"No store in {path}; make one with graphbuild build --store {path}."
            )
        try:
            store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except (OSError, RuntimeError) as err:  # RocksDB corruption is a RuntimeError
            message = " ".join(str(err).split())
            if "lock" in message.lower():
                raise GraphFileError(
                    f"Store {path} is open for writing in another process; stop it, or "
                    f"wait for it to finish ({message})."
                ) from err
            raise GraphFileError(f"Cannot open store {path}: it is damaged or unreadable "
                                 f"({message}).") from err
        return cls(store, path, read_only)

    def close(self) -> None:
        """Flush and release the store (pyoxigraph closes it when the last reference goes)."""
        if self._store is not None and not self.read_only:
            self._store.flush()
        self._store = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store`."""
        if self._store is None:
            raise GraphFileError(f"Store {self.path} is closed.")
        return self._store

    # ------------------------------------------------------------------ reading
    def has_article(self, content_hash: str) -> bool:
        """Whether an article with ``gb:contentHash content_hash`` is in the store."""
        from graphbuild.query import run_query

        return bool(run_query(self, _HAS_ARTICLE_SELECT, {"hash": Literal(content_hash)}).rows)

    def triple_count(self) -> int:
        """The number of triples (quads, counting named graphs) in the store."""
        return len(self.oxigraph)

    def query(self, query: Any, params: Mapping[str, str | Node] | None = None):
        """Run SPARQL on the store; see :func:`graphbuild.query.run_query`."""
        from graphbuild.query import run_query

        return run_query(self, query, params)

    # ------------------------------------------------------------------ writing
    def add_graph(self, graph: rdflib.Graph | Iterable[tuple[Node, Node, Node]]) -> int:
        """Add the triples of ``graph`` to the default graph in one transaction.

        Returns how many triples were new. Raises :class:`GraphFileError` on a
        read-only store or a write failure (then nothing was added).
        """
        from graphbuild.query import to_oxigraph

        self._writable()
        quads = {ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))
                 for s, p, o in _triples(graph)}
        before = len(self.oxigraph)
        try:
            self.oxigraph.extend(quads)
        except OSError as err:
            raise GraphFileError(f"Cannot write to store {self.path}: {err}") from err
        return len(self.oxigraph) - before

    def load(self, path: str | Path) -> int:
        """Bulk-load an RDF file into the default graph (fast, for large files).

        Returns the number of new triples. The format comes from the extension.
        """
        self._writable()
        path = Path(path)
        before = len(self.oxigraph)
        try:
            self.oxigraph.bulk_load(path=str(path), to_graph=ox.DefaultGraph())
        except (SyntaxError, ValueError) as err:
            raise GraphFileError(f"Cannot parse {path}: {err}") from err
        except OSError as err:
            raise GraphFileError(f"Cannot load {path} into {self.path}: {err}") from err
        return len(self.oxigraph) - before

    def remove(self, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        """Remove ``triples`` from the default graph (absent ones are ignored)."""
        from graphbuild.query import to_oxigraph

        self._writable()
        for s, p, o in triples:
            self.oxigraph.remove(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)))

    def export(self, path: str | Path, format: str | None = None) -> Path:
        """Write the default graph to ``path`` (all graphs for ``nq``/``trig``).

        ``format`` is one of :data:`EXPORT_FORMATS`, else guessed from the extension.
        The same triples give the same bytes whatever order they were added in. The
        file is written beside ``path`` and renamed over it, so readers never see half
        of it.
        """
        path = Path(path)
        name = format or _BY_SUFFIX.get(path.suffix.lower())
        if name not in EXPORT_FORMATS:
            raise GraphFileError(
                f"Cannot tell which RDF format to write {path} in; use --format with one "
                f"of {', '.join(EXPORT_FORMATS)}."
            )
        rdf_format = EXPORT_FORMATS[name][0]
        from_graph = None if rdf_format.supports_datasets else ox.DefaultGraph()
        from graphbuild.export import atomic_write_bytes

        data = self.oxigraph.dump(format=rdf_format, from_graph=from_graph,
                                  prefixes=dict(sorted(PREFIXES.items())))
        # temporary file, fsync, rename; the file mode of a plain open(); leftovers of
        # killed writers removed (graphbuild.export.atomic_write_bytes)
        atomic_write_bytes(path, _sorted_lines(data) if name in ("nt", "nq") else data)
        return path

    def _writable(self) -> None:
        if self.read_only:
            raise GraphFileError(f"Store {self.path} is open read-only.")


_HAS_ARTICLE_SELECT = "SELECT ?hash WHERE { ?article gb:contentHash ?hash } LIMIT 1"


def _triples(graph: Any) -> Iterable[tuple[Node, Node, Node]]:
    if isinstance(graph, rdflib.Graph):
        return graph.triples((None, None, None))
    return graph


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted(line for line in data.split(b"\n") if line)
    return b"".join(line + b"\n" for line in lines)
