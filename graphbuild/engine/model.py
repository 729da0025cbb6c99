"""The language model as the build runs it: one graphbuild pipeline per process.

:func:`build_nlp` is the pipeline every engine uses (one per process, cached; its
gazetteer ruler is made fast in :mod:`graphbuild.nlp.ruler`); :func:`extract_batch`
runs it over article texts and returns extractions.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable, Iterator

from spacy.language import Language

from graphbuild.extract import ArticleExtraction, extract_doc

#: Articles longer than this are cut (spaCy's own limit is 1,000,000 characters).
MAX_DOC_CHARS = 900_000
from graphbuild.nlp.ruler import phrase_patterns  # noqa: F401  (re-exported)


def build_nlp(gazetteer_files: tuple[str, ...] = ()) -> Language:
    """graphbuild's pipeline (:func:`~graphbuild.nlp.pipeline.load_nlp`)."""
    from graphbuild.nlp.pipeline import load_nlp

    return load_nlp(tuple(gazetteer_files))


@lru_cache(maxsize=4)
def shared_build_nlp(gazetteer_files: tuple[str, ...] = ()) -> Language:
    """One :func:`build_nlp` per gazetteer set and process (a worker loads it once)."""
    return build_nlp(tuple(gazetteer_files))


def extract_batch(items: Iterable[tuple[Any, Any]], gazetteer_files: tuple[str, ...] = (),
                  batch_size: int = 32) -> Iterator[tuple[Any, ArticleExtraction]]:
    """Run the pipeline over ``(tag, article)`` pairs, yielding ``(tag, extraction)``.

    No Doc outlives its extraction: only the small extraction leaves.
    """
    nlp = shared_build_nlp(tuple(gazetteer_files))
    texts = ((article.text[:MAX_DOC_CHARS], (tag, article)) for tag, article in items)
    for doc, (tag, article) in nlp.pipe(texts, batch_size=batch_size, as_tuples=True):
        yield tag, extract_doc(doc, article)
