"""Resolution across articles: one key, and so one IRI, per actor.

Keys are stable: they depend on the actor's names, never on the order articles are
read in. The rules:

- an actor the gazetteer knows keeps the gazetteer's key ("country:RUS");
- a body of a country is keyed by the country and its name without the demonym
  ("Russian Foreign Ministry" and "Foreign Ministry" of Russia are one);
- an official is keyed by the full name; a surname seen alone in one article joins the
  one official with that surname seen in full elsewhere; two spellings of one name
  ("Zabihullah" and "Zabiullah Mujahid") are one official;
- anything else by its type and name.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from graphbuild.extract import ArticleExtraction
from graphbuild.gazetteer import Gazetteer, group_base


def slugify(text: str) -> str:
    """A lower-case, ASCII, hyphenated slug.

    >>> slugify("Russian Foreign Ministry's")
    'russian-foreign-ministry-s'
    >>> slugify("Staffan de Mistura")
    'staffan-de-mistura'
    >>> slugify("  ")
    'x'
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()
    return text or "x"


@dataclass
class Actor:
    """One actor of the graph, merged over every article that mentions it."""

    key: str
    type: str
    label: str = ""
    aliases: set[str] = field(default_factory=set)
    qid: str | None = None
    of: str | None = None  # key
    country: str | None = None
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    posts: set[str] = field(default_factory=set)
    slug: str = ""
    names: Counter = field(default_factory=Counter)


def _strip_country_words(name: str, country: str | None, gaz: Gazetteer) -> str:
    words = name.split()
    if country and len(words) > 1:
        entry = gaz.country_of_demonym(words[0].rstrip("'s"))
        if entry is not None and entry.key == country:
            return " ".join(words[1:])
        entry = gaz.lookup(words[0].rstrip("'s").rstrip("'"))
        if entry is not None and entry.key == country:
            return " ".join(words[1:])
    return name


def _without_demonym(name: str, gaz: Gazetteer) -> str:
    """A body's name without the demonym it begins with: "Sex Party" of "Australian Sex
    Party" (the name itself where it begins with none)."""
    words = name.split()
    entry = gaz.country_of_demonym(words[0]) if len(words) > 2 and words[0][:1].isupper() else None
    return _strip_country_words(name, entry.key, gaz) if entry is not None else name


def local_key(ent: dict, gaz: Gazetteer) -> str:
    """The graph-wide key of one article's entity (before surname merging)."""
    if ent.get("key"):
        return ent["key"]
    type_ = ent["type"].lower()
    if ent["type"] == "Ministry" and ent.get("country"):
        rest = _strip_country_words(ent["name"], ent["country"], gaz)
        return f"ministry:{ent['country']}:{slugify(rest)}"
    if ent["type"] == "Group":
        # "Greens" in one article, "the Green Party" in another: one group
        return f"group:{slugify(group_base(ent['name']))}"
    return f"{type_}:{slugify(ent['name'])}"


def name_skeleton(name: str) -> str:
    """A full name without its "h"s and doubled letters: spellings of one name in two
    transliterations share it.

    >>> name_skeleton("Zabihullah Mujahid") == name_skeleton("Zabiullah Mujahid")
    True
    >>> name_skeleton("Muammar Gaddafi") == name_skeleton("Muammar Gadhafi")
    True
    >>> name_skeleton("Mohammed Morsi") == name_skeleton("Mohamed Morsi")
    True
    >>> name_skeleton("John Smith") == name_skeleton("Jane Smith")
    False
    """
    words = []
    for word in slugify(name).split("-"):
        words.append(re.sub(r"(.)\1+", r"\1", word.replace("h", "")) or word)
    return " ".join(words)


@dataclass
class Resolution:
    """Actors by key, and each article's entity ids mapped to keys."""

    actors: dict[str, Actor]
    keys: dict[str, dict[int, str]]  # article id -> local entity id -> key


def resolve(extractions: list[ArticleExtraction], gaz: Gazetteer) -> Resolution:
    """Merge the entities of all ``extractions`` into graph-wide actors."""
    keys: dict[str, dict[int, str]] = {}
    actors: dict[str, Actor] = {}
    for ex in extractions:
        local: dict[int, str] = {}
        for ent in ex.entities:
            local[ent["id"]] = local_key(ent, gaz)
        keys[ex.article.id] = local
    # one name spelt in two transliterations ("Zabihullah" and "Zabiullah Mujahid") is
    # one official: the gazetteer's if it knows one of them, else the key that sorts first
    by_skeleton: dict[str, set[str]] = defaultdict(set)
    known: set[str] = set()
    for ex in extractions:
        for ent in ex.entities:
            if ent["type"] == "Official" and len(ent["name"].split()) > 1:
                by_skeleton[name_skeleton(ent["name"])].add(keys[ex.article.id][ent["id"]])
                if ent.get("key"):
                    known.add(ent["key"])
    spelling = {}
    for group in by_skeleton.values():
        keyed = group & known
        if len(keyed) <= 1:
            target = min(keyed or group)
            spelling.update((key, target) for key in group)
    for local in keys.values():
        for eid, key in local.items():
            local[eid] = spelling.get(key, key)
    # surnames seen alone join the one official with that surname in full
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    for ex in extractions:
        for ent in ex.entities:
            if ent["type"] == "Official" and not ent.get("key") and len(ent["name"].split()) > 1:
                full_by_surname[ent["name"].split()[-1].lower()].add(keys[ex.article.id][ent["id"]])
    for ex in extractions:
        for ent in ex.entities:
            if ent["type"] == "Official" and not ent.get("key") and len(ent["name"].split()) == 1:
                fulls = full_by_surname.get(ent["name"].lower(), set())
                if len(fulls) == 1:
                    keys[ex.article.id][ent["id"]] = next(iter(fulls))
    for ex in extractions:
        local = keys[ex.article.id]
        for ent in ex.entities:
            key = local[ent["id"]]
            actor = actors.get(key)
            if actor is None:
                actor = actors[key] = Actor(key=key, type=ent["type"])
            actor.names[ent["name"]] += 1
            actor.aliases.update(ent["aliases"])
            actor.aliases.add(ent["name"])
            if ent["type"] in {"Ministry", "Group"} and not ent.get("key"):
                # "Nigerian Army Corps of Military Police", "the Australian Sex Party" are
                # also written without the demonym
                bare = _without_demonym(ent["name"], gaz)
                if bare != ent["name"] and len(bare.split()) > 1:
                    actor.aliases.add(bare)
            actor.mentions += max(1, len(ent["mentions"]))
            actor.articles.add(ex.article.id)
            actor.posts.update(ent.get("posts", []))
            if ent.get("qid") and not actor.qid:
                actor.qid = ent["qid"]
            if ent.get("country") and not actor.country:
                actor.country = ent["country"]
            if ent.get("of") is not None and ent["of"] in local and not actor.of:
                parent = local[ent["of"]]
                if parent != key:
                    actor.of = parent
    for actor in actors.values():
        entry = gaz.get(actor.key) if ":" in actor.key else None
        if entry is not None:
            actor.label = entry.name
            actor.qid = actor.qid or entry.qid
            # the names the gazetteer knows the actor by
            actor.aliases.update(a for a in entry.aliases if a not in entry.shared_aliases)
            if entry.of and not actor.of:
                actor.of = entry.of
        else:
            actor.label = sorted(actor.names, key=lambda n: (-len(n.split()) if actor.type != "Group" else 0,
                                                             -actor.names[n], -len(n), n))[0]
        actor.aliases.discard(actor.label)
        actor.aliases = {a for a in actor.aliases if a.strip()}
    # a parent that is no actor of the graph (a gazetteer country never mentioned)
    for actor in list(actors.values()):
        if actor.of and actor.of not in actors:
            entry = gaz.get(actor.of)
            if entry is not None and actor.type != "Official":  # not a state a leader once led
                actors[actor.of] = Actor(key=entry.key, type=entry.type, label=entry.name, qid=entry.qid)
            else:
                actor.of = None
    _assign_slugs(actors)
    return Resolution(actors, keys)


def _assign_slugs(actors: dict[str, Actor]) -> None:
    used: dict[str, str] = {}
    for key in sorted(actors):
        actor = actors[key]
        base = slugify(actor.label)
        if actor.type == "Ministry" and actor.country and actor.of is None:
            base = slugify(actor.country.split(":")[-1] + " " + actor.label)
        slug = f"{actor.type.lower()}/{base}"
        if slug in used and used[slug] != key:
            slug += "-" + hashlib.sha1(key.encode()).hexdigest()[:6]
        used[slug] = key
        actor.slug = slug
