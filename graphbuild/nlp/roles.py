"""Roles: who holds which post in which body, and so speaks for it.

A person named with a post is an ``Official`` who ``speaksFor`` the body of that post.
The post is read from three patterns of English news:

- a pre-modifying title: "Russian Deputy Foreign Minister Gennady Gatilov",
  "Tory leader Michael Howard", "US Attorney General Eric Holder";
- an apposition: "Ilya Rogachev, the head of the Russian Foreign Ministry's department
  of new challenges and threats", "the United Nations' special envoy for Syria,
  Staffan de Mistura", "Jack Law, chief executive of Alcohol Focus Scotland";
- a copula: "Mr Straw, who is foreign secretary", "X is the country's president".

The body is what the post names: an organisation in the title or its "of"/"at"
phrase or possessor, else a ministry the title implies ("Foreign Minister" -> the
country's foreign ministry; "Home Secretary" -> Home Office) and the country (a
demonym, a country name, or the country of the article's context).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from graphbuild.gazetteer import Gazetteer, load_gazetteer
from graphbuild.nlp.cues import (
    BODY_HEADS, COMPANY_NOUNS, CORPORATE_ROLES, CORPORATE_TITLES, HONORIFICS, MEDIA_WORDS, NATIONAL_BODY_HEADS,
    NON_ACTOR_ORG_WORDS, NON_OFFICIAL_ROLES, PORTFOLIOS_LONGEST_FIRST, ROLE_NOUNS, SPEECH_VERBS, STATE_ROLES, UK_POSTS,
)
from graphbuild.nlp.coref import home_country, is_party, resolve_token
from graphbuild.nlp.entities import PEER_TITLES, appositive_role, is_media_source
from graphbuild.nlp.model import Entity, Relation

if not Doc.has_extension("gb_roles"):
    Doc.set_extension("gb_roles", default=None)

SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen",
                    "spokeswomen", "spokespersons"})
LOCAL_ROLES = frozenset({"mayor", "governor", "councillor", "councilor", "alderman", "sheriff"})
MINISTERIAL = frozenset({"minister", "secretary", "ministers", "secretaries"})
TITLE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "punct", "nummod", "npadvmod",
                        "cc", "conj", "advmod", "quantmod"})


@dataclass
class Role:
    """A post held by a person, read off one sentence."""

    person: int
    title: str
    head: str
    bodies: list[int] = field(default_factory=list)
    sent_start: int = 0
    sent_end: int = 0
    method: str = ""
    official: bool = True


def _title_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens of a title written before the name doc[start:end]."""
    toks: list[Token] = []
    i = start - 1
    while i >= 0:
        tok = doc[i]
        if tok.lower_ == "of" and toks and toks[0].text[:1].isupper() and i > 0 and doc[i - 1].lower_ in ROLE_NOUNS \
                and doc[i - 1].text[:1].isupper():
            # "Secretary of State Matthew Bryza", "Minister of Defence X": the title goes on
            toks.insert(0, tok)
            toks.insert(0, doc[i - 1])
            i -= 2
            continue
        if tok.is_space or tok.pos_ in {"VERB", "AUX", "ADP", "PRON", "SCONJ"} and tok.tag_ != "POS":
            break
        if tok.lower_ in {"the", "a", "an", "former", "ex", "then"} or tok.dep_ == "det":
            break
        if tok.is_punct and tok.text not in {"-", "'", "’"}:
            break
        if not (i < tok.head.i < end) and tok.dep_ != "case" and not (
                tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.i == i - 1
                and tok.text[:1].isupper() and tok.head.head.lower_ in ROLE_NOUNS):
            break
        toks.insert(0, tok)
        i -= 1
    if toks and i >= 2 and doc[i].text[:1].isupper() and doc[i].is_alpha and doc[i].dep_ == "conj" \
            and doc[i - 1].lower_ in {"and", "&"}:
        toks.insert(0, doc[i])  # "Trade and Industry Secretary X"
        i -= 1
    if toks and i >= 1 and doc[i].lower_ in {"and", "&"} and doc[i - 1].text[:1].isupper():
        # "Culture, Media and Sport Secretary X": a title that lists its portfolios
        j = i - 1
        while j >= 0 and i - j <= 6 and (doc[j].text[:1].isupper() and doc[j].is_alpha or doc[j].text == ","):
            j -= 1
        listed = doc[j + 1:i]
        if listed and listed[0].text != "," \
                and all(t.ent_type_ != "PERSON" for t in listed):
            toks[:0] = [*listed, doc[i]]
    return toks


#: Posts of a church or a faith: no state's, whatever place the text gives.
RELIGIOUS_ROLES = frozenset({"archbishop", "bishop", "cardinal", "patriarch", "imam", "rabbi", "cleric", "ayatollah"})

#: Role words that are a post only in a body the text names: "the Egyptian cleric X"
#: preaches. ("Director X", "chairman X" head a body the article names elsewhere as
#: often as not: "Committee chairman Austin Mitchell", "said director Kate Allen".)
BODILESS_NON_POSTS = frozenset({"cleric", "imam", "preacher", "priest", "pastor"})

#: Words before a post that place it in a business, a hospital or a club.
_NON_ACTOR_POST_WORDS = NON_ACTOR_ORG_WORDS | COMPANY_NOUNS

#: Words that make a bank, a hospital or a director's office a public one.
PUBLIC_WORDS = frozenset({"central", "national", "federal", "state", "public", "reserve", "world", "european",
                          "international", "government", "presidential"})

#: Words that make a title no post: "a self-styled cleric", "the so-called minister".
SELF_GIVEN = frozenset({"self-styled", "self-appointed", "self-proclaimed", "so-called", "would-be", "purported",
                        "fake"})

#: Verbs that make their subject the head of their object ("who heads the agency").
HEAD_VERBS = frozenset({"head", "lead", "chair", "run", "direct", "manage", "command"})

#: Last words of a parliament's name ("upper house of parliament", "the Bundestag").
LEGISLATURE_WORDS = frozenset({"parliament", "house", "senate", "congress", "assembly", "legislature", "bundestag",
                               "bundesrat", "duma", "knesset", "sejm", "diet", "chamber"})


def _regional(tokens: list[Token], head: Token) -> bool:
    """Whether a post is a region's, not a state's: "state premier Guenther Beckstein",
    "premier of the state of Hesse" (not "Secretary of State", "head of state")."""
    words = [t.lower_ for t in tokens]
    if head.lower_ == "secretary" or "head of state" in " ".join(words):
        return False
    for n, tok in enumerate(tokens):
        if tok.lower_ != "state":
            continue
        nxt = tokens[n + 1] if n + 1 < len(tokens) else None
        if nxt is not None and nxt.i <= head.i and (nxt.lower_ in ROLE_NOUNS or nxt.i == head.i or nxt.pos_ == "PROPN"):
            return True  # "state premier", "State Interior Minister"
        if tok.i > head.i and tok.head.lower_ == "of" and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return True  # "premier of the state of Hesse"
    return False


def _in_chief(tok: Token) -> bool:
    """ "editor-in-chief", "editor in chief": the head of an outlet."""
    following = " ".join(t.lower_ for t in tok.doc[tok.i + 1:tok.i + 5])
    return following.startswith(("- in - chief", "-in-chief", "in chief", "in-chief"))


#: Experts who speak for the institute they work at ("an economist at the Center for
#: European Policy"), though not for a university ("a professor at Karachi University").
EXPERT_ROLES = frozenset({"expert", "analyst", "economist", "scholar", "scientist", "researcher"})
_ACADEMIC_WORDS = frozenset({"university", "universität", "college", "school", "hospital", "museum"})


def _at_think_tank(head: Token) -> bool:
    """Whether an expert's title names the institute they work at: "*at* / *with* /
    *of* the German Institute for International and Security Affairs"."""
    # the institute after the title, or after the name the title is written before
    # ("Syria expert Petra Becker of the German Institute ...")
    holders = [head] + [c for c in head.children if c.dep_ == "appos"] + (
        [head.head] if head.dep_ == "compound" else [])
    for prep in (c for holder in holders for c in holder.children):
        if prep.dep_ != "prep" or prep.lower_ not in {"at", "with", "of", "from"}:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" or not pobj.text[:1].isupper() or pobj.pos_ != "PROPN":
                continue
            name = {t.lower_ for t in pobj.subtree if t.i > prep.i}
            if not name & _ACADEMIC_WORDS and name & {
                    "institute", "institut", "center", "centre", "council", "foundation", "stiftung",
                    "forum", "project", "studies", "policy", "fund", "academy", "programme", "program"}:
                return True
    return False


def _corporate_post(head: str, title: str) -> bool:
    """A post only businesses have: "CEO", "executive", "managing director", "chairman
    of the board"."""
    return head in CORPORATE_ROLES or any(p in title for p in CORPORATE_TITLES)


def _role_head(tokens: Iterable[Token]) -> Token | None:
    head = None
    for tok in tokens:
        if _role_word(tok) in ROLE_NOUNS and tok.lower_ not in HONORIFICS:
            head = tok
    return head


def _role_word(tok: Token) -> str:
    """A title's role noun, singular: "Presidents Dilma Rouseff of Brazil, Vladimir
    Putin of Russia" gives each a president."""
    if tok.lower_ in ROLE_NOUNS or tok.tag_ not in {"NNS", "NNPS"} and not tok.lower_.endswith("s"):
        return tok.lower_
    lemma = tok.lemma_.lower()
    return lemma if lemma in ROLE_NOUNS and tok.text[:1].isupper() else tok.lower_


class RoleReader:
    """Reads roles off a Doc whose mentions and entities are set."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer):
        self.doc = doc
        self.gaz = gazetteer
        self.entities: list[Entity] = doc._.gb_entities
        self.tmap: dict[int, int] = doc._.gb_token_entity
        self._demonyms: set[str] | None = None

    # ---------------------------------------------------------------- entities
    def _entity_by_key(self, key: str) -> int:
        for ent in self.entities:
            if ent.key == key:
                return ent.id
        entry = self.gaz.get(key)
        ent = Entity(id=len(self.entities), type=entry.type, name=entry.name,
                     kind="implied", key=key, qid=entry.qid,
                     country=key if entry.type == "Country" else
                     entry.of if entry.of and entry.of.startswith("country:") else None)
        self.entities.append(ent)
        return ent.id

    def _new_body(self, name: str, country: str | None, of: int | None, span: Span | None) -> int:
        entry = self.gaz.lookup(name)
        if entry is not None and entry.type == "Ministry" and (country is None or entry.of == country):
            return self._entity_by_key(entry.key)
        norm = name.lower()
        for ent in self.entities:
            if ent.type == "Ministry" and ent.name.lower() == norm and ent.country == country:
                return ent.id
        ent = Entity(id=len(self.entities), type="Ministry", name=name, kind="implied",
                     country=country, of=of)
        if span is not None:
            ent.mentions.append((span.start_char, span.end_char))
            ent.aliases.add(span.text)
        self.entities.append(ent)
        return ent.id

    def _country_ids(self) -> list[int]:
        return [e.id for e in self.entities if e.type == "Country"]

    def context_country(self, head: Token, portfolio: str | None = None) -> str | None:
        """The country a title without one most likely belongs to: the country of a
        ministry of the same portfolio, else the one country the sentence names, else
        a country that dominates the article (at least half its country mentions)."""
        if portfolio:
            for ent in self.entities:
                if ent.type == "Ministry" and ent.country and portfolio.lower() in ent.name.lower():
                    return ent.country
        sent = head.sent
        window = range(max(sent.start, head.i - 12), head.i)
        in_sentence = {self.entities[self.tmap[i]].key for i in window
                       if i in self.tmap and self.entities[self.tmap[i]].type == "Country"}
        in_sentence.discard(None)
        if len(in_sentence) == 1:
            return in_sentence.pop()
        if in_sentence:
            return None
        # "government spokeswoman X said in Berlin": where the words were said
        for tok in head.sent:
            if tok.i > head.i and tok.i in self.tmap and tok.dep_ == "pobj" and tok.head.lower_ == "in" \
                    and tok.head.head.lemma_ in SPEECH_VERBS and self.entities[self.tmap[tok.i]].type == "Country":
                return self.entities[self.tmap[tok.i]].key
        return self.dominant_country()

    def dominant_country(self) -> str | None:
        """The country the article is about: at least two thirds of its country
        mentions, and two or more."""
        return home_country({e.key: len(e.mentions) for e in self.entities if e.type == "Country" and e.key})

    # ---------------------------------------------------------------- roles
    def roles(self) -> list[Role]:
        out: list[Role] = []
        for m in self.doc._.gb_mentions:
            if m.kind != "person" or m.entity < 0:
                continue
            span = self.doc[m.start:m.end]
            sent = span.sent
            title = _title_tokens(self.doc, m.start, m.end)
            root = span.root
            # "Assistant Chief Constable David Warcup of Northumbria Police",
            # "Dr John Moore-Gillon, of the British Lung Foundation"
            of_bodies = [self.tmap[p.i] for c in root.children if c.dep_ == "prep" and c.lower_ in {"of", "from", "at"}
                         for p in c.children if p.dep_ == "pobj" and p.i in self.tmap
                         and self.entities[self.tmap[p.i]].type in {"Group", "Ministry", None}
                         and self.entities[self.tmap[p.i]].kind == "org"]
            party = self._bracketed_group(m.end) or self._own_party(m.end)
            if party is not None and party not in of_bodies:
                # the party tag is a membership beside any post the text gives
                out.append(self._finish(Role(m.entity, "", "member", [party], method="rule:party-tag"), sent))
            if title:
                head = _role_head(title)
                if head is not None and _role_word(head) in STATE_ROLES:
                    # "Presidents Dilma Rouseff of Brazil, Vladimir Putin of Russia"
                    title = title + [p for c in root.children if c.dep_ == "prep" and c.lower_ == "of"
                                     for p in c.children if p.dep_ == "pobj" and p.i in self.tmap
                                     and self.entities[self.tmap[p.i]].type == "Country"]
                role = self._role_from_tokens(m.entity, title, "rule:title")
                if role:
                    for body in of_bodies:
                        if body not in role.bodies:
                            role.bodies.insert(0, body)
                    out.append(self._finish(role, sent))
                    continue
            if of_bodies and not any(t.lower_ in NON_OFFICIAL_ROLES for t in title):
                # not "Syria expert Petra Becker of the German Institute for ...": an expert
                # speaks about, not for, where she works
                out.append(self._finish(Role(m.entity, "", "member", of_bodies, method="rule:of-body"), sent))
                continue
            role_tok = None
            for child in root.children:
                if child.dep_ == "appos":
                    # "Bodo Hombach, former Social Democrat and director of WAZ media group"
                    if child.lower_ == "one":  # "Dennis Edney, one of Khadr's attorneys"
                        child = next((p for of in child.children if of.dep_ == "prep" and of.lower_ == "of"
                                      for p in of.children if p.dep_ == "pobj"), child)
                    for cand in [child, *child.conjuncts]:
                        if cand.lower_ in ROLE_NOUNS and cand.lower_ not in NON_OFFICIAL_ROLES | {"member"} \
                                or cand.lower_ in ROLE_NOUNS and role_tok is None:
                            role_tok = cand
                    if role_tok is not None:
                        break
            if role_tok is None:
                role_tok = appositive_role(root)
            if role_tok is None:
                role_tok = self._preceding_post(m.start)
            if role_tok is None and root.dep_ in {"nsubj"} and root.head.lemma_ == "be":
                for child in root.head.children:
                    if child.dep_ == "attr" and child.lower_ in ROLE_NOUNS:
                        role_tok = child
            if role_tok is None:
                for child in root.children:
                    if child.dep_ == "relcl" and child.lemma_ == "be":
                        for sub in child.children:
                            if sub.dep_ == "attr" and sub.lower_ in ROLE_NOUNS:
                                role_tok = sub
            if role_tok is not None:
                role = self._role_from_phrase(m.entity, role_tok, span)
                if role:
                    out.append(self._finish(role, sent))
                    continue
            headed = self._headed_body(root)
            if headed is not None:
                out.append(self._finish(Role(m.entity, "", "head", [headed], method="rule:heads"), sent))
                continue
            # "Labour's Mr Livingstone": a possessive body
            for child in root.children:
                if child.dep_ == "poss" and child.i in self.tmap:
                    body = self.tmap[child.i]
                    if self.entities[body].type in {"Group", "Ministry", "Country"}:
                        out.append(self._finish(Role(m.entity, "", "member", [body], method="rule:possessive"), sent))
        return out

    def is_outlet(self, eid: int) -> bool:
        """Whether a group is a media outlet: as the gazetteer says, else by a word of its
        names ("Radio Free Europe") or the way the text uses it ("told the Gazette")."""
        ent = self.entities[eid]
        if ent.type != "Group":
            return False
        entry = self.gaz.get(ent.key) if ent.key else None
        if entry is not None:
            return entry.outlet
        if any(set(n.lower().split()) & MEDIA_WORDS for n in (ent.name, *ent.aliases)):
            return True
        return any(m.entity == eid and is_media_source(self.doc[m.start:m.end]) for m in self.doc._.gb_mentions)

    def _headed_body(self, root: Token) -> int | None:
        """The body a relative clause says the person heads: "X, who heads the agency",
        "X, who is at the helm of the Axel Springer publishing house"."""
        for clause in root.children:
            if clause.dep_ != "relcl" or not any(c.lower_ == "who" for c in clause.children):
                continue
            objects = []
            if clause.lemma_ in HEAD_VERBS:
                objects = [c for c in clause.children if c.dep_ == "dobj"]
            for prep in clause.children:  # "is at the helm of", "is in charge of"
                if prep.dep_ == "prep" and prep.lower_ in {"at", "in"}:
                    for noun in prep.children:
                        if noun.dep_ == "pobj" and noun.lower_ in {"helm", "head", "charge", "top"}:
                            objects += [p for of in noun.children if of.dep_ == "prep" and of.lower_ == "of"
                                        for p in of.children if p.dep_ == "pobj"]
            for obj in objects:
                for eid in resolve_token(self.doc, obj, expand_conj=False):
                    if self.entities[eid].type in {"Group", "Ministry"} or self.entities[eid].kind == "org":
                        return eid
        return None

    def _own_party(self, end: int) -> int | None:
        """"Chancellor Angela Merkel's Christian Democratic Union": the party a person's
        name owns."""
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].tag_ != "POS":
            return None
        eid = self.tmap.get(end + 1)
        if eid is None or self.entities[eid].type != "Group" or not is_party(self.entities[eid], self.gaz):
            return None
        return eid

    def _bracketed_group(self, end: int) -> int | None:
        """"Michael Müller (SPD)", "Petra Pau (of the Left Party)": the group a person's
        name is tagged with in brackets."""
        doc = self.doc
        if end >= len(doc) or doc[end].text != "(":
            return None
        i = end + 1
        while i < len(doc) and doc[i].lower_ in {"of", "the"}:
            i += 1
        eid = self.tmap.get(i)
        if eid is None or self.entities[eid].type != "Group" or not is_party(self.entities[eid], self.gaz):
            return None  # "Author: Darren Mara (dpa, Reuters)": a byline, no party
        j = i
        while j < len(doc) and self.tmap.get(j) == eid:
            j += 1
        if j < len(doc) and doc[j].text in {")", ","}:  # "(SPD)", "(CDU, Hesse)"
            return eid
        return None

    def _preceding_post(self, start: int) -> Token | None:
        """ "The head of the German Federation of Journalists (DJV), Michael Konken agrees":
        a post written just before the name and a comma, parsed as no apposition."""
        if start < 2 or self.doc[start - 1].text != ",":
            return None
        tok = self.doc[start - 2]
        if tok.text == ")":
            tok = self.doc[tok.i - 1]
            while tok.i > 0 and tok.text != "(":
                tok = self.doc[tok.i - 1]
            tok = self.doc[tok.i - 1]
        for _ in range(6):
            if tok.lower_ in ROLE_NOUNS and tok.lower_ not in HONORIFICS:
                if tok.sent.start == tok.left_edge.i or self.doc[tok.left_edge.i - 1].is_punct:
                    return tok
                return None
            if tok.dep_ in {"pobj", "prep", "compound", "appos", "amod", "poss"} and tok.head.i < tok.i:
                tok = tok.head
            else:
                return None
        return None

    def as_posts(self) -> list[Role]:
        """ "his first day as home secretary", "X served as prime minister": a post held."""
        out: list[Role] = []
        for prep in self.doc:
            if prep.lower_ != "as" or prep.dep_ != "prep":
                continue
            posts = [p for p in prep.children if p.dep_ == "pobj" and p.lower_ in ROLE_NOUNS
                     and p.lower_ not in NON_OFFICIAL_ROLES | {"member"}]
            if not posts:
                continue
            gov = prep.head
            holder = None
            if gov.pos_ in {"NOUN", "PROPN"}:
                for c in gov.children:
                    if c.dep_ == "poss":
                        holder = c
            else:
                for c in gov.children:
                    if c.dep_ in {"nsubj", "nsubjpass"}:
                        holder = c
            if holder is None:
                continue
            ids = resolve_token(self.doc, holder, expand_conj=False)
            persons = [e for e in ids if self.entities[e].kind == "person"]
            if not persons:
                continue
            post = posts[0]
            tokens = [t for t in post.subtree]
            role = self._role_from_tokens(persons[0], tokens, "rule:as-post")
            if role is not None:
                out.append(self._finish(role, post.sent))
        return out

    def peers(self) -> list[Role]:
        """UK peers ("Lord Hoffmann", "Baroness Boothroyd") sit in the House of Lords,
        where the article is about the United Kingdom."""
        entry = self.gaz.lookup("House of Lords")
        if entry is None or not any(e.key == "country:GBR" or (e.country == "country:GBR" and e.kind != "person")
                                    for e in self.entities):
            return []
        out: list[Role] = []
        for m in self.doc._.gb_mentions:
            # "Lord Walker of Gestingthorpe" (a peer's name), "Lord" + "Hoffmann" (as written)
            title = next((w.split(" ")[0] for w in (m.text, m.surface) if w.split(" ")[0] in PEER_TITLES), None)
            if m.kind == "person" and title and m.entity >= 0:
                sent = self.doc[m.start:m.end].sent
                out.append(self._finish(Role(m.entity, title, "peer",
                                             [self._entity_by_key(entry.key)], method="rule:peer"), sent))
        return out

    def described_owners(self) -> list[Role]:
        """A party owned by an official the text describes by post: "the prime minister's
        Civic Platform party"."""
        out: list[Role] = []
        for m in self.doc._.gb_mentions:
            if m.entity < 0 or self.entities[m.entity].type != "Group" or not is_party(self.entities[m.entity], self.gaz):
                continue
            span = self.doc[m.start:m.end]
            heads = [*span, span.root.head] if span.root.head.i == m.end else list(span)  # "... Platform party"
            for owner in [c for t in heads for c in t.children if c.dep_ == "poss" and c.i < m.start]:
                if owner.i in self.tmap or owner.lower_ not in ROLE_NOUNS:
                    continue
                ids = resolve_token(self.doc, owner, expand_conj=False)
                person = next((e for e in ids if self.entities[e].kind == "person"), None)
                if person is not None:
                    out.append(self._finish(Role(person, "", "member", [m.entity], method="rule:possessive"),
                                            span.sent))
        return out

    def joiners(self) -> list[Role]:
        """A person who joins a party or a state body (or its campaign, team or cabinet)
        is its member: "Makarov joined the KGB". Joining a business makes no member."""
        out: list[Role] = []
        for tok in self.doc:
            if tok.lemma_.lower() not in {"join", "rejoin"} or tok.pos_ != "VERB":
                continue
            people = [e for s in tok.children if s.dep_ == "nsubj"
                      for e in resolve_token(self.doc, s) if self.entities[e].kind == "person"]
            if not people:
                continue
            bodies: list[int] = []
            for obj in (c for c in tok.children if c.dep_ == "dobj"):
                found = resolve_token(self.doc, obj, expand_conj=False)
                if not found and obj.lemma_ in {"campaign", "team", "leadership", "government", "cabinet"}:
                    found = [e for c in obj.children if c.dep_ == "poss" for e in resolve_token(self.doc, c)]
                bodies += [e for e in found if self.entities[e].type in {"Group", "Ministry"}]
            for person in people:
                if bodies:
                    out.append(self._finish(Role(person, "", "member", list(dict.fromkeys(bodies)),
                                                 method="rule:joins"), tok.sent))
        return out

    def colleagues(self, roles: list[Role]) -> list[Role]:
        """A colleague of an official in a party or a body is its member too: "Jozsef
        Tobias, deputy parliamentary leader of the Socialist party ... His colleague
        Tamas Harangozo"."""
        bodies_of: dict[int, list[int]] = {}
        for role in roles:
            if role.official:
                bodies_of.setdefault(role.person, []).extend(
                    b for b in role.bodies if self.entities[b].type in {"Group", "Ministry"})
        out: list[Role] = []
        for m in self.doc._.gb_mentions:
            if m.entity < 0 or self.entities[m.entity].kind != "person" or m.start == 0:
                continue
            noun = self.doc[m.start - 1]
            if noun.lower_ not in {"colleague", "colleagues"}:
                continue
            owners = [e for c in noun.children if c.dep_ == "poss" for e in resolve_token(self.doc, c)]
            shared = [b for e in owners if e != m.entity for b in bodies_of.get(e, [])]
            if shared:
                out.append(self._finish(Role(m.entity, "", "member", list(dict.fromkeys(shared)),
                                             method="rule:colleague"), self.doc[m.start:m.end].sent))
        return out

    def _demonym_countries(self) -> set[str]:
        """Countries the article names by a demonym ("the Palestinian leader")."""
        if self._demonyms is None:
            self._demonyms = set()
            for tok in self.doc:
                if tok.text[:1].isupper() and (entry := self.gaz.country_of_demonym(tok.text)) is not None:
                    self._demonyms.add(entry.key)
        return self._demonyms

    def known_offices(self, roles: list[Role]) -> list[Role]:
        """An official the gazetteer knows speaks for the state or body it held office
        in ("Nixon" -> United States), unless the text already gave a post."""
        with_post = {r.person for r in roles if r.bodies}
        out: list[Role] = []
        for ent in list(self.entities):
            if ent.type != "Official" or not ent.key or ent.id in with_post:
                continue
            entry = self.gaz.get(ent.key)
            if entry is None or not entry.of or entry.of not in self.gaz:
                continue
            if not any(other.key == entry.of and other.kind != "implied" for other in self.entities) \
                    and entry.of not in self._demonym_countries():
                continue  # the article names neither the state nor its people: perhaps no longer theirs
            first = next((m for m in self.doc._.gb_mentions if m.entity == ent.id), None)
            if first is None:
                continue
            sent = self.doc[first.start:first.end].sent
            out.append(self._finish(Role(ent.id, "", "office", [self._entity_by_key(entry.of)],
                                         method="gazetteer:office"), sent))
        return out

    def _finish(self, role: Role, sent: Span) -> Role:
        role.sent_start, role.sent_end = sent.start_char, sent.end_char
        return role

    def _role_from_tokens(self, person: int, tokens: list[Token], method: str) -> Role | None:
        head = _role_head(tokens)
        bodies: list[int] = []
        for tok in tokens:
            eid = self.tmap.get(tok.i)
            if eid is not None and eid != person and (self.entities[eid].type in {"Group", "Ministry", "Country"}
                                                      or self.entities[eid].kind == "org") \
                    and eid not in bodies:
                bodies.append(eid)
        for eid in self._modifier_groups(tokens, head):
            if eid not in bodies and eid != person:
                bodies.append(eid)
        # "the SNP's Holyrood leader": the possessor is the body of the post
        possessors = [self.tmap[t.i] for t in tokens if t.i in self.tmap and t.i + 1 < len(self.doc)
                      and self.doc[t.i + 1].dep_ == "case" and self.tmap[t.i] in bodies]
        if possessors:
            bodies = [b for b in bodies if b in possessors]
        if head is None:
            # "Labour's Ken Livingstone", "Tory Michael Howard": party membership
            if bodies and all(self.entities[b].type == "Group" for b in bodies):
                return Role(person, "", "member", bodies, method=method)
            return None
        words = [t for t in tokens if t.i not in self.tmap and t.tag_ != "POS"]
        title = " ".join(t.text for t in words if not self._is_demonym(t)).replace(" , ", ", ")
        return self._bodies(Role(person, title, _role_word(head), bodies, method=method), tokens, head)

    def _role_from_phrase(self, person: int, role_tok: Token, name: Span) -> Role | None:
        # "..., director of the Academy, who is close to the CSU": a relative clause says
        # something about the person, not the post
        clauses = {t.i for c in role_tok.subtree if c.dep_ in {"relcl", "acl"} and c.i != role_tok.i
                   for t in c.subtree}
        tokens = [t for t in role_tok.subtree if not (name.start <= t.i < name.end)
                  and t.i not in clauses and t.i >= role_tok.left_edge.i]
        # "Liam Fox, Tory co-chairman": the parser splits the post into sibling appositions
        if role_tok.dep_ == "appos":
            for sibling in role_tok.head.children:
                if sibling.dep_ == "appos" and sibling.i < role_tok.i and sibling.i > name.end - 1:
                    tokens = [t for t in sibling.subtree] + tokens
        # stop at a relative clause or a second apposition of the post itself
        cut = [t for t in role_tok.children if t.dep_ in {"relcl", "acl", "appos"} and t.i > role_tok.i
               and t.lower_ in ROLE_NOUNS | {"who", "which"}]
        if cut:
            limit = min(t.left_edge.i for t in cut)
            tokens = [t for t in tokens if t.i < limit]
        # "..., Petra Pau (of the Left Party) and the mayor of Berlin, Michael Müller (SPD)":
        # what follows another person's name is that person's
        others = [t.i for t in tokens if t.i > name.end and self.tmap.get(t.i) not in (None, person)
                  and self.entities[self.tmap[t.i]].kind == "person"]
        if others:
            limit = min(others)
            for t in tokens:  # "... and the mayor of Berlin, Michael Müller": from the "and"
                if t.dep_ == "conj" and t.i > name.end and any(o in range(t.left_edge.i, t.right_edge.i + 1) for o in others):
                    limit = min(limit, t.left_edge.i)
                    limit = min([limit] + [c.i for c in t.head.children if c.dep_ == "cc" and name.end <= c.i < t.i])
            tokens = [t for t in tokens if t.i < limit or t.i < name.start]
        bodies: list[int] = []
        pp_body_tokens: list[Token] = []
        legislature = False  # "member of the Bundestag": a member of a parliament holds a post
        for tok in role_tok.children:
            if tok.dep_ == "prep" and (tok.lower_ in {"of", "at", "in"} or
                                       (tok.lower_ == "for" and role_tok.lower_ in SPOKES | MINISTERIAL)):
                for pobj in tok.children:
                    if pobj.dep_ == "pobj":
                        pp_body_tokens.append(pobj)
                if tok.lower_ == "at" and not any(c.dep_ == "pobj" for c in tok.children):
                    # "head of policy at Aids charity the Terrence Higgins Trust": the
                    # parser left "at" without its object; the organisation after it
                    for nxt in self.doc[tok.i + 1:min(len(self.doc), tok.i + 8)]:
                        if nxt.is_punct or nxt.pos_ in {"VERB", "AUX"}:
                            break
                        eid = self.tmap.get(nxt.i)
                        if eid is not None and self.entities[eid].type in {"Group", "Ministry"} and eid not in bodies:
                            bodies.append(eid)
                            break
        for tok in tokens:
            eid = self.tmap.get(tok.i)
            if eid is None or eid == person or (self.entities[eid].type not in {"Group", "Ministry", "Country"}
                                                and self.entities[eid].kind != "org"):
                continue
            # "director of the American Institute ... in Washington", "director of the
            # organization Open Society in Angola": where a body is, not whom one speaks for
            if tok.dep_ == "pobj" and tok.head.lower_ in {"in", "at"} and self.entities[eid].type == "Country" \
                    and (self.gaz.country_of_capital(tok.text) is not None or tok.head.head.i != role_tok.i):
                continue
            # "president of Rwanda's Green Party", "director of Moscow's Tolstoy Museum": the
            # state owns the name of the body the person heads, and is not the body
            if self.entities[eid].type == "Country" and tok.dep_ in {"poss", "compound", "nmod"} \
                    and tok.head.i in self.tmap and self.tmap[tok.head.i] != eid \
                    and (self.entities[self.tmap[tok.head.i]].type == "Group"
                         or self.entities[self.tmap[tok.head.i]].kind == "org-other"):
                continue
            # "an Iran-born cleric", "a Moscow-based analyst": where one is from is no body
            if tok.i + 2 < len(self.doc) and self.doc[tok.i + 1].text == "-" and self.doc[tok.i + 2].tag_ == "VBN":
                continue
            # "envoy for Syria": the topic of an envoy is not its body
            if tok.head.dep_ == "pobj" or tok.dep_ == "pobj":
                prep = tok.head if tok.dep_ == "pobj" else tok.head.head
                if prep.lower_ == "for" and role_tok.lower_ not in SPOKES | MINISTERIAL:
                    continue
            if eid not in bodies:
                bodies.append(eid)
            if tok in pp_body_tokens and self.entities[eid].type == "Ministry" \
                    and set(self.entities[eid].name.lower().split()) & LEGISLATURE_WORDS:
                legislature = True
        for pobj in pp_body_tokens:
            if pobj.i in self.tmap or pobj.lower_ not in BODY_HEADS or pobj.lower_ in ROLE_NOUNS:
                continue
            # a body named only by a common noun needs an owner: "the Ministry's department of ..."
            if not pobj.text[:1].isupper() and not any(c.dep_ == "poss" and c.i in self.tmap for c in pobj.children):
                continue
            # "the head of the Russian Foreign Ministry's department of new challenges": a body
            owner = None
            for child in pobj.children:
                if child.dep_ == "poss" and child.i in self.tmap:
                    owner = self.tmap[child.i]
            words = []
            for t in pobj.subtree:
                if t.i < pobj.i:
                    continue
                if t.is_punct or t.dep_ in {"appos", "relcl", "acl"} or t.pos_ in {"VERB", "AUX"} \
                        or self.tmap.get(t.i) == person:  # "employee council Alfred Herling"
                    break
                words.append(t)
            span = self.doc[words[0].i:words[-1].i + 1]
            if owner is not None and self.entities[owner].type not in {"Country", "Ministry"}:
                continue  # "Deutsche Bank's employee council": no body of a state
            if pobj.lower_ in LEGISLATURE_WORDS:
                legislature = True
            if owner is not None and self.entities[owner].type == "Country" and span.text.islower():
                # "a member of Switzerland's upper house of parliament": the state's
                if owner not in bodies:
                    bodies.insert(0, owner)
                continue
            country = self.entities[owner].country if owner is not None else None
            body = self._new_body(span.text, country, owner, span)
            bodies.insert(0, body)
        for eid in self._modifier_groups([t for t in tokens if t.i < role_tok.i], role_tok, context=tokens):
            if eid not in bodies and eid != person:
                bodies.append(eid)
        head = role_tok
        pre = [t for t in tokens if t.i <= role_tok.i and t.i not in self.tmap and t.dep_ != "det" and t.tag_ != "POS"]
        title = " ".join(t.text for t in pre if not self._is_demonym(t))
        # "President of the Intergroup": a body the text names, though no actor we know
        unknown_body = any(p.head.lower_ == "of" and p.pos_ == "PROPN" and p.text[:1].isupper()
                           and p.i not in self.tmap and p.lower_ not in BODY_HEADS | ROLE_NOUNS
                           and self.gaz.country_of_demonym(p.text) is None for p in pp_body_tokens)
        role = self._bodies(Role(person, title, head.lower_, bodies, method="rule:apposition"), tokens, head,
                            unknown_body=unknown_body)
        if legislature and head.lower_ == "member":
            role.official = True  # a member of parliament
        return role

    def _modifier_groups(self, tokens: list[Token], head: Token | None,
                         context: list[Token] | None = None) -> list[int]:
        """Groups named by a singular modifier in a title: "*Tory* leader",
        "*Lib Dem* chairman", "*Liberal Democrat* spokesman" (the gazetteer knows the
        plural "Tories", "Lib Dems", "Liberal Democrats"); a name several parties share
        is the one of the state the post's words (``context``) or the article name."""
        words = [t for t in tokens if (t.i not in self.tmap or self.entities[self.tmap[t.i]].type is None)
                 and (head is None or t.i < head.i) and t.text[:1].isupper()]
        found: list[int] = []
        hint = next((self.entities[self.tmap[t.i]].country for t in context or tokens if t.i in self.tmap
                     and self.entities[self.tmap[t.i]].type in {"Country", "Ministry"}), None)
        i = 0
        while i < len(words):
            for n in (3, 2, 1):
                chunk = words[i:i + n]
                if len(chunk) < n or any(b.i != a.i + 1 for a, b in zip(chunk, chunk[1:])):
                    continue
                text = " ".join(t.text for t in chunk)
                entry = None
                shared = False
                for form in (text + "s", text[:-1] + "ies" if text.endswith("y") else None, text):
                    if form:
                        candidate = self.gaz.lookup(form)
                        if candidate is not None and candidate.type == "Group":
                            entry = candidate
                            break
                        if candidate is None and len(chunk) > 1 and any(
                                e.type == "Group" for e in self.gaz.candidates(form)):
                            # "Christian Democrat member of Germany's Bundestag": a name
                            # parties share, told apart by the state
                            entry = self.gaz.group_of(hint or self.dominant_country() or "", form)
                            shared = True
                            break
                if entry is not None:
                    found.append(self._entity_by_key(entry.key))
                if entry is not None or shared:
                    i += n  # a shared name that no state tells apart is not its last word's
                    break
            else:
                i += 1
        return found

    def _is_demonym(self, tok: Token) -> bool:
        return self.gaz.country_of_demonym(tok.text) is not None

    def _bodies(self, role: Role, tokens: list[Token], head: Token, unknown_body: bool = False) -> Role:
        """Add the implied ministry and the country to a role's bodies. ``unknown_body``:
        the post is in a body the text names but no actor is known for."""
        hl = _role_word(head)
        if hl in EXPERT_ROLES:
            # "Syria expert Petra Becker": the country is her subject, not her employer
            role.bodies = [b for b in role.bodies if self.entities[b].type != "Country"]
        country = None
        for tok in tokens:
            if tok.i in self.tmap and (self.entities[self.tmap[tok.i]].kind == "org-other"
                                       or self.entities[self.tmap[tok.i]].type == "Group"):
                continue  # "the American Institute for ...": a demonym in a name of no state body
            entry = self.gaz.country_of_demonym(tok.text)
            if entry is not None:
                country = entry.key
        explicit_country = country is not None or any(
            self.entities[b].type == "Country" for b in role.bodies)
        for b in role.bodies:
            ent = self.entities[b]
            if ent.type == "Country" and ent.key:
                country = country or ent.key
            elif ent.country and country is None:
                country = ent.country
        title_l = " ".join(t.lower_ for t in tokens if t.i <= head.i).replace(" , ", ", ")
        if country is None and f"lord {hl}" in title_l:
            country = "country:GBR"  # "Lord Chancellor", "Lord Privy Seal": posts of the British state
        portfolio = None
        for words, name in PORTFOLIOS_LONGEST_FIRST:
            if f"{words} {hl}" in title_l or f"{words} {hl}s" in title_l \
                    or f"{hl} of {words}" in title_l:
                portfolio = name
                break
        local = hl in LOCAL_ROLES or _regional(tokens, head) or hl in RELIGIOUS_ROLES  # a church's post is no state's
        if local:
            role.bodies = [b for b in role.bodies if self.entities[b].type != "Country"]
            country = None
        elif any(self.entities[b].type in {"Group", "Ministry"} for b in role.bodies) and not (
                hl in STATE_ROLES and hl not in {"leader", "minister"}):
            # "editor-in-chief of Germany's public broadcaster ZDF": ZDF, not Germany
            role.bodies = [b for b in role.bodies if self.entities[b].type != "Country"]
        if hl in {"mep", "meps"}:
            # "MEP Ulrike Lunacek": a member of the European Parliament, for no state
            entry = self.gaz.lookup("European Parliament")
            if entry is not None:
                parliament = self._entity_by_key(entry.key)
                role.bodies = [b for b in role.bodies if self.entities[b].type != "Country"]
                if parliament not in role.bodies:
                    role.bodies.append(parliament)
                country = None
        if hl == "commissioner" and any(self.entities[b].key == "group:european-union" for b in role.bodies):
            # "EU Enlargement Commissioner X": a member of the European Commission
            entry = self.gaz.lookup("European Commission")
            if entry is not None:
                commission = self._entity_by_key(entry.key)
                if commission not in role.bodies:
                    role.bodies.append(commission)
        explicit_state_body = any(self.entities[b].type in {"Ministry", "Country"} for b in role.bodies)
        has_group = any(self.entities[b].type == "Group" for b in role.bodies)
        uk_post = None
        for post, dept in UK_POSTS.items():
            if title_l.endswith(post):
                uk_post = dept
                break
        is_state_role = hl in STATE_ROLES or any(
            p in title_l for p in STATE_ROLES if " " in p) or "government" in title_l.split()
        if has_group and not explicit_state_body or local:
            pass  # a party's or organisation's post: "Tory leader", "UN envoy"; a region's
        elif hl in MINISTERIAL or is_state_role or portfolio:
            if country is None:
                country = self.entities[role.person].country
            if country is None and not unknown_body and not self._heads_non_actor(tokens):
                # not "General Motors' chief negotiator ... in Berlin": a company's post
                country = self.context_country(head, portfolio)
            if not explicit_state_body:
                if uk_post and (country in (None, "country:GBR")):
                    entry = self.gaz.lookup(uk_post)
                    if entry is not None and entry.type == "Ministry":
                        role.bodies.append(self._entity_by_key(entry.key))
                    else:
                        role.bodies.append(self._new_body(uk_post, country or "country:GBR", None, None))
                elif portfolio and hl in MINISTERIAL and country:
                    # the implied ministry is an actor of the graph, but the official is
                    # said to speak for the state the text names, not for a body it
                    # never names
                    self._implied_ministry(portfolio, country)
            if country and (is_state_role or hl in MINISTERIAL) and (
                    explicit_country or not role.bodies):
                cid = self._entity_by_key(country)
                if cid not in role.bodies:
                    role.bodies.append(cid)
        person = self.entities[role.person]
        if country and person.country is None:
            person.country = country
        think_tank = hl in EXPERT_ROLES and _at_think_tank(head)
        role.official = hl not in NON_OFFICIAL_ROLES or _in_chief(head) or think_tank
        before = " ".join(t.lower_ for t in tokens if t.i < head.i).replace(" - ", "-")
        if any(w in SELF_GIVEN for w in before.split()):
            role.official = False  # "a self-styled cleric": a post the person gave himself
            role.bodies = []
        # "chief executive of X", "its chief executive": a charity's or a public body's head as well
        charity_head = "chief executive" in title_l and (bool(role.bodies) or any(t.tag_ == "PRP$" for t in tokens))
        if _corporate_post(hl, f"{title_l} {role.title.lower()}") and not charity_head and not any(
                self.entities[b].type in {"Group", "Ministry"} or self.entities[b].key for b in role.bodies):
            # "Adidas CEO Herbert Hainer", "Volkswagen executive Thomas Steg": a business's
            # post; a business is no actor of the graph unless the text makes it one
            role.official = False
            role.bodies = []
        if not role.bodies and self._heads_non_actor(tokens) and not think_tank:
            # "chief executive of Carl Zeiss Micro Imaging": a post in a company, a
            # museum or a university makes no official
            role.official = False
        public = any(t.lower_ in PUBLIC_WORDS for t in tokens)  # "central bank chief Marek Belka"
        if not role.bodies and not public and (hl in BODILESS_NON_POSTS or any(
                t.lower_ in _NON_ACTOR_POST_WORDS and t.i < head.i for t in tokens)):
            # "the Egyptian cleric X", "hospital chief X", "company spokesman X", "the
            # club's sporting director": no post in any actor
            role.official = False
        return role

    def _heads_non_actor(self, tokens: list[Token]) -> bool:
        for tok in tokens:
            eid = self.tmap.get(tok.i)
            if eid is not None and self.entities[eid].kind == "org-other":
                return True
        return False

    def _implied_ministry(self, portfolio: str, country: str) -> int:
        for ent in self.entities:
            if ent.type == "Ministry" and ent.country == country and portfolio.lower() in ent.name.lower():
                return ent.id
        entry = self.gaz.get(country)
        demonym = entry.demonyms[0] if entry is not None and entry.demonyms else ""
        name = f"{demonym} {portfolio} Ministry".strip()
        return self._new_body(name, country, self._entity_by_key(country), None)


def find_roles(doc: Doc, gazetteer: Gazetteer) -> list[Role]:
    """Roles of the people in ``doc`` (updates entity types, posts and countries)."""
    reader = RoleReader(doc, gazetteer)
    roles = reader.roles() + reader.as_posts() + reader.peers()
    roles += reader.joiners()
    roles += reader.known_offices(roles)
    roles += reader.colleagues(roles)
    for role in roles:
        if role.head == "member" and not role.title and role.bodies and all(reader.is_outlet(b) for b in role.bodies):
            role.official = False  # "DW's Fabian Schmidt": an outlet's journalist, no official
    for role in roles:
        person = reader.entities[role.person]
        if role.official and (role.head != "member" or role.bodies):
            person.type = "Official"
        if role.title and role.title not in person.posts:
            person.posts.append(role.title)
    roles += reader.described_owners()  # once the posts are known: "the prime minister's party"
    home = reader.dominant_country()
    for ent in reader.entities:
        if ent.type == "Ministry" and ent.country is None and ent.kind == "org" and not ent.key and home \
                and _is_national_body(ent.name):
            # "the Interior Ministry" of an article about Germany
            body = reader.gaz.body_of(home, ent.name)
            if body is not None:
                ent.key, ent.name, ent.qid = body.key, body.name, body.qid
            ent.country = home
        if ent.type == "Ministry" and ent.of is None and ent.country:
            for other in reader.entities:
                if other.key == ent.country and other.id != ent.id:
                    ent.of = other.id
    return roles


def _is_national_body(name: str) -> bool:
    """A name that a state's body has in any country: "Interior Ministry", "Senate",
    "Supreme Court" (not "Court of Military Commission Review", which names one)."""
    words = name.lower().split()
    return 1 <= len(words) <= 3 and words[-1] in NATIONAL_BODY_HEADS


def roles_to_relations(roles: list[Role]) -> list[Relation]:
    """``speaksFor`` relations of the officials in ``roles``."""
    out = []
    for role in roles:
        if not role.official:
            continue
        for body in role.bodies:
            if body == role.person:
                continue
            confidence = {"rule:possessive": 0.7, "gazetteer:office": 0.6}.get(role.method, 0.9)
            out.append(Relation(role.person, "speaksFor", body, "positive", role.sent_start,
                                role.sent_end, role.title or role.head, role.method, confidence))
    return out


@Language.factory(
    "graphbuild_roles",
    requires=["doc._.gb_entities", "token.dep"],
    assigns=["doc._.gb_roles"],
    default_config={"gazetteer": []},
)
def make_roles(nlp: Language, name: str, gazetteer: list[str]):
    return RolesComponent(load_gazetteer(extra=tuple(gazetteer)))


class RolesComponent:
    """Writes :func:`find_roles` to ``doc._.gb_roles``."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        doc._.gb_roles = find_roles(doc, self.gazetteer)
        return doc
