"""SPARQL over graphbuild graphs: shipped queries, bound parameters, two engines.

A query runs on one of

* a :class:`pyoxigraph.Store` or a :class:`graphbuild.store.Store` (Oxigraph's engine,
  fast at any size; :func:`load_source` puts a graph file into an in-memory one), or
* an :class:`rdflib.Graph` (rdflib's engine; fine for small graphs, unusable for joins
  at a million triples).

The prefixes of :data:`graphbuild.vocab.PREFIXES` are bound through the engine
(``prefixes=`` for Oxigraph, ``initNs`` for rdflib), so queries use ``gb:``, ``gbr:``,
``schema:`` ... without declaring them. Parameters are bound as RDF terms through the
engine (``substitutions=`` for Oxigraph, ``initBindings`` for rdflib), never pasted into
the query text, so a value cannot change the query. Oxigraph binds a variable only if
the ``SELECT`` clause projects it (SPARQL-dev SEP-0007), so shipped queries project
their parameters.

Shipped queries live in ``graphbuild/queries/*.rq``; a comment header says what each
answers and declares its parameters::

    # param: speaker (actor) — who speaks: an actor IRI, prefixed name or label
    # param: start (date, optional) — earliest article date, YYYY-MM-DD

Parameter kinds: ``actor`` (IRI, prefixed name, or a label resolved through
``rdfs:label`` then ``skos:altLabel``, case-insensitively), ``date`` (``xsd:date``),
``iri``, ``string``, ``integer``.

>>> import rdflib
>>> graph = rdflib.Graph()
>>> _ = graph.parse(data='''
...     @prefix gb: <https://w3id.org/graphbuild/ontology#> .
...     @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
...     <https://w3id.org/graphbuild/resource/country/russia> a gb:Country ;
...         rdfs:label "Russia" .''', format="turtle")
>>> result = run_query(graph, "SELECT ?label WHERE { ?c a gb:Country ; rdfs:label ?label }")
>>> result.variables, [str(row[0]) for row in result.rows]
(('label',), ['Russia'])
>>> run_query(graph, "SELECT ?c ?label WHERE { ?c rdfs:label ?label }",
...           params={"label": "Russia"}).rows[0][0]
rdflib.term.URIRef('https://w3id.org/graphbuild/resource/country/russia')
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator, Literal as TypingLiteral, Mapping

import pyoxigraph as ox
import rdflib
from rdflib.term import BNode, Literal, Node, URIRef, Variable

from graphbuild.errors import GraphFileError, QueryError
from graphbuild.vocab import PREFIXES, bind_prefixes

__all__ = [
    "PARAM_KINDS",
    "QueryResult",
    "ShippedQuery",
    "format_result",
    "list_queries",
    "load_source",
    "oxigraph_format",
    "parse_graph_file",
    "parse_params",
    "resolve_actor",
    "resolve_query",
    "run_query",
    "shipped_query",
]

XSD = rdflib.namespace.XSD
_XSD_STRING = str(XSD.string)
_RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

#: The kinds a shipped query's parameter can declare.
PARAM_KINDS: tuple[str, ...] = ("actor", "date", "iri", "string", "integer")

#: Output formats of :func:`format_result`, by kind of result.
SELECT_FORMATS: tuple[str, ...] = ("csv", "tsv", "json", "xml")
GRAPH_FORMATS: tuple[str, ...] = ("turtle", "nt", "xml", "json-ld")

_PARAM_LINE = re.compile(
    r"^#\s*param:\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*"
    r"(?:\((?P<kind>[a-z]+)(?P<optional>\s*,\s*optional)?\))?\s*[—–-]+\s*(?P<doc>.*)$"
)
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


# --------------------------------------------------------------------- shipped queries
@dataclass(frozen=True)
class Param:
    """A parameter a shipped query declares in its header."""

    name: str
    kind: str
    optional: bool
    doc: str


@dataclass(frozen=True)
class ShippedQuery:
    """A query of ``graphbuild/queries``: its name, header and text."""

    name: str
    text: str
    summary: str
    description: str
    params: tuple[Param, ...] = ()

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def _parse_header(name: str, text: str) -> ShippedQuery:
    comments: list[str] = []
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _PARAM_LINE.match(line)
        if match:
            kind = match["kind"] or "string"
            if kind not in PARAM_KINDS:
                raise QueryError(
                    f"Shipped query {name!r} declares parameter {match['name']!r} of "
                    f"unknown kind {kind!r}; use one of {', '.join(PARAM_KINDS)}."
                )
            params.append(Param(match["name"], kind, bool(match["optional"]), match["doc"]))
        else:
            comments.append(line.lstrip("#").strip())
    description = " ".join(c for c in comments if c)
    summary = re.split(r"(?<=[.:])\s", description, maxsplit=1)[0].rstrip(":.")
    return ShippedQuery(name, text, summary, description, tuple(params))


def list_queries() -> list[ShippedQuery]:
    """Every shipped query, sorted by name."""
    folder = resources.files("graphbuild") / "queries"
    queries = [
        _parse_header(entry.name[: -len(".rq")], entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".rq")
    ]
    return sorted(queries, key=lambda q: q.name)


def shipped_query(name: str) -> ShippedQuery:
    """The shipped query called ``name`` (``who-accuses-whom``)."""
    queries = {q.name: q for q in list_queries()}
    if name not in queries:
        raise QueryError(
            f"No shipped query named {name!r}; the shipped queries are "
            f"{', '.join(sorted(queries))} (graphbuild query --list)."
        )
    return queries[name]


def resolve_query(query: str | Path) -> ShippedQuery | str:
    """Turn what the user gave into query text or a shipped query.

    ``query`` is the name of a shipped query, the path of a ``.rq``/``.sparql`` file,
    or SPARQL text.
    """
    if isinstance(query, Path):
        return _read_query_file(query)
    text = query.strip()
    if _NAME.match(text):
        names = {q.name for q in list_queries()}
        if text in names:
            return shipped_query(text)
        if not Path(text).is_file():
            raise QueryError(
                f"{text!r} is neither a shipped query ({', '.join(sorted(names))}), "
                "a query file nor SPARQL text."
            )
    if "\n" not in text and len(text) < 4096 and Path(text).is_file():
        return _read_query_file(Path(text))
    if text.endswith((".rq", ".sparql")) and "{" not in text:
        raise QueryError(f"Query file {text} does not exist.")
    return query


def _read_query_file(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise QueryError(f"Cannot read query file {path}: {err}") from err


# --------------------------------------------------------------------- sources
def load_source(source: str | Path, *, read_only: bool = True) -> ox.Store:
    """Open ``source`` for querying as a :class:`pyoxigraph.Store`.

    A directory is opened as a graphbuild store (read-only unless told otherwise);
    a file is parsed into an in-memory store, by Oxigraph when it knows the format
    (Turtle, N-Triples, N-Quads, TriG, N3, RDF/XML, JSON-LD), else by rdflib.
    """
    path = Path(source)
    if path.is_dir():
        from graphbuild.store import Store

        return Store.open(path, read_only=read_only, create=False).oxigraph
    if not path.is_file():
        raise GraphFileError(f"{path} does not exist; give a graph file or a store directory.")
    store = ox.Store()
    rdf_format = oxigraph_format(path)
    try:
        if rdf_format is not None:
            store.load(path=str(path), format=rdf_format)
        else:
            store.extend(ox.Quad(*map(to_oxigraph, t)) for t in parse_graph_file(path))
    except SyntaxError as err:
        raise GraphFileError(f"Cannot parse {path}: {err}") from err
    except (OSError, ValueError) as err:
        raise GraphFileError(f"Cannot read {path}: {err}") from err
    return store


def oxigraph_format(path: Path) -> ox.RdfFormat | None:
    """The Oxigraph RDF format of a file, by extension, or None when Oxigraph has none."""
    suffix = path.suffix.lower().lstrip(".")
    return ox.RdfFormat.from_extension(suffix) if suffix else None


def parse_graph_file(path: str | Path) -> rdflib.Graph:
    """Parse an RDF file with rdflib (format from the extension) into a Graph.

    Quad formats (TriG, N-Quads, TriX) are read as the union of their graphs.
    """
    path = Path(path)
    rdf_format = rdflib.util.guess_format(str(path))
    if rdf_format is None:
        raise GraphFileError(
            f"Cannot tell the RDF format of {path} from its extension; use .ttl, .nt, "
            ".nq, .trig, .n3, .rdf, .xml or .jsonld."
        )
    try:
        if rdf_format in ("trig", "nquads", "trix"):
            dataset = rdflib.Dataset(default_union=True)
            dataset.parse(str(path), format=rdf_format)
            graph = rdflib.Graph()
            for triple in dataset.triples((None, None, None)):
                graph.add(triple)
            return graph
        return rdflib.Graph().parse(str(path), format=rdf_format)
    except Exception as err:  # rdflib's parsers raise many unrelated types
        raise GraphFileError(f"Cannot parse {path} as {rdf_format}: {err}") from err


# --------------------------------------------------------------------- terms
def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"Cannot convert {term!r} to an Oxigraph term.")


def to_rdflib(term: Any) -> Node:
    """A pyoxigraph term as an rdflib term (``xsd:string`` literals become plain)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype in (_XSD_STRING, _RDF_LANGSTRING):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise QueryError(f"Results hold {term!r}, which graphbuild cannot represent (RDF-star?).")


# --------------------------------------------------------------------- results
@dataclass(frozen=True)
class QueryResult:
    """The answer to a query, engine-independent, with rdflib terms.

    ``kind`` is ``"select"`` (``variables`` and ``rows``; an unbound cell is ``None``),
    ``"ask"`` (``boolean``) or ``"graph"`` (CONSTRUCT/DESCRIBE: ``graph``).
    """

    kind: TypingLiteral["select", "ask", "graph"]
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    graph: rdflib.Graph | None = field(default=None, compare=False)

    def __len__(self) -> int:
        if self.kind == "graph":
            return len(self.graph) if self.graph is not None else 0
        return len(self.rows)

    def __iter__(self) -> Iterator[tuple[Node | None, ...]]:
        return iter(self.rows)

    def dicts(self) -> list[dict[str, Node]]:
        """The rows as ``{variable: term}``, unbound variables left out."""
        return [
            {var: term for var, term in zip(self.variables, row) if term is not None}
            for row in self.rows
        ]


# --------------------------------------------------------------------- running
def run_query(
    source: Any,
    query: str | ShippedQuery,
    params: Mapping[str, str | Node] | None = None,
) -> QueryResult:
    """Run ``query`` on ``source`` with ``params`` bound, and return the answer.

    ``source``: an :class:`rdflib.Graph` (rdflib's engine), a :class:`pyoxigraph.Store`
    or a :class:`graphbuild.store.Store` (Oxigraph's engine). ``query``: SPARQL text or
    a :class:`ShippedQuery` (see :func:`resolve_query`). ``params``: variable name ->
    value; rdflib terms are bound as they are, strings are read by the kind the
    shipped query declares (an undeclared one: ``<iri>``, ``prefix:local`` for a
    known prefix, or a plain literal).

    Raises :class:`QueryError` for malformed SPARQL (with line and column), unknown,
    missing or malformed parameters and labels that name no actor.
    """
    shipped = query if isinstance(query, ShippedQuery) else None
    text = shipped.text if shipped else query
    source = _engine_source(source)
    bindings = _bind_params(source, text, shipped, dict(params or {}))
    if isinstance(source, rdflib.Graph):
        return _run_rdflib(source, text, bindings)
    return _run_oxigraph(source, text, bindings)


def _engine_source(source: Any) -> rdflib.Graph | ox.Store:
    if isinstance(source, (rdflib.Graph, ox.Store)):
        return source
    inner = getattr(source, "oxigraph", None)
    if isinstance(inner, ox.Store):
        return inner
    raise TypeError(
        f"Cannot query a {type(source).__name__}; give an rdflib.Graph, a "
        "pyoxigraph.Store or a graphbuild.store.Store (load_source opens files)."
    )


def _run_oxigraph(store: ox.Store, text: str, bindings: dict[str, Node]) -> QueryResult:
    substitutions = {ox.Variable(name): to_oxigraph(term) for name, term in bindings.items()}
    try:
        answer = store.query(text, prefixes=PREFIXES, substitutions=substitutions or None)
    except SyntaxError as err:
        raise QueryError(_oxigraph_syntax_message(err, text)) from err
    except RuntimeError as err:
        raise QueryError(_oxigraph_runtime_message(str(err))) from err
    except OSError as err:
        raise GraphFileError(f"Cannot read the store: {err}") from err
    try:
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            variables = tuple(v.value for v in answer.variables)
            # A solution iterates over its values in the order of the variables (None
            # when unbound). Results repeat terms (labels, dates, counts) and an rdflib
            # Literal is costly to build: convert each distinct term once.
            converted: dict[Any, Node | None] = {None: None}

            def convert(term: Any) -> Node | None:
                try:
                    return converted[term]
                except KeyError:
                    converted[term] = node = to_rdflib(term)
                    return node

            rows = tuple(tuple(map(convert, solution)) for solution in answer)
            return QueryResult("select", variables=variables, rows=rows)
        graph = rdflib.Graph()
        bind_prefixes(graph)
        for triple in answer:
            graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate),
                       to_rdflib(triple.object)))
        return QueryResult("graph", graph=graph)
    except (RuntimeError, OSError) as err:  # evaluation errors surface while iterating
        raise QueryError(f"The query failed while running: {err}") from err


def _oxigraph_syntax_message(err: SyntaxError, text: str) -> str:
    message = " ".join(str(err).split())
    match = re.match(r"error at (\d+):(\d+): (.*)", message)
    if not match:
        return f"Bad SPARQL: {message}"
    line, column, detail = match.groups()
    if "Prefix not found" in detail:
        # Oxigraph points just past the prefixed name; name the prefix and say what is bound.
        lines = text.splitlines()
        before = lines[int(line) - 1][: int(column) - 1] if int(line) <= len(lines) else ""
        prefix = re.search(r"([A-Za-z][\w.-]*)?:[\w.\-/]*$", before)
        name = prefix.group(1) or "" if prefix else "?"
        detail = (f"unknown prefix '{name}:'; declare it with PREFIX or use one of "
                  f"{', '.join(PREFIXES)}")
    elif len(detail) > 200:
        detail = detail[:200].rstrip() + " ..."
    return f"Bad SPARQL at line {line}, column {column}: {detail}"


def _oxigraph_runtime_message(message: str) -> str:
    match = re.search(r"does not contains? variable \?(\w+) in its SELECT projection", message)
    if match:
        return (
            f"Parameter {match[1]!r} must be a variable the SELECT clause projects "
            f"(add ?{match[1]} to it); Oxigraph binds only projected variables."
        )
    return f"The query failed: {' '.join(message.split())}"


def _run_rdflib(graph: rdflib.Graph, text: str, bindings: dict[str, Node]) -> QueryResult:
    from pyparsing import ParseException

    try:
        answer = graph.query(text, initNs=PREFIXES, initBindings=bindings or None)
        if answer.type == "ASK":
            return QueryResult("ask", boolean=bool(answer.askAnswer))
        if answer.type == "SELECT":
            variables = tuple(str(v) for v in answer.vars)
            rows = tuple(tuple(row) for row in answer)
            return QueryResult("select", variables=variables, rows=rows)
        result_graph = rdflib.Graph()
        bind_prefixes(result_graph)
        for triple in answer:
            result_graph.add(triple)
        return QueryResult("graph", graph=result_graph)
    except ParseException as err:
        detail = " ".join(str(err.msg).split())
        raise QueryError(f"Bad SPARQL at line {err.lineno}, column {err.col}: {detail}") from err
    except Exception as err:  # rdflib's algebra raises bare Exceptions for bad queries
        if isinstance(err, (QueryError, GraphFileError)):
            raise
        raise QueryError(f"Bad SPARQL: {' '.join(str(err).split())}") from err


# --------------------------------------------------------------------- parameters
def _bind_params(
    source: rdflib.Graph | ox.Store,
    text: str,
    shipped: ShippedQuery | None,
    params: dict[str, str | Node],
) -> dict[str, Node]:
    if shipped is not None:
        unknown = sorted(set(params) - {p.name for p in shipped.params})
        if unknown:
            declared = ", ".join(p.name for p in shipped.params) or "none"
            raise QueryError(
                f"Query {shipped.name!r} has no parameter {unknown[0]!r}; its parameters: "
                f"{declared}."
            )
        missing = [p.name for p in shipped.params if not p.optional and p.name not in params]
        if missing:
            raise QueryError(
                f"Query {shipped.name!r} needs parameter {missing[0]!r} "
                f"(--param {missing[0]}=VALUE)."
            )
    bindings: dict[str, Node] = {}
    for name, value in sorted(params.items()):
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"Parameter name {name!r} is not a SPARQL variable name.")
        if shipped is None and not re.search(rf"[?$]{name}\b", text):
            raise QueryError(f"The query has no variable ?{name} to bind parameter {name!r} to.")
        declared = shipped.param(name) if shipped else None
        if isinstance(value, Node):
            bindings[name] = value
        elif declared is None:
            bindings[name] = _term_from_text(value)
        else:
            bindings[name] = _typed_term(source, declared, value)
    return bindings


def _expand(value: str) -> URIRef | None:
    """``<iri>``, an absolute http(s)/urn IRI, or ``prefix:local`` with a known prefix."""
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        iri = value[1:-1]
    elif re.match(r"^(https?|urn|file):", value):
        iri = value
    else:
        prefix, colon, local = value.partition(":")
        if not colon or prefix not in PREFIXES:
            return None
        iri = PREFIXES[prefix] + local
    if not iri or re.search(r'[\s<>"{}|\\^`]', iri):
        raise QueryError(f"{value!r} is not a valid IRI.")
    return URIRef(iri)


def _term_from_text(value: str) -> Node:
    iri = _expand(value)
    if iri is not None:
        return iri
    return Literal(value)


def _typed_term(source: rdflib.Graph | ox.Store, param: Param, value: str) -> Node:
    if param.kind == "actor":
        actors = resolve_actor(source, value)
        if len(actors) > 1:
            listed = ", ".join(f"<{a}>" for a in actors[:5])
            raise QueryError(
                f"{param.name}={value!r} names {len(actors)} actors ({listed}); "
                "give one of their IRIs instead."
            )
        return actors[0]
    if param.kind == "date":
        try:
            return Literal(date.fromisoformat(value.strip()).isoformat(), datatype=XSD.date)
        except ValueError as err:
            raise QueryError(
                f"{param.name}={value!r} is not a date; write it as YYYY-MM-DD."
            ) from err
    if param.kind == "integer":
        try:
            return Literal(str(int(value)), datatype=XSD.integer)
        except ValueError as err:
            raise QueryError(f"{param.name}={value!r} is not an integer.") from err
    if param.kind == "iri":
        iri = _expand(value)
        if iri is None:
            raise QueryError(
                f"{param.name}={value!r} is not an IRI; write <http://...> or a prefixed "
                f"name with one of the prefixes {', '.join(PREFIXES)}."
            )
        return iri
    return Literal(value)


_RESOLVE_LABEL = """
SELECT DISTINCT ?actor ?rank ?label WHERE {
  VALUES ?class { gb:Actor gb:Official gb:Ministry gb:Country gb:Group }
  ?actor a ?class .
  { ?actor rdfs:label ?name BIND(1 AS ?rank) }
  UNION
  { ?actor skos:altLabel ?name BIND(2 AS ?rank) }
  FILTER(LCASE(STR(?name)) = LCASE(STR(?label)))
}
ORDER BY ?rank STR(?actor)
"""

_IS_ACTOR = """
SELECT ?actor WHERE {
  VALUES ?class { gb:Actor gb:Official gb:Ministry gb:Country gb:Group }
  ?actor a ?class .
} LIMIT 1
"""


def resolve_actor(source: Any, value: str) -> list[URIRef]:
    """The actor IRI(s) ``value`` names: an IRI or prefixed name, else a label.

    A label matches ``rdfs:label`` first, ``skos:altLabel`` only when no label does;
    case is ignored. Raises :class:`QueryError` when nothing matches. The label is bound
    into the lookup query as a literal, never pasted.
    """
    source = _engine_source(source)
    iri = _expand(value)
    if iri is not None:
        found = _run_plain(source, _IS_ACTOR, {"actor": iri})
        if not found.rows:
            raise QueryError(f"{value!r} is not an actor of this graph.")
        return [iri]
    found = _run_plain(source, _RESOLVE_LABEL, {"label": Literal(value)})
    if not found.rows:
        raise QueryError(
            f"No actor is labelled {value!r}; graphbuild query SOURCE entities lists them."
        )
    best = found.rows[0][1]
    return [row[0] for row in found.rows if row[1] == best]


def _run_plain(source: rdflib.Graph | ox.Store, text: str, bindings: dict[str, Node]) -> QueryResult:
    if isinstance(source, rdflib.Graph):
        return _run_rdflib(source, text, bindings)
    return _run_oxigraph(source, text, bindings)


# --------------------------------------------------------------------- formats
def format_result(result: QueryResult, fmt: str) -> str:
    """Serialise ``result``: SPARQL 1.1 results as ``csv``, ``tsv``, ``json`` or ``xml``;
    CONSTRUCT/DESCRIBE graphs as ``turtle``, ``nt``, ``xml`` or ``json-ld``.

    Deterministic: rows keep the query's order; graphs are written sorted.
    """
    fmt = fmt.lower()
    if result.kind == "graph":
        if fmt not in GRAPH_FORMATS:
            raise QueryError(
                f"A CONSTRUCT or DESCRIBE result is a graph; format {fmt!r} does not apply "
                f"(use {', '.join(GRAPH_FORMATS)})."
            )
        graph = result.graph if result.graph is not None else rdflib.Graph()
        if fmt == "nt":
            lines = graph.serialize(format="nt").splitlines()
            return "".join(line + "\n" for line in sorted(filter(None, lines)))
        rdflib_format = {"xml": "pretty-xml", "json-ld": "json-ld"}.get(fmt, fmt)
        return graph.serialize(format=rdflib_format)
    if fmt not in SELECT_FORMATS:
        raise QueryError(
            f"Format {fmt!r} is for graphs; a SELECT or ASK result is written as "
            f"{', '.join(SELECT_FORMATS)}."
        )
    if fmt == "json":
        return json.dumps(_json_results(result), ensure_ascii=False, indent=1) + "\n"
    if fmt == "xml":
        return _xml_results(result)
    if result.kind == "ask":
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "csv":
        # SPARQL 1.1 CSV: plain values, CRLF line ends.
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow(["" if t is None else _csv_value(t) for t in row])
        return buffer.getvalue()
    # SPARQL 1.1 TSV: variables with '?', terms in Turtle/N-Triples syntax.
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    for row in result.rows:
        lines.append("\t".join("" if t is None else _tsv_value(t) for t in row))
    return "\n".join(lines) + "\n"


def _csv_value(term: Node) -> str:
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _tsv_value(term: Node) -> str:
    text = term.n3()
    # N-Triples escapes keep tabs and newlines from breaking the row.
    return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None and str(term.datatype) != _XSD_STRING:
        out["datatype"] = str(term.datatype)
    return out


def _json_results(result: QueryResult) -> dict[str, Any]:
    if result.kind == "ask":
        return {"head": {}, "boolean": bool(result.boolean)}
    return {
        "head": {"vars": list(result.variables)},
        "results": {
            "bindings": [
                {v: _json_term(t) for v, t in zip(result.variables, row) if t is not None}
                for row in result.rows
            ]
        },
    }


def _xml_results(result: QueryResult) -> str:
    from rdflib.query import Result

    rdflib_result = Result("ASK" if result.kind == "ask" else "SELECT")
    if result.kind == "ask":
        rdflib_result.askAnswer = bool(result.boolean)
    else:
        rdflib_result.vars = [Variable(v) for v in result.variables]
        rdflib_result.bindings = [
            {Variable(v): t for v, t in zip(result.variables, row) if t is not None}
            for row in result.rows
        ]
    return rdflib_result.serialize(format="xml").decode("utf-8")


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """``["actor=Russia", "start=2015-01-01"]`` -> ``{"actor": "Russia", ...}``.

    >>> parse_params(["actor=Russia", "q=a=b"])
    {'actor': 'Russia', 'q': 'a=b'}
    """
    params: dict[str, str] = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        if not equals or not name.strip():
            raise QueryError(f"Parameter {pair!r} is not NAME=VALUE.")
        name = name.strip().lstrip("?$")
        if name in params:
            raise QueryError(f"Parameter {name!r} is given twice.")
        params[name] = value
    return params
