"""Entity mentions: spaCy's PERSON, ORG, GPE and NORP spans (and the gazetteer's) typed
as the guidelines' four actor types.

Rules, in order (``find_mentions``):

1. A span the gazetteer knows (its EntityRuler pattern id, or a lookup of its text)
   takes the gazetteer's type: "ISIL" is a Group, "Moscow" a Country, "the Kremlin" a
   Ministry of Russia.
2. PERSON spans are people; whether one is an ``Official`` is decided by the roles
   component from a title, an apposition or a relation.
3. ORG spans headed by a body noun (Ministry, Department, Court, Parliament ...) with
   a state context are ``Ministry``; other ORG spans are ``Group``.
4. Unknown GPE and LOC spans are places, not actors; a lone demonym (NORP "Russian")
   names no actor.
5. Phrases spaCy does not tag: "Western countries" (the West as a bloc) and "the
   Syrian government" (metonymy for the state).
"""
from __future__ import annotations


from spacy.language import Language
from spacy.tokens import Doc, Span

from graphbuild.gazetteer import Gazetteer, load_gazetteer
from graphbuild.nlp.cues import (
    ADVOCACY_WORDS, BODY_HEADS, COMPANY_NOUNS, GOVERNMENT_NOUNS, GROUP_CONTEXT_WORDS, GROUP_WORDS,
    HONORIFIC_WORDS, HONORIFICS, INTERNATIONAL_WORDS, MEDIA_VERBS, MEDIA_WORDS, NAMED_AFTER_HEADS,
    NATIONAL_BODY_HEADS, NON_ACTOR_ORG_WORDS, PORTFOLIOS, ROLE_NOUNS, SCHOLARLY_ORG_WORDS, SPEECH_VERBS,
    STANDALONE_BODIES, STATE_BODY_HEADS, WEST_NOUNS,
)
from graphbuild.nlp.model import Mention

#: Single words of portfolios: "Interior", "Culture, Media and Sport".
PORTFOLIO_WORDS = frozenset(w for p in PORTFOLIOS for w in p.split()) | {
    "media", "sport", "sports", "constitutional", "affairs", "pensions", "work", "skills",
    "commonwealth", "exchequer", "home", "foreign", "defence", "defense",
}

SKIP_LABELS = frozenset({
    "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE",
    "WORK_OF_ART", "LAW", "EVENT", "PRODUCT",
})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})

if not Doc.has_extension("gb_mentions"):
    Doc.set_extension("gb_mentions", default=None)
if not Doc.has_extension("gb_gazetteer"):
    Doc.set_extension("gb_gazetteer", default=None)


def gazetteer_of(doc: Doc) -> Gazetteer:
    """The gazetteer the pipeline read ``doc`` with (shipped and user files), for the
    later components; the shipped one for a Doc made elsewhere."""
    return doc._.gb_gazetteer or load_gazetteer()


def trim_span(span: Span) -> Span | None:
    """Drop a leading determiner or honorific and a trailing possessive or punctuation.

    "the Russian Foreign Ministry's" -> "Russian Foreign Ministry".
    """
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct
                           or doc[start].is_space):
        start += 1
    # "the pro-European Democratic Left party": a stance is no part of the name
    if end - start > 4 and doc[start].lower_ in {"pro", "anti"} and doc[start + 1].text == "-" \
            and doc[start + 3].text[:1].isupper():  # not "the anti-IS coalition"
        start += 3
    trimmed = True
    while trimmed:  # "Salahauddin Rabbani - and": a dash before the conjunction too
        trimmed = False
        while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in {"'s", "'", "’s", "’"}
                               or doc[end - 1].is_punct and doc[end - 1].text not in {".", ")"}
                               or doc[end - 1].is_space):
            end -= 1
        while end > start and (doc[end - 1].pos_ in {"ADP", "DET", "CCONJ", "PART"} and doc[end - 1].tag_ != "POS"
                               or doc[end - 1].text == "("):
            end -= 1
            trimmed = True
    # "European Bank for Reconstruction and Development (EBRD": keep the name
    for i in range(start + 1, end):
        if doc[i].text == "(" and not any(doc[j].text == ")" for j in range(i, end)):
            end = i
            break
    if start >= end:
        return None
    return doc[start:end]


#: Head words of party names written with a possessive: "People's Party", "Workers' Party".
_PARTY_HEADS = frozenset({"party", "front", "movement", "alliance", "union", "league", "congress"})
_PARTY_OWNERS = frozenset({"people", "peoples", "workers", "worker", "citizens", "farmers", "women",
                           "patriots", "nation", "labour", "labor"})


def _party_name(span: Span) -> Span:
    """The whole name when spaCy stops before a possessive: "(Polish) People" | "'s
    party" -> "Polish People's party"."""
    doc, start, end = span.doc, span.start, span.end
    if end + 1 < len(doc) and doc[end].tag_ == "POS" and doc[end + 1].lower_ in _PARTY_HEADS \
            and doc[end - 1].lower_ in _PARTY_OWNERS:
        end += 2
        if start > 0 and doc[start - 1].ent_type_ == "NORP" and doc[start - 1].text[:1].isupper():
            start -= 1
    elif start > 0 and doc[start - 1].ent_type_ == "NORP" and doc[start - 1].text[:1].isupper() \
            and end - start >= 3 and doc[start].lower_ in _PARTY_OWNERS and doc[start + 1].tag_ == "POS":
        start -= 1  # "Austrian" + "People's Party"
    return doc[start:end]


#: Last words of organisation names that may go on with "of <country>".
_OF_COUNTRY_HEADS = frozenset({"agency", "bank", "council", "commission", "committee", "federation",
                               "association", "union", "party", "front", "movement", "organization",
                               "organisation", "institute", "society", "church", "congress", "assembly",
                               "court", "league", "chamber", "confederation", "alliance", "army"})


def _without_descriptor(span: Span) -> tuple[Span, str]:
    """A name without the common noun that describes it, and the name as written:
    "Democratic Left party" -> ("Democratic Left", "Democratic Left party")."""
    if len(span) > 1 and span[-1].text in {"party", "group"} and span[-2].text[:1].isupper():
        return span[:-1], span.text
    return span, ""


def _with_people(span: Span) -> Span:
    """The whole name of a body of a people or a faith that spaCy stops before "of":
    "the Board of Deputies" + "of British Jews"."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return span
    k = end + 1
    while k < len(doc) and k - end <= 3 and doc[k].ent_type_ == "NORP":
        k += 1
    if k > end + 1 and doc[k - 1].tag_ in {"NNPS", "NNS"} and doc[k - 1].lower_ in FAITH_WORDS:
        return doc[span.start:k]
    return span


def _with_listed_words(span: Span) -> Span:
    """The whole name when it begins with a list spaCy cut off: "Social, Environmental,
    and" + "Economic Council"."""
    doc, start = span.doc, span.start
    if start < 3 or doc[start - 1].lower_ not in {"and", "&"}:
        return span
    j = start - 2
    if doc[j].text == ",":
        j -= 1
    first, commas = start, 0
    while j >= 0 and start - j <= 8:
        tok = doc[j]
        if tok.text == "," and j > 0 and doc[j - 1].text[:1].isupper():
            commas += 1
        elif not (tok.text[:1].isupper() and tok.is_alpha) or tok.is_sent_start and j + 1 == first:
            break
        else:
            first = j
        j -= 1
    if commas == 0 or first == start or span[-1].lower_ not in BODY_HEADS:
        return span
    for ent in doc.ents:
        if ent.start < start and ent.end > first and "," not in ent.text:
            return span  # "Siemens, BASF and Deutsche Bank": names of their own
    return doc[first:span.end]


def _with_modifiers(span: Span, gazetteer: Gazetteer) -> Span:
    """The whole name when a known shorter name cut it: "Democratic" + "Green Party"."""
    doc, start = span.doc, span.start
    while start > 0 and span.end - start < 6:
        prev = doc[start - 1]
        if prev.is_sent_start or not prev.is_alpha or not prev.text[:1].isupper() \
                or prev.ent_type_ not in {"", "NORP"} \
                or prev.pos_ not in {"PROPN", "ADJ"} or prev.dep_ not in {"compound", "amod"} \
                or not (span.start <= prev.head.i < span.end) or prev.lower_ in ROLE_NOUNS \
                or gazetteer.country_of_demonym(prev.text) is not None \
                or (start >= 2 and doc[start - 2].text == "-"):
            break
        start -= 1
    return doc[start:span.end]


def _with_country_in_name(span: Span, gazetteer: Gazetteer) -> Span:
    """The whole name when spaCy left a country out of it: "News Agency" + "of
    Nigeria", "China" + "Radio International" (not "US" + "Court of ...", a state's
    body named with its state, which keeps the country apart)."""
    doc = span.doc
    end = span.end
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].ent_type_ == "GPE" \
            and doc[end - 1].lower_ in _OF_COUNTRY_HEADS and doc[end - 1].text[:1].isupper():
        named = next((e for e in doc.ents if e.start == end + 1), None)
        if named is not None and _country_entry(gazetteer, named.text) is not None:
            return doc[span.start:named.end]
    owner = country_before(span, gazetteer)
    if owner is not None and doc[owner[0].start].text[:1].isupper():
        whole = doc[owner[0].start:span.end]
        known = gazetteer.lookup(whole.text)
        if known is not None or classify_org(span, gazetteer)[0] == "Group":
            return whole
    return span


def trim_person(span: Span) -> Span | None:
    """Drop honorifics and role words that spaCy put inside a PERSON span ("Mr Howard")."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and (doc[start].lower_.rstrip(".") in HONORIFIC_WORDS
                               or doc[start].lower_ in ROLE_NOUNS):
        start += 1
    return doc[start:end]


#: Lower-case words inside names: "Ard van der Steur", "Ursula von der Leyen".
NAME_PARTICLES = frozenset({"van", "der", "den", "von", "de", "del", "della", "di", "da", "du", "la", "le",
                            "bin", "ibn", "al", "el", "ter", "zu"})


def _with_particle_surname(span: Span) -> Span:
    """A PERSON span that stops at a particle ("Ard van der" | "Steur") takes the
    capitalised surname after it."""
    doc, end = span.doc, span.end
    if span[-1].lower_ not in NAME_PARTICLES or end >= len(doc):
        return span
    while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha and end - span.start < 6:
        end += 1
    return doc[span.start:end]




#: Words that make a bank, a centre or an exchange a public or international body, not
#: a business ("Central Bank", "European Centre for Disease Prevention").
_PUBLIC_NAME_WORDS = frozenset({"central", "national", "federal", "world", "european", "international"})

#: Nouns for a business written before its name ("carmaker Volkswagen"); not those
#: written before other names too ("the group Hamas", "the bank's").
_COMPANY_NOUNS_BEFORE = COMPANY_NOUNS - {"group", "bank", "chain"}

#: Business posts written after a company's name: "Adidas CEO Herbert Hainer".
_COMPANY_POSTS = frozenset({"ceo", "cfo", "coo", "cto", "executives", "shareholders", "shares"})


def _is_company_name(span: Span) -> bool:
    """A one-word PERSON span that an apposition, a noun before it or a business post
    after it calls a business: "Tabcorp, a publicly listed company", "sportsgear
    manufacturer Adidas", "Adidas CEO Herbert Hainer". ("Germany's Adidas" alone
    stays a person: "Ukraine's Yatsenyuk" is written the same way.)"""
    if len(span) != 1:
        return False
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in _COMPANY_NOUNS_BEFORE:
        return True
    if span.end < len(doc) and doc[span.end].lower_ in _COMPANY_POSTS:
        return True
    return any(child.dep_ == "appos" and child.lemma_.lower() in COMPANY_NOUNS for child in span.root.children)


def _acronyms_of_non_actors(doc: Doc) -> frozenset[str]:
    """Acronyms the article gives a company, a university or an exchange in brackets:
    "the Australian Securities Exchange (ASX)" -> "ASX"."""
    out = set()
    for ent in doc.ents:
        if ent.label_ != "ORG" or ent.end + 2 >= len(doc) or doc[ent.end].text != "(" or doc[ent.end + 2].text != ")":
            continue
        words = {t.lower_ for t in ent}
        acronym = doc[ent.end + 1].text
        if acronym.isupper() and words & NON_ACTOR_ORG_WORDS and not words & (ADVOCACY_WORDS | _PUBLIC_NAME_WORDS):
            out.add(acronym)
    return frozenset(out)


#: Words a title-case headline leaves in lower case.
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "as", "by", "with"})


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the lines written in title case (a headline: "Election
    Outcome Won't Hurt Bavaria's CSU"), where spaCy takes capitalised words for names.

    >>> title_case_lines("Election Outcome Won't Hurt Bavaria's CSU\\nThe party's fear is unfounded.")
    [(0, 41)]
    """
    ranges = []
    start = 0
    for line in text.split("\n"):
        words = [w for w in line.split() if w[:1].isalpha()]
        content = [w for w in words if w.lower() not in _SMALL_WORDS]
        if len(content) >= 4 and sum(w[:1].isupper() for w in content) >= 0.8 * len(content):
            ranges.append((start, start + len(line)))
        start += len(line) + 1
    return ranges


def company_names(doc: Doc) -> frozenset[str]:
    """Names that spaCy took for a person's but that the article calls a business
    somewhere: all their mentions are the business's."""
    return frozenset(ent.text for ent in doc.ents if ent.label_ == "PERSON" and _is_company_name(ent))


def _after_title(span: Span) -> bool:
    """Whether a capitalised post stands just before ``span`` ("Finance Minister" X)."""
    if span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    return prev.text[:1].isupper() and prev.lower_ in ROLE_NOUNS and prev.lower_ not in HONORIFICS


def looks_like_name(span: Span) -> bool:
    """Two or three capitalised words, none a body, role or country word: a person's
    name by its shape."""
    words = [t for t in span if t.text not in {"-"}]
    return 2 <= len(words) <= 3 and all(t.text[:1].isupper() and t.is_alpha for t in words) \
        and not any(t.lower_ in BODY_HEADS | ROLE_NOUNS | GROUP_WORDS for t in words)


def _with_surname(span: Span) -> Span:
    """A PERSON span that stops before the surname: "President Demetris" | "Christofias"."""
    doc, end = span.doc, span.end
    if len(span) != 1 or end >= len(doc):
        return span
    nxt = doc[end]
    if nxt.pos_ == "PROPN" and nxt.is_alpha and nxt.text[:1].isupper() and not nxt.ent_type_ \
            and nxt.lower_ not in ROLE_NOUNS and nxt.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "appos"} \
            and span[0].head.i == nxt.i:
        return doc[span.start:end + 1]
    return span


def _with_first_names(span: Span) -> Span:
    """A PERSON span that left out the given name before it: "Foreign Minister
    Radoslaw" | "Sikorski" -> "Radoslaw Sikorski"."""
    doc, start = span.doc, span.start
    while start > 0 and span.start - start < 2:
        prev = doc[start - 1]
        if prev.pos_ != "PROPN" or not prev.is_alpha or not prev.text[:1].isupper() or prev.ent_type_ \
                or prev.dep_ != "compound" or prev.head.i not in range(span.start, span.end) \
                or _is_title_word(prev) or prev.lower_ in PORTFOLIO_WORDS:
            break
        start -= 1
    return doc[start:span.end]


def _is_title_word(token) -> bool:
    return token.lower_ in ROLE_NOUNS or token.lower_ in HONORIFICS


def _inside_longer_name(span: Span, gazetteer: Gazetteer) -> bool:
    """A gazetteer name that is the tail of a longer proper name in the text."""
    if span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    if prev.is_sent_start or not (prev.is_alpha or prev.text == "-") or not (prev.text[:1].isupper() or prev.text == "-"):
        return False
    if prev.text == "-":  # "social-democrats", "Turkish-Islamic"
        return True
    demonym = gazetteer.country_of_demonym(prev.text)
    if demonym is not None:
        # "US Democrats" are the US party; "Turkish Democrats" are not
        entry = gazetteer.lookup(span.text)
        return entry is not None and entry.type == "Group" and entry.country is not None \
            and entry.country != demonym.key
    if gazetteer.lookup(prev.text) is not None:
        return False
    return prev.pos_ in {"PROPN", "ADJ"} and prev.lower_ not in {"the", "a", "an"}


def _longer_name(span: Span, gazetteer: Gazetteer) -> Span | None:
    """The whole proper name a gazetteer name ends ("Social" + "Democratic Party"),
    or None when it is joined by a hyphen or longer than six words."""
    doc, start = span.doc, span.start
    if len(span) < 2:
        return None  # "Kanye West", a headline's "Brings EU": no longer group name
    while start > 0 and span.end - start < 6:
        prev = doc[start - 1]
        known = gazetteer.lookup(prev.text)
        if prev.is_sent_start or not prev.is_alpha or not prev.text[:1].isupper() \
                or gazetteer.country_of_demonym(prev.text) is not None \
                or (start >= 2 and doc[start - 2].text == "-") \
                or (known is not None and known.type == "Country") or prev.pos_ not in {"PROPN", "ADJ"}:
            break
        start -= 1
    return doc[start:span.end] if start < span.start else None


def _is_portfolio(span: Span) -> bool:
    words = [t.lower_ for t in span if not t.is_punct and t.lower_ not in {"and", "&", "of"}]
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return bool(words) and all(w in PORTFOLIO_WORDS for w in words) and (
        nxt is None or nxt.lower_ in ROLE_NOUNS or len(words) == 1)


def appositive_role(root):
    """The post a name stands in apposition to, where the parser attached the
    apposition to the post's own "for"/"of" object ("envoy for Syria, Staffan de
    Mistura" -> envoy)."""
    if root.dep_ != "appos":
        return None
    head = root.head
    for _ in range(3):
        if head.lower_ in ROLE_NOUNS:
            return head
        if head.dep_ in {"pobj", "prep"} and head.head.i != head.i:
            head = head.head
        else:
            return None
    return None


def looks_like_person(span: Span) -> bool:
    """An ORG span that is a person's name: in apposition to a post ("the UN's special
    envoy for Syria, Staffan de Mistura"), or titled ("Minister X")."""
    words = {t.lower_ for t in span}
    if words & BODY_HEADS or any(t.is_digit or t.is_upper and len(t) > 1 for t in span):
        return False
    root = span.root
    if appositive_role(root) is not None:
        return True
    if any(c.dep_ == "appos" and c.lower_ in ROLE_NOUNS for c in root.children):
        return True
    prev = span.doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in ROLE_NOUNS and prev.head.i >= span.start \
            and len(span) >= 2 and all(t.text[:1].isupper() for t in span):
        return True  # "Holyrood leader Nicola Sturgeon", "Minister Jane Doe"
    return False


def classify_org(span: Span, gazetteer: Gazetteer) -> tuple[str, str | None]:
    """Type an ORG span the gazetteer does not know: ("Ministry", country) or ("Group", None)."""
    words = [t.lower_ for t in span]
    country = None
    for token in span:
        entry = gazetteer.country_of_demonym(token.text) or _country_entry(gazetteer, token.text)
        if entry is not None:
            country = entry.key
            break
    if country is None:
        prev = span.doc[span.start - 1] if span.start > 0 else None
        owner = country_before(span, gazetteer)
        if owner is not None:
            country = owner[1].key
        elif prev is not None:
            entry = gazetteer.country_of_demonym(prev.text)
            if entry is None and prev.tag_ == "POS" and span.start >= 2:
                # "Germany's Foreign Ministry", "the United States' Justice Department"
                owner = span.doc[span.start - 2]
                named = next((e for e in span.doc.ents if e.start <= owner.i < e.end), None)
                entry = _country_entry(gazetteer, (named or owner).text)
            if entry is not None:
                country = entry.key
    heads = set(words) & BODY_HEADS
    if set(words) & MEDIA_WORDS:
        return "Group", None  # "News Agency of Nigeria", "China Radio International"
    if set(words) & FAITH_WORDS and not heads & STATE_BODY_HEADS:
        return "Group", None  # "Board of Deputies of British Jews", "Muslim Council of Britain"
    if heads & STATE_BODY_HEADS or (heads and country):
        if not heads & STATE_BODY_HEADS and set(words) & BUSINESS_WORDS:
            return "Group", None  # "German Chamber of Industry and Commerce": a business body
        return "Ministry", country
    if words and words[0] in {"ministry", "department"}:
        return "Ministry", country
    if heads & {"commission", "council", "assembly", "board", "authority", "office", "agency",
                "service", "committee", "executive", "inspectorate"} and not (set(words) & INTERNATIONAL_WORDS) \
            and not (set(words) & {"party", "union", "movement", "news", "press"}):
        # "Standards Board for England", "London Assembly": a public body
        return "Ministry", country
    named_administration = "administration" in words and "of" in words \
        and words.index("administration") < words.index("of")  # "General Administration of Customs"
    if not named_administration and words[-1] == "administration" and len(span) >= 3:
        # "the Federal Aviation Administration", not "the Bush Administration" (a government)
        named_administration = gazetteer.lookup(span[:-1].text) is None
    owned = span.start > 0 and span.doc[span.start - 1].tag_ == "PRP$"  # "his Bachelors of Business Administration"
    if named_administration and not owned and not set(words) & INTERNATIONAL_WORDS:
        return "Ministry", country
    if group_evidence(span):
        return "Group", None
    # an organisation of unknown kind (a company, a club, a university): typed only
    # if it takes part in a relation
    return None, None


def country_before(span: Span, gazetteer: Gazetteer):
    """The country named just before ``span`` ("US" of "US Court of Military Commission
    Review"), as (the span naming it, its entry), or None."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].ent_type_ != "GPE":
        return None
    named = next((e for e in doc.ents if e.end == span.start and e.label_ == "GPE"), None)
    if named is None:
        return None
    entry = _country_entry(gazetteer, named.text)
    return (named, entry) if entry is not None else None


#: Modifiers that make a "group" or a "station" no collective actor: "the Hausa ethnic
#: group", "investment group RHJ International", "Gare de l'Est train station".
_NOT_ACTOR_KINDS = frozenset({
    "ethnic", "tribal", "linguistic", "religious", "minority", "age", "investment", "industrial",
    "banking", "insurance", "financial", "holding", "retail", "steel", "chemical", "chemicals",
    "pharmaceutical", "car", "automotive", "engineering", "construction", "hotel", "travel",
    "tourism", "food", "mining", "train", "railway", "rail", "bus", "metro", "subway", "underground",
    "tube", "police", "power", "fire", "petrol", "gas", "space", "research",
})


def _group_kind(noun) -> bool:
    """Whether ``noun`` is a kind of group or outlet ("party", "daily", "group") that
    no modifier makes an ethnicity, a business or a place."""
    if noun.lower_ not in GROUP_CONTEXT_WORDS:
        return False
    return not (noun.lower_ in {"group", "station", "network", "channel"} and any(
        c.lower_ in _NOT_ACTOR_KINDS for c in noun.children if c.dep_ in {"amod", "compound"}))


def group_evidence(span: Span) -> bool:
    """Whether an organisation's name or context marks it as a party, movement, armed
    group, international body, NGO or media outlet."""
    words = {t.lower_ for t in span}
    if words & GROUP_WORDS:
        return True
    root = span.root
    doc = span.doc
    if root.dep_ in {"compound", "amod", "nmod"} and any(c.dep_ == "det" and c.lower_ in {"a", "an"}
                                                         for c in root.head.children):
        return False  # "a Palestinian Salafist group": a kind of group, not a name
    if len(span) == 1 and span[0].lower_.rstrip("s") in IDEOLOGY_WORDS:
        return False  # "the Salafist group that claimed responsibility": a kind again
    # "the news magazine Der Spiegel", "La Stampa daily", "Syriza party"
    for tok in root.children:
        if tok.i not in range(span.start, span.end) and _group_kind(tok) \
                and tok.dep_ in {"compound", "appos", "nmod", "amod"}:
            return True
    if root.dep_ in {"compound", "appos", "nmod"} and _group_kind(root.head):
        return True
    for i in (span.start - 1, span.end):
        if 0 <= i < len(doc) and _group_kind(doc[i]):
            return True
    # "parties like the Alternative for Germany or Podemos": examples of a kind
    node = root
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ in {"like", "as", "including"}:
        kind = node.head.head if node.head.lower_ != "as" else node.head.head.head
        if kind.lemma_ in GROUP_CONTEXT_WORDS or kind.lower_ in GROUP_CONTEXT_WORDS:
            return True
    return is_media_source(span)


def is_media_source(span: Span) -> bool:
    """An outlet by the way the text uses it: "Le Figaro reported", "told Bild",
    "according to Handelsblatt", "in an interview with CBC", "wrote in Time"."""
    root = span.root
    head = root.head
    if root.dep_ == "nsubj" and head.lemma_ in MEDIA_VERBS:
        return True
    if root.dep_ in {"dobj", "dative"} and head.lemma_ in {"tell"}:
        return True
    if root.dep_ == "pobj":
        prep = head
        gov = prep.head
        if prep.lower_ == "to" and gov.lower_ == "according":
            return True
        if prep.lower_ == "with" and gov.lemma_ == "interview":
            return True
        if prep.lower_ == "in" and gov.lemma_ in {"write", "publish", "report", "say", "print"}:
            return True
    return False


_COUNTRY_NAMES: dict[int, dict[str, str]] = {}


def fuzzy_country(gazetteer: Gazetteer, text: str):
    """A country name with a typo ("Unites States"): one edit away from a name of
    eight letters or more, and unambiguous."""
    import difflib

    names = _COUNTRY_NAMES.get(id(gazetteer))
    if names is None:
        names = {}
        for entry in gazetteer.of_type("Country"):
            for name in (entry.name, *entry.aliases):
                if len(name) >= 8:
                    names[name.lower()] = entry.key
        _COUNTRY_NAMES[id(gazetteer)] = names
    if len(text) < 8:
        return None
    close = difflib.get_close_matches(text.lower(), list(names), n=2, cutoff=0.9)
    keys = {names[c] for c in close}
    if len(keys) == 1:
        return gazetteer.get(keys.pop())
    return None


def _country_entry(gazetteer: Gazetteer, text: str):
    entry = gazetteer.lookup(text)
    if entry is not None and entry.type == "Country":
        return entry
    return None


#: Words that make a body a community's or a faith's, not the state's ("Central Council
#: of Jews", "Muslim Council of Britain", "Church of England").
FAITH_WORDS = frozenset({"jews", "jewish", "muslim", "muslims", "catholic", "catholics", "christian", "christians",
                         "hindu", "hindus", "sikh", "sikhs", "protestant", "protestants", "church", "churches",
                         "mosque", "mosques", "synagogue", "bishops"})

#: Words that make a body with a country in its name a business association, not the
#: state's ("German Chamber of Industry and Commerce", "Confederation of British Industry").
BUSINESS_WORDS = frozenset({"commerce", "industry", "industries", "employers", "business", "trade"})

#: Titles of the peerage that are part of a British peer's name ("Lord Bingham"), unlike
#: honorifics ("Mr Howard"); not posts that begin with "Lord" ("Lord Chancellor").
PEER_TITLES = frozenset({"Lord", "Baroness", "Baron", "Viscount", "Viscountess", "Earl", "Countess", "Marquess"})
_LORD_POSTS = frozenset({"justice", "chief", "chancellor", "mayor", "provost", "advocate", "president", "speaker",
                         "privy", "high", "lieutenant", "protector", "god", "jesus"})


def peer_names(doc: Doc, gazetteer: Gazetteer, tokens: list | None = None) -> list[Span]:
    """Peers named by title and name, with their territorial designation: "Lord
    Bingham", "Lord Walker of Gestingthorpe", "Baroness Boothroyd"."""
    out = []
    for tok in (tokens if tokens is not None else list(doc))[:-1]:
        if tok.text not in PEER_TITLES:
            continue
        nxt = doc[tok.i + 1]
        if not nxt.text[:1].isupper() or not nxt.is_alpha \
                or nxt.lower_ in _LORD_POSTS | ROLE_NOUNS | BODY_HEADS or nxt.lower_.rstrip("s") in _LORD_POSTS \
                or nxt.ent_type_ in {"GPE", "NORP"} \
                or gazetteer.country_of_demonym(nxt.text) is not None:
            continue
        end = tok.i + 2
        if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].text[:1].isupper() \
                and doc[end + 1].is_alpha and _country_entry(gazetteer, doc[end + 1].text) is None:
            end += 2  # "of Birkenhead": the peer's territorial designation
        out.append(doc[tok.i:end])
    return out


#: Prepositions that make a city a place rather than an actor ("protests in Bogota").
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "around", "across", "into", "throughout"})

#: Capitalised words after a country's name that make it the first word of an event's
#: name ("the Vietnam War", "the Iraq War"), which names no actor.
EVENT_HEADS = frozenset({"war", "crisis", "affair", "revolution", "uprising", "spring"})


def _city_body(span: Span) -> Span | None:
    """A city's own body named by the city and a body word: "London Assembly", "Berlin
    Senate", "Moscow City Duma" (a capital that names no state here)."""
    doc, end = span.doc, span.end
    while end < len(doc) and end - span.end < 3 and doc[end].text[:1].isupper() and doc[end].is_alpha \
            and not doc[end].ent_type_ in {"PERSON", "GPE"}:
        end += 1
        if doc[end - 1].lower_ in BODY_HEADS:
            return doc[span.start:end]
    return None


def capital_as_place(span: Span, entry) -> bool:
    """Whether a capital's name stands for its city, not its state: a place ("taxi
    drivers in Bogota"), or a word of a longer name ("Dinamo Zagreb")."""
    if span.text not in {entry.capital, *entry.capital_aliases} or span.text in entry.names:
        return False
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.text[:1].isupper() and prev.is_alpha and not prev.is_sent_start \
            and prev.pos_ == "PROPN" and prev.lower_ not in ROLE_NOUNS | HONORIFICS and prev.ent_type_ not in {"GPE", "NORP"}:
        return True  # "Dinamo Zagreb", "Real Madrid"
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text[:1].isupper() and after.pos_ == "PROPN" and not after.ent_type_ == "DATE" \
            and after.lower_ not in ROLE_NOUNS | HONORIFICS and not after.is_sent_start:
        return True  # "Paris St. Germain", "Beijing Olympics"
    head = span.root.head
    # not "X said in Berlin": where words were said tells whose they are
    return span.root.dep_ == "pobj" and head.lower_ in PLACE_PREPS and head.head.pos_ in {"NOUN", "VERB", "PROPN"} \
        and head.head.lemma_ not in SPEECH_VERBS


#: Words for a creed or a cause that make "the ... group" a kind of group, not a name.
IDEOLOGY_WORDS = frozenset({"salafist", "salafi", "islamist", "jihadist", "extremist", "militant", "separatist",
                            "rebel", "nationalist", "leftist", "rightist", "anarchist", "terrorist", "insurgent"})

#: Common nouns that introduce a group's or an outlet's name ("the daily *Nepszabadsag*",
#: "the non-governmental organization *Open Society*").
KIND_NOUNS_BEFORE = frozenset({"daily", "weekly", "newspaper", "magazine", "tabloid", "broadsheet", "paper",
                               "broadcaster", "newsweekly", "periodical", "journal", "organization", "organisation",
                               "ngo", "charity", "militia", "movement", "alliance", "coalition", "faction"})

#: Common nouns written after a group's or an outlet's name ("the *Filt Cgil* union");
#: two-word ones after "publishing" or "media" ("the WAZ media group"). Not "charity" or
#: "movement", written after a cause as often ("an Aids charity", "the MeToo movement"),
#: nor "coalition", written after its parties ("an SPD-Green coalition").
KIND_NOUNS_AFTER = frozenset({"publisher", "publishers", "newspaper", "magazine", "daily", "weekly", "broadcaster",
                              "tabloid", "union", "alliance", "militia", "faction"})
_KIND_PAIRS = frozenset({"house", "group", "company", "empire"})


def _introduced_by_kind_noun(span: Span) -> bool:
    """Whether a name follows a noun that makes it a group or an outlet: "the daily
    Famagusta Gazette", "the organization Open Society" (not "the paper's Chris Yearley")."""
    if span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    if prev.lower_ == "the" and span.start > 1:
        prev = span.doc[span.start - 2]  # "Aids charity the Terrence Higgins Trust"
    if span.root.dep_ == "nsubj" and span.root.head.dep_ == "relcl":
        return False  # "the newspaper John Smith founded"
    return prev.lower_ in KIND_NOUNS_BEFORE and prev.tag_ in {"NN", "JJ"} and prev.text.islower()


def _kind_noun_after(span: Span, person: bool = False) -> Span | None:
    """The common noun after a name that makes it a group or an outlet: "the Filt Cgil
    *union*", "the Axel Springer *publishing house*"; after a name spaCy took for a
    person's (``person``) also "the Milla *group*" (after an organisation's, "group" is
    a business's as often: "the Volkswagen group")."""
    doc = span.doc
    end = span.end
    if end + 1 < len(doc) and doc[end].is_quote and span.start > 0 and doc[span.start - 1].is_quote:
        end += 1  # '"Life" magazine'
    nxt = doc[end] if end < len(doc) else None
    if nxt is None or not nxt.text.islower():
        return None
    first = doc[span.start - 1] if span.start > 0 and doc[span.start - 1].is_quote else span[0]
    if first.is_sent_start or span.start > 0 and doc[span.start - 1].text == "-":
        return None  # "'Super union' merger plan touted", "the Fiat-GM alliance"
    if nxt.lower_ in KIND_NOUNS_AFTER or person and nxt.lower_ == "group":
        return doc[end:end + 1]
    if nxt.lower_ in {"publishing", "media"} and end + 1 < len(doc) and doc[end + 1].lower_ in _KIND_PAIRS:
        return doc[end:end + 2]
    return None


def _named_with_kind(span: Span, person: bool = False) -> str | None:
    """The name as written when a kind noun makes ``span`` a group's or an outlet's name
    ("the Filt Cgil union"; "" when the noun comes before: "the daily Famagusta
    Gazette"), else None. ``person``: spaCy took it for a person's name."""
    kind = _kind_noun_after(span, person)
    if kind is not None:
        return span.doc[span.start:kind.end].text if kind.start == span.end else ""
    return "" if _introduced_by_kind_noun(span) else None


def _names_another_body(span: Span, gazetteer: Gazetteer) -> bool:
    """Whether a one-word body name ("Congress", "Parliament") is the head of another
    body's name: "the 165th Annual Congress of Homeopathic Doctors"."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].text[:1].isupper() and doc[span.start - 1].pos_ in {"PROPN", "ADJ"} \
            and not doc[span.start - 1].is_sent_start and gazetteer.country_of_demonym(doc[span.start - 1].text) is None \
            and gazetteer.lookup(doc[span.start - 1].text) is None:
        return True
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "of":
        nxt = doc[span.end + 1]
        if nxt.lower_ == "the" and span.end + 2 < len(doc):
            nxt = doc[span.end + 2]
        return nxt.text[:1].isupper() and _country_entry(gazetteer, nxt.text) is None \
            and gazetteer.country_of_demonym(nxt.text) is None
    return False


#: Words that make "the ... state of X" a region: "the southeastern state of Georgia".
_COMPASS = frozenset({"northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern",
                      "southwestern", "central", "north", "south", "east", "west"})


def _federal_state(span: Span, entry, gazetteer: Gazetteer) -> bool:
    """Whether a country's name names a federal state of another country here: "the
    southeastern state of Georgia", "the US state of Georgia" (not "the state of Israel")."""
    of = span.root.head
    if span.root.dep_ != "pobj" or of.lower_ != "of" or of.head.lower_ != "state":
        return False
    for mod in of.head.children:
        if mod.dep_ not in {"amod", "compound", "nmod"}:
            continue
        if mod.lower_ in _COMPASS:
            return True
        other = gazetteer.country_of_demonym(mod.text) or _country_entry(gazetteer, mod.text)
        if other is not None and other.key != entry.key:
            return True
    return False


def _federal_state_names(doc: Doc, gazetteer: Gazetteer) -> frozenset[str]:
    """Countries' names that the article uses for a federal state ("the southeastern
    state of Georgia"): every mention of them there is the state's."""
    out = set()
    for ent in doc.ents:
        if ent.label_ != "GPE":
            continue
        entry = gazetteer.get(ent.ent_id_) if ent.ent_id_ else gazetteer.lookup(ent.text)
        if entry is not None and entry.type == "Country" and _federal_state(ent, entry, gazetteer):
            out.add(ent.text)
    return frozenset(out)


def _named_elsewhere(doc: Doc, entry, gazetteer: Gazetteer, memo: dict[str, bool] | None = None) -> bool:
    """Whether the article names a country by its name or demonym ("German Chancellor");
    ``memo`` keeps the answers for one Doc."""
    if memo is not None:
        if entry.key not in memo:
            memo[entry.key] = _named_elsewhere(doc, entry, gazetteer)
        return memo[entry.key]
    names = set(entry.names)
    if any(e.text in names for e in doc.ents):
        return True
    for t in doc:
        if t.text in names:
            return True
        if t.text[:1].isupper() and t.is_alpha:
            found = gazetteer.country_of_demonym(t.text)
            if found is not None and found.key == entry.key:
                return True
    return False


def event_name(span: Span) -> bool:
    """Whether a country's name is the first word of an event's name: "the Vietnam War"."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].text[:1].isupper() and doc[span.end].lower_ in EVENT_HEADS


def find_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Actor mentions of ``doc``, sorted by position (a pure function of the Doc)."""
    mentions: list[Mention] = []
    taken: set[int] = set()
    tokens = list(doc)  # one pass makes the Token objects; the passes below reuse them
    named_countries: dict[str, bool] = {}  # country key -> named by name or demonym in the article

    def add(span: Span, kind: str, type_: str | None, key: str | None = None,
            country: str | None = None, surface: str = "") -> None:
        if any(i in taken for i in range(span.start, span.end)):
            return
        taken.update(range(span.start, span.end))
        mentions.append(Mention(span.start, span.end, span.start_char, span.end_char,
                                span.text, kind, type_, key, country, surface=surface))

    def release(start: int, end: int) -> None:
        """Drop the mentions made so far that overlap doc[start:end]: a longer name
        found later takes their tokens."""
        for m in [m for m in mentions if start < end and m.start < end and m.end > start]:
            mentions.remove(m)
            taken.difference_update(range(m.start, m.end))

    companies = company_names(doc)
    headlines = title_case_lines(doc.text)
    non_actor_acronyms = _acronyms_of_non_actors(doc)
    federal_states = _federal_state_names(doc, gazetteer)
    for span in peer_names(doc, gazetteer, tokens):
        add(span, "person", None)  # "Lord Bingham", "Lord Nicholls of Birkenhead": a peer's name
    for ent in doc.ents:
        if ent.label_ in {"WORK_OF_ART", "PRODUCT"} and not ent.ent_id_:
            span = trim_span(ent)
            if span is not None and any(t.text[:1].isupper() for t in span) and is_media_source(span):
                add(span, "org", "Group")
            continue
        if ent.label_ in SKIP_LABELS and not ent.ent_id_:
            continue
        if ent.label_ not in ACTOR_LABELS and not ent.ent_id_:
            continue
        span = trim_span(ent)
        if span is None:
            continue
        entry = gazetteer.get(ent.ent_id_) if ent.ent_id_ else None
        if entry is not None and entry.type == "Group" and len(span) == 1 and not span.text.isupper() \
                and span.end < len(doc) and doc[span.end].pos_ == "PROPN" and doc[span.end].text[:1].isupper() \
                and not doc[span.end].ent_type_ and doc[span.end].lower_ not in ROLE_NOUNS:
            continue  # "West Bengal", "West Bank": a place whose name begins with a group's
        if entry is not None and entry.type == "Group" and _inside_longer_name(span, gazetteer):
            # "Free Democratic Party" is not the (US) "Democratic Party": the longer name
            whole = _longer_name(span, gazetteer)
            if whole is not None:
                release(whole.start, span.start)  # a mention spaCy made of the first words goes
                known = gazetteer.lookup(whole.text)
                whole, surface = _without_descriptor(whole)
                add(whole, "org", "Group", known.key if known is not None and known.type == "Group" else None,
                    surface=surface)
            continue
        if entry is None and any(t.text[:1].isupper() for t in span):
            entry = gazetteer.lookup(span.text)
            if entry is not None and entry.type == "Group" and _inside_longer_name(span, gazetteer):
                entry = None
        if entry is None and ent.label_ == "GPE":
            entry = fuzzy_country(gazetteer, span.text)
        if entry is None and ent.label_ in {"GPE", "ORG"} and _after_title(span) and looks_like_name(span):
            add(span, "person", None)  # "Finance Minister Peer Steinbrueck" read as a place
            continue
        if entry is None and ent.label_ in {"ORG", "PERSON"} and (
                gazetteer.country_of_demonym(span.text) is not None or span[-1].lower_ in ROLE_NOUNS):
            continue  # "French", "S African President": a demonym or a title, no actor
        if (ent.label_ == "PERSON" or entry is not None and entry.type == "Official") and span.end < len(doc) \
                and doc[span.end].text[:1].isupper() and doc[span.end].lower_ in NAMED_AFTER_HEADS:
            add(doc[span.start:span.end + 1], "org-other", None)  # "the Konrad Adenauer Foundation"
            continue
        if entry is not None and entry.type == "Ministry" and len(span) == 1 and _names_another_body(span, gazetteer):
            continue  # "the Annual Congress of Homeopathic Doctors" is no state's congress
        if entry is not None and entry.type == "Country":
            body = _city_body(span) if span.text in {entry.capital, *entry.capital_aliases} - set(entry.names) else None
            if body is not None:
                add(body, "org", "Ministry", None, entry.key)  # "London Assembly": a city's body
                continue
            if event_name(span) or capital_as_place(span, entry) and not _named_elsewhere(doc, entry, gazetteer, named_countries) \
                    or span.text in federal_states:
                continue
        if entry is not None:
            kind = {"Country": "gpe", "Official": "person"}.get(entry.type, "org")
            if kind == "person":
                span = _with_first_names(span)  # "Radoslaw" + the known "Sikorski"
            add(span, kind, entry.type, entry.key, entry.of if entry.type == "Ministry" and entry.of
                and entry.of.startswith("country:") else None)
            continue
        written = _named_with_kind(span, ent.label_ == "PERSON") if ent.label_ in {"PERSON", "ORG"} else None
        if written is not None:
            # "the local English-language daily Famagusta Gazette", "the WAZ media group"
            # (also its name as written with the noun)
            known = gazetteer.lookup(span.text)
            add(span, "org", "Group", known.key if known is not None and known.type == "Group" else None,
                surface=written)
            continue
        if ent.label_ == "PERSON":
            if span.text in companies:
                add(span, "org-other", None)  # "Tabcorp, a publicly listed company"
                continue
            if any(start <= span.start_char < end for start, end in headlines) \
                    and doc.text.count(span.text) == 1:
                continue  # "Election Outcome Won't Hurt Bavaria's CSU": a capitalised verb
            written = span
            span = trim_person(span)
            if span is not None:
                span = _with_surname(_with_first_names(_with_particle_surname(span)))
            if span is None or all(_is_title_word(t) for t in span):
                continue
            if not any(t.text[:1].isupper() for t in span):
                continue
            add(span, "person", None, surface=written.text if written.start < span.start else "")
        elif ent.label_ == "ORG":
            if len(span) > 2 and span[0].lower_ == "state" and span.start >= 2 and doc[span.start - 1].lower_ == "of" \
                    and doc[span.start - 2].lower_ in ROLE_NOUNS and looks_like_name(span[1:]):
                add(span[1:], "person", None)  # "Secretary of State" + "Matthew Bryza"
                continue
            if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in HONORIFIC_WORDS \
                    and len(span) <= 3 and all(t.text[:1].isupper() and t.is_alpha for t in span):
                add(span, "person", None)  # "Mr Campbell" read as an organisation
                continue
            named = _with_modifiers(_with_listed_words(_with_people(_party_name(span))), gazetteer)
            whole = _with_country_in_name(named, gazetteer)
            release(whole.start, span.start)  # the country taken as its own mention is part of the name
            # "Supreme Court of India" is also called "Supreme Court"
            short = named.text if whole.end > named.end else ""
            span, described = _without_descriptor(whole)  # "Democratic Left party": a party
            short = described or short
            if len(span) == 1 and span[0].lower_ in STANDALONE_BODIES and span[0].text[:1].isupper():
                add(span, "org", "Ministry")  # "the Senate": the state's, once the article says which
                continue
            if len(span) == 1 and span[0].lower_ in ROLE_NOUNS | BODY_HEADS:
                continue
            if not any(t.text[:1].isupper() for t in span):
                continue
            if _is_portfolio(span):
                continue  # "Interior" of "Interior Minister X" is part of a title
            words = {t.lower_ for t in span}
            if span.text in non_actor_acronyms:
                add(span, "org-other", None)  # "ASX" of "the Australian Securities Exchange (ASX)"
                continue
            if words & ADVOCACY_WORDS and words & NON_ACTOR_ORG_WORDS and not words & {
                    "university", "universität", "college", "school", "museum", "hospital"}:
                # "Human Rights Monitoring Institute", "Lithuanian Gay League": an NGO
                add(span, "org", "Group")
                continue
            if words & SCHOLARLY_ORG_WORDS or words & NON_ACTOR_ORG_WORDS and not words & _PUBLIC_NAME_WORDS:
                add(span, "org-other", None)  # a company, university or museum: no actor
                continue
            if looks_like_person(span):
                add(span, "person", None)
                continue
            type_, country = classify_org(span, gazetteer)
            if described:
                type_, country = "Group", None
            body = gazetteer.body_of(country, span.text) if type_ == "Ministry" and country else None
            owner = country_before(span, gazetteer) if type_ == "Ministry" else None
            # "US Court of ...": the name as written with its country is a name too
            surface = doc[owner[0].start:span.end].text if owner else short
            if body is not None:  # "Germany's Foreign Ministry": a body the gazetteer knows
                add(span, "org", "Ministry", body.key, body.of, surface=surface)
            else:
                add(span, "org", type_, None, country, surface=surface)
        elif ent.label_ == "NORP":
            _government_or_bloc(doc, span, gazetteer, add)
        # unknown GPE / LOC / FAC: places, not actors

    # a name spaCy missed, in apposition to a post: "Ilya Rogachev, the head of ..."
    for token in tokens:
        if token.i in taken or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        if token.ent_type_ in {"GPE", "LOC", "NORP", "FAC", "ORG"} or token.dep_ == "compound":
            continue
        titled = any(c.dep_ == "compound" and (c.lower_ in ROLE_NOUNS or c.lemma_.lower() in ROLE_NOUNS)
                     and c.text[:1].isupper() and c.i < token.i for c in token.children)
        if titled or any(c.dep_ == "appos" and c.lower_ in ROLE_NOUNS for c in token.children):
            start = token.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN" \
                    and doc[start - 1].head.i == token.i and start - 1 not in taken \
                    and doc[start - 1].lower_ not in ROLE_NOUNS | HONORIFICS \
                    and doc[start - 1].lemma_.lower() not in ROLE_NOUNS:
                start -= 1
            span = doc[start:token.i + 1]
            if 2 <= len(span) <= 4 and not ({t.lower_ for t in span} & (BODY_HEADS | ROLE_NOUNS)):
                add(span, "person", None)
    # a group or an outlet spaCy missed, named with its kind: "the Axel Springer publishing
    # house", "the organization Open Society"
    for token in tokens:
        if token.i in taken or not token.text[:1].isupper() or token.pos_ != "PROPN" or token.i + 1 >= len(doc):
            continue
        start = token.i
        end = start + 1
        while end < len(doc) and end - start < 4 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                and end not in taken:
            end += 1
        span = doc[start:end]
        if start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
            continue
        written = _named_with_kind(span)
        if written is not None and not span[0].is_sent_start \
                and not any(t.ent_type_ in {"DATE", "TIME", "NORP", "GPE"} for t in span):  # "a Sunday newspaper"
            add(span, "org", "Group", surface=written)
    # a surname alone ("Labour's Mr Livingstone", "Poroshenko, who ...") that spaCy
    # missed, where the article names the person in full
    surnames = {doc[m.end - 1].text for m in mentions if m.kind == "person" and m.end - m.start >= 2}
    for token in tokens:
        if token.i not in taken and token.pos_ == "PROPN" and token.text in surnames \
                and token.ent_type_ in {"", "PERSON", "ORG", "NORP"}:
            add(doc[token.i:token.i + 1], "person", None)
    for token in tokens:
        if token.i in taken:
            continue
        # "Green party politician X", "the Left party": a party named by a capitalised word
        if token.lower_ in {"party", "parties"} and token.text.islower() and token.i > 0 \
                and token.i - 1 not in taken:
            prev = doc[token.i - 1]
            if prev.text[:1].isupper() and prev.is_alpha and prev.pos_ in {"PROPN", "ADJ"} \
                    and not prev.is_sent_start and gazetteer.country_of_demonym(prev.text) is None \
                    and gazetteer.lookup(prev.text) is None:
                named = doc[token.i - 1:token.i + 1]
                known = gazetteer.lookup(named.text)
                # the name is the word: "Green", with "Green party" as written
                add(named[:1], "org", "Group", known.key if known is not None and known.type == "Group" else None,
                    surface=named.text)
                taken.add(token.i)
                continue
        # "the US Army", "the Russian Navy": a state's body named by its country and one word
        if token.text[:1].isupper() and token.lower_ in NATIONAL_BODY_HEADS and token.i > 0 \
                and not token.ent_type_:
            span = doc[token.i:token.i + 1]
            owner = country_before(span, gazetteer)
            demonym = gazetteer.country_of_demonym(doc[token.i - 1].text) if owner is None else None
            if owner is not None or (demonym is not None and doc[token.i - 1].text[:1].isupper()):
                entry = owner[1] if owner is not None else demonym
                start = owner[0].start if owner is not None else token.i - 1
                named = doc[start:token.i + 1]
                body = gazetteer.body_of(entry.key, token.text)
                release(start, token.i)
                add(named, "org", "Ministry", body.key if body else None, entry.key)
                continue
        # "Western countries", "our Western colleagues": the West as a bloc
        if token.lower_ == "western" and token.head.lower_ in WEST_NOUNS and token.head.i == token.i + 1:
            entry = gazetteer.lookup("the West")
            if entry is not None:
                add(doc[token.i:token.i + 2], "bloc", entry.type, entry.key)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _government_or_bloc(doc: Doc, span: Span, gazetteer: Gazetteer, add) -> None:
    """A demonym is no actor, but "the Syrian government" is Syria and "Western
    countries" the West."""
    last = span[-1]
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is None:
        return
    if nxt.lower_ in GOVERNMENT_NOUNS:
        # "the East German leadership" is East Germany's, not Germany's
        entry = gazetteer.country_of_demonym(span.text) or gazetteer.country_of_demonym(last.text)
        if entry is not None:
            add(doc[span.start:span.end + 1], "government", "Country", entry.key)
    elif last.lower_ == "western" and nxt.lower_ in WEST_NOUNS:
        entry = gazetteer.lookup("the West")
        if entry is not None:
            add(doc[span.start:span.end + 1], "bloc", entry.type, entry.key)


@Language.factory(
    "graphbuild_entities",
    requires=["doc.ents", "token.dep", "token.lemma"],
    assigns=["doc._.gb_mentions", "doc._.gb_gazetteer"],
    default_config={"gazetteer": []},
)
def make_entities(nlp: Language, name: str, gazetteer: list[str]):
    return EntitiesComponent(load_gazetteer(extra=tuple(gazetteer)))


class EntitiesComponent:
    """Writes :func:`find_mentions` to ``doc._.gb_mentions``."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        doc._.gb_gazetteer = self.gazetteer
        doc._.gb_mentions = find_mentions(doc, self.gazetteer)
        return doc
