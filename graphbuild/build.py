"""Composes the stages: read -> annotate -> extract -> resolve -> to-RDF.

>>> graph = build(["examples"])                       # doctest: +SKIP
>>> graph.serialize(format="turtle")                  # doctest: +SKIP

The build is also available per stage: :func:`extract_articles` streams
per-article extractions (cacheable, mergeable), :func:`graph_of` turns a list of
extractions into the graph.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator

from rdflib import Graph

from graphbuild.extract import ArticleExtraction, extract_doc
from graphbuild.gazetteer import load_gazetteer
from graphbuild.rdf import to_graph
from graphbuild.resolve import resolve

#: Articles longer than this are parsed in pieces (spaCy's own limit is 1,000,000).
MAX_DOC_CHARS = 900_000


def extract_articles(articles: Iterable, *, gazetteer: Iterable[str] = (), batch_size: int = 32,
                     jobs: int = 1, on_article: Callable[[ArticleExtraction], None] | None = None,
                     ) -> Iterator[ArticleExtraction]:
    """Run the NLP pipeline over ``articles``, yielding one extraction per article."""
    from graphbuild.nlp.pipeline import shared_nlp

    nlp = shared_nlp(tuple(str(g) for g in gazetteer))

    def texts():
        for art in articles:
            yield art.text[:MAX_DOC_CHARS], art

    kwargs = {"batch_size": batch_size, "as_tuples": True}
    if jobs > 1:
        kwargs["n_process"] = jobs
    for doc, art in nlp.pipe(texts(), **kwargs):
        ex = extract_doc(doc, art)
        if on_article is not None:
            on_article(ex)
        yield ex


def graph_of(extractions: list[ArticleExtraction], *, gazetteer: Iterable[str] = ()) -> Graph:
    """Resolve ``extractions`` across articles and turn them into an RDF graph."""
    gaz = load_gazetteer(extra=tuple(str(g) for g in gazetteer))
    extractions = sorted(extractions, key=lambda ex: (ex.article.id, ex.article.content_hash))
    return to_graph(extractions, resolve(extractions, gaz))


def build_articles(articles: Iterable, *, gazetteer: Iterable[str] = (), jobs: int = 1,
                   batch_size: int = 32) -> Graph:
    """The knowledge graph of ``articles`` (:class:`graphbuild.articles.Article` records)."""
    gazetteer = tuple(str(g) for g in gazetteer)
    return graph_of(list(extract_articles(articles, gazetteer=gazetteer, jobs=jobs,
                                          batch_size=batch_size)), gazetteer=gazetteer)


def build(paths: Iterable[str], *, gazetteer: Iterable[str] = (), jobs: int = 1,
          skip_bad: bool = False) -> Graph:
    """The knowledge graph of the articles in ``paths`` (files and folders).

    Returns an :class:`rdflib.Graph`. Raises :class:`graphbuild.errors.InputError` for
    an unreadable article unless ``skip_bad``.
    """
    from graphbuild.articles import read_articles

    return build_articles(read_articles(list(paths), skip_bad=skip_bad), gazetteer=gazetteer, jobs=jobs)
