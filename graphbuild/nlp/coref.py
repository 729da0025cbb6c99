"""Coreference of names within one article: one entity per actor.

``cluster_mentions`` groups the mentions of ``doc._.gb_mentions`` into entities:

- mentions the gazetteer resolved to one key are one entity (IS = ISIS = ISIL;
  Moscow = Russia);
- a surname or a shorter form of a name joins the person named in full
  ("Gatilov" -> "Gennady Gatilov"; "Mr Howard" -> "Michael Howard"), the most recent
  one when several share it;
- an organisation's shorter name or acronym joins the full name of the same type
  ("Foreign Ministry" -> "Russian Foreign Ministry"; "DJV" -> "German Federation of
  Journalists (DJV)").

``resolve_token`` then maps a token used as an argument of a relation to entities,
including pronouns ("he said"), descriptions ("the deputy foreign minister") and
metonyms ("the regime of Syrian President Bashar Assad" -> Syria).
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Mapping

from spacy.language import Language
from spacy.tokens import Doc, Token

from graphbuild.gazetteer import Gazetteer, group_base, load_gazetteer
from graphbuild.nlp.cues import (
    COMPANY_NOUNS, GOVERNMENT_NOUNS, HONORIFIC_WORDS, MEDIA_WORDS, ROLE_NOUNS, THIRD_PERSON, THIRD_PERSON_PLURAL,
)
from graphbuild.nlp.entities import gazetteer_of
from graphbuild.nlp.model import Entity, Mention

if not Doc.has_extension("gb_entities"):
    Doc.set_extension("gb_entities", default=None)
if not Doc.has_extension("gb_token_entity"):
    Doc.set_extension("gb_token_entity", default=None)


def _norm(text: str) -> str:
    text = text.replace("’", "'")
    text = re.sub(r"'s?$", "", text)
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def _person_tokens(text: str) -> list[str]:
    """The words of a person's name without the titles before it ("Mr", "Lady",
    "Sir"); a last word is the surname even if it is a title word ("Robert Seldon Lady")."""
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    start = 0
    while start < len(words) - 1 and words[start].lower().rstrip(".") in HONORIFIC_WORDS:
        start += 1
    return words[start:]


def _is_acronym(text: str) -> bool:
    """"DJV", "HoGeSa", "PiS": one word, capitalised, with two capitals or more."""
    return " " not in text and 2 <= len(text) <= 10 and text[:1].isupper() \
        and sum(c.isupper() for c in text) >= 2


def _initials(text: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", text) if w and w[0].isupper()]
    return "".join(w[0] for w in words)


def cluster_mentions(doc: Doc, mentions: list[Mention], gazetteer: Gazetteer) -> list[Entity]:
    """Group ``mentions`` into entities (setting ``Mention.entity``); a pure function."""
    entities: list[Entity] = []
    by_key: dict[str, int] = {}

    def new(m: Mention, name: str) -> int:
        ent = Entity(id=len(entities), type=m.type, name=name, kind=m.kind, key=m.key,
                     country=m.country)
        if m.key:
            entry = gazetteer.get(m.key)
            if entry is not None:
                ent.qid = entry.qid
                ent.name = entry.name
                if entry.type == "Country":
                    ent.country = entry.key
                elif entry.of and entry.of.startswith("country:"):
                    ent.country = entry.of
            by_key[m.key] = ent.id
        entities.append(ent)
        return ent.id

    home = home_country(Counter(m.key for m in mentions if m.type == "Country" and m.key))
    named = {m.key for m in mentions if m.type == "Country" and m.key}
    previous: Mention | None = None
    for m in mentions:
        eid = None
        if not m.key and m.kind == "org" and m.type in (None, "Group"):
            # "the Greens", "the Social Democrats" of an article about Germany, or of
            # the one country among theirs that it names
            group = gazetteer.group_of(home, m.text) if home else None
            if group is None:
                based = [e for e in gazetteer.candidates(m.text) if e.type == "Group" and e.country in named]
                group = based[0] if len(based) == 1 else None
            if group is not None:
                m.key, m.type = group.key, "Group"
        # "German Federation of Journalists (DJV)": an acronym in brackets names the
        # organisation just before it
        if previous is not None and previous.kind == "org" and m.kind == "org" \
                and (not m.key or previous.entity >= 0 and not entities[previous.entity].key) \
                and m.start >= 2 and doc[m.start - 1].text == "(" and previous.end == m.start - 1 \
                and _is_acronym(m.text) and previous.entity >= 0:
            eid = previous.entity
            known = gazetteer.get(m.key) if m.key else None
            if known is not None and not entities[eid].key and not any(e.key == known.key for e in entities):
                # "Christian Democratic Union (CDU)": the acronym tells which one
                ent = entities[eid]
                ent.aliases.add(ent.name)
                ent.key, ent.name, ent.qid, ent.type = known.key, known.name, known.qid, known.type
                by_key[known.key] = eid
            m.type = entities[eid].type
        elif m.key:
            eid = by_key.get(m.key)
            if eid is None:
                eid = new(m, m.text)
        elif m.kind == "person":
            eid = _match_person(entities, m.text)
            if eid is None:
                eid = new(m, " ".join(_person_tokens(m.text)) or m.text)
            else:
                full = " ".join(_person_tokens(m.text))
                if len(full.split()) > len(entities[eid].name.split()):
                    entities[eid].aliases.add(entities[eid].name)
                    entities[eid].name = full
        elif m.kind == "org" and len(m.text.split()) <= 3 and (eid := _match_person(entities, m.text, exact=True)) is not None:
            # "Gatilov added": spaCy's ORG for a surname already seen as a person
            m.kind, m.type = "person", entities[eid].type
        elif m.kind == "org" and not m.key and (eid := _full_name_of(entities, m.text)) is not None:
            # "Tolstoy's death ... wrote Leo Tolstoy": spaCy's ORG for the full name of a
            # person seen by surname
            m.kind, m.type = "person", entities[eid].type
            entities[eid].aliases.add(entities[eid].name)
            entities[eid].name = m.text
        else:
            eid = _match_org(entities, m)
            if eid is None:
                eid = new(m, m.text)
            elif len(m.text) > len(entities[eid].name) and not entities[eid].key:
                entities[eid].aliases.add(entities[eid].name)
                entities[eid].name = m.text
        m.entity = eid
        previous = m
        ent = entities[eid]
        ent.aliases.add(m.text)
        if m.surface and not m.surface.lower().startswith(("mr", "mrs", "ms", "dr", "miss")):
            ent.aliases.add(m.surface)  # "Lord Bingham": a title that is part of the name
        ent.mentions.append((m.start_char, m.end_char))
        if ent.country is None and m.country:
            ent.country = m.country
    _merge_surnames(entities, mentions)
    for ent in entities:
        ent.aliases.discard(ent.name)
    return entities


def home_country(counts: Mapping[str, int]) -> str | None:
    """The country an article is about, from its country mentions counted by key: two
    thirds or more of them, and at least two.

    >>> home_country({"country:DEU": 4, "country:FRA": 1}), home_country({"country:DEU": 1})
    ('country:DEU', None)
    """
    if not counts:
        return None
    best = max(sorted(counts), key=lambda k: counts[k])
    return best if counts[best] >= 2 and counts[best] * 3 >= sum(counts.values()) * 2 else None


def _merge_surnames(entities: list[Entity], mentions: list[Mention]) -> None:
    """A surname seen before the full name ("Xi ... Xi Jinping") joins the one person
    named in full with it; the emptied entity is left without a type."""
    for ent in entities:
        if ent.kind != "person" or ent.key or len(ent.name.split()) != 1:
            continue
        surname = ent.name.lower()
        fulls = [o for o in entities if o is not ent and o.kind == "person" and len(o.name.split()) > 1
                 and _person_tokens(o.name)[-1].lower() == surname]
        if len(fulls) != 1:
            continue
        full = fulls[0]
        for m in mentions:
            if m.entity == ent.id:
                m.entity = full.id
        full.aliases |= ent.aliases | {ent.name}
        full.mentions = sorted(full.mentions + ent.mentions)
        if full.type is None:
            full.type = ent.type
        ent.kind, ent.type, ent.mentions, ent.aliases = "merged", None, [], set()


def _full_name_of(entities: list[Entity], text: str) -> int | None:
    """The person known by one name whose full name ``text`` is: two capitalised words,
    the second that name ("Leo Tolstoy" of "Tolstoy")."""
    words = text.split()
    if len(words) != 2 or not all(w[:1].isupper() and w.isalpha() and not w.isupper() for w in words) \
            or words[0].lower() in ROLE_NOUNS | HONORIFIC_WORDS:
        return None
    for ent in reversed(entities):
        if ent.kind == "person" and not ent.key and ent.name == words[1]:
            return ent.id
    return None


def _match_person(entities: list[Entity], text: str, exact: bool = False) -> int | None:
    words = _person_tokens(text)
    if not words:
        return None
    if exact:
        for ent in reversed(entities):
            if ent.kind == "person":
                names = [w.lower() for w in _person_tokens(ent.name)]
                if [w.lower() for w in words] in (names, names[-len(words):]):
                    return ent.id
        return None
    for ent in reversed(entities):
        if ent.kind != "person" or (ent.key and len(words) > 1):
            continue
        names = _person_tokens(ent.name)
        if not names:
            continue
        if [w.lower() for w in names] == [w.lower() for w in words]:
            return ent.id
        if len(words) == 1 and words[0].lower() in {names[-1].lower()}:
            return ent.id
        if len(names) == 1 and names[0].lower() == words[-1].lower():
            return ent.id
        # "Bashar Assad" = "Bashar al-Assad"; "de Mistura" = "Staffan de Mistura"
        if len(words) > 1 and len(names) > 1 and words[-1].lower().split("-")[-1] == names[-1].lower().split("-")[-1] \
                and words[0].lower() == names[0].lower():
            return ent.id
        if len(words) > 1 and " ".join(words).lower() == " ".join(names[-len(words):]).lower():
            return ent.id
    return None


def _match_org(entities: list[Entity], m: Mention) -> int | None:
    norm = _norm(m.text)
    if len(norm.split()) == 1 and m.type == "Ministry":
        # "Parliament" after "the European Parliament": the body named in full before
        for ent in reversed(entities):
            if ent.kind == "org" and ent.type in {"Group", "Ministry"} and _norm(ent.name).endswith(" " + norm):
                m.type = ent.type
                return ent.id
    if len(norm.split()) >= 2 and m.type in (None, "Group", "Ministry"):
        # "the Parliamentary Assembly" after "the Parliamentary Assembly of the Council
        # of Europe": a body's name without what it belongs to
        for ent in reversed(entities):
            if ent.kind == "org" and ent.type in {"Group", "Ministry"} and any(
                    n.startswith(norm + " of ") for n in {_norm(ent.name)} | {_norm(a) for a in ent.aliases}):
                m.type = ent.type
                return ent.id
    for ent in reversed(entities):
        if ent.kind == "person" or ent.key:
            continue
        names = {_norm(ent.name)} | {_norm(a) for a in ent.aliases}
        if ent.type != m.type:
            if m.type is None and norm in names:
                m.type = ent.type  # the same name again, where its context says less
                return ent.id
            continue
        if norm in names:
            return ent.id
        for name in names:
            # a shorter form: "Foreign Ministry" of "Russian Foreign Ministry"
            if len(norm.split()) >= 2 and (name.endswith(" " + norm) or norm.endswith(" " + name)) \
                    and (m.country is None or ent.country in (None, m.country)):
                return ent.id
        if m.text.isupper() and 2 <= len(m.text) <= 6 and _initials(ent.name) == m.text:
            return ent.id
        if ent.type == "Group" and m.type in (None, "Group") and group_base(m.text) in {group_base(n) for n in names}:
            m.type = "Group"  # "the Greens" = "the Green Party" = "Green"
            return ent.id
    return _short_form(entities, m, norm)


def _short_form(entities: list[Entity], m: Mention, norm: str) -> int | None:
    """The one known group whose name ends with the mention: "Qaeda" of "al Qaeda",
    "The Times" of "The Sunday Times" (a shorter form used after the full one)."""
    if m.type not in (None, "Group") or not m.text[:1].isupper() or len(norm.split()) > 2:
        return None
    found = {ent.id for ent in entities if ent.key and ent.type == "Group" and ent.kind == "org"
             for name in {_norm(ent.name)} | {_norm(a) for a in ent.aliases}
             if name.endswith(" " + norm) and name != "the " + norm}
    if len(found) != 1:
        return None
    eid = found.pop()
    m.type = entities[eid].type
    return eid


def _entities_of(doc: Doc) -> list[Entity]:
    """The Doc's entity list itself (never a copy: entities added while resolving,
    such as the state a regime names, must land in it)."""
    if doc._.gb_entities is None:
        doc._.gb_entities = []
    return doc._.gb_entities


def token_entity_map(mentions: list[Mention]) -> dict[int, int]:
    """Token index -> entity id for every token inside a mention."""
    out: dict[int, int] = {}
    for m in mentions:
        for i in range(m.start, m.end):
            out[i] = m.entity
    return out


# ------------------------------------------------------------------ references
def resolve_token(doc: Doc, token: Token, *, expand_conj: bool = True) -> list[int]:
    """Entities a token used as an argument refers to (empty when none).

    Handles a token inside a mention, the head of a phrase whose compound or
    apposition is a mention, conjunctions ("the United States and its allies"),
    government metonyms ("the Syrian government", "Assad's regime", "the regime of
    Syrian President Bashar Assad"), descriptions ("the deputy foreign minister") and
    third-person pronouns (the most recent official or person before the token).
    """
    found: list[int] = []
    _resolve_one(doc, token, found)
    if expand_conj:
        for conj in token.conjuncts:
            if conj.i > token.i:
                _resolve_one(doc, conj, found)
    return found


def _add(found: list[int], eid: int | None) -> None:
    if eid is not None and eid >= 0 and eid not in found:
        found.append(eid)


def _resolve_one(doc: Doc, token: Token, found: list[int]) -> None:
    tmap: dict[int, int] = doc._.gb_token_entity or {}
    entities: list[Entity] = _entities_of(doc)
    if token.i in tmap:
        _add(found, tmap[token.i])
        return
    lower = token.lower_
    # "the regime of Syrian President Bashar Assad", "Assad's regime", "the Syrian government"
    if lower in GOVERNMENT_NOUNS:
        owner = _government_owner(doc, token)
        if owner is not None:
            _add(found, owner)
        return
    # a phrase whose compound / apposition / 'of' object names the actor:
    # "state news agency RIA Novosti", "the United Nations' special envoy, Staffan de Mistura"
    if token.tag_ in {"NNS", "NNPS"} and token.i not in tmap and (
            token.lemma_.lower() in ROLE_NOUNS | _ACTOR_KINDS or lower in ROLE_NOUNS):
        # "Leading politicians - Chancellor X and Defense Minister Y - accused ...",
        # "two countries, Russia and China, ...": every actor the apposition lists
        listed = [tmap[t.i] for c in token.children if c.dep_ == "appos" for t in c.subtree if t.i in tmap]
        if listed:
            for eid in listed:
                _add(found, eid)
            return
    for child in token.children:
        if child.dep_ == "appos":
            sub = resolve_token(doc, child, expand_conj=False)
            if sub:
                for eid in sub:
                    _add(found, eid)
                return
    for child in token.children:
        if child.dep_ == "compound" and child.i in tmap and token.lower_ not in ROLE_NOUNS:
            if token.lower_ in COMPANY_NOUNS - {"group"} and entities[tmap[child.i]].type == "Country":
                return  # "the US firm": a business of the state, not the state
            _add(found, tmap[child.i])
            return
    if token.pos_ == "PRON":
        eid = _resolve_pronoun(doc, token, entities, tmap)
        _add(found, eid)
        return
    pair = _the_two(doc, token, entities, tmap)
    if pair:
        for eid in pair:
            _add(found, eid)
        return
    if lower in ROLE_NOUNS or token.lemma_ in ROLE_NOUNS:
        if token.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children):
            # "US and British leaders", "BBC journalists", "an Evening Standard journalist":
            # people left unnamed, who act for the bodies named
            for child in token.children:
                if child.dep_ in {"compound", "amod", "nmod"}:
                    for eid in _body_modifier(doc, child, entities, tmap):
                        _add(found, eid)
            return
        eid = _resolve_description(doc, token, entities, tmap)
        _add(found, eid)
        return
    if lower in ORG_DESCRIPTIONS and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children):
        # "accused the magazine of treason": the most recent organisation introduced as
        # one ("Spiegel news magazine", "the magazine Der Spiegel")
        for i in range(token.i - 1, max(-1, token.i - 600), -1):
            eid = tmap.get(i)
            if eid is None or entities[eid].kind != "org":
                continue
            near = doc[max(0, i - 3):min(len(doc), i + 4)]
            if any(t.lemma_ == token.lemma_ and t.i not in tmap for t in near):
                _add(found, eid)
                return


#: Plural nouns whose apposition lists actors ("two countries, Russia and China").
_ACTOR_KINDS = frozenset({"country", "nation", "state", "government", "party", "group", "organisation",
                          "organization", "politician", "power", "side", "ally", "neighbour", "neighbor",
                          "movement", "militia", "body", "institution", "agency", "member"})

#: Common nouns that refer back to a named organisation ("the magazine", "the party").
ORG_DESCRIPTIONS = frozenset({
    "magazine", "newspaper", "paper", "daily", "weekly", "broadcaster", "party", "ministry",
    "organisation", "organization", "movement", "agency", "militia", "group", "alliance",
    "coalition", "union", "charity", "company", "firm", "watchdog", "commission",
})


#: Plural nouns that "the two ..." uses for two states, or for two officials.
_TWO_STATES = frozenset({"country", "nation", "state", "side", "government", "neighbour", "neighbor"})
_TWO_PEOPLE = frozenset({"leader", "head", "president", "minister", "man", "premier", "chancellor"})


_PARTY_NAME_WORDS = frozenset({"party", "democrats", "republicans", "socialists", "greens", "liberals",
                               "conservatives", "tories", "labour", "front", "alliance", "movement",
                               "democratic", "conservative", "socialist", "green", "liberal"})


def is_party(ent: Entity, gazetteer: Gazetteer | None = None) -> bool:
    """Whether a group is a political party: a party word in one of its names, or a
    group the gazetteer bases in a state that is no outlet ("SPD", "Likud")."""
    names = {ent.name, *ent.aliases}
    if any(set(_norm(n).split()) & _PARTY_NAME_WORDS for n in names):
        return True
    entry = gazetteer.get(ent.key) if gazetteer is not None and ent.key else None
    return entry is not None and entry.country is not None and not any(
        set(_norm(n).split()) & MEDIA_WORDS for n in entry.names)


def _the_two(doc: Doc, token: Token, entities: list[Entity], tmap: dict[int, int]) -> list[int]:
    """"the two countries", "the two heads of state", "both parties": the last two
    states (officials, parties) named before, within the previous four sentences."""
    if token.tag_ not in {"NNS", "NNPS"} or not any(
            c.lower_ in {"two", "both"} and c.dep_ in {"nummod", "det", "predet"} for c in token.children):
        return []
    lemma = token.lemma_.lower()
    if lemma in _TWO_STATES:
        wanted = "Country"
    elif lemma in _TWO_PEOPLE:
        wanted = "Official"
    elif lemma == "party":
        wanted = "Group"
    else:
        return []
    sents = [s for s in doc.sents if s.start <= token.i]
    first = sents[-5].start if len(sents) >= 5 else 0
    # "X warned both parties": X is not one of them
    doers = {tmap[t.i] for c in token.head.children if c.dep_ == "nsubj" and c.i != token.i
             for t in c.subtree if t.i in tmap}
    seen: list[int] = []
    for i in range(token.i - 1, first - 1, -1):
        eid = tmap.get(i)
        if eid is not None and eid not in seen and eid not in doers and entities[eid].type == wanted \
                and (lemma != "party" or is_party(entities[eid])):
            seen.append(eid)
            if len(seen) == 2:
                return sorted(seen)
    return []


def _body_modifier(doc: Doc, token: Token, entities: list[Entity], tmap: dict[int, int]) -> list[int]:
    """Bodies named by a modifier and its conjuncts: countries, demonyms included ("US and
    British"), and organisations ("BBC")."""
    out: list[int] = []
    for tok in [token, *token.conjuncts]:
        if tok.i in tmap and (entities[tmap[tok.i]].type in {"Country", "Ministry", "Group"}
                              or entities[tmap[tok.i]].kind == "org"):
            out.append(tmap[tok.i])
            continue
        entry = gazetteer_of(doc).country_of_demonym(tok.text)
        if entry is not None:
            for ent in entities:
                if ent.key == entry.key:
                    out.append(ent.id)
                    break
            else:
                ent = Entity(id=len(entities), type="Country", name=entry.name, kind="implied",
                             key=entry.key, qid=entry.qid, country=entry.key)
                entities.append(ent)
                out.append(ent.id)
    return out


def _government_owner(doc: Doc, token: Token) -> int | None:
    tmap = doc._.gb_token_entity or {}
    entities = _entities_of(doc)
    for child in token.children:
        if child.dep_ in {"poss", "amod", "compound", "nmod"} and child.i in tmap:
            return _country_of(doc, entities, tmap[child.i])
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    ids = resolve_token(doc, pobj, expand_conj=False)
                    if ids:
                        return _country_of(doc, entities, ids[0])
    return None


def _country_of(doc: Doc, entities: list[Entity], eid: int) -> int | None:
    ent = entities[eid]
    if ent.type == "Country":
        return eid
    if ent.country:
        for other in entities:
            if other.key == ent.country:
                return other.id
        # "Assad's regime" names Syria even where the article never does
        entry = gazetteer_of(doc).get(ent.country)
        if entry is not None:
            country = Entity(id=len(entities), type="Country", name=entry.name, kind="implied",
                             key=entry.key, qid=entry.qid, country=entry.key)
            entities.append(country)
            return country.id
    return eid if ent.type in {"Ministry", "Group"} else None


def _resolve_pronoun(doc: Doc, token: Token, entities: list[Entity], tmap: dict[int, int]) -> int | None:
    lower = token.lower_
    if lower in {"him", "her"} and token.dep_ in {"dobj", "pobj", "dative", "nsubj"}:
        # an object pronoun does not refer to the subject of its own clause
        # ("Sturgeon wrote to Mr McConnell accusing him"): the most recent other person
        own = set()
        verb = token.head.head if token.dep_ == "pobj" else token.head
        clause = [verb]
        if verb.dep_ in {"xcomp", "advcl", "conj"} and verb.head.i != verb.i:
            clause.append(verb.head)  # "wrote to X accusing him": the writer accuses
        for v in clause:
            for t in v.children:
                if t.dep_ in {"nsubj", "nsubjpass"} and t.i in tmap:
                    own.add(tmap[t.i])
        for i in range(token.i - 1, max(-1, token.i - 400), -1):
            eid = tmap.get(i)
            if eid is not None and entities[eid].kind == "person" and eid not in own:
                return eid
        return None
    if lower in {"his", "her"} and token.dep_ == "poss":
        # "Cameron's concessions had shown his incompetence": the person heading its
        # own clause's subject
        verb = token.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        for subj in verb.children:
            if subj.dep_ in {"nsubj", "nsubjpass"} and subj.i < token.i:
                for t in (subj, *[c for c in subj.children if c.dep_ == "poss"]):
                    eid = tmap.get(t.i)
                    if eid is not None and entities[eid].kind == "person":
                        return eid
    if lower in THIRD_PERSON:
        # the most recent person before the pronoun, preferring subjects
        best = None
        # "He told Ms Sturgeon": not the person the pronoun's own verb is done to
        others = {tmap[t.i] for c in token.head.children if c.dep_ in {"dobj", "dative"} and c.i > token.i
                  for t in c.subtree if t.i in tmap} if token.dep_ == "nsubj" else set()
        for i in range(token.i - 1, max(-1, token.i - 400), -1):
            eid = tmap.get(i)
            if eid in others:
                continue
            if eid is None and doc[i].dep_ in {"nsubj", "nsubjpass"} and doc[i].lower_ in ROLE_NOUNS \
                    and any(c.lower_ == "the" for c in doc[i].children):
                # "the first minister said ... He told Ms Sturgeon": the official described
                eid = _resolve_description(doc, doc[i], entities, tmap)
                if eid is not None:
                    return eid if best is None else best
                continue
            if eid is not None and entities[eid].kind == "person":
                if doc[i].dep_ in {"nsubj", "nsubjpass"} or best is None:
                    if doc[i].dep_ in {"nsubj", "nsubjpass"}:
                        return eid
                    best = best if best is not None else eid
        return best
    if lower in {"its", "it"}:
        # the most recent organisation or state, preferring subjects
        best = None
        for i in range(token.i - 1, max(-1, token.i - 200), -1):
            eid = tmap.get(i)
            if eid is not None and entities[eid].kind in {"org", "gpe", "government", "bloc"}:
                if doc[i].dep_ in {"nsubj", "nsubjpass"} or doc[i].head.dep_ in {"nsubj", "nsubjpass"}:
                    return eid
                best = eid if best is None else best
        return best if lower == "its" else None
    if lower in THIRD_PERSON_PLURAL:
        return None
    return None


def _resolve_description(doc: Doc, token: Token, entities: list[Entity], tmap: dict[int, int]) -> int | None:
    """ "the deputy foreign minister" -> the official who holds that post in this article."""
    words = [t.lower_ for t in token.subtree if t.i <= token.i and t.dep_ != "det" and t.pos_ != "DET"]
    phrase = " ".join(words)
    gaz = doc._.gb_gazetteer
    demonyms = (gaz.country_of_demonym(t.text) for t in token.subtree
                if gaz is not None and t.i < token.i and t.dep_ in {"amod", "compound"})
    demonym = next((d for d in demonyms if d is not None), None)
    best = None
    later: set[int] = set()
    for ent in entities:
        if ent.kind != "person" or not ent.mentions:
            continue
        if demonym is not None and ent.country not in (None, demonym.key):
            continue  # "the Polish foreign minister" is no German one
        for post in ent.posts:
            post_l = post.lower()
            if post_l.endswith(phrase) or phrase.endswith(post_l):
                sent = token.sent
                if ent.mentions[0][0] < token.idx or sent.start_char <= ent.mentions[0][0] < sent.end_char:
                    best = ent.id
                else:
                    later.add(ent.id)
    if best is None and len(later) == 1 and token.sent.start < _lead_end(doc):
        # a lead that names the post before the person: "... the Polish foreign minister
        # bashed US leaders. ... Foreign Minister Radoslaw Sikorski said"
        best = later.pop()
    return best


def _lead_end(doc: Doc) -> int:
    """The token where an article's lead ends: after its first three sentences."""
    for n, sent in enumerate(doc.sents):
        if n == 2:
            return sent.end
    return len(doc)


@Language.factory(
    "graphbuild_coref",
    requires=["doc._.gb_mentions", "token.dep"],
    assigns=["doc._.gb_entities", "doc._.gb_token_entity"],
    default_config={"gazetteer": []},
)
def make_coref(nlp: Language, name: str, gazetteer: list[str]):
    return CorefComponent(load_gazetteer(extra=tuple(gazetteer)))


class CorefComponent:
    """Writes :func:`cluster_mentions` to ``doc._.gb_entities``."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc._.gb_mentions or []
        doc._.gb_entities = cluster_mentions(doc, mentions, self.gazetteer)
        doc._.gb_token_entity = token_entity_map(mentions)
        return doc
