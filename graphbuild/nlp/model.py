"""Plain records the spaCy components write on a ``Doc``.

They hold only built-in types so a per-article extraction can be cached as JSON and
sent between processes.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

ACTOR_TYPES = ("Official", "Ministry", "Country", "Group")


@dataclass
class Mention:
    """A span of the text naming an actor (or a person who may be one)."""

    start: int  # token index
    end: int  # token index, exclusive (like Span.end)
    start_char: int
    end_char: int
    text: str  # the surface form, without a leading "the" or a trailing "'s"
    kind: str  # "person", "org", "gpe", "norp", "bloc", "government", "implied"
    type: str | None  # one of ACTOR_TYPES, or None while unknown (a person without a role)
    key: str | None = None  # gazetteer key, when the gazetteer knows the actor
    country: str | None = None  # gazetteer key of the country a body belongs to
    entity: int = -1  # index into doc._.gb_entities, set by coreference
    surface: str = ""  # the name as written, with a title kept ("Lord Bingham", "Mr Howard")


@dataclass
class Entity:
    """One actor of one article: all its mentions resolved together."""

    id: int
    type: str | None
    name: str
    kind: str
    key: str | None = None  # gazetteer key
    qid: str | None = None
    aliases: set[str] = field(default_factory=set)
    of: int | None = None  # entity id of the body or country it belongs to
    country: str | None = None  # gazetteer key of its country
    posts: list[str] = field(default_factory=list)  # "Deputy Foreign Minister"
    mentions: list[tuple[int, int]] = field(default_factory=list)  # char offsets

    def to_dict(self) -> dict:
        data = asdict(self)
        data["aliases"] = sorted(self.aliases)
        return data


@dataclass
class Relation:
    """One relation read off one sentence."""

    subject: int  # entity id
    predicate: str  # speaksFor | accuses | cooperatesWith
    object: int  # entity id
    polarity: str  # positive | negative
    sent_start: int  # char offsets of the evidence sentence
    sent_end: int
    cue: str
    method: str
    confidence: float

    def to_dict(self) -> dict:
        return asdict(self)
