"""The gazetteer's EntityRuler, fast: phrase patterns where token patterns are not needed.

The gazetteer gives token patterns (``{"ORTH": {"IN": [...]}}`` per token). spaCy's token
``Matcher`` tries every pattern at every token, which made the ruler alone cost twice
the whole model on news text. The same patterns expand into phrase patterns, one per
combination of the variants a token may take, which spaCy's ``PhraseMatcher`` finds by
hash lookup. Matches are the same, with one documented difference: a head word matched
by ``LOWER`` ("government" in "Russian government") matches as written in lower case,
Capitalised or in CAPITALS, not in mixed case ("GoVernment"). A pattern whose expansion
would not tokenize back to the same tokens, or has any other token attribute, stays a
token pattern.
"""
from __future__ import annotations

import itertools
from typing import Any, Iterable

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
