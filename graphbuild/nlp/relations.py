"""Relations read off the dependency parse: ``accuses`` and ``cooperatesWith``
(``speaksFor`` comes from :mod:`graphbuild.nlp.roles`).

Patterns (each a pure function over a Doc whose entities are set):

- accusation verbs: "Gatilov *accused* the United States of ..."; passive "X was
  accused by Y" (the agent accuses the subject);
- "*hold* Moscow *responsible*": the holder accuses the held;
- accusation nouns: "took another *jab at* the West", "*accusations against* X",
  "X's *criticism of* Y";
- claims of wrongdoing: "the Syrian government had *claimed* the Islamic State
  *obtained* chemical weapons";
- cooperation verbs: "*cooperate with* X", "X and Y *cooperate*"; support verbs:
  "*supporting* the efforts of the UN envoy";
- cooperation nouns: "ready to expand *cooperation with* Western countries",
  "*cooperation between* Russia and the West".

Arguments are resolved through :func:`graphbuild.nlp.coref.resolve_token`, with
control ("X is ready to expand cooperation": X is the subject of expand), relative
clauses ("colleagues, who do not want to cooperate"), conjunctions, and speech
attribution: the speaker of "we" is the subject of the verb of saying, never an agency
that only relays the words ("RIA Novosti quoted Gatilov as saying").

Polarity is negative when the cue or a verb governing it is negated or a refusal
("refusing to cooperate", "do not want to cooperate"). Appeals, demands and
conditionals ("the West must cooperate with Syria") assert nothing and yield nothing.
"""
from __future__ import annotations

from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Token

from graphbuild.nlp.coref import home_country, resolve_token
from graphbuild.nlp.entities import gazetteer_of
from graphbuild.nlp.cues import (
    ACCUSE_ADJECTIVES, ALLY_NOUNS, AMENDS_VERBS, ACCUSE_NOUNS, ACCUSE_OBJECT_PREPS, ACCUSE_VERBS, CLAIM_VERBS, COOPERATE_NOUNS,
    COOPERATE_VERBS, EFFORT_NOUNS, FIRST_PERSON_PLURAL, FIRST_PERSON_SINGULAR,
    HOLD_RESPONSIBLE_ADJ, NEGATIVE_EVALUATION, REFUSAL_WORDS, RELAY_VERBS, SECOND_PERSON, SPEECH_VERBS, SUPPORT_VERBS,
    WRONGDOING_VERBS,
)
from graphbuild.nlp.model import Entity, Relation
from graphbuild.nlp.roles import roles_to_relations

if not Doc.has_extension("gb_relations"):
    Doc.set_extension("gb_relations", default=None)

ACTOR = frozenset({"Official", "Ministry", "Country", "Group"})
SUBJ = frozenset({"nsubj", "csubj"})
DEMAND_AUX = frozenset({"must", "should", "ought", "would", "could", "might", "may"})
DEMAND_VERBS = frozenset({"urge", "call", "demand", "ask", "appeal", "press", "need", "force",
                          "persuade", "encourage", "invite", "require", "expect", "hope"})
DENIAL_WORDS = frozenset({"deny", "reject", "refuse", "decline", "retract", "withdraw", "drop"})
LIGHT_VERBS = frozenset({"take", "make", "level", "launch", "aim", "direct", "have", "file", "bring",
                         "lodge", "voice", "express", "hurl", "throw", "fire"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
CLIMB_DEPS = frozenset({"xcomp", "pcomp", "prep", "dobj", "pobj", "acomp", "attr", "oprd",
                        "advcl", "conj", "ccomp", "acl", "relcl", "amod", "compound", "nmod",
                        "appos", "npadvmod"})


class RelationReader:
    """Reads relations off one Doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.entities: list[Entity] = doc._.gb_entities
        self._busy: set[int] = set()  # tokens being resolved: "we" inside "we said" never loops

    # ---------------------------------------------------------------- arguments
    def actors(self, token: Token | None) -> list[int]:
        """Actor entities a token stands for, including "the efforts of X" -> X."""
        if token is None or token.i in self._busy:
            return []
        self._busy.add(token.i)
        try:
            return self._actors(token)
        finally:
            self._busy.discard(token.i)

    def _actors(self, token: Token) -> list[int]:
        lower = token.lower_
        if lower in FIRST_PERSON_PLURAL or lower in FIRST_PERSON_SINGULAR:
            speaker = self.speaker(token)
            if speaker is None:
                return []
            if lower in FIRST_PERSON_SINGULAR:
                return [speaker]
            body = self.body_of(speaker)
            return [body] if body is not None else []
        if lower in SECOND_PERSON:
            return self.addressee(token)
        ids = resolve_token(self.doc, token)
        if not ids and (token.lemma_ in EFFORT_NOUNS or token.lemma_ in {"force",
                "position", "policy", "side", "member", "members", "leader", "leadership", "forces",
                "project", "programme", "program", "economy", "military", "troops", "army",
                "campaign", "delegation", "representatives", "call", "demand", "request", "stance",
                "view", "idea", "proposal", "approach", "decision", "move", "coastguard", "navy",
                "police", "diplomat", "official", "intelligence", "service", "agency", "ministry",
                "government", "authority", "negotiator", "refusal", "failure", "handling", "conduct",
                "behaviour", "behavior", "action", "measure", "plan", "tactic", "strategy"}):
            for child in token.children:
                if child.dep_ == "poss":
                    ids = self.actors(child)
                elif child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            ids = self.actors(pobj)
                if ids:
                    break
        if not ids and token.dep_ == "nsubj" and token.tag_ == "WDT" or token.lower_ in {"who", "which", "that"} \
                and token.head.dep_ == "relcl":
            return self.actors(token.head.head)
        out = []
        for eid in ids:
            ent = self.entities[eid]
            if ent.type in ACTOR or ent.kind in {"person", "org"}:
                out.append(eid)
        return out

    def body_of(self, eid: int) -> int | None:
        """The body an official speaks for ("we" in their words): country first."""
        ent = self.entities[eid]
        if ent.type != "Official" and ent.kind != "person":
            return eid
        if ent.country:
            for other in self.entities:
                if other.key == ent.country:
                    return other.id
        return None

    def speaker(self, token: Token) -> int | None:
        """The person whose words contain ``token`` (subject of the verb of saying)."""
        node = token
        while node.head.i != node.i:
            node = node.head
            if node.lemma_ in SPEECH_VERBS and node.pos_ in {"VERB", "AUX"}:
                if node.lemma_ in RELAY_VERBS:
                    # "RIA Novosti quoted Gatilov as saying": the quoted person speaks
                    for child in node.children:
                        if child.dep_ == "dobj":
                            ids = resolve_token(self.doc, child)
                            if ids:
                                return ids[0]
                    continue
                subj = self.subject(node)
                if subj:
                    return subj[0]
        # a quotation whose attribution is the sentence's root: '"...", Rogachev said.'
        root = token.sent.root
        if root.lemma_ in SPEECH_VERBS:
            subj = self.subject(root)
            if subj:
                return subj[0]
        return None

    def addressee(self, token: Token) -> list[int]:
        """Whom the words containing ``token`` are told to: 'He told Ms Sturgeon: "...
        you ..."', '"..., " she said to Mr Howard'."""
        node = token
        while node.head.i != node.i:
            node = node.head
            if node.lemma_ in SPEECH_VERBS and node.pos_ in {"VERB", "AUX"}:
                for child in node.children:
                    if child.dep_ in {"dobj", "dative"} and child.i != token.i:
                        return self.actors(child)
                    if child.dep_ == "prep" and child.lower_ == "to":
                        return [e for p in child.children if p.dep_ == "pobj" for e in self.actors(p)]
                return []
        return []

    def subject(self, verb: Token, depth: int = 0) -> list[int]:
        """The actors doing ``verb``: its subject, or its controller."""
        if depth > 6:
            return []
        for child in verb.children:
            if child.dep_ in SUBJ:
                ids = self.actors(child)
                if ids:
                    return ids
                if child.lower_ in {"who", "which", "that"} and verb.dep_ == "relcl":
                    return self.actors(verb.head)
                return []
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self.actors(pobj)
        if depth > 0:
            # "Moscow was committed to supporting ...": the passive subject controls
            for child in verb.children:
                if child.dep_ == "nsubjpass":
                    return self.actors(child)
        head = verb.head
        if head.i == verb.i:
            return []
        if verb.dep_ == "xcomp" or verb.dep_ == "advcl" and verb.tag_ in {"VBG", "VB"}:
            # object control for "quote X as saying", else subject control
            if head.lemma_ in RELAY_VERBS:
                for child in head.children:
                    if child.dep_ == "dobj":
                        return self.actors(child)
            return self.subject(head, depth + 1)
        if verb.dep_ == "pcomp":
            prep = head
            gov = prep.head
            if gov.pos_ in {"VERB", "AUX"}:
                if gov.lemma_ in ACCUSE_VERBS | RELAY_VERBS:
                    # "accused X of hindering": X hinders
                    for child in gov.children:
                        if child.dep_ == "dobj":
                            return self.actors(child)
                return self.subject(gov, depth + 1)
        if verb.dep_ == "conj":
            return self.subject(head, depth + 1)
        if verb.dep_ in {"relcl", "acl"}:
            return self.actors(head)
        if verb.dep_ in {"acomp", "xcomp"}:
            return self.subject(head, depth + 1)
        return []

    def verb_subject_for_noun(self, noun: Token) -> list[int]:
        """The actor of a nominal cue: its possessor, its "by" phrase, or the subject of
        the verb that governs it ("Russia is ready to expand cooperation")."""
        for child in noun.children:
            if child.dep_ == "poss":
                ids = self.actors(child)
                if ids:
                    return ids
            if child.dep_ == "prep" and child.lower_ == "by":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self.actors(pobj)
        node = noun
        for _ in range(6):
            head = node.head
            if head.i == node.i:
                return []
            if head.pos_ in {"VERB", "AUX"}:
                return self.subject(head)
            if head.pos_ == "ADJ" and head.dep_ == "acomp":
                return self.subject(head.head)
            node = head
        return []

    # ---------------------------------------------------------------- polarity
    def negated(self, cue: Token, refusals: frozenset[str] = REFUSAL_WORDS) -> bool:
        """Negation or refusal on the cue or a verb that governs it."""
        node = cue
        for _ in range(8):
            for child in node.children:
                if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                    return True
            if node is not cue and node.lemma_ in refusals:
                return True
            if node.dep_ == "pobj" and node.head.lower_ == "without":
                return True
            if node.head.i == node.i or node.dep_ not in CLIMB_DEPS - {"ccomp", "advcl", "conj"}:
                break
            if node.head.lemma_ in SPEECH_VERBS:
                break
            node = node.head
        return False

    def demanded(self, cue: Token) -> bool:
        """An appeal, demand, wish or condition: the relation is not asserted."""
        node = cue
        for _ in range(8):
            for child in node.children:
                if child.dep_ == "aux" and child.lower_ in DEMAND_AUX:
                    return True
                if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
                    return True
            if node is not cue and node.lemma_ in DEMAND_VERBS:
                return True
            if node.head.i == node.i or node.dep_ not in CLIMB_DEPS - {"ccomp", "conj", "advcl"}:
                break
            node = node.head
        return False

    # ---------------------------------------------------------------- patterns
    def accusations(self) -> Iterator[tuple]:
        for tok in self.doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in ACCUSE_VERBS:
                passive = any(c.dep_ == "nsubjpass" for c in tok.children)
                if passive:
                    accusers = []
                    for c in tok.children:
                        if c.dep_ == "agent":
                            accusers = [e for p in c.children if p.dep_ == "pobj" for e in self.actors(p)]
                    accused = [e for c in tok.children if c.dep_ == "nsubjpass" for e in self.actors(c)]
                else:
                    accusers = self.subject(tok)
                    accused = [e for c in tok.children if c.dep_ == "dobj" for e in self.actors(c)]
                    if not accused:
                        accused = self._prep_objects(tok, ACCUSE_OBJECT_PREPS - {"of"})
                yield tok, accusers, accused, "rule:accuse-verb", 0.85
            elif tok.pos_ == "VERB" and lemma == "hold":
                if any(c.lemma_ in HOLD_RESPONSIBLE_ADJ for c in tok.subtree if c.head.i == tok.i or c.head.head.i == tok.i):
                    accused = [e for c in tok.children if c.dep_ in {"dobj", "nsubj"} and c.i > tok.i for e in self.actors(c)]
                    if not accused:
                        for c in tok.children:
                            if c.dep_ in {"ccomp", "xcomp", "oprd"}:
                                accused = [e for s in c.children if s.dep_ == "nsubj" for e in self.actors(s)]
                    yield tok, self.subject(tok), accused, "rule:hold-responsible", 0.85
            elif tok.pos_ in {"NOUN", "PROPN"} and (lemma in ACCUSE_NOUNS or tok.lower_ in ACCUSE_NOUNS):
                accused = self._prep_objects(tok, ACCUSE_OBJECT_PREPS)
                if not accused and tok.dep_ == "dobj" and tok.head.lemma_ in LIGHT_VERBS:
                    # "took another jab at the West": the parser attaches "at" to the verb
                    accused = self._prep_objects(tok.head, ACCUSE_OBJECT_PREPS - {"of", "on"})
                if not accused:
                    # "an outburst aimed at BBC journalists"
                    for acl in tok.children:
                        if acl.dep_ == "acl" and acl.lemma_ in {"aim", "direct", "target", "level"}:
                            accused = self._prep_objects(acl, {"at", "against", "toward", "towards"})
                if accused:
                    yield tok, self.verb_subject_for_noun(tok), accused, "rule:accuse-noun", 0.75
            elif tok.pos_ == "VERB" and lemma in DEMAND_VERBS | {"tell"}:
                # "Blair urged Livingstone to apologise": a demand for amends accuses
                for comp in tok.children:
                    if comp.dep_ in {"xcomp", "ccomp"} and comp.lemma_ in AMENDS_VERBS:
                        accused = [e for c in tok.children if c.dep_ in {"dobj", "dative"} for e in self.actors(c)]
                        accused += [e for s in comp.children if s.dep_ == "nsubj" for e in self.actors(s)]
                        if not accused:
                            accused = self._prep_objects(tok, {"on"})
                        if accused:
                            yield tok, self.subject(tok), accused, "rule:demand-amends", 0.7
            elif tok.pos_ == "ADJ" and lemma in ACCUSE_ADJECTIVES:
                accused = self._prep_objects(tok, {"of", "towards", "toward"})
                if accused:
                    if tok.dep_ == "acomp":
                        accusers = self.subject(tok.head)
                    elif tok.dep_ in {"amod"}:
                        accusers = self.verb_subject_for_noun(tok.head)
                    else:
                        accusers = self.verb_subject_for_noun(tok)
                    yield tok, accusers, accused, "rule:accuse-adjective", 0.7
            if tok.pos_ == "VERB" and lemma in WRONGDOING_VERBS:
                # reported wrongdoing: '"... this cooperation is minimized at the initiative
                # of the United States," Rogachev said' -> Rogachev accuses the United States
                doers = self._doers(tok)
                speaker = self.speaker(tok) if doers else None
                if speaker is not None:
                    own = {speaker, self.body_of(speaker)}
                    doers = [d for d in doers if d not in own]
                    if doers:
                        yield tok, [speaker], doers, "rule:reported-wrongdoing", 0.6
            if tok.lemma_ in SPEECH_VERBS and tok.lemma_ not in RELAY_VERBS and tok.pos_ == "VERB":
                yield from self._negative_evaluations(tok)
            if tok.pos_ == "VERB" and lemma in CLAIM_VERBS:
                for comp in tok.children:
                    if comp.dep_ == "ccomp" and comp.lemma_ in WRONGDOING_VERBS:
                        accused = [e for s in comp.children if s.dep_ in SUBJ for e in self.actors(s)]
                        if not accused:
                            # "ruled that the anti-terror measures broke human rights laws":
                            # a state's measures, in an article about that state
                            accused = [e for s in comp.children if s.dep_ in SUBJ
                                       for e in self._state_measure(s, self.subject(tok))]
                        if accused:
                            yield tok, self.subject(tok), accused, "rule:claim-wrongdoing", 0.7

    def cooperations(self) -> Iterator[tuple]:
        for tok in self.doc:
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in COOPERATE_VERBS:
                partners = self._prep_objects(tok, {"with", "alongside"})
                subjects = self.subject(tok)
                if lemma in {"join", "ally", "side"}:
                    joined = [e for c in tok.children if c.dep_ == "dobj" for e in self.actors(c)]
                    if lemma == "join" and subjects and all(self.entities[s].kind == "person" for s in subjects):
                        # a person joining a body becomes its member, not its partner
                        joined = [e for e in joined if self.entities[e].kind == "person"]
                    partners += joined
                if not partners and len(subjects) > 1:
                    # "Russia and the West cooperate"
                    yield tok, subjects[:1], subjects[1:], "rule:cooperate-verb", 0.75
                    continue
                yield tok, subjects, partners, "rule:cooperate-verb", 0.8
            elif tok.pos_ == "VERB" and lemma in SUPPORT_VERBS and any(c.dep_ == "nsubjpass" for c in tok.children):
                # "the project was financed by Brazil"
                helpers = [e for c in tok.children if c.dep_ == "agent"
                           for p in c.children if p.dep_ == "pobj" for e in self.actors(p)]
                helped = [e for c in tok.children if c.dep_ == "nsubjpass" for e in self.actors(c)]
                if helpers and helped:
                    yield tok, helpers, helped, "rule:support-verb-passive", 0.65
            elif tok.pos_ == "VERB" and lemma in SUPPORT_VERBS:
                partners = [e for c in tok.children if c.dep_ == "dobj" for e in self.actors(c)]
                if lemma == "agree":
                    partners += self._prep_objects(tok, {"with"})
                if partners:
                    yield tok, self.subject(tok), partners, "rule:support-verb", 0.7
            elif tok.pos_ == "NOUN" and lemma in ALLY_NOUNS | {"ally"}:
                # "X, one of Tymoshenko's political allies": X cooperates with Tymoshenko
                partners = [e for c in tok.children if c.dep_ == "poss" for e in self.actors(c)]
                partners += self._prep_objects(tok, {"of"})
                if partners:
                    yield tok, self._described(tok), partners, "rule:ally-noun", 0.65
            elif tok.pos_ in {"NOUN", "PROPN"} and (lemma in COOPERATE_NOUNS or tok.lower_ in COOPERATE_NOUNS):
                partners = self._prep_objects(tok, {"with"})
                between = self._prep_objects(tok, {"between", "among"})
                if len(between) >= 2:
                    yield tok, between[:1], between[1:], "rule:cooperation-noun", 0.75
                    continue
                # "the US-Polish alliance", "Russian-Chinese cooperation"
                modifiers = self._modifier_actors(tok)
                if len(modifiers) >= 2 and not partners:
                    yield tok, modifiers[:1], modifiers[1:], "rule:cooperation-noun", 0.7
                    continue
                if partners and tok.head.lemma_ not in ACCUSE_VERBS:
                    # not "Israel has criticized the agreement with Iran"
                    yield tok, self.verb_subject_for_noun(tok), partners, "rule:cooperation-noun", 0.7
                elif not partners and tok.head.lemma_ not in ACCUSE_VERBS and _reached(tok):
                    # "the two heads of state came to an agreement", "X and Y signed a pact"
                    parties = self.verb_subject_for_noun(tok)
                    if len(parties) >= 2:
                        yield tok, parties[:1], parties[1:], "rule:cooperation-noun", 0.65

    def _negative_evaluations(self, verb: Token) -> Iterator[tuple]:
        """'X said Y's comment was "ill-advised"': a speaker's negative judgement of an
        actor, or of what the actor did, accuses it."""
        speakers = self.subject(verb)
        if not speakers:
            return
        speaker = speakers[0]
        own = {speaker, self.body_of(speaker)}
        for comp in verb.children:
            if comp.dep_ not in {"ccomp", "xcomp"}:
                continue
            for tok in comp.subtree:
                if not _is_negative(tok):
                    continue
                targets: list[int] = []
                if tok.dep_ in {"acomp", "attr", "oprd"}:
                    for subj in tok.head.children:
                        if subj.dep_ in {"nsubj", "nsubjpass"}:
                            targets = self._owner(subj)
                            if not targets and subj.lower_ == "it":
                                # "It is disappointing that you have contributed to this
                                # distortion": the doer of the clause judged
                                targets = [e for c in tok.children if c.dep_ == "ccomp" for s in c.children
                                           if s.dep_ in SUBJ for e in self._owner(s)]
                elif tok.dep_ == "amod":
                    targets = self._owner(tok.head)
                    noun = tok.head
                    if not targets and noun.dep_ == "pobj" and noun.head.lower_ == "of":
                        # "a sign of sinister tactics by Labour": the doer of the phrase
                        targets = self._prep_objects(noun.head.head, {"by"})
                elif tok.pos_ == "NOUN":
                    targets = self._owner(tok)
                targets = [t for t in targets if t not in own]
                if targets:
                    yield tok, [speaker], targets, "rule:negative-evaluation", 0.5

    def _state_measure(self, noun: Token, judges: list[int]) -> list[int]:
        """The state whose "measures", "law" or "policy" no actor owns in the sentence:
        the state of the body judging them ("the UK's highest court ruled that the
        measures broke human rights laws"), else the one state the article is about."""
        if noun.lemma_.lower() not in STATE_MEASURES or any(c.dep_ in {"poss", "prep"} for c in noun.children):
            return []
        for judge in judges:
            ent = self.entities[judge]
            if ent.type == "Ministry" and ent.country:
                return [e.id for e in self.entities if e.key == ent.country][:1]
        home = home_country({e.key: len(e.mentions) for e in self.entities if e.type == "Country" and e.key})
        return [e.id for e in self.entities if home and e.key == home][:1]

    def _owner(self, noun: Token) -> list[int]:
        """The actor a noun phrase is, or whose doing it is: "Y", "Y's comment",
        "the belligerency of Y", "tactics by Y"."""
        if noun.lower_ in SECOND_PERSON:
            return self.addressee(noun)
        ids = resolve_token(self.doc, noun, expand_conj=True)
        if ids:
            return [e for e in ids if self.entities[e].type in ACTOR or self.entities[e].kind in {"person", "org"}]
        for child in noun.children:
            if child.dep_ == "poss":
                return self.actors(child)
            if child.dep_ == "prep" and child.lower_ in {"of", "by", "from"}:
                return [e for p in child.children if p.dep_ == "pobj" for e in self.actors(p)]
        return []

    def _doers(self, verb: Token) -> list[int]:
        """Who does ``verb``: its subject, its passive agent, or "at the initiative of X"."""
        out: list[int] = []
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
        for child in verb.children:
            if child.dep_ == "nsubj" and not passive:
                out += self.actors(child)
            elif child.dep_ == "agent":
                out += [e for p in child.children if p.dep_ == "pobj" for e in self.actors(p)]
            elif child.dep_ == "prep" and child.lower_ in {"at", "on", "upon"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_ in {"initiative", "behest", "instigation", "order"}:
                        out += self._prep_objects(pobj, {"of"})
        return out

    def _modifier_actors(self, noun: Token) -> list[int]:
        """Actors named by a noun's modifiers, demonyms included ("US-Polish")."""
        gaz = gazetteer_of(self.doc)
        out: list[int] = []
        for child in noun.subtree:
            if child.i >= noun.i or child.dep_ not in {"compound", "amod", "nmod", "poss", "npadvmod"}:
                continue
            ids = resolve_token(self.doc, child, expand_conj=False)
            if not ids:
                entry = gaz.country_of_demonym(child.text)
                if entry is not None:
                    ids = [e.id for e in self.entities if e.key == entry.key]
            for eid in ids:
                if eid not in out and self.entities[eid].type in ACTOR:
                    out.append(eid)
        return out

    def _described(self, noun: Token) -> list[int]:
        """Who a descriptive noun phrase is about: "X, one of Y's allies", "X is Y's ally"."""
        node = noun
        if node.head.dep_ == "pobj" or node.dep_ == "pobj":
            # "one of Y's allies": climb from "allies" to "one"
            prep = node.head
            if prep.dep_ == "prep" and prep.head.lower_ in {"one", "some", "many", "two"}:
                node = prep.head
        if node.dep_ == "appos":
            return self.actors(node.head)
        if node.dep_ == "attr":
            return self.subject(node.head)
        for child in node.children:
            if child.dep_ == "appos":
                return self.actors(child)
        return []

    def _prep_objects(self, tok: Token, preps: set[str] | frozenset[str]) -> list[int]:
        out: list[int] = []
        for child in tok.children:
            if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out += [e for e in self.actors(pobj) if e not in out]
        return out

    # ---------------------------------------------------------------- all
    def relations(self) -> list[Relation]:
        out: list[Relation] = []
        for predicate, found in (("accuses", self.accusations()), ("cooperatesWith", self.cooperations())):
            for cue, subjects, objects, method, confidence in found:
                if not subjects or not objects:
                    continue
                if self.demanded(cue):
                    continue
                # a failed bid to oust X still accuses X; a failed cooperation is none
                refusals = REFUSAL_WORDS if predicate == "cooperatesWith" else DENIAL_WORDS
                polarity = "negative" if self.negated(cue, refusals) else "positive"
                sent = cue.sent
                if predicate == "accuses" and cue.lemma_.lower() in LEGAL_ACTION_VERBS:
                    # "Belgian authorities charged Nourredine H.": a suspect whom no text or
                    # gazetteer gives a post is prosecuted, not politically accused
                    objects = [o for o in objects if not (self.entities[o].kind == "person"
                                                          and self.entities[o].type is None)]
                for s in subjects:
                    for o in objects:
                        if s == o:
                            continue
                        out.append(Relation(s, predicate, o, polarity, sent.start_char, sent.end_char,
                                            cue.text, method, confidence))
        return out


#: Verbs by which the parties themselves make a cooperation noun theirs.
_REACH_VERBS = frozenset({"reach", "sign", "conclude", "strike", "seal", "come", "forge", "form",
                          "agree", "hold", "launch", "renew", "deepen", "strengthen", "expand"})


def _reached(noun: Token) -> bool:
    """Whether ``noun`` is what its clause's subject reached, signed or came to."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in {"to", "on", "in"}:
        head = head.head
    elif noun.dep_ not in {"dobj", "nsubjpass"}:
        return False
    return head.pos_ == "VERB" and head.lemma_.lower() in _REACH_VERBS


#: What a state does by law: "the measures", "the law" of an article about one state.
STATE_MEASURES = frozenset({"measure", "law", "legislation", "policy", "crackdown", "ban", "reform"})

#: Verbs of prosecution: they accuse an actor, but make no official of a private person.
LEGAL_ACTION_VERBS = frozenset({"charge", "indict", "sue", "convict", "sentence", "prosecute", "arrest",
                                "detain", "jail", "imprison", "try", "extradite"})


def _is_negative(tok: Token) -> bool:
    if tok.lower_ in NEGATIVE_EVALUATION or tok.lemma_.lower() in NEGATIVE_EVALUATION:
        return True
    # hyphenated words the tokenizer splits: "ill-advised", "prejudice-based"
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-":
        return f"{doc[tok.i - 2].lower_}-{tok.lower_}" in NEGATIVE_EVALUATION
    return False


def find_relations(doc: Doc) -> list[Relation]:
    """All relations of ``doc``: speaksFor from its roles, accuses and cooperatesWith
    from the parse; people taking part in a relation become officials."""
    reader = RelationReader(doc)
    relations = roles_to_relations(doc._.gb_roles or [])
    relations += reader.relations()
    entities = doc._.gb_entities
    for rel in relations:
        for eid in (rel.subject, rel.object):
            if entities[eid].type is None and (rel.polarity == "positive" or entities[eid].kind != "person"):
                # a person acting in a relation has a public role (not one said to have no
                # link to a group, or cleared of wrongdoing); an organisation of unknown
                # kind that accuses, cooperates or has a spokesman is a Group
                entities[eid].type = "Official" if entities[eid].kind == "person" else "Group"
    seen = set()
    unique = []
    for rel in relations:
        key = (rel.subject, rel.predicate, rel.object, rel.polarity, rel.sent_start)
        if key in seen:
            continue
        seen.add(key)
        unique.append(rel)
    return unique


@Language.factory(
    "graphbuild_relations",
    requires=["doc._.gb_entities", "doc._.gb_roles", "token.dep", "token.lemma"],
    assigns=["doc._.gb_relations"],
)
def make_relations(nlp: Language, name: str):
    return RelationsComponent()


class RelationsComponent:
    """Writes :func:`find_relations` to ``doc._.gb_relations``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.gb_relations = find_relations(doc)
        return doc
