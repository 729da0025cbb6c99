"""Per-article extraction: a processed ``Doc`` -> an :class:`ArticleExtraction`.

An extraction holds only built-in types (it is cached as JSON and sent between
processes); the entities in it are local to the article until
:mod:`graphbuild.resolve` gives them graph-wide keys.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from spacy.tokens import Doc

ACTOR_TYPES = ("Official", "Ministry", "Country", "Group")


@dataclass
class ArticleInfo:
    """The article's metadata, as the graph records it."""

    id: str
    source_path: str
    content_hash: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    dateline: str | None = None

    @classmethod
    def of(cls, article) -> "ArticleInfo":
        return cls(**{f: getattr(article, f, None) for f in cls.__dataclass_fields__})


@dataclass
class ArticleExtraction:
    """What one article says: its actors and the relations between them."""

    article: ArticleInfo
    entities: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "ArticleExtraction":
        return cls(ArticleInfo(**data["article"]), data["entities"], data["relations"])


def extract_doc(doc: Doc, article) -> ArticleExtraction:
    """The typed entities and the relations of a Doc processed by graphbuild's pipeline.

    Entities without one of the four types (places, people with no public role) are
    left out, with the relations that involve them.
    """
    entities = doc._.gb_entities or []
    relations = doc._.gb_relations or []
    keep = {e.id for e in entities if e.type in ACTOR_TYPES}
    text = doc.text
    out_entities = []
    for ent in entities:
        if ent.id not in keep:
            continue
        data = ent.to_dict()
        if data["of"] is not None and data["of"] not in keep:
            data["of"] = None
        out_entities.append(data)
    out_relations = []
    for rel in relations:
        if rel.subject not in keep or rel.object not in keep:
            continue
        data = rel.to_dict()
        data["evidence"] = text[rel.sent_start:rel.sent_end]
        # trim whitespace while keeping offsets exact
        lead = len(data["evidence"]) - len(data["evidence"].lstrip())
        trail = len(data["evidence"]) - len(data["evidence"].rstrip())
        data["sent_start"] += lead
        data["sent_end"] -= trail
        data["evidence"] = text[data["sent_start"]:data["sent_end"]]
        out_relations.append(data)
    return ArticleExtraction(ArticleInfo.of(article), out_entities, out_relations)
