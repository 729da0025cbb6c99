"""Paragraph boundaries are sentence boundaries.

A title, a byline and a first paragraph parsed as one sentence merge their
relations; a line break in news text always ends a sentence. The parser respects
sentence starts set before it runs.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence at the first token after a line break.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = mark_paragraphs(nlp("A title\\n\\nThe first line."))
    >>> [t.text for t in doc if t.is_sent_start]
    ['A', 'The']
    """
    for i, token in enumerate(doc):
        if i == 0:
            token.is_sent_start = True
            continue
        prev = doc[i - 1]
        if "\n" in prev.text and prev.is_space or "\n" in prev.whitespace_:
            token.is_sent_start = True
        # elsewhere the parser decides
    return doc


@Language.component(
    "graphbuild_paragraphs",
    assigns=["token.is_sent_start"],
)
def paragraphs_component(doc: Doc) -> Doc:
    return mark_paragraphs(doc)
