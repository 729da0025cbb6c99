"""Cue lexicons: the words and phrases that signal roles and relations.

Lexicons are module constants (frozensets of lemmas, lower case) so rules stay pure
functions and a user can extend them through the components' config.
"""
from __future__ import annotations

# ------------------------------------------------------------------ roles
#: Head nouns of a post held by a person ("Deputy Foreign *Minister*", "*spokesman* for").
ROLE_NOUNS: frozenset[str] = frozenset({
    "minister", "secretary", "president", "vice-president", "premier", "chancellor",
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "ambassador", "envoy",
    "diplomat", "representative", "delegate", "consul", "attache",
    "leader", "chairman", "chairwoman", "chair", "co-chairman", "chief", "head",
    "director", "director-general", "secretary-general", "commissioner", "chancellor",
    "governor", "mayor", "senator", "congressman", "congresswoman", "lawmaker", "politician", "legislator",
    "mp", "mep", "deputy", "minister-president", "speaker", "whip", "adviser", "advisor",
    "aide", "official", "officer", "commander", "general", "admiral", "colonel",
    "marshal", "king", "queen", "prince", "emir", "sultan", "monarch", "sheikh",
    "ayatollah", "cleric", "prosecutor", "attorney", "judge", "justice", "lord",
    "negotiator", "founder", "co-founder", "executive", "ceo", "boss", "editor",
    "editor-in-chief", "president-elect", "prime", "constable", "superintendent",
    "inspector", "councillor", "councilor", "coordinator", "member", "militant",
    "correspondent", "reporter", "journalist", "columnist", "host", "presenter",
    "commandant", "rapporteur", "chairperson", "vice-chancellor", "dictator",
    "strongman", "ruler", "monarch", "candidate", "campaigner", "activist", "analyst",
    "spokesmen", "spokeswomen", "spokespersons",
    # religious leaders; who held a post before or after an official
    "archbishop", "bishop", "cardinal", "patriarch", "imam", "rabbi", "predecessor", "successor",
    # who acts for a client in law
    "lawyer", "barrister", "solicitor", "counsel", "attorneys", "lawyers",
    # experts: officials only where they speak for an institute (roles.EXPERT_ROLES)
    "expert", "economist", "scholar", "scientist", "researcher",
})

#: Role nouns that make a person speak for the state itself (head of state or government).
STATE_ROLES: frozenset[str] = frozenset({
    "president", "premier", "chancellor", "king", "queen", "emir", "sultan", "monarch",
    "dictator", "ruler", "prime minister", "pm", "head of state", "head of government",
    "president-elect", "vice-president", "vice president", "strongman",
    "ambassador", "envoy", "diplomat", "consul", "foreign minister", "minister",
    "secretary of state", "negotiator", "crown prince", "prince", "sheikh",
})

#: Role nouns that name no public post: a person with only these is not an Official.
NON_OFFICIAL_ROLES: frozenset[str] = frozenset({
    "analyst", "campaigner", "activist", "candidate", "member", "militant", "founder",
    "co-founder", "editor", "correspondent", "reporter", "journalist", "author", "writer",
    "columnist", "host", "presenter", "fellow", "professor", "researcher", "expert",
    "lecturer", "scientist", "economist", "doctor", "scholar",
})

#: Nouns for a business: "Tabcorp, a publicly listed company", "the US firm".
COMPANY_NOUNS: frozenset[str] = frozenset({
    "company", "firm", "corporation", "conglomerate", "brand", "retailer", "manufacturer", "maker",
    "carmaker", "automaker", "bookmaker", "bank", "insurer", "airline", "group", "giant", "startup",
    "chain",
})

#: Posts only businesses have ("chief executive of X" may be a charity's): whoever holds
#: one in an organisation the text gives no kind is a company's officer, not an Official
#: ("Gazprom CEO Alexei Miller").
CORPORATE_ROLES: frozenset[str] = frozenset({
    "ceo", "cfo", "coo", "cto", "executive", "executives", "lobbyist", "lobbyists",
})

#: The same, as phrases of a title ("managing director", "chief operating officer").
CORPORATE_TITLES: tuple[str, ...] = (
    "managing director", "chief executive", "chief financial officer", "lobbyist", "chief operating officer",
    "chairman of the board", "board chairman", "board member", "chief technology officer",
)

#: Single titles written before a name ("Mr Howard", "Dr Reid"): not roles by themselves.
HONORIFICS: frozenset[str] = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "professor", "prof",
    "rev", "reverend", "herr", "frau", "mr.", "mrs.", "ms.", "dr.", "madame", "monsieur",
})

#: Honorifics without their full stop ("dr" for "Dr."), for matching tokens.
HONORIFIC_WORDS: frozenset[str] = frozenset(h.rstrip(".") for h in HONORIFICS)

#: Portfolio words: "*Foreign* Minister" implies a foreign ministry.
PORTFOLIOS: dict[str, str] = {
    "foreign": "Foreign", "foreign affairs": "Foreign", "external affairs": "Foreign",
    "defence": "Defense", "defense": "Defense", "interior": "Interior", "home": "Interior",
    "home affairs": "Interior", "internal affairs": "Interior", "finance": "Finance",
    "economy": "Economy", "economic": "Economy", "economics": "Economy",
    "justice": "Justice", "health": "Health", "education": "Education",
    "trade": "Trade", "energy": "Energy", "agriculture": "Agriculture",
    "environment": "Environment", "culture": "Culture", "transport": "Transport",
    "labour": "Labour", "labor": "Labor", "information": "Information",
    "communications": "Communications", "oil": "Oil", "petroleum": "Petroleum",
    "industry": "Industry", "development": "Development", "intelligence": "Intelligence",
    "emergency": "Emergency", "emergencies": "Emergency", "immigration": "Immigration",
    "social affairs": "Social Affairs", "family": "Family", "tourism": "Tourism",
    "science": "Science", "technology": "Technology", "water": "Water",
    "planning": "Planning", "security": "Security", "public security": "Public Security",
    "state security": "State Security", "sports": "Sports", "youth": "Youth",
}

#: UK-style posts: the secretary or minister's department has a name of its own.
UK_POSTS: dict[str, str] = {
    "lord chancellor": "",  # not the Chancellor of the Exchequer's Treasury
    "home secretary": "Home Office",
    "foreign secretary": "Foreign Office",
    "chancellor of the exchequer": "Treasury",
    "chancellor": "Treasury",
    "shadow chancellor": "",
    "culture secretary": "Department for Culture, Media and Sport",
    "culture, media and sport secretary": "Department for Culture, Media and Sport",
    "trade and industry secretary": "Department of Trade and Industry",
    "trade secretary": "Department of Trade and Industry",
    "health secretary": "Department of Health",
    "education secretary": "Department for Education and Skills",
    "work and pensions secretary": "Department for Work and Pensions",
    "defence secretary": "Ministry of Defence",
    "environment secretary": "Department for Environment, Food and Rural Affairs",
    "transport secretary": "Department for Transport",
    "northern ireland secretary": "Northern Ireland Office",
    "scottish secretary": "Scotland Office",
    "welsh secretary": "Wales Office",
    "constitutional affairs secretary": "Department for Constitutional Affairs",
    "law lord": "House of Lords",
    "lord chancellor": "Department for Constitutional Affairs",
    "commons speaker": "House of Commons",
    "attorney general": "",
}

#: Head words of a government body's name ("Foreign *Ministry*", "*Department* of State").
BODY_HEADS: frozenset[str] = frozenset({
    "ministry", "ministries", "department", "office", "agency", "parliament", "assembly",
    "senate", "congress", "court", "tribunal", "police", "army", "navy", "forces",
    "force", "guard", "guards", "cabinet", "government", "presidency", "commission",
    "council", "executive", "bureau", "service", "directorate", "authority",
    "inspectorate", "chamber", "house", "duma", "knesset", "bundestag", "bundesrat",
    "legislature", "kremlin", "pentagon", "treasury", "judiciary", "prosecutor",
    "prosecutors", "administration", "secretariat", "bank", "committee", "board",
})

#: Words that mark an organisation as international, not a body of one state.
INTERNATIONAL_WORDS: frozenset[str] = frozenset({
    "european", "international", "world", "global", "united", "nations", "africa", "african",
    "asian", "arab", "islamic", "atlantic", "pacific", "americas", "inter-american", "un",
    "eu", "regional",
})

#: Body heads that are government bodies on their own; the rest need a state context
#: ("Supreme Court", "Interior Ministry") to be a Ministry rather than a Group.
STATE_BODY_HEADS: frozenset[str] = frozenset({
    "ministry", "ministries", "department", "parliament", "senate", "congress", "court",
    "tribunal", "police", "army", "navy", "forces", "cabinet", "presidency", "duma",
    "knesset", "bundestag", "bundesrat", "legislature", "kremlin", "pentagon", "treasury",
    "judiciary", "guard", "guards", "inspectorate", "directorate", "force",
})

#: Last words of the names that bodies have in every state ("Interior Ministry",
#: "Supreme Court", "Senate"): without a country named, they are the article's country's.
NATIONAL_BODY_HEADS: frozenset[str] = frozenset({
    "ministry", "department", "parliament", "senate", "congress", "cabinet", "police",
    "army", "navy", "court", "presidency", "treasury", "judiciary", "legislature",
})

#: Bodies that a capitalised word names alone ("the Senate", "Parliament voted").
STANDALONE_BODIES: frozenset[str] = frozenset({
    "senate", "parliament", "congress", "cabinet", "presidency", "legislature",
})

#: Words that make an organisation a media outlet, whatever else its name says.
MEDIA_WORDS = frozenset({"news", "press", "radio", "television", "tv", "broadcasting", "broadcaster",
                         "newspaper", "magazine"})

#: Nouns that stand for a country's government ("the Syrian *government*", "Assad's *regime*").
GOVERNMENT_NOUNS: frozenset[str] = frozenset({
    "government", "regime", "administration", "authorities", "leadership", "state",
    "cabinet",
})

#: Words that make an organisation a collective actor of the guidelines' Group type:
#: parties and movements, armed groups, international bodies, NGOs, media and agencies.
GROUP_WORDS: frozenset[str] = frozenset({
    "party", "parties", "movement", "front", "alliance", "coalition",
    "brigade", "brigades", "militia", "militias", "army", "rebels", "insurgents",
    "organization", "organisation", "association", "federation", "confederation",
    "council", "commission", "committee", "forum", "network", "bloc",
    "democrats", "republicans", "socialists", "communists", "greens", "liberals",
    "conservatives", "nationalists", "agency", "press", "news", "times", "post", "herald",
    "gazette", "journal", "tribune", "daily", "magazine", "radio", "television", "tv",
    "broadcaster", "broadcasting", "newspaper", "telegraph", "guardian", "observer",
    "monitor", "chronicle", "courier", "express", "mirror", "independent",
    "watch", "fund", "campaign", "congress", "assembly", "parliament", "court",
    "tribunal", "brotherhood", "taliban", "mujahideen", "jihad", "hezbollah", "hamas",
    "al-qaeda", "qaeda", "mission", "unions", "zeitung", "gazette", "nouvelles",
})
# Not here on purpose: institute, foundation, church, trust, centre, museum, university,
# group, league. Such organisations are actors of the graph when they act in a relation.

#: Verbs whose subject relays news: "Le Figaro *reported*", "Bild *quoted* ...".
MEDIA_VERBS: frozenset[str] = frozenset({"report", "quote", "cite", "publish", "print", "broadcast",
                                         "air", "write", "reveal", "run"})

#: Nouns that, in apposition or as a compound before a name, say what kind of
#: organisation it is: "news magazine Der Spiegel", "the opposition party Syriza".
GROUP_CONTEXT_WORDS: frozenset[str] = frozenset({
    "party", "newspaper", "daily", "magazine", "broadcaster", "agency", "channel",
    "network", "group", "movement", "organization", "organisation", "ngo", "charity",
    "union", "alliance", "coalition", "militia", "rebels", "weekly", "tabloid",
    "outlet", "station", "paper", "association", "federation", "lobby", "watchdog",
})

#: Plural nouns after "Western" that name the West as a bloc.
WEST_NOUNS: frozenset[str] = frozenset({
    "countries", "colleagues", "partners", "powers", "nations", "governments",
    "leaders", "allies", "states", "democracies",
})

# ------------------------------------------------------------------ speech
#: Verbs of saying: their subject is the speaker; their complement holds the claim.
SPEECH_VERBS: frozenset[str] = frozenset({
    "say", "tell", "add", "state", "stress", "note", "explain", "declare", "announce",
    "insist", "claim", "argue", "warn", "reiterate", "emphasize", "emphasise",
    "underline", "point", "remark", "comment", "write", "tweet", "report", "confirm",
    "assert", "maintain", "acknowledge", "admit", "suggest", "believe", "think",
    "predict", "quote", "cite", "urge", "complain", "reply", "respond", "answer",
    "recall", "describe", "mention", "indicate", "vow", "pledge", "promise",
    "call", "demand", "ask", "concede", "observe", "speak",
})

#: Reporting verbs whose subject relays another's words: never the speaker of the quote.
RELAY_VERBS: frozenset[str] = frozenset({"quote", "cite", "report"})

#: Subjects that are the voice of the speaker's own side.
FIRST_PERSON_PLURAL: frozenset[str] = frozenset({"we", "us", "our", "ours"})
FIRST_PERSON_SINGULAR: frozenset[str] = frozenset({"i", "me", "my"})
SECOND_PERSON: frozenset[str] = frozenset({"you", "your", "yours"})
THIRD_PERSON: frozenset[str] = frozenset({"he", "she", "him", "her", "his"})
THIRD_PERSON_PLURAL: frozenset[str] = frozenset({"they", "them", "their"})

# ------------------------------------------------------------------ accuses
#: Verbs whose subject accuses their object.
ACCUSE_VERBS: frozenset[str] = frozenset({
    "accuse", "blame", "criticise", "criticize", "condemn", "denounce", "attack",
    "slam", "lambast", "lambaste", "castigate", "rebuke", "chide", "berate", "bash",
    "censure", "fault", "reproach", "indict", "charge", "sue", "decry", "deplore",
    "vilify", "scold", "assail", "blast", "reprimand", "impeach", "implicate",
    "allege", "incriminate", "defame", "smear", "mock", "ridicule", "deride",
    "disparage", "threaten", "sanction", "warn", "oust", "rap", "hit",
})

#: Verbs that accuse only with a complement of wrongdoing ("hold X responsible").
HOLD_RESPONSIBLE_ADJ: frozenset[str] = frozenset({
    "responsible", "accountable", "liable", "culpable", "guilty",
})

#: What one is called on to do when accused: "urged Livingstone to *apologise*".
AMENDS_VERBS: frozenset[str] = frozenset({
    "apologise", "apologize", "resign", "quit", "retract", "withdraw", "explain",
    "justify", "stop", "halt", "end", "cease", "repent", "recant", "step",
})

#: Adjectives that accuse their "of" object: "an article *critical of* the army".
ACCUSE_ADJECTIVES: frozenset[str] = frozenset({
    "critical", "dismissive", "scornful", "contemptuous", "suspicious", "hostile",
})

#: Nouns that name a partner by their possessor: "one of Tymoshenko's *allies*".
ALLY_NOUNS: frozenset[str] = frozenset({"ally", "allies", "partner", "partners", "friend", "friends",
                                        "supporter", "supporters", "backer", "backers"})

#: Nouns that accuse: "accusations *against* X", "criticism *of* X", "a jab *at* X".
ACCUSE_NOUNS: frozenset[str] = frozenset({
    "accusation", "allegation", "criticism", "condemnation", "charge", "complaint",
    "attack", "jab", "swipe", "dig", "broadside", "rebuke", "blame", "censure",
    "denunciation", "outburst", "lawsuit", "indictment", "protest", "critique",
})

#: Prepositions that take the accused after an accusation noun or verb.
ACCUSE_OBJECT_PREPS: frozenset[str] = frozenset({"against", "of", "at", "on", "towards", "toward"})

#: Verbs of claiming wrongdoing: "X claimed that Y obtained chemical weapons".
CLAIM_VERBS: frozenset[str] = frozenset({"claim", "allege", "charge", "assert", "suggest", "rule", "find",
                                          "conclude", "declare"})

#: Verbs in a claim's complement that name wrongdoing of its subject.
WRONGDOING_VERBS: frozenset[str] = frozenset({
    "obtain", "acquire", "violate", "interfere", "undermine", "hinder", "break",
    "attack", "kill", "sponsor", "harbour",
    "harbor", "shelter", "commit", "breach", "lie", "mislead", "deceive", "cheat",
    "steal", "bomb", "invade", "occupy", "annex", "destabilise", "destabilize",
    "provoke", "threaten", "sabotage", "obstruct", "block", "ignore", "betray",
    "manipulate", "distort", "abuse", "torture", "persecute", "oppress", "spy",
    "hack", "meddle", "minimize", "minimise", "encourage", "enable", "exploit",
})

# ------------------------------------------------------------------ cooperates
#: Verbs whose subject cooperates with the object or the with-phrase.
COOPERATE_VERBS: frozenset[str] = frozenset({
    "cooperate", "co-operate", "collaborate", "ally", "partner", "team",
    "coordinate", "co-ordinate", "negotiate", "unite", "join", "side",
})

#: Verbs whose subject supports, helps or agrees with their object.
SUPPORT_VERBS: frozenset[str] = frozenset({
    "support", "help", "assist", "aid", "back", "endorse", "defend", "praise",
    "welcome", "hail", "thank", "commend", "applaud", "finance", "fund", "arm",
    "sign", "agree", "reconcile", "befriend", "embrace", "mediate", "broker",
    "rescue", "protect", "supply", "train", "equip",
})

#: Nouns of cooperation: "cooperation *with* X", "cooperation *between* X and Y".
COOPERATE_NOUNS: frozenset[str] = frozenset({
    "cooperation", "co-operation", "collaboration", "alliance", "partnership",
    "coalition", "agreement", "deal", "pact", "treaty", "ties", "relations",
    "relationship", "support", "help", "assistance", "aid", "backing", "talks",
    "dialogue", "coordination", "co-ordination", "contacts", "friendship",
    "accord", "rapprochement", "solidarity", "contact", "efforts",
})

#: Nouns whose support is meant when a body's "efforts" are supported.
EFFORT_NOUNS: frozenset[str] = frozenset({"effort", "efforts", "work", "initiative", "mission", "plan", "proposal", "bid"})

#: Verbs and adjectives that refuse what they govern ("refusing to cooperate").
REFUSAL_WORDS: frozenset[str] = frozenset({
    "refuse", "reject", "decline", "deny", "oppose", "resist", "rule", "veto",
    "boycott", "abandon", "suspend", "halt", "stop", "end", "cut", "freeze",
    "break", "sever", "cancel", "scrap", "withdraw", "quit", "exclude", "avoid",
    "fail", "unwilling", "reluctant", "without", "against", "lack", "absence",
})

#: Verbs that make what they govern hypothetical or demanded, not asserted.
MODAL_DEMAND_WORDS: frozenset[str] = frozenset({
    "must", "should", "urge", "call", "demand", "ask", "appeal", "press",
    "need", "would", "could", "might", "may", "if", "whether", "unless",
})

#: Verbs and adjectives of readiness: "ready to expand cooperation" is cooperation.
READINESS_WORDS: frozenset[str] = frozenset({
    "ready", "willing", "prepared", "eager", "keen", "open", "committed", "want",
    "wish", "hope", "intend", "plan", "seek", "offer", "agree", "decide", "continue",
    "expand", "deepen", "strengthen", "boost", "increase", "develop", "improve",
    "intensify", "enhance", "broaden", "promote", "resume", "restore", "build",
    "forge", "mend", "seal", "reach", "conclude", "establish", "pursue", "discuss",
    "promise", "vow", "pledge",
})

#: Negation words that are dependents (dep "neg") or determiners ("no cooperation").
NEGATIONS: frozenset[str] = frozenset({"not", "n't", "never", "no", "nobody", "neither", "nor", "without"})

#: Words of negative judgement: a speaker who says them of an actor accuses it
#: ("McConnell's comment was *ill-advised*", "the *belligerency* of Iran").
NEGATIVE_EVALUATION: frozenset[str] = frozenset({
    "ill-advised", "ill-judged", "wrong", "mistaken", "dangerous", "disgraceful", "shameful",
    "irresponsible", "reckless", "worthless", "illegitimate", "unacceptable", "outrageous",
    "appalling", "scandalous", "hypocritical", "misguided", "absurd", "ridiculous",
    "untrue", "illegal", "unlawful", "sinister", "underhand", "cynical", "deceitful",
    "disappointing", "regrettable",
    "dishonest", "incompetent", "incompetence", "hypocrisy", "lies", "disgrace",
    "betrayal", "arrogance", "aggression", "belligerency", "belligerence", "provocation",
    "propaganda", "prejudice", "racist", "offensive", "inappropriate", "misleading",
    "deplorable", "unjustified", "unfounded", "baseless", "groundless", "nonsense",
    "blunder", "distortion", "smear", "slur", "insult", "insulting", "contemptible",
    "deplorable", "despicable", "shocking", "unprecedented", "provocative", "hostile",
    "destabilising", "destabilizing", "aggressive", "unhelpful", "counterproductive",
    "prejudice-based", "outrage", "fiasco", "farce", "sham", "dereliction",
})

#: Words of organisations that are no actors of the graph: companies, universities,
#: museums, hospitals, clubs, think tanks. They are kept out of relations and posts.
#: Words after a person's name that make it the name of a place or an institution
#: ("the Konrad Adenauer Foundation", "John F. Kennedy Airport").
NAMED_AFTER_HEADS: frozenset[str] = frozenset({
    "foundation", "stiftung", "institute", "prize", "award", "airport", "street", "square",
    "stadium", "hospital", "memorial", "museum", "library", "bridge", "avenue", "boulevard",
    "station", "school", "university", "college", "centre", "center", "trust", "fund", "society",
})

#: Words of the places of learning and research, which are no actors whatever else
#: their names say ("International Institute for Strategic Studies", "National Museum").
SCHOLARLY_ORG_WORDS: frozenset[str] = frozenset({
    "university", "universität", "college", "academy", "institute", "institut", "museum",
})

#: Causes an NGO's name gives: with them a "League", "Center" or "Institute" is a
#: campaigning group ("Human Rights Monitoring Institute", "Lithuanian Gay League").
ADVOCACY_WORDS: frozenset[str] = frozenset({
    "rights", "liberties", "freedom", "freedoms", "peace", "gay", "lesbian", "lgbt", "lgbti",
    "transparency", "anti-corruption", "humanitarian", "refugee", "refugees", "penalty", "torture",
    "solidarity", "democracy", "disarmament",
})

NON_ACTOR_ORG_WORDS: frozenset[str] = frozenset({
    "university", "universität", "college", "school", "academy", "museum", "gallery",
    "hospital", "clinic", "institute", "institut", "church", "cathedral", "club", "fc",
    "stadium", "theatre", "theater", "orchestra", "opera", "company", "corporation",
    "corp", "inc", "ltd", "plc", "gmbh", "ag", "sa", "llc", "airlines", "airways",
    "motors", "holdings", "exchange", "bank", "insurance", "pharma", "pharmaceuticals",
    "energy", "oil", "telecom", "airport", "hotel", "restaurant", "café", "cafe",
    "festival", "league", "cup", "championship", "olympics", "zoo", "library", "centre",
    "center", "campus", "laboratory", "lab", "labs", "studios", "records",
})

#: Portfolios, longest phrase first ("home affairs" before "home").
PORTFOLIOS_LONGEST_FIRST: tuple[tuple[str, str], ...] = tuple(
    sorted(PORTFOLIOS.items(), key=lambda kv: -len(kv[0])))
