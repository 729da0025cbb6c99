"""Composes the stages: read -> annotate -> extract -> resolve -> to-RDF -> write.

>>> graph = build(["examples"])                       # doctest: +SKIP
>>> graph.serialize(format="turtle")                  # doctest: +SKIP

The build is also available per stage: :func:`extract_articles` streams per-article
extractions (from the cache where it has them, else from an engine), :func:`graph_of`
turns a list of extractions into an in-memory graph.

For builds of any size :func:`build_to_file` and :func:`build_into_store` keep memory
flat: Docs never outlive their extraction, the extractions (small) are resolved
together, and the graph goes out chunk by chunk (:func:`graph_chunks`) into an on-disk
Oxigraph store, never whole into an rdflib graph.
"""
from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections import deque
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rdflib import Graph

from graphbuild.engine.model import MAX_DOC_CHARS  # noqa: F401  (re-exported)
from graphbuild.extract import ArticleExtraction
from graphbuild.gazetteer import load_gazetteer
from graphbuild.rdf import to_graph
from graphbuild.resolve import Resolution, resolve

#: Articles per graph chunk written to the output.
CHUNK_ARTICLES = 256
#: Articles looked up in the cache at once.
CACHE_WINDOW = 256


def extract_articles(articles: Iterable, *, gazetteer: Iterable[str] = (), batch_size: int = 32,
                     jobs: int = 1, on_article: Callable[[ArticleExtraction], None] | None = None,
                     cache=None, engine=None) -> Iterator[ArticleExtraction]:
    """Extractions of ``articles``, one per article.

    ``cache`` (a :class:`graphbuild.cache.ExtractionCache`) answers for the articles it
    holds and keeps the new ones; the rest go to ``engine`` (default: a
    :class:`~graphbuild.engine.local.LocalEngine` with ``jobs`` processes). Articles
    from the cache may come out before articles still being parsed.
    """
    from graphbuild.engine.local import LocalEngine

    gazetteer = tuple(str(g) for g in gazetteer)
    own_engine = engine is None
    if own_engine:
        engine = LocalEngine(jobs=jobs, gazetteer=gazetteer, batch_size=batch_size)
    hits: deque = deque()
    waiting: deque = deque()  # articles sent to the engine, in order

    def misses() -> Iterator:
        window: list = []

        def flush():
            found = cache.get_many(window) if cache is not None else {}
            for index, article in enumerate(window):
                if index in found:
                    hits.append(found[index])
                else:
                    waiting.append(article)
                    yield article
            window.clear()

        for article in articles:
            window.append(article)
            if len(window) >= CACHE_WINDOW:
                yield from flush()
        yield from flush()

    to_store: list = []
    try:
        for ex in engine.extract(misses()):
            while hits:
                yield _seen(hits.popleft(), on_article)
            article = waiting.popleft()
            if cache is not None:
                to_store.append((article, ex))
                if len(to_store) >= CACHE_WINDOW:
                    cache.put_many(to_store)
                    to_store.clear()
            yield _seen(ex, on_article)
        while hits:
            yield _seen(hits.popleft(), on_article)
    finally:
        if cache is not None and to_store:
            cache.put_many(to_store)
        if own_engine:
            engine.close()


def _seen(ex: ArticleExtraction, on_article) -> ArticleExtraction:
    if on_article is not None:
        on_article(ex)
    return ex


def _sorted(extractions: Iterable[ArticleExtraction]) -> list[ArticleExtraction]:
    return sorted(extractions, key=lambda ex: (ex.article.id, ex.article.content_hash))


def resolution_of(extractions: list[ArticleExtraction], *, gazetteer: Iterable[str] = ()) -> Resolution:
    """Graph-wide keys and IRIs for the entities of ``extractions``."""
    gaz = load_gazetteer(extra=tuple(str(g) for g in gazetteer))
    return resolve(_sorted(extractions), gaz)


def graph_of(extractions: list[ArticleExtraction], *, gazetteer: Iterable[str] = ()) -> Graph:
    """Resolve ``extractions`` across articles and turn them into an RDF graph."""
    extractions = _sorted(extractions)
    return to_graph(extractions, resolution_of(extractions, gazetteer=gazetteer))


def _actors_with_parents(resolution: Resolution, needed: set[str]) -> dict:
    needed = set(needed)
    todo = list(needed)
    while todo:
        parent = resolution.actors[todo.pop()].of
        if parent and parent in resolution.actors and parent not in needed:
            needed.add(parent)
            todo.append(parent)
    return {key: resolution.actors[key] for key in needed}


def _restricted(resolution: Resolution, chunk: list[ArticleExtraction]) -> Resolution:
    """The part of ``resolution`` that ``chunk`` needs: its articles' keys, the actors
    they mention and the bodies those belong to."""
    keys = {ex.article.id: resolution.keys[ex.article.id] for ex in chunk}
    needed = {key for local in keys.values() for key in local.values()}
    return Resolution(_actors_with_parents(resolution, needed), keys)


def graph_chunks(extractions: list[ArticleExtraction], resolution: Resolution,
                 size: int = CHUNK_ARTICLES) -> Iterator[Graph]:
    """The graph of ``extractions`` as a series of small graphs whose union is
    ``to_graph(extractions, resolution)``: each holds ``size`` articles with the actors
    they mention (an actor mentioned in several chunks appears in each; RDF is a set)."""
    extractions = _sorted(extractions)
    for start in range(0, len(extractions), size):
        chunk = extractions[start:start + size]
        yield to_graph(chunk, _restricted(resolution, chunk))
    # the build node, and actors no article mentions (a parent's parent)
    mentioned = {key for local in resolution.keys.values() for key in local.values()}
    rest = {key for key in resolution.actors if key not in mentioned}
    yield to_graph([], Resolution(_actors_with_parents(resolution, rest), {}))


def _write_chunks(store, chunks: Iterable[Graph], validate: bool) -> int:
    from graphbuild.validate import check

    added = 0
    for chunk in chunks:
        if validate:
            check(chunk)
        added += store.add_graph(chunk)
    return added


def _check_all(chunks: Iterable[Graph]) -> None:
    from graphbuild.validate import check

    for chunk in chunks:
        check(chunk)


def export_store(store, output: str | Path) -> None:
    """Write the store's graph to ``output`` (format from the extension)."""
    from graphbuild.export import FORMATS, serialize, atomic_write_bytes
    from graphbuild.store import _BY_SUFFIX

    output = Path(output)
    if output.suffix.lower() in _BY_SUFFIX:
        store.export(output)
        return
    if output.suffix.lower() not in FORMATS:
        from graphbuild.errors import GraphFileError

        raise GraphFileError(f"cannot tell the RDF format of {output}: use one of {', '.join(sorted(FORMATS))}")
    import pyoxigraph as ox

    graph = Graph().parse(data=store.oxigraph.dump(format=ox.RdfFormat.N_TRIPLES,
                                                    from_graph=ox.DefaultGraph()), format="nt")
    atomic_write_bytes(output, serialize(graph, FORMATS[output.suffix.lower()]))


def build_to_file(extractions: Iterable[ArticleExtraction], output: str | Path, *,
                  gazetteer: Iterable[str] = (), validate: bool = True) -> dict:
    """Resolve ``extractions`` and write their graph to ``output`` through a temporary
    on-disk store (memory stays flat). Returns figures: articles, statements, triples.

    Raises :class:`~graphbuild.errors.InputError` when there is no extraction, and
    :class:`~graphbuild.errors.OntologyError` when a chunk breaks the shapes (nothing
    is written then).
    """
    from graphbuild.errors import InputError
    from graphbuild.store import Store

    extractions = list(extractions)
    if not extractions:
        raise InputError("no article could be read; nothing was written")
    resolution = resolution_of(extractions, gazetteer=gazetteer)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_stores(output.parent)
    tmp = tempfile.mkdtemp(prefix=f".graphbuild-store-{os.getpid()}-", dir=output.parent)
    try:
        with Store.open(Path(tmp) / "store") as store:
            _write_chunks(store, graph_chunks(extractions, resolution), validate)
            triples = store.triple_count()
            export_store(store, output)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {"articles": len(extractions), "triples": triples,
            "statements": sum(len(ex.relations) for ex in extractions)}


def _remove_stale_stores(directory: Path) -> None:
    """Remove the working stores that builds killed before they finished left behind
    (``.graphbuild-store-PID-XXXX`` whose process is gone)."""
    for path in directory.glob(".graphbuild-store-*"):
        parts = path.name.split("-")
        if len(parts) < 4 or not parts[2].isdigit():
            continue
        try:
            os.kill(int(parts[2]), 0)
        except ProcessLookupError:
            shutil.rmtree(path, ignore_errors=True)
        except OSError:
            pass  # alive, or not ours to signal


def build_articles(articles: Iterable, *, gazetteer: Iterable[str] = (), jobs: int = 1,
                   batch_size: int = 32, cache=None) -> Graph:
    """The knowledge graph of ``articles`` (:class:`graphbuild.articles.Article` records)."""
    gazetteer = tuple(str(g) for g in gazetteer)
    return graph_of(list(extract_articles(articles, gazetteer=gazetteer, jobs=jobs,
                                          batch_size=batch_size, cache=cache)), gazetteer=gazetteer)


def build(paths: Iterable[str], *, gazetteer: Iterable[str] = (), jobs: int = 1,
          skip_bad: bool = False) -> Graph:
    """The knowledge graph of the articles in ``paths`` (files and folders).

    Returns an :class:`rdflib.Graph`. Raises :class:`graphbuild.errors.InputError` for
    an unreadable article unless ``skip_bad``.
    """
    from graphbuild.articles import read_articles

    return build_articles(read_articles(list(paths), skip_bad=skip_bad), gazetteer=gazetteer, jobs=jobs)


def _actor_descriptions(resolution: Resolution) -> dict[str, set]:
    """Each actor's own triples (subject: the actor), by key."""
    from graphbuild.vocab import RESOURCE

    graph = to_graph([], resolution)
    by_iri: dict = {}
    for triple in graph:
        by_iri.setdefault(triple[0], set()).add(triple)
    return {key: by_iri.get(RESOURCE[actor.slug], set()) for key, actor in resolution.actors.items()}


def build_into_store(articles: Iterable, store_dir: str | Path, *, gazetteer: Iterable[str] = (),
                     validate: bool = True, extract: Callable[[Iterable], Iterable[ArticleExtraction]] | None = None,
                     ) -> dict:
    """Add ``articles`` to the Oxigraph store in ``store_dir`` (created when missing).

    An article whose text the store already holds is skipped without parsing; adding the
    same articles again adds no triple. New articles are resolved together with the
    ones in the store (their extractions are kept in the store's ledger,
    :class:`graphbuild.cache.Ledger`), so an actor keeps one IRI and the store ends up
    with the same graph a one-shot build of all its articles gives. Only what changes is
    written: the new articles, the descriptions of the actors they change (labels,
    aliases, mention counts), and, when a new article changes an actor's IRI (a surname
    seen before now has its full name), the old articles that mention it.

    ``extract`` turns articles into extractions (default: :func:`extract_articles`).
    Returns figures: new, skipped, rewritten articles, triples added and removed, total.
    """
    from graphbuild.cache import Ledger, text_hash
    from graphbuild.store import Store

    gazetteer = tuple(str(g) for g in gazetteer)
    extract = extract or (lambda arts: extract_articles(arts, gazetteer=gazetteer))
    with Store.open(store_dir) as store:
        ledger = Ledger(store_dir)
        try:
            old = ledger.extractions()
            seen = set(old)
            new_articles, skipped = [], 0
            for article in articles:
                digest = text_hash(article)
                if digest in seen:
                    skipped += 1
                    continue
                seen.add(digest)
                new_articles.append((digest, article))
            digests = {article.id: digest for digest, article in new_articles}
            # extractions may come out of order (cache hits first): match them by id
            new = [(digests[ex.article.id], ex) for ex in extract(a for _, a in new_articles)]
            stats = {"new": len(new), "skipped": skipped, "rewritten": 0, "added": 0, "removed": 0}
            if not new:
                stats["triples"] = store.triple_count()
                return stats
            before = resolution_of(list(old.values()), gazetteer=gazetteer)
            after = resolution_of(list(old.values()) + [ex for _, ex in new], gazetteer=gazetteer)

            def iris(resolution: Resolution, ex: ArticleExtraction) -> dict:
                return {i: resolution.actors[k].slug for i, k in resolution.keys[ex.article.id].items()}

            rewritten = [ex for ex in old.values() if iris(before, ex) != iris(after, ex)]
            desc_before, desc_after = _actor_descriptions(before), _actor_descriptions(after)
            changed = {k for k in set(desc_before) | set(desc_after)
                       if desc_before.get(k, set()) != desc_after.get(k, set())}
            removed: set = set()
            if rewritten:
                for chunk in graph_chunks(rewritten, before):
                    removed.update(chunk)
            for key in changed:
                removed.update(desc_before.get(key, ()))
            additions = graph_chunks(rewritten + [ex for _, ex in new], after)
            changed_desc = Graph()
            for key in changed:
                for triple in desc_after.get(key, ()):
                    changed_desc.add(triple)
            if removed:
                # a few articles and actors change: check everything, then write
                additions = list(additions)
                if validate:
                    _check_all(additions)
                keep = set()
                for chunk in additions + [changed_desc]:
                    keep.update(removed.intersection(chunk))
                store.remove(removed - keep)
                stats["removed"] = len(removed - keep)
                for chunk in additions + [changed_desc]:
                    stats["added"] += store.add_graph(chunk)
            else:
                # only additions: stream them (a first build of a large collection)
                stats["added"] = _write_chunks(store, itertools.chain(additions, [changed_desc]), validate)
            ledger.add(new)
            stats.update(rewritten=len(rewritten), triples=store.triple_count())
            return stats
        finally:
            ledger.close()
