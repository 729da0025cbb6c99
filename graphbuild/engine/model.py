"""The language model as the build runs it: graphbuild's pipeline with a fast ruler.

:func:`graphbuild.nlp.pipeline.load_nlp` feeds the gazetteer to spaCy's ``entity_ruler``
as token patterns (``{"ORTH": {"IN": [...]}}`` per token). spaCy's token ``Matcher``
tries every pattern at every token, which made the ruler alone cost twice the whole
model on news text. The same patterns expand into phrase patterns, one per
combination of the variants a token may take, which spaCy's ``PhraseMatcher`` finds by
hash lookup: :func:`phrase_patterns`. Matches are the same, with one documented
difference: a head word matched by ``LOWER`` ("government" in "Russian government")
matches as written in lower case, Capitalised or in CAPITALS, not in mixed case
("GoVernment"). A pattern whose expansion would not tokenize back to the same tokens,
or has any other token attribute, stays a token pattern.

:func:`build_nlp` is the pipeline every engine uses (one per process, cached);
:func:`extract_batch` runs it over article texts and returns extractions.
"""
from __future__ import annotations

import itertools
from functools import lru_cache
from typing import Any, Iterable, Iterator

from spacy.language import Language

from graphbuild.extract import ArticleExtraction, extract_doc

#: Articles longer than this are cut (spaCy's own limit is 1,000,000 characters).
MAX_DOC_CHARS = 900_000
#: A token pattern with more combinations than this stays a token pattern.
MAX_EXPANSION = 512


def _variants(token: dict[str, Any]) -> list[str] | None:
    if set(token) == {"ORTH"}:
        value = token["ORTH"]
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return sorted(value["IN"])
        return None
    if set(token) == {"LOWER"}:
        value = token["LOWER"]
        words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
        if words is None or (isinstance(value, dict) and set(value) != {"IN"}):
            return None
        return sorted({form for word in words for form in (word, word.capitalize(), word.upper())})
    return None


def phrase_patterns(patterns: Iterable[dict[str, Any]], tokenizer) -> list[dict[str, Any]]:
    """``patterns`` for an ``entity_ruler``, token patterns expanded into phrases.

    >>> import spacy
    >>> tokenizer = spacy.blank("en").tokenizer
    >>> phrase_patterns([{"label": "GPE", "id": "country:RUS",
    ...                   "pattern": [{"ORTH": {"IN": ["RUSSIAN", "Russian"]}},
    ...                               {"LOWER": "government"}]}], tokenizer)[:2]
    [{'label': 'GPE', 'pattern': 'RUSSIAN GOVERNMENT', 'id': 'country:RUS'}, {'label': 'GPE', 'pattern': 'RUSSIAN Government', 'id': 'country:RUS'}]
    >>> phrase_patterns([{"label": "ORG", "pattern": [{"IS_TITLE": True}]}], tokenizer)
    [{'label': 'ORG', 'pattern': [{'IS_TITLE': True}]}]
    """
    out: list[dict[str, Any]] = []
    for pattern in patterns:
        tokens = pattern["pattern"]
        alternatives = [_variants(t) for t in tokens] if isinstance(tokens, list) else None
        expanded = None
        if alternatives and all(alternatives):
            size = 1
            for alt in alternatives:
                size *= len(alt)
            if size <= MAX_EXPANSION:
                expanded = []
                for combo in itertools.product(*alternatives):
                    text = " ".join(combo)
                    if tuple(t.text for t in tokenizer(text)) != combo:
                        expanded = None
                        break
                    phrase = {"label": pattern["label"], "pattern": text}
                    if "id" in pattern:
                        phrase["id"] = pattern["id"]
                    expanded.append(phrase)
        out.extend(expanded if expanded is not None else [pattern])
    return out


def build_nlp(gazetteer_files: tuple[str, ...] = ()) -> Language:
    """graphbuild's pipeline (:func:`~graphbuild.nlp.pipeline.load_nlp`) with the
    gazetteer ruler made of phrase patterns (see the module docstring)."""
    from graphbuild.gazetteer import load_gazetteer
    from graphbuild.nlp.pipeline import load_nlp

    nlp = load_nlp(tuple(gazetteer_files))
    if "entity_ruler" in nlp.pipe_names:
        old = nlp.get_pipe("entity_ruler")
        config = {"overwrite_ents": old.overwrite, "validate": False,
                  "phrase_matcher_attr": None}
        index = nlp.pipe_names.index("entity_ruler")
        nlp.remove_pipe("entity_ruler")
        ruler = nlp.add_pipe("entity_ruler", before=nlp.pipe_names[index], config=config)
        gaz = load_gazetteer(extra=tuple(gazetteer_files))
        with nlp.select_pipes(enable=[]):
            ruler.add_patterns(phrase_patterns(gaz.ruler_patterns(), nlp.tokenizer))
    return nlp


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
