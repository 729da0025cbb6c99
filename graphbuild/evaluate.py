"""Measure a graph against a gold file: precision, recall and F1 per type and predicate.

A gold file (JSON Lines, one annotated article a line; see ``docs/gold-format.md``)
says which actors and relations a correct graph holds. :func:`read_gold` reads and
validates it into a :class:`GoldSet`; :func:`evaluate` compares any rdflib graph with
it and returns a :class:`Report` of figures and of the errors behind them.

The graph is read only through these conventions, so graphs written by other tools
can be scored too:

- an entity is an IRI with an ``rdf:type`` whose local name is ``Official``,
  ``Ministry``, ``Country`` or ``Group``, or a class declared (``rdfs:subClassOf``, in
  the same graph) below one of them;
- its names are its ``rdfs:label``, ``skos:prefLabel``, ``skos:altLabel``,
  ``schema:name`` (or ``foaf:name``) values;
- a relation is a direct edge whose predicate's local name is ``speaksFor``,
  ``accuses`` or ``cooperatesWith`` (asserted for positive polarity only);
- evidence for an edge comes from reified statements (``rdf:subject``,
  ``rdf:predicate``, ``rdf:object``, ``gb:evidence``, ``prov:wasDerivedFrom``).

Scoring rules, in short:

- a graph entity matches the gold entity that shares most of its normalised names
  (:func:`normalise_name`); gold aliases without a capital letter are descriptions and
  never match; a second graph entity matching the same gold entity is a duplicate and
  counts as a false positive;
- one gold relation is found by an edge between *equivalent actors*: actors linked to
  its subject (object) through gold ``speaksFor`` relations and ``of`` links, up or
  down; a ``speaksFor`` subject must be the person itself; ``cooperatesWith`` matches
  in either direction; an edge matching only a denied (negative) relation is wrong;
- optional (``required: false``) entities and relations are never false positives nor
  false negatives; a predicate outside the file's ``scored.relations`` is not scored.

Graph edges are taken in sorted order, and each claims the first gold relation (in
file order) it matches that no earlier edge has claimed; later edges for a claimed
relation are neither right nor wrong.

>>> gold = parse_gold([{"id": "a1", "text": "Lavrov accused Kiev.",
...     "scored": {"entities": True, "relations": ["accuses"]},
...     "entities": [{"id": "lavrov", "type": "Official", "name": "Sergei Lavrov",
...                   "aliases": ["Lavrov"]},
...                  {"id": "ukraine", "type": "Country", "name": "Ukraine",
...                   "aliases": ["Kiev"]}],
...     "relations": [{"subject": "lavrov", "predicate": "accuses",
...                    "object": "ukraine", "evidence": "Lavrov accused Kiev."}]}])
>>> from rdflib import Graph
>>> graph = Graph().parse(format="turtle", data='''
...     @prefix gb: <https://w3id.org/graphbuild/ontology#> .
...     @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
...     <urn:x:lavrov> a gb:Official ; rdfs:label "Lavrov" ; gb:accuses <urn:x:kiev> .
...     <urn:x:kiev> a gb:Group ; rdfs:label "Kiev" .''')
>>> report = evaluate(gold, graph)
>>> report.relations["all"].f1
1.0
>>> report.entities["all"].tp, report.entities["all"].fp, report.entities["all"].fn
(1, 1, 1)
>>> [(e.kind, e.type, e.label) for e in report.entity_errors]
[('missed', 'Country', 'Ukraine'), ('wrong', 'Group', 'Kiev')]
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import FOAF, PROV, RDF, RDFS, SKOS
from rdflib.term import Node
from rdflib.util import guess_format

from graphbuild.errors import GoldError, GraphFileError
from graphbuild.vocab import ACTOR_TYPES, GB, PREDICATES, SCHEMA

__all__ = sorted([
    "EntityError",
    "Evidence",
    "GoldArticle",
    "GoldEntity",
    "GoldRelation",
    "GoldSet",
    "RelationError",
    "Report",
    "Score",
    "evaluate",
    "normalise_name",
    "parse_gold",
    "read_gold",
    "read_graph",
])

POLARITIES: tuple[str, ...] = ("positive", "negative")
#: Properties whose values are an entity's names, most display-worthy first.
NAME_PROPERTIES: tuple[URIRef, ...] = (
    RDFS.label,
    SKOS.prefLabel,
    SCHEMA.name,
    URIRef("https://schema.org/name"),
    FOAF.name,
    SKOS.altLabel,
)
#: Keys of a gold line that annotate the article rather than describe it.
_ANNOTATION_KEYS = frozenset({"scored", "entities", "relations"})

_POSSESSIVE = re.compile(r"'s\b")
_NOT_WORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


# ---------------------------------------------------------------------- names
def normalise_name(name: str) -> str:
    """The form under which names are compared.

    Unicode compatibility forms are folded (NFKC), letters lower-cased, a possessive
    ``'s`` dropped, punctuation turned into spaces, runs of spaces collapsed and one
    leading "the" removed.

    >>> normalise_name("the Russian Foreign Ministry\u2019s")
    'russian foreign ministry'
    >>> normalise_name("Islamic State (IS)")
    'islamic state is'
    >>> normalise_name("U.S.")
    'u s'
    """
    text = unicodedata.normalize("NFKC", name).replace("\u2019", "'").lower()
    text = _POSSESSIVE.sub("", text)
    text = _SPACES.sub(" ", _NOT_WORD.sub(" ", text)).strip()
    return text.removeprefix("the ")


def is_description(alias: str) -> bool:
    """True for an alias with no capital letter ("the ministry"): not a name.

    >>> is_description("the ministry"), is_description("the Kremlin")
    (True, False)
    """
    return alias == alias.lower()


def local_name(iri: str) -> str:
    """The last segment of an IRI, after its last ``#``, ``/`` or ``:``.

    >>> local_name("https://w3id.org/graphbuild/ontology#speaksFor")
    'speaksFor'
    >>> local_name("urn:ex:Country/")
    'Country'
    """
    text = str(iri).rstrip("/#")
    return text[max(text.rfind(sep) for sep in "#/:") + 1:]


# ---------------------------------------------------------------------- gold
@dataclass(frozen=True)
class Evidence:
    """A sentence behind a relation, and the id of the article it was read from."""

    text: str
    article: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "article": self.article}


@dataclass(frozen=True)
class GoldArticle:
    """One annotated article: its id, text and other metadata (date, source, ...)."""

    id: str
    text: str
    line: int
    metadata: Mapping[str, Any] = field(default_factory=dict)

    def record(self) -> dict[str, Any]:
        """The article as a JSON Lines record without its annotations."""
        return {**self.metadata, "id": self.id, "text": self.text}


@dataclass(frozen=True)
class GoldEntity:
    """One gold actor, merged over every article of the file that lists it.

    ``names`` holds the normalised names used for matching (the name and every alias
    with a capital letter); ``of`` the entities it belongs to (``of`` links and the
    objects of its positive ``speaksFor`` relations).
    """

    id: str
    type: str
    name: str
    aliases: tuple[str, ...]
    names: frozenset[str]
    alt_types: frozenset[str]
    required: bool
    of: frozenset[str]
    articles: tuple[str, ...]


@dataclass(frozen=True)
class GoldRelation:
    """One gold relation; one fact told by several articles is one relation."""

    subject: str
    predicate: str
    object: str
    polarity: str
    required: bool
    evidence: tuple[Evidence, ...]

    @property
    def article(self) -> str | None:
        """The first article that tells the relation."""
        return self.evidence[0].article if self.evidence else None


@dataclass(frozen=True)
class GoldSet:
    """A validated gold file: articles, entities, scored relations and what is scored.

    ``relations`` holds only relations of scored predicates. ``family`` maps each
    entity id to the ids of its equivalent actors (itself, all it reaches up through
    ``of`` and ``speaksFor``, and all that reach it).
    """

    source: str
    articles: tuple[GoldArticle, ...]
    entities: Mapping[str, GoldEntity]
    relations: tuple[GoldRelation, ...]
    entities_scored: bool
    predicates_scored: tuple[str, ...]
    family: Mapping[str, frozenset[str]]
    by_name: Mapping[str, frozenset[str]]


def read_gold(path: str | Path) -> GoldSet:
    """Read and validate a gold file (JSON Lines, one annotated article a line).

    Raises:
        GoldError: the file cannot be read or breaks the gold format; the message
            names the file, the line and the problem.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as err:
        raise GoldError(f"Cannot read gold file {path}: no such file.") from err
    except (OSError, UnicodeDecodeError) as err:
        raise GoldError(f"Cannot read gold file {path}: {err}; a gold file is UTF-8 JSON Lines.") from err
    records: list[tuple[int, Any]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            records.append((number, json.loads(line)))
        except json.JSONDecodeError as err:
            raise GoldError(f"{path} line {number}: not valid JSON ({err.msg} at column {err.colno}).") from err
    return _build_gold(records, str(path))


def parse_gold(records: Iterable[Mapping[str, Any]], source: str = "<gold>") -> GoldSet:
    """Validate gold records already parsed from JSON (one per article).

    Lines are numbered from 1 in error messages, as in a file.
    """
    return _build_gold(list(enumerate(records, 1)), source)


class _Checker:
    """Type checks on one gold line that raise :class:`GoldError` naming file and line."""

    def __init__(self, source: str, line: int):
        self.source, self.line = source, line

    def fail(self, problem: str) -> GoldError:
        return GoldError(f"{self.source} line {self.line}: {problem}")

    def field(self, obj: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str,
              default: Any = ..., allowed: Sequence[str] | None = None, nonempty: bool = True) -> Any:
        if key not in obj:
            if default is ...:
                raise self.fail(f"{where} has no {key!r} field.")
            return default
        value = obj[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if not isinstance(value, kinds) or (bool not in kinds and isinstance(value, bool)):
            names = " or ".join(_JSON_NAMES[k] for k in kinds)
            raise self.fail(f"{where}: {key!r} must be {names}; got {_json_kind(value)} {value!r:.60}.")
        if nonempty and isinstance(value, str) and not value.strip():
            raise self.fail(f"{where}: {key!r} is empty.")
        if allowed is not None and value not in allowed:
            raise self.fail(f"{where}: {key!r} is {value!r}; expected one of {', '.join(allowed)}.")
        return value

    def strings(self, obj: Mapping[str, Any], key: str, where: str,
                allowed: Sequence[str] | None = None) -> list[str]:
        values = self.field(obj, key, list, where, default=[])
        for value in values:
            if not isinstance(value, str) or not value.strip():
                raise self.fail(f"{where}: {key!r} must be a list of non-empty strings; got {value!r:.60}.")
            if allowed is not None and value not in allowed:
                raise self.fail(f"{where}: {key!r} holds {value!r}; expected among {', '.join(allowed)}.")
        return values


_JSON_NAMES = {str: "a string", bool: "true or false", list: "a list", dict: "an object"}


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    for kind, name in ((bool, "a boolean"), (str, "a string"), (int, "a number"), (float, "a number"),
                       (list, "a list"), (dict, "an object")):
        if isinstance(value, kind):
            return name
    return type(value).__name__


def _build_gold(records: list[tuple[int, Any]], source: str) -> GoldSet:
    if not records:
        raise GoldError(f"{source}: no articles; a gold file holds one JSON object a line.")
    articles: list[GoldArticle] = []
    article_lines: dict[str, int] = {}
    scored_first: tuple[int, bool, tuple[str, ...]] | None = None
    types: dict[str, str] = {}
    display: dict[str, tuple[str, list[str]]] = {}
    names: dict[str, set[str]] = defaultdict(set)
    alt_types: dict[str, set[str]] = defaultdict(set)
    required: dict[str, bool] = {}
    up: dict[str, set[str]] = defaultdict(set)
    seen_in: dict[str, list[str]] = defaultdict(list)
    relations: dict[tuple[str, str, str, str], dict[str, Any]] = {}

    for line, record in records:
        check = _Checker(source, line)
        if not isinstance(record, dict):
            raise check.fail(f"expected a JSON object (one article); got {_json_kind(record)}.")
        art_id = check.field(record, "id", str, "the article")
        where = f"article {art_id!r}"
        if art_id in article_lines:
            raise check.fail(f"{where} appears again (first on line {article_lines[art_id]}); "
                             "give each article its own id.")
        article_lines[art_id] = line
        text = check.field(record, "text", str, where)
        scored = check.field(record, "scored", dict, where)
        entities_scored = check.field(scored, "entities", bool, f"{where} 'scored'", default=False)
        predicates = tuple(sorted(check.strings(scored, "relations", f"{where} 'scored'", PREDICATES)))
        if scored_first is None:
            scored_first = (line, entities_scored, predicates)
        elif scored_first[1:] != (entities_scored, predicates):
            raise check.fail(
                f"{where} scores entities={str(entities_scored).lower()}, relations={list(predicates)} "
                f"but line {scored_first[0]} scores entities={str(scored_first[1]).lower()}, "
                f"relations={list(scored_first[2])}; every article of one file must score the same.")
        articles.append(GoldArticle(
            id=art_id, text=text, line=line,
            metadata=MappingProxyType({k: v for k, v in record.items()
                                       if k not in _ANNOTATION_KEYS | {"id", "text"}})))

        local: dict[str, dict[str, Any]] = {}
        for ent in check.field(record, "entities", list, where):
            if not isinstance(ent, dict):
                raise check.fail(f"{where}: each entity must be an object; got {_json_kind(ent)}.")
            eid = check.field(ent, "id", str, f"{where}: an entity")
            ewhere = f"{where}, entity {eid!r}"
            if eid in local:
                raise check.fail(f"{ewhere} is listed twice in the article.")
            local[eid] = ent
            etype = check.field(ent, "type", str, ewhere, allowed=ACTOR_TYPES)
            name = check.field(ent, "name", str, ewhere)
            aliases = check.strings(ent, "aliases", ewhere)
            of = check.strings(ent, "of", ewhere)
            alts = check.strings(ent, "alt_types", ewhere, ACTOR_TYPES)
            is_required = check.field(ent, "required", bool, ewhere, default=True)
            # the first article to list an entity fixes its type and display name
            types.setdefault(eid, etype)
            display.setdefault(eid, (name, []))
            display[eid][1].extend(a for a in aliases if a not in display[eid][1])
            names[eid] |= {n for n in map(normalise_name, [name, *(a for a in aliases if not is_description(a))]) if n}
            alt_types[eid] |= set(alts)
            required[eid] = required.get(eid, False) or is_required
            up[eid] |= set(of)
            seen_in[eid].append(art_id)
        for ent in local.values():
            for parent in ent.get("of", []):
                if parent not in local:
                    raise check.fail(f"{where}, entity {ent['id']!r}: 'of' names {parent!r}, "
                                     "which is not an entity of this article.")

        for rel in check.field(record, "relations", list, where):
            if not isinstance(rel, dict):
                raise check.fail(f"{where}: each relation must be an object; got {_json_kind(rel)}.")
            subject = check.field(rel, "subject", str, f"{where}: a relation")
            predicate = check.field(rel, "predicate", str, f"{where}: a relation", allowed=PREDICATES)
            obj = check.field(rel, "object", str, f"{where}: a relation")
            rwhere = f"{where}, relation {subject} {predicate} {obj}"
            for role, eid in (("subject", subject), ("object", obj)):
                if eid not in local:
                    raise check.fail(f"{rwhere}: {role} {eid!r} is not an entity of this article.")
            polarity = check.field(rel, "polarity", str, rwhere, default="positive", allowed=POLARITIES)
            is_required = check.field(rel, "required", bool, rwhere, default=True)
            evidence = check.field(rel, "evidence", str, rwhere, default=None, nonempty=False)
            if predicate not in predicates:
                continue
            key = (subject, predicate, obj, polarity)
            told = Evidence(evidence, art_id) if evidence else None
            if key in relations:  # one fact told by several articles is one relation
                relations[key]["required"] = relations[key]["required"] or is_required
                if told is not None:
                    relations[key]["evidence"].append(told)
                continue
            relations[key] = {"required": is_required, "evidence": [told] if told else []}
            if predicate == "speaksFor" and polarity == "positive":
                up[subject].add(obj)

    assert scored_first is not None
    entities = {
        eid: GoldEntity(id=eid, type=types[eid], name=display[eid][0], aliases=tuple(display[eid][1]),
                        names=frozenset(names[eid]), alt_types=frozenset(alt_types[eid]),
                        required=required[eid], of=frozenset(up[eid]), articles=tuple(seen_in[eid]))
        for eid in types
    }
    by_name: dict[str, set[str]] = defaultdict(set)
    for ent in entities.values():
        for name in ent.names:
            by_name[name].add(ent.id)
    return GoldSet(
        source=source,
        articles=tuple(articles),
        entities=MappingProxyType(entities),
        relations=tuple(GoldRelation(s, p, o, pol, info["required"], tuple(info["evidence"]))
                        for (s, p, o, pol), info in relations.items()),
        entities_scored=scored_first[1],
        predicates_scored=tuple(p for p in PREDICATES if p in scored_first[2]),
        family=MappingProxyType(_families(entities)),
        by_name=MappingProxyType({n: frozenset(ids) for n, ids in by_name.items()}),
    )


def _families(entities: Mapping[str, GoldEntity]) -> dict[str, frozenset[str]]:
    """Each entity with all it reaches going up (``of``) and all that reach it."""
    below: dict[str, set[str]] = defaultdict(set)
    for ent in entities.values():
        for parent in ent.of:
            below[parent].add(ent.id)
    above = {eid: ent.of for eid, ent in entities.items()}
    return {eid: frozenset(_reach(eid, above) | _reach(eid, below)) for eid in entities}


def _reach(start: str, edges: Mapping[str, Iterable[str]]) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for nxt in edges.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


# ---------------------------------------------------------------------- graph
def read_graph(paths: Iterable[str | Path]) -> Dataset:
    """Read RDF files, or folders of them, into one dataset (union of its graphs).

    The syntax is guessed from the file ending (``.ttl``, ``.nt``, ``.nq``, ``.trig``,
    ``.rdf``, ``.owl``, ``.xml``, ``.jsonld``, ``.n3``, ...).

    Raises:
        GraphFileError: a path is missing, a folder holds no RDF file, an ending is
            unknown or a file does not parse.
    """
    dataset = Dataset(default_union=True)
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and guess_format(p.name))
            if not files:
                raise GraphFileError(f"No RDF files in folder {path}; expected files ending in .ttl, .nt, .trig, ...")
        elif path.exists():
            files = [path]
        else:
            raise GraphFileError(f"Cannot read graph {path}: no such file or folder.")
        for file in files:
            fmt = guess_format(file.name)
            if fmt is None:
                raise GraphFileError(f"Cannot tell the RDF syntax of {file} from its ending; "
                                     "rename it to .ttl, .nt, .nq, .trig, .rdf or .jsonld.")
            try:
                dataset.parse(file, format=fmt)
            except Exception as err:  # rdflib's parsers raise many unrelated types
                # rdflib puts the line on the first line and the problem on the next
                message = " ".join(str(err).split()) or type(err).__name__
                raise GraphFileError(f"Cannot parse {file} as {fmt}: {message}") from err
    return dataset


@dataclass
class _GraphView:
    """What scoring reads from a graph: typed nodes, edges, names, evidence, articles."""

    triples: int
    types: dict[URIRef, str]
    edges: list[tuple[URIRef, str, URIRef]]
    names: dict[URIRef, set[str]]
    labels: dict[URIRef, str]
    statements: dict[tuple[URIRef, str, URIRef], list[Evidence]]
    mentioned_in: dict[URIRef, list[str]]


def _class_types(graph: Graph) -> dict[Node, str]:
    """Map every class used or declared in the graph to the actor type it falls under."""
    classes = set(graph.objects(None, RDF.type)) | set(graph.subjects(RDFS.subClassOf, None))
    found: dict[Node, str] = {}
    for cls in classes:
        # breadth first, so the nearest actor class wins; ties go to the first in ACTOR_TYPES
        level, seen = [cls], {cls}
        while level and cls not in found:
            hits = [local_name(c) for c in level if local_name(c) in ACTOR_TYPES]
            if hits:
                found[cls] = min(hits, key=ACTOR_TYPES.index)
                break
            nxt = sorted({s for c in level for s in graph.objects(c, RDFS.subClassOf)} - seen)
            seen.update(nxt)
            level = nxt
    return found


def _article_id(graph: Graph, article: Node) -> str:
    ident = graph.value(article, SCHEMA.identifier)
    return str(ident) if ident is not None else local_name(article)


def _read_view(graph: Graph) -> _GraphView:
    class_types = _class_types(graph)
    node_types: dict[URIRef, set[str]] = defaultdict(set)
    for node, cls in graph.subject_objects(RDF.type):
        if isinstance(node, URIRef) and cls in class_types:
            node_types[node].add(class_types[cls])
    # a node with two actor types counts once, under the first in ACTOR_TYPES
    types = {node: min(ts, key=ACTOR_TYPES.index) for node, ts in node_types.items()}

    edges: set[tuple[URIRef, str, URIRef]] = set()
    for pred in {p for p in graph.predicates() if local_name(p) in PREDICATES}:
        for s, o in graph.subject_objects(pred):
            if isinstance(s, URIRef) and isinstance(o, URIRef):
                edges.add((s, local_name(pred), o))

    names: dict[URIRef, set[str]] = {}
    labels: dict[URIRef, str] = {}
    for node in set(types) | {s for s, _, _ in edges} | {o for _, _, o in edges}:
        node_names: set[str] = set()
        for prop in NAME_PROPERTIES:
            values = sorted(str(v) for v in graph.objects(node, prop))
            if values and node not in labels:
                labels[node] = values[0]
            node_names |= {n for n in map(normalise_name, values) if n}
        if node_names:
            names[node] = node_names

    statements: dict[tuple[URIRef, str, URIRef], list[Evidence]] = defaultdict(list)
    for stmt, pred in graph.subject_objects(RDF.predicate):
        subject, obj = graph.value(stmt, RDF.subject), graph.value(stmt, RDF.object)
        if local_name(pred) not in PREDICATES or not isinstance(subject, URIRef) or not isinstance(obj, URIRef):
            continue
        article = graph.value(stmt, PROV.wasDerivedFrom)
        for text in graph.objects(stmt, GB.evidence):
            statements[(subject, local_name(pred), obj)].append(
                Evidence(str(text), _article_id(graph, article) if article is not None else None))
    for key in statements:
        statements[key] = sorted(set(statements[key]), key=lambda e: (e.article or "", e.text))

    mentioned_in: dict[URIRef, list[str]] = defaultdict(list)
    for article, node in graph.subject_objects(SCHEMA.mentions):
        if isinstance(node, URIRef):
            mentioned_in[node].append(_article_id(graph, article))
    return _GraphView(len(graph), types, sorted(edges), names, labels, dict(statements),
                      {n: sorted(set(a)) for n, a in mentioned_in.items()})


# ---------------------------------------------------------------------- report
@dataclass(frozen=True)
class Score:
    """True positives, false positives and false negatives, with P, R and F1.

    >>> s = Score(tp=3, fp=1, fn=2)
    >>> round(s.precision, 3), round(s.recall, 3), round(s.f1, 3)
    (0.75, 0.6, 0.667)
    >>> Score().f1
    0.0
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True)
class EntityError:
    """A wrong or duplicate graph entity, or a missed gold entity.

    ``wrong``: the graph entity matches no gold entity, or one of another type
    (``gold_id``/``gold_type`` then say which); ``duplicate``: a second graph entity for
    ``gold_id``; ``missed``: a required gold entity no graph entity of its type
    matches (``node`` is None). ``articles`` are the ids of the articles that mention
    the graph entity (``schema:mentions``) or, for a missed one, list it in the gold.
    """

    kind: Literal["wrong", "duplicate", "missed"]
    type: str
    label: str
    node: str | None
    gold_id: str | None
    gold_type: str | None
    articles: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "type": self.type, "label": self.label, "node": self.node,
                "gold_id": self.gold_id, "gold_type": self.gold_type, "articles": list(self.articles)}


@dataclass(frozen=True)
class RelationError:
    """A wrong or denied graph edge, or a missed gold relation.

    ``wrong``: the edge matches no gold relation; ``denied``: it matches only relations
    the text denies (negative polarity); ``missed``: a required positive gold relation
    no edge matches. ``subject``/``object`` are display labels; ``subject_node``/
    ``object_node`` the graph IRIs (None when missed) and ``subject_gold``/
    ``object_gold`` the gold ids matched. ``evidence`` holds the sentences of the
    graph's statements behind an edge, or the gold evidence of a missed relation;
    ``gold_evidence`` the gold evidence of the relations a denied edge contradicts.
    """

    kind: Literal["wrong", "denied", "missed"]
    predicate: str
    subject: str
    object: str
    subject_node: str | None
    object_node: str | None
    subject_gold: str | None
    object_gold: str | None
    evidence: tuple[Evidence, ...]
    gold_evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "predicate": self.predicate, "subject": self.subject,
                "object": self.object, "subject_node": self.subject_node,
                "object_node": self.object_node, "subject_gold": self.subject_gold,
                "object_gold": self.object_gold, "evidence": [e.to_dict() for e in self.evidence],
                "gold_evidence": [e.to_dict() for e in self.gold_evidence]}


@dataclass(frozen=True)
class Report:
    """Figures per entity type and per predicate (each with an ``all`` total) and errors.

    ``entities`` is None when the gold file does not score entities. ``matches`` maps
    each graph IRI that matched a gold entity by name to its gold id.
    """

    gold: str
    triples: int
    entities: Mapping[str, Score] | None
    relations: Mapping[str, Score]
    entity_errors: tuple[EntityError, ...]
    relation_errors: tuple[RelationError, ...]
    matches: Mapping[str, str]

    def to_dict(self, errors: bool = True) -> dict[str, Any]:
        """The report as JSON-ready data; ``errors=False`` keeps only the figures."""
        data: dict[str, Any] = {"gold": self.gold, "triples": self.triples}
        if self.entities is not None:
            data["entities"] = {k: s.to_dict() for k, s in self.entities.items()}
        data["relations"] = {k: s.to_dict() for k, s in self.relations.items()}
        if errors:
            data["errors"] = {"entities": [e.to_dict() for e in self.entity_errors],
                              "relations": [e.to_dict() for e in self.relation_errors]}
        return data


def _match_entities(gold: GoldSet, view: _GraphView) -> dict[URIRef, str]:
    """Each named graph node -> the gold entity sharing most of its names.

    A name shared by k gold entities gives each of them 1/k of a vote; ties go to
    the smallest gold id.
    """
    matches: dict[URIRef, str] = {}
    for node, names in view.names.items():
        votes: dict[str, Fraction] = defaultdict(Fraction)
        for name in names:
            hits = gold.by_name.get(name, frozenset())
            for eid in hits:
                votes[eid] += Fraction(1, len(hits))
        if votes:
            matches[node] = min(votes, key=lambda eid: (-votes[eid], eid))
    return matches


def _score_entities(gold: GoldSet, view: _GraphView, matches: Mapping[URIRef, str]
                    ) -> tuple[dict[str, Score], list[EntityError]]:
    claimed: set[str] = set()
    counts = {t: [0, 0] for t in ACTOR_TYPES}  # tp, fp
    errors: list[EntityError] = []
    for etype in ACTOR_TYPES:
        for node in sorted(n for n, t in view.types.items() if t == etype):
            eid = matches.get(node)
            ent = gold.entities.get(eid) if eid else None
            label = view.labels.get(node, str(node))
            articles = tuple(view.mentioned_in.get(node, ()))
            if ent is None or etype not in {ent.type} | ent.alt_types:
                counts[etype][1] += 1
                errors.append(EntityError("wrong", etype, label, str(node), eid,
                                          ent.type if ent else None, articles))
            elif eid in claimed:
                counts[etype][1] += 1
                errors.append(EntityError("duplicate", etype, label, str(node), eid, ent.type, articles))
            else:
                claimed.add(ent.id)
                if ent.required and ent.type == etype:
                    counts[etype][0] += 1
                # an optional entity, or one given a defensible other type: neither right nor wrong
    scores: dict[str, Score] = {}
    for etype in ACTOR_TYPES:
        missed = [e for e in gold.entities.values() if e.type == etype and e.required and e.id not in claimed]
        errors.extend(EntityError("missed", etype, e.name, None, e.id, e.type, e.articles)
                      for e in sorted(missed, key=lambda e: e.id))
        scores[etype] = Score(counts[etype][0], counts[etype][1], len(missed))
    scores["all"] = sum(scores.values(), Score())
    order = {"wrong": 0, "duplicate": 1, "missed": 2}
    errors.sort(key=lambda e: (ACTOR_TYPES.index(e.type), order[e.kind]))
    return scores, errors


def _edge_matches(gold: GoldSet, rel: GoldRelation, subj: str, obj: str) -> bool:
    """Whether an edge between gold entities ``subj`` and ``obj`` tells ``rel``."""
    family = gold.family
    # the person who speaks must be the one the gold names; the body may be any equivalent
    subject_ok = subj == rel.subject if rel.predicate == "speaksFor" else subj in family[rel.subject]
    if subject_ok and obj in family[rel.object]:
        return True
    return (rel.predicate == "cooperatesWith"
            and subj in family[rel.object] and obj in family[rel.subject])


def _edge_evidence(view: _GraphView, s: URIRef, pred: str, o: URIRef) -> tuple[Evidence, ...]:
    found = list(view.statements.get((s, pred, o), ()))
    if pred == "cooperatesWith":
        found += [e for e in view.statements.get((o, pred, s), ()) if e not in found]
    return tuple(found)


def _score_relations(gold: GoldSet, view: _GraphView, matches: Mapping[URIRef, str]
                     ) -> tuple[dict[str, Score], list[RelationError]]:
    scores: dict[str, Score] = {}
    errors: list[RelationError] = []
    for pred in gold.predicates_scored:
        rels = [r for r in gold.relations if r.predicate == pred]
        found: set[int] = set()
        tp = fp = 0
        for s, p, o in view.edges:
            if p != pred:
                continue
            subj, obj = matches.get(s), matches.get(o)
            hits = ([i for i, r in enumerate(rels) if _edge_matches(gold, r, subj, obj)]
                    if subj and obj and subj != obj else [])
            positive = [i for i in hits if rels[i].polarity == "positive"]
            fresh = [i for i in positive if rels[i].required and i not in found]
            if fresh:
                found.add(fresh[0])
                tp += 1
            elif not positive:
                fp += 1
                denied = tuple(e for i in hits for e in rels[i].evidence)
                errors.append(RelationError(
                    "denied" if hits else "wrong", pred,
                    view.labels.get(s, str(s)), view.labels.get(o, str(o)), str(s), str(o), subj, obj,
                    _edge_evidence(view, s, pred, o), denied))
            # else: an optional relation, or one more edge for a relation already found
        missed = [r for i, r in enumerate(rels) if r.polarity == "positive" and r.required and i not in found]
        errors.extend(RelationError("missed", pred, gold.entities[r.subject].name, gold.entities[r.object].name,
                                    None, None, r.subject, r.object, r.evidence) for r in missed)
        scores[pred] = Score(tp, fp, len(missed))
    scores["all"] = sum(scores.values(), Score())
    return scores, errors


def evaluate(gold: GoldSet, graph: Graph) -> Report:
    """Score ``graph`` against ``gold``: figures per type and predicate, and the errors.

    ``graph`` may be any rdflib graph or dataset (a dataset is read as the union of
    its graphs when built with ``default_union=True``, as :func:`read_graph` does).
    """
    view = _read_view(graph)
    matches = _match_entities(gold, view)
    entities, entity_errors = _score_entities(gold, view, matches) if gold.entities_scored else (None, [])
    relations, relation_errors = _score_relations(gold, view, matches)
    return Report(
        gold=gold.source,
        triples=view.triples,
        entities=MappingProxyType(entities) if entities is not None else None,
        relations=MappingProxyType(relations),
        entity_errors=tuple(entity_errors),
        relation_errors=tuple(relation_errors),
        matches=MappingProxyType({str(n): e for n, e in sorted(matches.items())}),
    )

